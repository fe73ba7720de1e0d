"""Scoring an answer against a rubric: deterministic, with the reason for every point.

score = weighted coverage of the rubric's concepts, capped when a required concept is missed or
hints were taken, minus the penalty of each misconception the answer asserts; always in [0, 1].
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from interview.bank.model import Concept, Misconception
from interview.scoring.lexicon import abbreviation_variants
from interview.scoring.match import AnswerIndex, PhraseMatch, prepare_phrase

HIT, PARTIAL, MISSED = "hit", "partial", "missed"
REQUIRED_CAP = 0.5  # the most an answer missing a required concept can score
HINT_CAPS = (1.0, 0.85, 0.7, 0.6)  # the cap after 0, 1, 2, 3+ hints
# A list of buzzwords with hardly a function word in it is not an explanation.
SALAD_MIN_SEGMENTS = 7
SALAD_SEGMENT_WORDS = 3
SALAD_SHARE = 0.6
SALAD_FACTOR = 0.5
SEGMENT_BREAK = re.compile(r"[,;:.!?\n]")

VERDICTS = ((0.8, "strong"), (0.6, "pass"), (0.4, "borderline"), (0.0, "miss"))


@dataclass(frozen=True, slots=True)
class ConceptResult:
    concept: str
    verdict: str  # hit, partial or missed
    credit: float  # 1 for a hit, the covered share for a partial, 0 when missed
    weight: float
    required: bool
    phrase: str = ""  # the rubric phrase that matched best
    span: tuple[int, int] | None = None
    similarity: float = 0.0
    matched_text: str = ""

    def to_dict(self) -> dict:
        return {
            "concept": self.concept,
            "verdict": self.verdict,
            "credit": round(self.credit, 3),
            "weight": self.weight,
            "required": self.required,
            "phrase": self.phrase,
            "span": list(self.span) if self.span else None,
            "similarity": self.similarity,
            "matched_text": self.matched_text,
        }


@dataclass(frozen=True, slots=True)
class MisconceptionResult:
    claim: str
    penalty: float
    phrase: str
    span: tuple[int, int]
    matched_text: str
    correction: str = ""

    def to_dict(self) -> dict:
        return {
            "claim": self.claim,
            "penalty": self.penalty,
            "phrase": self.phrase,
            "span": list(self.span),
            "matched_text": self.matched_text,
            "correction": self.correction,
        }


@dataclass(frozen=True, slots=True)
class Score:
    value: float
    verdict: str
    coverage: float  # weighted coverage before caps and penalties
    concepts: tuple[ConceptResult, ...]
    misconceptions: tuple[MisconceptionResult, ...]
    reasons: tuple[str, ...]  # every cap and penalty, in words
    hints_taken: int = 0

    def to_dict(self) -> dict:
        return {
            "score": round(self.value, 4),
            "verdict": self.verdict,
            "coverage": round(self.coverage, 4),
            "concepts": [c.to_dict() for c in self.concepts],
            "misconceptions": [m.to_dict() for m in self.misconceptions],
            "reasons": list(self.reasons),
            "hints_taken": self.hints_taken,
        }


def verdict_for(value: float) -> str:
    return next(label for floor, label in VERDICTS if value >= floor)


def _best_match(index: AnswerIndex, phrases: Sequence[str]) -> PhraseMatch | None:
    best: PhraseMatch | None = None
    for text in _with_variants(phrases):
        match = index.find(prepare_phrase(text))
        if match and (best is None or (match.coverage, match.similarity) > (best.coverage, best.similarity)):
            best = match
            if match.coverage == 1.0 and match.similarity == 100.0:
                break
    return best


def _with_variants(phrases: Sequence[str]) -> list[str]:
    """The rubric's phrases first, then their abbreviated or spelled-out forms ("CV", "cross validation")."""
    return list(dict.fromkeys([*phrases, *(v for p in phrases for v in abbreviation_variants(p))]))


