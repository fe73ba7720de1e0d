"""Correlation and summary statistics without NumPy (not a dependency of ours)."""

from __future__ import annotations

import math
import statistics


def pearson(xs: list[float], ys: list[float]) -> float:
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    return sxy / math.sqrt(sxx * syy) if sxx and syy else 0.0


def ranks(values: list[float]) -> list[float]:
    """Ranks with ties sharing their average rank."""
    order = sorted(range(len(values)), key=values.__getitem__)
    result = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            result[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return result


def spearman(xs: list[float], ys: list[float]) -> float:
    return pearson(ranks(xs), ranks(ys))


def roc_auc(scores: list[float], labels: list[float]) -> float:
    """Probability that a random positive (label 1) outscores a random negative; ties count half."""
    rank = ranks(scores)
    positives = [r for r, y in zip(rank, labels, strict=True) if y >= 0.5]
    n_pos, n_neg = len(positives), len(labels) - len(positives)
    if not n_pos or not n_neg:
        return 0.5
    return (sum(positives) - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)
