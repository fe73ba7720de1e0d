"""Choosing the questions of a round.

Each slot draws from its areas among the questions allowed in the round. Preference, in order:
never asked in this session; weak (low last score) or unseen before well-known; then a seeded
shuffle so two rounds differ. Custom rounds ramp from easy to hard.
"""

from __future__ import annotations

import random
from typing import Iterable, Mapping

from interview.bank.model import Question
from interview.rounds.formats import RoundKind, RoundSpec, Slot

# A question's priority from its history: unseen first-ish, weak first, mastered last.
UNSEEN_PRIORITY = 0.5


def _priority(question: Question, history: Mapping[str, tuple[int, float]]) -> float:
    seen = history.get(question.full_id)
    if seen is None:
        return UNSEEN_PRIORITY
    _, last_score = seen
    return last_score  # 0 (failed last time) comes before unseen, 1 (aced) after


def _allowed(question: Question, spec: RoundSpec) -> bool:
    if spec.round_filter and spec.round_filter not in question.rounds:
        return False
    if spec.packs and question.pack not in spec.packs:
        return False
    if spec.topics and not any(question.topic == t or question.area == t for t in spec.topics):
        return False
    if spec.difficulties and question.difficulty not in spec.difficulties:
        return False
    return True


def _fits(question: Question, slot: Slot) -> bool:
    return not slot.areas or question.area in slot.areas


def plan_round(
    spec: RoundSpec,
    questions: Iterable[Question],
    history: Mapping[str, tuple[int, float]] | None = None,
    seed: int | None = None,
) -> list[list[Question]]:
    """The questions for each stage of `spec`; a slot nothing fits is filled from any allowed question."""
    history = history or {}
    by_id = {q.full_id: q for q in questions}
    if spec.question_ids:
        chosen = [by_id[i] for i in spec.question_ids if i in by_id]
        return [chosen]
    rng = random.Random(seed)
    pool = [q for q in by_id.values() if _allowed(q, spec)]
    rng.shuffle(pool)
    pool.sort(key=lambda q: _priority(q, history))  # stable: the shuffle breaks ties
    used: set[str] = set()
    stages = []
    for stage in spec.stages:
        picked = []
        for slot in stage.slots:
            choice = None
            if slot.runnable:  # a runnable exercise when one fits, else any question of the slot's areas
                choice = next((q for q in pool if q.full_id not in used and _fits(q, slot) and q.code), None)
            if choice is None:
                choice = next((q for q in pool if q.full_id not in used and _fits(q, slot)), None)
            if choice is None:
                choice = next((q for q in pool if q.full_id not in used), None)
            if choice is None:
                break
            used.add(choice.full_id)
            picked.append(choice)
        if spec.kind == RoundKind.CUSTOM:
            picked.sort(key=lambda q: q.difficulty)  # the ramp: warm up, then harder
        # phone and onsite keep their slot order: that order is the shape of the real interview
        stages.append(picked)
    return stages
