"""Round formats, question selection and the session state machine. No UI here."""

from interview.rounds.formats import PRACTICE, ROUND_KINDS, STRICT, RoundSpec, Slot, Stage
from interview.rounds.recorder import ResumeError, StoreRecorder, resume_session
from interview.rounds.select import plan_round
from interview.rounds.session import ASKING, BREAK, DONE, FEEDBACK, AttemptResult, Event, RoundSession
from interview.rounds.summary import RoundSummary, summarize

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
    "ResumeError",
    "RoundSession",
    "RoundSpec",
    "RoundSummary",
    "Slot",
    "Stage",
    "StoreRecorder",
    "plan_round",
    "resume_session",
    "summarize",
]
