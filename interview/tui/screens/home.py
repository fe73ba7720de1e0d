"""Home: what is loaded, and what was skipped and why."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from interview.bank import Bank


class HomeScreen(Screen[None]):
    def __init__(self, bank: Bank) -> None:
        super().__init__()
        self.bank = bank

    def compose(self) -> ComposeResult:
        yield Header()
        count = sum(len(p.questions) for p in self.bank.packs)
        yield Static(Text(f"{len(self.bank.packs)} packs, {count} questions"), id="bank-summary")
        yield DataTable(id="packs", cursor_type="row", zebra_stripes=True)
        if self.bank.skipped:
            # pack text is data: Text() renders it literally, never as markup
            lines = [f"skipped {s.errors[0]}" for s in self.bank.skipped]
            yield Static(Text("\n".join(lines)), id="skipped")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#packs", DataTable)
        table.add_columns("pack", "title", "questions", "source")
        for pack in self.bank.packs:
            source = "built-in" if pack.builtin else str(pack.path)
            table.add_row(Text(pack.id), Text(pack.title), str(len(pack.questions)), Text(source), key=pack.id)
