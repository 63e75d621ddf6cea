"""The one header our page scripts send (static/js/autosave.js): `X-Requested-With: fetch`.

A view that answers both a plain form post (redirect or page) and the script's fetch
(JSON) asks `sent_by_script`; the header's name and value are named here and in
autosave.js only.
"""

HEADER = "X-Requested-With"
VALUE = "fetch"


def sent_by_script(request) -> bool:
    """True when the request came from autosave.js, which expects a JSON answer."""
    return request.headers.get(HEADER) == VALUE
