"""The app factory: one place that builds the Textual app, for the CLI and for the tests."""

from __future__ import annotations

import asyncio
import signal
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from interview import locations

if TYPE_CHECKING:  # the core is imported when first needed, keeping it off the start-up path
    from interview.bank import Bank
    from interview.bank.model import Question
    from interview.rounds import RoundSession, RoundSpec
    from interview.store import AttemptRow, Store

AUTOSAVE_SECONDS = 3.0
TYPING_PAUSE_SECONDS = 1.0  # a draft is also saved this long after the last keystroke: a kill loses at most this
RETRY_SECONDS = 2.0  # how often writes that failed (disk full, read-only, locked) are tried again


class InterviewApp(App[None]):
    """Practise ML engineer interviews."""

    CSS_PATH = "app.tcss"
    TITLE = "interview"
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", id="app.quit", priority=True),
        Binding("f1", "help", "Keys", id="app.help"),
        Binding("f2", "toggle_theme", "Light/dark", id="app.theme", show=False),
    ]

    def __init__(
        self,
        bank: Bank | None,
        store: Store,
        clock: Callable[[], float] = time.monotonic,
        wall: Callable[[], float] = time.time,
        autosave_seconds: float = AUTOSAVE_SECONDS,
        typing_pause_seconds: float = TYPING_PAUSE_SECONDS,
        keymap: dict[str, str] | None = None,
        store_problem: str = "",
        seed: int | None = None,
        pack_paths: Iterable[Path] = (),
        read_only: bool = False,
        title: str = "",
        review_questions: dict[str, dict] | None = None,
        damaged_store: Path | None = None,
        cursor_blink: bool = True,
    ) -> None:
        super().__init__()
        self.damaged_store = damaged_store  # a history file that could not be read, left untouched
        self.read_only = read_only  # a coach reviewing a student's bundle: browse, never start rounds
        self.review_questions = review_questions or {}
        if title:
            self.title = title
        self.bank = bank  # None until the loading worker is done
        self.pack_paths = list(pack_paths)
        self.store = store
        self.clock = clock
        self.wall = wall
        self.autosave_seconds = autosave_seconds
        self.typing_pause_seconds = typing_pause_seconds
        self.cursor_blink = cursor_blink  # off in snapshot tests, from the first frame
        self.store_problem = store_problem
        self.seed = seed
        self._keymap = keymap or {}
        from interview.store.writes import StoreWrites

        self.writes = StoreWrites(on_change=self.saving_changed)  # the one error boundary for writes

    def key_for(self, binding: Binding) -> str:
        """The key a binding answers to, after the user's keymap: for labels that name keys."""
        return self._keymap.get(binding.id or "", binding.key)

    def on_mount(self) -> None:
        from interview.tui.no_color import keep_readable
        from interview.tui.screens.home import HomeScreen

        keep_readable(self)  # NO_COLOR with an ANSI theme is black on black in Textual 8.2.8

        if self._keymap:
            self.set_keymap(self._keymap)
        self.set_interval(RETRY_SECONDS, self.writes.retry)
        if self.read_only:
            from interview.tui.screens.history import HistoryScreen

            self.push_screen(HistoryScreen())
        else:
            self.push_screen(HomeScreen())
        if self.damaged_store is not None:
            self._offer_fresh_history()
        elif self.store_problem:
            self.notify(self.store_problem, title="History unavailable", severity="error", timeout=15)
        if self.bank is None:
            self.call_after_refresh(self.load_bank)  # after the first frame: parsing must not delay it

    def _offer_fresh_history(self) -> None:
        """A damaged history is never overwritten: the user decides to move it aside, or to go on unsaved."""
        from interview.tui.screens.dialogs import ConfirmDialog

        def decided(fresh: bool | None) -> None:
            from interview.store import Store, StoreError, move_aside

            damaged = self.damaged_store
            if not fresh or damaged is None:
                self.notify("Continuing without saving: nothing from this session will be kept.", severity="warning")
                return
            kept = move_aside(damaged)
            try:
                self.store = Store(damaged)
            except StoreError as error:
                self.notify(str(error), severity="error")
                return
            self.damaged_store = None
            self.notify(f"Started a new history. The damaged one is kept as {kept}.", timeout=12)
            refresh = getattr(self.screen, "refresh_data", None)
            if refresh:
                refresh()

        self.push_screen(
            ConfirmDialog(
                "Your history can't be read",
                f"{self.store_problem}\n\nMove the damaged file aside (it is kept, "
                "renamed) and start a new history? Or go on without saving anything.",
                yes="Move aside, start fresh",
                no="Go on without saving",
            ),
            decided,
        )

    @work(thread=True, exclusive=True, group="bank")
    def load_bank(self) -> Bank:
        """Packs are parsed off the UI thread, after the first screen is up."""
        from interview.bank import load_bank

        return load_bank(self.pack_paths)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """Every worker's outcome lands here: one place for results and failures."""
        if event.state == WorkerState.ERROR:
            self.notify(f"{event.worker.name} failed: {event.worker.error}", severity="error", timeout=15)
        elif event.state == WorkerState.SUCCESS and event.worker.group == "bank":
            self.bank = event.worker.result
            refresh = getattr(self.screen, "refresh_data", None)
            if refresh:
                refresh()

    def saving_changed(self, problem: str | None) -> None:
        """Writes failed (problem) or work again (None): the round goes on either way, in memory."""
        if problem:
            self.notify(
                f"{problem}. Your text is kept here meanwhile.", title="Not saved", severity="error", timeout=10
            )
        else:
            self.notify("Saved again: everything is on disk.", title="Saved")

    # -- rounds -----------------------------------------------------------------------------
    # -- history ----------------------------------------------------------------------------
    def question_for(self, question_id: str, topic: str) -> Question:
        """A question for showing a stored attempt: from the packs, else from a review bundle, else a stub."""
        from interview.bank.model import Question
        from interview.rounds.recorder import find_question

        found = find_question(self.bank, question_id) if self.bank else None
        if found is not None:
            return found
        pack, _, local = question_id.partition("/")
        text = self.review_questions.get(question_id, {})
        return Question(
            pack=pack,
            id=local or question_id,
            prompt=text.get("prompt", question_id),
            topic=topic or "unknown/unknown",
            model_answer=text.get("model_answer", "(the pack with this question is not loaded)"),
        )

    def rubric_current(self, attempt: AttemptRow) -> bool:
        """Whether an attempt was scored with the rubric its question has today (unknown counts as current)."""
        from interview.rounds.recorder import find_question
        from interview.scoring import rubric_hash

        question = find_question(self.bank, attempt.question_id) if self.bank else None
        return question is None or rubric_hash(question) == attempt.rubric_hash

    def action_history(self) -> None:
        from interview.tui.screens.history import HistoryScreen

        self.push_screen(HistoryScreen())

    def action_plan(self) -> None:
        from interview.tui.screens.plan import PlanDialog

        self.push_screen(PlanDialog(), lambda saved: self.refresh_screen_data() if saved else None)

    def refresh_screen_data(self) -> None:
        refresh = getattr(self.screen, "refresh_data", None)
        if refresh:
            refresh()

    def action_dashboard(self) -> None:
        from interview.tui.screens.dashboard import DashboardScreen

        self.push_screen(DashboardScreen())

    def start_round(self, spec: RoundSpec) -> None:
        from interview.rounds import RoundSession, StoreRecorder, plan_round

        if self.read_only:
            self.notify("This is a read-only review of someone's history.")
            return
        if self.bank is None:
            self.notify("Still loading the question packs; try again in a moment.")
            return
        history = self.store.question_history() if self.store else {}
        stages = plan_round(spec, self.bank.questions, history, seed=self.seed)
        try:
            session = RoundSession.start(spec, stages, StoreRecorder(self.store, self.writes), self.clock, self.wall)
        except ValueError as error:
            self.notify(str(error), title="Cannot start", severity="error")
            return
        self.show_round(session, replace=False)

    def weak_drill(self, count: int = 5, per_question_seconds: float | None = None) -> RoundSpec:
        """Due reviews first, then the weakest questions; a plain drill when there is no history yet."""
        from interview.progress import weakest_questions
        from interview.rounds.formats import drill

        ids: list[str] = []
        if self.store and self.bank:
            from interview.progress.plan import todays_questions

            # with an interview date, today's share of the plan comes first (interview plan)
            planned = todays_questions(self.store, {q.full_id for q in self.bank.questions}, self.wall())
            ids = (
                planned + [q for q, _ in self.store.due_questions(self.wall(), 50)] + weakest_questions(self.store, 50)
            )
            ids = [i for i in dict.fromkeys(ids) if self.bank.question(i)][:count]
        return (
            drill(count, per_question_seconds, question_ids=tuple(ids)) if ids else drill(count, per_question_seconds)
        )

    def show_round(self, session: RoundSession, replace: bool = True) -> None:
        """Show the screen for where the round is; round screens replace each other above home."""
        from interview.rounds import ASKING, BREAK, FEEDBACK, PRACTICE
        from interview.tui.screens.breaktime import BreakScreen
        from interview.tui.screens.feedback import FeedbackScreen
        from interview.tui.screens.summary import SummaryScreen

        screen: Screen
        if session.phase == FEEDBACK and session.spec.mode != PRACTICE:
            session.advance()  # strict rounds give feedback only at the end, as an interviewer would
            return self.show_round(session, replace)
        if session.phase == ASKING and session.current.question.code is not None:
            from interview.tui.screens.code import CodeScreen  # a runnable exercise gets the code editor

            screen = CodeScreen(session)
        elif session.phase == ASKING:
            screen = self._asking_screen(session)
        elif session.phase == FEEDBACK:
            screen = FeedbackScreen(session, session.results[-1])
        elif session.phase == BREAK:
            screen = BreakScreen(session)
        else:
            screen = SummaryScreen(session)
        if replace:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def _asking_screen(self, session: RoundSession) -> Screen:
        """A staged system-design question gets the stage screen; every other question the question screen."""
        from interview.interviewer.template import stages_for
        from interview.tui.screens.question import QuestionScreen
        from interview.tui.screens.stage import StageScreen

        return StageScreen(session) if stages_for(session.current.question) else QuestionScreen(session)

    def resume_round(self, session_id: int) -> None:
        from interview.rounds import DONE, ResumeError, resume_session

        if self.bank is None:
            self.notify("Still loading the question packs; try again in a moment.")
            return
        try:
            session = resume_session(self.store, self.bank, session_id, self.clock, self.wall, self.writes)
        except ResumeError as error:
            self.notify(f"Cannot resume: {error}", severity="error")
            return
        if session.phase == DONE:
            return
        self.show_round(session, replace=False)

    # -- app actions ------------------------------------------------------------------------
    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        from interview.rounds.formats import onsite_loop, phone_screen, take_home

        yield from super().get_system_commands(screen)
        yield SystemCommand(
            "Start phone screen", "A 30-minute phone screen: 6 questions", lambda: self.start_round(phone_screen())
        )
        yield SystemCommand(
            "Start onsite loop", "Five 45-minute sessions with breaks", lambda: self.start_round(onsite_loop())
        )
        yield SystemCommand(
            "Start take-home",
            "One case study with an effort limit and a deadline",
            lambda: self.start_round(take_home()),
        )
        yield SystemCommand(
            "Drill weak areas",
            "Due reviews and your weakest questions first",
            lambda: self.start_round(self.weak_drill()),
        )
        yield SystemCommand(
            "Plan to an interview date", "Countdown, a daily queue, FSRS tuned to the date", self.action_plan
        )
        yield SystemCommand("Open history", "Every session, answer and score, filterable", self.action_history)
        yield SystemCommand("Weak areas dashboard", "Mastery per area, trends, what is due", self.action_dashboard)

    def action_help(self) -> None:
        from interview.tui.screens.help import HelpScreen

        self.push_screen(HelpScreen())

    def action_toggle_theme(self) -> None:
        self.theme = "textual-light" if self.theme == "textual-dark" else "textual-dark"

    async def action_quit(self) -> None:
        self.leave()

    def leave(self) -> None:
        """Quit, hang-up or SIGTERM: the answer being typed is saved first, and the round is offered
        again on the next start."""
        save = getattr(self.screen, "save_draft", None)
        if save:
            save()
        self.exit()

    def leave_on_signals(self) -> None:
        """A closed terminal (SIGHUP) or a polite kill (SIGTERM) saves the draft and exits. Without this
        a hang-up killed the app between autosaves, and where SIGHUP was ignored (nohup) the app
        outlived its terminal, spinning on end-of-input at most of a core."""
        loop = asyncio.get_running_loop()
        for signal_number in (signal.SIGHUP, signal.SIGTERM):
            loop.add_signal_handler(signal_number, self.leave)


