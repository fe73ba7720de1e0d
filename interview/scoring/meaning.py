"""Word meaning for soft matches: the equivalence lexicon and a general word-frequency list.

Soft matching is by the hand-written lexicon in `equivalents.py`. Word vectors were measured
as a second source and left out: GloVe (6B, 50d, packaged in a wheel) and WordLlama put
antonyms and look-alike acronyms side by side (increase ~ decrease 0.89, SVM ~ SVD 0.92), and at
thresholds safe from that they did not move agreement with human grades (see docs/scoring.md).

`common_words.txt` ranks the most frequent English words: a common word ("pass", "model",
"have") says little on its own, so it weighs less in a phrase and never carries one alone.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from pathlib import Path

from interview.scoring.equivalents import OPPOSITES, PHRASE_GROUPS, WORD_GROUPS
from interview.scoring.normalize import normalize_word

COMMON_WORDS = Path(__file__).with_name("common_words.txt")
MIN_INFORMATIVENESS = 0.3  # the weight of the most common word beside a rare one (1.0)


@lru_cache(maxsize=1)
def _common_rank() -> dict[str, int]:
    words = [w for w in COMMON_WORDS.read_text(encoding="utf-8").splitlines() if w and not w.startswith("#")]
    return {word: rank for rank, word in enumerate(words, start=1)}


def informativeness(word: str) -> float:
    """How much a word says on its own: 1.0 for any word outside the common list, less the more common."""
    ranks = _common_rank()
    rank = ranks.get(word)
    if rank is None:
        return 1.0
    return max(MIN_INFORMATIVENESS, math.log(rank + 1) / math.log(len(ranks) + 1))


def is_common(word: str) -> bool:
    return word in _common_rank()


def _stem(word: str) -> str:
    return normalize_word(word)[1]


@lru_cache(maxsize=1)
def _word_equivalents() -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    for group in WORD_GROUPS:
        stems = {_stem(w) for w in group}
        for stem in stems:
            table.setdefault(stem, set()).update(stems - {stem})
    return {stem: frozenset(others) for stem, others in table.items()}


def equivalent_stems(stem: str) -> frozenset[str]:
    """Stems the lexicon says mean the same as `stem`, never one of its opposites."""
    return frozenset(s for s in _word_equivalents().get(stem, frozenset()) if not opposite(stem, s))


@lru_cache(maxsize=1)
def _opposites() -> frozenset[tuple[str, str]]:
    pairs = set()
    for a, b in OPPOSITES:
        pairs.add((_stem(a), _stem(b)))
        pairs.add((_stem(b), _stem(a)))
    return frozenset(pairs)


def opposite(stem_a: str, stem_b: str) -> bool:
    return (stem_a, stem_b) in _opposites()


@lru_cache(maxsize=1)
def _phrase_table() -> dict[str, tuple[str, ...]]:
    from interview.scoring.lexicon import plain

    table: dict[str, tuple[str, ...]] = {}
    for group in PHRASE_GROUPS:
        for phrase in group:
            table[plain(phrase)] = tuple(p for p in group if p != phrase)
    return table


@lru_cache(maxsize=32768)
def phrase_equivalents(phrase: str) -> tuple[str, ...]:
    """Other ways of saying `phrase`, or a part of it, that the lexicon knows."""
    from interview.scoring.lexicon import plain

    text = plain(phrase)
    found: list[str] = []
    for known, others in _phrase_table().items():
        if known == text:
            found += others
        elif " " in known and re.search(rf"\b{re.escape(known)}\b", text):
            found += [re.sub(rf"\b{re.escape(known)}\b", plain(other), text) for other in others]
    return tuple(dict.fromkeys(f for f in found if f != text))
