"""Queries for practice habits and what to review: days practised, the concepts missed most per
question, and each question's review history (for fitting FSRS to the user)."""

from __future__ import annotations

import sqlite3


def answers_per_day(db: sqlite3.Connection) -> list[tuple[str, int]]:
    """(local date 'YYYY-MM-DD', answers) for every day with at least one answer, oldest first.

    One row per day practised: a few thousand rows after years, so streaks are computed in Python."""
    return list(
        db.execute(
            "SELECT date(submitted_at, 'unixepoch', 'localtime') AS day, COUNT(*) FROM attempts "
            "WHERE skipped = 0 GROUP BY day ORDER BY day"
        )
    )


def most_missed(db: sqlite3.Connection, limit: int = 50) -> list[tuple[str, str, str, int, int]]:
    """(question id, topic, concept, times missed, times asked) for the concepts missed most, per question.

    Follow-ups (ids with '~') are left out: their text lives under their parent question."""
    return list(
        db.execute(
            "SELECT question_id, topic, concept, SUM(verdict = 'missed') AS missed, COUNT(*) "
            "FROM attempt_concepts WHERE instr(question_id, '~') = 0 "
            "GROUP BY question_id, concept HAVING missed > 0 "
            "ORDER BY missed DESC, SUM(verdict = 'missed') * 1.0 / COUNT(*) DESC, question_id, concept LIMIT ?",
            (limit,),
        )
    )


def review_histories(db: sqlite3.Connection) -> dict[str, list[tuple[float, float]]]:
    """Per question, its answers as (submitted_at, score), oldest first: the reviews FSRS learns from."""
    histories: dict[str, list[tuple[float, float]]] = {}
    rows = db.execute(
        "SELECT question_id, submitted_at, score FROM attempts WHERE skipped = 0 AND instr(question_id, '~') = 0 "
        "ORDER BY question_id, submitted_at, id"
    )
    for question_id, submitted_at, score in rows:
        histories.setdefault(question_id, []).append((submitted_at, score))
    return histories


def due_between(db: sqlite3.Connection, start: float, end: float) -> list[tuple[str, float]]:
    """Questions whose next review falls before `end` (overdue ones included when start is 0), by due time."""
    return list(
        db.execute(
            "SELECT question_id, due FROM review_cards WHERE due >= ? AND due < ? ORDER BY due, question_id",
            (start, end),
        )
    )


def mean_answer_seconds(db: sqlite3.Connection, recent: int = 200) -> float | None:
    """How long the user's recent answers took, on average (what a minute budget buys)."""
    row = db.execute(
        "SELECT AVG(seconds) FROM (SELECT seconds FROM attempts WHERE skipped = 0 AND seconds > 0 "
        "ORDER BY submitted_at DESC LIMIT ?)",
        (recent,),
    ).fetchone()
    return row[0] if row and row[0] else None