def _load_keymap() -> dict[str, str]:
    """[keymap] in config.toml: binding id = "key", e.g.  question.submit = "ctrl+enter"."""
    path = locations.config_path()
    if not path.is_file():
        return {}
    import tomllib  # only when there is a config to read

    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError):
        return {}
    keymap = data.get("keymap", {})
    flat: dict[str, str] = {}

    def walk(table: dict, prefix: str) -> None:  # `question.submit = "f5"` is a nested table in TOML
        for key, value in table.items():
            if isinstance(value, dict):
                walk(value, f"{prefix}{key}.")
            else:
                flat[f"{prefix}{key}"] = str(value)

    if isinstance(keymap, dict):
        walk(keymap, "")
    return flat


def make_app(
    bank: Bank | None = None, packs: Iterable[Path] = (), store: Store | None = None, **options: Any
) -> InterviewApp:
    """Build the app: the CLI passes pack paths (loaded in a worker); tests pass a bank, a store and clocks."""
    from interview.store import Store, StoreError
    from interview.tui.no_color import apply_to_environment

    apply_to_environment()  # TERM=dumb: no colour, as with NO_COLOR (read when the app is built)

    problem = ""
    if store is None:
        try:
            store = Store(locations.database_path())
        except StoreError as error:
            problem = f"{error}. Rounds still work, but nothing will be saved."
            if error.kind == "damaged":
                options.setdefault("damaged_store", locations.database_path())
            store = Store(":memory:")
    options.setdefault("keymap", _load_keymap())
    return InterviewApp(bank, store, store_problem=problem, pack_paths=packs, **options)


def run_app(packs: Iterable[Path] = ()) -> None:
    app = make_app(packs=packs)
    if hasattr(signal, "SIGHUP"):  # POSIX; elsewhere the terminal closing ends the process as before
        app.call_later(app.leave_on_signals)
    app.run()
