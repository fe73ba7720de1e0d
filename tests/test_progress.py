"""Mastery, weak concepts and scheduling on synthetic histories; store migrations from every version."""

from __future__ import annotations

import json
import sqlite3

import pytest

from interview.progress import mastery_by, review, weak_concepts, weakest_questions
from interview.store import SCHEMA_VERSION, AttemptRecord, Store, StoreError
from interview.store.db import MIGRATIONS

DAY = 86400.0
NOW = 1_795_000_000.0


def add(store: Store, session: int, question: str, topic: str, score: float, concepts: dict[str, str], when: float):
    store.now = lambda: when
    breakdown = {
        "score": score,
        "verdict": "x",
        "concepts": [{"concept": c, "verdict": v, "credit": 1.0 if v == "hit" else 0.0} for c, v in concepts.items()],
    }
    return store.record_attempt(AttemptRecord(session, 0, question, topic, "answer", score, "x", breakdown, "h", 30))


@pytest.fixture
def history() -> Store:
    store = Store(":memory:")
    session = store.create_session("drill", "practice", {})
    for day in range(10):
        when = NOW - (10 - day) * DAY
        add(
            store,
            session,
            "p/bv",
            "ml-fundamentals/bias-variance",
            0.4,
            {"irreducible error": "missed", "bias": "hit"},
            when,
        )
        add(store, session, "p/auc", "evaluation-metrics/roc-auc", 0.95, {"ranking": "hit", "thresholds": "hit"}, when)
        add(
            store,
            session,
            "p/bayes",
            "probability-statistics/bayes",
            0.7,
            {"prior": "hit", "posterior": "missed" if day % 2 else "hit"},
            when,
        )
    return store


def test_a_consistently_missed_concept_ranks_weakest_and_says_why(history: Store) -> None:
    weakest, *rest = weak_concepts(history)
    assert (weakest.topic, weakest.concept) == ("ml-fundamentals/bias-variance", "irreducible error")
    assert weakest.explain() == "missed 'irreducible error' in 5 of the last 5 attempts (ml-fundamentals/bias-variance)"
    assert all(c.concept != "ranking" for c in rest)  # mastered concepts never appear


def test_mastered_area_ranks_last(history: Store) -> None:
    areas = [m.name for m in mastery_by(history, NOW)]
    assert areas[0] == "ml-fundamentals" and areas[-1] == "evaluation-metrics"
    topics = mastery_by(history, NOW, level="topic")
    assert topics[0].name == "ml-fundamentals/bias-variance" and topics[0].confidence > 0.9


def test_recent_answers_count_more() -> None:
    store = Store(":memory:")
    session = store.create_session("drill", "practice", {})
    add(store, session, "p/q", "a/b", 0.0, {}, NOW - 90 * DAY)  # long ago: failed
    add(store, session, "p/q", "a/b", 1.0, {}, NOW - 1 * DAY)  # yesterday: aced
    (area,) = mastery_by(store, NOW)
    assert area.mastery > 0.95


def test_weakest_questions_for_cram(history: Store) -> None:
    assert weakest_questions(history, 2) == ["p/bv", "p/bayes"]


def test_review_schedules_failed_questions_sooner(history: Store) -> None:
    failed_due = review(history, "p/new-failed", 0.1, NOW)
    aced_due = review(history, "p/new-aced", 0.95, NOW)
    assert NOW < failed_due < aced_due
    assert [q for q, _ in history.due_questions(NOW + 3600)] == ["p/new-failed"]
    for _ in range(4):
        review(history, "p/new-failed", 0.1, NOW)
    assert history.leeches() == [("p/new-failed", 5, 5)]


def test_user_self_assessment_overrides_the_rating(history: Store) -> None:
    assert review(history, "p/x", 0.1, NOW, rating="easy") > review(history, "p/y", 0.1, NOW)


@pytest.mark.parametrize("start_version", range(SCHEMA_VERSION))
def test_migrations_from_every_earlier_version_keep_the_history(tmp_path, start_version: int) -> None:
    path = tmp_path / "old.sqlite3"
    db = sqlite3.connect(path)
    for step in range(start_version + 1):
        db.executescript(MIGRATIONS[step])
    db.execute(f"PRAGMA user_version = {start_version + 1}")
    db.execute("INSERT INTO sessions (kind, mode, started_at, state) VALUES ('phone', 'practice', 1, '{}')")
    breakdown = json.dumps(
        {"score": 0.5, "verdict": "borderline", "concepts": [{"concept": "bias", "verdict": "missed", "credit": 0.0}]}
    )
    db.execute(
        "INSERT INTO attempts (session_id, position, question_id, topic, answer, score, verdict, breakdown, "
        "rubric_hash, seconds, submitted_at) VALUES (1, 0, 'p/q', 'a/b', 'text', 0.5, 'borderline', ?, 'h', 9, 5)",
        (breakdown,),
    )
    db.commit()
    db.close()
    store = Store(path)
    assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert store.attempts(1)[0].answer == "text"
    if start_version == 0:  # the concept rows are backfilled from the stored breakdown
        assert store.db.execute("SELECT concept, verdict FROM attempt_concepts").fetchall() == [("bias", "missed")]
        assert store.db.execute("SELECT topic, concept, recent, attempts FROM concept_stats").fetchall() == [
            ("a/b", "bias", "m", 1)
        ]


def test_a_database_from_a_newer_version_is_refused_not_touched(tmp_path) -> None:
    path = tmp_path / "new.sqlite3"
    db = sqlite3.connect(path)
    db.execute("PRAGMA user_version = 999")
    db.close()
    with pytest.raises(StoreError, match="newer version"):
        Store(path)
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == 999


def test_self_assessment_replaces_the_latest_review_without_counting_twice(history: Store) -> None:
    from interview.progress import reassess

    automatic = review(history, "p/self", 0.1, NOW)  # the score said "again"
    replaced = reassess(history, "p/self", 0.1, NOW, "easy")  # the candidate says they knew it
    card, reviews, lapses = history.card("p/self")
    assert replaced > automatic and reviews == 1 and lapses == 0
    assert reassess(history, "p/unknown", 0.5, NOW, "good") is None


def test_finding_the_unfinished_round_does_not_scan_every_session(history: Store) -> None:
    plan = " ".join(row[-1] for row in history.db.execute(f"EXPLAIN QUERY PLAN {Store.UNFINISHED}"))
    assert "sessions_active" in plan, plan
