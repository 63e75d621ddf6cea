"""What the demo is made of: the places, schools, people and classes of the 2022 report.

The report (CECR, 2022) gives the programmes, their dates, the counts (39 Hoàn Kiếm
schools, 21 of them primary or lower secondary; 24 lower-secondary schools in Nam Từ
Liêm) and five Nam Từ Liêm schools by name. Ward names are the real ones of 2022
(before the 2025 merger); the other school names, addresses and figures are made up
to be plausible, not taken from a register.

A school row is (code, name, ward code, street address, students enrolled, classes); the
address gets its ward appended.
"""

from datetime import date
from typing import NamedTuple

from schools.enums import Role, SchoolLevel, Theme

SCHOOL_YEAR = ("2022-2023", date(2022, 9, 5), date(2023, 5, 31))

CITY = ("ha-noi", "Hà Nội")

# Former district → its wards, as (code, name).
DISTRICTS = {
    ("hoan-kiem", "Hoàn Kiếm"): [
        ("hk-chuong-duong", "Phường Chương Dương"),
        ("hk-cua-dong", "Phường Cửa Đông"),
        ("hk-cua-nam", "Phường Cửa Nam"),
        ("hk-dong-xuan", "Phường Đồng Xuân"),
        ("hk-hang-bac", "Phường Hàng Bạc"),
        ("hk-hang-bai", "Phường Hàng Bài"),
        ("hk-hang-bo", "Phường Hàng Bồ"),
        ("hk-hang-bong", "Phường Hàng Bông"),
        ("hk-hang-buom", "Phường Hàng Buồm"),
        ("hk-hang-dao", "Phường Hàng Đào"),
        ("hk-hang-gai", "Phường Hàng Gai"),
        ("hk-hang-ma", "Phường Hàng Mã"),
        ("hk-hang-trong", "Phường Hàng Trống"),
        ("hk-ly-thai-to", "Phường Lý Thái Tổ"),
        ("hk-phan-chu-trinh", "Phường Phan Chu Trinh"),
        ("hk-phuc-tan", "Phường Phúc Tân"),
        ("hk-trang-tien", "Phường Tràng Tiền"),
        ("hk-tran-hung-dao", "Phường Trần Hưng Đạo"),
    ],
    ("nam-tu-liem", "Nam Từ Liêm"): [
        ("ntl-cau-dien", "Phường Cầu Diễn"),
        ("ntl-dai-mo", "Phường Đại Mỗ"),
        ("ntl-me-tri", "Phường Mễ Trì"),
        ("ntl-my-dinh-1", "Phường Mỹ Đình 1"),
        ("ntl-my-dinh-2", "Phường Mỹ Đình 2"),
        ("ntl-phu-do", "Phường Phú Đô"),
        ("ntl-phuong-canh", "Phường Phương Canh"),
        ("ntl-tay-mo", "Phường Tây Mỗ"),
        ("ntl-trung-van", "Phường Trung Văn"),
        ("ntl-xuan-phuong", "Phường Xuân Phương"),
    ],
}

HK_PRESCHOOLS = [
    ("hk-mn-hoa-sen", "Trường Mầm non Hoa Sen", "hk-hang-bai", "Số 12 phố Ngô Thì Nhậm", 320, 11),
    ("hk-mn-binh-minh", "Trường Mầm non Bình Minh", "hk-hang-bac", "Số 8 phố Đinh Liệt", 210, 7),
    ("hk-mn-tuoi-hoa", "Trường Mầm non Tuổi Hoa", "hk-hang-bong", "Số 45 phố Hàng Bông", 260, 9),
    ("hk-mn-hoa-mi", "Trường Mầm non Họa Mi", "hk-cua-nam", "Số 3 phố Tràng Thi", 240, 8),
    ("hk-mn-20-10", "Trường Mầm non 20-10", "hk-hang-trong", "Số 20 phố Lý Quốc Sư", 280, 9),
    ("hk-mn-chuong-duong", "Trường Mầm non Chương Dương", "hk-chuong-duong", "Số 60 phố Vạn Kiếp", 390, 13),
    ("hk-mn-phuc-tan", "Trường Mầm non Phúc Tân", "hk-phuc-tan", "Số 25 phố Phúc Tân", 350, 12),
    ("hk-mn-trang-tien", "Trường Mầm non Tràng Tiền", "hk-trang-tien", "Số 9 phố Ngô Quyền", 190, 6),
    ("hk-mn-dong-xuan", "Trường Mầm non Đồng Xuân", "hk-dong-xuan", "Số 14 phố Hàng Khoai", 230, 8),
    ("hk-mn-ly-thai-to", "Trường Mầm non Lý Thái Tổ", "hk-ly-thai-to", "Số 6 phố Lê Thạch", 200, 7),
    ("hk-mn-hoa-mai", "Trường Mầm non Hoa Mai", "hk-tran-hung-dao", "Số 31 phố Quán Sứ", 270, 9),
    ("hk-mn-bong-sen", "Trường Mầm non Bông Sen", "hk-hang-ma", "Số 17 phố Hàng Lược", 250, 8),
    ("hk-mn-tuoi-tho", "Trường Mầm non Tuổi Thơ", "hk-hang-buom", "Số 22 phố Hàng Buồm", 180, 6),
    ("hk-mn-hoa-hong", "Trường Mầm non Hoa Hồng", "hk-cua-dong", "Số 5 phố Đường Thành", 220, 7),
    ("hk-mn-bup-sen-xanh", "Trường Mầm non Búp Sen Xanh", "hk-hang-gai", "Số 40 phố Hàng Hòm", 190, 6),
    ("hk-mn-son-ca", "Trường Mầm non Sơn Ca", "hk-hang-dao", "Số 11 phố Hàng Ngang", 170, 6),
    ("hk-mn-hoa-lan", "Trường Mầm non Hoa Lan", "hk-phan-chu-trinh", "Số 28 phố Phan Huy Chú", 300, 10),
    ("hk-mn-anh-duong", "Trường Mầm non Ánh Dương", "hk-hang-bo", "Số 19 phố Hàng Vải", 210, 7),
]

