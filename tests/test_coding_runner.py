"""The runner: results per case, and each limit proved by code that would misbehave without it."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from interview.bank.code_model import CodeCase, CodeExercise
from interview.coding import CaseStatus, Limits, run_exercise
from interview.coding.results import same, same_unordered

FAST = Limits(case_seconds=0.5, run_seconds=2.0, cpu_seconds=3, memory_mb=256)


def exercise(cases: int = 3, hidden: int = 0) -> CodeExercise:
    items = tuple(
        CodeCase(expect=json.dumps(i * 2), args=json.dumps([i]), hidden=i >= cases - hidden) for i in range(cases)
    )
    return CodeExercise("python", items, function="double")


def run(source: str, cases: int = 3, limits: Limits = FAST, **kwargs):
    return run_exercise(exercise(cases, kwargs.pop("hidden", 0)), source, limits=limits, **kwargs)


def test_passing_failing_and_printed_output_per_case() -> None:
    report = run("def double(x):\n    print('saw', x)\n    return x * 2 if x != 1 else 3\n")
    assert [c.status for c in report.cases] == [CaseStatus.PASSED, CaseStatus.FAILED, CaseStatus.PASSED]
    failed = report.cases[1]
    assert (failed.expected, failed.got, failed.call) == ("2", "3", "double(1)")
    assert report.cases[0].output == "saw 0\n"
    assert report.summary() == "2 of 3 visible cases passed"


def test_hidden_cases_run_only_when_submitting() -> None:
    source = "def double(x):\n    return x * 2\n"
    assert run(source, cases=4, hidden=2).total == 2
    submitted = run(source, cases=4, hidden=2, include_hidden=True)
    assert submitted.total == 4 and submitted.submitted and [c.hidden for c in submitted.cases] == [0, 0, 1, 1]


def test_an_exception_names_the_candidates_own_line() -> None:
    case = run("def double(x):\n    y = x\n    return {}[y]\n").cases[0]
    assert case.status == CaseStatus.ERROR
    assert case.message == "KeyError: 0" and case.line == 3 and case.line_text == "return {}[y]"


def test_a_syntax_error_fails_every_case_with_its_line() -> None:
    report = run("def double(x)\n    return x\n")
    assert all(c.status == CaseStatus.ERROR for c in report.cases)
    assert report.cases[0].message.startswith("SyntaxError") and report.cases[0].line == 1


def test_a_missing_function_is_named() -> None:
    assert "no function named 'double'" in run("def triple(x):\n    return 3 * x\n").cases[0].message


def test_keyboard_interrupt_and_exit_in_user_code_are_errors_not_crashes() -> None:
    assert run("def double(x):\n    raise KeyboardInterrupt\n").cases[0].message == "KeyboardInterrupt"
    report = run("import sys\ndef double(x):\n    sys.exit(3)\n")
    assert [c.status for c in report.cases] == [CaseStatus.ERROR] * 3


def test_an_infinite_loop_times_out_per_case_and_the_run_goes_on() -> None:
    report = run("def double(x):\n    while x == 1:\n        pass\n    return 2 * x\n")
    assert [c.status for c in report.cases] == [CaseStatus.PASSED, CaseStatus.TIMEOUT, CaseStatus.PASSED]


def test_code_that_ignores_the_case_timer_is_killed_by_the_wall_limit() -> None:
    # sleeping uses no CPU and the timer's signal is ignored: only the parent's wall limit ends it
    source = "import signal, time\nsignal.signal(signal.SIGALRM, signal.SIG_IGN)\ndef double(x):\n    time.sleep(100)\n"
    report = run(source, limits=Limits(case_seconds=0.3, run_seconds=0.8, cpu_seconds=5))
    assert all(c.status == CaseStatus.TIMEOUT for c in report.cases)
    assert "stopped" in report.problem


def test_the_cpu_limit_stops_what_the_wall_clock_does_not() -> None:
    # the loop ignores the per-case timer and the wall limit is generous: only RLIMIT_CPU ends it
    source = "import signal\nsignal.signal(signal.SIGALRM, signal.SIG_IGN)\ndef double(x):\n    while True: pass\n"
    report = run(source, limits=Limits(case_seconds=0.3, run_seconds=8.0, cpu_seconds=1))
    assert report.cases[0].status == CaseStatus.TIMEOUT
    assert "CPU" in report.cases[0].message


def test_memory_is_limited() -> None:
    roomy = Limits(case_seconds=5.0, run_seconds=8.0, memory_mb=256)  # time enough: only memory may stop it
    report = run("def double(x):\n    x = []\n    while True:\n        x.append(' ' * 10**6)\n", cases=1, limits=roomy)
    assert report.cases[0].status == CaseStatus.ERROR and "MemoryError" in report.cases[0].message


def test_self_referencing_growth_hits_the_memory_or_time_limit() -> None:
    report = run("def double(x):\n    x = []\n    while True:\n        x.append(x)\n", cases=1)
    assert report.cases[0].status in (CaseStatus.ERROR, CaseStatus.TIMEOUT)


@pytest.mark.parametrize(
    "source, refused",
    [
        ("import os\ndef double(x):\n    os.system('true')\n", "os.system"),
        ("import os\ndef double(x):\n    os.fork()\n", "os.fork"),
        ("import subprocess\ndef double(x):\n    subprocess.run(['true'])\n", "subprocess.Popen"),
        ("import os\ndef double(x):\n    os.kill(os.getppid(), 9)\n", "os.kill"),
        ("import socket\ndef double(x):\n    socket.create_connection(('127.0.0.1', 9))\n", "socket"),
        ("def double(x):\n    return open('/etc/hostname').read()\n", "outside its folder"),
        ("def double(x):\n    open('/tmp/interview-escape.txt', 'w')\n", "outside its folder"),
        ("import ctypes\ndef double(x):\n    ctypes.CDLL('libc.so.6').exit(0)\n", "ctypes"),
    ],
)
def test_processes_network_files_outside_and_ctypes_are_refused(source: str, refused: str) -> None:
    case = run(source, cases=1).cases[0]
    assert case.status == CaseStatus.ERROR and refused in case.message, case


def test_a_fork_bomb_is_refused() -> None:
    report = run("import os\ndef double(x):\n    while True:\n        os.fork()\n", cases=1)
    assert report.cases[0].status == CaseStatus.ERROR and "os.fork" in report.cases[0].message


def test_files_inside_the_temporary_folder_work_and_vanish() -> None:
    source = (
        "import os\ndef double(x):\n    open('n.txt', 'w').write(str(x))\n    return int(open('n.txt').read()) * 2\n"
    )
    assert run(source).passed == 3


def test_printing_a_gigabyte_is_cut_not_kept() -> None:
    source = "def double(x):\n    for _ in range(10**6):\n        print('x' * 1000)\n    return x * 2\n"
    case = run(source, cases=1, limits=Limits(case_seconds=1.0, run_seconds=2.0, output_chars=100)).cases[0]
    assert len(case.output) < 200  # 100 kept and a note of how much was cut, never the gigabyte
    assert case.status in (CaseStatus.TIMEOUT, CaseStatus.PASSED)


def test_os_exit_reports_the_cases_that_never_ran() -> None:
    report = run("import os\ndef double(x):\n    if x == 1:\n        os._exit(0)\n    return x * 2\n")
    assert [c.status for c in report.cases] == [CaseStatus.PASSED, CaseStatus.ERROR, CaseStatus.ERROR]


def test_an_object_claiming_to_equal_anything_cannot_pass() -> None:
    source = "class Any:\n    def __eq__(self, other):\n        return True\ndef double(x):\n    return Any()\n"
    case = run(source, cases=1).cases[0]
    assert case.status == CaseStatus.ERROR and "returned a Any" in case.message


def test_the_child_never_receives_the_expected_values() -> None:
    from interview.coding.runner import _job

    exercise_ = CodeExercise("python", (CodeCase(expect='"secret-answer"', args="[1]"),), function="f")
    job = json.dumps(_job(exercise_, "", list(enumerate(exercise_.cases)), FAST))
    assert "secret-answer" not in job


def test_the_environment_carries_no_secrets(monkeypatch) -> None:
    monkeypatch.setenv("API_TOKEN", "hunter2")
    source = "import os\ndef double(x):\n    return os.environ.get('API_TOKEN', 'none')\n"
    assert run(source, cases=1).cases[0].got == '"none"'


def test_numpy_results_compare_as_lists_and_never_load_in_the_app() -> None:
    pytest.importorskip("numpy")
    code = (
        "import sys, json\n"
        "from interview.bank.code_model import CodeCase, CodeExercise\n"
        "from interview.coding import run_exercise\n"
        "ex = CodeExercise('python', (CodeCase(expect='[2, 4]', args='[[1, 2]]'),), function='double')\n"
        "r = run_exercise(ex, 'import numpy as np\\ndef double(x):\\n    return np.array(x) * 2\\n')\n"
        "print(r.cases[0].status, 'numpy' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["passed", "False"]


def test_sql_cases_build_their_tables_and_compare_rows() -> None:
    rows = json.dumps({"t": [[1, "a"], [2, "b"], [1, "c"]]})
    ex = CodeExercise(
        "sql",
        (CodeCase(expect="[[1, 2], [2, 1]]", rows=rows, unordered=True),),
        schema=(("t", (("k", "INTEGER"), ("v", "TEXT"))),),
    )
    assert run_exercise(ex, "SELECT k, COUNT(*) FROM t GROUP BY k ORDER BY k DESC").cases[0].passed
    assert run_exercise(ex, "SELECT k FROM t").cases[0].status == CaseStatus.FAILED
    assert "syntax error" in run_exercise(ex, "SELEC 1").cases[0].message
    assert "not authorized" in run_exercise(ex, "ATTACH DATABASE 'x.db' AS x").cases[0].message
    endless = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT COUNT(*) FROM c"
    assert run_exercise(ex, endless, limits=FAST).cases[0].status == CaseStatus.TIMEOUT


@pytest.mark.parametrize(
    "expected, got, tolerance, result",
    [
        (1, 1.0, 0.0, True),
        (0.1 + 0.2, 0.3, 1e-9, True),
        (0.3, 0.31, 1e-9, False),
        (True, 1, 0.0, False),
        ([1, [2, 3]], [1, [2, 3]], 0.0, True),
        ([1, 2], [1, 2, 3], 0.0, False),
        ({"a": 1}, {"a": 1.0000001}, 1e-6, True),
        ("1", 1, 0.0, False),
    ],
)
def test_values_compare_as_data(expected, got, tolerance, result) -> None:
    assert same(expected, got, tolerance) is result


def test_unordered_is_a_multiset() -> None:
    assert same_unordered([[1, 2], [3, 4]], [[3, 4], [1, 2]])
    assert not same_unordered([1, 1, 2], [1, 2, 2])
