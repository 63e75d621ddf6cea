"""polib for the catalogue commands of `make messages` (compile_translations, translation_coverage).

polib stays in requirements-dev.txt: the compiled .mo files are committed, so neither
`make run` nor production compiles or measures catalogues. Where it is missing, the
commands stop with a CommandError that says so instead of an ImportError at import.
"""

from django.core.management.base import CommandError

try:
    import polib
except ImportError:
    polib = None


def require_polib() -> None:
    if polib is None:
        raise CommandError(
            "polib is not installed: the catalogue commands are development tools (requirements-dev.txt, make install)."
        )