HK_PRIMARY = [
    ("hk-th-dien-bien", "Trường Tiểu học Điện Biên", "hk-hang-bong", "Số 80 phố Hàng Bông", 1150, 30),
    ("hk-th-tran-quoc-toan", "Trường Tiểu học Trần Quốc Toản", "hk-hang-bac", "Số 10 phố Hàng Bè", 980, 26),
    ("hk-th-hoan-kiem", "Trường Tiểu học Hoàn Kiếm", "hk-hang-trong", "Số 2 phố Nhà Chung", 1020, 27),
    ("hk-th-trang-an", "Trường Tiểu học Tràng An", "hk-cua-nam", "Số 12 phố Tràng Thi", 1240, 32),
    ("hk-th-nguyen-du", "Trường Tiểu học Nguyễn Du", "hk-hang-bo", "Số 5 phố Hàng Thiếc", 860, 23),
    ("hk-th-quang-trung", "Trường Tiểu học Quang Trung", "hk-hang-gai", "Số 7 phố Hàng Quạt", 790, 21),
    ("hk-th-hong-ha", "Trường Tiểu học Hồng Hà", "hk-chuong-duong", "Số 121 phố Chương Dương Độ", 1310, 34),
    ("hk-th-chuong-duong", "Trường Tiểu học Chương Dương", "hk-chuong-duong", "Số 36 phố Vạn Kiếp", 1080, 28),
    ("hk-th-phuc-tan", "Trường Tiểu học Phúc Tân", "hk-phuc-tan", "Số 2 phố Phúc Tân", 940, 25),
    ("hk-th-dinh-tien-hoang", "Trường Tiểu học Đinh Tiên Hoàng", "hk-ly-thai-to", "Số 16 phố Đinh Tiên Hoàng", 880, 24),
    ("hk-th-vo-thi-sau", "Trường Tiểu học Võ Thị Sáu", "hk-hang-ma", "Số 50 phố Hàng Mã", 720, 20),
    ("hk-th-ha-noi-thang-long", "Trường Tiểu học Hà Nội - Thăng Long", "hk-dong-xuan", "Số 9 phố Hàng Chiếu", 650, 18),
]

HK_LOWER_SECONDARY = [
    ("hk-thcs-ngo-si-lien", "Trường THCS Ngô Sĩ Liên", "hk-hang-bai", "Số 27 phố Hàng Bài", 1180, 27),
    ("hk-thcs-trung-vuong", "Trường THCS Trưng Vương", "hk-hang-bai", "Số 26 phố Hàng Bài", 1250, 28),
    ("hk-thcs-nguyen-du", "Trường THCS Nguyễn Du", "hk-phan-chu-trinh", "Số 1 phố Phan Chu Trinh", 960, 22),
    ("hk-thcs-tran-phu", "Trường THCS Trần Phú", "hk-hang-dao", "Số 3 phố Hàng Đào", 820, 19),
    ("hk-thcs-ly-thuong-kiet", "Trường THCS Lý Thường Kiệt", "hk-tran-hung-dao", "Số 56 phố Lý Thường Kiệt", 740, 18),
    ("hk-thcs-hoan-kiem", "Trường THCS Hoàn Kiếm", "hk-trang-tien", "Số 4 phố Tràng Tiền", 690, 17),
    ("hk-thcs-chu-van-an", "Trường THCS Chu Văn An", "hk-hang-buom", "Số 15 phố Mã Mây", 610, 15),
    ("hk-thcs-thanh-quan", "Trường THCS Thanh Quan", "hk-cua-dong", "Số 24 phố Hàng Điếu", 880, 21),
    ("hk-thcs-tay-son", "Trường THCS Tây Sơn", "hk-hang-trong", "Số 30 phố Ấu Triệu", 570, 14),
]

