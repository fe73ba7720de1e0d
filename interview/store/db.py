"""The SQLite history: connection set-up and forward migrations keyed on PRAGMA user_version."""

from __future__ import annotations

import sqlite3
from pathlib import Path

BUSY_TIMEOUT_MS = 5000

# Each entry migrates from version i to i + 1. Never edit a released step; append a new one.
MIGRATIONS: list[str] = [
    """
    CREATE TABLE sessions (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,                 -- phone, onsite, take-home, drill, custom
        mode TEXT NOT NULL,                 -- practice or strict
        status TEXT NOT NULL DEFAULT 'active',   -- active, finished, abandoned
        started_at REAL NOT NULL,           -- wall clock, seconds since the epoch
        finished_at REAL,
        deadline_at REAL,                   -- take-home: the end of the window
        state TEXT NOT NULL                 -- JSON: the plan and where the round is, for resume
    );
    CREATE INDEX sessions_started ON sessions(started_at);
    CREATE TABLE attempts (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES sessions(id),
        position INTEGER NOT NULL,
        question_id TEXT NOT NULL,          -- pack/id, or pack/id~fN for a follow-up
        topic TEXT NOT NULL,
        answer TEXT NOT NULL,
        score REAL NOT NULL,
        verdict TEXT NOT NULL,
        breakdown TEXT NOT NULL,            -- JSON: Score.to_dict()
        rubric_hash TEXT NOT NULL,
        seconds REAL NOT NULL,
        hints INTEGER NOT NULL DEFAULT 0,
        overtime INTEGER NOT NULL DEFAULT 0,
        skipped INTEGER NOT NULL DEFAULT 0,
        submitted_at REAL NOT NULL
    );
    CREATE INDEX attempts_question ON attempts(question_id, submitted_at);
    CREATE INDEX attempts_session ON attempts(session_id, position);
    CREATE INDEX attempts_topic ON attempts(topic, submitted_at);
    CREATE TABLE drafts (
        session_id INTEGER NOT NULL REFERENCES sessions(id),
        position INTEGER NOT NULL,
        question_id TEXT NOT NULL,
        text TEXT NOT NULL,
        hints INTEGER NOT NULL DEFAULT 0,
        elapsed REAL NOT NULL DEFAULT 0,
        saved_at REAL NOT NULL,
        PRIMARY KEY (session_id, position)
    );
    CREATE TABLE disputes (
        id INTEGER PRIMARY KEY,
        attempt_id INTEGER NOT NULL REFERENCES attempts(id),
        concept TEXT NOT NULL,
        created_at REAL NOT NULL,
        UNIQUE (attempt_id, concept)
    );
    """,
]
SCHEMA_VERSION = len(MIGRATIONS)


class StoreError(Exception):
    """The history database cannot be used; the message says why and what to do."""


def connect(path: Path | str) -> sqlite3.Connection:
    """Open (creating if needed) and migrate the history database."""
    memory = str(path) == ":memory:"
    if not memory:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    try:
        connection = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                                     check_same_thread=False)
        connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if not memory:
            connection.execute("PRAGMA journal_mode = WAL")
            connection.execute("PRAGMA synchronous = NORMAL")
        connection.execute("PRAGMA foreign_keys = ON")
        migrate(connection)
    except sqlite3.DatabaseError as error:
        raise StoreError(f"cannot open the history database {path}: {error}") from None
    return connection


def migrate(connection: sqlite3.Connection) -> None:
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise StoreError(f"the history database is from a newer version of interview (schema {version}, "
                         f"this one knows {SCHEMA_VERSION}); upgrade interview to use it")
    for step in range(version, SCHEMA_VERSION):
        connection.execute("BEGIN IMMEDIATE")
        try:
            for statement in MIGRATIONS[step].split(";"):
                if statement.strip():
                    connection.execute(statement)
            connection.execute(f"PRAGMA user_version = {step + 1}")
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise
