"""Everything the interviewer says, in one place: openings, transitions, probes, time warnings, closings.

Written to read like a person across the table, not a quiz engine. Screens and the round only ask
this module for words; changing the voice means editing this file alone.
"""

from __future__ import annotations

from typing import Any

OPENINGS = {
    "phone": (
        "Hi, thanks for making the time. This is a {minutes}-minute phone screen: your background, "
        "a few ML questions and one on coding. Think out loud."
    ),
    "onsite": (
        "Welcome, thanks for coming in. Today is {sessions} sessions of about {minutes} minutes, with breaks. "
        "A follow-up means I want to hear more, not that you're wrong."
    ),
    "drill": "Let's work on the spots that need it. No clock pressure unless you asked for one.",
    "take-home": "Here's the case. Take your time within the limits; we'll read your write-up afterwards.",
    "custom": "Let's get started. Answer as you would in the real interview.",
}
CLOSINGS = {
    "phone": "That's all I have. Thanks, this was useful.",
    "onsite": "That's the end of the loop. Thank you for your time today.",
    "drill": "That's the drill done.",
    "take-home": "Thanks for the submission.",
    "custom": "That's the round.",
}
DEBRIEF_OFFER = "Press d for the written debrief."
NEXT_QUESTION = "Let's move on. {lead}"
NEXT_SESSION = "Let's move on to {session}."
FOLLOW_UP = "Let me follow up on that."
PROBE = "Before we move on, one more on this."
STAGE_OPENING = "Let's work through this in stages. We'll start with {stage}; move on whenever you're ready."
STAGE_TRANSITION = "Let's move on to {stage}."
STAGE_BACK = "Sure, let's go back to {stage}."
STAGE_OVER = "We're past the time I'd planned for {stage}. Wrap it up when you can and let's move on."
STAGE_EMPTY = "You haven't said anything about {stage} yet."
PROBE_FROM_NAME = "You didn't touch on {name}. How would you handle that here?"


def _minutes_words(seconds: float) -> str:
    minutes = round(seconds / 60)
    words = {1: "one minute", 2: "two minutes", 3: "three minutes", 5: "five minutes", 10: "ten minutes"}
    return words.get(minutes, f"{minutes} minutes")


def opening(kind: str, minutes: float | None = None, sessions: int = 1) -> str:
    text = OPENINGS.get(kind, OPENINGS["custom"])
    return text.format(minutes=f"{minutes:g}" if minutes else "few", sessions=sessions)


def closing(kind: str) -> str:
    return CLOSINGS.get(kind, CLOSINGS["custom"])


def time_warning(seconds_left: float, limit_name: str) -> str:
    """A person says "five minutes left on this one", not "300 seconds of question time left"."""
    if seconds_left >= 90:
        left = _minutes_words(seconds_left)
    else:
        left = f"about {int(round(seconds_left / 10) * 10) or int(seconds_left)} seconds"
    where = "this one" if limit_name in ("question time", "effort limit") else f"the {limit_name.removesuffix(' time')}"
    if limit_name == "deadline":
        where = "the deadline"
    return f"You have {left} left on {where}."


def time_up(limit_name: str) -> str:
    where = "this one" if limit_name in ("question time", "effort limit") else f"the {limit_name.removesuffix(' time')}"
    return f"We're out of time on {where}, so I'll take what you have."


def past_suggested() -> str:
    return "We're past the time I'd planned for this one. Start wrapping up."


def probe_from_name(name: str) -> str:
    return PROBE_FROM_NAME.format(name=name)


def stage_opening(stage: str) -> str:
    return STAGE_OPENING.format(stage=stage.lower())


def stage_transition(stage: str, back: bool = False) -> str:
    return (STAGE_BACK if back else STAGE_TRANSITION).format(stage=stage.lower())


def stage_over(stage: str) -> str:
    return STAGE_OVER.format(stage=stage.lower())


def stage_empty(stage: str) -> str:
    return STAGE_EMPTY.format(stage=stage.lower())


def question_lead(kind: str, position: int, session_name: str, new_session: bool, follow_up: bool, probe: bool) -> str:
    """The interviewer's line above a question."""
    if probe:
        return PROBE
    if follow_up:
        return FOLLOW_UP
    if position == 0:
        return ""  # the opening is said instead
    if new_session:
        return NEXT_SESSION.format(session=session_name)
    return NEXT_QUESTION.format(lead="Next question.")


def line_for(session: Any) -> str:
    """What the interviewer says above the current question of a round (a RoundSession)."""
    position = session.position
    item = session.current
    spec = session.spec
    if position == 0:
        stages = spec.stages
        minutes = stages[0].minutes if stages else None
        return opening(spec.kind, minutes, len(stages))
    previous = session.items[position - 1]
    probe = "~p" in item.question.id
    return question_lead(
        spec.kind,
        position,
        spec.stages[item.stage].name,
        previous.stage != item.stage,
        item.follow_up_of is not None and not probe,
        probe,
    )
