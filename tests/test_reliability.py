"""Nothing typed is lost; damaged files are kept and explained; concurrent writers lose nothing."""

from __future__ import annotations

import contextlib
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from interview import locations
from interview.cli import main
from interview.store import Store, StoreError
from tests.history_fixtures import played_store

ROOT = Path(__file__).resolve().parent.parent


def child_env(home: Path) -> dict[str, str]:
    return {**os.environ, "INTERVIEW_HOME": str(home), "PYTHONPATH": str(ROOT)}


def damaged_database() -> bytes:
    path = locations.database_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    content = b"SQLite format 3\x00" + os.urandom(4000)
    path.write_bytes(content)
    return content


def test_a_damaged_database_is_explained_and_never_overwritten() -> None:
    content = damaged_database()
    result = CliRunner().invoke(main, ["history", "list"])
    assert result.exit_code == 1 and "damaged" in result.output and "history reset --move-damaged" in result.output
    assert "Traceback" not in result.output
    refused = CliRunner().invoke(main, ["history", "reset"])
    assert refused.exit_code == 1
    assert locations.database_path().read_bytes() == content  # only the user's say-so moves it


def test_reset_keeps_the_damaged_file_aside_and_starts_fresh() -> None:
    content = damaged_database()
    result = CliRunner().invoke(main, ["history", "reset", "--move-damaged"])
    assert result.exit_code == 0, result.output
    kept = [p for p in locations.database_path().parent.iterdir() if ".damaged-" in p.name]
    assert len(kept) == 1 and kept[0].read_bytes() == content
    assert CliRunner().invoke(main, ["history", "list"]).exit_code == 0


def test_a_truncated_database_is_detected(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    store = played_store(path, rounds=30)
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    size = path.stat().st_size
    with path.open("r+b") as handle:
        handle.truncate(size // 2)
    with pytest.raises(StoreError) as error:
        Store(path)
    assert error.value.kind == "damaged" and path.stat().st_size == size // 2


def test_an_unwritable_data_folder_gives_a_clear_error(tmp_path: Path, monkeypatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be")
    monkeypatch.setenv("INTERVIEW_HOME", str(blocker / "home"))
    result = CliRunner().invoke(main, ["history", "list"])
    assert result.exit_code == 1 and "cannot create the data folder" in result.output
    assert "INTERVIEW_HOME" in result.output and "Traceback" not in result.output


async def test_the_app_offers_a_fresh_history_for_a_damaged_one() -> None:
    from interview.tui.app import make_app
    from tests.rounds_fixtures import make_bank

    content = damaged_database()
    app = make_app(bank=make_bank(), keymap={})
    async with app.run_test(size=(100, 30)) as pilot:
        assert type(app.screen).__name__ == "ConfirmDialog"
        assert locations.database_path().read_bytes() == content
        await pilot.click("#yes")
        await pilot.pause()
        assert app.store.db.execute("PRAGMA user_version").fetchone()[0] > 0
    kept = [p for p in locations.database_path().parent.iterdir() if ".damaged-" in p.name]
    assert kept and kept[0].read_bytes() == content


WRITER = textwrap.dedent("""
    import sys
    from interview.store import AttemptRecord, DraftRecord, Store
    store = Store(sys.argv[1])
    session = store.create_session("drill", "practice", {})
    breakdown = {"score": 0.5, "verdict": "borderline", "concepts": [{"concept": "c", "verdict": "hit", "credit": 1.0}]}
    for i in range(int(sys.argv[2])):
        answer = "answer %d" % i
        store.record_attempt(AttemptRecord(session, i, "p/q", "a/b", answer, 0.5, "borderline", breakdown, "h", 1.0))
        store.save_draft(DraftRecord(session, i + 1, "p/q", "draft %d" % i, 0, 1.0))
        print(i, flush=True)
""")


@pytest.mark.slow
def test_two_writers_at_once_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "shared.sqlite3"
    Store(path).close()
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), "300"],
            env=child_env(tmp_path),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    for writer in writers:
        _, errors = writer.communicate(timeout=120)
        assert writer.returncode == 0, errors  # no "database is locked"
    assert Store(path).db.execute("SELECT COUNT(*) FROM attempts").fetchone()[0] == 600


@pytest.mark.slow
def test_a_kill_during_writes_leaves_the_database_intact(tmp_path: Path) -> None:
    path = tmp_path / "killed.sqlite3"
    Store(path).close()
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), "100000"], env=child_env(tmp_path), stdout=subprocess.PIPE, text=True
    )
    committed = -1
    for line in writer.stdout:
        committed = int(line)
        if committed >= 150:
            break
    writer.send_signal(signal.SIGKILL)
    writer.wait()
    store = Store(path)
    assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert store.db.execute("SELECT COUNT(*) FROM attempts").fetchone()[0] >= committed + 1


