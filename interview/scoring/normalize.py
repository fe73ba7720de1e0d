"""Text normalisation that keeps offsets into the original answer.

An answer is split into tokens; each token keeps its character span in the original text (for
highlighting evidence) and gets a normalised form (NFKC, case-folded, American spelling) and a
stem (word forms: overfit, overfits, overfitting). Sentence numbers let phrases match only within
one sentence.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import Stemmer

# A token is a number (3.5, 1,000, 95%) or a run of letters/digits, apostrophes inside (don't).
TOKEN = re.compile(r"\d+(?:[.,/]\d+)*%?|[^\W_]+(?:['’][^\W_]+)*")
# A single newline is only a wrapped line (YAML block scalars, pasted text); a blank line ends a sentence.
SENTENCE_BREAK = re.compile(r"[.!?;:](?=\s|$)|\n[ \t]*\n")

NEGATIONS = frozenset(
    {
        "not",
        "no",
        "never",
        "none",
        "nor",
        "neither",
        "nothing",
        "cannot",
        "without",
        "hardly",
        "doesn't",
        "don't",
        "isn't",
        "aren't",
        "wasn't",
        "weren't",
        "won't",
        "wouldn't",
        "can't",
        "couldn't",
        "shouldn't",
        "didn't",
        "hasn't",
        "haven't",
        "hadn't",
        "mustn't",
    }
)
# Words that judge a claim ("a myth that ...", "... which is false"). Not negations inside a
# phrase: "false positive" and "the wrong class" are ordinary ML talk.
VERDICT_WORDS = frozenset(
    {"myth", "false", "wrong", "incorrect", "untrue", "misconception", "wrongly", "mistakenly", "incorrectly"}
    | {"erroneously", "misread", "misreads"}
)

STOPWORDS = frozenset(
    """
a about above after again against all also am an and another any are as at be because been before being
below between both but by can could did do does doing down during each few for from further had has
have having he her here hers herself him himself his how i if in into is it its itself just let me
more most my myself of off on once only or other our ours ourselves out over own same she should so
some such than that the their theirs them themselves then there these they this those through to too
under until up very was we were what when where which while who whom why will with would you your
yours yourself yourselves s t ll re ve d m o y etc eg ie e g i.e e.g thing things something really
basically actually like kind sort lot lots much many well way ways get gets got one may might must
shall us use used using uses make makes made let lets versus vs across among amongst per via upon
onto beyond toward towards along around behind beside besides despite inside outside since though
although unless whereas yet either even ever every still already whether within without against
""".split()
) - {"not", "no", "nor", "without"}

# British spellings that are not -ise/-isation, mapped to American; -ise forms are handled by rule.
SPELLING = {
    "behaviour": "behavior",
    "behaviours": "behaviors",
    "colour": "color",
    "colours": "colors",
    "favour": "favor",
    "favourite": "favorite",
    "neighbour": "neighbor",
    "neighbours": "neighbors",
    "neighbourhood": "neighborhood",
    "centre": "center",
    "centres": "centers",
    "centred": "centered",
    "metre": "meter",
    "litre": "liter",
    "fibre": "fiber",
    "analyse": "analyze",
    "analysed": "analyzed",
    "analyses": "analyzes",
    "analysing": "analyzing",
    "catalogue": "catalog",
    "dialogue": "dialog",
    "defence": "defense",
    "licence": "license",
    "offence": "offense",
    "grey": "gray",
    "programme": "program",
    "modelling": "modeling",
    "modelled": "modeled",
    "labelling": "labeling",
    "labelled": "labeled",
    "travelling": "traveling",
    "cancelled": "canceled",
    "cancelling": "canceling",
    "signalling": "signaling",
    "tunnelling": "tunneling",
    "levelling": "leveling",
    "fuelling": "fueling",
    "counselling": "counseling",
    "judgement": "judgment",
    "acknowledgement": "acknowledgment",
    "ageing": "aging",
    "artefact": "artifact",
    "artefacts": "artifacts",
    "sceptical": "skeptical",
    "towards": "toward",
    "whilst": "while",
    "amongst": "among",
    "learnt": "learned",
    "optimisation": "optimization",
}

_ISE = re.compile(r"is(e|es|ed|ing|ation|ations|er|ers)$")
# Words that end in -ise and are spelled so in American English too.
_ISE_WORDS = frozenset(
    """
