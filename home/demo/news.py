"""The news and events of CECR's 2022 report, each a NewsPage with an illustration."""

from datetime import date

from home.demo.blocks import h, p, ul
from home.demo.media import image_ensure, landscape_png
from home.demo.pages import page_ensure
from home.models import HomePage, NewsIndexPage, NewsKind, NewsPage

# (slug, kind, date, title, intro, event date, event place, body)
NEWS = [
    (
        "ra-quan-lam-sach-ao-bo-de",
        NewsKind.EVENT,
        date(2022, 4, 3),
        "Hưởng ứng Ngày Nước Thế giới: ra quân làm sạch Ao Bồ Đề",
        "Người dân, hội viên các đoàn thể và các em nhỏ phường Tây Mỗ cùng làm sạch Ao Bồ Đề và đổi rác tái chế "
        "lấy quà tặng.",
        date(2022, 4, 3),
        "Ao Bồ Đề, phường Tây Mỗ, quận Nam Từ Liêm, Hà Nội",
        [
            p(
                "Buổi ra quân có sự tham dự của 100 hội viên từ Hội Liên hiệp Phụ nữ, Hội Cựu chiến binh, Đoàn "
                "thanh niên, Đội tự quản và lực lượng Tiểu đoàn D20 đóng quân trên địa bàn phường, cùng các hộ "
                "gia đình phường Tây Mỗ. Mỗi nhóm phụ trách một nhiệm vụ: chèo thuyền vớt rác và bèo, dùng gậy "
                "vớt bèo lên bờ, quét dọn hành lang quanh ao.",
                "Các em nhỏ được cha mẹ hướng dẫn mang giấy vụn và chai nhựa đến đổi lấy quà như bình nước để "
                "dùng khi đến trường. Hàng trăm phần quà đã được trao và vô số vỏ chai nhựa, vỏ lon, giấy vụn "
                "được thu gom, không xả ra môi trường.",
            ),
        ],
    ),
    (
        "khao-sat-5-truong-thcs-nam-tu-liem",
        NewsKind.NEWS,
        date(2022, 10, 14),
        "Khảo sát 5 trường THCS quận Nam Từ Liêm chuẩn bị chương trình giảm thiểu rác thải nhựa",
        "Ngày 13 và 14/10/2022, CECR đến thăm và gặp gỡ đại diện 5 trường THCS để xây dựng tài liệu tập huấn.",
        None,
        "",
        [
            p(
                "CECR đã đến tham quan, gặp gỡ đại diện 05 trường THCS tại quận Nam Từ Liêm: THCS Nam Từ Liêm, "
                "THCS Cầu Diễn, THCS Tây Mỗ, THCS Mễ Trì và THCS Mỹ Đình 2.",
                "Kết quả khảo sát là thông tin đầu vào cho chương trình tập huấn giáo viên của 24 trường THCS và "
                "là cơ sở để các trường xây dựng kế hoạch hành động về phân loại, thu gom, xử lý rác thải nhựa "
                "giá trị thấp tại nhà trường.",
            )
        ],
    ),
    (
        "ra-mat-truong-hoc-xanh-hoan-kiem",
        NewsKind.NEWS,
        date(2022, 11, 1),
        "Ra mắt chương trình “Xây dựng Trường học Xanh – Vì một Hà Nội Xanh” tại quận Hoàn Kiếm",
        "Kế hoạch thực hiện chương trình trong năm học 2022–2023 được UBND quận Hoàn Kiếm ban hành ngày "
        "01/11/2022, cho 39 trường mầm non, tiểu học và THCS.",
        None,
        "",
        [
            p(
                "CECR phối hợp với Phòng Tài nguyên và Môi trường, Phòng Giáo dục và Đào tạo quận Hoàn Kiếm xây "
                "dựng kế hoạch thực hiện chương trình “Xây dựng Trường học Xanh – Vì một Hà Nội Xanh” trên địa "
                "bàn quận năm học 2022–2023. Kế hoạch số 255/KH-THMT-GDĐT được UBND quận Hoàn Kiếm ban hành "
                "ngày 01/11/2022.",
                "Chương trình Trường học Xanh và cuộc thi Đại sứ Xanh được triển khai tại 39 trường mầm non, "
                "tiểu học và THCS của quận, với các chủ đề năng lượng, rác thải, điện, nước, không khí và không "
                "gian xanh.",
            )
        ],
    ),
    (
        "tap-huan-giao-vien-24-truong-thcs-nam-tu-liem",
        NewsKind.EVENT,
        date(2022, 11, 4),
        "Tập huấn giáo viên 24 trường THCS Nam Từ Liêm về rác thải nhựa giá trị thấp",
        "Gần 50 thầy cô giáo của 24 trường THCS học cách xây dựng kế hoạch hành động cấp trường và hướng dẫn "
        "học sinh kiểm toán rác.",
        date(2022, 11, 4),
        "Trường THCS Nam Từ Liêm, Hà Nội",
        [
            p(
                "Chương trình tập huấn “Giáo dục môi trường cho học sinh THCS về giảm thiểu, phân loại và tái chế "
                "rác thải nhựa giá trị thấp năm 2022 trên địa bàn quận Nam Từ Liêm” được tổ chức ngày "
                "04/11/2022 tại trường THCS Nam Từ Liêm.",
                "Mỗi trường đã nắm rõ các bước xây dựng kế hoạch hành động cấp trường: thành lập Tổ nòng cốt, "
                "các hoạt động truyền thông, hướng dẫn học sinh kiểm toán rác, ghi chép số liệu rác thải tuần "
                "đầu và tuần cuối để đo lường sự thay đổi. Sau đó, 24 bản kế hoạch hành động đã được gửi về "
                "Phòng Giáo dục và Đào tạo quận Nam Từ Liêm.",
            )
        ],
    ),
    (
        "trinh-dien-cham-thi-sang-kien-nhua",
        NewsKind.EVENT,
        date(2022, 12, 9),
        "Trình diễn và chấm thi 20 sáng kiến giảm thiểu, tái chế rác thải nhựa giá trị thấp",
        "Học sinh 5 trường THCS trình diễn 20 sáng kiến trước ban giám khảo; 20 giải được trao.",
        date(2022, 12, 9),
        "",
        [
            p(
                "Cuộc thi về giảm thiểu, tái chế rác thải nhựa giá trị thấp được phát động tại 05 trường THCS "
                "Nam Từ Liêm, Cầu Diễn, Tây Mỗ, Mễ Trì và Mỹ Đình 2. Thông qua đó, 20 sáng kiến của các trường "
                "đã được thực hiện.",
                "Tại buổi trình diễn và chấm thi ngày 09/12/2022, ban giám khảo đánh giá các sáng kiến theo tính "
                "sáng tạo, tính hữu ích, mức độ lan tỏa, tính khả thi và phần trình bày, và chọn ra các sáng kiến "
                "nổi bật để tuyên dương tại ngày hội tổng kết:",
            ),
            ul("01 giải đặc biệt", "02 giải nhất", "04 giải nhì", "05 giải ba", "08 giải khuyến khích"),
        ],
    ),
    (
        "ngay-hoi-truong-hoc-tien-phong-nam-tu-liem",
        NewsKind.EVENT,
        date(2022, 12, 17),
        "Ngày hội “Trường học tiên phong trong giảm thiểu, phân loại và tái chế rác thải nhựa giá trị thấp”",
        "Hơn 1.500 học sinh, thầy cô và phụ huynh của 24 trường THCS quận Nam Từ Liêm dự ngày hội tổng kết.",
        date(2022, 12, 17),
        "Trường THCS Tây Mỗ, quận Nam Từ Liêm, Hà Nội",
        [
            p(
                "Sáng ngày 17/12/2022, Ngày hội tổng kết cấp quận được tổ chức tại trường THCS Tây Mỗ với sự "
                "tham gia của hơn 1.500 học sinh, thầy cô giáo và phụ huynh của 24 trường THCS trên địa bàn quận "
                "Nam Từ Liêm. Các sáng kiến đạt giải tại buổi chấm thi ngày 09/12 được tuyên dương.",
            ),
            h("Sau hơn 2 tháng triển khai"),
            ul(
                "24 bản kế hoạch hành động cấp trường được xây dựng;",
                "20% khối lượng rác thải được giảm thiểu;",
                "20 ý tưởng sáng tạo của học sinh truyền tải thông điệp giảm thiểu, phân loại và tái chế rác "
                "thải nhựa giá trị thấp;",
                "100% giáo viên, học sinh các trường THCS của quận được tuyên truyền, nâng cao nhận thức.",
            ),
        ],
    ),
    (
        "tap-huan-bao-ton-nguon-nuoc-hoan-kiem",
        NewsKind.EVENT,
        date(2022, 12, 23),
        "Tập huấn “Thúc đẩy các sáng kiến bảo tồn nguồn nước trong trường học” tại quận Hoàn Kiếm",
        "Gần 70 giáo viên mầm non, tiểu học và THCS được trang bị phương pháp đưa nội dung bảo tồn nguồn nước "
        "vào tiết học.",
        date(2022, 12, 23),
        "UBND quận Hoàn Kiếm, Hà Nội",
        [
            p(
                "Thông qua chương trình, các thầy cô được tăng cường năng lực và hiểu biết về bảo tồn nguồn nước, "
                "được cung cấp các phương pháp, công cụ phù hợp với từng đối tượng học sinh để đưa nội dung giáo "
                "dục môi trường vào các tiết học chính khóa và ngoại khóa.",
                "Từ đó, thầy cô gợi mở và thúc đẩy học sinh đưa ra các ý tưởng, sáng kiến về bảo tồn nguồn nước, "
                "tiết kiệm nước, tái sử dụng nước trong nhà trường và gia đình.",
            )
        ],
    ),
    (
        "cuoc-thi-sang-kien-bao-ton-nguon-nuoc",
        NewsKind.NEWS,
        date(2022, 12, 31),
        "Cuộc thi Sáng kiến bảo tồn nguồn nước: 10 sáng kiến xuất sắc được hỗ trợ thực hiện",
        "27 sáng kiến của học sinh 21 trường tiểu học và THCS quận Hoàn Kiếm đã gửi về dự thi.",
        None,
        "",
        [
            p(
                "Theo Báo cáo thường niên 2022 của CECR, cuộc thi Sáng kiến bảo tồn nguồn nước trong khuôn khổ "
                "chương trình “Xây dựng Trường học Xanh – Vì một Hà Nội Xanh” năm học 2022–2023 được phát động "
                "tại 21 trường tiểu học và THCS quận Hoàn Kiếm.",
                "27 sáng kiến của các em học sinh đã gửi về dự thi; ban tổ chức đã lựa chọn 10 sáng kiến xuất "
                "sắc để hỗ trợ triển khai thực hiện.",
            )
        ],
    ),
    (
        "cuoc-thi-sang-tao-khau-hieu-truong-hoc-xanh",
        NewsKind.NEWS,
        date(2022, 12, 31),
        "Hàng trăm câu khẩu hiệu gửi về cuộc thi sáng tạo khẩu hiệu Trường học Xanh",
        "Cuộc thi tại 39 trường mầm non, tiểu học và THCS quận Hoàn Kiếm tìm câu khẩu hiệu chung của chương trình.",
        None,
        "",
        [
            p(
                "Theo Báo cáo thường niên 2022 của CECR, cuộc thi sáng tạo khẩu hiệu (slogan) cho chương trình "
                "“Xây dựng Trường học Xanh – Vì một Hà Nội Xanh” năm học 2022–2023 được phát động tại 39 trường "
                "mầm non, tiểu học và THCS quận Hoàn Kiếm.",
                "Cuộc thi khơi gợi tính sáng tạo của học sinh để tìm câu khẩu hiệu chung hướng tới tiết kiệm và sử "
                "dụng hiệu quả năng lượng điện; quản lý, sử dụng tiết kiệm và bảo vệ nguồn nước; quản lý, phân "
                "loại và giảm thiểu rác thải; trồng, chăm sóc và bảo vệ cây xanh. Sau thời gian phát động, hàng "
                "trăm câu khẩu hiệu đã được gửi đến ban tổ chức.",
            )
        ],
    ),
]

