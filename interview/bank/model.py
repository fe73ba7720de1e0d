"""The immutable pack model: what a loaded, validated pack is.

Built once by the loader; everything downstream (scoring, rounds, UI) only reads it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the `code:` key's model lives in its own module
    from interview.bank.code_model import CodeExercise

ROUND_KINDS = ("phone", "onsite", "take-home", "drill")
DEFAULT_ROUNDS = ("phone", "onsite", "drill")
DEFAULT_DIFFICULTY = 2
DEFAULT_MISCONCEPTION_PENALTY = 0.2
DEFAULT_EFFORT_MINUTES = 240
DEFAULT_WINDOW_HOURS = 72


class _Record:
    """Pickles as its constructor call. The dataclass default for slotted classes looks up the
    fields on every object, which made writing and reading the compiled-pack cache twice as slow."""

    __slots__: tuple[str, ...] = ()

    def __reduce__(self) -> tuple:
        return type(self), tuple(getattr(self, name) for name in self.__slots__)


@dataclass(frozen=True, slots=True)
class Concept(_Record):
    """One thing a grader listens for, and the phrases that show it."""

    name: str
    phrases: tuple[str, ...]
    weight: float = 1.0
    required: bool = False
    probe: str = ""  # what the interviewer asks when the answer misses it; made from the name when empty


@dataclass(frozen=True, slots=True)
class Misconception(_Record):
    """A wrong claim that costs `penalty` when the answer asserts it."""

    claim: str
    phrases: tuple[str, ...]
    penalty: float = DEFAULT_MISCONCEPTION_PENALTY
    correction: str = ""


@dataclass(frozen=True, slots=True)
class FollowUp(_Record):
    prompt: str
    model_answer: str = ""
    rubric: tuple[Concept, ...] = ()
    if_missed: tuple[str, ...] = ()
    if_hit: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Example(_Record):
    """A sample answer and the score band it must get: the pack's own test."""

    answer: str
    band: tuple[float, float]
    note: str = ""
    line: int = 0  # where it starts in its file; 0 when the quick reader loaded it (lines are not known)


@dataclass(frozen=True, slots=True)
class Case(_Record):
    """Take-home details."""

    dataset: str = ""
    deliverables: tuple[str, ...] = ()
    effort_minutes: int = DEFAULT_EFFORT_MINUTES
    window_hours: int = DEFAULT_WINDOW_HOURS
    attachments: tuple[str, ...] = ()


# -- staged (system-design) questions: the `stages:` key ------------------------------------------
DEFAULT_STAGE_MINUTES = 5.0


@dataclass(frozen=True, slots=True)
class DesignStage(_Record):
    """One part of a staged question (clarify, data, model, serving, ...): asked, timed and scored on its own.

    `rubric` is resolved when the pack is validated: the question's concepts the stage names, then its own."""

    name: str
    prompt: str
    minutes: float = DEFAULT_STAGE_MINUTES
    rubric: tuple[Concept, ...] = ()
    model_answer: str = ""


# ---------------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Question(_Record):
    pack: str
    id: str
    prompt: str
    topic: str
    model_answer: str
    rubric: tuple[Concept, ...] = ()
    misconceptions: tuple[Misconception, ...] = ()
    rounds: tuple[str, ...] = DEFAULT_ROUNDS
    difficulty: int = DEFAULT_DIFFICULTY
    time_limit: int | None = None
    hints: tuple[str, ...] = ()
    follow_ups: tuple[FollowUp, ...] = ()
    examples: tuple[Example, ...] = ()
    sources: tuple[str, ...] = ()
    case: Case | None = None
    code: CodeExercise | None = None  # a runnable exercise (see code_model)
    line: int = 0  # where it starts in its file; 0 when the quick reader loaded it (lines are not known)
    stages: tuple[DesignStage, ...] = ()  # after `line`: a cache written before stages existed still loads

    @property
    def full_id(self) -> str:
        return f"{self.pack}/{self.id}"

    @property
    def area(self) -> str:
        return self.topic.split("/", 1)[0]

    @property
    def subtopic(self) -> str:
        return self.topic.split("/", 1)[1]


@dataclass(frozen=True, slots=True)
class Pack(_Record):
    id: str
    title: str
    version: str
    path: Path
    questions: tuple[Question, ...]
    author: str = ""
    license: str = ""
    description: str = ""
    builtin: bool = False
    _by_id: dict[str, Question] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._by_id.update((q.id, q) for q in self.questions)

    def question(self, question_id: str) -> Question | None:
        return self._by_id.get(question_id)
