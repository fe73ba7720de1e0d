"""Fit the scorer's few combination constants on graded answers, by coordinate search.

    python -m bench.calibrate

Fits on the dev set and on SciEntsBank's train split (never its test splits), maximising the mean
of the two Pearson correlations with human grades. Prints the best value of each constant; they
are then written by hand into interview/scoring (match.py, score.py, __init__.py), where the
comment beside each names this script. Deterministic: the same data gives the same constants.
"""

from __future__ import annotations

import itertools

from bench.scoring_eval import devset_rows, scientsbank_rows
from bench.stats import pearson

# (module, constant, candidate values)
GRID = (
    ("interview.scoring", "FULL_CREDIT_AT", (0.5, 0.6, 0.7, 0.8, 0.9, 1.0)),
    ("interview.scoring", "DRAFTED_FULL_CREDIT", (0.4, 0.5, 0.6, 0.7, 0.75, 0.85)),
    ("interview.scoring.score", "ECHO_CREDIT", (0.0, 0.2, 0.4, 0.6, 0.8, 1.0)),
    ("interview.scoring.score", "PARTIAL_CREDIT", (0.4, 0.6, 0.8, 1.0)),
    ("interview.scoring.match", "SOFT_CREDIT", (0.5, 0.6, 0.7, 0.8, 0.9, 1.0)),
    ("interview.scoring.score", "SALAD_FACTOR", (0.2, 0.35, 0.5, 0.7)),
)


def _module(name: str):
    import importlib

    return importlib.import_module(name)


def objective(dev, train) -> tuple[float, float, float]:
    from interview.scoring import grade

    dev_scores = [grade(q, r["answer"]).value for q, r in dev]
    train_scores = [grade(q, r["student_answer"]).value for q, r in train]
    a = pearson(dev_scores, [r["grade"] for _, r in dev])
    b = pearson(train_scores, [r["score"] for _, r in train])
    return (a + b) / 2, a, b


def main() -> None:
    dev = devset_rows()
    train = [(q, r) for q, r in scientsbank_rows() if r["split"] == "train"]
    best = objective(dev, train)
    print(f"start: objective {best[0]:.4f} (dev {best[1]:.3f}, SciEntsBank train {best[2]:.3f})")
    for sweep in itertools.count(1):
        improved = False
        for module, name, values in GRID:
            mod = _module(module)
            current = getattr(mod, name)
            for value in values:
                if value == current:
                    continue
                setattr(mod, name, value)
                result = objective(dev, train)
                if result[0] > best[0] + 1e-4:
                    best, current, improved = result, value, True
                    print(
                        f"  sweep {sweep}: {name} = {value}: {result[0]:.4f}"
                        f" (dev {result[1]:.3f}, train {result[2]:.3f})"
                    )
            setattr(mod, name, current)
        if not improved or sweep == 3:
            break
    print("best:", ", ".join(f"{name} = {getattr(_module(module), name)}" for module, name, _ in GRID))


if __name__ == "__main__":
    main()