NTL_LOWER_SECONDARY = [
    ("ntl-thcs-nam-tu-liem", "Trường THCS Nam Từ Liêm", "ntl-my-dinh-1", "Số 1 phố Nguyễn Cơ Thạch", 1520, 34),
    ("ntl-thcs-cau-dien", "Trường THCS Cầu Diễn", "ntl-cau-dien", "Số 215 đường Hồ Tùng Mậu", 1380, 31),
    ("ntl-thcs-tay-mo", "Trường THCS Tây Mỗ", "ntl-tay-mo", "Số 2 phố Tây Mỗ", 1450, 33),
    ("ntl-thcs-me-tri", "Trường THCS Mễ Trì", "ntl-me-tri", "Số 14 phố Mễ Trì Thượng", 1290, 29),
    ("ntl-thcs-my-dinh-2", "Trường THCS Mỹ Đình 2", "ntl-my-dinh-2", "Số 8 phố Nguyễn Hoàng", 1610, 36),
    ("ntl-thcs-my-dinh-1", "Trường THCS Mỹ Đình 1", "ntl-my-dinh-1", "Số 20 phố Lê Quang Đạo", 1340, 30),
    ("ntl-thcs-phu-do", "Trường THCS Phú Đô", "ntl-phu-do", "Số 5 phố Phú Đô", 980, 23),
    ("ntl-thcs-dai-mo", "Trường THCS Đại Mỗ", "ntl-dai-mo", "Số 3 phố Đại Linh", 1260, 29),
    ("ntl-thcs-trung-van", "Trường THCS Trung Văn", "ntl-trung-van", "Số 12 phố Trung Văn", 1170, 27),
    ("ntl-thcs-xuan-phuong", "Trường THCS Xuân Phương", "ntl-xuan-phuong", "Số 9 phố Xuân Phương", 1090, 25),
    ("ntl-thcs-phuong-canh", "Trường THCS Phương Canh", "ntl-phuong-canh", "Số 18 phố Phương Canh", 1010, 24),
    ("ntl-thcs-le-quy-don", "Trường THCS Lê Quý Đôn", "ntl-my-dinh-2", "Số 2 phố Hàm Nghi", 880, 22),
    ("ntl-thcs-lomonoxop", "Trường THCS Lômônôxốp", "ntl-my-dinh-1", "Số 32 phố Lê Đức Thọ", 760, 20),
    ("ntl-thcs-marie-curie", "Trường THCS Marie Curie", "ntl-my-dinh-2", "Số 15 phố Nguyễn Hoàng", 690, 18),
    ("ntl-thcs-olympia", "Trường THCS Olympia", "ntl-trung-van", "Số 40 phố Tố Hữu", 520, 15),
    ("ntl-thcs-vinschool", "Trường THCS Vinschool Smart City", "ntl-tay-mo", "Khu đô thị Smart City", 840, 22),
    ("ntl-thcs-tri-duc", "Trường THCS Trí Đức", "ntl-xuan-phuong", "Số 6 phố Hòe Thị", 430, 12),
    ("ntl-thcs-viet-uc", "Trường THCS Việt Úc", "ntl-my-dinh-2", "Số 10 phố Lê Đức Thọ", 610, 17),
    (
        "ntl-thcs-nguyen-binh-khiem",
        "Trường THCS Nguyễn Bỉnh Khiêm",
        "ntl-cau-dien",
        "Số 6 phố Nguyễn Văn Giáp",
        720,
        19,
    ),
    ("ntl-thcs-doan-thi-diem", "Trường THCS Đoàn Thị Điểm", "ntl-me-tri", "Số 21 phố Mễ Trì Hạ", 650, 18),
    ("ntl-thcs-phan-huy-chu", "Trường THCS Phan Huy Chú", "ntl-phu-do", "Số 27 phố Phú Đô", 560, 15),
    ("ntl-thcs-ly-nam-de", "Trường THCS Lý Nam Đế", "ntl-dai-mo", "Số 11 phố Đại Mỗ", 620, 16),
    ("ntl-thcs-ngo-thi-nham", "Trường THCS Ngô Thì Nhậm", "ntl-phuong-canh", "Số 4 phố Xuân Phương", 580, 15),
    ("ntl-thcs-tay-mo-3", "Trường THCS Tây Mỗ 3", "ntl-tay-mo", "Số 35 phố Tây Mỗ", 900, 22),
]

