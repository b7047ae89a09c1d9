"""User data on a terminal, shown and never obeyed (issue 18).

A candidate's name may hold an ESC sequence (``\\x1b[2J`` clears the screen, ``\\x1b]52;…``
writes the clipboard in some terminals), a carriage return that overwrites what the line said,
or a line feed that fakes a second line. Every line the command line prints that holds user
data goes through :func:`terminal_text`: control characters are shown escaped, the way Python
writes them (``\\x1b``, ``\\r``, ``\\n``), everything else as it is.
"""

from __future__ import annotations

import re

#: C0 controls (tab included: it moves the cursor), DEL, C1 controls, and the bidirectional
#: overrides and isolates that reorder what is shown (the "Trojan Source" characters).
CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal_text(text: str, keep_newlines: bool = False) -> str:
    """*text* with its control characters escaped (``"a\\x1b[31mb"`` → ``a\\x1b[31mb``
    as plain characters). With *keep_newlines*, line feeds stay (a message of several lines
    the program itself made); a backslash is left as it is."""
    if keep_newlines:
        return "\n".join(CONTROL.sub(_escape, line) for line in text.split("\n"))
    return CONTROL.sub(_escape, text)
