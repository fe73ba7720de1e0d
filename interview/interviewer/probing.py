"""Probing: one short question per required concept an answer missed, and what its answer earns back.

A probe is asked as a question of its own (`pack/id~pN`, N the concept's number in `concepts_of`),
so it is timed, autosaved, stored and resumed like any answer. Its score is the credit it shows for
that one concept; the parent answer then earns back at most half of that concept's share (see
`staged.grade_answer`). Nothing here knows about rounds: results are anything with the fields of
`rounds.session.AttemptResult`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from interview.bank.model import Concept, Question
from interview.interviewer import voice
from interview.interviewer.staged import PROBE_SHARE, grade_answer, grade_stages, is_staged_text
from interview.interviewer.template import stages_for
from interview.scoring import MISSED, Score, rubric_for

PROBE_MARK = "~p"
PROBE_SECONDS = 120  # a probe is short: the suggested time for its answer


def concepts_of(question: Question) -> tuple[Concept, ...]:
    """Every concept the question can be scored on, whole or staged; names are unique (the validator sees to it)."""
    seen: dict[str, Concept] = {c.name: c for c in rubric_for(question)}
    for stage in stages_for(question):
        for concept in stage.rubric:
            seen.setdefault(concept.name, concept)
    return tuple(seen.values())


def probe_text(concept: Concept) -> str:
    return concept.probe or voice.probe_from_name(concept.name)


def is_probe(question: Question) -> bool:
    return PROBE_MARK in question.id


def missed_required(question: Question, answer: str, score: Score) -> list[Concept]:
    """Required concepts the answer missed, in rubric order; a stage left empty is not probed (the
    screen already said it was empty, and asking its concepts one by one would be the stage again)."""
    by_name = {c.name: c for c in concepts_of(question)}
    stages = stages_for(question)
    if is_staged_text(answer, stages):
        staged = grade_stages(question, answer)
        return [
            by_name[c.concept]
            for r in staged.stages
            if not r.empty
            for c in r.score.concepts
            if c.required and c.verdict == MISSED and c.concept in by_name
        ]
    return [by_name[c.concept] for c in score.concepts if c.required and c.verdict == MISSED and c.concept in by_name]


def probe_question(parent: Question, concept: Concept) -> Question:
    number = next(i for i, c in enumerate(concepts_of(parent), start=1) if c.name == concept.name)
    model = next((s.model_answer for s in stages_for(parent) if concept in s.rubric and s.model_answer), "")
    return Question(
        pack=parent.pack,
        id=f"{parent.id}{PROBE_MARK}{number}",
        prompt=probe_text(concept),
        topic=parent.topic,
        model_answer=model or parent.model_answer,
        rubric=(replace(concept, required=False, probe=""),),
        rounds=parent.rounds,
        difficulty=parent.difficulty,
        time_limit=PROBE_SECONDS,
        line=parent.line,
    )


def rebuild_probe(parent: Question, number: int) -> Question | None:
    """The probe `pack/id~pN` again, after a restart or for history."""
    concepts = concepts_of(parent)
    if not 0 < number <= len(concepts):
        return None
    return probe_question(parent, concepts[number - 1])


def probed_concept(probe: Question) -> str:
    return probe.rubric[0].name  # a probe listens for one concept


@dataclass(frozen=True, slots=True)
class ProbeOutcome:
    concept: str
    prompt: str
    answer: str
    credit: float  # what the probe's answer showed of the concept, 0..1
    earned: float  # what it added to the parent's score
    skipped: bool = False


def adjust_for_probes(
    results: Sequence[Any], parent_of: Callable[[int], int | None]
) -> tuple[list[Any], dict[int, list[ProbeOutcome]]]:
    """The results with each probed answer's score raised by what its probes earned back, and without
    the probes themselves (their credit now lives in the parent); the probes, by parent position."""
    by_position = {r.position: r for r in results}
    credits: dict[int, dict[str, float]] = {}
    probes: dict[int, list[Any]] = {}
    for result in results:
        if not is_probe(result.question):
            continue
        parent = parent_of(result.position)
        if parent is None or parent not in by_position:
            continue
        concepts = result.score.concepts
        credit = 0.0 if result.skipped or not concepts else concepts[0].credit
        credits.setdefault(parent, {})[probed_concept(result.question)] = credit
        probes.setdefault(parent, []).append(result)
    adjusted = []
    outcomes: dict[int, list[ProbeOutcome]] = {}
    for result in results:
        if is_probe(result.question):
            continue
        if result.position in credits and not result.skipped:
            score = grade_answer(result.question, result.answer, result.hints, credits[result.position])
            outcomes[result.position] = [
                ProbeOutcome(
                    probed_concept(p.question),
                    p.question.prompt,
                    p.answer,
                    credits[result.position][probed_concept(p.question)],
                    0.0,
                    p.skipped,
                )
                for p in probes[result.position]
            ]
            gained = score.value - result.score.value
            shares = _shares(result.question, outcomes[result.position])
            outcomes[result.position] = [
                replace(o, earned=gained * share) for o, share in zip(outcomes[result.position], shares, strict=True)
            ]
            result = replace(result, score=score)
        adjusted.append(result)
    return adjusted, outcomes


def _shares(question: Question, outcomes: list[ProbeOutcome]) -> list[float]:
    """How the gain splits between a parent's probes: by what each could earn (half its credit and weight)."""
    weights = {c.name: c.weight for c in concepts_of(question)}
    raw = [PROBE_SHARE * o.credit * weights.get(o.concept, 1.0) for o in outcomes]
    total = sum(raw)
    return [r / total if total else 0.0 for r in raw]
