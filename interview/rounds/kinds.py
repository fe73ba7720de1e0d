"""Every kind of round, once: the home menu, the setup screen, the history filters, the CLI's
choices and the command palette all read this registry.

A new kind of round is one entry here (and its RoundSpec builder in formats.py). Import-light on
purpose: the CLI builds its `--kind` choices from it at start-up.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from interview.rounds.formats import (
    Mode,
    RoundKind,
    RoundSpec,
    custom,
    drill,
    onsite_loop,
    phone_screen,
    take_home,
)


@dataclass(frozen=True, slots=True)
class RoundKindInfo:
    id: RoundKind
    title: str  # the round's own title (setup screen, spec)
    menu_title: str  # how the home menu names it
    short: str  # its key's label (help screen)
    blurb: str  # one line under it in the menu
    description: str  # the paragraph the setup screen opens with
    key: str  # the home screen's default key (remappable through its binding id)
    binding_id: str
    spec: Callable[[Mode], RoundSpec]  # the default round of this kind
    counted: bool = False  # the setup screen asks how many questions and how long
    strict_allowed: bool = True
    probing: bool | None = None  # the setup screen offers probing, on by default when True; None: not offered
    palette: tuple[str, str] | None = None  # command palette: name and help; None: not offered there


ROUND_KINDS: tuple[RoundKindInfo, ...] = (
    RoundKindInfo(
        RoundKind.PHONE,
        "Phone screen",
        "Phone screen",
        "Phone",
        "6 questions, 30 minutes",
        "One background question, four ML concept questions (fundamentals, statistics, algorithms, "
        "evaluation) and one coding-concept question, in 30 minutes.",
        "p",
        "home.phone",
        lambda mode: phone_screen(mode),
        probing=False,
        palette=("Start phone screen", "A 30-minute phone screen: 6 questions"),
    ),
    RoundKindInfo(
        RoundKind.ONSITE,
        "Onsite loop",
        "Onsite loop",
        "Onsite",
        "5 sessions of 45 min, breaks between",
        "Five 45-minute sessions: ML breadth, ML depth, ML system design, coding and behavioral, "
        "with a break between sessions and a loop summary at the end.",
        "o",
        "home.onsite",
        lambda mode: onsite_loop(mode),
        probing=True,
        palette=("Start onsite loop", "Five 45-minute sessions with breaks"),
    ),
    RoundKindInfo(
        RoundKind.TAKE_HOME,
        "Take-home",
        "Take-home case",
        "Take-home",
        "a case study, effort limit, deadline",
        "One case study with a dataset and deliverables. Write your answer here or submit a file "
        "(.md, .txt, .py, .ipynb). Effort limit 4 hours inside a 72-hour window that survives restarts.",
        "t",
        "home.take_home",
        lambda mode: take_home(mode),
        palette=("Start take-home", "One case study with an effort limit and a deadline"),
    ),
    RoundKindInfo(
        RoundKind.DRILL,
        "Drill",
        "Drill",
        "Drill",
        "weakest and due questions first",
        "Questions due for review first, then your weakest ones (unseen ones when you have no history). "
        "Untimed unless you set a per-question timer.",
        "d",
        "home.drill",
        lambda mode: drill(),  # drills are practice: they stay on the weak spots, with feedback
        counted=True,
        strict_allowed=False,
        palette=("Drill weak areas", "Due reviews and your weakest questions first"),
    ),
    RoundKindInfo(
        RoundKind.CUSTOM,
        "Custom round",
        "Custom round",
        "Custom",
        "your packs, topics, difficulty and time",
        "Choose topic areas, difficulty, number of questions and time.",
        "c",
        "home.custom",
        lambda mode: custom(mode=mode),
        counted=True,
    ),
)


def kind_info(kind: str) -> RoundKindInfo:
    """The registry entry of a kind; KeyError for one that is not there."""
    for info in ROUND_KINDS:
        if info.id == kind:
            return info
    raise KeyError(kind)
