"""Mastery per area, topic and concept, and spaced-repetition scheduling. No UI here."""

from interview.progress.mastery import Mastery, WeakConcept, mastery_by, weak_concepts, weakest_questions
from interview.progress.schedule import rating_for, reassess, review

__all__ = [
    "Mastery",
    "WeakConcept",
    "mastery_by",
    "rating_for",
    "reassess",
    "review",
    "weak_concepts",
    "weakest_questions",
]
