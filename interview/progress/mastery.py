"""Mastery from history: recency-weighted, with a confidence that grows with the evidence.

All aggregation is SQL over indexed tables, so it stays fast with years of history. A recent
answer counts more than an old one (weight halves every HALF_LIFE_DAYS); confidence is
1 - exp(-n / 3): one answer says little, ten say a lot.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from interview.store import Store
from interview.store.summaries import topic_sums, weakest_concepts, weakest_question_ids

HALF_LIFE_DAYS = 14.0


@dataclass(frozen=True, slots=True)
class Mastery:
    name: str  # an area, an area/subtopic, or a concept
    mastery: float  # recency-weighted mean score (or concept credit), 0-1
    confidence: float  # 0-1
    attempts: int

    @property
    def weakness(self) -> float:
        """How much practice this needs: low mastery we are sure of ranks first."""
        return (1 - self.mastery) * (0.5 + 0.5 * self.confidence)


@dataclass(frozen=True, slots=True)
class WeakConcept:
    topic: str
    concept: str
    missed_recent: int
    recent: int
    attempts: int
    credit: float

    def explain(self) -> str:
        return (
            f"missed '{self.concept}' in {self.missed_recent} of the last {self.recent} "
            f"attempt{'s' if self.recent != 1 else ''} ({self.topic})"
        )


def _confidence(n: int) -> float:
    return 1 - math.exp(-n / 3)


def mastery_by(store: Store, now: float, level: str = "area") -> list[Mastery]:
    """Per area ("area") or per area/subtopic ("topic"), weakest first.

    One pass over a covering index gives recency-weighted sums per topic; areas add up their topics.
    """
    tau = HALF_LIFE_DAYS * 86400 / math.log(2)
    sums: dict[str, tuple[float, float, int]] = {}
    for row in topic_sums(store, now, tau):
        key = row.topic.split("/", 1)[0] if level == "area" else row.topic
        total = sums.get(key, (0.0, 0.0, 0))
        sums[key] = (total[0] + row.weighted_score, total[1] + row.weights, total[2] + row.answers)
    result = [
        Mastery(name, weighted / weights if weights else 0.0, _confidence(count), count)
        for name, (weighted, weights, count) in sums.items()
    ]
    return sorted(result, key=lambda m: (-m.weakness, m.name))


def weak_concepts(store: Store, limit: int = 10, min_recent: int = 2) -> list[WeakConcept]:
    """Concepts missed most in their latest attempts, each with a sentence that says why.

    Reads the running per-concept state (the last five verdicts), so it costs the same with a week
    or ten years of history.
    """
    return [
        WeakConcept(row.topic, row.concept, row.missed_recent, row.recent, row.attempts, row.mean_credit)
        for row in weakest_concepts(store, limit, min_recent)
    ]


def weakest_questions(store: Store, limit: int = 10) -> list[str]:
    """Question ids for a cram drill: lowest recent scores first."""
    return weakest_question_ids(store, limit)
