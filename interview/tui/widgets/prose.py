"""Display text from packs: YAML block scalars keep the author's line breaks, which read badly
once the terminal rewraps them. Paragraphs, list items and indented lines (code) are kept."""

from __future__ import annotations

import re

from rich.text import Text

_KEEP_BREAK = re.compile(r"^\s*([-*•]|\d+[.)]|\s{2,}\S|```)")
# C0 and C1 control characters, except tab and newline: an escape sequence in a pack or an answer
# must be shown, never sent to the terminal. Each becomes one visible character (U+2400 block for
# C0, U+FFFD for the rest), so character offsets of evidence spans stay valid.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    return _CONTROL.sub(
        lambda m: (
            chr(0x2400 + ord(m.group())) if ord(m.group()) < 0x20 else ("\u2421" if m.group() == "\x7f" else "\ufffd")
        ),
        text,
    )


def reflow(text: str) -> str:
    lines = printable(text).strip().splitlines()
    out: list[str] = []
    for line in lines:
        if not out or not line.strip() or not out[-1].strip() or _KEEP_BREAK.match(line) or out[-1].startswith("  "):
            out.append(line.rstrip() if line.strip() else "")
        else:
            out[-1] = f"{out[-1].rstrip()} {line.strip()}"
    return "\n".join(out)


def prose(text: str, style: str = "") -> Text:
    """Pack or user text as a literal Text (never markup), reflowed."""
    return Text(reflow(text), style=style)
