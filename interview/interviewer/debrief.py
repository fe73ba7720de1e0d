"""The written debrief of a phone screen or onsite loop, in the style of an interview packet.

Per session: the signals seen and missed, each with the candidate's own words; the strongest and
weakest moments; a verdict with its reasons. Then the overall recommendation and three things to
practise next, each a drill. Built from a played round (live or from history) by pure functions;
`debrief_markdown` writes it out.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from statistics import fmean
from typing import Any

from interview.bank.model import Question
from interview.interviewer.probing import ProbeOutcome, adjust_for_probes, concepts_of, is_probe
from interview.interviewer.staged import grade_stages, is_staged_text
from interview.interviewer.template import stages_for
from interview.scoring import HIT, MISSED

QUOTE_CHARS = 160
WEAK_ANSWER = 0.75  # below this an answer's topic may be one of the things to practise
SESSION_VERDICTS = ((0.75, "strong hire"), (0.6, "hire"), (0.45, "lean no hire"), (0.0, "no hire"))
SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")
WORD = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True, slots=True)
class PlayedRound:
    """What a debrief reads: the round's kind and session names, and each answer with where it sat."""

    kind: str
    title: str
    session_names: tuple[str, ...]
    results: tuple[Any, ...]  # rounds.session.AttemptResult or the same fields
    session_of: Callable[[int], int]  # answer position -> session index
    parent_of: Callable[[int], int | None]  # answer position -> the position it follows up, if any


@dataclass(frozen=True, slots=True)
class Signal:
    concept: str
    question: str  # the question's prompt, shortened
    quote: str  # the candidate's own words ("" when there were none)
    required: bool
    probe: ProbeOutcome | None = None
    nearest: bool = True  # a missed concept's quote: the nearest the answer came (False: what it said instead)


@dataclass(frozen=True, slots=True)
class Moment:
    what: str  # "the answer to ..." or "stage 'Serving' of ..."
    score: float
    quote: str


@dataclass(frozen=True, slots=True)
class SessionDebrief:
    name: str
    score: float
    verdict: str
    reasons: tuple[str, ...]
    seen: tuple[Signal, ...]
    missed: tuple[Signal, ...]
    strongest: Moment | None
    weakest: Moment | None


@dataclass(frozen=True, slots=True)
class Practice:
    concept: str
    topic: str
    why: str
    drill: tuple[str, ...]  # question ids to drill, best first


@dataclass(frozen=True, slots=True)
class Debrief:
    kind: str
    title: str
    overall: float
    verdict: str
    reasons: tuple[str, ...]
    sessions: tuple[SessionDebrief, ...]
    practice: tuple[Practice, ...]


