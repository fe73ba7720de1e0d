"""How well our scores agree with a fair interviewer's grades on the dev set.

Prints Pearson and Spearman correlation and mean absolute error for our scorer and, in the same
run, for a naive exact-keyword scorer using the same rubrics (drafted ones where a question has
none). Per-kind means show where the scorer is too strict or too lenient.

    python -m bench.scoring_eval [--details]
"""

from __future__ import annotations

import json
import re
import statistics
import sys
from collections import defaultdict
from pathlib import Path

from bench.stats import pearson, spearman
from interview.bank import load_pack_file
from interview.scoring import grade, rubric_for

DEVSET = Path(__file__).parent / "devset"


def exact_keyword_score(question, answer: str) -> float:
    """The obvious peer: a concept counts when one of its phrases appears verbatim (case-folded)."""
    rubric = rubric_for(question)
    text = " " + re.sub(r"\s+", " ", answer.casefold()) + " "
    total = sum(c.weight for c in rubric)
    got = sum(
        c.weight for c in rubric if any(f" {p.casefold()} " in text or f" {p.casefold()}" in text for p in c.phrases)
    )
    return got / total if total else 0.0


def load_devset():
    pack = load_pack_file(DEVSET / "devset.yaml")
    if pack.pack is None:
        sys.exit("\n".join(str(e) for e in pack.errors))
    rows = [
        json.loads(line) for line in (DEVSET / "answers.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    return pack.pack, rows


def evaluate(details: bool = False) -> dict:
    pack, rows = load_devset()
    human, ours, naive = [], [], []
    by_kind: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for row in rows:
        question = pack.question(row["question"])
        score = grade(question, row["answer"]).value
        human.append(row["grade"])
        ours.append(score)
        naive.append(exact_keyword_score(question, row["answer"]))
        by_kind[row["kind"]].append((row["grade"], score))
        if details and abs(score - row["grade"]) >= 0.35:
            print(f"  {row['id']:<40} human {row['grade']:.2f}  ours {score:.2f}")
    result = {
        "answers": len(rows),
        "ours": {
            "pearson": pearson(ours, human),
            "spearman": spearman(ours, human),
            "mae": statistics.fmean(abs(a - b) for a, b in zip(ours, human, strict=True)),
        },
        "exact_keyword": {
            "pearson": pearson(naive, human),
            "spearman": spearman(naive, human),
            "mae": statistics.fmean(abs(a - b) for a, b in zip(naive, human, strict=True)),
        },
        "by_kind": {
            k: {"n": len(v), "human": statistics.fmean(h for h, _ in v), "ours": statistics.fmean(s for _, s in v)}
            for k, v in sorted(by_kind.items())
        },
    }
    return result


def main() -> None:
    result = evaluate(details="--details" in sys.argv)
    print(f"dev set: {result['answers']} graded answers")
    print(f"{'scorer':<16}{'pearson':>9}{'spearman':>10}{'MAE':>8}")
    for name in ("ours", "exact_keyword"):
        r = result[name]
        print(f"{name:<16}{r['pearson']:>9.3f}{r['spearman']:>10.3f}{r['mae']:>8.3f}")
    print(f"\n{'kind':<16}{'n':>4}{'human':>8}{'ours':>8}")
    for kind, r in result["by_kind"].items():
        print(f"{kind:<16}{r['n']:>4}{r['human']:>8.2f}{r['ours']:>8.2f}")


if __name__ == "__main__":
    main()
