"""How well our scores agree with human grades, beside an exact-keyword peer, in one run.

Data sets:
- dev set: bench/devset/answers.jsonl (answers to the dev pack's 24 questions) and
  bench/devset/bank_answers.jsonl (answers to built-in bank questions), hand-graded 0-1 by people
  who did not write the scorer;
- non-answers: bench/devset/NON_ANSWERS.txt plus empty, punctuation and the question copied back,
  each scored against every built-in question (all must score <= 0.05);
- SciEntsBank (SemEval-2013 Task 7, 2-way labels), read from ../shared/eval/scientsbank (never
  copied here): each question's reference answer is the model answer and its rubric is drafted,
  as for a coach's pack without a rubric. Fit on `train`, report on the three test splits.

    python -m bench.scoring_eval [--details] [--baseline REF] [--json]

`--baseline REF` also scores everything with the scorer as it was at git commit REF (run in a
child process from a `git archive` of that commit), so a change is measured against what it
replaces in the same run.
"""

from __future__ import annotations

import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

from bench.stats import pearson, roc_auc, spearman

DEVSET = Path(__file__).parent / "devset"
REPO = Path(__file__).resolve().parent.parent
SCIENTSBANK_CANDIDATES = (
    Path(os.environ.get("INTERVIEW_EVAL_DIR", "/nonexistent")) / "scientsbank",
    REPO.parent / "shared" / "eval" / "scientsbank",
    Path("/work/shared/eval/scientsbank"),
)
SPLITS = ("train", "test_ua", "test_uq", "test_ud")
NON_ANSWER_CEILING = 0.05


def exact_keyword_score(question, answer: str) -> float:
    """The obvious peer: a concept counts when one of its phrases appears verbatim (case-folded)."""
    from interview.scoring import rubric_for

    rubric = rubric_for(question)
    text = " " + re.sub(r"\s+", " ", answer.casefold()) + " "
    total = sum(c.weight for c in rubric)
    got = sum(
        c.weight for c in rubric if any(f" {p.casefold()} " in text or f" {p.casefold()}" in text for p in c.phrases)
    )
    return got / total if total else 0.0


@lru_cache(maxsize=1)
def builtin_bank():
    from interview.bank import load_bank

    return load_bank()


def _load_jsonl(path: Path) -> list[dict]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def devset_rows() -> list[tuple[object, dict]]:
    """(question, row) for every hand-graded answer of the dev set."""
    from interview.bank import load_pack_file

    loaded = load_pack_file(DEVSET / "devset.yaml")
    if loaded.pack is None:
        sys.exit("\n".join(str(e) for e in loaded.errors))
    rows = [(loaded.pack.question(r["question"]), r) for r in _load_jsonl(DEVSET / "answers.jsonl")]
    bank = builtin_bank()
    for row in _load_jsonl(DEVSET / "bank_answers.jsonl"):
        question = bank.question(row["question"])
        if question is not None:  # a question removed from the bank drops out of the dev set
            rows.append((question, {**row, "kind": row["kind"]}))
    return rows


def scientsbank_path() -> Path | None:
    return next(
        (p / "scientsbank_2way.jsonl" for p in SCIENTSBANK_CANDIDATES if (p / "scientsbank_2way.jsonl").exists()), None
    )


@lru_cache(maxsize=1)
def scientsbank_rows() -> list[tuple[object, dict]]:
    from interview.bank.model import Question

    path = scientsbank_path()
    if path is None:
        return []
    questions: dict[str, Question] = {}
    rows = []
    for row in _load_jsonl(path):
        question = questions.get(row["question_id"])
        if question is None:
            question = Question(
                "scientsbank", row["question_id"], row["question"], "science/answers", row["reference_answer"]
            )
            questions[row["question_id"]] = question
        rows.append((question, row))
    return rows


def non_answers(question) -> list[str]:
    listed = [line.strip() for line in (DEVSET / "NON_ANSWERS.txt").read_text(encoding="utf-8").splitlines()]
    return [*(line for line in listed if line), "", "   ", "?!", "...", question.prompt]


def score_all(grade=None) -> dict:
    """Every figure, for the scorer in `interview.scoring` (whichever version is importable)."""
    from interview.scoring import grade as default_grade

    grade = grade or default_grade
    dev = devset_rows()
    result: dict = {"dev": {r["id"]: grade(q, r["answer"]).value for q, r in dev}}
    bank = builtin_bank()
    worst = []
    for question in bank.questions:
        if "phone" not in question.rounds and "drill" not in question.rounds:
            continue
        for text in non_answers(question):
            value = grade(question, text).value
            if value > NON_ANSWER_CEILING:
                worst.append((value, question.full_id, text[:60]))
    result["non_answers_over"] = sorted(worst, reverse=True)
    result["scientsbank"] = [grade(q, r["student_answer"]).value for q, r in scientsbank_rows()]
    return result


