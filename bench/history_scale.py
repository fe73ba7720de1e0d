"""History at scale: 100,000 generated attempts.

Figures: the weak-areas summary (mastery per area and topic, weakest concepts), the history screen
opening (first page, in the real app), a full JSON export, and peak memory of a process holding a
10,000-question bank and the 100,000-attempt history.

    python -m bench.history_scale
"""

from __future__ import annotations

import asyncio
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from interview.store import AttemptRecord, Store

ATTEMPTS = 100_000
AREAS = [
    "ml-fundamentals",
    "supervised",
    "deep-learning",
    "nlp",
    "evaluation-metrics",
    "probability-statistics",
    "coding-dsa",
    "mlops",
    "llm",
    "data-features",
]
CONCEPTS = ["bias", "variance", "irreducible error", "regularization", "cross-validation"]


def generate(path: Path, attempts: int = ATTEMPTS, seed: int = 3) -> None:
    """A plausible history: 2 years, ~6 answers a session, concepts hit more often as time goes on."""
    rng = random.Random(seed)
    store = Store(path)
    start = time.time() - 730 * 86400
    session_id = 0
    store.db.execute("BEGIN")  # committed in chunks below, as real use does, so WAL checkpoints keep up
    for n in range(attempts):
        if n % 6 == 0:
            session_id = store.db.execute(
                "INSERT INTO sessions (kind, mode, status, started_at, finished_at, state) VALUES (?,?,?,?,?,?)",
                (
                    rng.choice(["phone", "drill", "onsite"]),
                    "practice",
                    "finished",
                    start + n * 630,
                    start + n * 630 + 1800,
                    "{}",
                ),
            ).lastrowid
        area = rng.choice(AREAS)
        topic = f"{area}/sub{rng.randrange(8)}"
        when = start + n * 630
        skill = 0.3 + 0.6 * n / attempts
        concepts = [
            {"concept": c, "verdict": "hit" if rng.random() < skill else "missed", "credit": 0.0} for c in CONCEPTS
        ]
        for c in concepts:
            c["credit"] = 1.0 if c["verdict"] == "hit" else 0.0
        score = sum(c["credit"] for c in concepts) / len(concepts)
        breakdown = {
            "score": score,
            "verdict": "pass",
            "coverage": score,
            "concepts": concepts,
            "misconceptions": [],
            "reasons": [],
            "hints_taken": 0,
        }
        # the store's own write path, so the running concept state is built as in real use
        store.insert_attempt(
            AttemptRecord(
                session_id,
                n % 6,
                f"gen/{area}-{rng.randrange(40)}",
                topic,
                "an answer " * 40,
                score,
                "pass",
                breakdown,
                "h",
                120.0,
                submitted_at=when,
            )
        )
        if n % 5000 == 4999:
            store.db.execute("COMMIT")
            store.db.execute("BEGIN")
    store.db.execute("COMMIT")
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.db.execute("ANALYZE")
    store.close()


def timed(function, runs: int = 5) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return times


def weak_areas_summary(store: Store) -> None:
    from interview.progress import mastery_by, weak_concepts

    now = time.time()
    mastery_by(store, now)
    mastery_by(store, now, level="topic")
    weak_concepts(store)


def history_screen_open(path: Path) -> list[float]:
    """In the real app: from pushing the history screen to the first frame showing its first page.

    The frame is caught where the app writes it (App._display), as in the start-up benchmark. Timing
    up to Pilot.pause() instead would add Pilot's wait for the CPU to go idle: about 100 ms even for
    a screen holding one Static, measured on this machine."""
    from textual.app import App

    from interview.bank import Bank
    from interview.tui.app import make_app
    from interview.tui.screens.history import PAGE, HistoryScreen

    painted: dict[int, float] = {}
    write_frame = App._display

    def display(app, screen, renderable):  # type: ignore[no-untyped-def]
        write_frame(app, screen, renderable)
        if renderable is not None and isinstance(screen, HistoryScreen):
            painted.setdefault(id(screen), time.perf_counter())

    async def measure() -> list[float]:
        app = make_app(bank=Bank(), store=Store(path), keymap={})
        times = []
        async with app.run_test(size=(120, 40)) as pilot:
            for _ in range(7):
                screen = HistoryScreen()
                start = time.perf_counter()
                await app.push_screen(screen)
                while id(screen) not in painted:
                    await asyncio.sleep(0.0005)
                times.append(painted[id(screen)] - start)
                assert screen.query_one("#sessions").row_count == PAGE  # the page was on that frame
                app.pop_screen()
                await pilot.pause()
        return times

    App._display = display  # type: ignore[method-assign]
    try:
        return asyncio.run(measure())
    finally:
        App._display = write_frame  # type: ignore[method-assign]


MEMORY = """
import re, sys, time
from pathlib import Path
from interview.bank import load_bank
from interview.store import Store
from interview.progress import mastery_by, weak_concepts
bank = load_bank([Path(sys.argv[1])], builtin=True)
store = Store(sys.argv[2])
mastery_by(store, time.time()); weak_concepts(store); store.sessions_page(0, 100)
# VmHWM belongs to this address space; ru_maxrss would carry the parent's peak across exec
peak_kb = int(re.search(r"VmHWM:\s+(\d+)", open("/proc/self/status").read()).group(1))
print(len(bank.questions), peak_kb / 1024)
"""


def peak_memory(history: Path, home: str) -> tuple[int, float]:
    from bench.bank_load import generate as generate_bank

    with tempfile.TemporaryDirectory() as packs:
        generate_bank(Path(packs))
        env = {**os.environ, "INTERVIEW_HOME": home}
        subprocess.run(
            [sys.executable, "-c", MEMORY, packs, str(history)], env=env, check=True, capture_output=True
        )  # fills the cache
        out = subprocess.run(
            [sys.executable, "-c", MEMORY, packs, str(history)], env=env, check=True, capture_output=True, text=True
        ).stdout.split()
    return int(out[0]), float(out[1])


def figures() -> dict:
    from interview.store.exchange import export_bundle

    with tempfile.TemporaryDirectory() as home:
        path = Path(home) / "history.sqlite3"
        started = time.perf_counter()
        generate(path)
        generated = time.perf_counter() - started
        store = Store(path)
        result = {
            "generate_s": generated,
            "weak_areas": timed(lambda: weak_areas_summary(store)),
            "first_page": timed(lambda: store.sessions_page(0, 100)),
            "history_screen": history_screen_open(path),
            "export": timed(lambda: export_bundle(store), runs=1),
            "memory": peak_memory(path, home),
        }
    return result


def main() -> None:
    result = figures()
    print(f"history with {ATTEMPTS:,} attempts (generated in {result['generate_s']:.1f} s); medians in ms")
    for name, key, budget in (
        ("weak-areas summary", "weak_areas", "200"),
        ("history first page (SQL)", "first_page", "-"),
        ("history screen open (app)", "history_screen", "300"),
        ("JSON export", "export", "-"),
    ):
        values = result[key]
        print(
            f"  {name:<28}{statistics.median(values) * 1000:>9.1f}  ({min(values) * 1000:.1f}-{max(values) * 1000:.1f})"
            f"  budget {budget}"
        )
    questions, megabytes = result["memory"]
    print(f"  peak memory, {questions:,} questions + {ATTEMPTS:,} attempts: {megabytes:.0f} MB (budget 200)")


if __name__ == "__main__":
    main()
