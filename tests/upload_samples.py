"""Real hostile and personal files, built in code, for the upload tests (issue 14)."""

import io
import zipfile

from PIL import ExifTags, Image
from pypdf import PdfWriter
from pypdf.actions import JavaScript

GPS_IFD = 0x8825
DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
DOCM_MAIN = "application/vnd.ms-word.document.macroEnabled.main+xml"
PUPIL = "Nguyễn Văn A"

# A tiny EPS whose PostScript loops: Pillow hands it to Ghostscript when it loads it.
EPS = (
    b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 10 10\n%%EndComments\n"
    b"/n 0 def { /n n 1 add def n 2000000000 gt { exit } if } loop\nshowpage\n%%EOF\n"
)


def jpeg_with_gps_and_comment(*, orientation=None, size=(80, 40)) -> bytes:
    """A JPEG with camera EXIF, a GPS position, an Artist, an ICC profile, XMP and a COM comment."""
    image = Image.new("RGB", size, (200, 30, 30))
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "PhoneMaker"
    exif[ExifTags.Base.Artist] = "ArtistName"
    if orientation:
        exif[ExifTags.Base.Orientation] = orientation
    gps = exif.get_ifd(GPS_IFD)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (21.0, 1.0, 42.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (105.0, 51.0, 7.0)
    out = io.BytesIO()
    image.save(
        out,
        "JPEG",
        exif=exif,
        icc_profile=b"\x00" * 128,
        xmp=b"<x:xmpmeta>secret</x:xmpmeta>",
        comment=b"COMMENT-by-pupil",
    )
    return out.getvalue()


def assert_image_has_no_metadata(data: bytes) -> None:
    for marker in (b"Exif", b"PhoneMaker", b"ArtistName", b"xmpmeta", b"ICC_PROFILE", b"COMMENT-by-pupil"):
        assert marker not in data
    with Image.open(io.BytesIO(data)) as image:
        assert dict(image.getexif()) == {}
        for key in ("exif", "icc_profile", "xmp", "XML:com.adobe.xmp", "comment"):
            assert key not in image.info


def _zip(parts: dict[str, bytes | str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, body in parts.items():
            archive.writestr(name, body)
    return out.getvalue()


def _content_types(main: str, extra: str = "") -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        f'content-types"><Override PartName="/word/document.xml" ContentType="{main}"/>{extra}</Types>'
    )


def docm_renamed_docx() -> bytes:
    """A macro-enabled Word document (vbaProject.bin, macroEnabled main type), to be named .docx."""
    return _zip(
        {
            "[Content_Types].xml": _content_types(DOCM_MAIN),
            "word/document.xml": "<w:document/>",
            "word/vbaProject.bin": b"\xd0\xcf\x11\xe0 macro",
        }
    )


def docx_with_vba_only() -> bytes:
    """A .docx main type that still carries a vbaProject.bin part."""
    return _zip(
        {
            "[Content_Types].xml": _content_types(DOCX_MAIN),
            "word/document.xml": "<w:document/>",
            "word/vbaProject.bin": b"\xd0\xcf\x11\xe0 macro",
        }
    )


def zip_bomb_docx(member_mb: int = 200) -> bytes:
    """A DOCX whose document part inflates to member_mb MB of zeros (about 200 KB on disk)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _content_types(DOCX_MAIN))
        chunk = b"\0" * (1024 * 1024)
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            for _ in range(member_mb):
                part.write(chunk)
    return out.getvalue()


def docx_with_comments_and_changes() -> bytes:
    """A DOCX with personal properties, a comment, comment authors and tracked-change authors."""
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    comment_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
    people_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.people+xml"
    return _zip(
        {
            "[Content_Types].xml": _content_types(
                DOCX_MAIN,
                f'<Override PartName="/word/comments.xml" ContentType="{comment_type}"/>'
                f'<Override PartName="/word/people.xml" ContentType="{people_type}"/>',
            ),
            "_rels/.rels": (
                '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
                '2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'
            ),
            "word/_rels/document.xml.rels": (
                '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                'relationships"><Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/'
                '2006/relationships/comments" Target="comments.xml"/><Relationship Id="rId6" Type="http://'
                'schemas.microsoft.com/office/2011/relationships/people" Target="people.xml"/>'
                '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                'relationships/styles" Target="styles.xml"/></Relationships>'
            ),
            "word/document.xml": (
                f'<?xml version="1.0"?><w:document {w}><w:body><w:p><w:commentRangeStart w:id="0"/>'
                f'<w:ins w:id="1" w:author="{PUPIL}" w:date="2022-10-20T00:00:00Z"><w:r><w:t>Thêm</w:t></w:r>'
                f'</w:ins><w:del w:id="2" w:author="{PUPIL}"><w:r><w:delText>Bớt</w:delText></w:r></w:del>'
                '<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>'
                "<w:r><w:t>Kế hoạch giảm rác</w:t></w:r></w:p></w:body></w:document>"
            ),
            "word/comments.xml": (
                f'<?xml version="1.0"?><w:comments {w}><w:comment w:id="0" w:author="{PUPIL}" w:initials="NVA">'
                "<w:p><w:r><w:t>Em viết phần này</w:t></w:r></w:p></w:comment></w:comments>"
            ),
            "word/people.xml": f'<w15:people><w15:person w15:author="{PUPIL}"/></w15:people>',
            "word/styles.xml": f"<w:styles {w}/>",
            "docProps/core.xml": f"<cp:coreProperties><dc:creator>{PUPIL}</dc:creator></cp:coreProperties>",
            "docProps/app.xml": "<Properties><Company>Trường THCS Láng Hạ</Company></Properties>",
            "docProps/custom.xml": f"<Properties><property name='Lớp'>{PUPIL}</property></Properties>",
        }
    )


def pdf_bytes(*, author: str | None = None, javascript: bool = False, attachment: bool = False) -> bytes:
    """A one-page PDF made with pypdf, optionally with an Author, an opening script and a file."""
    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    if author:
        writer.add_metadata({"/Author": author, "/Title": "Bài dự thi"})
    if javascript:
        writer.add_open_action(JavaScript("app.alert('xin chao');"))
    if attachment:
        writer.add_attachment("ho-so.txt", PUPIL.encode())
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


XLSX_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"


def xlsx_with_comment_authors() -> bytes:
    """An XLSX whose legacy comments and threaded-comment persons name the pupil."""
    return _zip(
        {
            "[Content_Types].xml": (
                '<Types><Override PartName="/xl/workbook.xml" ContentType="' + XLSX_MAIN + '"/></Types>'
            ),
            "xl/workbook.xml": "<workbook/>",
            "xl/comments1.xml": f"<comments><authors><author>{PUPIL}</author></authors><commentList/></comments>",
            "xl/persons/person.xml": f'<personList><person displayName="{PUPIL}" userId="a@b"/></personList>',
        }
    )
