"""The end of a round: scores per stage and per area, and a recommendation with its reasons."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from statistics import fmean

from interview.interviewer.probing import adjust_for_probes
from interview.rounds.formats import RoundKind
from interview.rounds.session import AttemptResult, RoundSession
from interview.scoring import MISSED, verdict_for

RECOMMENDATIONS = ((0.75, "strong hire"), (0.6, "hire"), (0.45, "lean no hire"), (0.0, "no hire"))


@dataclass(frozen=True, slots=True)
class RoundSummary:
    overall: float
    recommendation: str
    reasons: tuple[str, ...]
    by_stage: tuple[tuple[str, float, int], ...]  # name, mean score, answers
    by_area: tuple[tuple[str, float, int], ...]
    missed_concepts: tuple[tuple[str, int], ...]  # most often missed first
    answered: int
    skipped: int
    overtime: int


def _mean(results: list[AttemptResult]) -> float:
    return fmean(r.score.value for r in results) if results else 0.0


def summarize(session: RoundSession) -> RoundSummary:
    items = session.items
    # a probe's credit is folded into the answer it probed (at most half of the concept's share)
    results, _ = adjust_for_probes(session.results, lambda p: items[p].follow_up_of if p < len(items) else None)
    stage_of = {i: item.stage for i, item in enumerate(items)}
    by_stage: dict[int, list[AttemptResult]] = defaultdict(list)
    by_area: dict[str, list[AttemptResult]] = defaultdict(list)
    missed: Counter[str] = Counter()
    for result in results:
        by_stage[stage_of.get(result.position, 0)].append(result)
        by_area[result.question.area].append(result)
        missed.update(c.concept for c in result.score.concepts if c.verdict == MISSED)
    overall = _mean(results)
    stages = tuple((session.spec.stages[i].name, _mean(rs), len(rs)) for i, rs in sorted(by_stage.items()))
    areas = tuple(sorted(((a, _mean(rs), len(rs)) for a, rs in by_area.items()), key=lambda x: x[1]))
    interview_shaped = session.spec.kind in (RoundKind.PHONE, RoundKind.ONSITE)
    recommendation = (
        next(label for floor, label in RECOMMENDATIONS if overall >= floor)
        if interview_shaped
        else verdict_for(overall)
    )  # "hire" means nothing after a drill
    reasons = [f"mean score {overall:.2f} over {len(results)} answers"]
    weak_stages = [name for name, mean, _ in stages if mean < 0.45]
    if interview_shaped and weak_stages and recommendation in ("strong hire", "hire"):
        recommendation = "lean no hire" if len(weak_stages) > 1 else "hire"
    for name in weak_stages:
        reasons.append(f"{name} was weak (below 0.45): one weak session often sinks a loop")
    strong_stages = [name for name, mean, _ in stages if mean >= 0.75]
    if strong_stages and len(stages) > 1:
        reasons.append("strong in " + ", ".join(strong_stages))
    skipped = sum(r.skipped for r in results)
    overtime = sum(r.overtime for r in results)
    if skipped:
        reasons.append(f"{skipped} question{'s' if skipped > 1 else ''} skipped")
    if overtime:
        reasons.append(f"{overtime} answer{'s' if overtime > 1 else ''} cut off by the clock")
    return RoundSummary(
        overall,
        recommendation,
        tuple(reasons),
        stages,
        areas,
        tuple(missed.most_common(8)),
        len(results) - skipped,
        skipped,
        overtime,
    )
