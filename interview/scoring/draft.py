"""Drafting a rubric from a model answer, for questions that come without one.

Key phrases are the runs of content words between function words and punctuation (the idea
behind RAKE). Each becomes a concept whose phrase is the run itself plus obvious variants
(abbreviations, a few synonyms). Words that merely repeat the question are demoted: saying
"gradient descent" back to "what is gradient descent?" shows nothing. Short reference answers
("A variable that holds the address of another variable") keep every key word; long ones keep
the highest-scoring phrases, in the order they appear.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from interview.bank.model import Concept
from interview.scoring.lexicon import GENERIC, abbreviation_variants, synonyms
from interview.scoring.normalize import Token, has_digit, tokenize

MAX_CONCEPTS = 8
MAX_WORDS_PER_PHRASE = 3
MAX_PHRASES = 6
BREAKS = re.compile(r"[,()\[\]{}\"“”/–—]|\s-\s")
DEMOTED_WEIGHT = 0.25
SHORT_ANSWER_WORDS = 20  # content words; an answer key this short gets synonym variants


@dataclass
class _Chunk:
    tokens: list[Token]
    score: float = 0.0
    count: int = 1
    key: frozenset[str] = field(default_factory=frozenset)


def _split_question_words(run: list[Token], question: set[str]) -> list[list[Token]]:
    """Cut off a leading or trailing run of 2+ words that repeat the question ("gradient descent | follows")."""
    inside = [t.stem in question for t in run]
    for cut in range(len(run) - 1, 1, -1):  # longest repeated prefix first
        if all(inside[:cut]):
            return [run[:cut], *_split_question_words(run[cut:], question)]
    for cut in range(1, len(run) - 1):
        if all(inside[cut:]):
            return [run[:cut], run[cut:]]
    return [run]


def _chunks(text: str, tokens: list[Token], question: set[str]) -> list[list[Token]]:
    runs: list[list[Token]] = []
    current: list[Token] = []
    for token in tokens:
        broken = bool(current) and (
            token.sentence != current[-1].sentence or BREAKS.search(text, current[-1].end, token.start) is not None
        )
        if token.stop or token.negation or broken:
            if current:
                runs.append(current)
            current = [] if (token.stop or token.negation) else [token]
            continue
        current.append(token)
    if current:
        runs.append(current)
    runs = [part for run in runs for part in _split_question_words(run, question)]
    pieces: list[list[Token]] = []
    for run in runs:  # long runs become pieces of at most three words; a lone tail joins the one before
        run_pieces = [run[i : i + MAX_WORDS_PER_PHRASE] for i in range(0, len(run), MAX_WORDS_PER_PHRASE)]
        if len(run_pieces) > 1 and len(run_pieces[-1]) == 1:
            tail = run_pieces.pop()
            run_pieces[-1] = run_pieces[-1] + tail
        pieces += run_pieces
    return pieces


def _word_score(text: str, token: Token, question: set[str]) -> float:
    surface = text[token.start : token.end]
    score = 1.0
    if len(token.norm) >= 7:
        score += 0.5
    if has_digit(token.norm) or (surface.isupper() and len(surface) >= 2):
        score += 1.0
    if token.norm in GENERIC:
        score *= 0.3
    if token.stem in question:
        score *= DEMOTED_WEIGHT
    return score


def _variants(surface: str, tokens: list[Token], short_answer: bool) -> list[str]:
    phrases = [surface]
    phrases += abbreviation_variants(surface)
    # synonyms help most with one-line answer keys; in a long answer a word's other senses creep in
    if short_answer and len(tokens) <= 2:
        for position, token in enumerate(tokens):
            for synonym in synonyms(token.norm):
                words = [t.norm for t in tokens]
                words[position] = synonym
                phrases.append(" ".join(words))
    return list(dict.fromkeys(phrases))[:MAX_PHRASES]


def draft_rubric(model_answer: str, prompt: str = "") -> tuple[Concept, ...]:
    """A rubric whose concepts are the key phrases of `model_answer`."""
    tokens = tokenize(model_answer)
    short_answer = sum(1 for t in tokens if not t.stop) <= SHORT_ANSWER_WORDS
    question = {t.stem for t in tokenize(prompt) if not t.stop}
    merged: dict[frozenset[str], _Chunk] = {}
    for piece in _chunks(model_answer, tokens, question):
        key = frozenset(t.stem for t in piece)
        score = sum(_word_score(model_answer, t, question) for t in piece) / len(piece) ** 0.5
        if key in merged:
            merged[key].count += 1
            merged[key].score += 0.5 * score
        else:
            merged[key] = _Chunk(piece, score, key=key)
    # a lone letter ("x" of "{x: y}") can never be evidence on its own, so it makes no concept
    chunks = [c for c in merged.values() if not all(len(t.norm) == 1 and not t.norm.isdigit() for t in c.tokens)]
    if not chunks:
        return ()
    # informative phrases first; generic ones only fill what is left, so short answers keep them
    ranked = sorted(chunks, key=lambda c: (all(t.norm in GENERIC or t.stem in question for t in c.tokens), -c.score))
    chosen: list[_Chunk] = []
    for chunk in ranked:  # a chunk whose words a chosen concept already covers adds nothing
        if any(chunk.key <= other.key for other in chosen):
            continue
        chosen.append(chunk)
        if len(chosen) == MAX_CONCEPTS:
            break
    chosen.sort(key=lambda c: c.tokens[0].start)
    concepts = []
    for chunk in chosen:
        surface = model_answer[chunk.tokens[0].start : chunk.tokens[-1].end]
        surface = re.sub(r"\s+", " ", surface)
        repeats_question = all(t.stem in question for t in chunk.tokens)
        generic = all(t.norm in GENERIC or t.stem in question for t in chunk.tokens)
        weight = DEMOTED_WEIGHT if repeats_question else 0.5 if generic else (1.5 if chunk.score >= 2.0 else 1.0)
        concepts.append(
            Concept(
                name=surface.casefold(), phrases=tuple(_variants(surface, chunk.tokens, short_answer)), weight=weight
            )
        )
    return tuple(concepts)


def rubric_yaml(concepts: tuple[Concept, ...]) -> str:
    """The drafted rubric as YAML a coach can paste into a pack and refine."""
    import json

    lines = ["rubric:"]
    for concept in concepts:
        lines.append(f"  - concept: {json.dumps(concept.name, ensure_ascii=False)}")
        lines.append("    phrases: [" + ", ".join(json.dumps(p, ensure_ascii=False) for p in concept.phrases) + "]")
        if concept.weight != 1.0:
            lines.append(f"    weight: {concept.weight:g}")
    return "\n".join(lines) + "\n"
