"""Round formats, question selection, the session state machine and the practice service. No UI here.

Names are loaded when first used (PEP 562): `interview.rounds.kinds`, which the CLI reads to build
its choices, must not pull in scoring and the bank on every command's start.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

_WHERE = {
    "Mode": "formats",
    "PRACTICE": "formats",
    "STRICT": "formats",
    "RoundKind": "formats",
    "RoundSpec": "formats",
    "Slot": "formats",
    "Stage": "formats",
    "ROUND_KINDS": "kinds",
    "RoundKindInfo": "kinds",
    "kind_info": "kinds",
    "PracticeService": "practice",
    "NotReady": "practice",
    "ResumeError": "recorder",
    "StoreRecorder": "recorder",
    "resume_session": "recorder",
    "plan_round": "select",
    "Phase": "session",
    "ASKING": "session",
    "BREAK": "session",
    "DONE": "session",
    "FEEDBACK": "session",
    "AttemptResult": "session",
    "Event": "session",
    "EventKind": "session",
    "RoundSession": "session",
    "RoundSummary": "summary",
    "summarize": "summary",
}

__all__ = [
    "ASKING",
    "BREAK",
    "DONE",
    "FEEDBACK",
    "PRACTICE",
    "ROUND_KINDS",
    "STRICT",
    "AttemptResult",
    "Event",
    "EventKind",
    "Mode",
    "NotReady",
    "Phase",
    "PracticeService",
    "ResumeError",
    "RoundKind",
    "RoundKindInfo",
    "RoundSession",
    "RoundSpec",
    "RoundSummary",
    "Slot",
    "Stage",
    "StoreRecorder",
    "kind_info",
    "plan_round",
    "resume_session",
    "summarize",
]


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'interview.rounds' has no attribute {name!r}")
    value = getattr(import_module(f"interview.rounds.{module}"), name)
    globals()[name] = value  # once: later lookups do not come back here
    return value


if TYPE_CHECKING:
    from interview.rounds.formats import PRACTICE, STRICT, Mode, RoundKind, RoundSpec, Slot, Stage
    from interview.rounds.kinds import ROUND_KINDS, RoundKindInfo, kind_info
    from interview.rounds.practice import NotReady, PracticeService
    from interview.rounds.recorder import ResumeError, StoreRecorder, resume_session
    from interview.rounds.select import plan_round
    from interview.rounds.session import (
        ASKING,
        BREAK,
        DONE,
        FEEDBACK,
        AttemptResult,
        Event,
        EventKind,
        Phase,
        RoundSession,
    )
    from interview.rounds.summary import RoundSummary, summarize
