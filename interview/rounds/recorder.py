"""Writing a round to the history store as it happens, and bringing it back after a restart."""

from __future__ import annotations

import time
from typing import Callable

from interview.bank import Bank
from interview.bank.model import Question
from interview.rounds.session import (
    AttemptResult,
    Item,
    RoundSession,
    SavedPlace,
    follow_up_question,
    spec_from_dict,
)
from interview.scoring import Score, rubric_hash
from interview.scoring.score import ConceptResult, MisconceptionResult
from interview.store import AttemptRecord, AttemptRow, DraftRecord, Store, StoreWrites


def _session_id(session: RoundSession) -> int:
    """Set by `started`, which comes before every other event."""
    if session.session_id is None:
        raise RuntimeError("the round was not started through this recorder")
    return session.session_id


class StoreRecorder:
    """The Recorder a real round uses: every event is committed to SQLite as it happens.

    Writes go through `writes`, the one error boundary: a write that fails (disk full, read-only
    folder, a lock held too long) waits there and is retried, and the round goes on in memory. So
    each write is a closure over the values of its moment; the session id is read when the write
    runs, because the round's own creation may be among the writes still waiting.
    """

    def __init__(self, store: Store, writes: StoreWrites | None = None) -> None:
        self.store = store
        self.writes = writes or StoreWrites()

    def started(self, session: RoundSession) -> int | None:
        spec, state, deadline_at = session.spec, session.to_state(), session.deadline_at

        def write() -> None:
            session.session_id = self.store.create_session(spec.kind, spec.mode, state, deadline_at)

        self.writes.run("the new round", write)
        return session.session_id

    def attempt(self, session: RoundSession, result: AttemptResult) -> int | None:
        from interview.progress.schedule import review

        question, when = result.question, session.wall()

        def write_attempt() -> None:
            result.attempt_id = self.store.record_attempt(
                AttemptRecord(
                    _session_id(session),
                    result.position,
                    question.full_id,
                    question.topic,
                    result.answer,
                    result.score.value,
                    result.score.verdict,
                    _breakdown(result),
                    rubric_hash(question),
                    result.seconds,
                    result.hints,
                    result.overtime,
                    result.skipped,
                )
            )

        self.writes.run("your answer", write_attempt)
        # after the answer is safe, and separately: a retry must not write the answer twice
        self.writes.run("the review schedule", lambda: review(self.store, question.full_id, result.score.value, when))
        return result.attempt_id

    def draft(self, session: RoundSession) -> None:
        position, question_id = session.position, session.current.question.full_id
        text, hints, elapsed, state = session.draft, session.hints, session.question_elapsed(), session.to_state()

        def write() -> None:
            session_id = _session_id(session)
            self.store.save_draft(DraftRecord(session_id, position, question_id, text, hints, elapsed))
            self.store.save_state(session_id, state)

        self.writes.run("your draft", write, key=("draft", id(session), position))

    def state(self, session: RoundSession) -> None:
        state = session.to_state()
        self.writes.run(
            "the round's progress",
            lambda: self.store.save_state(_session_id(session), state),
            key=("state", id(session)),
        )

    def finished(self, session: RoundSession, status: str) -> None:
        self.writes.run("the end of the round", lambda: self.store.finish_session(_session_id(session), status))


class ResumeError(Exception):
    pass


def find_question(bank: Bank, full_id: str) -> Question | None:
    """A bank question, or a follow-up rebuilt from its parent ("pack/id~f2")."""
    if "~p" in full_id:  # a probe (interviewer.probing)
        from interview.interviewer.probing import rebuild_probe

        parent_id, _, number = full_id.rpartition("~p")
        parent = bank.question(parent_id)
        return rebuild_probe(parent, int(number)) if parent is not None and number.isdigit() else None
    if "~f" in full_id:
        parent_id, _, number = full_id.rpartition("~f")
        parent = bank.question(parent_id)
        if parent is not None and number.isdigit() and 0 < int(number) <= len(parent.follow_ups):
            return follow_up_question(parent, int(number) - 1)
        return None
    return bank.question(full_id)


def score_from_dict(data: dict) -> Score:
    concepts = tuple(
        ConceptResult(
            c["concept"],
            c["verdict"],
            c["credit"],
            c["weight"],
            c["required"],
            c["phrase"],
            tuple(c["span"]) if c["span"] else None,
            c["similarity"],
            c["matched_text"],
        )
        for c in data["concepts"]
    )
    mistakes = tuple(
        MisconceptionResult(
            m["claim"], m["penalty"], m["phrase"], tuple(m["span"]), m["matched_text"], m.get("correction", "")
        )
        for m in data["misconceptions"]
    )
    return Score(
        data["score"],
        data["verdict"],
        data["coverage"],
        concepts,
        mistakes,
        tuple(data["reasons"]),
        data.get("hints_taken", 0),
    )


def _breakdown(result: AttemptResult) -> dict:
    """The score's breakdown, with a coding answer's runs and final result beside it."""
    breakdown = result.score.to_dict()
    if result.coding is not None:
        breakdown["coding"] = result.coding.to_dict()
    return breakdown


def attempt_result(attempt: AttemptRow, question: Question) -> AttemptResult:
    """A stored attempt as the result the feedback and summary screens show."""
    from interview.coding.results import CodingOutcome

    coding = attempt.breakdown.get("coding")
    return AttemptResult(
        attempt.position,
        question,
        attempt.answer,
        score_from_dict(attempt.breakdown),
        attempt.seconds,
        attempt.hints,
        attempt.overtime,
        attempt.skipped,
        attempt.id,
        CodingOutcome.from_dict(coding) if isinstance(coding, dict) else None,
    )


def resume_session(
    store: Store,
    bank: Bank,
    session_id: int,
    clock: Callable[[], float] = time.monotonic,
    wall: Callable[[], float] = time.time,
    writes: StoreWrites | None = None,
) -> RoundSession:
    """Rebuild an unfinished round, with the draft that was being typed."""
    row = store.session(session_id)
    if row is None:
        raise ResumeError(f"no session {session_id}")
    state = row.state
    items = []
    for full_id, stage, parent in state["items"]:
        question = find_question(bank, full_id)
        if question is None:
            raise ResumeError(f"question {full_id} is no longer in any loaded pack")
        items.append(Item(question, stage, parent))
    results = []
    for attempt in store.attempts(session_id):
        question = find_question(bank, attempt.question_id) or items[min(attempt.position, len(items) - 1)].question
        results.append(attempt_result(attempt, question))
    draft = store.draft(session_id, state["position"])
    saved = SavedPlace(
        session_id,
        state["position"],
        state["phase"],
        row.deadline_at,
        {int(k): v for k, v in state["stage_used"].items()},
        draft.text if draft else "",
        draft.hints if draft else state.get("hints", 0),
        draft.elapsed if draft else state.get("elapsed", 0.0),
        state.get("extras", {}),
    )
    return RoundSession.restore(
        spec_from_dict(state["spec"]), items, results, saved, StoreRecorder(store, writes), clock, wall
    )
