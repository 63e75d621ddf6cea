"""One public ProgrammePage per programme, under the home page (called by schools.demo).

Idempotent: a programme that already has a page gets no second one. The intros of
the two 2022 programmes come from CECR's annual report.
"""

from html import escape

from django.db import transaction

from home.models import HomePage
from schools.models import Programme
from schools.pages import ProgrammePage

# programme slug -> (page title, intro, body paragraphs)
REPORT_PAGES = {
    "truong-hoc-xanh-hoan-kiem-2022": (
        "Trường học Xanh – Vì một Hà Nội Xanh (Hoàn Kiếm)",
        "Nâng cao nhận thức, ý thức tuân thủ pháp luật cho giáo viên, nhân viên và học sinh quận Hoàn Kiếm về "
        "các vấn đề môi trường liên quan đến năng lượng, rác thải, điện, nước, không khí và không gian xanh, từ "
        "đó thúc đẩy hành động cụ thể trong nhà trường.",
        [
            "Chương trình được thực hiện từ tháng 9/2022 đến tháng 5/2023 tại các trường mầm non, tiểu học và "
            "THCS trên địa bàn quận Hoàn Kiếm, theo kế hoạch số 255/KH-THMT-GDĐT do UBND quận ban hành ngày "
            "01/11/2022, phối hợp với Phòng Tài nguyên và Môi trường và Phòng Giáo dục và Đào tạo quận.",
            "Trong năm 2022: cuộc thi Sáng kiến bảo tồn nguồn nước tại 21 trường tiểu học và THCS (27 sáng kiến "
            "dự thi, 10 sáng kiến xuất sắc được hỗ trợ thực hiện); cuộc thi sáng tạo khẩu hiệu tại 39 trường với "
            "hàng trăm câu khẩu hiệu; tập huấn “Thúc đẩy các sáng kiến bảo tồn nguồn nước trong trường học” cho "
            "gần 70 giáo viên ngày 23/12/2022.",
        ],
    ),
    "nhua-gia-tri-thap-nam-tu-liem-2022": (
        "Giảm thiểu, phân loại và tái chế rác thải nhựa giá trị thấp (Nam Từ Liêm)",
        "Chương trình giáo dục môi trường cho học sinh THCS quận Nam Từ Liêm: hiểu tác hại của rác thải nhựa giá "
        "trị thấp, giảm thiểu và phân loại rác tại nguồn, và đưa ra sáng kiến tại chính trường mình.",
        [
            "Từ tháng 10 đến tháng 12/2022, 24 trường THCS đã xây dựng kế hoạch hành động cấp trường với Tổ nòng "
            "cốt, hoạt động truyền thông và kiểm toán rác tuần đầu, tuần cuối để đo lường sự thay đổi.",
            "Kết quả sau hơn 2 tháng: 20% khối lượng rác thải được giảm thiểu; 20 sáng kiến của học sinh 5 trường "
            "được trình diễn và chấm thi ngày 09/12/2022; hơn 1.500 học sinh, thầy cô và phụ huynh dự ngày hội "
            "tổng kết ngày 17/12/2022 tại trường THCS Tây Mỗ; 100% giáo viên, học sinh được tuyên truyền, nâng "
            "cao nhận thức.",
        ],
    ),
}


def _paragraphs(texts):
    return [{"type": "paragraph", "value": "".join(f"<p>{escape(text)}</p>" for text in texts)}] if texts else []


@transaction.atomic
def seed_programme_pages(*, stdout) -> list[ProgrammePage]:
    """Create the missing programme pages under the home page; returns the pages created."""
    home = HomePage.objects.first()
    if home is None:
        stdout.write("  no home page: programme pages skipped (run home.demo.seed first)")
        return []
    with_page = set(ProgrammePage.objects.values_list("programme_id", flat=True))
    taken_slugs = set(home.get_children().values_list("slug", flat=True))
    created = []
    for programme in Programme.objects.exclude(pk__in=with_page).order_by("pk"):
        title, intro, body = REPORT_PAGES.get(programme.slug, (programme.name, programme.summary, []))
        if programme.slug in taken_slugs:
            stdout.write(f"  slug {programme.slug} is taken under the home page: page skipped")
            continue
        page = ProgrammePage(title=title, slug=programme.slug, programme=programme, intro=intro, body=_paragraphs(body))
        home.add_child(instance=page)
        page.save_revision().publish()
        created.append(page)
        stdout.write(f"  programme page {page.url_path}")
    return created