def judge_concept(index: AnswerIndex, concept: Concept) -> ConceptResult:
    match = _best_match(index, concept.phrases)
    if match is None:
        return ConceptResult(concept.name, MISSED, 0.0, concept.weight, concept.required)
    verdict = HIT if match.coverage == 1.0 else PARTIAL
    # credit is the share of the phrase found: on the dev set this tracks graders better than a steeper curve
    credit = 1.0 if verdict == HIT else match.coverage
    return ConceptResult(
        concept.name,
        verdict,
        credit,
        concept.weight,
        concept.required,
        match.phrase,
        (match.start, match.end),
        match.similarity,
        index.text[match.start : match.end],
    )


def find_misconception(index: AnswerIndex, misconception: Misconception) -> MisconceptionResult | None:
    """The first place the answer asserts the claim in full (and does not deny it), if any."""
    for text in misconception.phrases:
        phrase = prepare_phrase(text)
        match = index.find_in_order(phrase)
        if match and not index.negated(match, phrase):
            return MisconceptionResult(
                misconception.claim,
                misconception.penalty,
                text,
                (match.start, match.end),
                index.text[match.start : match.end],
                misconception.correction,
            )
    return None


def looks_like_keyword_salad(index: AnswerIndex) -> bool:
    """Mostly bare lists of terms ("ReLU, ResNet, LSTM, batch norm, ...") with no sentence joining them."""
    tokens = index.tokens
    text = index.text
    segments: list[list] = [[]]
    for previous, token in zip([None, *tokens], tokens, strict=False):
        if previous is not None and SEGMENT_BREAK.search(text, previous.end, token.start):
            segments.append([])
        segments[-1].append(token)
    bare = [s for s in segments if len(s) <= SALAD_SEGMENT_WORDS and not any(t.stop or t.negation for t in s)]
    bare_words = sum(len(s) for s in bare)
    return len(bare) >= SALAD_MIN_SEGMENTS and bare_words >= SALAD_SHARE * len(tokens)


def score_answer(
    answer: str,
    rubric: Sequence[Concept],
    misconceptions: Sequence[Misconception] = (),
    hints_taken: int = 0,
    full_credit_at: float = 1.0,
) -> Score:
    """Score `answer` against `rubric`; see the module docstring for the formula.

    `full_credit_at` < 1 gives full marks before every concept is covered: drafted rubrics list
    every key word of a reference answer, and a fair grader does not ask for all of them.
    """
    index = AnswerIndex(answer)
    results = tuple(judge_concept(index, c) for c in rubric)
    total_weight = sum(c.weight for c in rubric)
    coverage = sum(r.credit * r.weight for r in results) / total_weight if total_weight else 0.0
    value = min(1.0, coverage / full_credit_at)
    reasons: list[str] = []
    if full_credit_at < 1.0 and coverage > 0:
        reasons.append(f"drafted rubric: covering {full_credit_at:.0%} of its weight earns full marks")
    for result in results:
        # a partial match (at least half of a phrase) counts as touched; the dev set agrees (see docs/scoring.md)
        if result.required and result.verdict == MISSED and value > REQUIRED_CAP:
            value = REQUIRED_CAP
            reasons.append(f"capped at {REQUIRED_CAP:.2f}: required concept '{result.concept}' was missed")
    cap = HINT_CAPS[min(hints_taken, len(HINT_CAPS) - 1)]
    if hints_taken and value > cap:
        value = cap
        reasons.append(f"capped at {cap:.2f}: {hints_taken} hint{'s' if hints_taken > 1 else ''} taken")
    if value > 0 and looks_like_keyword_salad(index):
        value *= SALAD_FACTOR
        reasons.append(f"scaled by {SALAD_FACTOR}: reads as a list of keywords, not an explanation")
    found = tuple(m for m in (find_misconception(index, mc) for mc in misconceptions) if m)
    for mistake in found:
        value -= mistake.penalty
        reasons.append(f"-{mistake.penalty:.2f}: asserts the misconception '{mistake.claim}'")
    value = min(1.0, max(0.0, value))
    return Score(value, verdict_for(value), coverage, results, found, tuple(reasons), hints_taken)
