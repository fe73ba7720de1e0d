"""A run's cases as rows and lines: the result table under the editor and the feedback screen's list."""

from __future__ import annotations

from rich.text import Text

from interview.coding import CaseResult, CaseStatus, RunReport
from interview.tui.widgets.prose import printable

STATUS_STYLE = {
    CaseStatus.PASSED: "green",
    CaseStatus.FAILED: "bold red",
    CaseStatus.ERROR: "bold red",
    CaseStatus.TIMEOUT: "bold yellow",
}
SHOWN = 60


def _short(text: str, limit: int = SHOWN) -> str:
    text = printable(text.replace("\n", " "))
    return text if len(text) <= limit else text[: limit - 1] + "…"


def case_label(case: CaseResult) -> str:
    label = f"{case.index + 1}"
    return label + (" (hidden)" if case.hidden else "")


def case_row(case: CaseResult) -> tuple[Text, ...]:
    status = Text(str(case.status), style=STATUS_STYLE[case.status])
    got = case.got if case.status in (CaseStatus.PASSED, CaseStatus.FAILED) else case.message
    return (
        Text(case_label(case)),
        Text(_short(case.name or case.call, 40)),
        Text(_short(case.expected, 30)),
        Text(_short(got, 40)),
        status,
    )


def case_detail(case: CaseResult) -> Text:
    """What went wrong in one case: expected vs got, or the exception and the candidate's own line."""
    text = Text()
    text.append(f"case {case_label(case)}: ", style="bold")
    text.append(_short(case.call, 80))
    if case.status == CaseStatus.FAILED:
        text.append(f"\n  expected {_short(case.expected, 70)}\n  got      {_short(case.got, 70)}")
    elif case.status in (CaseStatus.ERROR, CaseStatus.TIMEOUT):
        text.append("\n  " + _short(case.message, 110), style=STATUS_STYLE[case.status])
        if case.line:
            text.append(f"\n  line {case.line}: ", style="dim")
            text.append(_short(case.line_text, 90))
    if case.output:
        text.append("\n  printed: ", style="dim")
        text.append(_short(case.output, 100))
    return text


def run_lines(report: RunReport) -> Text:
    """Every case of a run, one line each, then the details of those that did not pass."""
    text = Text()
    text.append(report.summary(), style="bold")
    if report.problem:
        text.append("\n" + printable(report.problem), style="yellow")
    for case in report.cases:
        text.append("\n")
        text.append(f" {str(case.status):<8}", style=STATUS_STYLE[case.status])
        text.append(f" {case_label(case):<12} {_short(case.name or case.call, 60)}")
    for case in report.cases:
        if not case.passed:
            text.append("\n")
            text.append_text(case_detail(case))
    return text