def baseline_scores(ref: str) -> dict:
    """score_all() run with the `interview` package as it was at `ref`."""
    with tempfile.TemporaryDirectory() as tmp:
        archive = subprocess.run(["git", "-C", str(REPO), "archive", ref, "interview"], capture_output=True, check=True)
        subprocess.run(["tar", "-x", "-C", tmp], input=archive.stdout, check=True)
        (Path(tmp) / "question_bank").symlink_to(REPO / "question_bank")  # today's bank, yesterday's scorer
        env = {**os.environ, "PYTHONPATH": f"{tmp}{os.pathsep}{REPO}"}
        out = subprocess.run(
            [sys.executable, "-c", "import json, bench.scoring_eval as e; print(json.dumps(e.score_all()))"],
            capture_output=True,
            text=True,
            env=env,
            cwd=tmp,
            check=True,
        )
    return json.loads(out.stdout)


def summarise(name: str, scores: dict) -> dict:
    # by id: a scorer of another version may not load every question of today's bank
    dev = [row for _, row in devset_rows() if row["id"] in scores["dev"]]
    human = [r["grade"] for r in dev]
    ours = [scores["dev"][r["id"]] for r in dev]
    kinds: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for row, value in zip(dev, ours, strict=True):
        kinds[row["kind"]].append((row["grade"], value))
    summary = {
        "name": name,
        "dev": {
            "n": len(human),
            "pearson": pearson(ours, human),
            "spearman": spearman(ours, human),
            "mae": statistics.fmean(abs(a - b) for a, b in zip(ours, human, strict=True)),
        },
        "by_kind": {
            k: {"n": len(v), "human": statistics.fmean(h for h, _ in v), "ours": statistics.fmean(s for _, s in v)}
            for k, v in sorted(kinds.items())
        },
        "non_answers_over": len(scores["non_answers_over"]),
        "worst_non_answers": scores["non_answers_over"][:5],
        "scientsbank": {},
    }
    sb = scientsbank_rows()
    for split in SPLITS:
        pairs = [(v, r["score"]) for (_, r), v in zip(sb, scores["scientsbank"], strict=True) if r["split"] == split]
        if pairs:
            xs, ys = [p[0] for p in pairs], [p[1] for p in pairs]
            summary["scientsbank"][split] = {"n": len(pairs), "pearson": pearson(xs, ys), "auc": roc_auc(xs, ys)}
    return summary


def keyword_scores() -> dict:
    return {
        "dev": {r["id"]: exact_keyword_score(q, r["answer"]) for q, r in devset_rows()},
        "non_answers_over": [],
        "scientsbank": [exact_keyword_score(q, r["student_answer"]) for q, r in scientsbank_rows()],
    }


def evaluate(baseline: str | None = None) -> list[dict]:
    """Summaries for ours, the exact-keyword peer and (optionally) the scorer at `baseline`."""
    summaries = [summarise("ours", score_all()), summarise("exact_keyword", keyword_scores())]
    if baseline:
        summaries.append(summarise(f"at {baseline}", baseline_scores(baseline)))
    return summaries


def print_report(summaries: list[dict]) -> None:
    print(f"dev set: {summaries[0]['dev']['n']} hand-graded answers")
    print(f"{'scorer':<18}{'pearson':>9}{'spearman':>10}{'MAE':>8}{'non-answers > 0.05':>20}")
    for s in summaries:
        d = s["dev"]
        over = s["non_answers_over"] if s["name"] != "exact_keyword" else "-"
        print(f"{s['name']:<18}{d['pearson']:>9.3f}{d['spearman']:>10.3f}{d['mae']:>8.3f}{over!s:>20}")
    if summaries[0]["scientsbank"]:
        print("\nSciEntsBank 2-way (drafted rubrics from the reference answer): Pearson / ROC-AUC")
        print(f"{'scorer':<18}" + "".join(f"{split:>18}" for split in SPLITS))
        for s in summaries:
            cells = "".join(
                f"{s['scientsbank'][split]['pearson']:>9.3f} / {s['scientsbank'][split]['auc']:.3f}" for split in SPLITS
            )
            print(f"{s['name']:<18}{cells}")
    else:
        print("\nSciEntsBank not found (looked in ../shared/eval/scientsbank); skipped")
    names = [s["name"] for s in summaries if s["name"] != "exact_keyword"]
    print(f"\n{'kind':<16}{'n':>4}{'human':>8}" + "".join(f"{n:>14}" for n in names))
    rows = [s for s in summaries if s["name"] != "exact_keyword"]
    for kind, r in rows[0]["by_kind"].items():
        cells = "".join(f"{s['by_kind'].get(kind, {}).get('ours', float('nan')):>14.2f}" for s in rows)
        print(f"{kind:<16}{r['n']:>4}{r['human']:>8.2f}{cells}")
    for value, qid, text in summaries[0]["worst_non_answers"]:
        print(f"  non-answer over {NON_ANSWER_CEILING}: {value:.2f} {qid} {text!r}")


def main() -> None:
    args = sys.argv[1:]
    baseline = args[args.index("--baseline") + 1] if "--baseline" in args else None
    summaries = evaluate(baseline)
    if "--json" in args:
        print(json.dumps(summaries, indent=1))
        return
    print_report(summaries)
    if "--details" in args:
        from interview.scoring import grade

        for question, row in devset_rows():
            value = grade(question, row["answer"]).value
            if abs(value - row["grade"]) >= 0.35:
                print(f"  {row['id']:<48} human {row['grade']:.2f}  ours {value:.2f}")


if __name__ == "__main__":
    main()
