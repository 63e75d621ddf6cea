"""Raw StreamField values for the demo pages: what the `body` of a page holds, written by hand."""

from html import escape


def h(text, size="h2"):
    return {"type": "heading", "value": {"heading_text": text, "size": size}}


def p(*paragraphs):
    return {"type": "paragraph", "value": "".join(f"<p>{escape(text)}</p>" for text in paragraphs)}


def ul(*items):
    return {"type": "paragraph", "value": "<ul>" + "".join(f"<li>{escape(item)}</li>" for item in items) + "</ul>"}


def quote(text, by=""):
    return {"type": "quote", "value": {"text": text, "attribute_name": by}}
