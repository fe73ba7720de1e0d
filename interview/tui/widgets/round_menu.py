"""The home screen's menu of rounds: a handful of choices, arrows and enter or a click to pick one.

OptionList does this and much more (scrolling, separators, thousands of options); on the first
screen it cost about 10 ms of a 60 ms start-up budget, so the menu is one widget rendering one Text.
"""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget


class RoundMenu(Widget, can_focus=True):
    DEFAULT_CSS = """
    RoundMenu {
        height: auto;
        padding: 0 1;
        text-wrap: nowrap;
        text-overflow: ellipsis;
        border: tall $border-blurred;
        background: $surface;
        &:focus {
            border: tall $border;
            background-tint: $foreground 5%;
        }
    }
    RoundMenu > .round-menu--highlight-blurred {
        color: $block-cursor-blurred-foreground;
        background: $block-cursor-blurred-background;
        text-style: $block-cursor-blurred-text-style;
    }
    RoundMenu > .round-menu--highlight {
        color: $block-cursor-foreground;
        background: $block-cursor-background;
        text-style: $block-cursor-text-style;
    }
    """
    COMPONENT_CLASSES = {"round-menu--highlight", "round-menu--highlight-blurred"}
    BINDINGS = [
        Binding("up", "move(-1)", "Up", show=False),
        Binding("down", "move(1)", "Down", show=False),
        Binding("enter", "choose", "Choose", show=False),
    ]

    highlighted: reactive[int] = reactive(0)

    class Chosen(Message):
        """A choice was picked by enter or a click."""

        def __init__(self, menu: RoundMenu, choice: str) -> None:
            super().__init__()
            self.menu = menu
            self.choice = choice

        @property
        def control(self) -> RoundMenu:
            return self.menu

    def __init__(self, choices: list[tuple[str, Text]], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.choices = choices

    def set_choices(self, choices: list[tuple[str, Text]]) -> None:
        self.choices = choices
        self.highlighted = 0
        self.refresh(layout=True)

    def _line_counts(self) -> list[int]:
        return [len(label.plain.split("\n")) for _, label in self.choices]

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return sum(self._line_counts())  # one row per line: long lines are cut short, never wrapped

    def render(self) -> Text:
        style = self.get_component_rich_style(
            "round-menu--highlight" if self.has_focus else "round-menu--highlight-blurred"
        )
        width = self.content_size.width
        text = Text()
        for index, (_, label) in enumerate(self.choices):
            if index:
                text.append("\n")
            if index == self.highlighted:
                lines = label.split("\n")
                for number, line in enumerate(lines):  # the highlight spans the whole width, like a cursor row
                    line = line.copy()
                    line.pad_right(max(0, width - line.cell_len))
                    line.stylize(style)
                    text.append_text(line)
                    if number < len(lines) - 1:
                        text.append("\n")
            else:
                text.append_text(label)
        return text

    def watch_highlighted(self) -> None:
        self.refresh()

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def action_move(self, step: int) -> None:
        if self.choices:
            self.highlighted = (self.highlighted + step) % len(self.choices)

    def action_choose(self) -> None:
        if self.choices:
            self.post_message(self.Chosen(self, self.choices[self.highlighted][0]))

    def on_click(self, event: events.Click) -> None:
        line = event.y - self.styles.gutter.top
        for index, count in enumerate(self._line_counts()):
            if line < count:
                self.highlighted = index
                self.action_choose()
                return
            line -= count
