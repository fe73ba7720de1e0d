"""A countdown that turns amber, then red, as a limit approaches."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static


def format_seconds(seconds: float) -> str:
    seconds = max(0, int(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02}:{secs:02}" if hours else f"{minutes:02}:{secs:02}"


class Countdown(Static):
    DEFAULT_CSS = """
    Countdown { width: auto; padding: 0 1; }
    Countdown.-warn { background: $warning; color: $text; text-style: bold; }
    Countdown.-urgent { background: $error; color: $text; text-style: bold; }
    """

    seconds_left: reactive[float | None] = reactive(None)
    """Seconds before the limit; None when the question is untimed."""
    label: reactive[str] = reactive("")
    """What the limit is ("Phone screen time", "deadline")."""
    elapsed: reactive[float] = reactive(0.0)
    """Seconds spent on this question (shown when untimed)."""

    def render(self) -> Text:
        if self.seconds_left is None:
            return Text(f"⏱ {format_seconds(self.elapsed)}")
        return Text(f"⏱ {format_seconds(self.seconds_left)} {self.label}")

    def watch_seconds_left(self, seconds: float | None) -> None:
        self.set_class(seconds is not None and 60 < seconds <= 300, "-warn")
        self.set_class(seconds is not None and seconds <= 60, "-urgent")