SCHOOLS_BY_LEVEL = [
    (SchoolLevel.PRESCHOOL, HK_PRESCHOOLS),
    (SchoolLevel.PRIMARY, HK_PRIMARY),
    (SchoolLevel.LOWER_SECONDARY, HK_LOWER_SECONDARY),
    (SchoolLevel.LOWER_SECONDARY, NTL_LOWER_SECONDARY),
]

GREEN_SCHOOL = "truong-hoc-xanh-hoan-kiem-2022"
PLASTIC = "nhua-gia-tri-thap-nam-tu-liem-2022"

# slug → (the programme's fields, the codes of its schools)
PROGRAMMES = {
    GREEN_SCHOOL: (
        {
            "name": "Xây dựng Trường học Xanh – Vì một Hà Nội Xanh",
            "area": "hoan-kiem",
            "organiser": "Trung tâm Nghiên cứu Môi trường và Cộng đồng (CECR) và Phòng GD&ĐT quận Hoàn Kiếm",
            "themes": [Theme.ENERGY, Theme.WASTE, Theme.ELECTRICITY, Theme.WATER, Theme.AIR, Theme.GREEN_SPACE],
            "summary": (
                "Nâng cao nhận thức, ý thức tuân thủ pháp luật cho giáo viên, nhân viên, học sinh trên địa bàn "
                "quận Hoàn Kiếm về các vấn đề môi trường liên quan đến năng lượng, rác thải, điện, nước, không khí "
                "và không gian xanh, từ đó thúc đẩy hành động cụ thể trong công tác bảo vệ môi trường. Chương trình "
                "triển khai tại 39 trường mầm non, tiểu học và THCS theo Kế hoạch số 255/KH-THMT-GDĐT ngày "
                "01/11/2022 của UBND quận Hoàn Kiếm: tập huấn giáo viên về bảo tồn nguồn nước, cuộc thi Sáng kiến "
                "bảo tồn nguồn nước tại 21 trường tiểu học và THCS, và cuộc thi sáng tạo khẩu hiệu."
            ),
            "starts_on": date(2022, 9, 5),
            "ends_on": date(2023, 5, 31),
            "is_published": True,
        },
        [row[0] for row in HK_PRESCHOOLS + HK_PRIMARY + HK_LOWER_SECONDARY],
    ),
    PLASTIC: (
        {
            "name": "Giảm thiểu, phân loại và tái chế rác thải nhựa giá trị thấp trong trường học",
            "area": "nam-tu-liem",
            "organiser": "Trung tâm Nghiên cứu Môi trường và Cộng đồng (CECR) và Phòng GD&ĐT quận Nam Từ Liêm",
            "themes": [Theme.WASTE],
            "summary": (
                "Nâng cao nhận thức cho giáo viên, nhân viên, học sinh 24 trường THCS trên địa bàn quận Nam Từ "
                "Liêm về tình trạng ô nhiễm rác thải và tác hại của rác thải giá trị thấp đối với con người và môi "
                "trường; giáo dục học sinh giảm thiểu và phân loại rác tại nguồn. Mỗi trường xây dựng kế hoạch hành "
                "động cấp trường với Tổ nòng cốt, các hoạt động truyền thông, hướng dẫn học sinh kiểm toán rác và "
                "ghi số liệu rác thải tuần đầu và tuần cuối để đo lường sự thay đổi."
            ),
            "starts_on": date(2022, 10, 1),
            "ends_on": date(2022, 12, 31),
            "reduction_target_pct": 20,
            "required_audit_days": 5,
            "is_published": True,
        },
        [row[0] for row in NTL_LOWER_SECONDARY],
    ),
}


class Person(NamedTuple):
    """A named demo user; each grant is (role, scope kind: school | area | programme | None, scope code)."""

    username: str
    full_name: str
    grants: tuple


