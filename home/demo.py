"""Demo content of the public site, from CECR's 2022 annual report (in Vietnamese).

`seed()` is idempotent: pages are found by slug under their parent, images and
documents by title, so a second run creates nothing. Pages are published through a
revision, as an editor would, so the search text is written by the usual signal.
"""

from datetime import date
from html import escape
from io import BytesIO
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from home.models import (
    HomePage,
    NewsIndexPage,
    NewsKind,
    NewsPage,
    ResourceDocument,
    ResourceIndexPage,
    ResourcePage,
    SiteSettings,
    StandardPage,
)

SITE_NAME = "Trường học Xanh"
FONT_PATHS = [
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
]


# --- StreamField values (raw form) ---------------------------------------------------


def h(text, size="h2"):
    return {"type": "heading", "value": {"heading_text": text, "size": size}}


def p(*paragraphs):
    return {"type": "paragraph", "value": "".join(f"<p>{escape(text)}</p>" for text in paragraphs)}


def ul(*items):
    return {"type": "paragraph", "value": "<ul>" + "".join(f"<li>{escape(item)}</li>" for item in items) + "</ul>"}


def quote(text, by=""):
    return {"type": "quote", "value": {"text": text, "attribute_name": by}}


# --- Generated media ------------------------------------------------------------------


def _font(size, bold=False):
    from PIL import ImageFont

    path = FONT_PATHS[1 if bold else 0]
    return ImageFont.truetype(str(path), size) if path.exists() else ImageFont.load_default()


