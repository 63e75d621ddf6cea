"""Serving entry media (images, documents, thumbnails) through a permission check.

Media are never on a public URL. Who may see them: `contests.view_entry_media`
(contests/entries/rules_media.py). Anyone else gets 404, whatever their role and also when
anonymous: a login redirect would tell that the file exists (chosen over a redirect).

Headers: the stored content type, `nosniff`, a sandboxing CSP, private caching only,
and a server-made file name: `<entry code>-<position><ext>`. The non-blind route offers
the sanitised uploaded name for documents to those who may view the entry itself
(`contests.view_entry`: its school, its authors, its organisers download their own DOCX
by name); a judge or a public visitor gets the server-made name on every route, as the
blind route (`contests:media_blind`, for blind judging pages) always gives.
"""

from django.http import FileResponse, Http404
from django.views.decorators.http import require_GET

from contests.enums import MediaKind, MediaStatus
from contests.models import EntryMedia

_INLINE_TYPES = {"image/jpeg", "image/png", "image/webp", "application/pdf"}


def _media_or_404(request, pk) -> EntryMedia:
    media = EntryMedia.objects.select_related("entry__contest", "entry__school").filter(pk=pk).first()
    if media is None or not request.user.has_perm("contests.view_entry_media", media):
        raise Http404
    return media


def neutral_name(media: EntryMedia, suffix: str = "") -> str:
    return f"{media.entry.code}-{media.position}{suffix}{media.extension}"


def _respond(fieldfile, *, content_type, filename, inline) -> FileResponse:
    try:
        handle = fieldfile.open("rb")
    except (FileNotFoundError, OSError):
        raise Http404 from None
    response = FileResponse(handle, content_type=content_type, as_attachment=not inline, filename=filename)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; img-src 'self'; sandbox"
    response["Cache-Control"] = "private, max-age=600"
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    return response


def _serve(request, pk, *, blind: bool) -> FileResponse:
    media = _media_or_404(request, pk)
    filename = neutral_name(media)
    by_name = not blind and request.user.has_perm("contests.view_entry", media.entry)
    if by_name and media.kind == MediaKind.DOCUMENT and media.original_name:
        stem = media.original_name.rsplit(".", 1)[0] if "." in media.original_name else media.original_name
        filename = f"{stem}{media.extension}"
    return _respond(
        media.file,
        content_type=media.content_type,
        filename=filename,
        inline=media.content_type in _INLINE_TYPES,
    )


@require_GET
def media_file(request, pk):
    return _serve(request, pk, blind=False)


@require_GET
def media_blind(request, pk):
    return _serve(request, pk, blind=True)


@require_GET
def media_thumb(request, pk):
    media = _media_or_404(request, pk)
    if media.kind != MediaKind.IMAGE or media.status != MediaStatus.READY or not media.thumbnail:
        raise Http404
    return _respond(
        media.thumbnail,
        content_type="image/jpeg",
        filename=neutral_name(media, "-thumb").rsplit(".", 1)[0] + ".jpg",
        inline=True,
    )
