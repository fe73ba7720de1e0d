"""A failed write never crashes anything: the round goes on in memory, the write waits and is retried.

Three real causes: a full disk (a tiny tmpfs where this test may mount one, else an injected
SQLITE_FULL), a read-only database (SQLite's own read-only error, injected with query_only: as root
a chmod changes nothing) and a lock another process holds past the busy timeout.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from interview.rounds import RoundSession, StoreRecorder, plan_round
from interview.rounds.formats import drill
from interview.store import Store, StoreWrites
from tests.rounds_fixtures import FakeClock, make_bank

ANSWER = "Clip the gradient norm before each update so one bad batch cannot blow up the weights."


@contextlib.contextmanager
def small_folder(tmp_path: Path) -> Iterator[Path | None]:
    """A 1 MB tmpfs to fill up, or None where mounting is not allowed."""
    folder = tmp_path / "small"
    folder.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        yield None
        return
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(folder)], capture_output=True)
    if mounted.returncode != 0:
        yield None
        return
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


class Failure:
    """Makes the store's writes fail for one cause, and heals it."""

    def __init__(self, cause: str, store: Store, folder: Path | None) -> None:
        self.cause, self.store, self.folder = cause, store, folder
        self.holder: sqlite3.Connection | None = None

    def start(self) -> None:
        if self.cause == "disk-full" and self.folder is not None:
            with contextlib.suppress(OSError), (self.folder / "filler").open("wb") as filler:
                while True:
                    filler.write(b"\0" * 65536)
                    filler.flush()
        elif self.cause == "disk-full":  # no tmpfs here: the error SQLite gives on a full disk
            self.store.db.execute(
                "CREATE TEMP TRIGGER full BEFORE INSERT ON attempts "
                "BEGIN SELECT RAISE(FAIL, 'database or disk is full'); END"
            )
        elif self.cause == "read-only":
            self.store.db.execute("PRAGMA query_only = ON")
        else:
            self.store.db.execute("PRAGMA busy_timeout = 50")
            self.holder = sqlite3.connect(self.store.path, isolation_level=None)
            self.holder.execute("BEGIN EXCLUSIVE")

    def stop(self) -> None:
        if self.cause == "disk-full" and self.folder is not None:
            (self.folder / "filler").unlink()
        elif self.cause == "disk-full":
            self.store.db.execute("DROP TRIGGER temp.full")
        elif self.cause == "read-only":
            self.store.db.execute("PRAGMA query_only = OFF")
        elif self.holder is not None:
            self.holder.execute("ROLLBACK")
            self.holder.close()


REASONS = {
    "disk-full": "the disk is full",
    "read-only": "the data folder is read-only",
    "locked": "another program holds the history locked",
}


@pytest.fixture(params=list(REASONS))
def failure(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Failure]:
    with small_folder(tmp_path) as folder:
        where = folder if request.param == "disk-full" and folder is not None else tmp_path
        store = Store(where / "history.sqlite3")
        broken = Failure(request.param, store, folder if request.param == "disk-full" else None)
        yield broken
        store.close()


def test_a_failed_answer_write_is_kept_retried_and_never_raised(failure: Failure) -> None:
    problems: list[str | None] = []
    writes = StoreWrites(on_change=problems.append)
    bank = make_bank()
    spec = drill(2)
    session = RoundSession.start(
        spec, plan_round(spec, bank.questions, seed=1), StoreRecorder(failure.store, writes), FakeClock(), FakeClock()
    )
    failure.start()
    result = session.submit(ANSWER)  # raised sqlite3.OperationalError before the boundary
    assert result.answer == ANSWER and session.results[-1] is result  # kept in memory
    assert writes.problem == f"not saved: your answer: {REASONS[failure.cause]} — retrying"
    assert problems == [writes.problem]
    assert result.attempt_id is None
    session.advance()
    session.set_draft("the second answer, typed while nothing saves")
    session.pause()  # a draft write, queued behind the answer
    assert writes.retry() is False  # still failing: still waiting, still not raised
    failure.stop()
    assert writes.retry() is True
    assert problems[-1] is None and writes.problem is None
    assert [a.answer for a in failure.store.attempts(session.session_id)] == [ANSWER]
    assert result.attempt_id == failure.store.attempts(session.session_id)[0].id
    draft = failure.store.draft(session.session_id, session.position)
    assert draft is not None and draft.text == "the second answer, typed while nothing saves"


def test_a_newer_draft_replaces_the_waiting_one() -> None:
    writes = StoreWrites()
    done: list[str] = []

    def failing() -> None:
        raise sqlite3.OperationalError("database is locked")

    writes.run("your draft", failing, key="d")
    writes.run("your draft", failing, key="d")
    assert len(writes.pending) == 1
    writes.pending[0].write = lambda: done.append("written")
    assert writes.retry() and done == ["written"]
