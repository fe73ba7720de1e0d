"""Finding a phrase in an answer, fuzzily and explainably.

A phrase matches when its content words appear close together within one sentence of the answer,
in any order. Words match by stem (overfit ~ overfitting), by joined spelling (k-means ~ kmeans),
or, for longer words without digits, by typo-tolerant similarity (rapidfuzz). Short tokens and
tokens with digits must match exactly: SVM is not SVD, L1 is not L2, AUC is not AIC.

A phrase word may also be matched softly, by an answer word that the equivalence lexicon says
means the same (grow ~ increase), never by an opposite (increase ~ decrease). A soft match is
evidence "in other words", shown as such. Words inside a hedge ("I'm not sure what X is", "I
don't know X") are no evidence at all.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import OSA

from interview.scoring import meaning
from interview.scoring.normalize import STOP_STEMS, STOPWORDS, VERDICT_WORDS, Token, has_digit, tokenize

FUZZY_MIN_LENGTH = 6  # shorter words (and acronyms) must match exactly
LONG_WORD = 12  # words this long may have two slips; shorter ones one
PARTIAL_COVERAGE = 0.5  # share of a phrase's words that makes a partial match
MAX_GAP = 3  # extra words allowed inside a matched phrase
# Soft matches. Fitted on graded answers by bench/calibrate.py; see docs/scoring.md.
LEXICON_SIMILARITY = 90.0  # the similarity shown for a lexicon equivalent
SOFT_CREDIT = 1.0  # what a softly matched word is worth beside the phrase's own word
# Clauses in which the candidate says they do not know: "not sure", "no idea", "don't know X".
HEDGE_VERBS = frozenset(
    {"sure", "know", "idea", "clue", "rememb", "recal", "recollect", "familiar", "certain", "studi", "understand"}
    | {"heard", "learn", "cover", "seen"}
)
HEDGE_WORDS = frozenset({"idk", "dunno", "forgot", "forget", "unsur", "clueless", "pass", "skip"})


@dataclass(frozen=True, slots=True)
class PhraseWord:
    norm: str
    stem: str
    fuzzy: bool
    weak: bool = False  # a function word or a single letter: part of a phrase, never evidence alone
    weight: float = 1.0  # how informative the word is: rare words say more than common ones
    negation_word: bool = False  # "without", "non": a part of the phrase without it means the opposite


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
            # "must-haves" leaves "haves": a function word in another form is no evidence either
            t.stop or t.negation or (len(t.norm) == 1 and not t.norm.isdigit()) or t.stem in STOP_STEMS,
            0.3 if t.stop or t.negation else meaning.informativeness(t.norm),
            t.negation or t.norm in ("non", "un", "anti"),
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
    credit: float = 1.0  # the share of the phrase's information found, soft matches discounted
    soft: bool = False  # at least one word was matched in other words


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
        self._word_cache: dict[tuple[PhraseWord, bool], list[tuple[int, float]]] = {}
        self.soft_positions: dict[PhraseWord, set[int]] = {}
        self.hedged = self._hedged_positions()

    def _hedged_positions(self) -> frozenset[int]:
        """Tokens in a clause where the candidate says they don't know: "not sure", "no idea what X is".

        A hedge is the speaker's own ("I have not studied this"): "it never learns" is a claim.
        """
        tokens, text = self.tokens, self.text
        hedged: set[int] = set()
        clause: list[int] = []
        is_hedge = first_person = False
        for i, token in enumerate(tokens):
            if clause and (
                token.sentence != tokens[i - 1].sentence
                or CLAUSE_BREAK.search(text, tokens[i - 1].end, token.start) is not None
            ):
                if is_hedge:
                    hedged.update(clause)
                clause, is_hedge, first_person = [], False, False
            clause.append(i)
            first_person |= token.norm in ("i", "me", "my")
            if token.stem in HEDGE_WORDS and (len(tokens) <= 3 or token.stem not in ("pass", "skip")):
                is_hedge = True
            elif (
                token.stem in HEDGE_VERBS
                and (first_person or token.stem in ("sure", "idea", "clue"))
                and any(tokens[k].negation or tokens[k].norm == "never" for k in range(max(clause[0], i - 3), i))
            ):
                is_hedge = True
        if is_hedge:
            hedged.update(clause)
        return frozenset(hedged)

    def occurrences(self, word: PhraseWord, soft: bool = True) -> list[tuple[int, float]]:
        """Token positions where `word` appears, each with its similarity (100 = exact).

        With `soft`, also the words that say the same in other words (their positions are kept
        in `soft_positions`). Hedged words ("I don't know what X is") never count.
        """
        key = (word, soft)
        cached = self._word_cache.get(key)
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
        if soft and not word.weak and not has_digit(word.norm) and len(word.norm) >= 3:
            softly = self._soft_occurrences(word, found)
            if softly:
                self.soft_positions[word] = set(softly)
                for i, similarity in softly.items():
                    found.setdefault(i, similarity)
        result = sorted((i, sim) for i, sim in found.items() if i not in self.hedged)
        self._word_cache[key] = result
        return result

    def _soft_occurrences(self, word: PhraseWord, exact: dict[int, float]) -> dict[int, float]:
        """Answer words the lexicon says mean what `word` means (grow ~ increase), never its opposites."""
        return {
            i: LEXICON_SIMILARITY
            for stem in meaning.equivalent_stems(word.stem)
            for i in self.by_stem.get(stem, ())
            if i not in exact
        }

    def find(self, phrase: PreparedPhrase, soft: bool = True) -> PhraseMatch | None:
        """The best place in the answer for `phrase`, or None when too little of it is there."""
        words = phrase.words
        if not words:
            return None
        joined = self._find_joined(phrase)  # "k-means" ~ "kmeans" ~ "k means", either way round
        if joined:
            return joined
        hits = [(i, j, sim) for j, word in enumerate(words) for i, sim in self.occurrences(word, soft)]
        if not hits:
            return None
        if len(words) == 1:
            if words[0].weak:
                return None  # a phrase that is only a function word ("have") is no evidence
            i, _, sim = max(hits, key=lambda h: (h[2], -h[0]))
            is_soft = i in self.soft_positions.get(words[0], ())
            return self._match(phrase, 1.0, sim, i, i, SOFT_CREDIT if is_soft else 1.0, is_soft)
        return self._best_window(phrase, sorted(hits))

    def find_in_order(self, phrase: PreparedPhrase) -> PhraseMatch | None:
        """All of the phrase's words, in its order, within one sentence and a few words' gap.

        Claims need their order: "regularization reduces bias" is not "bias reduces regularization".
        """
        words = phrase.words
        if not words:
            return None
        if len(words) == 1:
            return self.find(phrase, soft=False)
        joined = self._find_joined(phrase)
        if joined:
            return joined
        occurrences = [dict(self.occurrences(word, soft=False)) for word in words]
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
        best: tuple[float, float, float, int, int, bool] | None = (
            None  # credit, coverage, similarity, first, last, soft
        )
        total_weight = sum(w.weight for w in phrase.words)
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
            if len(seen) < size and all(j == size - 1 for j in seen) and meaning.is_common(phrase.words[-1].norm):
                continue  # the common head of a compound says little alone: "forward pass" needs "forward"
            softly = {j for j, (_, i) in seen.items() if i in self.soft_positions.get(phrase.words[j], ())}
            if len(seen) < size and not self._partial_is_evidence(phrase, seen.keys(), softly):
                continue
            credit = sum(phrase.words[j].weight * (SOFT_CREDIT if j in softly else 1.0) for j in seen) / total_weight
            coverage = len(seen) / size
            similarity = sum(s for s, _ in seen.values()) / len(seen)
            last = max(i for _, i in seen.values())
            candidate = (credit, coverage, similarity, first, last, bool(softly))
            if best is None or candidate[:3] > best[:3]:
                best = candidate
            if coverage == 1.0 and similarity == 100.0:
                break
        if best is None:
            return None
        credit, coverage, similarity, first, last, is_soft = best
        if coverage < PARTIAL_COVERAGE:
            return None
        return self._match(phrase, coverage, similarity, first, last, credit, is_soft)

    @staticmethod
    def _partial_is_evidence(phrase: PreparedPhrase, found: Iterable[int], softly: set[int]) -> bool:
        """Whether part of a phrase still says part of its idea.

        Not when the part leaves out the phrase's negation ("labels" is the opposite of "without
        labels", "linear" of "non-linear"), nor when all of it is said in other words: half a phrase
        by synonyms alone is too far from what the rubric asks. (Also refusing parts made of common
        words was measured: dev-set Pearson fell from 0.83 to 0.79, so common words keep their say.)
        """
        found = set(found)
        if any(w.negation_word and j not in found for j, w in enumerate(phrase.words)):
            return False
        return any(j not in softly for j in found)

    def _match(
        self,
        phrase: PreparedPhrase,
        coverage: float,
        similarity: float,
        first: int,
        last: int,
        credit: float = 1.0,
        soft: bool = False,
    ) -> PhraseMatch:
        return PhraseMatch(
            phrase.text,
            coverage,
            round(similarity, 1),
            self.tokens[first].start,
            self.tokens[last].end,
            first,
            last,
            credit,
            soft,
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
