"""Display text from packs: YAML block scalars keep the author's line breaks, which read badly
once the terminal rewraps them. Paragraphs, list items and indented lines (code) are kept."""

from __future__ import annotations

import re

from rich.text import Text

_KEEP_BREAK = re.compile(r"^\s*([-*•]|\d+[.)]|\s{2,}\S|```)")


def reflow(text: str) -> str:
    lines = text.strip().splitlines()
    out: list[str] = []
    for line in lines:
        if (not out or not line.strip() or not out[-1].strip() or _KEEP_BREAK.match(line)
                or out[-1].startswith("  ")):
            out.append(line.rstrip() if line.strip() else "")
        else:
            out[-1] = f"{out[-1].rstrip()} {line.strip()}"
    return "\n".join(out)


def prose(text: str, style: str = "") -> Text:
    """Pack or user text as a literal Text (never markup), reflowed."""
    return Text(reflow(text), style=style)
