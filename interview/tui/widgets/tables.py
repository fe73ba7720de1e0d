"""Small helpers for the DataTables of the history and summary screens."""

from __future__ import annotations

from textual.widgets import DataTable


def selected_key(event: DataTable.RowSelected) -> str:
    """The key a selected row was added with; every table here adds rows with a key."""
    key = event.row_key.value
    if key is None:
        raise LookupError("a row without a key was selected")
    return key
