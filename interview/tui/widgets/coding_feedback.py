"""The feedback sections of a coding answer: each case of the submission, the code, the runs before it,
the explanation with its evidence, and the reference solution."""

from __future__ import annotations

from collections.abc import Iterator

from rich.text import Text
from textual.widget import Widget
from textual.widgets import Static

from interview.rounds.session import AttemptResult
from interview.tui.widgets.case_results import run_lines
from interview.tui.widgets.evidence import concept_lines, highlighted_answer
from interview.tui.widgets.prose import printable, prose


def _title(text: str) -> Static:
    return Static(Text(text, style="bold"), classes="section-title")


def coding_sections(result: AttemptResult) -> Iterator[Widget]:
    coding = result.coding
    assert coding is not None
    question = result.question
    if coding.final is not None:
        yield _title("Every case of your submission")
        yield Static(run_lines(coding.final), id="case-results")
    runs = coding.runs
    history = Text(f"{len(runs)} test run{'s' if len(runs) != 1 else ''} before submitting", style="dim")
    for number, run in enumerate(runs, start=1):
        history.append(f"\n  run {number}: {run.summary()}", style="dim")
    yield Static(history, id="run-history")
    yield _title("Your code")
    yield Static(Text(printable(coding.code) or "(empty)"), id="your-code")
    if coding.explanation_weight:
        yield _title(f"Your explanation ({coding.explanation_weight:.0%} of the score), with the evidence highlighted")
        yield Static(concept_lines(result.score), id="concepts")
        yield Static(highlighted_answer(coding.explanation, result.score), id="answer-evidence")
    yield _title("Model answer")
    yield Static(prose(question.model_answer), id="model-answer")
    if question.code is not None and question.code.solution:
        yield _title("A reference solution")
        yield Static(Text(printable(question.code.solution)), id="solution")
