"""Scoring an answer against a rubric: deterministic, with the reason for every point.

score = weighted coverage of the rubric's concepts, capped when a required concept is missed or
hints were taken, minus the penalty of each misconception the answer asserts; always in [0, 1].

A concept's credit is the share of its best phrase's information that the answer shows: rare words
count for more than common ones, a word said in other words ("≈") counts for a little less, and
words the question itself supplies count for little. An answer that says nothing beyond the
question, or only that the candidate does not know, scores 0.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Sequence

from interview.bank.model import Concept, Misconception
from interview.scoring import match as matching
from interview.scoring.lexicon import abbreviation_variants
from interview.scoring.match import AnswerIndex, PhraseMatch, prepare_phrase
from interview.scoring.meaning import phrase_equivalents
from interview.scoring.normalize import STOP_STEMS, normalize_word, tokenize


class Verdict(StrEnum):
    """A concept's verdict; equal to its string, as stored in history."""

    HIT = "hit"
    PARTIAL = "partial"
    MISSED = "missed"


HIT, PARTIAL, MISSED = Verdict.HIT, Verdict.PARTIAL, Verdict.MISSED
# Fitted on graded answers by bench/calibrate.py (see docs/scoring.md), not tuned by hand.
ECHO_CREDIT = 0.6  # a concept shown only with words the question already contains
PARTIAL_CREDIT = 1.0  # scales the credit of a phrase found only in part
REQUIRED_CAP = 0.5  # the most an answer missing a required concept can score
HINT_CAPS = (1.0, 0.85, 0.7, 0.6)  # the cap after 0, 1, 2, 3+ hints
# A list of buzzwords with hardly a function word in it is not an explanation.
SALAD_MIN_SEGMENTS = 5
SALAD_SEGMENT_WORDS = 7  # a noun phrase; a clause has a clause word (below)
SALAD_SHARE = 0.6
SALAD_FACTOR = 0.2  # fitted by bench/calibrate.py
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
    soft: bool = False  # matched in other words: a synonym or a close meaning of the phrase's words
    echo: bool = False  # matched only with words the question itself contains

    def to_dict(self) -> dict:
        return {
            "concept": self.concept,
            "verdict": str(self.verdict),
            "credit": round(self.credit, 3),
            "weight": self.weight,
            "required": self.required,
            "phrase": self.phrase,
            "span": list(self.span) if self.span else None,
            "similarity": self.similarity,
            "matched_text": self.matched_text,
            "soft": self.soft,
            "echo": self.echo,
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


def _best_match(index: AnswerIndex, phrases: Sequence[str]) -> tuple[PhraseMatch, str, float, bool] | None:
    """The best match over a concept's phrases and their variants: (match, rubric phrase, credit, soft)."""
    best: tuple[PhraseMatch, str, float, bool] | None = None
    for text, origin, in_other_words in _with_variants(phrases):
        match = index.find(prepare_phrase(text))
        if match is None:
            continue
        credit = match.credit * (matching.SOFT_CREDIT if in_other_words else 1.0)
        if best is None or (credit, match.similarity) > (best[2], best[0].similarity):
            best = (match, origin, credit, in_other_words or match.soft)
            if credit == 1.0 and match.similarity == 100.0:
                break
    return best


def _with_variants(phrases: Sequence[str]) -> list[tuple[str, str, bool]]:
    """(text to look for, the rubric phrase it stands for, whether it says it in other words).

    The rubric's phrases first, then their abbreviated or spelled-out forms ("CV", "cross
    validation"), then the other ways of saying them that the lexicon knows ("one at a time" for
    "sequentially").
    """
    variants: dict[str, tuple[str, str, bool]] = {}
    for phrase in phrases:
        variants.setdefault(phrase, (phrase, phrase, False))
    for phrase in phrases:
        for variant in abbreviation_variants(phrase):
            variants.setdefault(variant, (variant, phrase, False))
    for phrase in phrases:
        for variant in phrase_equivalents(phrase):
            variants.setdefault(variant, (variant, phrase, True))
    return list(variants.values())


def judge_concept(index: AnswerIndex, concept: Concept, question_stems: frozenset[str] = frozenset()) -> ConceptResult:
    found = _best_match(index, concept.phrases)
    if found is None:
        return ConceptResult(concept.name, MISSED, 0.0, concept.weight, concept.required)
    match, phrase, credit, soft = found
    verdict = HIT if match.coverage == 1.0 else PARTIAL
    matched = [t for t in index.tokens[match.first_token : match.last_token + 1] if not t.stop]
    # saying the question's own words back shows little: "what is gradient descent?" - "gradient descent ..."
    echo = bool(question_stems) and all(t.stem in question_stems for t in matched)
    if echo:
        credit *= ECHO_CREDIT
    if verdict == PARTIAL:
        credit *= PARTIAL_CREDIT
    return ConceptResult(
        concept.name,
        verdict,
        credit,
        concept.weight,
        concept.required,
        phrase,
        (match.start, match.end),
        match.similarity,
        index.text[match.start : match.end],
        soft,
        echo,
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


# Words of talk about answering rather than of an answer: "I'd rather skip this one", "next question
# please", "I would have to look it up", "no comment". An answer made only of these says nothing.
META_WORDS = frozenset(
    normalize_word(w)[1]
    for w in """
    skip skipping pass next question questions later sorry answer answering comment comments blank blanking
    look looking lookup up come back move moving on give giving up rather prefer honestly guess guessing
    hmm hm um umm uh er erm ok okay well yeah yes nope nothing clue idea sure unsure know knew remember
    recall forgot forget forgotten think thought n a na nil none sure certain studied study learned learnt
    covered seen heard across encountered familiar topic one this that thing time moment please again
    wait mind pretty totally completely really quite bit little fully entirely""".split()
)


def _content_stems(text: str) -> frozenset[str]:
    return frozenset(t.stem for t in tokenize(text) if not t.stop and t.stem not in STOP_STEMS)


def _says_something(index: AnswerIndex, question_stems: frozenset[str]) -> bool:
    """Whether the answer says anything: a content word outside hedges, and not just the question back.

    An answer made only of the question's own words is a restatement when it repeats most of them
    ("what is overfitting?" - "overfitting is what it is"); a short one may be a fair pick between
    options the question names ("which is heavier, iron or wood?" - "iron").
    """
    content = {
        t.stem
        for i, t in enumerate(index.tokens)
        if i not in index.hedged and not t.stop and not t.negation and t.stem not in STOP_STEMS
    }
    if not content or content <= META_WORDS:
        return False
    if content - question_stems:
        return True
    return len(content) * 2 < len(question_stems)


# Words that make a clause of a list item: a verb's helpers, pronouns, joining words. A list of
# noun phrases ("penalty on the weights, lasso, elastic net") has none of them.
CLAUSE_WORDS = frozenset(
    """is are was were be been being am it its this they them we you i he she which that because so when
    if then while since whereas but means makes has have had does do did can could will would should
    gives lets helps causes need needs""".split()
)


def _evidence_stems(index: AnswerIndex, results: Sequence[ConceptResult]) -> frozenset[str]:
    """Stems of the answer words that concept matches found (only asked for when the score is above 0)."""
    return frozenset(
        t.stem for r in results if r.span for t in index.tokens if r.span[0] <= t.start and t.end <= r.span[1]
    )


def looks_like_keyword_salad(index: AnswerIndex, evidence: frozenset[str] = frozenset()) -> bool:
    """Mostly bare lists of terms ("ReLU, ResNet, LSTM, batch norm, ...") with no sentence joining them.

    A list item is bare when it is a few content words, or when it is only rubric evidence
    (`evidence`: stems of the words concept matches found) with no clause word: the rubric's own phrases
    pasted as a list. Terse notes ("train on k-1, test on the rest, rotate") say more than that.
    """
    tokens = index.tokens
    text = index.text
    segments: list[list] = [[]]
    for previous, token in zip([None, *tokens], tokens, strict=False):  # the first token has no previous
        if previous is not None and SEGMENT_BREAK.search(text, previous.end, token.start):
            segments.append([])
        segments[-1].append(token)
    bare = [
        s
        for s in segments
        if (len(s) <= 3 and not any(t.stop or t.negation for t in s))
        or (
            len(s) <= SALAD_SEGMENT_WORDS
            and not any(t.negation or t.norm in CLAUSE_WORDS for t in s)
            and all(t.stem in evidence for t in s if not t.stop)
        )
    ]
    bare_words = sum(len(s) for s in bare)
    return len(bare) >= SALAD_MIN_SEGMENTS and bare_words >= SALAD_SHARE * len(tokens)


def score_answer(
    answer: str,
    rubric: Sequence[Concept],
    misconceptions: Sequence[Misconception] = (),
    hints_taken: int = 0,
    full_credit_at: float = 1.0,
    prompt: str = "",
) -> Score:
    """Score `answer` against `rubric`; see the module docstring for the formula.

    `full_credit_at` < 1 gives full marks before every concept is covered: drafted rubrics list
    every key word of a reference answer, and a fair grader does not ask for all of them.
    `prompt` is the question: its own words are little evidence when said back.
    """
    index = AnswerIndex(answer)
    question_stems = _content_stems(prompt)
    reasons: list[str] = []
    if not _says_something(index, question_stems):
        results = tuple(ConceptResult(c.name, MISSED, 0.0, c.weight, c.required) for c in rubric)
        reason = "no answer: nothing here but not knowing" if index.tokens else "no answer"
        if index.tokens and not any(i in index.hedged for i in range(len(index.tokens))):
            reason = "no answer: it says nothing the question does not already say"
        return Score(0.0, verdict_for(0.0), 0.0, results, (), (reason,), hints_taken)
    results = tuple(judge_concept(index, c, question_stems) for c in rubric)
    total_weight = sum(c.weight for c in rubric)
    coverage = sum(r.credit * r.weight for r in results) / total_weight if total_weight else 0.0
    value = min(1.0, coverage / full_credit_at)
    if full_credit_at < 1.0 and coverage > 0:
        reasons.append(f"covering {full_credit_at:.0%} of the rubric's weight earns full marks")
    for result in results:
        # a partial match (at least half of a phrase) counts as touched; the dev set agrees (see docs/scoring.md)
        if result.required and result.verdict == MISSED and value > REQUIRED_CAP:
            value = REQUIRED_CAP
            reasons.append(f"capped at {REQUIRED_CAP:.2f}: required concept '{result.concept}' was missed")
    cap = HINT_CAPS[min(hints_taken, len(HINT_CAPS) - 1)]
    if hints_taken and value > cap:
        value = cap
        reasons.append(f"capped at {cap:.2f}: {hints_taken} hint{'s' if hints_taken > 1 else ''} taken")
    if value > 0 and looks_like_keyword_salad(index, _evidence_stems(index, results)):
        value *= SALAD_FACTOR
        reasons.append(f"scaled by {SALAD_FACTOR}: reads as a list of keywords, not an explanation")
    found = tuple(m for m in (find_misconception(index, mc) for mc in misconceptions) if m)
    for mistake in found:
        value -= mistake.penalty
        reasons.append(f"-{mistake.penalty:.2f}: asserts the misconception '{mistake.claim}'")
    value = min(1.0, max(0.0, value))
    return Score(value, verdict_for(value), coverage, results, found, tuple(reasons), hints_taken)
