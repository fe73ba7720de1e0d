"""The written debrief of a round: per session, signals seen and missed in the candidate's words, the
strongest and weakest moments and a verdict; then three things to practise, each a drill (keys 1-3)."""

from __future__ import annotations

from rich.text import Text
from textual import getters
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from interview.interviewer.debrief import Debrief, Moment, SessionDebrief, Signal
from interview.tui.app import InterviewApp
from interview.tui.styles import screen_css
from interview.tui.widgets.prose import printable
from interview.tui.widgets.title_bar import TitleBar

VERDICT_STYLE = {"strong hire": "bold green", "hire": "green", "lean no hire": "yellow", "no hire": "bold red"}


def _quote(text: str) -> str:
    return f"“{printable(text)}”" if text else "(nothing said)"


def _signal(signal: Signal, seen: bool) -> Text:
    line = Text("  ✔ " if seen else "  ✘ ", style="green" if seen else "red")
    line.append(printable(signal.concept), style="bold")
    if signal.required:
        line.append(" (required)", style="dim")
    if seen:
        line.append(f"  {_quote(signal.quote)}")
        return line
    if not signal.quote:
        line.append("  not mentioned, and nothing was said there", style="dim")
    elif signal.nearest:
        line.append("  nearest: ", style="dim")
        line.append(_quote(signal.quote))
    else:
        line.append("  said instead: ", style="dim")
        line.append(_quote(signal.quote))
    if signal.probe is not None:
        probe = signal.probe
        line.append("\n      probed: ", style="dim")
        line.append(_quote(probe.answer.strip()) if probe.answer.strip() else "no answer")
        if probe.earned > 0:
            line.append(f"  +{probe.earned:.2f} (half credit at most on a probe)", style="yellow")
    return line


def _moment(label: str, moment: Moment | None) -> Text:
    line = Text(f"  {label}: ", style="bold")
    if moment is None:
        line.append("no other moment in this session", style="dim")
        return line
    line.append(f"{printable(moment.what)} ({moment.score:.2f}) ")
    line.append(_quote(moment.quote), style="italic")
    return line


def session_text(session: SessionDebrief) -> Text:
    text = Text.assemble(
        (printable(session.name), "bold underline"),
        "  ",
        (session.verdict.upper(), VERDICT_STYLE.get(session.verdict, "bold")),
        (f"  {session.score:.2f}\n", "dim"),
    )
    for reason in session.reasons:
        text.append(f"  • {printable(reason)}\n")
    text.append("Signals seen\n", style="bold")
    for signal in session.seen or ():
        text.append_text(_signal(signal, True))
        text.append("\n")
    if not session.seen:
        text.append("  none\n", style="dim")
    text.append("Signals missed\n", style="bold")
    for signal in session.missed:
        text.append_text(_signal(signal, False))
        text.append("\n")
    if not session.missed:
        text.append("  none\n", style="dim")
    text.append_text(_moment("Strongest", session.strongest))
    text.append("\n")
    text.append_text(_moment("Weakest", session.weakest))
    return text


class DebriefScreen(Screen[None]):
    app = getters.app(InterviewApp)
    DEFAULT_CSS = screen_css("debrief")
    BINDINGS = [
        Binding("escape,b", "app.pop_screen", "Back", id="debrief.back"),
        Binding("1", "practise(0)", "Drill 1", id="debrief.drill1"),
        Binding("2", "practise(1)", "Drill 2", id="debrief.drill2"),
        Binding("3", "practise(2)", "Drill 3", id="debrief.drill3"),
    ]

    def __init__(self, debrief: Debrief, closing: str = "") -> None:
        super().__init__()
        self.debrief = debrief
        self.closing = closing

    def compose(self) -> ComposeResult:
        debrief = self.debrief
        yield TitleBar()
        with VerticalScroll(id="debrief-body"):
            if self.closing:
                yield Static(Text(printable(self.closing), style="italic"), id="closing")
            headline = Text.assemble(
                (f" {debrief.overall:.2f} ", "reverse bold"),
                "  ",
                (debrief.verdict.upper(), VERDICT_STYLE.get(debrief.verdict, "bold")),
            )
            for reason in debrief.reasons:
                headline.append(f"\n• {printable(reason)}")
            yield Static(headline, id="debrief-verdict")
            for index, session in enumerate(debrief.sessions):
                yield Static(session_text(session), classes="debrief-session", id=f"session-{index}")
            yield Static(self._practice(), id="practice")
        yield Footer()

    def _practice(self) -> Text:
        text = Text("Practise next\n", style="bold")
        if not self.debrief.practice:
            text.append("Nothing stood out to practise.", style="dim")
        for number, item in enumerate(self.debrief.practice, start=1):
            text.append(f"  {number}. ", style="bold")
            text.append(printable(item.concept), style="bold")
            text.append(f" ({printable(item.topic)}), {printable(item.why)}\n")
            text.append(
                f"     press {number} to drill {len(item.drill)} question{'s' if len(item.drill) != 1 else ''}\n",
                style="dim",
            )
        return text

    def on_mount(self) -> None:
        self.sub_title = f"Debrief: {self.debrief.title}"
        self.query_one("#debrief-body").focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "practise":
            index = parameters[0] if parameters else 0
            return isinstance(index, int) and index < len(self.debrief.practice) and not self.app.read_only
        return True

    def action_practise(self, index: int) -> None:
        from interview.rounds.formats import drill

        item = self.debrief.practice[index]
        self.app.start_round(drill(len(item.drill), question_ids=item.drill))
