"""A finished round from history as the debrief reads it (interviewer.debrief works on live rounds too)."""

from __future__ import annotations

from interview.bank import Bank
from interview.interviewer.debrief import Debrief, PlayedRound, build_debrief
from interview.rounds.recorder import attempt_result, find_question
from interview.rounds.session import spec_from_dict
from interview.store import Store


def played_from_store(store: Store, bank: Bank, session_id: int) -> PlayedRound | None:
    """None when there is no such session; answers to questions no longer loaded are left out."""
    row = store.session(session_id)
    if row is None:
        return None
    spec = spec_from_dict(row.state["spec"])
    items = row.state.get("items", [])
    results = []
    for attempt in store.attempts(session_id):
        question = find_question(bank, attempt.question_id)
        if question is not None:
            results.append(attempt_result(attempt, question))

    def session_of(position: int) -> int:
        return items[position][1] if position < len(items) else 0

    def parent_of(position: int) -> int | None:
        return items[position][2] if position < len(items) else None

    return PlayedRound(spec.kind, spec.title, tuple(s.name for s in spec.stages), tuple(results), session_of, parent_of)


def debrief_from_store(store: Store, bank: Bank, session_id: int) -> Debrief | None:
    played = played_from_store(store, bank, session_id)
    return None if played is None else build_debrief(played, bank.questions)
