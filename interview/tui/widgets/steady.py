"""Text inputs whose cursor blinks or not as the app says, from their first frame.

Snapshot tests need a steady cursor; switched off after the first frame, a blink timer that had
already fired under load left some snapshots with the cursor hidden.
"""

from __future__ import annotations

from typing import TypeVar

from textual.widgets import Input, TextArea

Editable = TypeVar("Editable", Input, TextArea)


def steady(widget: Editable, blink: bool) -> Editable:
    widget.cursor_blink = blink
    return widget
