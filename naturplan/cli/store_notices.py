"""Stored candidates a store left out (another program wrote them unusable), on stderr.

:mod:`naturplan.io.project.rows` announces every left-out row; while a command runs, each is
printed once as ``naturplan: advarsel: …`` naming the candidate's id and what is wrong, and
the command goes on with the other candidates.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from naturplan.core.notices import Notice
from naturplan.io.project import rows
from naturplan.text.i18n import tr
from naturplan.text.notices import notice_text


def show_left_out_rows(lang: str | None) -> Callable[[], None]:
    """Print each left-out row's notice once on stderr from now on; returns the function
    that stops it."""
    seen: set[tuple[str, str]] = set()

    def show(notice: Notice) -> None:
        key = (notice.code, str(notice.params.get("id", "")))
        if key in seen:
            return
        seen.add(key)
        word = tr(lang, "stats", "warning")
        print(f"naturplan: {word}: {notice_text(notice, lang)}", file=sys.stderr)

    rows.left_out.connect(show)
    return lambda: rows.left_out.disconnect(show)
