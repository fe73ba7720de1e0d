"""Scoring speed: a 300-word answer against a 10-concept rubric, beside the obvious peers.

Peers, on the same answer and phrases: a naive exact-keyword scorer (substring search) and plain
`rapidfuzz.fuzz.partial_ratio` of each phrase against the whole answer. Also the throughput of
`interview grade` on 10,000 answers, end to end in a subprocess.

    python -m bench.scoring_speed
"""

from __future__ import annotations

import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from rapidfuzz import fuzz

from interview.bank.model import Concept, Misconception
from interview.scoring import score_answer

WORDS = (
    "model data training validation error gradient loss feature weight bias variance tree forest "
    "boosting regularization dropout batch layer network attention embedding token metric recall "
    "precision threshold sample distribution mean median cluster kernel margin the a of to and is "
    "that it we because so when which this with for on as by from"
).split()

RUBRIC = tuple(
    Concept(f"concept {i}", phrases)
    for i, phrases in enumerate(
        [
            ("bias", "underfitting", "too simple"),
            ("variance", "overfitting", "memorizes noise"),
            ("irreducible error", "noise floor"),
            ("cross-validation", "k-fold", "held-out data"),
            ("regularization", "weight decay", "L2 penalty"),
            ("learning rate", "step size"),
            ("early stopping", "stop when validation loss rises"),
            ("ensemble", "bagging", "boosting"),
            ("precision", "recall", "F1 score"),
            ("feature scaling", "standardize the inputs"),
        ]
    )
)
MISCONCEPTIONS = (Misconception("more data reduces bias", ("more data reduces bias",)),)


def answer_of(words: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    sentences, current = [], []
    for _ in range(words):
        current.append(rng.choice(WORDS))
        if len(current) >= rng.randint(8, 16):
            sentences.append(" ".join(current).capitalize() + ".")
            current = []
    return " ".join(sentences + [" ".join(current)])


def median_time(function, repeat: int) -> tuple[float, float, float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times), min(times), max(times)


def exact_keyword(answer: str) -> float:
    text = answer.casefold()
    return sum(any(p.casefold() in text for p in c.phrases) for c in RUBRIC) / len(RUBRIC)


def plain_partial_ratio(answer: str) -> float:
    text = answer.casefold()
    return sum(max(fuzz.partial_ratio(p.casefold(), text) for p in c.phrases) >= 90 for c in RUBRIC) / len(RUBRIC)


def per_answer_figures(runs: int = 200) -> dict[str, tuple[float, float, float]]:
    answers = [answer_of(300, seed) for seed in range(runs)]  # fresh text each run: no answer-level caching
    score_answer(answers[0], RUBRIC, MISCONCEPTIONS)  # warm the phrase cache, as a running app has
    results = {}
    for name, function in (
        ("ours", lambda a: score_answer(a, RUBRIC, MISCONCEPTIONS)),
        ("exact keyword", exact_keyword),
        ("partial_ratio", plain_partial_ratio),
    ):
        samples = iter(answers)
        # bound now: the lambda runs inside this iteration, but binding says so (ruff B023)
        results[name] = median_time(lambda function=function, samples=samples: function(next(samples)), runs)
    return results


def megabyte_answer_seconds(repeat: int = 3) -> list[float]:
    """Seconds to score a 1 MB answer (a pasted log, say): bad input must still take bounded time."""
    text = (answer_of(300) + "\n").encode()
    answer = (text * (1_000_000 // len(text) + 1))[:1_000_000].decode(errors="ignore")
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        score_answer(answer, RUBRIC, MISCONCEPTIONS)
        times.append(time.perf_counter() - start)
    return times


def grade_throughput(count: int = 10_000) -> float:
    """Seconds for `interview grade` to grade `count` answers, process start included."""
    with tempfile.TemporaryDirectory() as folder:
        folder_path = Path(folder)
        pack = folder_path / "bench.yaml"
        rubric_yaml = "\n".join(
            f"      - concept: {c.name}\n        phrases: {json.dumps(list(c.phrases))}" for c in RUBRIC
        )
        pack.write_text(
            "pack: bench\ntitle: Bench\nversion: 1\nquestions:\n  - id: q\n    prompt: Explain.\n"
            "    topic: bench/speed\n    model_answer: bias and variance\n    rubric:\n" + rubric_yaml + "\n",
            encoding="utf-8",
        )
        answers = folder_path / "answers.jsonl"
        with answers.open("w", encoding="utf-8") as out:
            for i in range(count):
                out.write(json.dumps({"id": i, "question": "q", "answer": answer_of(120, i)}) + "\n")
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "interview", "grade", str(pack), "--answers", str(answers)],
            check=True,
            stdout=subprocess.DEVNULL,
            env={**__import__("os").environ, "INTERVIEW_HOME": folder},
        )
        return time.perf_counter() - start


def main() -> None:
    figures = per_answer_figures()
    ours = figures["ours"][0]
    print("scoring a 300-word answer against a 10-concept rubric (median of 200, ms)")
    for name, (median, low, high) in figures.items():
        ratio = f"{median / ours:.2f}x ours" if name != "ours" else "budget 2 ms"
        print(f"  {name:<16}{median * 1000:>8.3f}  ({low * 1000:.3f}-{high * 1000:.3f})  {ratio}")
    big = sorted(megabyte_answer_seconds())[1]
    print(f"score a 1 MB answer: {big:.2f} s (median of 3; budget 1 s)")
    seconds = grade_throughput()
    print(f"interview grade, 10,000 answers of 120 words: {seconds:.2f} s (budget 10 s)")


if __name__ == "__main__":
    main()
