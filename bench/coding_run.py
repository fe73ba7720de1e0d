"""Running a 10-case Python coding exercise end to end: child process start, limits, cases, comparison.

Budget (DESIGN.md): under 1 s. Measured from the app's side, as the editor's "run tests" key does it:
`run_exercise` with the built-in softmax exercise's reference solution against 10 cases. The peer is
the bare cost of starting `python -I -c pass`, the floor any separate-process runner pays.

    python -m bench.coding_run
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time

RUNS = 9


def exercise():  # type: ignore[no-untyped-def]
    from interview.bank.code_model import CodeCase, CodeExercise

    inputs = [[float(i), float(i + 1), float(2 * i)] for i in range(9)] + [[1000.0, 1001.0, 999.0]]
    cases = []
    for xs in inputs:
        import math

        top = max(xs)
        exps = [math.exp(x - top) for x in xs]
        cases.append(CodeCase(expect=json.dumps([e / sum(exps) for e in exps]), args=json.dumps([xs]), tolerance=1e-9))
    return CodeExercise("python", tuple(cases), function="softmax")


SOLUTION = """import math


def softmax(xs):
    top = max(xs)
    exps = [math.exp(x - top) for x in xs]
    total = sum(exps)
    return [e / total for e in exps]
"""


def figures() -> dict[str, list[float]]:
    from interview.coding import run_exercise

    ten = exercise()
    ours, floor = [], []
    for _ in range(RUNS):
        start = time.perf_counter()
        report = run_exercise(ten, SOLUTION, include_hidden=True)
        ours.append(time.perf_counter() - start)
        assert report.passed == 10, report.summary()
        start = time.perf_counter()
        subprocess.run([sys.executable, "-I", "-c", "pass"], check=True)
        floor.append(time.perf_counter() - start)
    return {"run": ours, "python_start": floor}


def main() -> None:
    result = figures()
    print(
        f"10-case Python exercise, end to end (s), median of {RUNS}: {statistics.median(result['run']):.3f} "
        f"({min(result['run']):.3f}-{max(result['run']):.3f})  budget 1.0"
    )
    print(f"  peer: python -I -c pass: {statistics.median(result['python_start']):.3f}")


if __name__ == "__main__":
    main()
