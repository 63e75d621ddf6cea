"""What the demo contests are made of: titles and texts of the 2022 initiatives and slogans.

Texts are written the way teachers and pupils of Hanoi schools write them (made up, not
taken from the real entries). Slogans are built from halves, so a few hundred differ,
and some near-duplicates across schools are added on purpose (reworded, halves swapped,
diacritics dropped) for the duplicate check.
"""

# (title, the problem, what the team will do, expected result)
WATER_INITIATIVES = [
    (
        "Vòi nước tự ngắt cho khu rửa tay",
        "Ở khu rửa tay tầng 1, học sinh hay quên khóa vòi; mỗi giờ ra chơi nước chảy tràn.",
        "Nhóm lắp vòi nhấn tự ngắt ở 6 vòi, dán biển nhắc và cử bạn trực nhật kiểm tra sau giờ ra chơi.",
        "Giảm khoảng 30% lượng nước dùng ở khu rửa tay, đo bằng đồng hồ nước tầng 1.",
    ),
    (
        "Thu nước mưa tưới vườn trường",
        "Vườn rau của trường được tưới bằng nước máy mỗi ngày, kể cả mùa mưa.",
        "Đặt 2 thùng chứa 500 lít dưới máng xối nhà B, nối vòi tưới nhỏ giọt cho vườn rau.",
        "Mỗi tháng mùa mưa tiết kiệm khoảng 3 m³ nước máy.",
    ),
    (
        "Chai nước trong két bồn cầu",
        "Bồn cầu cũ ở nhà vệ sinh học sinh xả 9 lít mỗi lần.",
        "Đặt chai nhựa đựng đầy cát vào két nước của 12 bồn cầu, theo dõi xem có bị tắc không.",
        "Mỗi lần xả bớt khoảng 1 lít, mỗi tháng tiết kiệm vài khối nước.",
    ),
    (
        "Đội Thám tử rò rỉ",
        "Trường có nhiều vòi và đường ống cũ bị rỉ nhưng không ai báo.",
        "Mỗi lớp cử 2 bạn đi kiểm tra vòi nước hằng tuần, ghi vào sổ và báo bác bảo vệ sửa.",
        "Phát hiện và sửa mọi chỗ rò rỉ trong vòng một tuần.",
    ),
    (
        "Tái sử dụng nước rửa rau của bếp ăn",
        "Bếp ăn bán trú rửa rau mỗi ngày bằng nhiều chậu nước rồi đổ đi.",
        "Gom nước rửa rau lần cuối vào xô để tưới cây và lau sân.",
        "Khoảng 200 lít nước mỗi ngày được dùng lại.",
    ),
    (
        "Góc “Một giọt nước” ở mỗi lớp",
        "Học sinh chưa biết lớp mình dùng bao nhiêu nước.",
        "Mỗi lớp có bảng theo dõi số lần quên khóa vòi, cuối tháng bình chọn lớp tiết kiệm nhất.",
        "100% lớp tham gia; số lần quên khóa vòi giảm một nửa sau hai tháng.",
    ),
    (
        "Bình nước cá nhân thay cốc nhựa",
        "Học sinh rửa cốc dùng chung nhiều lần trong ngày và đổ nước thừa.",
        "Vận động mỗi bạn mang bình nước riêng, đặt trạm lọc nước có vạch đong.",
        "Giảm nước rửa cốc và lượng nước uống bị đổ bỏ.",
    ),
    (
        "Tưới nhỏ giọt cho bồn hoa từ chai nhựa cũ",
        "Bồn hoa sân trường được tưới bằng vòi phun, nước chảy ra đường.",
        "Làm hệ thống tưới nhỏ giọt từ chai nhựa cũ đục lỗ, cắm cạnh gốc cây.",
        "Tiết kiệm khoảng một nửa nước tưới và tái sử dụng 100 chai nhựa.",
    ),
    (
        "Truyền thông “Khóa vòi khi xoa xà phòng”",
        "Khi rửa tay các bạn để nước chảy suốt lúc xoa xà phòng.",
        "Làm áp phích, clip ngắn và tiểu phẩm trong giờ chào cờ về cách rửa tay tiết kiệm nước.",
        "Mỗi lần rửa tay tiết kiệm khoảng 2 lít nước.",
    ),
    (
        "Đồng hồ nước mini cho từng khu",
        "Trường chỉ có một đồng hồ tổng nên không biết khu nào dùng nhiều nước.",
        "Đề xuất lắp 3 đồng hồ phụ, nhóm ghi số hằng tuần và vẽ biểu đồ dán ở bảng tin.",
        "Biết khu dùng nhiều nhất để có giải pháp riêng; giảm 15% sau một học kỳ.",
    ),
    (
        "Nước rửa tay tái sử dụng để dội nhà vệ sinh",
        "Nước từ lavabo chảy thẳng xuống cống.",
        "Làm mô hình thu nước lavabo vào thùng chứa để dội bồn cầu ở nhà vệ sinh giáo viên.",
        "Mô hình chạy thử trong một tháng, đo lượng nước tiết kiệm được.",
    ),
    (
        "Sổ tay “Gia đình tiết kiệm nước”",
        "Nhiều gia đình học sinh chưa chú ý tiết kiệm nước ở nhà.",
        "Nhóm soạn sổ tay 10 mẹo tiết kiệm nước, mỗi bạn cùng bố mẹ ghi hóa đơn nước 3 tháng.",
        "200 gia đình tham gia; hóa đơn nước giảm trung bình 10%.",
    ),
    (
        "Bảo vệ hồ Hoàn Kiếm từ những việc nhỏ",
        "Rác và nước thải sinh hoạt làm ô nhiễm các hồ trong quận.",
        "Tổ chức buổi nhặt rác quanh hồ, tuyên truyền không xả rác, không đổ nước thải xuống cống thoát mưa.",
        "Hơn 300 học sinh tham gia; 50 kg rác được thu gom.",
    ),
    (
        "Lau sàn bằng nước đã qua sử dụng",
        "Lao công dùng nước sạch để lau hành lang mỗi buổi.",
        "Tận dụng nước rửa tay và nước rửa rau đã lắng để lau sàn hành lang.",
        "Mỗi ngày tiết kiệm khoảng 100 lít nước sạch.",
    ),
    (
        "Máy đếm giây rửa tay",
        "Các bạn nhỏ để nước chảy rất lâu khi rửa tay.",
        "Làm đồng hồ cát 20 giây đặt ở mỗi bồn rửa, hướng dẫn rửa tay đúng và khóa vòi đúng lúc.",
        "Thời gian mở vòi mỗi lần rửa tay giảm còn dưới 30 giây.",
    ),
    (
        "Hồ cá sinh thái lọc nước tự nhiên",
        "Bể cá của trường phải thay nước thường xuyên.",
        "Trồng rau thủy canh trên bể cá để cây lọc nước, dùng nước thay bể để tưới cây.",
        "Giảm số lần thay nước bể cá từ mỗi tuần xuống mỗi tháng.",
    ),
    (
        "Cuộc thi vẽ tranh “Nước là sự sống”",
        "Học sinh tiểu học khó nhớ các thông điệp dài về tiết kiệm nước.",
        "Tổ chức thi vẽ tranh theo lớp, treo tranh ở hành lang và gần các vòi nước.",
        "Hơn 500 bức tranh; thông điệp tiết kiệm nước có mặt ở mọi khu rửa tay.",
    ),
    (
        "Điều chỉnh van giảm áp lực nước",
        "Áp lực nước ở tầng 1 quá mạnh, nước bắn ra ngoài khi mở vòi.",
        "Cùng nhân viên kỹ thuật điều chỉnh van tổng và lắp đầu vòi tạo bọt khí.",
        "Lưu lượng mỗi vòi giảm khoảng 40% mà vẫn rửa tay sạch.",
    ),
    (
        "Nhật ký nước của lớp em",
        "Không ai biết mỗi ngày lớp dùng bao nhiêu nước.",
        "Mỗi lớp có xô chia vạch, ghi nhật ký nước dùng để lau bảng, tưới cây trong 4 tuần.",
        "Học sinh biết lượng nước lớp dùng và tự đặt mục tiêu giảm.",
    ),
    (
        "Trạm nạp nước uống thay chai nhựa",
        "Học sinh mua nước đóng chai, vừa tốn tiền vừa thải nhựa.",
        "Đặt 2 trạm nạp nước uống ở sân trường, vận động mang bình riêng.",
        "Giảm 300 chai nhựa mỗi tuần và tận dụng nước thừa tưới cây.",
    ),
    (
        "Vườn mưa nhỏ ở góc sân",
        "Sân trường bị ngập sau mưa lớn, nước mưa chảy hết xuống cống.",
        "Đào một vườn mưa nhỏ trồng cây chịu nước để nước mưa thấm xuống đất.",
        "Góc sân hết ngập sau mưa; cây xanh tăng thêm 10 m².",
    ),
    (
        "Câu lạc bộ Đại sứ nước",
        "Việc nhắc nhở tiết kiệm nước chỉ làm vào dịp đặc biệt.",
        "Thành lập câu lạc bộ 20 thành viên, mỗi tuần phát thanh măng non về tiết kiệm nước.",
        "Hoạt động duy trì cả năm học; mọi lớp được nghe ít nhất 10 bản tin.",
    ),
    (
        "Rửa khay ăn bán trú tiết kiệm",
        "Khay ăn bán trú được xả dưới vòi nước chảy liên tục.",
        "Chuyển sang rửa trong 3 chậu nối tiếp: tráng – rửa – tráng sạch.",
        "Giảm khoảng 40% nước rửa khay mỗi bữa.",
    ),
    (
        "Cảm biến độ ẩm cho vườn trường",
        "Vườn trường được tưới theo thói quen, có hôm đất còn ẩm vẫn tưới.",
        "Nhóm STEM lắp cảm biến độ ẩm đất với đèn báo, chỉ tưới khi đèn đỏ.",
        "Số lần tưới giảm một nửa mà rau vẫn tốt.",
    ),
    (
        "Bản đồ nước của trường",
        "Học sinh không biết nước của trường đến từ đâu và đi về đâu.",
        "Vẽ bản đồ đường nước, các vòi, bể chứa và cống thoát; đặt mã QR dẫn tới bài học ngắn.",
        "Bản đồ treo ở sảnh; dùng trong các tiết Tự nhiên và Xã hội.",
    ),
    (
        "Tuần lễ “Không lãng phí nước”",
        "Tiết kiệm nước chưa thành thói quen hằng ngày.",
        "Mỗi năm tổ chức một tuần với thử thách cho từng lớp, so sánh số đồng hồ nước trước và sau.",
        "Lượng nước tuần thử thách giảm 20% so với tuần trước.",
    ),
    (
        "Tận dụng nước điều hòa",
        "Nước ngưng từ máy điều hòa chảy xuống sân, gây trơn trượt.",
        "Dẫn nước ngưng vào can chứa để tưới cây và lau bảng.",
        "Mỗi ngày hè thu được khoảng 20 lít nước.",
    ),
]

