"""The resources section: guides, templates and teaching material, each page with its
documents to download (generated here: a PDF when a Unicode font is installed, else text)."""

from home.demo.blocks import h, p, ul
from home.demo.media import document_ensure, pdf_of_lines
from home.demo.pages import page_ensure
from home.models import HomePage, ResourceDocument, ResourceIndexPage, ResourcePage

AUDIT_GUIDE_LINES = [
    "1. Thành lập Tổ nòng cốt: giáo viên phụ trách và học sinh các lớp.",
    "2. Chọn tuần ban đầu (trước khi có hoạt động) và tuần cuối (sau hoạt động).",
    "3. Mỗi ngày kiểm toán: thu gom rác ở các khu vực đã chọn, giữ nguyên",
    "   các khu vực đó ở cả hai tuần.",
    "4. Phân loại rác theo nhóm: hữu cơ, giấy, hộp sữa, chai PET, lon kim loại,",
    "   nhựa giá trị thấp (túi nilon, hộp xốp, vỏ bánh kẹo, ống hút, thìa dĩa...).",
    "5. Cân từng nhóm (gam) và đếm số món nhựa giá trị thấp.",
    "6. Ghi số người có mặt trong ngày (học sinh và cán bộ, giáo viên).",
    "7. Ghi chú ngày bất thường: thi, sự kiện, nghỉ nửa buổi, thời tiết xấu.",
    "8. Tỷ lệ = tổng khối lượng ÷ tổng số người-ngày (gam/người/ngày).",
    "9. Mức giảm = (tỷ lệ tuần đầu − tỷ lệ tuần cuối) ÷ tỷ lệ tuần đầu × 100.",
    "",
    "Mục tiêu của chương trình: giảm 20% khối lượng rác thải.",
]

AUDIT_SHEET_CSV = (
    "school_code,phase,date,persons_present,category_code,mass_g,item_count\r\n"
    "thcs-vi-du,baseline,2022-11-07,850,organic,12500,\r\n"
    "thcs-vi-du,baseline,2022-11-07,850,lvp_nylon_bag,640,212\r\n"
    "thcs-vi-du,baseline,2022-11-07,850,pet_bottle,1320,64\r\n"
)

ACTION_PLAN_TXT = """KẾ HOẠCH HÀNH ĐỘNG CẤP TRƯỜNG
Giảm thiểu, phân loại và tái chế rác thải nhựa giá trị thấp

1. Tổ nòng cốt
   - Trưởng nhóm (giáo viên), thành viên (giáo viên, học sinh), nhiệm vụ của từng người.
2. Mục tiêu đo được
   - Ví dụ: giảm 20% khối lượng rác thải (gam/người/ngày) giữa tuần đầu và tuần cuối.
3. Hoạt động
   - Truyền thông (bảng tin, giờ chào cờ, mạng xã hội của trường)
   - Tập huấn cho học sinh về phân loại rác tại nguồn
   - Thu gom, phân loại, tái chế
   - Kiểm toán rác tuần đầu và tuần cuối
   - Cuộc thi sáng kiến
4. Tiến độ và người phụ trách
5. Báo cáo kết quả gửi Phòng Giáo dục và Đào tạo
"""

WATER_TXT = """BẢO TỒN NGUỒN NƯỚC TRONG TRƯỜNG HỌC – GỢI Ý HOẠT ĐỘNG

- Tìm hiểu nguồn nước của trường và của khu dân cư: nước đến từ đâu, đi về đâu.
- Kiểm tra vòi nước, bồn cầu rò rỉ; ghi lại và báo cho nhà trường.
- Đo lượng nước dùng trong một ngày ở một khu vệ sinh, đề xuất cách tiết kiệm.
- Tái sử dụng nước rửa rau, nước mưa để tưới cây.
- Không xả rác xuống cống, ao hồ; tham gia làm sạch ao hồ của địa phương.
- Viết sáng kiến: vấn đề, giải pháp, người thực hiện, cách đo kết quả.

Thông điệp: “Vì nước là nguồn sống, Vì rác là tài nguyên”.
"""


