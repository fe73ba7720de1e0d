"""Running a candidate's code against an exercise's cases, in a separate, limited Python process.

The child is `python -I child.py` (isolated: no user site-packages, no PYTHON* variables, no current
folder on the path) in a fresh temporary folder, started in its own session so a stray grandchild
dies with it. What is enforced, and where (docs/security.md says the same):

- wall time: per case (an interval timer in the child) and per run (the parent kills the process group);
- CPU time: RLIMIT_CPU for the whole run (POSIX);
- memory: RLIMIT_AS on Linux; macOS does not enforce RLIMIT_AS, so there only RLIMIT_DATA applies, loosely;
- files: RLIMIT_FSIZE caps any file written; an audit hook refuses opening files outside the
  temporary folder (reading the interpreter's own library is allowed);
- processes and network: the audit hook refuses fork/exec/system/subprocess, signals to other
  processes, sockets and ctypes; RLIMIT_NPROC = 0 as well where it applies (not for root).
  These are Python-level guards, the same on Linux and macOS: they stop accidents and the usual
  attempts, not a determined attacker (no OS sandbox is used);
- output: print() is captured per case and cut at a limit; raw writes to file descriptors are discarded.

The child never sees the expected values: it sends back what the code returned, as JSON, and the
comparison happens here, so a candidate's object cannot claim to equal anything.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, replace
from pathlib import Path

from interview.bank.code_model import SQL, CodeCase, CodeExercise
from interview.coding.results import CaseResult, CaseStatus, RunReport, same, same_unordered, shorten

CHILD = Path(__file__).with_name("child.py")
RESULTS_FILE = ".results.jsonl"  # the same name as child.RESULTS_FILE (the child is not importable here)
STARTUP_SECONDS = 3.0  # the interpreter's start, on a slow or busy machine, before the first case


@dataclass(frozen=True, slots=True)
class Limits:
    case_seconds: float = 2.0  # wall time of one case
    run_seconds: float = 6.0  # wall time of the whole run, start-up excluded
    cpu_seconds: int = 10
    memory_mb: int = 512
    output_chars: int = 4000  # printed text kept per case
    file_mb: int = 32  # the largest file the code may write (its results included)
    max_rows: int = 10_000  # SQL result rows


def _job(exercise: CodeExercise, source: str, cases: list[tuple[int, CodeCase]], limits: Limits) -> dict:
    return {
        "language": exercise.language,
        "function": exercise.function,
        "schema": [[table, [list(c) for c in columns]] for table, columns in exercise.schema],
        "source": source,
        # never the expected values: see the module docstring
        "cases": [{"index": i, "args": c.args, "kwargs": c.kwargs, "rows": c.rows} for i, c in cases],
        "case_seconds": limits.case_seconds,
        "cpu_seconds": limits.cpu_seconds,
        "memory_bytes": limits.memory_mb * 1024 * 1024,
        "file_bytes": limits.file_mb * 1024 * 1024,
        "output_chars": limits.output_chars,
        "max_rows": limits.max_rows,
    }


def _child_env(workdir: str) -> dict[str, str]:
    """Only what an interpreter needs: no secrets from the app's environment reach the candidate's code."""
    env = {"HOME": workdir, "TMPDIR": workdir, "LANG": "C.UTF-8", "PATH": os.defpath}
    for threads in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        env[threads] = "1"  # numpy's BLAS would otherwise reserve memory per core against the limit
    if os.name == "nt":  # pragma: no cover - Windows needs these to start Python at all
        env.update({k: v for k, v in os.environ.items() if k.upper() in ("SYSTEMROOT", "COMSPEC")})
    return env


def _kill(process: subprocess.Popen) -> None:
    try:
        if hasattr(os, "killpg"):
            os.killpg(process.pid, signal.SIGKILL)  # the whole session: anything it started too
        else:  # pragma: no cover - Windows
            process.kill()
    except (ProcessLookupError, PermissionError):
        pass
    process.wait()


def _read_results(path: Path, limit: int) -> dict[int, dict]:
    found: dict[int, dict] = {}
    try:
        with path.open("rb") as handle:
            raw = handle.read(limit)
    except OSError:
        return found
    for line in raw.decode("utf-8", "replace").splitlines():
        try:
            record = json.loads(line)
            found.setdefault(int(record["case"]), record)
        except (ValueError, KeyError, TypeError):
            continue  # a torn last line (killed mid-write) or something the code wrote there
    return found


def _call_text(exercise: CodeExercise, case: CodeCase) -> str:
    if exercise.language == SQL:
        rows = json.loads(case.rows)
        return ", ".join(f"{table}: {len(r)} rows" for table, r in rows.items()) or "empty tables"
    args = ", ".join(json.dumps(a, ensure_ascii=False) for a in json.loads(case.args))
    kwargs = ", ".join(f"{k}={json.dumps(v, ensure_ascii=False)}" for k, v in json.loads(case.kwargs).items())
    return shorten(f"{exercise.function}({', '.join(p for p in (args, kwargs) if p)})", raw=True)


def _judge(exercise: CodeExercise, index: int, case: CodeCase, record: dict | None, missing: str) -> CaseResult:
    base = CaseResult(
        index,
        CaseStatus.ERROR,
        hidden=case.hidden,
        name=case.name,
        call=_call_text(exercise, case),
        expected=shorten(case.expected),
    )
    if record is None:
        status = CaseStatus.TIMEOUT if missing.startswith("timeout:") else CaseStatus.ERROR
        return replace(base, status=status, message=missing.partition(":")[2].strip())
    base = replace(
        base,
        output=str(record.get("output", "")),
        seconds=float(record.get("seconds", 0.0)),
        message=str(record.get("message", "")),
        line=int(record.get("line", 0) or 0),
        line_text=str(record.get("line_text", "")),
    )
    outcome = record.get("status")
    if outcome == "timeout":
        return replace(base, status=CaseStatus.TIMEOUT)
    if outcome != "ran":
        return base
    got = record.get("got")
    compare = same_unordered if case.unordered and isinstance(case.expected, list) else same
    passed = compare(case.expected, got, case.tolerance)
    return replace(base, status=CaseStatus.PASSED if passed else CaseStatus.FAILED, got=shorten(got))


def run_exercise(
    exercise: CodeExercise,
    source: str,
    include_hidden: bool = False,
    limits: Limits = Limits(),
    wall: float | None = None,
) -> RunReport:
    """Run `source` against the visible cases (or all of them); never raises for anything the code does."""
    cases = [(i, c) for i, c in enumerate(exercise.cases) if include_hidden or not c.hidden]
    started = time.perf_counter()
    at = time.time() if wall is None else wall
    job = json.dumps(_job(exercise, source, cases, limits)).encode("utf-8")
    deadline = STARTUP_SECONDS + min(limits.run_seconds, limits.case_seconds * len(cases) + 1.0)
    problem = ""
    with tempfile.TemporaryDirectory(prefix="interview-run-") as workdir:
        try:
            process = subprocess.Popen(
                [sys.executable, "-I", str(CHILD)],
                stdin=subprocess.PIPE,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                cwd=workdir,
                env=_child_env(workdir),
                start_new_session=True,
                close_fds=True,
            )
        except OSError as error:
            problem = f"could not start Python to run the code: {error}"
            missing = f"error: {problem}"
            results = [_judge(exercise, i, c, None, missing) for i, c in cases]
            return RunReport(tuple(results), include_hidden, time.perf_counter() - started, at, problem)
        try:
            process.communicate(job, timeout=deadline)
        except subprocess.TimeoutExpired:
            _kill(process)
            problem = f"the run took longer than {deadline - STARTUP_SECONDS:g} s and was stopped"
        except BaseException:
            _kill(process)  # the app is going down: the child must not outlive it
            raise
        records = _read_results(Path(workdir) / RESULTS_FILE, (limits.file_mb + 1) * 1024 * 1024)
    code = process.returncode
    if not problem and code not in (0, None) and len(records) < len(cases):
        problem = _death(code, limits)
    results = []
    first_missing = True
    for index, case in cases:
        record = records.get(index)
        missing = ""
        if record is None:
            if problem.startswith("the run took longer") or code in (-signal.SIGXCPU, -signal.SIGKILL):
                missing = "timeout: " + (problem if first_missing else "not run: the time was used up before it")
            else:
                missing = "error: " + (problem or "no result came back") if first_missing else "error: not run"
            first_missing = False
        results.append(_judge(exercise, index, case, record, missing))
    return RunReport(tuple(results), include_hidden, time.perf_counter() - started, at, problem)


def _death(code: int, limits: Limits) -> str:
    if code == -getattr(signal, "SIGXCPU", 0):
        return f"the code used more than {limits.cpu_seconds} s of CPU time and was stopped"
    if code < 0:
        name = signal.Signals(-code).name if -code in signal.Signals._value2member_map_ else str(-code)
        return f"the process running the code was killed ({name}); memory use is limited to {limits.memory_mb} MB"
    return f"the process running the code exited early (exit code {code}), before every case had run"
