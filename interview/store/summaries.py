"""The aggregate reads behind mastery, weak concepts, cram drills and `interview stats`.

SQL over indexed tables, so each costs the same with a week or ten years of history; `progress`
turns these rows into mastery and explanations.
"""

from __future__ import annotations

from dataclasses import dataclass

from interview.store.history import Store


@dataclass(frozen=True, slots=True)
class TopicSums:
    topic: str
    weighted_score: float  # sum of score * recency weight
    weights: float  # sum of recency weights
    answers: int


@dataclass(frozen=True, slots=True)
class ConceptRecord:
    topic: str
    concept: str
    missed_recent: int  # misses among the latest (at most five) verdicts
    recent: int  # how many latest verdicts are kept
    attempts: int
    mean_credit: float


def topic_sums(store: Store, now: float, tau_seconds: float) -> list[TopicSums]:
    """Per topic, recency-weighted score sums: weight exp((submitted_at - now) / tau)."""
    rows = store.rows(
        "SELECT topic, SUM(score * exp((submitted_at - ?) / ?)) AS weighted, "
        "SUM(exp((submitted_at - ?) / ?)) AS weights, COUNT(*) AS answers "
        "FROM attempts INDEXED BY attempts_mastery WHERE skipped = 0 GROUP BY topic",
        (now, tau_seconds, now, tau_seconds),
    )
    return [TopicSums(row["topic"], row["weighted"], row["weights"], row["answers"]) for row in rows]


def weakest_concepts(store: Store, limit: int, min_recent: int) -> list[ConceptRecord]:
    """Concepts most often missed in their latest verdicts (the running state in concept_stats)."""
    missed = "(length(recent) - length(replace(recent, 'm', '')))"
    rows = store.rows(
        f"SELECT topic, concept, {missed} AS missed_recent, length(recent) AS recent, attempts, "
        f"credit_sum / attempts AS mean_credit FROM concept_stats WHERE length(recent) >= ? AND {missed} > 0 "
        f"ORDER BY {missed} * 1.0 / length(recent) DESC, length(recent) DESC, credit_sum / attempts ASC, "
        "topic, concept LIMIT ?",
        (min_recent, limit),
    )
    return [ConceptRecord(**dict(row)) for row in rows]


def weakest_question_ids(store: Store, limit: int) -> list[str]:
    """Question ids by the mean of their latest three scores, lowest first (follow-ups left out)."""
    rows = store.rows(
        """
        WITH latest AS (
            SELECT question_id, score,
                   ROW_NUMBER() OVER (PARTITION BY question_id ORDER BY submitted_at DESC, id DESC) AS age
            FROM attempts WHERE skipped = 0 AND instr(question_id, '~') = 0
        )
        SELECT question_id, AVG(score) AS mean_score FROM latest WHERE age <= 3
        GROUP BY question_id ORDER BY mean_score, question_id LIMIT ?
        """,
        (limit,),
    )
    return [row["question_id"] for row in rows]


def answer_totals(store: Store) -> tuple[int, float | None]:
    """How many answers (not skipped) and their mean score."""
    row = store.rows("SELECT COUNT(*) AS answers, AVG(score) AS mean_score FROM attempts WHERE skipped = 0").fetchone()
    return row["answers"], row["mean_score"]
