"""Export and import of history: a complete JSON bundle, a Markdown report for a coach, CSV for sheets.

The JSON bundle carries every session, attempt (with its full score breakdown), draft-free state,
dispute and review card, plus the question texts it refers to, so a coach can review it without
the student's packs. Importing it back is lossless and idempotent: sessions already present (same
start time and kind) are skipped.
"""

from __future__ import annotations

import csv
import io
import json
import time
from typing import Callable, Iterator

from interview.store.history import AttemptRecord, Store, row_id

BUNDLE_FORMAT = "interview-history"
BUNDLE_VERSION = 1
CSV_FIELDS = [
    "session_id",
    "session_kind",
    "started_at",
    "position",
    "question_id",
    "topic",
    "score",
    "verdict",
    "seconds",
    "hints",
    "overtime",
    "skipped",
    "rubric_hash",
    "submitted_at",
    "answer",
]


class BundleError(ValueError):
    """The file is not a history bundle we can read; the message says why."""


def export_bundle(store: Store, question_text: Callable[[str], dict | None] = lambda _: None) -> dict:
    """Everything in the store; `question_text(question_id)` adds prompt and model answer when known."""
    sessions = []
    questions: dict[str, dict] = {}
    for row in store.db.execute(
        "SELECT id, kind, mode, status, started_at, finished_at, deadline_at, state FROM sessions ORDER BY id"
    ):
        attempts = []
        for attempt in store.attempts(row[0]):
            attempts.append(
                {
                    "position": attempt.position,
                    "question_id": attempt.question_id,
                    "topic": attempt.topic,
                    "answer": attempt.answer,
                    "score": attempt.score,
                    "verdict": attempt.verdict,
                    "breakdown": attempt.breakdown,
                    "rubric_hash": attempt.rubric_hash,
                    "seconds": attempt.seconds,
                    "hints": attempt.hints,
                    "overtime": attempt.overtime,
                    "skipped": attempt.skipped,
                    "submitted_at": attempt.submitted_at,
                    "disputes": store.disputes(attempt.id),
                }
            )
            if attempt.question_id not in questions:
                text = question_text(attempt.question_id)
                if text:
                    questions[attempt.question_id] = text
        sessions.append(
            {
                "kind": row[1],
                "mode": row[2],
                "status": row[3],
                "started_at": row[4],
                "finished_at": row[5],
                "deadline_at": row[6],
                "state": json.loads(row[7]),
                "attempts": attempts,
            }
        )
    cards = [
        {
            "question_id": q,
            "card": json.loads(c),
            "due": due,
            "reviews": reviews,
            "lapses": lapses,
            "updated_at": updated,
        }
        for q, c, due, reviews, lapses, updated in store.db.execute(
            "SELECT question_id, card, due, reviews, lapses, updated_at FROM review_cards ORDER BY question_id"
        )
    ]
    return {
        "format": BUNDLE_FORMAT,
        "version": BUNDLE_VERSION,
        "exported_at": time.time(),
        "sessions": sessions,
        "cards": cards,
        "questions": questions,
    }