def _resources():
    """(slug, title, intro, body, [(document title, filename, bytes, description)])"""
    guide_pdf = pdf_of_lines("Hướng dẫn kiểm toán rác thải tại trường học", AUDIT_GUIDE_LINES)
    guide = (
        ("Hướng dẫn kiểm toán rác thải (PDF)", "huong-dan-kiem-toan-rac.pdf", guide_pdf, "Một trang, in khổ A4.")
        if guide_pdf
        else (
            "Hướng dẫn kiểm toán rác thải",
            "huong-dan-kiem-toan-rac.txt",
            "\n".join(AUDIT_GUIDE_LINES).encode(),
            "Văn bản thuần.",
        )
    )
    return [
        (
            "huong-dan-kiem-toan-rac-thai",
            "Hướng dẫn kiểm toán rác thải tại trường học",
            "Các bước để Tổ nòng cốt và học sinh cân, phân loại và ghi chép rác thải trong tuần đầu và tuần cuối, "
            "đo lường mức giảm rác của trường.",
            [
                p(
                    "Kiểm toán rác giúp nhà trường biết mỗi ngày thải ra bao nhiêu rác, loại nào nhiều nhất, và "
                    "sau các hoạt động đã giảm được bao nhiêu. Các trường THCS quận Nam Từ Liêm đã ghi chép số "
                    "liệu rác thải tuần đầu và tuần cuối để đo lường sự thay đổi."
                ),
                h("Lưu ý"),
                ul(
                    "Giữ nguyên khu vực thu gom và số ngày ở cả hai tuần.",
                    "Nhựa giá trị thấp rất nhẹ: hãy đếm số món, không chỉ cân.",
                    "Ghi lại những ngày bất thường để loại khỏi phép tính.",
                ),
            ],
            [
                guide,
                (
                    "Mẫu phiếu ghi số liệu kiểm toán rác (CSV)",
                    "mau-phieu-kiem-toan-rac.csv",
                    AUDIT_SHEET_CSV.encode("utf-8-sig"),
                    "Mở bằng Excel; một dòng cho mỗi trường, ngày và loại rác.",
                ),
            ],
        ),
        (
            "mau-ke-hoach-hanh-dong-cap-truong",
            "Mẫu kế hoạch hành động cấp trường",
            "Khung kế hoạch giảm thiểu, phân loại và tái chế rác thải nhựa giá trị thấp mà 24 trường THCS quận "
            "Nam Từ Liêm đã xây dựng và gửi Phòng Giáo dục và Đào tạo.",
            [
                p(
                    "Một kế hoạch hành động cấp trường gồm Tổ nòng cốt, mục tiêu đo được, các hoạt động truyền "
                    "thông và hướng dẫn học sinh, tuần kiểm toán rác ban đầu và tuần cuối, tiến độ và người phụ "
                    "trách."
                )
            ],
            [
                (
                    "Mẫu kế hoạch hành động cấp trường",
                    "mau-ke-hoach-hanh-dong.txt",
                    ACTION_PLAN_TXT.encode(),
                    "Văn bản thuần, điền theo trường.",
                )
            ],
        ),
        (
            "hoc-lieu-bao-ton-nguon-nuoc-thcs",
            "Học liệu Bảo tồn nguồn nước cho học sinh THCS",
            "Bộ học liệu Bảo tồn nguồn nước áp dụng cho khối trung học cơ sở được hoàn chỉnh và xuất bản vào tháng "
            "6/2022, được giáo viên tại Sơn La và Hà Nội sử dụng.",
            [
                p(
                    "Trang này tóm tắt một số gợi ý hoạt động để thầy cô đưa nội dung bảo tồn nguồn nước vào "
                    "tiết học chính khóa và ngoại khóa, từ đó khuyến khích học sinh đưa ra sáng kiến tiết kiệm và "
                    "tái sử dụng nước trong nhà trường và gia đình."
                )
            ],
            [
                (
                    "Gợi ý hoạt động bảo tồn nguồn nước",
                    "goi-y-bao-ton-nguon-nuoc.txt",
                    WATER_TXT.encode(),
                    "Văn bản thuần.",
                )
            ],
        ),
    ]


def resource_pages_ensure(home: HomePage) -> None:
    """The resources index under the home page, and each resource page with its documents."""
    resources_index, _created = page_ensure(
        home,
        ResourceIndexPage(
            title="Tài liệu học tập",
            slug="tai-lieu",
            show_in_menus=True,
            intro="Hướng dẫn, biểu mẫu và học liệu cho thầy cô và học sinh, tải về miễn phí.",
        ),
    )
    for slug, title, intro, body, files in _resources():
        documents = [
            ResourceDocument(
                document=document_ensure(title=doc_title, data=data, filename=filename), description=description
            )
            for doc_title, filename, data, description in files
        ]
        page_ensure(resources_index, ResourcePage(title=title, slug=slug, intro=intro, body=body, documents=documents))
