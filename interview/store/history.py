"""Reading and writing the history: sessions, attempts, drafts and disputes.

Every write is its own committed transaction, made as it happens: an answer is safe on disk the
moment it is submitted, and a draft within seconds of being typed.
"""

from __future__ import annotations

import json
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from interview.store.db import connect


@dataclass(frozen=True, slots=True)
class SessionRow:
    id: int
    kind: str
    mode: str
    status: str
    started_at: float
    finished_at: float | None
    deadline_at: float | None
    state: dict


@dataclass(frozen=True, slots=True)
class AttemptRow:
    id: int
    session_id: int
    position: int
    question_id: str
    topic: str
    answer: str
    score: float
    verdict: str
    breakdown: dict
    rubric_hash: str
    seconds: float
    hints: int
    overtime: bool
    skipped: bool
    submitted_at: float


@dataclass(frozen=True, slots=True)
class AttemptRecord:
    """One answer to write: what `record_attempt` and `insert_attempt` take."""

    session_id: int
    position: int
    question_id: str  # pack/id, or pack/id~fN for a follow-up
    topic: str
    answer: str
    score: float
    verdict: str
    breakdown: dict  # Score.to_dict()
    rubric_hash: str
    seconds: float
    hints: int = 0
    overtime: bool = False
    skipped: bool = False
    submitted_at: float | None = None  # None: the store's clock, now


@dataclass(frozen=True, slots=True)
class DraftRecord:
    """The answer being typed, to write: what `save_draft` takes."""

    session_id: int
    position: int
    question_id: str
    text: str
    hints: int
    elapsed: float


@dataclass(frozen=True, slots=True)
class Draft:
    session_id: int
    position: int
    question_id: str
    text: str
    hints: int
    elapsed: float
    saved_at: float


SESSION_COLUMNS = "id, kind, mode, status, started_at, finished_at, deadline_at, state"
ATTEMPT_COLUMNS = (
    "id, session_id, position, question_id, topic, answer, score, verdict, breakdown, rubric_hash, seconds, "
    "hints, overtime, skipped, submitted_at"
)


