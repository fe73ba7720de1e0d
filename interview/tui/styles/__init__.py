"""Each screen's styles, in a .tcss file of its own.

A screen takes its file as DEFAULT_CSS, so Textual parses it when the screen is first shown, scoped
to that screen, and adds it to the stylesheet without re-parsing the rest (a screen's CSS_PATH would
re-parse every source on first show). The first screen thus parses only the rules it uses.
"""

from __future__ import annotations

from pathlib import Path


def screen_css(name: str) -> str:
    return (Path(__file__).parent / f"{name}.tcss").read_text(encoding="utf-8")
