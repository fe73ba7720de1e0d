"""Small word lists the scorer knows: abbreviations, synonyms, generic words.

Abbreviations apply to every rubric (a candidate who writes "CV" said "cross-validation");
synonyms only feed rubric drafting, where they are written out for the coach to see and prune.
"""

from __future__ import annotations

import re
from functools import lru_cache

ABBREVIATIONS = {
    "cross validation": "cv",
    "learning rate": "lr",
    "gradient descent": "gd",
    "stochastic gradient descent": "sgd",
    "support vector machine": "svm",
    "principal component analysis": "pca",
    "area under the curve": "auc",
    "receiver operating characteristic": "roc",
    "mean squared error": "mse",
    "root mean squared error": "rmse",
    "mean absolute error": "mae",
    "natural language processing": "nlp",
    "convolutional neural network": "cnn",
    "recurrent neural network": "rnn",
    "long short term memory": "lstm",
    "term frequency inverse document frequency": "tf idf",
    "k nearest neighbors": "knn",
    "maximum likelihood estimation": "mle",
    "maximum a posteriori": "map",
    "exploratory data analysis": "eda",
    "large language model": "llm",
    "retrieval augmented generation": "rag",
    "random forest": "rf",
    "neural network": "nn",
    "batch normalization": "batchnorm",
    "layer normalization": "layernorm",
    "true positive rate": "tpr",
    "false positive rate": "fpr",
    "first in first out": "fifo",
    "last in first out": "lifo",
    "graphics processing unit": "gpu",
    "central processing unit": "cpu",
    "binary search tree": "bst",
    "breadth first search": "bfs",
    "depth first search": "dfs",
    "dynamic programming": "dp",
    "central limit theorem": "clt",
    "confidence interval": "ci",
    "independent and identically distributed": "iid",
    "expectation maximization": "em",
    "singular value decomposition": "svd",
    "reinforcement learning": "rl",
    "machine learning": "ml",
    "mean average precision": "map",
    "ordinary least squares": "ols",
    "logistic regression": "logreg",
    "population stability index": "psi",
    "normalized discounted cumulative gain": "ndcg",
    "mean reciprocal rank": "mrr",
    "generative adversarial network": "gan",
    "variational autoencoder": "vae",
    "click through rate": "ctr",
    "key performance indicator": "kpi",
    "precision recall curve": "pr curve",
    "gradient boosted trees": "gbdt",
    "recurrent neural networks": "rnns",
    "convolutional neural networks": "cnns",
    "mixed precision": "amp",
    "kullback leibler divergence": "kl divergence",
}

SYNONYMS = [
    {"contain", "hold", "store", "keep"},
    {"address", "location"},
    {"reduce", "decrease", "lower", "shrink"},
    {"increase", "grow", "raise"},
    {"large", "big", "huge"},
    {"small", "little", "tiny"},
    {"fast", "quick", "rapid"},
    {"remove", "delete", "drop", "eliminate"},
    {"find", "locate", "search"},
    {"compute", "calculate"},
    {"predict", "forecast", "estimate"},
    {"combine", "merge", "aggregate"},
    {"split", "divide", "partition"},
    {"average", "mean"},
    {"feature", "attribute", "predictor"},
    {"label", "target"},
    {"row", "record", "observation"},
    {"function", "method", "procedure", "routine"},
    {"start", "begin"},
    {"end", "finish"},
    {"sort", "order"},
    {"simulate", "mimic", "imitate"},
    {"portion", "part", "piece", "section"},
    {"same", "identical", "equal"},
    {"different", "distinct"},
    {"memory", "ram"},
    {"run", "execute"},
    {"depend", "rely"},
    {"show", "display"},
    {"input", "argument"},
    {"loop", "iterate", "repeat"},
    {"call", "invoke"},
    {"create", "build", "construct", "generate"},
    {"error", "mistake"},
    {"penalty", "penalize"},
    {"weight", "coefficient"},
    {"sample", "subset"},
    {"random", "arbitrary"},
    {"rare", "infrequent"},
    {"common", "frequent"},
    {"unseen", "new"},
    {"slow", "sluggish"},
    {"measure", "quantify"},
    {"probability", "chance", "likelihood"},
    {"spread", "dispersion"},
    {"cluster", "group"},
    {"distance", "dissimilarity"},
    {"link", "pointer", "reference"},
    {"entry", "element", "item"},
]

GENERIC = frozenset(
    """
data model models value values number numbers set way result results thing time good better best
high low new different given example examples case cases problem problems method methods approach
step steps important also often usually typically important general simple simply need needs want
work works done able help helps mean means called call instead first second next another each every
part whole whether rather quite within across always sometimes e help set sets setting leave leaves
left keep keeps kept take takes taken give gives given go goes going come comes become becomes show
shows put puts tell look looks say says said try tries see seen run runs training train trained
network networks algorithm algorithms learning learn learns learned output outputs input inputs
thing things point points ones two three lot large small big
""".split()
)

_synonym_groups: dict[str, set[str]] | None = None
_WORDS = re.compile(r"[a-z0-9]+")


def plain(text: str) -> str:
    return " ".join(_WORDS.findall(text.casefold().replace("neighbour", "neighbor").replace("isation", "ization")))


_AMBIGUOUS = frozenset(short for short in ABBREVIATIONS.values() if list(ABBREVIATIONS.values()).count(short) > 1)


@lru_cache(maxsize=32768)
def abbreviation_variants(phrase: str) -> tuple[str, ...]:
    """Other spellings of a phrase through known abbreviations: "cross-validation" <-> "CV"."""
    text = plain(phrase)
    variants = []
    for long, short in ABBREVIATIONS.items():
        if re.search(rf"\b{long}\b", text):
            variants.append(re.sub(rf"\b{long}\b", short, text))
        # an ambiguous short form ("MAP": maximum a posteriori or mean average precision) is not spelled out
        if short not in _AMBIGUOUS and re.search(rf"\b{short}\b", text):
            variants.append(re.sub(rf"\b{short}\b", long, text))
    return tuple(v for v in dict.fromkeys(variants) if v != text)


def synonyms(word: str) -> list[str]:
    """Synonyms of a word in any of its forms ("contains" -> hold, keep, store)."""
    global _synonym_groups
    from interview.scoring.normalize import normalize_word

    if _synonym_groups is None:
        _synonym_groups = {normalize_word(w)[1]: group for group in SYNONYMS for w in group}
    group = _synonym_groups.get(normalize_word(word)[1], set())
    return sorted(w for w in group if normalize_word(w)[1] != normalize_word(word)[1])
