"""Cold start to the first painted screen: `interview` beside an empty Textual app, same harness.

Also the same start with a 100,000-attempt history, whose home screen reads it.

Each run is a fresh Python process that builds the app, runs it headless and exits as soon as the
first frame has been written. Also `python -X importtime` totals for
the CLI path (must not import Textual) and the TUI path.

    python -m bench.startup
"""

from __future__ import annotations

import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import interview

RUNS = 21


def paired_ratio(ours: list[float], empty: list[float]) -> float:
    """Median of run-by-run ratios: each of our runs beside the empty app's run just before it, so a
    slow spell on the machine slows both sides of a pair rather than one side of the medians."""
    return statistics.median(o / e for o, e in zip(ours, empty, strict=True))


# The same harness wraps both apps: it runs them headless at 120x40 and exits on the first frame
# written to the screen, printing which screen that frame showed (ours must be the home screen, with
# its content, not Textual's blank default screen). Ours is started through its console-script
# entry point, exactly as `interview` starts it.
HARNESS = """
import sys
from textual.app import App
_run, _display = App.run, App._display
def run(self, *args, **kwargs):
    kwargs.update(headless=True, size=(120, 40))
    return _run(self, *args, **kwargs)
def display(self, screen, renderable):
    _display(self, screen, renderable)
    if renderable is not None and not getattr(self, "_first_frame", None):
        self._first_frame = type(screen).__name__
        sys.stderr.write(f"first frame: {self._first_frame}\\n")
        sys.stderr.flush()
        self.exit()
App.run, App._display = run, display
"""
EMPTY_APP = (
    HARNESS
    + """
App().run()
"""
)
INTERVIEW_APP = (
    HARNESS
    + """
sys.argv = ["interview"]
from interview.entry import main
main()
"""
)


def time_process(code: str, env: dict[str, str], first_screen: str) -> float:
    """Seconds from launching the process to its first frame (the harness reports it on stderr).

    The app's exit is not counted: ours finishes loading the question packs in a background thread
    after the first frame, which a person never waits for."""
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", code], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    assert process.stderr is not None
    line = process.stderr.readline()
    elapsed = time.perf_counter() - start
    rest = process.communicate(timeout=60)[1]
    if line.strip() != f"first frame: {first_screen}" or process.returncode:
        raise RuntimeError(f"expected a first frame of {first_screen}, got: {line}{rest[-2000:]}")
    return elapsed


def import_total_ms(args: list[str], env: dict[str, str]) -> tuple[float, bool]:
    """Total import time in ms, and whether textual was imported."""
    result = subprocess.run([sys.executable, "-X", "importtime", *args], env=env, capture_output=True, text=True)
    total, textual = 0, False
    for line in result.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            parts = line.split("|")
            try:
                self_us = int(parts[0].split(":")[1])
            except ValueError:
                continue
            total += self_us
            textual |= parts[2].strip().startswith("textual")
    return total / 1000, textual


def figures() -> dict:
    from bench.history_scale import generate
    from interview import locations

    with tempfile.TemporaryDirectory() as home, tempfile.TemporaryDirectory() as busy_home:
        env = {**os.environ, "INTERVIEW_HOME": home}
        # the same start for someone with years of practice: the home screen reads their history
        busy_env = {**os.environ, "INTERVIEW_HOME": busy_home}
        generate(Path(busy_home) / locations.database_path().name)
        os.sync()  # the generated history is ~190 MB: let it reach the disk before anything is timed
        # An installed wheel has its bytecode compiled by pip; an editable install writes it on the first
        # run, unless PYTHONDONTWRITEBYTECODE is set (it is on some CI machines). Compile it once here so
        # both apps start from bytecode, as Textual's own modules do.
        compileall.compile_dir(Path(interview.__file__).parent, quiet=1)
        time_process(EMPTY_APP, env, "Screen")  # warm the OS file cache once for both
        time_process(INTERVIEW_APP, env, "HomeScreen")
        time_process(INTERVIEW_APP, busy_env, "HomeScreen")
        empty, ours, busy = [], [], []
        for _ in range(RUNS):  # interleaved, so machine noise hits all alike
            empty.append(time_process(EMPTY_APP, env, "Screen"))
            ours.append(time_process(INTERVIEW_APP, env, "HomeScreen"))
            busy.append(time_process(INTERVIEW_APP, busy_env, "HomeScreen"))
        cli_ms, cli_textual = import_total_ms(["-m", "interview", "pack", "list", "--json"], env)
        tui_ms, _ = import_total_ms(["-c", "import interview.tui.app"], env)
    return {
        "empty": empty,
        "ours": ours,
        "busy": busy,
        "cli_import_ms": cli_ms,
        "cli_imports_textual": cli_textual,
        "tui_import_ms": tui_ms,
    }


def main() -> None:
    result = figures()
    empty, ours = statistics.median(result["empty"]), statistics.median(result["ours"])
    print(f"cold start to first screen, median of {RUNS} (s)")
    print(f"  empty Textual app  {empty:.3f}  ({min(result['empty']):.3f}-{max(result['empty']):.3f})")
    print(f"  interview          {ours:.3f}  ({min(result['ours']):.3f}-{max(result['ours']):.3f})")
    print(f"  ratio              {paired_ratio(result['ours'], result['empty']):.2f}x  (budget 1.3x)")
    busy = statistics.median(result["busy"])
    print(
        f"  with 100k attempts {busy:.3f}  ({min(result['busy']):.3f}-{max(result['busy']):.3f}), "
        f"ratio {paired_ratio(result['busy'], result['empty']):.2f}x"
    )
    print(
        f"import time: CLI path {result['cli_import_ms']:.0f} ms "
        f"(imports textual: {'yes' if result['cli_imports_textual'] else 'no'}), "
        f"TUI path {result['tui_import_ms']:.0f} ms"
    )


if __name__ == "__main__":
    main()
