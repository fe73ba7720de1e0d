"""Round formats: the shape of each kind of interview, as data.

A round is a list of stages (one for a phone screen, five for an onsite loop); each stage asks
questions drawn for its slots. Defaults follow DESIGN.md; every number can be changed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Mode(StrEnum):
    """Practice pauses and shows feedback after each answer; strict runs on and shows it at the end."""

    PRACTICE = "practice"
    STRICT = "strict"


class RoundKind(StrEnum):
    """Stored in the history (sessions.kind) and in saved round state: values never change."""

    PHONE = "phone"
    ONSITE = "onsite"
    TAKE_HOME = "take-home"
    DRILL = "drill"
    CUSTOM = "custom"


PRACTICE, STRICT = Mode.PRACTICE, Mode.STRICT

ML_CONCEPT_AREAS = (
    "ml-fundamentals",
    "supervised",
    "unsupervised",
    "deep-learning",
    "evaluation-metrics",
    "probability-statistics",
    "data-features",
    "math",
    "nlp",
    "computer-vision",
    "llm",
    "reinforcement-learning",
)
CODING_AREAS = ("coding-dsa", "coding-ml-sql", "compute-numerics", "programming-languages", "tools-frameworks")
BEHAVIORAL_AREAS = ("behavioral-career",)
DESIGN_AREAS = ("ml-system-design", "mlops")


@dataclass(frozen=True, slots=True)
class Slot:
    """One question to draw: from these areas (any when empty), asked in this round kind."""

    areas: tuple[str, ...] = ()
    label: str = ""
    runnable: bool = False  # prefer a coding exercise that runs (a question with `code:`)


@dataclass(frozen=True, slots=True)
class Stage:
    name: str
    slots: tuple[Slot, ...]
    minutes: float | None = None  # total time for the stage; None = untimed
    break_minutes: float = 0.0  # a break offered after this stage


@dataclass(frozen=True, slots=True)
class RoundSpec:
    kind: RoundKind
    title: str
    stages: tuple[Stage, ...]
    round_filter: str  # which `rounds:` value a question needs (bank.model.ROUND_KINDS); "" for any
    mode: Mode = PRACTICE
    per_question_seconds: float | None = None  # drill/custom: a hard per-question timer
    follow_ups: bool = True
    probing: bool = False  # a probe per missed required concept (interviewer.probing)
    packs: tuple[str, ...] = ()  # custom: only these packs
    topics: tuple[str, ...] = ()  # custom: only these areas or area/subtopics
    difficulties: tuple[int, ...] = ()  # custom: only these difficulties
    question_ids: tuple[str, ...] = field(default=())  # drill: exactly these, in this order

    @property
    def total_minutes(self) -> float | None:
        minutes = [s.minutes for s in self.stages]
        return None if any(m is None for m in minutes) else sum(m for m in minutes if m is not None)


def phone_screen(mode: Mode = PRACTICE, minutes: float = 30, probing: bool = False) -> RoundSpec:
    slots = (
        Slot(BEHAVIORAL_AREAS, "background"),
        Slot(("ml-fundamentals", "data-features"), "ML fundamentals"),
        Slot(("probability-statistics", "math"), "statistics"),
        Slot(
            ("supervised", "unsupervised", "deep-learning", "nlp", "computer-vision", "llm", "reinforcement-learning"),
            "algorithms",
        ),
        Slot(("evaluation-metrics",), "evaluation"),
        Slot(CODING_AREAS, "coding", runnable=True),
    )
    return RoundSpec(
        RoundKind.PHONE, "Phone screen", (Stage("Phone screen", slots, minutes),), "phone", mode, probing=probing
    )


def onsite_loop(
    mode: Mode = PRACTICE, minutes_per_session: float = 45, break_minutes: float = 10, probing: bool = True
) -> RoundSpec:
    stages = (
        Stage(
            "ML breadth",
            tuple(
                Slot(areas, label)
                for areas, label in (
                    (("ml-fundamentals", "supervised", "unsupervised"), "breadth"),
                    (("deep-learning", "nlp", "computer-vision", "llm"), "breadth"),
                    (("probability-statistics", "evaluation-metrics", "data-features"), "breadth"),
                )
            ),
        ),
        Stage("ML depth", (Slot(ML_CONCEPT_AREAS, "depth"), Slot(ML_CONCEPT_AREAS, "depth"))),
        Stage("ML system design", (Slot(("ml-system-design",), "design"),)),
        Stage(
            "Coding",
            (
                Slot(("coding-dsa",), "coding", runnable=True),
                Slot(("coding-ml-sql", "compute-numerics"), "coding", runnable=True),
            ),
        ),
        Stage("Behavioral", (Slot(BEHAVIORAL_AREAS, "behavioral"), Slot(BEHAVIORAL_AREAS, "behavioral"))),
    )
    timed = tuple(
        Stage(s.name, s.slots, minutes_per_session, break_minutes if i < len(stages) - 1 else 0)
        for i, s in enumerate(stages)
    )
    return RoundSpec(RoundKind.ONSITE, "Onsite loop", timed, "onsite", mode, probing=probing)


def take_home(mode: Mode = PRACTICE) -> RoundSpec:
    return RoundSpec(
        RoundKind.TAKE_HOME,
        "Take-home",
        (Stage("Take-home case", (Slot((), "case"),), None),),
        "take-home",
        mode,
        follow_ups=False,
    )


def drill(
    count: int = 5,
    per_question_seconds: float | None = None,
    question_ids: tuple[str, ...] = (),
    topics: tuple[str, ...] = (),
) -> RoundSpec:
    slots = tuple(Slot((), "drill") for _ in range(len(question_ids) or count))
    return RoundSpec(
        RoundKind.DRILL,
        "Drill",
        (Stage("Drill", slots, None),),
        "drill",
        PRACTICE,
        per_question_seconds=per_question_seconds,
        follow_ups=False,  # drills stay on the weak spots
        question_ids=question_ids,
        topics=topics,
    )


def custom(
    count: int = 5,
    minutes: float | None = None,
    packs: tuple[str, ...] = (),
    topics: tuple[str, ...] = (),
    difficulties: tuple[int, ...] = (),
    mode: Mode = PRACTICE,
) -> RoundSpec:
    slots = tuple(Slot((), "custom") for _ in range(count))
    return RoundSpec(
        RoundKind.CUSTOM,
        "Custom round",
        (Stage("Custom", slots, minutes),),
        "",
        mode,
        packs=packs,
        topics=topics,
        difficulties=difficulties,
    )
