"""The round as a state machine: asking -> feedback -> next ... -> done, with a break between stages.

Time comes from injected clocks, so tests drive it without sleeping: `clock` is monotonic (effort
and timers; immune to wall-clock jumps), `wall` is the wall clock (take-home deadlines, which must
survive restarts). Every transition is written through the recorder as it happens.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Callable, Protocol

from interview.bank.model import Question
from interview.coding.results import CodingOutcome, RunReport
from interview.interviewer import voice
from interview.interviewer.probing import missed_required, probe_question
from interview.interviewer.staged import grade_answer
from interview.rounds.formats import PRACTICE, STRICT, Mode, RoundKind, RoundSpec, Stage  # noqa: F401  (re-exported)
from interview.scoring import MISSED, Score


class Phase(StrEnum):
    """Where a round is; saved in its state, so values never change."""

    ASKING = "asking"
    FEEDBACK = "feedback"
    BREAK = "break"
    DONE = "done"


class EventKind(StrEnum):
    WARNING = "warning"  # a hard limit is near, or the suggested time is past
    TIMEOUT = "timeout"  # a hard limit ran out: the typed text was submitted


ASKING, FEEDBACK, BREAK, DONE = Phase.ASKING, Phase.FEEDBACK, Phase.BREAK, Phase.DONE
WARN_SECONDS = 60.0  # warn this long (at most a quarter of the limit) before a hard limit runs out
SUGGESTED_SECONDS = 300.0  # a question's suggested time when the pack gives none


class Recorder(Protocol):
    def started(self, session: "RoundSession") -> int | None: ...
    def attempt(self, session: "RoundSession", result: "AttemptResult") -> int | None: ...
    def draft(self, session: "RoundSession") -> None: ...
    def state(self, session: "RoundSession") -> None: ...
    def finished(self, session: "RoundSession", status: str) -> None: ...


@dataclass(slots=True)
class Item:
    """One question to ask, in one stage; a follow-up knows which position it follows."""

    question: Question
    stage: int
    follow_up_of: int | None = None


@dataclass(slots=True)
class AttemptResult:
    position: int
    question: Question
    answer: str
    score: Score
    seconds: float
    hints: int
    overtime: bool = False
    skipped: bool = False
    attempt_id: int | None = None
    coding: CodingOutcome | None = None  # a runnable exercise: the code, every run and the final one


@dataclass(slots=True)
class Event:
    kind: EventKind
    message: str


def follow_up_question(parent: Question, index: int) -> Question:
    follow = parent.follow_ups[index]
    return Question(
        pack=parent.pack,
        id=f"{parent.id}~f{index + 1}",
        prompt=follow.prompt,
        topic=parent.topic,
        model_answer=follow.model_answer,
        rubric=follow.rubric,
        rounds=parent.rounds,
        difficulty=parent.difficulty,
        line=parent.line,
    )


@dataclass(frozen=True, slots=True)
class SavedPlace:
    """Where a saved round was: from its stored state and the draft saved with it."""

    session_id: int | None
    position: int
    phase: str
    deadline_at: float | None
    stage_used: dict[int, float]
    draft: str = ""
    hints: int = 0
    elapsed: float = 0.0  # seconds spent on the current question before the round was left
    extras: dict = field(default_factory=dict)  # the current question's state kept by its screen (stages)


@dataclass
class RoundSession:
    spec: RoundSpec
    items: list[Item]
    clock: Callable[[], float] = time.monotonic
    wall: Callable[[], float] = time.time
    recorder: Recorder | None = None
    session_id: int | None = None
    position: int = 0
    phase: Phase = ASKING
    draft: str = ""
    hints: int = 0
    paused: bool = False
    deadline_at: float | None = None  # wall clock; take-home only
    results: list[AttemptResult] = field(default_factory=list)
    stage_used: dict[int, float] = field(default_factory=dict)  # seconds spent per stage, done questions
    _elapsed_before: float = 0.0  # current question: seconds before the last resume
    _running_since: float | None = None
    _warned: set[str] = field(default_factory=set)
    extras: dict = field(default_factory=dict)  # the current question's state kept by its screen (stages)

    # -- construction -------------------------------------------------------------------------
    @classmethod
    def start(
        cls,
        spec: RoundSpec,
        stages: list[list[Question]],
        recorder: Recorder | None = None,
        clock: Callable[[], float] = time.monotonic,
        wall: Callable[[], float] = time.time,
    ) -> "RoundSession":
        items = [Item(q, index) for index, questions in enumerate(stages) for q in questions]
        if not items:
            raise ValueError("no questions match this round; add packs or widen the topics")
        session = cls(spec, items, clock, wall, recorder)
        case = items[0].question.case
        if spec.kind == RoundKind.TAKE_HOME and case is not None:
            session.deadline_at = wall() + case.window_hours * 3600
        if recorder:
            session.session_id = recorder.started(session)
        session._begin_question()
        return session

    @classmethod
    def restore(
        cls,
        spec: RoundSpec,
        items: list[Item],
        results: list[AttemptResult],
        saved: "SavedPlace",
        recorder: Recorder | None = None,
        clock: Callable[[], float] = time.monotonic,
        wall: Callable[[], float] = time.time,
    ) -> "RoundSession":
        """A round brought back from its saved state, its answers and the draft being typed."""
        session = cls(
            spec,
            items,
            clock,
            wall,
            recorder,
            saved.session_id,
            position=saved.position,
            phase=Phase(saved.phase),
            deadline_at=saved.deadline_at,
            results=list(results),
            stage_used=dict(saved.stage_used),
            extras=dict(saved.extras),
        )
        if session.phase == ASKING and any(r.position == session.position for r in results):
            session.phase = FEEDBACK  # killed between the answer's commit and the state's
        if session.phase == ASKING:
            session.draft, session.hints = saved.draft, saved.hints
            session._elapsed_before = saved.elapsed
            session._running_since = clock()
        session._after_answer()  # a strict round saved at its feedback (older versions did) moves on
        return session

    # -- what the UI reads --------------------------------------------------------------------
    @property
    def current(self) -> Item:
        return self.items[min(self.position, len(self.items) - 1)]

    @property
    def stage(self) -> Stage:
        return self.spec.stages[self.current.stage]

    def question_elapsed(self) -> float:
        running = self.clock() - self._running_since if self._running_since is not None else 0.0
        return self._elapsed_before + max(0.0, running)

    def hard_limit(self) -> tuple[float, str, float] | None:
        """Seconds left before the answer is submitted for the candidate, that limit's name and length."""
        limits = []
        if self.spec.per_question_seconds:
            total = self.spec.per_question_seconds
            limits.append((total - self.question_elapsed(), "question time", total))
        if self.stage.minutes:
            used = self.stage_used.get(self.current.stage, 0.0) + self.question_elapsed()
            limits.append((self.stage.minutes * 60 - used, f"{self.stage.name} time", self.stage.minutes * 60))
        case = self.current.question.case
        if self.spec.kind == RoundKind.TAKE_HOME and case is not None:
            limits.append(
                (case.effort_minutes * 60 - self.question_elapsed(), "effort limit", case.effort_minutes * 60)
            )
            if self.deadline_at is not None:
                limits.append((self.deadline_at - self.wall(), "deadline", case.window_hours * 3600))
        return min(limits) if limits else None

    def suggested_left(self) -> float:
        """Seconds left of the question's suggested time (negative when over it)."""
        suggested = self.current.question.time_limit or self.spec.per_question_seconds or SUGGESTED_SECONDS
        return suggested - self.question_elapsed()

    @property
    def can_pause(self) -> bool:
        """Practice rounds pause; strict ones run on, as a real interview does."""
        return self.spec.mode == PRACTICE

    @property
    def gives_feedback(self) -> bool:
        """Practice rounds show feedback after each answer; strict ones only at the end, as an
        interviewer would: there an answer leads straight to the next question, break or summary."""
        return self.spec.mode == PRACTICE

    # -- what the candidate does --------------------------------------------------------------
    def set_draft(self, text: str) -> None:
        self.draft = text

    def take_hint(self) -> str | None:
        hints = self.current.question.hints
        if self.phase != ASKING or self.hints >= len(hints):
            return None
        self.hints += 1
        self._save_draft()
        return hints[self.hints - 1]

    def submit(
        self,
        text: str | None = None,
        overtime: bool = False,
        skipped: bool = False,
        final_run: RunReport | None = None,
    ) -> AttemptResult:
        """Grade and record the answer; then feedback (practice) or what comes next (strict). For a coding
        question the draft is the editor's saved state and `final_run` the submission's run of every case
        (run here when not given)."""
        result = self._answer(text, overtime, skipped, final_run)
        self._after_answer()
        return result

    def _answer(
        self, text: str | None, overtime: bool, skipped: bool, final_run: RunReport | None = None
    ) -> AttemptResult:
        if self.phase != ASKING:
            raise RuntimeError(f"cannot submit while {self.phase}")
        answer = self.draft if text is None else text
        self.draft = answer
        seconds = self.question_elapsed()
        self._running_since = None
        question = self.current.question
        coding = None
        if question.code is not None:
            from interview.coding.attempt import grade_coding_answer

            answer, score, coding = grade_coding_answer(question, answer, self.hints, final_run, skipped, self.wall)
        else:
            score = grade_answer(question, "" if skipped else answer, self.hints)  # staged answers stage by stage
        result = AttemptResult(self.position, question, answer, score, seconds, self.hints, overtime, skipped)
        result.coding = coding
        self.stage_used[self.current.stage] = self.stage_used.get(self.current.stage, 0.0) + seconds
        if self.recorder:
            result.attempt_id = self.recorder.attempt(self, result)
        self.results.append(result)
        self._queue_follow_ups(result)
        self.phase = FEEDBACK
        if self.recorder:
            self.recorder.state(self)
        return result

    def skip(self) -> AttemptResult:
        return self.submit(self.draft, skipped=True)

    def advance(self) -> str:
        """Leave feedback (or a break) for the next question, a break, or the end."""
        if self.phase == ASKING:
            raise RuntimeError("submit or skip the current question first")
        if self.phase == FEEDBACK and self._stage_over_after_current():
            next_position = self.position + 1
            stage = self.spec.stages[self.current.stage]
            if next_position < len(self.items) and stage.break_minutes:
                self.phase = BREAK
                self._persist()
                return self.phase
        self.position += 1
        self.draft, self.hints = "", 0
        if self.position >= len(self.items):
            self.phase = DONE
            if self.recorder:
                self.recorder.finished(self, "finished")
            return self.phase
        self._begin_question()
        self._persist()
        return self.phase

    def pause(self) -> bool:
        if not self.can_pause or self.paused or self.phase != ASKING:
            return False
        self._elapsed_before = self.question_elapsed()
        self._running_since = None
        self.paused = True
        self._save_draft()
        return True

    def resume(self) -> None:
        if self.paused:
            self.paused = False
            self._running_since = self.clock()

    def abandon(self) -> None:
        if self.recorder and self.phase != DONE:
            self._save_draft()
            self.recorder.finished(self, "abandoned")
        self.phase = DONE

    # -- the clock ----------------------------------------------------------------------------
    def tick(self) -> list[Event]:
        """Call about once a second: warns before a hard limit, and submits the typed text when it runs out."""
        if self.phase != ASKING or self.paused:
            return []
        events = []
        limit = self.hard_limit()
        if limit is not None:
            left, name, total = limit
            if left <= 0:
                self._answer(None, overtime=True, skipped=False)
                if self.stage.minutes and name.endswith(" time") and name != "question time":
                    self._close_stage()
                self._after_answer()
                return [Event(EventKind.TIMEOUT, voice.time_up(name))]
            if left <= min(WARN_SECONDS, total / 4) and name not in self._warned:
                self._warned.add(name)
                events.append(Event(EventKind.WARNING, voice.time_warning(left, name)))
        if self.suggested_left() <= 0 and "suggested" not in self._warned:
            self._warned.add("suggested")
            events.append(Event(EventKind.WARNING, voice.past_suggested()))
        return events

    # -- persistence --------------------------------------------------------------------------
    def to_state(self) -> dict:
        return {
            "spec": spec_to_dict(self.spec),
            "items": [[i.question.full_id, i.stage, i.follow_up_of] for i in self.items],
            "position": self.position,
            "phase": self.phase,
            "deadline_at": self.deadline_at,
            "stage_used": {str(k): v for k, v in self.stage_used.items()},
            "elapsed": self.question_elapsed(),
            "hints": self.hints,
            "extras": self.extras,
        }

    # -- internals ----------------------------------------------------------------------------
    def _begin_question(self) -> None:
        self.phase = ASKING
        self._elapsed_before = 0.0
        self._running_since = self.clock()
        self._warned = set()
        self.extras = {}

    def _after_answer(self) -> None:
        if self.phase == FEEDBACK and not self.gives_feedback:
            self.advance()

    def _save_draft(self) -> None:
        if self.recorder and self.phase == ASKING:
            self.recorder.draft(self)

    def _persist(self) -> None:
        if self.recorder:
            self.recorder.state(self)

    def _stage_over_after_current(self) -> bool:
        return self.position + 1 >= len(self.items) or self.items[self.position + 1].stage != self.current.stage

    def _close_stage(self) -> None:
        """The stage's time ran out: its remaining questions are not asked."""
        stage = self.current.stage
        keep = [i for n, i in enumerate(self.items) if n <= self.position or i.stage != stage]
        self.items = keep

    def _queue_follow_ups(self, result: AttemptResult) -> None:
        question = result.question
        if result.skipped or self.current.follow_up_of is not None:
            return
        insert_at = self.position + 1
        if self.spec.probing:  # one short probe per missed required concept, before any follow-up
            for concept in missed_required(question, result.answer, result.score):
                self.items.insert(insert_at, Item(probe_question(question, concept), self.current.stage, self.position))
                insert_at += 1
        if not self.spec.follow_ups:
            return
        verdicts = {c.concept: c.verdict for c in result.score.concepts}
        for index, follow in enumerate(question.follow_ups):
            if not (follow.model_answer or follow.rubric):
                continue  # nothing to grade it against
            missed = any(verdicts.get(name) == MISSED for name in follow.if_missed)
            hit = any(verdicts.get(name) not in (None, MISSED) for name in follow.if_hit)
            unconditional = not follow.if_missed and not follow.if_hit
            if unconditional or missed or hit:
                self.items.insert(
                    insert_at, Item(follow_up_question(question, index), self.current.stage, self.position)
                )
                insert_at += 1
                break  # one follow-up per question keeps the round's pace realistic


def spec_to_dict(spec: RoundSpec) -> dict:
    from dataclasses import asdict

    return asdict(spec)


def spec_from_dict(data: dict) -> RoundSpec:
    from interview.rounds.formats import Slot, Stage

    stages = tuple(
        Stage(
            s["name"],
            tuple(Slot(tuple(sl["areas"]), sl["label"], sl.get("runnable", False)) for sl in s["slots"]),
            s["minutes"],
            s["break_minutes"],
        )
        for s in data["stages"]
    )
    fields: dict[str, Any] = {k: tuple(v) if isinstance(v, list) else v for k, v in data.items() if k != "stages"}
    fields["kind"], fields["mode"] = RoundKind(fields["kind"]), Mode(fields["mode"])
    return RoundSpec(stages=stages, **fields)


__all__ = [
    "ASKING",
    "BREAK",
    "DONE",
    "FEEDBACK",
    "PRACTICE",
    "STRICT",
    "AttemptResult",
    "Event",
    "Item",
    "EventKind",
    "Phase",
    "Recorder",
    "RoundSession",
    "SavedPlace",
    "follow_up_question",
    "spec_from_dict",
    "spec_to_dict",
]
