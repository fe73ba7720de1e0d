"""The practice service: what a front end (the TUI, the CLI) asks of the core about rounds.

Start a round, resume one, build the weak-area drill, look a stored attempt's question up, tell
whether its rubric changed and what today's rubric would score. No UI here: the TUI turns the
exceptions into notifications, the CLI into messages.

The bank arrives after the first frame (parsed in a worker) and the store can be replaced (a
damaged history moved aside), so both are plain attributes the front end sets.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from interview.rounds.formats import PRACTICE, Mode, RoundKind, RoundSpec, drill
from interview.rounds.kinds import kind_info

if TYPE_CHECKING:
    from interview.bank import Bank
    from interview.bank.model import Question
    from interview.rounds.session import RoundSession
    from interview.store import AttemptRow, SessionRow, Store, StoreWrites

DRILL_CANDIDATES = 50  # due and weak questions considered for a drill


class NotReady(Exception):
    """The question packs are still loading; the message says so."""


class PracticeService:
    def __init__(
        self,
        store: Store,
        bank: Bank | None = None,
        clock: Callable[[], float] = time.monotonic,
        wall: Callable[[], float] = time.time,
        seed: int | None = None,
        writes: StoreWrites | None = None,
        review_questions: dict[str, dict] | None = None,
    ) -> None:
        from interview.store import StoreWrites

        self.store = store
        self.bank = bank  # None until loaded
        self.clock, self.wall, self.seed = clock, wall, seed
        self.writes = writes or StoreWrites()
        self.review_questions = review_questions or {}  # prompts carried by a coach's review bundle

    # -- rounds -----------------------------------------------------------------------------
    def loaded_bank(self) -> Bank:
        if self.bank is None:
            raise NotReady("Still loading the question packs; try again in a moment.")
        return self.bank

    def default_spec(self, kind: str, mode: Mode = PRACTICE) -> RoundSpec:
        """The round a kind starts with no further choices (home keys, the command palette)."""
        if kind == RoundKind.DRILL:
            return self.weak_drill()
        return kind_info(kind).spec(mode)

    def start(self, spec: RoundSpec) -> RoundSession:
        """Plan and start a round; ValueError when no question fits it."""
        from interview.rounds.recorder import StoreRecorder
        from interview.rounds.select import plan_round
        from interview.rounds.session import RoundSession

        bank = self.loaded_bank()
        stages = plan_round(spec, bank.questions, self.store.question_history(), seed=self.seed)
        return RoundSession.start(spec, stages, StoreRecorder(self.store, self.writes), self.clock, self.wall)

    def unfinished(self) -> SessionRow | None:
        return self.store.unfinished_session()

    def resume(self, session_id: int) -> RoundSession:
        """An unfinished round as it was left; ResumeError when it cannot be rebuilt."""
        from interview.rounds.recorder import resume_session

        return resume_session(self.store, self.loaded_bank(), session_id, self.clock, self.wall, self.writes)

    def weak_drill(self, count: int = 5, per_question_seconds: float | None = None) -> RoundSpec:
        """Today's planned questions, due reviews, then the weakest; a plain drill when there is no history yet."""
        from interview.progress import weakest_questions
        from interview.progress.plan import todays_questions

        ids: list[str] = []
        if self.bank is not None:
            # with an interview date, today's share of the plan comes first (interview plan)
            planned = todays_questions(self.store, {q.full_id for q in self.bank.questions}, self.wall())
            due = [q for q, _ in self.store.due_questions(self.wall(), DRILL_CANDIDATES)]
            ids = [*planned, *due, *weakest_questions(self.store, DRILL_CANDIDATES)]
            ids = [i for i in dict.fromkeys(ids) if self.bank.question(i)][:count]
        if ids:
            return drill(count, per_question_seconds, question_ids=tuple(ids))
        return drill(count, per_question_seconds)

    # -- stored attempts --------------------------------------------------------------------
    def known_question(self, question_id: str) -> Question | None:
        """A question of the loaded packs (a follow-up rebuilt from its parent), or None."""
        from interview.rounds.recorder import find_question

        return find_question(self.bank, question_id) if self.bank is not None else None

    def question_for(self, question_id: str, topic: str) -> Question:
        """A question for showing a stored attempt: from the packs, else from a review bundle, else a stand-in
        that says its pack is not loaded."""
        from interview.bank.model import Question

        found = self.known_question(question_id)
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
        from interview.scoring import rubric_hash

        question = self.known_question(attempt.question_id)
        return question is None or rubric_hash(question) == attempt.rubric_hash

    def rescore(self, question_id: str, attempts: Iterable[AttemptRow]) -> dict[int, float] | None:
        """Today's rubric's score of each attempt scored with an older one, by index; None when the
        question's pack is not loaded. Stored scores never change."""
        from interview.scoring import grade

        question = self.known_question(question_id)
        if question is None:
            return None
        return {
            index: grade(question, attempt.answer, attempt.hints).value
            for index, attempt in enumerate(attempts)
            if not self.rubric_current(attempt)
        }
