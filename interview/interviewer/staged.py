"""A staged answer: one text per stage, the time spent on each, and the score of each stage.

The stages travel as one text with a heading per stage ("## Data and labels"), so the attempt, the
draft and the history keep everything typed in the one field they already have; `split_stages`
reads it back. The question's score is the mean of the stage scores weighted by their suggested
minutes, under the hint cap, less any misconception asserted anywhere in the answer.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from interview.bank.model import Concept, DesignStage, Question
from interview.interviewer.template import stages_for
from interview.scoring import DRAFTED_FULL_CREDIT, Score, grade, rubric_for, score_answer, verdict_for
from interview.scoring.score import HINT_CAPS, ConceptResult, MisconceptionResult

HEADING = "## "
PROBE_SHARE = 0.5  # a probe earns back at most this share of the concept's credit


def heading(stage: DesignStage) -> str:
    return f"{HEADING}{stage.name}"


def join_stages(stages: Sequence[DesignStage], texts: Sequence[str]) -> str:
    """Every stage's heading, even an empty stage's: the answer shows what was left out."""
    return "\n\n".join(f"{heading(stage)}\n{text.strip()}" for stage, text in zip(stages, texts, strict=True))


def is_staged_text(answer: str, stages: Sequence[DesignStage]) -> bool:
    return bool(stages) and (answer.startswith(heading(stages[0]) + "\n") or answer == heading(stages[0]))


def stage_spans(answer: str, stages: Sequence[DesignStage]) -> list[tuple[int, int]]:
    """Where each stage's text starts and ends in a joined answer; headings are looked for in order."""
    starts: list[int] = []
    cursor = 0
    for index, stage in enumerate(stages):
        mark = heading(stage) + "\n"
        if index == 0:
            found = 0 if answer.startswith(mark) else -1
        else:
            found = answer.find("\n" + mark, cursor)
            found = found + 1 if found >= 0 else -1
        if found < 0:
            starts.append(-1)
            continue
        starts.append(found + len(mark))
        cursor = found + len(mark)
    spans = []
    for index, start in enumerate(starts):
        if start < 0:
            spans.append((len(answer), len(answer)))
            continue
        later = [s - len(heading(stages[j]) + "\n") for j, s in enumerate(starts) if j > index and s >= 0]
        end = min(later) if later else len(answer)
        spans.append((start, end))
    return spans


def split_stages(answer: str, stages: Sequence[DesignStage]) -> list[str]:
    if not is_staged_text(answer, stages):
        return [answer.strip()] + [""] * (len(stages) - 1) if stages else []
    return [answer[start:end].strip() for start, end in stage_spans(answer, stages)]


# -- scoring --------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class StageResult:
    stage: DesignStage
    text: str
    score: Score
    offset: int  # where the stage's text starts in the joined answer

    @property
    def empty(self) -> bool:
        return not self.text.strip()


@dataclass(frozen=True, slots=True)
class StagedScore:
    score: Score  # the question's: every stage's concepts, spans into the joined answer
    stages: tuple[StageResult, ...]


def _shift(result: ConceptResult, offset: int) -> ConceptResult:
    if result.span is None:
        return result
    return replace(result, span=(result.span[0] + offset, result.span[1] + offset))


def _with_probes(
    text: str, rubric: Sequence[Concept], probes: Mapping[str, float], misconceptions=(), hints: int = 0, full=1.0
) -> tuple[Score, list[str]]:
    """Score `text`, then add what probes earned back: at most half of each probed concept's weighted
    share; a concept shown on its probe no longer caps the score (the concept is scored again as not required)."""
    recovered = {name for name, credit in probes.items() if credit > 0}
    if not recovered:
        return score_answer(text, rubric, misconceptions, hints, full), []
    relaxed = tuple(replace(c, required=False) if c.name in recovered else c for c in rubric)
    score = score_answer(text, relaxed, misconceptions, hints, full)
    total = sum(c.weight for c in rubric) or 1.0
    earned_total = 0.0
    reasons = []
    for concept in rubric:
        credit = probes.get(concept.name, 0.0)
        if credit <= 0:
            continue
        earned = PROBE_SHARE * credit * concept.weight / total / full
        earned_total += earned
        reasons.append(f"+{earned:.2f}: the probe on '{concept.name}' earned back part of its credit (half at most)")
    cap = HINT_CAPS[min(hints, len(HINT_CAPS) - 1)]
    value = min(1.0, cap, score.value + earned_total)
    required = {c.name: c.required for c in rubric}
    concepts = tuple(replace(r, required=required.get(r.concept, r.required)) for r in score.concepts)
    return replace(
        score, value=value, verdict=verdict_for(value), concepts=concepts, reasons=(*score.reasons, *reasons)
    ), reasons


