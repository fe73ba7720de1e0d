"""Run every benchmark and print one table; also write bench/RESULTS.md with the machine's details.

    make bench        (or: python -m bench)

Times are medians of repeated runs, measured side by side with their peers in the same run, since
these machines are shared and noisy. Scorer quality (correlation with hand grades) is reported too.
"""

from __future__ import annotations

import os
import platform
import statistics
import sys
import time
from pathlib import Path

from bench import bank_load, coding_run, history_scale, scoring_eval, scoring_speed, startup

RESULTS = Path(__file__).parent / "RESULTS.md"


def row(name: str, values: list[float], unit: str, budget: float | None, scale: float = 1.0) -> list[str]:
    median = statistics.median(values) * scale
    spread = f"{min(values) * scale:.3g}-{max(values) * scale:.3g}" if len(values) > 1 else "-"
    met = "-" if budget is None else ("met" if median <= budget else "MISSED")
    return [name, f"{median:.3g} {unit}", spread, "-" if budget is None else f"{budget:g} {unit}", met]


def ratio_row(name: str, ours: list[float], peer: list[float], budget: float) -> list[str]:
    ratio = startup.paired_ratio(ours, peer)
    return [name, f"{ratio:.2f}x", "-", f"{budget:g}x", "met" if ratio <= budget else "MISSED"]


def machine() -> str:
    cpu = (
        next(
            (
                line.split(":", 1)[1].strip()
                for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")
            ),
            platform.processor(),
        )
        if Path("/proc/cpuinfo").exists()
        else platform.processor()
    )
    return (
        f"{platform.platform()}, Python {platform.python_version()}, {os.cpu_count()} cores ({cpu}), "
        f"run {time.strftime('%Y-%m-%d %H:%M %Z')}"
    )


def main() -> None:
    rows: list[list[str]] = []
    notes: list[str] = []

    start = startup.figures()
    rows.append(row("cold start: empty Textual app", start["empty"], "s", None))
    rows.append(row("cold start: interview", start["ours"], "s", None))
    rows.append(ratio_row("cold start ratio (median of paired runs)", start["ours"], start["empty"], 1.3))
    rows.append(row("cold start: interview, 100k attempts", start["busy"], "s", None))
    rows.append(ratio_row("cold start ratio, 100k attempts", start["busy"], start["empty"], 1.3))
    rows.append(
        [
            "import time, CLI path",
            f"{start['cli_import_ms']:.0f} ms",
            "-",
            "-",
            "no Textual" if not start["cli_imports_textual"] else "IMPORTS TEXTUAL",
        ]
    )
    rows.append(["import time, TUI path", f"{start['tui_import_ms']:.0f} ms", "-", "-", "-"])

    bank = bank_load.figures()
    first, later, count = bank["builtin"]
    rows.append(row("built-in bank, first parse (no cache)", first, "s", None))
    rows.append(row(f"built-in bank ({count} q), cached", later, "s", 0.1))
    first, later, count = bank["generated"]
    rows.append(row("10k-question bank, first parse (no cache)", first, "s", 1.0))
    rows.append(row(f"10k-question bank ({count} q), cached", later, "s", 1.0))

    speed = scoring_speed.per_answer_figures()
    rows.append(row("score 300 words / 10 concepts", [speed["ours"][0]], "ms", 2.0, 1000))
    rows.append(row("  peer: exact keyword", [speed["exact keyword"][0]], "ms", None, 1000))
    rows.append(row("  peer: partial_ratio per phrase", [speed["partial_ratio"][0]], "ms", None, 1000))
    rows.append(row("score a 1 MB answer", scoring_speed.megabyte_answer_seconds(), "s", 1.0))
    rows.append(row("interview grade, 10,000 answers", [scoring_speed.grade_throughput()], "s", 10.0))

    history = history_scale.figures()
    rows.append(row("weak-areas summary, 100k attempts", history["weak_areas"], "ms", 200, 1000))
    rows.append(row("history first page (SQL)", history["first_page"], "ms", None, 1000))
    rows.append(row("history screen open, 100k attempts", history["history_screen"], "ms", 300, 1000))
    rows.append(row("JSON export, 100k attempts", history["export"], "s", None))
    questions, megabytes = history["memory"]
    rows.append(
        [
            f"peak memory, {questions:,} q + 100k attempts",
            f"{megabytes:.0f} MB",
            "-",
            "200 MB",
            "met" if megabytes <= 200 else "MISSED",
        ]
    )

    coding = coding_run.figures()
    rows.append(row("10-case Python exercise, end to end", coding["run"], "s", 1.0))
    rows.append(row("  peer: python -I -c pass", coding["python_start"], "s", None))

    ours, keyword = scoring_eval.evaluate()[:2]
    sb = ours["scientsbank"].get("test_ud")
    notes.append(
        f"Scorer vs hand grades ({ours['dev']['n']} answers): ours Pearson {ours['dev']['pearson']:.3f}, "
        f"Spearman {ours['dev']['spearman']:.3f}; exact-keyword baseline Pearson "
        f"{keyword['dev']['pearson']:.3f}, Spearman {keyword['dev']['spearman']:.3f}. Non-answers over 0.05 on "
        f"built-in questions: {ours['non_answers_over']}."
        + (
            f" SciEntsBank test_ud: ours Pearson {sb['pearson']:.3f} / AUC {sb['auc']:.3f}, exact keyword "
            f"{keyword['scientsbank']['test_ud']['pearson']:.3f} / {keyword['scientsbank']['test_ud']['auc']:.3f}."
            if sb
            else ""
        )
    )

    header = ["figure", "median", "min-max", "budget", "status"]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(widths[i]) for i, cell in enumerate(r)) for r in [header, *rows]]
    print("\n".join(lines))
    print("\n" + "\n".join(notes))
    table = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)] + ["| " + " | ".join(r) + " |" for r in rows]
    RESULTS.write_text(
        "# Benchmark results\n\nMachine: "
        + machine()
        + "\n\nCommand: `make bench`\n\n"
        + "\n".join(table)
        + "\n\n"
        + "\n".join(notes)
        + "\n",
        encoding="utf-8",
    )
    print(f"\nwrote {RESULTS}")


if __name__ == "__main__":
    sys.exit(main())
