"""The home page and the site around it: the default site's root, its settings, the
About page, and Wagtail's own first data named in Vietnamese."""

from wagtail.models import Page, Site

from home.demo.blocks import h, p, quote, ul
from home.demo.media import image_ensure, landscape_png, logo_png
from home.models import HomePage, SiteSettings, StandardPage

SITE_NAME = "Trường học Xanh"


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


def hero_image_ensure(home: HomePage) -> None:
    """The home page's illustration, published with it (once: kept when already set)."""
    if not home.hero_image_id:
        home.hero_image = image_ensure(
            title="Minh hoạ: đồi xanh và hàng cây",
            description="Minh hoạ đồi xanh, hàng cây và mặt trời",
            data=landscape_png((120, 190, 230), (76, 175, 80), (46, 125, 50)),
            filename="doi-xanh.png",
        )
        home.save_revision().publish()


def site_settings_ensure(site: Site) -> None:
    """CECR's name, contacts and logo in the site's settings (left alone once named)."""
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
            title="Logo CECR (minh hoạ)", description="CECR", data=logo_png(), filename="logo-cecr.png"
        )
        settings.save()


def about_page_ensure(home: HomePage) -> None:
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


def wagtail_defaults_in_vietnamese():
    """Wagtail's own first data (the tree root, its groups, the default workflow and task) is
    named in English; organisers see these names in the admin, so name them in Vietnamese."""
    from django.contrib.auth.models import Group
    from wagtail.models import Page, Task, Workflow

    Page.objects.filter(depth=1, title="Root").update(title="Gốc", draft_title="Gốc")
    Group.objects.filter(name="Moderators").update(name="Người kiểm duyệt")
    Group.objects.filter(name="Editors").update(name="Biên tập viên")
    Workflow.objects.filter(name="Moderators approval").update(name="Duyệt của ban tổ chức")
    Task.objects.filter(name="Moderators approval").update(name="Ban tổ chức duyệt")
