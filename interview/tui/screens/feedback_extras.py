"""What the feedback screen adds for the interviewer's features: each stage's score (an empty stage said
plainly), and what a probe earned back for the answer it probed."""

from __future__ import annotations

from rich.text import Text

from interview.interviewer.probing import adjust_for_probes, is_probe, probed_concept
from interview.interviewer.staged import PROBE_SHARE, grade_stages, is_staged_text
from interview.interviewer.template import stages_for
from interview.rounds import RoundSession
from interview.rounds.session import AttemptResult
from interview.tui.widgets.prose import printable


def stage_lines(result: AttemptResult) -> Text:
    text = Text()
    question = result.question
    if not is_staged_text(result.answer, stages_for(question)):
        return text
    text.append("By stage\n", style="bold")
    for stage in grade_stages(question, result.answer, result.hints).stages:
        if stage.empty:
            text.append("  0.00  ", style="red")
            text.append(printable(stage.stage.name), style="bold")
            text.append("  left empty: nothing was said here\n", style="red")
            continue
        text.append(f"  {stage.score.value:.2f}  ", style="green" if stage.score.value >= 0.6 else "yellow")
        text.append(printable(stage.stage.name) + "\n")
    return text


def probe_lines(session: RoundSession | None, result: AttemptResult) -> Text:
    text = Text()
    if session is None or not is_probe(result.question):
        return text
    items = session.items
    adjusted, outcomes = adjust_for_probes(session.results, lambda p: items[p].follow_up_of if p < len(items) else None)
    parent = items[result.position].follow_up_of if result.position < len(items) else None
    concept = probed_concept(result.question)
    outcome = next((o for o in outcomes.get(parent, []) if o.concept == concept), None) if parent is not None else None
    answer = next((r for r in adjusted if r.position == parent), None)
    if outcome is None or answer is None:
        return text
    text.append("Probe: ", style="bold")
    if outcome.earned > 0:
        text.append(f"+{outcome.earned:.2f} earned back on '{printable(concept)}'", style="yellow")
        text.append(f" (a probe earns at most {PROBE_SHARE:.0%} of the concept's credit); ")
        text.append(f"that answer now scores {answer.score.value:.2f}\n")
    else:
        text.append(f"nothing earned back on '{printable(concept)}'; that answer stays at {answer.score.value:.2f}\n")
    return text


def feedback_extras(session: RoundSession | None, result: AttemptResult) -> Text:
    text = probe_lines(session, result)
    text.append_text(stage_lines(result))
    text.rstrip()
    return text