class Store:
    def __init__(self, path: Path | str, wall_clock: Callable[[], float] = time.time) -> None:
        self.path = path
        self.db = connect(path)
        self.now = wall_clock

    def close(self) -> None:
        self.db.close()

    # -- sessions ---------------------------------------------------------------------------
    def create_session(self, kind: str, mode: str, state: dict, deadline_at: float | None = None) -> int:
        cursor = self.db.execute(
            "INSERT INTO sessions (kind, mode, started_at, deadline_at, state) VALUES (?, ?, ?, ?, ?)",
            (kind, mode, self.now(), deadline_at, json.dumps(state)),
        )
        return row_id(cursor)

    def save_state(self, session_id: int, state: dict) -> None:
        self.db.execute("UPDATE sessions SET state = ? WHERE id = ?", (json.dumps(state), session_id))

    def finish_session(self, session_id: int, status: str = "finished") -> None:
        self.db.execute(
            "UPDATE sessions SET status = ?, finished_at = ? WHERE id = ?", (status, self.now(), session_id)
        )
        self.db.execute("DELETE FROM drafts WHERE session_id = ?", (session_id,))

    def rows(self, sql: str, args: tuple | list = ()) -> sqlite3.Cursor:
        """A query whose rows are read by column name (sqlite3.Row), not by position."""
        cursor = self.db.cursor()
        cursor.row_factory = sqlite3.Row
        return cursor.execute(sql, args)

    def session(self, session_id: int) -> SessionRow | None:
        row = self.rows(f"SELECT {SESSION_COLUMNS} FROM sessions WHERE id = ?", (session_id,)).fetchone()
        return _session(row) if row else None

    UNFINISHED = (  # index sessions_active
        f"SELECT {SESSION_COLUMNS} FROM sessions WHERE status = 'active' ORDER BY id DESC LIMIT 1"
    )

    def unfinished_session(self) -> SessionRow | None:
        row = self.rows(self.UNFINISHED).fetchone()
        return _session(row) if row else None

    def sessions_page(
        self,
        offset: int = 0,
        limit: int = 100,
        kind: str | None = None,
        topic: str | None = None,
        since: float | None = None,
    ) -> list[tuple[SessionRow, int, float | None]]:
        """A page of sessions, newest first, filtered in SQL (history screens page through these)."""
        where: list[str] = ["1 = 1"]
        args: list[object] = []
        if kind:
            where.append("s.kind = ?")
            args.append(kind)
        if since:
            where.append("s.started_at >= ?")
            args.append(since)
        if topic:
            where.append("EXISTS (SELECT 1 FROM attempts t WHERE t.session_id = s.id AND t.topic LIKE ?)")
            args.append(f"{topic}%")
        columns = ", ".join(f"s.{c}" for c in SESSION_COLUMNS.split(", "))
        rows = self.rows(
            f"SELECT {columns}, (SELECT COUNT(*) FROM attempts a WHERE a.session_id = s.id) AS answers, "
            f"(SELECT AVG(score) FROM attempts a WHERE a.session_id = s.id) AS mean_score FROM sessions s "
            f"WHERE {' AND '.join(where)} ORDER BY s.id DESC LIMIT ? OFFSET ?",
            (*args, limit, offset),
        ).fetchall()
        return [(_session(row), row["answers"], row["mean_score"]) for row in rows]

    def question_attempts(self, question_id: str) -> list[AttemptRow]:
        rows = self.rows(
            f"SELECT {ATTEMPT_COLUMNS} FROM attempts WHERE question_id = ? ORDER BY submitted_at, id", (question_id,)
        )
        return [_attempt(row) for row in rows]

    def daily_activity(self, since: float) -> list[tuple[str, int, float]]:
        """(day, answers, mean score) per day since `since`, local dates."""
        return list(
            self.db.execute(
                "SELECT date(submitted_at, 'unixepoch', 'localtime') AS day, COUNT(*), AVG(score) FROM attempts "
                "WHERE skipped = 0 AND submitted_at >= ? GROUP BY day ORDER BY day",
                (since,),
            )
        )

    # -- attempts ---------------------------------------------------------------------------
    def record_attempt(self, record: AttemptRecord) -> int:
        with self.db:  # the attempt and the removal of its draft land together or not at all
            self.db.execute("BEGIN IMMEDIATE")
            attempt_id = self.insert_attempt(record)
            self.db.execute(
                "DELETE FROM drafts WHERE session_id = ? AND position = ?", (record.session_id, record.position)
            )
        return attempt_id

    def insert_attempt(self, record: AttemptRecord) -> int:
        """One attempt and its concept verdicts, inside the caller's transaction (answers, imports, generators)."""
        when = self.now() if record.submitted_at is None else record.submitted_at
        cursor = self.db.execute(
            "INSERT INTO attempts (session_id, position, question_id, topic, answer, score, verdict, breakdown, "
            "rubric_hash, seconds, hints, overtime, skipped, submitted_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                record.session_id,
                record.position,
                record.question_id,
                record.topic,
                record.answer,
                record.score,
                record.verdict,
                json.dumps(record.breakdown),
                record.rubric_hash,
                record.seconds,
                record.hints,
                int(record.overtime),
                int(record.skipped),
                when,
            ),
        )
        attempt_id = row_id(cursor)
        if not record.skipped:
            concepts = record.breakdown.get("concepts", [])
            self.add_concept_verdicts(attempt_id, record.question_id, record.topic, concepts, when)
        return attempt_id

    def add_concept_verdicts(
        self, attempt_id: int, question_id: str, topic: str, concepts: list[dict], when: float
    ) -> None:
        """Concept rows for an attempt, and the running per-concept state the summaries read."""
        self.db.executemany(
            "INSERT INTO attempt_concepts (attempt_id, question_id, topic, concept, verdict, credit, submitted_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(attempt_id, question_id, topic, c["concept"], c["verdict"], c["credit"], when) for c in concepts],
        )
        self.db.executemany(
            "INSERT INTO concept_stats (topic, concept, recent, attempts, credit_sum, last_at) "
            "VALUES (?, ?, ?, 1, ?, ?) "
            "ON CONFLICT (topic, concept) DO UPDATE SET recent = substr(excluded.recent || recent, 1, 5), "
            "attempts = attempts + 1, credit_sum = credit_sum + excluded.credit_sum, last_at = excluded.last_at",
            [(topic, c["concept"], c["verdict"][:1], c["credit"], when) for c in concepts],
        )

    def attempts(self, session_id: int) -> list[AttemptRow]:
        rows = self.rows(
            f"SELECT {ATTEMPT_COLUMNS} FROM attempts WHERE session_id = ? ORDER BY position, id", (session_id,)
        )
        return [_attempt(row) for row in rows]

    def question_history(self) -> dict[str, tuple[int, float]]:
        """Per question: how many attempts, and the latest score (for choosing what to ask)."""
        rows = self.db.execute(
            "SELECT question_id, COUNT(*), (SELECT score FROM attempts b WHERE b.question_id = a.question_id "
            "ORDER BY submitted_at DESC, id DESC LIMIT 1) FROM attempts a WHERE skipped = 0 GROUP BY question_id"
        )
        return {qid: (count, last) for qid, count, last in rows}

    # -- spaced repetition ------------------------------------------------------------------
    def card(self, question_id: str) -> tuple[dict, int, int] | None:
        """The stored fsrs card of a question, with its review and lapse counts."""
        row = self.db.execute(
            "SELECT card, reviews, lapses FROM review_cards WHERE question_id = ?", (question_id,)
        ).fetchone()
        return (json.loads(row[0]), row[1], row[2]) if row else None

    def save_card(self, question_id: str, card: dict, due: float, lapsed: bool) -> None:
        self.db.execute(
            "INSERT INTO review_cards (question_id, card, due, reviews, lapses, updated_at, previous) "
            "VALUES (?, ?, ?, 1, ?, ?, NULL) "
            "ON CONFLICT (question_id) DO UPDATE SET previous = card, card = excluded.card, due = excluded.due, "
            "reviews = reviews + 1, lapses = lapses + excluded.lapses, updated_at = excluded.updated_at",
            (question_id, json.dumps(card), due, int(lapsed), self.now()),
        )

    def previous_card(self, question_id: str) -> tuple[dict | None, int] | None:
        """The card before its latest review (None for a first review), and that review's lapse count."""
        row = self.db.execute(
            "SELECT previous, lapses FROM review_cards WHERE question_id = ?", (question_id,)
        ).fetchone()
        return (json.loads(row[0]) if row[0] else None, row[1]) if row else None

    def replace_latest_review(
        self, question_id: str, card: dict, due: float, lapsed_before: bool, lapsed_now: bool
    ) -> None:
        self.db.execute(
            "UPDATE review_cards SET card = ?, due = ?, lapses = lapses - ? + ?, updated_at = ? WHERE question_id = ?",
            (json.dumps(card), due, int(lapsed_before), int(lapsed_now), self.now(), question_id),
        )

    def due_questions(self, now: float, limit: int = 50) -> list[tuple[str, float]]:
        return list(
            self.db.execute(
                "SELECT question_id, due FROM review_cards WHERE due <= ? ORDER BY due LIMIT ?", (now, limit)
            )
        )

    def leeches(self, min_lapses: int = 4) -> list[tuple[str, int, int]]:
        return list(
            self.db.execute(
                "SELECT question_id, lapses, reviews FROM review_cards WHERE lapses >= ? "
                "ORDER BY lapses DESC, question_id",
                (min_lapses,),
            )
        )

    # -- drafts and disputes ----------------------------------------------------------------
    def save_draft(self, record: DraftRecord) -> None:
        self.db.execute(
            "INSERT INTO drafts (session_id, position, question_id, text, hints, elapsed, saved_at) "
            "VALUES (?,?,?,?,?,?,?) ON CONFLICT (session_id, position) DO UPDATE SET "
            "question_id = excluded.question_id, "
            "text = excluded.text, hints = excluded.hints, elapsed = excluded.elapsed, saved_at = excluded.saved_at",
            (
                record.session_id,
                record.position,
                record.question_id,
                record.text,
                record.hints,
                record.elapsed,
                self.now(),
            ),
        )

    def draft(self, session_id: int, position: int) -> Draft | None:
        row = self.rows(
            "SELECT session_id, position, question_id, text, hints, elapsed, saved_at FROM drafts "
            "WHERE session_id = ? AND position = ?",
            (session_id, position),
        ).fetchone()
        return Draft(**dict(row)) if row else None

    def add_dispute(self, attempt_id: int, concept: str) -> None:
        self.db.execute(
            "INSERT OR IGNORE INTO disputes (attempt_id, concept, created_at) VALUES (?, ?, ?)",
            (attempt_id, concept, self.now()),
        )

    def disputes(self, attempt_id: int) -> list[str]:
        return [
            c
            for (c,) in self.db.execute("SELECT concept FROM disputes WHERE attempt_id = ? ORDER BY id", (attempt_id,))
        ]


def row_id(cursor: sqlite3.Cursor) -> int:
    """The id of the row an INSERT just made (always set after one)."""
    if cursor.lastrowid is None:
        raise RuntimeError("no row was inserted")
    return cursor.lastrowid


def _session(row: sqlite3.Row) -> SessionRow:
    return SessionRow(
        id=row["id"],
        kind=row["kind"],
        mode=row["mode"],
        status=row["status"],
        started_at=row["started_at"],
        finished_at=row["finished_at"],
        deadline_at=row["deadline_at"],
        state=json.loads(row["state"]),
    )


def _attempt(row: sqlite3.Row) -> AttemptRow:
    values = dict(row)
    values["breakdown"] = json.loads(values["breakdown"])
    values["overtime"], values["skipped"] = bool(values["overtime"]), bool(values["skipped"])
    return AttemptRow(**values)
