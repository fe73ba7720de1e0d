"""A staged system-design question: the stages as a checklist beside a large editor, a clock for the
stage and one for the question, and free movement between stages."""

from __future__ import annotations

from rich.console import Group
from rich.text import Text
from textual import getters, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from interview.interviewer import voice
from interview.interviewer.staged import StageProgress
from interview.interviewer.template import stages_for
from interview.rounds import RoundSession
from interview.tui.app import InterviewApp
from interview.tui.styles import screen_css
from interview.tui.widgets.prose import printable, prose
from interview.tui.widgets.title_bar import TitleBar

STAGE_STATE = "stages"  # the key of the stage progress in the session's per-question extras


def clock_text(seconds: float) -> str:
    seconds = max(0, int(seconds))
    return f"{seconds // 60}:{seconds % 60:02}"


class StageScreen(Screen[None]):
    app = getters.app(InterviewApp)
    DEFAULT_CSS = screen_css("stage")
    BINDINGS = [
        Binding("ctrl+down", "next_stage", "Next stage", id="stage.next", priority=True),
        Binding("ctrl+up", "previous_stage", "Previous stage", id="stage.previous", priority=True),
        Binding("ctrl+s", "submit", "Submit all", id="stage.submit", priority=True),
        Binding("ctrl+g", "hint", "Hint", id="stage.hint", priority=True),
        Binding("ctrl+b", "pause", "Pause", id="stage.pause", priority=True),
        Binding("ctrl+r", "read", "Question", id="stage.read", priority=True),
        Binding("ctrl+n", "skip", "Skip", id="stage.skip", priority=True, show=False),
    ]

    def __init__(self, session: RoundSession) -> None:
        super().__init__()
        self.session = session
        stages = stages_for(session.current.question)
        saved = session.extras.get(STAGE_STATE)
        self.progress = StageProgress.start(stages, session.draft, saved, session.question_elapsed())
        self._saved_text = session.draft
        self._warned_stage: set[int] = set()
        self._line = voice.stage_opening(stages[self.progress.at].name) if not session.draft else ""

    # -- layout -----------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static(id="stage-bar")
        with Horizontal(id="stage-main"):
            yield OptionList(*self._options(), id="stage-list")
            with Vertical(id="stage-work"):
                yield Static(id="interviewer")
                yield Static(prose(self.session.current.question.prompt), id="design-prompt")
                yield Static(id="stage-prompt")
                yield TextArea(self.progress.texts[self.progress.at], id="answer", soft_wrap=True)
                yield Static(id="stage-status")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = self.session.current.question.full_id
        self.query_one("#stage-list", OptionList).highlighted = self.progress.at
        self._show_stage()
        self.set_interval(1.0, self.tick)
        self.set_interval(self.app.autosave_seconds, self.save_draft)
        self.query_one("#answer", TextArea).focus()

    def on_resize(self) -> None:
        self.set_class(self.size.width < 100, "-narrow")  # a narrower checklist leaves the editor room

    def _options(self) -> list[Option]:
        return [Option(self._stage_label(i), id=f"stage-{i}") for i in range(len(self.progress.stages))]

    def _stage_label(self, index: int) -> Group:
        stage = self.progress.stages[index]
        elapsed = self.session.question_elapsed()
        current = index == self.progress.at
        written = bool(self.progress.texts[index].strip())
        mark = "▶" if current else ("✔" if written else "○")
        style = "bold" if current else ("" if written else "dim")
        name = Text(f"{mark} {index + 1}. ", style=style, no_wrap=True, overflow="ellipsis")
        name.append(printable(stage.name), style=style)  # one line per name: the list fits 24 rows
        spent = self.progress.stage_seconds(elapsed, index)
        times = Text(f"   {clock_text(spent)} of {stage.minutes:g} min", style="dim", no_wrap=True)
        return Group(name, times)

    def _refresh_list(self) -> None:
        options = self.query_one("#stage-list", OptionList)
        for index in range(len(self.progress.stages)):
            options.replace_option_prompt_at_index(index, self._stage_label(index))

    def _show_stage(self) -> None:
        stage = self.progress.stage
        number, total = self.progress.at + 1, len(self.progress.stages)
        prompt = Text.assemble((f"Stage {number} of {total}: ", "bold"), (printable(stage.name), "bold"))
        prompt.append(f"  ·  about {stage.minutes:g} min\n", style="dim")
        prompt.append_text(prose(stage.prompt))
        self.query_one("#stage-prompt", Static).update(prompt)
        self.query_one("#interviewer", Static).update(Text(self._line, style="italic"))
        self._refresh_list()
        self.update_clock()

    # -- time -------------------------------------------------------------------------------
    def tick(self) -> None:
        """Once a second (tests call it directly with a fake clock)."""
        events = self.session.tick()
        self.update_clock()
        for event in events:
            if event.kind == "warning":
                self.notify(event.message, severity="warning", timeout=6)
            elif event.kind == "timeout":
                self.app.notify(event.message, severity="warning", timeout=8)
                while isinstance(self.app.screen, ModalScreen):
                    self.app.pop_screen()
                self.app.show_round(self.session)
                return
        elapsed = self.session.question_elapsed()
        if self.progress.over_suggested(elapsed) and self.progress.at not in self._warned_stage:
            self._warned_stage.add(self.progress.at)
            self.notify(voice.stage_over(self.progress.stage.name), timeout=6)
        self._refresh_list()

    def update_clock(self) -> None:
        session = self.session
        elapsed = session.question_elapsed()
        stage = self.progress.stage
        spent = self.progress.stage_seconds(elapsed)
        over = spent > stage.minutes * 60
        bar = Text.assemble((session.spec.title, "bold"), f" · {session.stage.name} · ")
        bar.append(f"stage {clock_text(spent)}/{stage.minutes:g}:00", style="bold yellow" if over else "bold")
        bar.append(f" · question {clock_text(elapsed)}")
        limit = session.hard_limit()
        if limit is not None:
            left = limit[0]
            bar.append(f" · {clock_text(left)} left", style="bold red" if left < 300 else "")
        self.query_one("#stage-bar", Static).update(bar)
        words = len(self.progress.texts[self.progress.at].split())
        empty = [s.name for i, s in enumerate(self.progress.stages) if not self.progress.texts[i].strip()]
        status = Text(f"{words} word{'s' if words != 1 else ''} in this stage", style="dim")
        if empty:
            status.append(f" · {len(empty)} stage{'s' if len(empty) > 1 else ''} still empty", style="dim")
        self.query_one("#stage-status", Static).update(status)

    # -- typing and moving ------------------------------------------------------------------
    @on(TextArea.Changed, "#answer")
    def answer_changed(self, event: TextArea.Changed) -> None:
        was_empty = not self.progress.texts[self.progress.at].strip()
        self.progress.set_text(event.text_area.text)
        self._sync()
        if was_empty != (not event.text_area.text.strip()):
            self._refresh_list()
        self.update_clock()

    def _capture(self) -> None:
        """The editor is the truth for the current stage: its Changed message may not have arrived yet."""
        self.progress.set_text(self.query_one("#answer", TextArea).text)
        self._sync()

    def _sync(self) -> None:
        """The session holds the joined text (what is submitted and autosaved) and where the stages are."""
        self.session.set_draft(self.progress.joined())
        self.session.extras[STAGE_STATE] = self.progress.state(self.session.question_elapsed())

    def move_to(self, index: int) -> None:
        self._capture()
        back = index < self.progress.at
        if not self.progress.move_to(index, self.session.question_elapsed()):
            return
        stage = self.progress.stage
        self._line = voice.stage_transition(stage.name, back=back)
        if not self.progress.texts[index].strip() and back:
            self._line += " " + voice.stage_empty(stage.name)
        editor = self.query_one("#answer", TextArea)
        with editor.prevent(TextArea.Changed):
            editor.load_text(self.progress.texts[index])
        self._sync()
        self.query_one("#stage-list", OptionList).highlighted = index
        self._show_stage()
        self.save_draft()
        editor.focus()

    @on(OptionList.OptionSelected, "#stage-list")
    def stage_chosen(self, event: OptionList.OptionSelected) -> None:
        self.move_to(event.option_index)

    def action_next_stage(self) -> None:
        if self.progress.at + 1 < len(self.progress.stages):
            self.move_to(self.progress.at + 1)
        else:
            self.notify("That was the last stage. Review any stage, or ctrl+s to submit them all.")

    def action_previous_stage(self) -> None:
        if self.progress.at > 0:
            self.move_to(self.progress.at - 1)

    def save_draft(self, capture: bool = True) -> None:
        """Autosave (and before quitting): every few seconds while typing, and whenever the stage changes."""
        if capture and self.session.phase == "asking":
            self._capture()
        if self.session.draft != self._saved_text and self.session.phase == "asking" and self.session.recorder:
            self.session.recorder.draft(self.session)
            self._saved_text = self.session.draft

    def on_unmount(self) -> None:
        self.save_draft(capture=False)  # the editor is gone; the session already holds its text

    # -- actions ----------------------------------------------------------------------------
    def action_submit(self) -> None:
        self._capture()
        self.session.submit()
        self.app.show_round(self.session)

    def action_skip(self) -> None:
        self._capture()
        self.session.skip()
        self.app.show_round(self.session)

    def action_hint(self) -> None:
        hint = self.session.take_hint()
        if hint is None:
            self.notify("No more hints for this question.")
            return
        self._line = f"Hint {self.session.hints}: {printable(hint)}"
        self._show_stage()

    def action_pause(self) -> None:
        from interview.tui.screens.pause import pause_round

        pause_round(self, self.session, self.save_draft, self.update_clock)

    def action_read(self) -> None:
        from interview.tui.screens.dialogs import ReadDialog

        question = self.session.current.question
        body = prose(question.prompt)
        body.append("\n\nStages:\n", style="bold")
        for index, stage in enumerate(self.progress.stages, start=1):
            body.append(f"{index}. {printable(stage.name)} ({stage.minutes:g} min): ")
            body.append(printable(stage.prompt) + "\n")
        self.app.push_screen(ReadDialog(body))
