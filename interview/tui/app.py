"""The app factory: one place that builds the Textual app, for the CLI and for the tests."""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from textual.app import App
from textual.binding import Binding

from interview.bank import Bank, load_bank
from interview.tui.screens.home import HomeScreen


class InterviewApp(App[None]):
    """Practise ML engineer interviews."""

    CSS_PATH = "app.tcss"
    TITLE = "interview"
    BINDINGS = [Binding("ctrl+q", "quit", "Quit", id="quit", priority=True)]

    def __init__(self, bank: Bank) -> None:
        super().__init__()
        self.bank = bank

    def on_mount(self) -> None:
        self.push_screen(HomeScreen(self.bank))


def make_app(bank: Bank | None = None, packs: Iterable[Path] = ()) -> InterviewApp:
    return InterviewApp(bank if bank is not None else load_bank(packs))


def run_app(packs: Iterable[Path] = ()) -> None:
    make_app(packs=packs).run()