def _landscape_png(sky, hill, accent) -> bytes:
    """A simple illustration: sky, sun, two green hills and a row of trees."""
    from PIL import Image as PILImage
    from PIL import ImageDraw

    width, height = 1200, 675
    picture = PILImage.new("RGB", (width, height), sky)
    draw = ImageDraw.Draw(picture)
    for y in range(height // 2):
        shade = tuple(min(255, c + y // 6) for c in sky)
        draw.line([(0, y), (width, y)], fill=shade)
    draw.ellipse([880, 70, 1040, 230], fill=(255, 214, 102))
    draw.ellipse([-300, 380, 800, 1100], fill=hill)
    draw.ellipse([450, 420, 1500, 1150], fill=tuple(max(0, c - 30) for c in hill))
    for x in range(120, 1150, 140):
        draw.rectangle([x + 26, 455, x + 38, 520], fill=(110, 76, 40))
        draw.ellipse([x, 380, x + 64, 470], fill=accent)
    out = BytesIO()
    picture.save(out, "PNG", optimize=True)
    return out.getvalue()


def _logo_png() -> bytes:
    from PIL import Image as PILImage
    from PIL import ImageDraw

    picture = PILImage.new("RGBA", (320, 128), (255, 255, 255, 0))
    draw = ImageDraw.Draw(picture)
    draw.ellipse([8, 8, 120, 120], fill=(25, 135, 84))
    draw.polygon([(64, 28), (98, 70), (64, 104), (30, 70)], fill=(255, 255, 255))
    draw.text((136, 34), "CECR", fill=(25, 135, 84), font=_font(52, bold=True))
    out = BytesIO()
    picture.save(out, "PNG", optimize=True)
    return out.getvalue()


def _pdf_of_lines(title: str, lines: list[str]) -> bytes | None:
    """A one-page A4 PDF of text lines, drawn with Pillow; None when no Unicode font is installed."""
    if not FONT_PATHS[0].exists():
        return None
    from PIL import Image as PILImage
    from PIL import ImageDraw

    page = PILImage.new("RGB", (1240, 1754), "white")
    draw = ImageDraw.Draw(page)
    draw.text((100, 100), title, fill=(25, 135, 84), font=_font(40, bold=True))
    y = 200
    body = _font(28)
    for line in lines:
        draw.text((100, y), line, fill=(33, 37, 41), font=body)
        y += 46
    out = BytesIO()
    page.save(out, "PDF", resolution=150)
    return out.getvalue()


def image_ensure(*, title, description, data: bytes, filename):
    Image = get_image_model()
    image = Image.objects.filter(title=title).first()
    if image is None:
        image = Image(title=title, description=description)
        image.file = ImageFile(BytesIO(data), name=filename)
        image.save()
    return image


def document_ensure(*, title, data: bytes, filename):
    Document = get_document_model()
    document = Document.objects.filter(title=title).first()
    if document is None:
        document = Document(title=title)
        document.file = ContentFile(data, name=filename)
        document.save()
    return document


# --- Pages -----------------------------------------------------------------------------


def page_ensure(parent: Page, page: Page) -> tuple[Page, bool]:
    """The child of `parent` with `page.slug`, or `page` added there and published."""
    existing = parent.get_children().filter(slug=page.slug).first()
    if existing is not None:
        return existing.specific, False
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page, True


def home_page_ensure(stdout) -> HomePage:
    """The HomePage, made the default site's root in place of Wagtail's "Welcome" page."""
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        home, _created = page_ensure(root, HomePage(title=SITE_NAME, slug="trang-chu", **HOME_CONTENT))
        stdout.write("  home page created")
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site.objects.create(hostname="localhost", port=80, is_default_site=True, root_page=home)
    if site.root_page_id != home.pk or site.site_name != SITE_NAME:
        site.root_page = home
        site.site_name = SITE_NAME
        site.save()
    # Wagtail's own "Welcome to your new Wagtail site!" page, if still there and empty.
    for welcome in Page.objects.filter(depth=2, content_type__model="page", content_type__app_label="wagtailcore"):
        if welcome.numchild == 0 and not Site.objects.filter(root_page=welcome).exists():
            welcome.delete()
    return home


HOME_CONTENT = {
    "seo_title": "Trường học Xanh – Vì một Hà Nội Xanh",
    "intro": (
        "Nền tảng đồng hành cùng các trường mầm non, tiểu học và trung học cơ sở của Hà Nội trong các "
        "chương trình giáo dục môi trường của CECR: kế hoạch hành động cấp trường, kiểm toán rác thải, "
        "cuộc thi sáng kiến và khẩu hiệu."
    ),
    "body": [
        h("Vì sao là trường học?"),
        p(
            "Với niềm tin chất lượng môi trường trong tương lai có được cải thiện hay không phụ thuộc vào "
            "ngày hôm nay chúng ta dạy cho các em học sinh như thế nào, CECR triển khai các hoạt động giáo "
            "dục và đào tạo kiến thức môi trường cho nhiều đối tượng khác nhau.",
            "Mỗi học sinh sẽ trở thành một tuyên truyền viên tích cực đến gia đình, nhà trường và xã hội "
            "trong việc phân loại rác tại nguồn, tiết kiệm nước và năng lượng, chăm sóc cây xanh.",
        ),
        quote(
            "Vì nước là nguồn sống, Vì rác là tài nguyên – Hãy chung tay bảo tồn nguồn nước, giảm thiểu rác "
            "thải cho tương lai bền vững.",
            "Thông điệp của CECR",
        ),
    ],
}

ABOUT_BODY = [
    p(
        "Thành lập cuối năm 2009 trực thuộc Liên hiệp các Hội Khoa học và Kỹ thuật Việt Nam (VUSTA), Trung tâm "
        "Nghiên cứu Môi trường và Cộng đồng (tên viết tắt là CECR) tập hợp các nhà khoa học, các cán bộ, chuyên "
        "gia có tâm huyết để nghiên cứu và thực hiện các đề tài, dự án bảo vệ môi trường và thích ứng biến đổi "
        "khí hậu dựa vào cộng đồng nhằm góp phần đảm bảo môi trường sống trong lành cho hiện tại và tương lai.",
        "Tại CECR, chúng tôi có niềm tin rằng các giải pháp cho vấn đề môi trường hiện nay chủ yếu cần thực hiện "
        "tại cấp địa phương, trong khuôn khổ chủ trương, chính sách quốc gia. Các giải pháp này phải được chính "
        "những người dân nhiệt tình xây dựng và tham gia giải quyết. Chính điều đó sẽ dẫn đến sự thay đổi thái "
        "độ và hành vi của cộng đồng và cá nhân trong việc bảo vệ môi trường và thích ứng biến đổi khí hậu một "
        "cách tích cực.",
        "Ứng dụng công nghệ số để kết nối hiệu quả và huy động sự tham gia có ý nghĩa của các đối tác trong các "
        "hoạt động bảo vệ môi trường và thích ứng biến đổi khí hậu là phương pháp tiếp cận của CECR. CECR đặc "
        "biệt thúc đẩy vai trò tiên phong của phụ nữ và thanh niên trong bảo vệ môi trường và thích ứng biến đổi "
        "khí hậu.",
    ),
    h("Sứ mệnh"),
    p(
        "Góp phần đảm bảo môi trường sống trong lành cho hiện tại và tương lai. Chúng tôi tiên phong trong bảo "
        "tồn nguồn nước, quản lý rác thải, thích ứng biến đổi khí hậu hiệu quả và thúc đẩy bình đẳng giới."
    ),
    h("Tầm nhìn"),
    p(
        "Là đối tác tin cậy, tiên phong trong ứng dụng công nghệ số nhằm kết nối các cơ quan nhà nước, tổ chức "
        "quốc tế, doanh nghiệp, cộng đồng chung tay bảo vệ môi trường và thích ứng biến đổi khí hậu."
    ),
    h("Giá trị cốt lõi"),
    ul(
        "Kết nối (Networking)",
        "Nhiệt huyết (Energetic)",
        "Truyền cảm hứng (Inspiration)",
        "Học hỏi (Learning)",
        "Nghiên cứu, đổi mới sáng tạo (Think tank & Innovation)",
    ),
    quote("Biến thách thức thành giải pháp khác biệt", "Khẩu hiệu của CECR"),
    h("Lĩnh vực hoạt động"),
    ul(
        "Bảo tồn nguồn nước",
        "Quản lý rác thải theo chuỗi giá trị",
        "Giới và bảo vệ môi trường, biến đổi khí hậu",
        "Giáo dục môi trường",
        "Tư vấn, đào tạo và nâng cao năng lực quản lý môi trường",
        "Trách nhiệm xã hội của doanh nghiệp về môi trường",
    ),
]

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
    guide_pdf = _pdf_of_lines("Hướng dẫn kiểm toán rác thải tại trường học", AUDIT_GUIDE_LINES)
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


@transaction.atomic
def seed(*, stdout, password=None):
    """Create the public site's demo pages; `password` is unused (no logins here)."""
    stdout.write("Public site pages:")
    home = home_page_ensure(stdout)
    if not home.hero_image_id:
        home.hero_image = image_ensure(
            title="Minh hoạ: đồi xanh và hàng cây",
            description="Minh hoạ đồi xanh, hàng cây và mặt trời",
            data=_landscape_png((120, 190, 230), (76, 175, 80), (46, 125, 50)),
            filename="doi-xanh.png",
        )
        home.save_revision().publish()

    _wagtail_defaults_in_vietnamese()
    site = Site.objects.get(root_page=home)
    settings = SiteSettings.for_site(site)
    if not settings.organisation_name:
        settings.organisation_name = "Trung tâm Nghiên cứu Môi trường và Cộng đồng"
        settings.short_name = "CECR"
        settings.website = "http://cecr.vn/"
        settings.contact_email = "lienhe@truonghocxanh.local"
        settings.address = "Hà Nội, Việt Nam"
        settings.footer_text = (
            "Trực thuộc Liên hiệp các Hội Khoa học và Kỹ thuật Việt Nam (VUSTA), thành lập cuối năm 2009. "
            "Biến thách thức thành giải pháp khác biệt."
        )
        settings.logo = image_ensure(
            title="Logo CECR (minh hoạ)", description="CECR", data=_logo_png(), filename="logo-cecr.png"
        )
        settings.save()

    page_ensure(
        home,
        StandardPage(
            title="Giới thiệu",
            slug="gioi-thieu",
            show_in_menus=True,
            intro="Trung tâm Nghiên cứu Môi trường và Cộng đồng (CECR) và các chương trình Trường học Xanh.",
            body=ABOUT_BODY,
        ),
    )

    news_index, _created = page_ensure(
        home,
        NewsIndexPage(
            title="Tin tức và sự kiện",
            slug="tin-tuc",
            show_in_menus=True,
            intro="Hoạt động của các chương trình Trường học Xanh năm học 2022–2023.",
        ),
    )
    pictures = [
        ((135, 200, 235), (102, 187, 106), (56, 142, 60)),
        ((250, 200, 150), (129, 199, 132), (67, 160, 71)),
        ((144, 202, 249), (77, 182, 172), (0, 121, 107)),
    ]
    for number, (slug, kind, when, title, intro, event_date, place, body) in enumerate(NEWS):
        colours = pictures[number % len(pictures)]
        image = image_ensure(
            title=f"Minh hoạ tin tức {number % len(pictures) + 1}",
            description="Minh hoạ: bầu trời, đồi xanh và hàng cây",
            data=_landscape_png(*colours),
            filename=f"minh-hoa-{number % len(pictures) + 1}.png",
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

    stdout.write(f"  {Page.objects.descendant_of(home, inclusive=True).count()} pages under the home page")


def _wagtail_defaults_in_vietnamese():
    """Wagtail's own first data (the tree root, its groups, the default workflow and task) is
    named in English; organisers see these names in the admin, so name them in Vietnamese."""
    from django.contrib.auth.models import Group
    from wagtail.models import Page, Task, Workflow

    Page.objects.filter(depth=1, title="Root").update(title="Gốc", draft_title="Gốc")
    Group.objects.filter(name="Moderators").update(name="Người kiểm duyệt")
    Group.objects.filter(name="Editors").update(name="Biên tập viên")
    Workflow.objects.filter(name="Moderators approval").update(name="Duyệt của ban tổ chức")
    Task.objects.filter(name="Moderators approval").update(name="Ban tổ chức duyệt")