def shorten(text: str, limit: int = QUOTE_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def sentence_around(text: str, span: tuple[int, int] | None) -> str:
    """The sentence holding the evidence: a quote reads better than the matched words alone."""
    if not span:
        return ""
    start = max(text.rfind(mark, 0, span[0]) for mark in (".", "!", "?", "\n")) + 1
    ends = [i for i in (text.find(mark, span[1]) for mark in (".", "!", "?", "\n")) if i >= 0]
    end = min(ends) + 1 if ends else len(text)
    return shorten(text[start:end].strip().rstrip("\n"))


def _words(text: str) -> set[str]:
    return {w[:5] for w in WORD.findall(text.lower()) if len(w) > 3}  # a crude stem: enough to find the topic


def closest_sentence(text: str, question: Question, concept_name: str) -> str:
    """Where the answer came nearest a concept it missed: the sentence sharing most words with it."""
    concept = next((c for c in concepts_of(question) if c.name == concept_name), None)
    target = _words(concept_name + " " + " ".join(concept.phrases if concept else ()))
    best, best_overlap = "", 0
    for sentence in SENTENCE.findall(text):
        if sentence.lstrip().startswith("## "):
            continue  # a stage heading is not the candidate's words
        overlap = len(_words(sentence) & target)
        if overlap > best_overlap:
            best, best_overlap = sentence, overlap
    return shorten(best.strip()) if best else ""


def said_instead(result: Any, concept_name: str) -> str:
    """What the candidate said where the concept belonged: its stage's opening words, or the answer's."""
    text = result.answer
    question = result.question
    stages = stages_for(question)
    if is_staged_text(text, stages):
        staged = grade_stages(question, text)
        text = next((r.text for r in staged.stages if any(c.name == concept_name for c in r.stage.rubric)), "")
    first = [s for s in SENTENCE.findall(text) if s.strip() and not s.lstrip().startswith("## ")]
    return shorten(first[0].strip()) if first else ""


def _parts(result: Any) -> list[tuple[str, str, Any]]:
    """An answer as the debrief weighs it: each stage of a staged answer, or the answer whole."""
    question = result.question
    if is_staged_text(result.answer, stages_for(question)):
        staged = grade_stages(question, result.answer, result.hints)
        return [(f"stage '{r.stage.name}' of {shorten(question.prompt, 60)}", r.text, r.score) for r in staged.stages]
    return [(f"the answer to {shorten(question.prompt, 60)}", result.answer, result.score)]


def _session(name: str, results: list[Any], probes: dict[int, list[ProbeOutcome]], kind: str) -> SessionDebrief:
    seen: list[Signal] = []
    missed: list[Signal] = []
    moments: list[Moment] = []
    for result in results:
        prompt = shorten(result.question.prompt, 80)
        asked = {p.concept: p for p in probes.get(result.position, [])}
        for concept in () if result.skipped else result.score.concepts:  # a skip is one reason, not every concept
            if concept.verdict == MISSED:
                probe = asked.get(concept.concept)
                quote = closest_sentence(result.answer, result.question, concept.concept)
                instead = "" if quote else said_instead(result, concept.concept)
                missed.append(Signal(concept.concept, prompt, quote or instead, concept.required, probe, bool(quote)))
            elif concept.verdict == HIT or concept.credit >= 0.5:
                quote = sentence_around(result.answer, concept.span) or shorten(concept.matched_text)
                seen.append(Signal(concept.concept, prompt, quote, concept.required))
        for what, text, score in _parts(result):
            first = SENTENCE.findall(text)
            moments.append(Moment(what, score.value, shorten(first[0].strip()) if first else ""))
    missed.sort(key=lambda s: not s.required)  # what an interviewer insists on first
    score = fmean(r.score.value for r in results) if results else 0.0
    verdict = next(label for floor, label in SESSION_VERDICTS if score >= floor)
    reasons = [f"mean score {score:.2f} over {len(results)} answer{'s' if len(results) != 1 else ''}"]
    required_missed = [s.concept for s in missed if s.required]
    if required_missed:
        reasons.append("missed what an interviewer insists on: " + ", ".join(dict.fromkeys(required_missed)))
    recovered = [p for r in results for p in probes.get(r.position, []) if p.earned > 0]
    if recovered:
        reasons.append("recovered on a probe: " + ", ".join(p.concept for p in recovered) + " (half credit)")
    empty = [m.what for m in moments if not m.quote and m.what.startswith("stage")]
    if empty:
        reasons.append(f"{len(empty)} stage{'s' if len(empty) > 1 else ''} left empty")
    cut = sum(1 for r in results if getattr(r, "overtime", False))
    if cut:
        reasons.append(f"{cut} answer{'s' if cut > 1 else ''} cut off by the clock")
    skipped = sum(1 for r in results if r.skipped)
    if skipped:
        reasons.append(f"{skipped} question{'s' if skipped > 1 else ''} skipped")
    said = [m for m in moments if m.quote and m.score > 0]
    strongest = max(said, key=lambda m: m.score) if said else None  # a moment that scored nothing is not strong
    rest = [m for m in moments if m is not strongest]
    weakest = min(rest, key=lambda m: (m.score, bool(m.quote))) if rest else None  # an empty stage first
    if kind not in ("phone", "onsite"):
        verdict = "pass" if score >= 0.6 else "not yet"  # "hire" means nothing after a drill
    return SessionDebrief(name, score, verdict, tuple(reasons), tuple(seen), tuple(missed), strongest, weakest)


def _practice(sessions: Sequence[SessionDebrief], results: Sequence[Any], bank: Sequence[Question]) -> list[Practice]:
    """Three things: the missed concepts that cost most (required first), else the weakest answers' topics."""
    topic_of = {shorten(r.question.prompt, 80): r.question for r in results}
    chosen: list[Practice] = []
    taken: set[str] = set()
    candidates = [(s, session) for session in sessions for s in session.missed]
    candidates.sort(key=lambda pair: (not pair[0].required, pair[1].score))
    for signal, session in candidates:
        question = topic_of.get(signal.question)
        if question is None or signal.concept in taken:
            continue
        taken.add(signal.concept)
        why = f"missed in {session.name}" + (" (required)" if signal.required else "")
        chosen.append(Practice(signal.concept, question.topic, why, _drill_for(question, bank)))
        if len(chosen) == 3:
            return chosen
    for result in sorted(results, key=lambda r: r.score.value):
        if result.score.value >= WEAK_ANSWER or result.question.topic in {p.topic for p in chosen}:
            continue  # a strong answer is not something to practise
        why = f"scored {result.score.value:.2f}"
        chosen.append(
            Practice(
                result.question.subtopic.replace("-", " "),
                result.question.topic,
                why,
                _drill_for(result.question, bank),
            )
        )
        if len(chosen) == 3:
            break
    return chosen


def _drill_for(question: Question, bank: Sequence[Question], size: int = 5) -> tuple[str, ...]:
    """The question again, then others on its subtopic, then its area: what a drill on it asks."""
    same_topic = [q.full_id for q in bank if q.topic == question.topic and q.full_id != question.full_id]
    same_area = [q.full_id for q in bank if q.area == question.area and q.topic != question.topic]
    return tuple(dict.fromkeys([question.full_id, *same_topic, *same_area]))[:size]


def build_debrief(played: PlayedRound, bank: Sequence[Question] = ()) -> Debrief:
    adjusted, probes = adjust_for_probes(list(played.results), played.parent_of)
    by_session: dict[int, list[Any]] = {}
    for result in adjusted:
        by_session.setdefault(played.session_of(result.position), []).append(result)
    sessions = tuple(
        _session(
            played.session_names[i] if i < len(played.session_names) else f"session {i + 1}", rs, probes, played.kind
        )
        for i, rs in sorted(by_session.items())
    )
    overall = fmean(r.score.value for r in adjusted) if adjusted else 0.0
    verdict = next(label for floor, label in SESSION_VERDICTS if overall >= floor)
    plural = "s" if len(sessions) != 1 else ""
    answers = f"{len(adjusted)} answer{'s' if len(adjusted) != 1 else ''}"
    reasons = [f"mean score {overall:.2f} over {answers} in {len(sessions)} session{plural}"]
    weak = [s.name for s in sessions if s.score < 0.45] if len(sessions) > 1 else []
    if weak and verdict in ("strong hire", "hire"):
        verdict = "lean no hire" if len(weak) > 1 else "hire"
    reasons += [f"{name} was weak (below 0.45): one weak session often sinks a loop" for name in weak]
    strong = [s.name for s in sessions if s.score >= 0.75]
    if strong and len(sessions) > 1:
        reasons.append("strong in " + ", ".join(strong))
    if played.kind not in ("phone", "onsite"):
        verdict = "pass" if overall >= 0.6 else "not yet"
    practice = tuple(_practice(sessions, adjusted, bank))
    return Debrief(played.kind, played.title, overall, verdict, tuple(reasons), sessions, practice)


def played_from_session(session: Any) -> PlayedRound:
    """A live RoundSession as a PlayedRound."""
    items = list(session.items)
    return PlayedRound(
        session.spec.kind,
        session.spec.title,
        tuple(s.name for s in session.spec.stages),
        tuple(session.results),
        lambda p: items[p].stage if p < len(items) else 0,
        lambda p: items[p].follow_up_of if p < len(items) and is_probe(items[p].question) else None,
    )
