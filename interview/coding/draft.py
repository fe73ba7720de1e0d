"""What the code editor autosaves while the candidate works: the code, the explanation and every test run.

Stored as the round's draft text (JSON), so a crash or a closed terminal loses none of it and a
resumed round shows the runs made before.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace

from interview.coding.results import RunReport

DRAFT_MARK = "interview-coding-draft"
STORED_OUTPUT_CHARS = 500  # printed text kept per case in the draft; the screen shows the full run while open


@dataclass(frozen=True, slots=True)
class CodingDraft:
    code: str
    explanation: str = ""
    runs: tuple[RunReport, ...] = ()

    def to_text(self) -> str:
        return json.dumps(
            {
                DRAFT_MARK: 1,
                "code": self.code,
                "explanation": self.explanation,
                "runs": [_trimmed(run).to_dict() for run in self.runs],
            },
            ensure_ascii=False,
        )

    @classmethod
    def from_text(cls, text: str, starter: str = "") -> CodingDraft:
        """The draft as saved; text that is not a coding draft is taken as code (nothing typed is dropped)."""
        if not text.strip():
            return cls(starter)
        if text.lstrip().startswith("{"):
            try:
                data = json.loads(text)
            except ValueError:
                data = None
            if isinstance(data, dict) and data.get(DRAFT_MARK):
                return cls(
                    str(data.get("code", "")),
                    str(data.get("explanation", "")),
                    tuple(RunReport.from_dict(run) for run in data.get("runs", []) if isinstance(run, dict)),
                )
        return cls(text)

    def with_run(self, run: RunReport) -> CodingDraft:
        return replace(self, runs=(*self.runs, run))


def _trimmed(run: RunReport) -> RunReport:
    cases = tuple(
        replace(case, output=case.output[:STORED_OUTPUT_CHARS]) if len(case.output) > STORED_OUTPUT_CHARS else case
        for case in run.cases
    )
    return replace(run, cases=cases)
