"""Small dialogs; each returns its result through dismiss()."""

from __future__ import annotations

from rich.text import Text
from textual import getters, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen, ScreenResultType
from textual.widgets import Button, Input, OptionList, Static
from textual.widgets.option_list import Option

from interview.tui.app import InterviewApp
from interview.tui.styles import screen_css
from interview.tui.widgets.prose import printable
from interview.tui.widgets.steady import steady


class Dialog(ModalScreen[ScreenResultType]):
    """A modal box in the middle of the screen; the styles every dialog shares."""

    DEFAULT_CSS = screen_css("dialogs")
    app = getters.app(InterviewApp)


class MessageDialog(Dialog[bool]):
    BINDINGS = [
        Binding("enter", "dismiss(True)", "OK", id="dialog.ok"),
        Binding("escape", "dismiss(True)", "OK", id="dialog.close", show=False),
    ]

    def __init__(self, title: str, body: str) -> None:
        super().__init__()
        self.title_text, self.body = title, body

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text(self.title_text, style="bold"), classes="dialog-title")
            yield Static(Text(printable(self.body)))
            yield Button("OK", variant="primary", id="ok")

    @on(Button.Pressed, "#ok")
    def ok(self) -> None:
        self.dismiss(True)


class ConfirmDialog(Dialog[bool]):
    BINDINGS = [
        Binding("y", "dismiss(True)", "Yes", id="dialog.yes"),
        Binding("n,escape", "dismiss(False)", "No", id="dialog.no"),
    ]

    def __init__(self, title: str, body: str, yes: str = "Yes", no: str = "No") -> None:
        super().__init__()
        self.title_text, self.body, self.yes, self.no = title, body, yes, no

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text(self.title_text, style="bold"), classes="dialog-title")
            yield Static(Text(printable(self.body)))
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.yes, variant="primary", id="yes")
                yield Button(self.no, id="no")

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")


class PathDialog(Dialog[str | None]):
    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", id="dialog.cancel")]

    def __init__(self, title: str) -> None:
        super().__init__()
        self.title_text = title

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text(self.title_text, style="bold"), classes="dialog-title")
            yield steady(Input(placeholder="path/to/answer.md", id="path"), self.app.cursor_blink)

    @on(Input.Submitted, "#path")
    def submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip() or None)


class ChoiceDialog(Dialog[str | None]):
    """Pick one of several strings (e.g. the concept you believe you covered)."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", id="dialog.cancel")]

    def __init__(self, title: str, choices: list[str]) -> None:
        super().__init__()
        self.title_text, self.choices = title, choices

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text(self.title_text, style="bold"), classes="dialog-title")
            yield OptionList(
                *[Option(Text(printable(choice)), id=str(i)) for i, choice in enumerate(self.choices)], id="choices"
            )

    @on(OptionList.OptionSelected, "#choices")
    def chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.choices[event.option_index])


class ReadDialog(Dialog[None]):
    """Long text to read, scrollable; the clock keeps running behind it."""

    BINDINGS = [Binding("escape,ctrl+r", "dismiss", "Back to answering", id="read.close")]

    def __init__(self, body: Text) -> None:
        super().__init__()
        self.body = body

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog read-dialog"):
            yield Static(self.body)

    def on_mount(self) -> None:
        self.query_one(VerticalScroll).focus()