TYPIST = textwrap.dedent("""
    import asyncio, sys
    from interview.tui.app import make_app
    from tests.rounds_fixtures import make_bank

    async def type_then_wait(pilot):
        await pilot.press("p", "ctrl+s")
        area = pilot.app.screen.query_one("#answer")
        area.insert("My answer, typed before the crash: gradient clipping")
        print("typed", flush=True)
        await asyncio.Event().wait()  # the person stops typing; the test kills the app

    make_app(
        bank=make_bank(), keymap={}, autosave_seconds=float(sys.argv[1]), typing_pause_seconds=float(sys.argv[2])
    ).run(
        headless=True, size=(100, 30), auto_pilot=type_then_wait
    )
""")


def wait_for_draft(path: Path, text: str, app: subprocess.Popen) -> None:
    """Polls the child's database (read in parallel under WAL) until the draft is there."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and app.poll() is None:
        if path.exists():
            with contextlib.closing(sqlite3.connect(path)) as db:
                with contextlib.suppress(sqlite3.OperationalError):  # not yet created
                    if (text,) in db.execute("SELECT text FROM drafts").fetchall():
                        return
        time.sleep(0.05)


@pytest.mark.slow
@pytest.mark.parametrize(
    "autosave_seconds, typing_pause_seconds",
    [(0.2, 600), (600, 1.0)],
    ids=["autosave-timer", "a-pause-in-typing"],  # each time only one of the two can save the draft
)
def test_kill_9_mid_answer_keeps_the_draft_and_the_round_resumes(
    tmp_path: Path, autosave_seconds: float, typing_pause_seconds: float
) -> None:
    from interview.rounds import resume_session
    from tests.rounds_fixtures import make_bank

    home = tmp_path / "home"
    app = subprocess.Popen(
        [sys.executable, "-c", TYPIST, str(autosave_seconds), str(typing_pause_seconds)],
        env=child_env(home),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    line = ""
    while "typed" not in line and time.monotonic() < deadline:
        line = app.stdout.readline()
        if not line and app.poll() is not None:
            break
    wait_for_draft(home / "history.sqlite3", "My answer, typed before the crash: gradient clipping", app)
    app.send_signal(signal.SIGKILL)
    app.wait()
    assert "typed" in line, app.stderr.read()
    store = Store(home / "history.sqlite3")
    unfinished = store.unfinished_session()
    assert unfinished is not None and unfinished.kind == "phone"
    session = resume_session(store, make_bank(), unfinished.id)
    assert session.draft == "My answer, typed before the crash: gradient clipping"


HANGUP_TYPIST = textwrap.dedent("""
    import asyncio
    from interview.tui.app import make_app
    from tests.rounds_fixtures import make_bank

    async def type_then_wait(pilot):
        await pilot.press("p", "ctrl+s")
        pilot.app.screen.query_one("#answer").insert("Typed just before the terminal closed: early stopping")
        await pilot.pause()  # the Changed message hands the text to the round
        print("typed", flush=True)
        for _ in range(1200):  # the app outlives this pilot only until it exits
            if pilot.app.return_code is not None:
                return
            await asyncio.sleep(0.05)

    # no autosave can happen in this test: only the signal handling can save the text
    app = make_app(bank=make_bank(), keymap={}, autosave_seconds=600, typing_pause_seconds=600)
    app.call_later(app.leave_on_signals)  # as run_app does
    app.run(headless=True, size=(100, 30), auto_pilot=type_then_wait)
""")


@pytest.mark.slow
@pytest.mark.parametrize(
    "signal_number, ignored_by_parent",
    [(signal.SIGHUP, False), (signal.SIGTERM, False), (signal.SIGHUP, True)],
    ids=["hangup", "terminate", "hangup-under-nohup"],
)
def test_a_closed_terminal_or_sigterm_saves_the_draft_and_exits(
    tmp_path: Path, signal_number: int, ignored_by_parent: bool
) -> None:
    from interview.rounds import resume_session
    from tests.rounds_fixtures import make_bank

    home = tmp_path / "home"

    def as_under_nohup() -> None:
        signal.signal(signal.SIGHUP, signal.SIG_IGN)

    app = subprocess.Popen(
        [sys.executable, "-c", HANGUP_TYPIST],
        env=child_env(home),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=as_under_nohup if ignored_by_parent else None,
    )
    line = ""
    deadline = time.monotonic() + 60
    while "typed" not in line and time.monotonic() < deadline and app.poll() is None:
        line = app.stdout.readline()
    assert "typed" in line, app.stderr.read()
    app.send_signal(signal_number)
    assert app.wait(timeout=30) == 0  # exits by itself, cleanly, instead of dying or living on
    store = Store(home / "history.sqlite3")
    unfinished = store.unfinished_session()
    assert unfinished is not None
    assert (
        resume_session(store, make_bank(), unfinished.id).draft
        == "Typed just before the terminal closed: early stopping"
    )
