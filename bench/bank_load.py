"""Bank loading: the built-in bank and a generated 10,000-question bank, first parse and cached.

Each figure is a fresh process (cold imports), timed from start to a loaded bank. "parse" is the
first load ever (YAML parsed and validated); "cached" is every later start (compiled-pack cache).

    python -m bench.bank_load
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

RUNS = 5
LOAD = """
import sys, time
start = time.perf_counter()
from interview.bank import load_bank
from pathlib import Path
bank = load_bank([Path(p) for p in sys.argv[1:]], builtin={builtin})
assert not bank.skipped, bank.errors[:3]
print(time.perf_counter() - start, len(bank.questions))
"""

QUESTION = """  - id: q{i}
    topic: area-{area}/sub-{sub}
    difficulty: {difficulty}
    rounds: [phone, onsite, drill]
    prompt: |
      Question {i}: explain how technique {i} trades bias against variance, and when you would use it.
    model_answer: |
      Technique {i} lowers variance by averaging many models trained on resampled data, at the cost of a
      little bias; use it when the base model is unstable, such as a deep decision tree.
    rubric:
      - concept: averaging reduces variance
        phrases: [averaging, ensemble of models, reduces variance]
        required: true
      - concept: resampling
        phrases: [bootstrap, resampled data, bagging]
      - concept: unstable base models
        phrases: [unstable, deep decision tree, high variance model]
    misconceptions:
      - claim: averaging reduces bias
    hints: [Think about what averaging does to noise.]
    examples:
      - answer: It averages bootstrapped trees so variance falls.
        band: [0.5, 1.0]
"""


def generate(folder: Path, questions: int = 10_000, packs: int = 20) -> None:
    per_pack = questions // packs
    for p in range(packs):
        body = "".join(QUESTION.format(i=i, area=p, sub=i % 9, difficulty=1 + i % 3) for i in range(per_pack))
        (folder / f"gen-{p:02}.yaml").write_text(
            f"pack: gen-{p}\ntitle: Generated {p}\nversion: 1\nquestions:\n{body}", encoding="utf-8"
        )


def timed_runs(args: list[str], builtin: bool, home: str) -> tuple[list[float], list[float], int]:
    """(first loads, later loads, questions), each in a fresh process; a first load has no cache."""
    env = {**os.environ, "INTERVIEW_HOME": home}
    code = LOAD.format(builtin=builtin)

    def run() -> tuple[float, int]:
        out = subprocess.run([sys.executable, "-c", code, *args], env=env, check=True, capture_output=True, text=True)
        seconds, count = out.stdout.split()
        return float(seconds), int(count)

    first = []
    for _ in range(RUNS):
        shutil.rmtree(Path(home) / "cache", ignore_errors=True)
        seconds, count = run()
        first.append(seconds)
    later = [run()[0] for _ in range(RUNS)]
    return first, later, count


def figures() -> dict:
    with tempfile.TemporaryDirectory() as home, tempfile.TemporaryDirectory() as generated:
        builtin = timed_runs([], True, home)
        generate(Path(generated))
        big = timed_runs([generated], False, home)
    return {"builtin": builtin, "generated": big}


def main() -> None:
    result = figures()
    print("bank load in a fresh process (s): first parse (no cache), then cached; medians of %d" % RUNS)
    for name, budget in (("builtin", "0.1"), ("generated", "1.0")):
        first, later, count = result[name]
        print(
            f"  {name:<10} {count:>6} questions  parse {statistics.median(first):.3f} "
            f"({min(first):.3f}-{max(first):.3f})  cached {statistics.median(later):.3f} "
            f"({min(later):.3f}-{max(later):.3f})  budget {budget}"
        )


if __name__ == "__main__":
    main()
