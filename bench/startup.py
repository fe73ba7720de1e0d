"""Cold start to the first painted screen: `interview` beside an empty Textual app, same harness.

Each run is a fresh Python process that builds the app, runs it headless and exits as soon as the
first screen has been painted (call_after_refresh on mount). Also `python -X importtime` totals for
the CLI path (must not import Textual) and the TUI path.

    python -m bench.startup
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time

RUNS = 7

# Both apps use the same hook: on mount, exit as soon as the first frame has been refreshed. Ours
# reads it from INTERVIEW_EXIT_AFTER_FIRST_PAINT and is started exactly as a user starts it.
EMPTY_APP = """
from textual.app import App
class Empty(App):
    def on_mount(self):
        self.call_after_refresh(self.exit)
Empty().run(headless=True, size=(120, 40))
"""

INTERVIEW_APP = """
from interview.cli import main
main(args=[], prog_name="interview", standalone_mode=False)
"""


def time_process(code: str, env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, env=env, stdout=subprocess.DEVNULL, timeout=60)
    return time.perf_counter() - start


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
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "INTERVIEW_HOME": home, "INTERVIEW_EXIT_AFTER_FIRST_PAINT": "1"}
        time_process(EMPTY_APP, env)  # warm the OS file cache once for both
        time_process(INTERVIEW_APP, env)
        empty, ours = [], []
        for _ in range(RUNS):  # interleaved, so machine noise hits both alike
            empty.append(time_process(EMPTY_APP, env))
            ours.append(time_process(INTERVIEW_APP, env))
        cli_ms, cli_textual = import_total_ms(["-m", "interview", "pack", "list", "--json"], env)
        tui_ms, _ = import_total_ms(["-c", "import interview.tui.app"], env)
    return {"empty": empty, "ours": ours, "cli_import_ms": cli_ms, "cli_imports_textual": cli_textual,
            "tui_import_ms": tui_ms}


def main() -> None:
    result = figures()
    empty, ours = statistics.median(result["empty"]), statistics.median(result["ours"])
    print(f"cold start to first screen, median of {RUNS} (s)")
    print(f"  empty Textual app  {empty:.3f}  ({min(result['empty']):.3f}-{max(result['empty']):.3f})")
    print(f"  interview          {ours:.3f}  ({min(result['ours']):.3f}-{max(result['ours']):.3f})")
    print(f"  ratio              {ours / empty:.2f}x  (budget 1.3x)")
    print(f"import time: CLI path {result['cli_import_ms']:.0f} ms "
          f"(imports textual: {'yes' if result['cli_imports_textual'] else 'no'}), TUI path {result['tui_import_ms']:.0f} ms")


if __name__ == "__main__":
    main()
