"""Mastery from history: recency-weighted, with a confidence that grows with the evidence.

All aggregation is SQL over indexed tables, so it stays fast with years of history. A recent
answer counts more than an old one (weight halves every HALF_LIFE_DAYS); confidence is
1 - exp(-n / 3): one answer says little, ten say a lot.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from interview.store import Store

HALF_LIFE_DAYS = 14.0
RECENT = 5            # "missed X in 4 of the last 5 attempts"


@dataclass(frozen=True, slots=True)
class Mastery:
    name: str             # an area, an area/subtopic, or a concept
    mastery: float        # recency-weighted mean score (or concept credit), 0-1
    confidence: float     # 0-1
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
        return (f"missed '{self.concept}' in {self.missed_recent} of the last {self.recent} "
                f"attempt{'s' if self.recent != 1 else ''} ({self.topic})")


def _confidence(n: int) -> float:
    return 1 - math.exp(-n / 3)


def mastery_by(store: Store, now: float, level: str = "area") -> list[Mastery]:
    """Per area ("area") or per area/subtopic ("topic"), weakest first."""
    key = "substr(topic, 1, instr(topic, '/') - 1)" if level == "area" else "topic"
    tau = HALF_LIFE_DAYS * 86400 / math.log(2)
    rows = store.db.execute(
        f"SELECT {key} AS name, SUM(score * exp((submitted_at - ?) / ?)) / SUM(exp((submitted_at - ?) / ?)), COUNT(*) "
        "FROM attempts WHERE skipped = 0 GROUP BY name", (now, tau, now, tau))
    result = [Mastery(name, weighted, _confidence(count), count) for name, weighted, count in rows]
    return sorted(result, key=lambda m: (-m.weakness, m.name))


def weak_concepts(store: Store, limit: int = 10, min_recent: int = 2) -> list[WeakConcept]:
    """Concepts missed most in their latest attempts, each with a sentence that says why."""
    rows = store.db.execute(
        """
        WITH ranked AS (
            SELECT topic, concept, verdict, credit,
                   ROW_NUMBER() OVER (PARTITION BY topic, concept ORDER BY submitted_at DESC, attempt_id DESC) AS age,
                   COUNT(*) OVER (PARTITION BY topic, concept) AS total
            FROM attempt_concepts
        )
        SELECT topic, concept, SUM(verdict = 'missed'), COUNT(*), MAX(total), AVG(credit)
        FROM ranked WHERE age <= ? GROUP BY topic, concept
        HAVING COUNT(*) >= ? AND SUM(verdict = 'missed') > 0
        ORDER BY SUM(verdict = 'missed') * 1.0 / COUNT(*) DESC, COUNT(*) DESC, AVG(credit) ASC, topic, concept
        LIMIT ?
        """, (RECENT, min_recent, limit))
    return [WeakConcept(topic, concept, missed, recent, total, credit)
            for topic, concept, missed, recent, total, credit in rows]


def weakest_questions(store: Store, limit: int = 10) -> list[str]:
    """Question ids for a cram drill: lowest recent scores first."""
    rows = store.db.execute(
        """
        WITH latest AS (
            SELECT question_id, score,
                   ROW_NUMBER() OVER (PARTITION BY question_id ORDER BY submitted_at DESC, id DESC) AS age
            FROM attempts WHERE skipped = 0 AND instr(question_id, '~') = 0
        )
        SELECT question_id, AVG(score) FROM latest WHERE age <= 3 GROUP BY question_id ORDER BY AVG(score), question_id LIMIT ?
        """, (limit,))
    return [question_id for question_id, _ in rows]