# (title, the problem, what the team will do, expected result)
PLASTIC_INITIATIVES = [
    (
        "Ngân hàng túi vải cho căng tin",
        "Căng tin phát túi nilon cho mỗi lần mua đồ ăn sáng.",
        "May 300 túi vải từ vải vụn, học sinh mượn và trả ở căng tin; căng tin không phát túi nilon.",
        "Giảm 80% túi nilon ở căng tin sau một tháng.",
    ),
    (
        "Đổi vỏ hộp sữa lấy cây xanh",
        "Vỏ hộp sữa và ống hút bị vứt lẫn vào rác chung sau giờ uống sữa.",
        "Mỗi lớp gom vỏ hộp sữa đã rửa và ép dẹt; 50 vỏ đổi được một chậu cây.",
        "Thu gom 5.000 vỏ hộp sữa mỗi tháng để tái chế.",
    ),
    (
        "Thùng phân loại rác ba ngăn tự làm",
        "Trường chỉ có thùng rác chung, rác nhựa lẫn rác hữu cơ.",
        "Làm thùng ba ngăn từ thùng sơn cũ, dán hướng dẫn bằng hình ảnh ở mỗi tầng.",
        "Rác nhựa được tách riêng ở mọi tầng; rác thải nhựa giá trị thấp được cân hằng tuần.",
    ),
    (
        "Gạch sinh thái từ chai nhựa",
        "Túi nilon, vỏ bim bim không tái chế được và bị đem chôn lấp.",
        "Nhồi rác nhựa giá trị thấp sạch, khô vào chai nhựa để làm gạch sinh thái xây bồn cây.",
        "Làm 400 viên gạch sinh thái, xây 2 bồn cây ở sân trường.",
    ),
    (
        "Nói không với ống hút nhựa",
        "Mỗi ngày trường thải ra hàng trăm ống hút nhựa từ sữa và nước uống.",
        "Vận động dùng ống hút tre, ống hút giấy; bán ống hút inox giá rẻ ở căng tin.",
        "Giảm 90% ống hút nhựa sau hai tháng.",
    ),
    (
        "Chợ phiên đồ cũ “Trao là nhận”",
        "Đồ dùng học tập bằng nhựa còn tốt bị bỏ đi mỗi cuối năm.",
        "Tổ chức chợ phiên trao đổi đồ dùng học tập, đồ chơi cũ mỗi học kỳ.",
        "Hơn 1.000 món đồ được trao đổi thay vì bỏ đi.",
    ),
    (
        "Kiểm toán rác của lớp em",
        "Học sinh không biết lớp mình thải ra bao nhiêu rác nhựa.",
        "Mỗi lớp cân và phân loại rác trong 5 ngày, vẽ biểu đồ và đặt mục tiêu giảm.",
        "Rác nhựa giá trị thấp của mỗi lớp giảm ít nhất 20%.",
    ),
    (
        "Hộp cơm inox cho học sinh bán trú",
        "Suất ăn bổ sung được đựng trong hộp xốp và hộp nhựa dùng một lần.",
        "Phối hợp với bếp ăn dùng hộp inox rửa được; phụ huynh góp hộp cũ.",
        "Không còn hộp xốp trong bữa phụ của học sinh bán trú.",
    ),
    (
        "Thời trang tái chế từ bao bì",
        "Vỏ bánh kẹo, túi nilon bị vứt bừa bãi sau giờ ra chơi.",
        "Làm trang phục từ bao bì đã rửa sạch, trình diễn trong ngày hội của trường.",
        "Tuyên truyền tới 1.500 học sinh và phụ huynh về rác nhựa.",
    ),
    (
        "Trạm thu gom nhựa giá trị thấp",
        "Người thu mua phế liệu không nhận túi nilon, vỏ bánh, hộp xốp.",
        "Đặt trạm thu gom ở cổng trường, hợp tác với đơn vị tái chế đến lấy mỗi tháng.",
        "Thu gom 100 kg nhựa giá trị thấp mỗi tháng.",
    ),
    (
        "Bình nước cá nhân thay chai nhựa",
        "Học sinh mua nước đóng chai mỗi ngày ở căng tin.",
        "Lắp cây nước lọc ở mỗi tầng, tặng bình nước cho lớp có nhiều bạn tham gia nhất.",
        "Giảm 70% chai nhựa bán ở căng tin.",
    ),
    (
        "Câu lạc bộ Chiến binh xanh",
        "Việc giảm rác nhựa chỉ được nhắc đến trong các buổi chào cờ.",
        "Lập câu lạc bộ, mỗi tuần kiểm tra thùng rác các lớp và chấm điểm thi đua.",
        "Mọi lớp phân loại rác đúng sau một học kỳ.",
    ),
    (
        "Đồ chơi sáng tạo từ nắp chai",
        "Nắp chai nhựa nhỏ, hay bị bỏ lẫn vào rác chung.",
        "Thu gom nắp chai để làm tranh ghép và đồ chơi cho các em mầm non trong phường.",
        "5.000 nắp chai được tái sử dụng; 10 bộ đồ chơi được tặng.",
    ),
    (
        "Túi giấy từ báo cũ",
        "Căng tin và hàng quán quanh trường dùng túi nilon đựng đồ ăn.",
        "Học sinh gấp túi giấy từ báo cũ, tặng hàng quán quanh cổng trường.",
        "2.000 túi giấy được dùng thay túi nilon trong một học kỳ.",
    ),
    (
        "Ứng dụng nhắc phân loại rác",
        "Học sinh quên cách phân loại từng loại bao bì.",
        "Nhóm tin học làm trang web nhỏ: chụp hay chọn bao bì, biết bỏ vào thùng nào.",
        "Hơn 500 lượt dùng; tỉ lệ rác bỏ sai thùng giảm một nửa.",
    ),
    (
        "Phân xanh từ rác hữu cơ, tách nhựa ra khỏi rác",
        "Rác hữu cơ lẫn túi nilon nên không ủ phân được.",
        "Tách riêng rác hữu cơ của bếp ăn để ủ phân, túi nilon được gom riêng.",
        "Mỗi tháng ủ 50 kg phân bón cho vườn trường.",
    ),
    (
        "Ngày thứ Sáu không nhựa",
        "Thói quen dùng đồ nhựa một lần khó thay đổi ngay.",
        "Mỗi thứ Sáu cả trường không dùng đồ nhựa một lần; lớp giữ được lâu nhất được khen.",
        "Sau 8 tuần, 90% lớp duy trì được ngày không nhựa.",
    ),
    (
        "Bản tin “Nhựa và em”",
        "Phụ huynh chưa biết về chương trình giảm rác nhựa của trường.",
        "Ra bản tin hằng tháng qua nhóm Zalo phụ huynh và bảng tin cổng trường.",
        "Hơn 1.000 phụ huynh nhận bản tin; nhiều gia đình cùng phân loại rác.",
    ),
    (
        "Giỏ đi chợ cùng mẹ",
        "Gia đình học sinh dùng nhiều túi nilon khi đi chợ.",
        "Học sinh đan giỏ từ dây nhựa tái chế, tặng mẹ và cam kết đi chợ không túi nilon.",
        "300 gia đình cam kết; mỗi tuần bớt khoảng 5 túi nilon mỗi nhà.",
    ),
    (
        "Mô hình “Lớp học không rác nhựa”",
        "Trong lớp vẫn còn nhiều vỏ bánh, chai nhựa sau giờ ra chơi.",
        "Mỗi lớp có góc phân loại, lịch trực và sổ cân rác; lớp đạt chuẩn được gắn biển.",
        "10 lớp đạt chuẩn “Lớp học không rác nhựa” trong học kỳ I.",
    ),
]

