"""One error boundary for writes to the history: a failed write is kept and tried again, never raised.

A full disk, a folder made read-only or a lock another process holds past the busy timeout all
raise `sqlite3.Error` from inside a write. Before this boundary that error reached the event loop
and closed the app, taking the typed answer with it. Now the write waits in a queue, in order, and
`retry()` (called by the app every few seconds) replays it; whoever shows the problem to the user is
told through `on_change` when saving fails and when it works again.

Each pending write is a closure that already holds the values it writes, taken when the write was
asked for, so the round can move on while it waits. A write with a `key` replaces an older pending
write with the same key (a newer draft of the same answer supersedes the old one).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Hashable
from dataclasses import dataclass


@dataclass(slots=True)
class _Pending:
    what: str
    write: Callable[[], object]
    key: Hashable | None


class StoreWrites:
    def __init__(self, on_change: Callable[[str | None], None] | None = None) -> None:
        self.pending: list[_Pending] = []
        self.problem: str | None = None  # "not saved: <reason> — retrying" while writes wait
        self.on_change = on_change

    def run(self, what: str, write: Callable[[], object], key: Hashable | None = None) -> bool:
        """Write now (after anything still waiting, to keep the order); on failure keep it for later.

        Returns whether it is on disk.
        """
        if key is not None:
            self.pending = [p for p in self.pending if p.key != key]
        self.pending.append(_Pending(what, write, key))
        return self.retry()

    def retry(self) -> bool:
        """Replay waiting writes in order, stopping at the first that fails. True when none wait."""
        while self.pending:
            head = self.pending[0]
            try:
                head.write()
            except sqlite3.Error as error:
                self._failed(head.what, error)
                return False
            self.pending.pop(0)
        if self.problem is not None:
            self.problem = None
            if self.on_change:
                self.on_change(None)
        return True

    def _failed(self, what: str, error: sqlite3.Error) -> None:
        problem = f"not saved: {what}: {describe(error)} — retrying"
        if problem != self.problem:
            self.problem = problem
            if self.on_change:
                self.on_change(problem)


def describe(error: sqlite3.Error) -> str:
    """What went wrong, in the user's words rather than SQLite's."""
    message = str(error)
    if "full" in message:
        return "the disk is full"
    if "readonly" in message or "read-only" in message:
        return "the data folder is read-only"
    if "locked" in message or "busy" in message:
        return "another program holds the history locked"
    if "disk I/O" in message:
        return "the disk refused the write (full, read-only or removed?)"
    return message