PEOPLE = [
    Person("bantochuc", "Lê Thu Hà", ((Role.ORGANISER, None, None),)),
    Person("btc.nhua", "Phạm Minh Tuấn", ((Role.ORGANISER, "programme", PLASTIC),)),
    Person("canbo.hoankiem", "Đỗ Thị Lan", ((Role.OFFICER, "area", "hoan-kiem"),)),
    Person("canbo.namtuliem", "Trần Văn Hải", ((Role.OFFICER, "area", "nam-tu-liem"),)),
    Person("canbo.caudien", "Ngô Thị Thanh Tâm", ((Role.OFFICER, "area", "ntl-cau-dien"),)),
    Person("giamkhao", "Vũ Quang Huy", ((Role.JUDGE, "programme", PLASTIC),)),
    Person("gv.caudien", "Nguyễn Thị Hương", ((Role.TEACHER, "school", "ntl-thcs-cau-dien"),)),
    Person("gv.metri", "Hoàng Thị Mai", ((Role.TEACHER, "school", "ntl-thcs-me-tri"),)),
    Person("gv.taymo", "Bùi Đức Thắng", ((Role.TEACHER, "school", "ntl-thcs-tay-mo"),)),
    Person("gv.mydinh2", "Đặng Thu Trang", ((Role.TEACHER, "school", "ntl-thcs-my-dinh-2"),)),
    Person("gv.namtuliem", "Phan Thị Hồng Nhung", ((Role.TEACHER, "school", "ntl-thcs-nam-tu-liem"),)),
    Person(
        "gv.ngosilien",
        "Trịnh Minh Phương",
        ((Role.TEACHER, "school", "hk-thcs-ngo-si-lien"), (Role.JUDGE, "programme", GREEN_SCHOOL)),
    ),
    Person("gv.dienbien", "Dương Thị Bích Ngọc", ((Role.TEACHER, "school", "hk-th-dien-bien"),)),
]

# The demo student with a known login (the demo password, no card): first of Cầu Diễn 6A1.
STUDENT_LOGIN = Person("hs.caudien", "Nguyễn Minh Khôi", ((Role.STUDENT, "school", "ntl-thcs-cau-dien"),))
STUDENT_LOGIN_CLASS = "6A1"


class ClassSpec(NamedTuple):
    """A class with `size` students; the first `consents` have both consents, the last `logins` a login card."""

    school: str
    name: str
    grade: int
    size: int
    consents: int = 0
    logins: int = 0


CLASSES = [
    ClassSpec("ntl-thcs-cau-dien", "6A1", 6, 8, consents=2, logins=2),
    ClassSpec("ntl-thcs-cau-dien", "6A2", 6, 8, consents=1),
    ClassSpec("ntl-thcs-cau-dien", "7A1", 7, 8, consents=2, logins=1),
    ClassSpec("ntl-thcs-cau-dien", "8A1", 8, 8),
    ClassSpec("ntl-thcs-cau-dien", "9A1", 9, 8, consents=1),
    ClassSpec("ntl-thcs-me-tri", "6A3", 6, 6, logins=1),
    ClassSpec("ntl-thcs-me-tri", "8A2", 8, 6),
    ClassSpec("hk-thcs-ngo-si-lien", "7A4", 7, 6, consents=1),
    ClassSpec("hk-th-dien-bien", "4A2", 4, 6),
    ClassSpec("hk-th-dien-bien", "5A1", 5, 6),
    # Preschool: children under 7, so no consent of their own and never a login.
    ClassSpec("hk-mn-hoa-sen", "Lớp Lá A1", 0, 6),
]

# Name pools: a full name is family + middle-and-given name.
FAMILY_NAMES = [
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ",
    "Hồ", "Ngô", "Dương", "Lý", "Phan", "Đinh", "Trịnh", "Đào", "Mai",
]  # fmt: skip
TEACHER_GIVEN_NAMES = [
    "Thị Thu Hà", "Thị Lan Anh", "Minh Phương", "Thị Hạnh", "Văn Hùng", "Thanh Huyền", "Thị Yến",
    "Kim Oanh", "Quang Minh", "Thùy Linh", "Thị Thanh Hoa", "Hoài Thu", "Đức Long", "Thị Ngọc Lan",
    "Thu Hằng", "Thị Minh Nguyệt", "Văn Nam", "Thị Kim Dung", "Bích Hạnh", "Thị Loan", "Mạnh Cường",
]  # fmt: skip
STUDENT_GIVEN_NAMES = [
    "Minh Anh", "Gia Bảo", "Khánh Linh", "Đức Anh", "Bảo Ngọc", "Quang Huy", "Phương Thảo", "Hoàng Nam",
    "Hà My", "Tuấn Kiệt", "Minh Châu", "Bảo Long", "Thu Trang", "Nhật Minh", "Gia Hân", "Anh Quân",
    "Diệu Linh", "Đăng Khoa", "An Nhiên", "Trung Kiên", "Quỳnh Chi", "Hải Đăng", "Thảo Vy", "Phúc An",
]  # fmt: skip
