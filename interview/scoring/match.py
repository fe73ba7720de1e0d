"""Finding a phrase in an answer, fuzzily and explainably.

A phrase matches when its content words appear close together within one sentence of the answer,
in any order. Words match by stem (overfit ~ overfitting), by joined spelling (k-means ~ kmeans),
or, for longer words without digits, by typo-tolerant similarity (rapidfuzz). Short tokens and
tokens with digits must match exactly: SVM is not SVD, L1 is not L2, AUC is not AIC.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import OSA

from interview.scoring.normalize import STOPWORDS, VERDICT_WORDS, Token, has_digit, tokenize

FUZZY_MIN_LENGTH = 6  # shorter words (and acronyms) must match exactly
LONG_WORD = 12  # words this long may have two slips; shorter ones one
PARTIAL_COVERAGE = 0.5  # share of a phrase's words that makes a partial match
MAX_GAP = 3  # extra words allowed inside a matched phrase


@dataclass(frozen=True, slots=True)
class PhraseWord:
    norm: str
    stem: str
    fuzzy: bool
    weak: bool = False  # a function word or a single letter: part of a phrase, never evidence alone


@dataclass(frozen=True, slots=True)
class PreparedPhrase:
    text: str
    words: tuple[PhraseWord, ...]  # content words (all words when the phrase is only stopwords)
    joined: str  # words run together: "k means" -> "kmeans"
    negations: int  # negation words inside the phrase itself


ARTICLES = frozenset({"a", "an", "the"})
CLAUSE_BREAK = re.compile(r"[,;]")
_COPULA = frozenset({"is", "are", "was", "were", "be", "been"})
# Function words that carry the meaning of a short phrase: "before grouping" is not "after grouping",
# "off-policy" is not "policy", "per class" is not "class".
_MEANINGFUL = frozenset(
    """