def import_bundle(store: Store, bundle: dict) -> tuple[int, int]:
    """Add a bundle's sessions to the store; returns (sessions added, sessions already there)."""
    if not isinstance(bundle, dict) or bundle.get("format") != BUNDLE_FORMAT:
        raise BundleError("not an interview history bundle (made by `interview history export --format json`)")
    if not isinstance(bundle.get("version"), int) or bundle["version"] > BUNDLE_VERSION:
        raise BundleError(f"bundle version {bundle.get('version')!r} is newer than this interview understands")
    added = skipped = 0
    try:
        with store.db:
            store.db.execute("BEGIN IMMEDIATE")
            for session in bundle.get("sessions", []):
                exists = store.db.execute(
                    "SELECT 1 FROM sessions WHERE started_at = ? AND kind = ?", (session["started_at"], session["kind"])
                ).fetchone()
                if exists:
                    skipped += 1
                    continue
                cursor = store.db.execute(
                    "INSERT INTO sessions (kind, mode, status, started_at, finished_at, deadline_at, state) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (
                        session["kind"],
                        session["mode"],
                        session["status"],
                        session["started_at"],
                        session.get("finished_at"),
                        session.get("deadline_at"),
                        json.dumps(session.get("state", {})),
                    ),
                )
                session_id = row_id(cursor)
                for a in session.get("attempts", []):
                    attempt_id = store.insert_attempt(
                        AttemptRecord(
                            session_id,
                            a["position"],
                            a["question_id"],
                            a["topic"],
                            a["answer"],
                            a["score"],
                            a["verdict"],
                            a["breakdown"],
                            a["rubric_hash"],
                            a["seconds"],
                            a["hints"],
                            a["overtime"],
                            a["skipped"],
                            a["submitted_at"],
                        )
                    )
                    for concept in a.get("disputes", []):
                        store.db.execute(
                            "INSERT OR IGNORE INTO disputes (attempt_id, concept, created_at) VALUES (?, ?, ?)",
                            (attempt_id, concept, a["submitted_at"]),
                        )
                added += 1
            for card in bundle.get("cards", []):
                store.db.execute(
                    "INSERT INTO review_cards (question_id, card, due, reviews, lapses, updated_at) "
                    "VALUES (?,?,?,?,?,?) "
                    "ON CONFLICT (question_id) DO UPDATE SET card = excluded.card, due = excluded.due, "
                    "reviews = excluded.reviews, lapses = excluded.lapses, updated_at = excluded.updated_at "
                    "WHERE excluded.updated_at > review_cards.updated_at",
                    (
                        card["question_id"],
                        json.dumps(card["card"]),
                        card["due"],
                        card["reviews"],
                        card["lapses"],
                        card["updated_at"],
                    ),
                )
    except (KeyError, TypeError) as error:
        raise BundleError(f"the bundle is damaged or incomplete ({error!r}); nothing was imported") from None
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # one big import must not leave a huge WAL behind
    return added, skipped


def attempts_csv(store: Store) -> Iterator[str]:
    """One CSV row per attempt, streamed."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_FIELDS)
    yield buffer.getvalue()
    query = (
        "SELECT a.session_id, s.kind, s.started_at, a.position, a.question_id, a.topic, a.score, a.verdict, "
        "a.seconds, a.hints, a.overtime, a.skipped, a.rubric_hash, a.submitted_at, a.answer "
        "FROM attempts a JOIN sessions s ON s.id = a.session_id ORDER BY a.id"
    )
    for row in store.db.execute(query):
        buffer.seek(0)
        buffer.truncate()
        writer.writerow(row)
        yield buffer.getvalue()


def markdown_report(bundle: dict) -> str:
    """A readable report of a bundle, for a coach."""
    questions = bundle.get("questions", {})
    lines = ["# Interview practice history", ""]
    sessions = bundle.get("sessions", [])
    scores = [a["score"] for s in sessions for a in s["attempts"] if not a["skipped"]]
    if scores:
        lines += [f"{len(sessions)} sessions, {len(scores)} answers, mean score {sum(scores) / len(scores):.2f}.", ""]
    for number, session in enumerate(sessions, start=1):
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(session["started_at"]))
        lines += [f"## {number}. {session['kind']} round, {when} ({session['mode']}, {session['status']})", ""]
        for attempt in session["attempts"]:
            question = questions.get(attempt["question_id"], {})
            prompt = " ".join(question.get("prompt", attempt["question_id"]).split())
            flags = [
                f
                for f, on in (
                    ("skipped", attempt["skipped"]),
                    ("overtime", attempt["overtime"]),
                    (f"{attempt['hints']} hints", attempt["hints"]),
                )
                if on
            ]
            lines += [
                f"### {prompt}",
                "",
                f"**{attempt['score']:.2f} {attempt['verdict']}** · {attempt['seconds'] / 60:.1f} min"
                + (" · " + ", ".join(flags) if flags else "")
                + f" · `{attempt['question_id']}`",
                "",
            ]
            lines += ["> " + line for line in (attempt["answer"] or "(no answer)").splitlines()] + [""]
            for concept in attempt["breakdown"].get("concepts", []):
                mark = {"hit": "✔", "partial": "◐", "missed": "✘"}.get(concept["verdict"], "?")
                evidence = f' — "{concept["matched_text"]}"' if concept.get("matched_text") else ""
                lines.append(f"- {mark} {concept['concept']}{evidence}")
            for mistake in attempt["breakdown"].get("misconceptions", []):
                lines.append(f'- ✘ misconception: {mistake["claim"]} — "{mistake["matched_text"]}"')
            for concept in attempt.get("disputes", []):
                lines.append(f"- disputed by the student: {concept}")
            lines.append("")
    return "\n".join(lines)
