"""Review scheduling with FSRS: each question is a card, each answer a review.

The rating comes from the score (a fair proxy for recall of the ideas), and the user's own
self-assessment may replace it. fsrs wants timezone-aware UTC datetimes and explicit card ids
(its default id generator sleeps a millisecond per card).
"""

from __future__ import annotations

import zlib
from datetime import datetime, timezone
from typing import Any

from interview.store import Store

FAILED_BELOW = 0.4  # a lapse: the answer missed most of the ideas
RATING_FLOORS = ((0.85, "easy"), (0.6, "good"), (FAILED_BELOW, "hard"), (0.0, "again"))


def rating_for(score: float) -> str:
    return next(name for floor, name in RATING_FLOORS if score >= floor)


def _scheduler(when: datetime) -> tuple[Any, Any]:
    import fsrs  # imported when an answer is recorded, not at start-up

    from interview.progress.plan import load_plan, scheduler_options

    # an interview date raises the retention and caps intervals at the date; fitted parameters replace fsrs's
    options = scheduler_options(load_plan(), when)
    return fsrs, fsrs.Scheduler(enable_fuzzing=False, **options)  # deterministic intervals: testable, explainable


def review(store: Store, question_id: str, score: float, when: float, rating: str | None = None) -> float:
    """Record one review of `question_id`; returns the next due time (epoch seconds)."""
    moment = datetime.fromtimestamp(when, tz=timezone.utc)
    fsrs, scheduler = _scheduler(moment)
    stored = store.card(question_id)
    card = fsrs.Card.from_dict(stored[0]) if stored else fsrs.Card(card_id=zlib.crc32(question_id.encode()))
    chosen = rating or rating_for(score)
    card, _ = scheduler.review_card(card, getattr(fsrs.Rating, chosen.capitalize()), moment)
    due = card.due.timestamp()
    store.save_card(question_id, card.to_dict(), due, lapsed=chosen == "again")
    return due


def reassess(store: Store, question_id: str, score: float, when: float, rating: str) -> float | None:
    """The candidate's own rating replaces the one derived from the score for the latest review.

    Rescheduled from the card as it was before that review, so nothing is counted twice.
    Returns the new due time, or None when the question has no review yet.
    """
    stored = store.previous_card(question_id)
    if stored is None:
        return None
    moment = datetime.fromtimestamp(when, tz=timezone.utc)
    fsrs, scheduler = _scheduler(moment)
    before, _ = stored
    card = fsrs.Card.from_dict(before) if before else fsrs.Card(card_id=zlib.crc32(question_id.encode()))
    card, _ = scheduler.review_card(card, getattr(fsrs.Rating, rating.capitalize()), moment)
    due = card.due.timestamp()
    store.replace_latest_review(question_id, card.to_dict(), due, rating_for(score) == "again", rating == "again")
    return due