before after above below under over off out up down all once where having per by same one both each every
few more most less only even too than between against during until first last he
""".split()
)
# Single letters that are words of their own in a phrase ("k means", "E-step", "p value", "t test").
_LETTER_WORDS = frozenset("bcdefghjklmnpqrstuvwxyz")


@lru_cache(maxsize=32768)
def prepare_phrase(text: str) -> PreparedPhrase:
    """A phrase's words to look for: content words, negations ("not", "no_grad") and single letters.

    When dropping function words would leave less than half of a longer phrase ("one at a time"),
    only articles are dropped, so the phrase keeps its meaning.
    """
    tokens = tokenize(text)
    keep = _MEANINGFUL if len(tokens) <= 4 else frozenset()
    content = [t for t in tokens if not t.stop or t.negation or t.norm in _LETTER_WORDS or t.norm in keep]
    if len(tokens) >= 3 and len(content) * 2 < len(tokens):
        content = [t for t in tokens if t.norm not in ARTICLES]
    content = content or tokens
    words = tuple(
        PhraseWord(
            t.norm,
            t.stem,
            len(t.norm) >= FUZZY_MIN_LENGTH and not has_digit(t.norm),
            t.stop or t.negation or len(t.norm) == 1,
        )
        for t in content
    )
    joined = "".join(t.norm for t in tokens)
    return PreparedPhrase(text, words, joined, sum(1 for t in tokens if t.negation))


@dataclass(frozen=True, slots=True)
class PhraseMatch:
    phrase: str
    coverage: float  # share of the phrase's words found together
    similarity: float  # mean similarity of the words found, 0-100
    start: int  # span in the original answer
    end: int
    first_token: int
    last_token: int


class AnswerIndex:
    """An answer tokenised once and indexed for fast phrase look-ups."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens: list[Token] = tokenize(text)
        self.by_stem: dict[str, list[int]] = {}
        self.by_norm: dict[str, list[int]] = {}
        for i, token in enumerate(self.tokens):
            self.by_stem.setdefault(token.stem, []).append(i)
            self.by_norm.setdefault(token.norm, []).append(i)
        # adjacent pairs run together, so "k means" in an answer matches the phrase "kmeans"
        self.joined_pairs: dict[str, list[int]] = {}
        for i in range(len(self.tokens) - 1):
            a, b = self.tokens[i], self.tokens[i + 1]
            if a.sentence == b.sentence and not a.stop and not b.stop:
                self.joined_pairs.setdefault(a.norm + b.norm, []).append(i)
        self._fuzzy_vocab = [w for w in self.by_norm if len(w) >= FUZZY_MIN_LENGTH - 1 and not has_digit(w)]
        self._word_cache: dict[PhraseWord, list[tuple[int, float]]] = {}

    def occurrences(self, word: PhraseWord) -> list[tuple[int, float]]:
        """Token positions where `word` appears, each with its similarity (100 = exact)."""
        cached = self._word_cache.get(word)
        if cached is not None:
            return cached
        found = {i: 100.0 for i in self.by_stem.get(word.stem, ())}
        for i in self.by_norm.get(word.norm, ()):
            found[i] = 100.0
        if word.fuzzy and self._fuzzy_vocab:
            # optimal string alignment: a swap (varaince) is one slip, as a person would count it
            slips = 2 if len(word.norm) >= LONG_WORD else 1
            for candidate, distance, _ in process.extract(
                word.norm, self._fuzzy_vocab, scorer=OSA.distance, score_cutoff=slips, limit=None
            ):
                if candidate[0] != word.norm[0] or abs(len(candidate) - len(word.norm)) > 1:
                    # a slip keeps the first letter and the length: border/order, engine/engineer are other words
                    continue
                similarity = round(100 * (1 - distance / max(len(candidate), len(word.norm))), 1)
                for i in self.by_norm[candidate]:
                    found.setdefault(i, similarity)
        result = sorted(found.items())
        self._word_cache[word] = result
        return result

    def find(self, phrase: PreparedPhrase) -> PhraseMatch | None:
        """The best place in the answer for `phrase`, or None when too little of it is there."""
        words = phrase.words
        if not words:
            return None
        joined = self._find_joined(phrase)  # "k-means" ~ "kmeans" ~ "k means", either way round
        if joined:
            return joined
        hits = [(i, j, sim) for j, word in enumerate(words) for i, sim in self.occurrences(word)]
        if not hits:
            return None
        if len(words) == 1:
            i, _, sim = max(hits, key=lambda h: (h[2], -h[0]))
            return self._match(phrase, 1.0, sim, i, i)
        return self._best_window(phrase, sorted(hits))

    def find_in_order(self, phrase: PreparedPhrase) -> PhraseMatch | None:
        """All of the phrase's words, in its order, within one sentence and a few words' gap.

        Claims need their order: "regularization reduces bias" is not "bias reduces regularization".
        """
        words = phrase.words
        if not words:
            return None
        if len(words) == 1:
            return self.find(phrase)
        joined = self._find_joined(phrase)
        if joined:
            return joined
        occurrences = [dict(self.occurrences(word)) for word in words]
        span_limit = len(words) + MAX_GAP
        for first in sorted(occurrences[0]):
            sentence = self.tokens[first].sentence
            chosen, position = [first], first
            for table in occurrences[1:]:
                following = [
                    i for i in table if position < i < first + span_limit and self.tokens[i].sentence == sentence
                ]
                if not following:
                    break
                position = min(following)
                chosen.append(position)
            else:
                similarity = sum(occurrences[j][i] for j, i in enumerate(chosen)) / len(chosen)
                return self._match(phrase, 1.0, similarity, first, chosen[-1])
        return None

    def _find_joined(self, phrase: PreparedPhrase) -> PhraseMatch | None:
        key = phrase.joined
        if len(key) < 3 or key in STOPWORDS:  # "O(n)" runs together to "on", which is not evidence
            return None
        if key in self.by_norm:  # phrase "k-means", answer "kmeans"
            i = self.by_norm[key][0]
            return self._match(phrase, 1.0, 100.0, i, i)
        if key in self.joined_pairs:  # phrase "kmeans", answer "k means"
            i = self.joined_pairs[key][0]
            return self._match(phrase, 1.0, 100.0, i, i + 1)
        return None

    def _best_window(self, phrase: PreparedPhrase, hits: list[tuple[int, int, float]]) -> PhraseMatch | None:
        """Slide over occurrences; keep the window within one sentence covering most phrase words."""
        size = len(phrase.words)
        span_limit = size + MAX_GAP
        best: tuple[float, float, int, int] | None = None  # coverage, similarity, first, last
        tokens = self.tokens
        for a in range(len(hits)):
            first, _, _ = hits[a]
            sentence = tokens[first].sentence
            seen: dict[int, tuple[float, int]] = {}
            claimed: set[int] = set()  # one answer word fills one phrase word: "level by level" needs two
            for b in range(a, len(hits)):
                i, j, sim = hits[b]
                if i - first >= span_limit or tokens[i].sentence != sentence:
                    break
                if j not in seen and i not in claimed:
                    seen[j] = (sim, i)
                    claimed.add(i)
            if not seen:
                continue
            if all(phrase.words[j].weak for j in seen):
                if len(seen) < size:
                    continue  # "once" alone is no evidence of "at least once"
                last_i = max(claimed)
                if any(not tokens[k].stop for k in range(first, last_i + 1) if k not in claimed):
                    continue  # "one vs all" must be a run: "one model on all" is not it
            coverage = len(seen) / size
            similarity = sum(s for s, _ in seen.values()) / len(seen)
            last = max(i for _, i in seen.values())
            candidate = (coverage, similarity, first, last)
            if best is None or candidate[:2] > best[:2]:
                best = candidate
            if coverage == 1.0 and similarity == 100.0:
                break
        if best is None:
            return None
        coverage, similarity, first, last = best
        if coverage < PARTIAL_COVERAGE:
            return None
        return self._match(phrase, coverage, similarity, first, last)

    def _match(self, phrase: PreparedPhrase, coverage: float, similarity: float, first: int, last: int) -> PhraseMatch:
        return PhraseMatch(
            phrase.text, coverage, round(similarity, 1), self.tokens[first].start, self.tokens[last].end, first, last
        )

    def negated(self, match: PhraseMatch, phrase: PreparedPhrase, lookback: int = 4) -> bool:
        """Whether the clause around a match denies it ("does not reduce bias", "a myth that ...").

        Negations inside the phrase itself cancel out, so a misconception written as
        "X does not help" is asserted by "X does not help" and denied by "X does help". The look
        stops at a comma or semicolon: "if it isn't normal, use a test that compares means" does
        not deny the second clause.
        """
        tokens = self.tokens
        start = match.first_token
        while (
            start > 0
            and match.first_token - start < lookback
            and tokens[start - 1].sentence == tokens[start].sentence
            and not CLAUSE_BREAK.search(self.text, tokens[start - 1].end, tokens[start].start)
        ):
            start -= 1
        window = tokens[start : match.last_token + 1]
        count = sum(1 for t in window if t.negation) + sum(
            1 for t in window[: match.first_token - start] if t.norm in VERDICT_WORDS
        )
        end = match.last_token
        while (
            end + 1 < len(tokens)
            and end - match.last_token < lookback
            and tokens[end + 1].sentence == tokens[end].sentence
        ):
            end += 1
            if tokens[end].norm in VERDICT_WORDS and tokens[end - 1].norm in _COPULA:  # "..., which is false"
                count += 1
                break
        return (count - phrase.negations) % 2 == 1