def grade_stages(
    question: Question, answer: str, hints: int = 0, probes: Mapping[str, float] | None = None
) -> StagedScore:
    stages = stages_for(question)
    probes = probes or {}
    spans = stage_spans(answer, stages)
    results: list[StageResult] = []
    for stage, (start, end) in zip(stages, spans, strict=True):
        raw = answer[start:end]
        lead = len(raw) - len(raw.lstrip())
        text = raw.strip()
        stage_probes = {c.name: probes[c.name] for c in stage.rubric if c.name in probes}
        score, _ = _with_probes(text, stage.rubric, stage_probes)
        results.append(StageResult(stage, text, score, start + lead))
    minutes = sum(r.stage.minutes for r in results) or 1.0
    value = sum(r.score.value * r.stage.minutes for r in results) / minutes
    coverage = sum(r.score.coverage * r.stage.minutes for r in results) / minutes
    reasons: list[str] = []
    for r in results:
        if r.empty:
            reasons.append(f"stage '{r.stage.name}' was left empty: 0 of its {r.stage.minutes:g} minutes' share")
        else:
            reasons.append(f"stage '{r.stage.name}': {r.score.value:.2f}")
            reasons.extend(f"  {reason}" for reason in r.score.reasons)
    cap = HINT_CAPS[min(hints, len(HINT_CAPS) - 1)]
    if hints and value > cap:
        value = cap
        reasons.append(f"capped at {cap:.2f}: {hints} hint{'s' if hints > 1 else ''} taken")
    mistakes: tuple[MisconceptionResult, ...] = score_answer(answer, (), question.misconceptions).misconceptions
    for mistake in mistakes:
        value -= mistake.penalty
        reasons.append(f"-{mistake.penalty:.2f}: asserts the misconception '{mistake.claim}'")
    value = min(1.0, max(0.0, value))
    concepts = tuple(_shift(c, r.offset) for r in results for c in r.score.concepts)
    score = Score(value, verdict_for(value), coverage, concepts, mistakes, tuple(reasons), hints)
    return StagedScore(score, tuple(results))


def grade_answer(question: Question, answer: str, hints: int = 0, probes: Mapping[str, float] | None = None) -> Score:
    """The one grading entry for a round: staged answers stage by stage, others as before; `probes`
    maps a concept name to the credit its probe's answer got."""
    stages = stages_for(question)
    if is_staged_text(answer, stages):
        return grade_stages(question, answer, hints, probes).score
    if not probes:
        return grade(question, answer, hints)
    full = 1.0 if question.rubric else DRAFTED_FULL_CREDIT  # as scoring.grade does
    return _with_probes(answer, rubric_for(question), probes, question.misconceptions, hints, full)[0]


# -- moving between stages ------------------------------------------------------------------------
@dataclass
class StageProgress:
    """Where the candidate is among the stages and the time spent on each. Time is the question's
    elapsed time (the round's injected clock, paused with it), read when the candidate moves."""

    stages: tuple[DesignStage, ...]
    texts: list[str]
    seconds: list[float] = field(default_factory=list)
    at: int = 0
    _entered_at: float = 0.0  # the question's elapsed seconds when the current stage was entered

    @classmethod
    def start(cls, stages: tuple[DesignStage, ...], draft: str, saved: dict | None, elapsed: float) -> StageProgress:
        progress = cls(stages, split_stages(draft, stages) if draft else [""] * len(stages))
        seconds = list((saved or {}).get("seconds", []))[: len(stages)]
        progress.seconds = [float(s) for s in seconds] + [0.0] * (len(stages) - len(seconds))
        at = (saved or {}).get("at", 0)
        progress.at = at if isinstance(at, int) and 0 <= at < len(stages) else 0
        progress._entered_at = elapsed
        return progress

    @property
    def stage(self) -> DesignStage:
        return self.stages[self.at]

    def stage_seconds(self, elapsed: float, index: int | None = None) -> float:
        index = self.at if index is None else index
        running = max(0.0, elapsed - self._entered_at) if index == self.at else 0.0
        return self.seconds[index] + running

    def move_to(self, index: int, elapsed: float) -> bool:
        if not 0 <= index < len(self.stages) or index == self.at:
            return False
        self.seconds[self.at] = self.stage_seconds(elapsed)
        self.at, self._entered_at = index, elapsed
        return True

    def set_text(self, text: str) -> None:
        self.texts[self.at] = text

    def joined(self) -> str:
        return join_stages(self.stages, self.texts)

    def state(self, elapsed: float) -> dict:
        return {"at": self.at, "seconds": [round(self.stage_seconds(elapsed, i), 1) for i in range(len(self.stages))]}

    def over_suggested(self, elapsed: float) -> bool:
        return self.stage_seconds(elapsed) > self.stage.minutes * 60