# Halves of slogans: a call to action, then why. Joined with " – ".
SLOGAN_CALLS = [
    "Tiết kiệm nước hôm nay",
    "Khóa vòi khi không dùng",
    "Mỗi giọt nước đều quý",
    "Chung tay bảo vệ nguồn nước",
    "Tắt đèn khi ra khỏi lớp",
    "Phân loại rác tại nguồn",
    "Nói không với túi nilon",
    "Trồng thêm một cây xanh",
    "Giữ sạch sân trường em",
    "Tiết kiệm điện, tiết kiệm nước",
    "Bỏ rác đúng nơi quy định",
    "Mang bình nước riêng đến trường",
    "Dùng lại, giảm bớt, tái chế",
    "Chăm cây như chăm bạn",
    "Mỗi bạn nhỏ một hành động xanh",
    "Rửa tay xong nhớ khóa vòi",
    "Đi bộ, đạp xe đến trường",
    "Giọt nước hôm nay",
    "Bảo vệ môi trường từ lớp học",
    "Sống xanh mỗi ngày",
    "Nước sạch không phải là vô tận",
    "Trường em xanh – sạch – đẹp",
    "Học sinh Hoàn Kiếm sống xanh",
    "Một cây xanh, ngàn hơi thở",
]
SLOGAN_REASONS = [
    "xanh mãi tương lai",
    "vì một Hà Nội xanh",
    "giữ trọn sự sống",
    "cho em một ngày mai tươi sáng",
    "Trái Đất mỉm cười",
    "trường học xanh mãi",
    "cho hồ Gươm thêm trong",
    "bảo vệ hành tinh xanh",
    "vì sức khỏe cộng đồng",
    "gìn giữ quê hương",
    "cho mai sau còn nước",
    "là yêu thương Trái Đất",
    "hành động nhỏ, ý nghĩa lớn",
    "cả trường cùng làm",
    "vì thế hệ mai sau",
    "không khí trong lành",
    "nguồn sống cho muôn loài",
    "ngôi trường là ngôi nhà chung",
]