advise advertise apprise arise chastise circumcise comprise compromise concise demise despise devise
disguise enterprise excise exercise expertise franchise improvise incise merchandise noise otherwise
paradise poise porpoise praise precise premise promise raise reprise revise rise supervise surmise
surprise televise tortoise treatise turquoise wise likewise clockwise pairwise elementwise pointwise
stepwise cruise bruise appraise expertise anise concise
""".split()
)
_IZE_FAMILY = re.compile(r"iz(e|es|ed|ing|ation|ations|er|ers)$")

_stemmer = Stemmer.Stemmer("english")

# Stems of function words: "haves" (from "must-haves") or "doing" is no more evidence than "have".
# Stopwords whose other forms are content words ("sorting", "kindness", "wells") are left out.
STOP_STEMS = frozenset(_stemmer.stemWord(w) for w in STOPWORDS) - {
    _stemmer.stemWord(w)
    for w in ("sort", "kind", "like", "well", "thing", "way", "lot", "one", "make", "actually", "basically")
}


def _americanise(word: str) -> str:
    mapped = SPELLING.get(word)
    if mapped:
        return mapped
    if len(word) >= 6:
        match = _ISE.search(word)
        if match:
            root = word[: match.start()]
            base = root + "ise"
            bare = base[2:] if base.startswith(("un", "re")) else base
            if base not in _ISE_WORDS and bare not in _ISE_WORDS and not base.endswith("wise"):
                return root + "iz" + match.group(1)
    return word


@lru_cache(maxsize=65536)
def normalize_word(raw: str) -> tuple[str, str]:
    """(normalised form, stem) of one token."""
    word = unicodedata.normalize("NFKC", raw).casefold().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    elif "'" in word and word.rsplit("'", 1)[1] in ("d", "m", "ve", "ll", "re"):
        word = word.rsplit("'", 1)[0]  # "I'd", "we're": the pronoun, a function word like any other
    word = _americanise(word)
    if word.endswith("n't") or word == "cannot":
        return word, "not"  # "doesn't fit" says "does not fit"
    if any(ch.isdigit() for ch in word):
        return word, word  # L1, fp16, 95%: never stemmed, matched exactly
    family = _IZE_FAMILY.search(word)
    if family and family.start() >= 3:
        # normalize/normalization stay one family, apart from "normal"; generalize apart from "general"
        return word, _stemmer.stemWord(word[: family.start()]) + "~ize"
    return word, _stemmer.stemWord(word)


@dataclass(frozen=True, slots=True)
class Token:
    norm: str  # normalised surface form
    stem: str  # word-form key
    start: int  # span in the original text
    end: int
    sentence: int
    stop: bool  # a function word: ignored when matching phrases
    negation: bool


@lru_cache(maxsize=65536)
def _word_info(raw: str) -> tuple[str, str, bool, bool]:
    norm, stem = normalize_word(raw)
    return norm, stem, norm in STOPWORDS, norm in NEGATIONS


def tokenize(text: str) -> list[Token]:
    # the hot path of scoring: sentence breaks are found in one pass and walked with a pointer
    breaks = [m.start() for m in SENTENCE_BREAK.finditer(text)]
    tokens: list[Token] = []
    sentence = previous_end = next_break = 0
    for match in TOKEN.finditer(text):
        start, end = match.span()
        new_sentence = False
        while next_break < len(breaks) and breaks[next_break] < start:
            new_sentence |= breaks[next_break] >= previous_end
            next_break += 1
        if new_sentence and tokens:
            sentence += 1
        previous_end = end
        norm, stem, stop, negation = _word_info(match.group())
        tokens.append(Token(norm, stem, start, end, sentence, stop, negation))
    return tokens


def has_digit(word: str) -> bool:
    return any(ch.isdigit() for ch in word)
