"""Migrations under concurrency: several processes opening one database at once all succeed."""

from __future__ import annotations

import multiprocessing
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from interview.store import SCHEMA_VERSION, Store, StoreError
from interview.store.db import MIGRATIONS, _statements

PROCESSES = 4
ROUNDS = 20


def old_database(path: Path, version: int = 1) -> None:
    """A history made by an older interview: only the first `version` migrations applied."""
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA journal_mode = WAL")
    for step in range(version):
        for statement in _statements(MIGRATIONS[step]):
            connection.execute(statement)
    connection.execute(f"PRAGMA user_version = {version}")
    connection.close()


def open_each(paths: list[str], barrier: Any, errors: Any) -> None:
    """In a child process: open every path, each at the same moment as the other children."""
    for path in paths:
        barrier.wait(timeout=60)
        try:
            Store(path).close()
        except (StoreError, sqlite3.Error) as error:
            errors.put(f"{Path(path).name}: {type(error).__name__}: {error}")


@pytest.mark.slow
@pytest.mark.parametrize("start", ["fresh", "old"])
def test_processes_opening_one_database_at_once_all_succeed(tmp_path: Path, start: str) -> None:
    paths = [tmp_path / f"round-{n}.sqlite3" for n in range(ROUNDS)]
    if start == "old":
        for path in paths:
            old_database(path)
    context = multiprocessing.get_context("spawn")  # no inherited sqlite handles or threads
    barrier, errors = context.Barrier(PROCESSES), context.Queue()
    children = [
        context.Process(target=open_each, args=([str(p) for p in paths], barrier, errors)) for _ in range(PROCESSES)
    ]
    for child in children:
        child.start()
    for child in children:
        child.join(timeout=120)
    found = []
    while not errors.empty():
        found.append(errors.get())
    assert found == []
    assert all(child.exitcode == 0 for child in children)
    for path in paths:
        store = Store(path)
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        store.close()


def test_a_database_another_process_holds_locked_is_busy_not_damaged(tmp_path: Path, monkeypatch) -> None:
    """A lock held past the busy timeout must never look like damage (which offers to move the file aside)."""
    path = tmp_path / "h.sqlite3"
    old_database(path)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    monkeypatch.setattr("interview.store.db.BUSY_TIMEOUT_MS", 50)
    with pytest.raises(StoreError) as raised:
        Store(path)
    holder.execute("ROLLBACK")
    holder.close()
    assert raised.value.kind == "busy" and "another" in str(raised.value)
    assert Store(path).db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