# Near-duplicates, as pupils of different schools send them: (original, variant).
SLOGAN_NEAR_DUPLICATES = [
    ("Tiết kiệm nước hôm nay – xanh mãi tương lai", "Xanh mãi tương lai – tiết kiệm nước hôm nay"),
    ("Mỗi giọt nước đều quý – giữ trọn sự sống", "Moi giot nuoc deu quy - giu tron su song"),
    ("Khóa vòi khi không dùng – cho mai sau còn nước", "Khi không dùng hãy khóa vòi, cho mai sau còn nước!"),
    ("Phân loại rác tại nguồn – vì một Hà Nội xanh", "PHÂN LOẠI RÁC TẠI NGUỒN, VÌ MỘT HÀ NỘI XANH"),
    (
        "Nước sạch không phải là vô tận – hãy tiết kiệm từng giọt",
        "Nước sạch đâu phải vô tận – hãy tiết kiệm từng giọt nước",
    ),
    ("Chung tay bảo vệ nguồn nước – gìn giữ quê hương", "Gìn giữ quê hương, chung tay bảo vệ nguồn nước"),
]

INELIGIBLE_REASONS = [
    "Trùng với khẩu hiệu của chương trình đã công bố.",
    "Nội dung không đúng chủ đề trường học xanh.",
    "Gửi hai lần cùng một câu; giữ lại bài gửi trước.",
    "Không ghi rõ học sinh tác giả.",
]

