"""The app factory: one place that builds the Textual app, for the CLI and for the tests."""

from __future__ import annotations

import asyncio
import signal
import time
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from interview import locations
from interview.tui.messages import BankLoaded, HistoryReplaced

if TYPE_CHECKING:  # the core is imported when first needed, keeping it off the start-up path
    from interview.bank import Bank
    from interview.bank.model import Question
    from interview.rounds import RoundSession, RoundSpec
    from interview.store import AttemptRow, Store
    from interview.tui.config import Config

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
        user_config: Config | None = None,
    ) -> None:
        super().__init__()
        self.damaged_store = damaged_store  # a history file that could not be read, left untouched
        self.read_only = read_only  # a coach reviewing a student's bundle: browse, never start rounds
        if title:
            self.title = title
        self.pack_paths = list(pack_paths)
        self.clock = clock
        self.wall = wall
        self.autosave_seconds = autosave_seconds
        self.typing_pause_seconds = typing_pause_seconds
        self.cursor_blink = cursor_blink  # off in snapshot tests, from the first frame
        self.store_problem = store_problem
        self.seed = seed
        self._keymap = keymap or {}
        self._config = user_config  # config.toml as read, with its mistakes: reported once the app is up
        from interview.rounds.practice import PracticeService
        from interview.store.writes import StoreWrites

        self.writes = StoreWrites(on_change=self.saving_changed)  # the one error boundary for writes
        # the domain rules (what to ask, resuming, rubric changes) live in the core, behind this
        self.practice = PracticeService(store, bank, clock, wall, seed, self.writes, review_questions)

    @property
    def bank(self) -> Bank | None:
        """None until the loading worker is done."""
        return self.practice.bank

    @bank.setter
    def bank(self, bank: Bank | None) -> None:
        self.practice.bank = bank

    @property
    def store(self) -> Store:
        return self.practice.store

    @store.setter
    def store(self, store: Store) -> None:
        self.practice.store = store

    def _check_keymap(self) -> None:
        """Keymap entries that name no binding are reported (with their line) and dropped."""
        from interview.tui.config import known_binding_ids, unknown_bindings

        if self._config is None:
            return
        problems = unknown_bindings(self._config, known_binding_ids())
        for problem in problems:
            self.notify(problem, title="config.toml", severity="warning", timeout=15)
        if problems:
            self._keymap = dict(self._config.keymap)
            self.set_keymap(self._keymap)

    def key_for(self, binding: Binding) -> str:
        """The key a binding answers to, after the user's keymap: for labels that name keys."""
        return self._keymap.get(binding.id or "", binding.key)

    def on_mount(self) -> None:
        from interview.tui.no_color import keep_readable
        from interview.tui.screens.home import HomeScreen

        keep_readable(self)  # NO_COLOR with an ANSI theme is black on black in Textual 8.2.8

        if self._keymap:
            self.set_keymap(self._keymap)
        if self._config is not None:
            for problem in self._config.problems:
                self.notify(problem, title="config.toml", severity="warning", timeout=15)
            if self._config.keymap:
                self.call_after_refresh(self._check_keymap)  # needs every screen imported: not before the first frame
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
            self.tell_screens(HistoryReplaced())

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
            self.tell_screens(BankLoaded())

    def tell_screens(self, message: Message) -> None:
        """An app-wide event, to every screen on the stack (the one that needs it may be under a dialog)."""
        for screen in self.screen_stack:
            screen.post_message(message)

    def saving_changed(self, problem: str | None) -> None:
        """Writes failed (problem) or work again (None): the round goes on either way, in memory."""
        if problem:
            self.notify(
                f"{problem}. Your text is kept here meanwhile.", title="Not saved", severity="error", timeout=10
            )
        else:
            self.notify("Saved again: everything is on disk.", title="Saved")

    # -- history ----------------------------------------------------------------------------
    def question_for(self, question_id: str, topic: str) -> Question:
        return self.practice.question_for(question_id, topic)

    def rubric_current(self, attempt: AttemptRow) -> bool:
        return self.practice.rubric_current(attempt)

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

    # -- rounds -----------------------------------------------------------------------------
    def start_round(self, spec: RoundSpec) -> None:
        from interview.rounds.practice import NotReady

        if self.read_only:
            self.notify("This is a read-only review of someone's history.")
            return
        try:
            session = self.practice.start(spec)
        except NotReady as error:
            self.notify(str(error))
            return
        except ValueError as error:
            self.notify(str(error), title="Cannot start", severity="error")
            return
        self.show_round(session, replace=False)

    def weak_drill(self, count: int = 5, per_question_seconds: float | None = None) -> RoundSpec:
        return self.practice.weak_drill(count, per_question_seconds)

    def show_round(self, session: RoundSession, replace: bool = True) -> None:
        """Show the screen for where the round is; round screens replace each other above home."""
        from interview.rounds import Phase
        from interview.tui.screens.breaktime import BreakScreen
        from interview.tui.screens.feedback import FeedbackScreen
        from interview.tui.screens.summary import SummaryScreen

        screen: Screen
        if session.phase == Phase.ASKING and session.current.question.code is not None:
            from interview.tui.screens.code import CodeScreen  # a runnable exercise gets the code editor

            screen = CodeScreen(session)
        elif session.phase == Phase.ASKING:
            screen = self._asking_screen(session)
        elif session.phase == Phase.FEEDBACK:
            screen = FeedbackScreen(session, session.results[-1])
        elif session.phase == Phase.BREAK:
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
        from interview.rounds import Phase, ResumeError
        from interview.rounds.practice import NotReady

        try:
            session = self.practice.resume(session_id)
        except NotReady as error:
            self.notify(str(error))
            return
        except ResumeError as error:
            self.notify(f"Cannot resume: {error}", severity="error")
            return
        if session.phase == Phase.DONE:
            return
        self.show_round(session, replace=False)

    # -- app actions ------------------------------------------------------------------------
    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        from interview.rounds.kinds import ROUND_KINDS

        yield from super().get_system_commands(screen)
        for info in ROUND_KINDS:
            if info.palette is not None:
                name, help_text = info.palette
                yield SystemCommand(name, help_text, partial(self.start_default_round, info.id))
        yield SystemCommand(
            "Plan to an interview date", "Countdown, a daily queue, FSRS tuned to the date", self.action_plan
        )
        yield SystemCommand("Open history", "Every session, answer and score, filterable", self.action_history)
        yield SystemCommand("Weak areas dashboard", "Mastery per area, trends, what is due", self.action_dashboard)

    def start_default_round(self, kind: str) -> None:
        """A round of `kind` with no setup: the palette's way in (a drill aims at the weak spots)."""
        self.start_round(self.practice.default_spec(kind))

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
        from interview.tui.screens.question import QuestionScreen

        for screen in self.screen_stack:  # the question may be under a dialog
            if isinstance(screen, QuestionScreen):
                screen.save_draft()
        self.exit()

    def leave_on_signals(self) -> None:
        """A closed terminal (SIGHUP) or a polite kill (SIGTERM) saves the draft and exits. Without this
        a hang-up killed the app between autosaves, and where SIGHUP was ignored (nohup) the app
        outlived its terminal, spinning on end-of-input at most of a core."""
        loop = asyncio.get_running_loop()
        for signal_number in (signal.SIGHUP, signal.SIGTERM):
            loop.add_signal_handler(signal_number, self.leave)


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
    if "keymap" not in options:  # tests pass their own; the user's is in config.toml
        from interview.tui.config import read_config

        config = read_config(locations.config_path())
        options["keymap"], options["user_config"] = config.keymap, config
    return InterviewApp(bank, store, store_problem=problem, pack_paths=packs, **options)


def run_app(packs: Iterable[Path] = ()) -> None:
    app = make_app(packs=packs)
    if hasattr(signal, "SIGHUP"):  # POSIX; elsewhere the terminal closing ends the process as before
        app.call_later(app.leave_on_signals)
    app.run()