# The illustrations' colours (sky, hill, trees); the news pages take turns.
PICTURES = [
    ((135, 200, 235), (102, 187, 106), (56, 142, 60)),
    ((250, 200, 150), (129, 199, 132), (67, 160, 71)),
    ((144, 202, 249), (77, 182, 172), (0, 121, 107)),
]


def news_pages_ensure(home: HomePage) -> None:
    """The news index under the home page, and a page per item of NEWS under it."""
    news_index, _created = page_ensure(
        home,
        NewsIndexPage(
            title="Tin tức và sự kiện",
            slug="tin-tuc",
            show_in_menus=True,
            intro="Hoạt động của các chương trình Trường học Xanh năm học 2022–2023.",
        ),
    )
    for number, (slug, kind, when, title, intro, event_date, place, body) in enumerate(NEWS):
        colours = PICTURES[number % len(PICTURES)]
        image = image_ensure(
            title=f"Minh hoạ tin tức {number % len(PICTURES) + 1}",
            description="Minh hoạ: bầu trời, đồi xanh và hàng cây",
            data=landscape_png(*colours),
            filename=f"minh-hoa-{number % len(PICTURES) + 1}.png",
        )
        page_ensure(
            news_index,
            NewsPage(
                title=title,
                slug=slug,
                kind=kind,
                date=when,
                intro=intro,
                event_date=event_date,
                event_place=place,
                body=body,
                image=image,
            ),
        )