OPEN_SLOGANS = [
    "Lớp học không rác nhựa – bắt đầu từ chính em",
    "Túi vải đi chợ – nhựa bớt khắp nơi",
    "Phân loại hôm nay, tái chế ngày mai",
    "Một chai nhựa ít đi, một góc phố xanh thêm",
    "Nói không với nhựa dùng một lần",
    "Nhựa giá trị thấp – đừng để thành gánh nặng",
]

OPEN_INITIATIVES = [
    (
        "Góc đổi nắp chai lấy bút",
        "Nắp chai nhựa bị bỏ lẫn vào rác chung ở sân trường.",
        "Đặt hộp thu nắp chai ở mỗi tầng; 100 nắp đổi được một chiếc bút.",
        "Thu gom 3.000 nắp chai trong học kỳ để gửi đơn vị tái chế.",
    ),
    (
        "Căng tin không túi nilon",
        "Căng tin vẫn phát túi nilon cho đồ ăn sáng.",
        "Thỏa thuận với căng tin dùng giấy gói và hộp rửa được; lớp trực nhật nhắc các bạn.",
        "Giảm 80% túi nilon ở căng tin.",
    ),
    (
        "Cân rác mỗi thứ Sáu",
        "Các lớp không biết mình thải bao nhiêu nhựa giá trị thấp.",
        "Mỗi thứ Sáu tổ nòng cốt cân rác nhựa của từng lớp, công bố trên bảng tin.",
        "Rác nhựa giá trị thấp giảm 20% sau 8 tuần.",
    ),
]
