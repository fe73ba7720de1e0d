"""A small synthetic bank for round tests: every phone-screen area, follow-ups, hints and a case."""

from __future__ import annotations

from pathlib import Path

from interview.bank import Bank, Pack
from interview.bank.model import Case, Concept, FollowUp, Question

AREAS = [
    "behavioral-career",
    "ml-fundamentals",
    "probability-statistics",
    "supervised",
    "evaluation-metrics",
    "coding-dsa",
    "ml-system-design",
    "deep-learning",
    "coding-ml-sql",
]


class FakeClock:
    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def question(area: str, n: int, **extra) -> Question:
    return Question(
        pack="t",
        id=f"{area}-{n}",
        prompt=f"Explain {area} topic {n}.",
        topic=f"{area}/sub{n}",
        model_answer=f"The key idea of {area} number {n} is gradient clipping.",
        rubric=(Concept("clipping", ("gradient clipping",), required=True), Concept("idea", ("key idea",))),
        hints=("Think about gradients.", "Clip them."),
        rounds=("phone", "onsite", "drill"),
        **extra,
    )


def make_bank() -> Bank:
    questions = [question(area, n) for area in AREAS for n in range(2)]
    questions.append(
        question(
            "ml-fundamentals",
            9,
            follow_ups=(
                FollowUp("Why clip?", model_answer="To stop exploding gradients.", if_missed=("clipping",)),
                FollowUp("Any alternative?", model_answer="Use a smaller learning rate.", if_hit=("clipping",)),
            ),
        )
    )
    questions.append(
        Question(
            pack="t",
            id="case",
            prompt="Predict churn.",
            topic="data-features/churn-case",
            model_answer="Frame it, build a baseline, split by time.",
            rounds=("take-home",),
            case=Case(dataset="customers", deliverables=("a notebook",), effort_minutes=240, window_hours=72),
        )
    )
    bank = Bank()
    bank.add(Pack(id="t", title="Test", version="1", path=Path("t.yaml"), questions=tuple(questions)))
    return bank
