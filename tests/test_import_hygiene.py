"""The core never imports Textual, and the CLI does not until the TUI starts."""

from __future__ import annotations

import subprocess
import sys

import pytest

CORE = [
    "interview.bank",
    "interview.scoring",
    "interview.rounds",
    "interview.progress",
    "interview.store",
    "interview.coding",
    "interview.cli",
    "interview.locations",
    "interview.interviewer.staged",
    "interview.interviewer.probing",
    "interview.interviewer.debrief_text",
]


@pytest.mark.parametrize("module", CORE)
def test_core_module_does_not_import_textual(module: str) -> None:
    code = (
        f"import importlib, sys; importlib.import_module({module!r}); "
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')); "
        "print(','.join(bad))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "", f"{module} pulled in {result.stdout.strip()}"


def test_cli_validate_does_not_import_textual(tmp_path) -> None:
    code = (
        "import sys; from click.testing import CliRunner; from interview.cli import main; "
        "CliRunner().invoke(main, ['pack', 'list', '--json']); "
        "print(any(m.startswith('textual') for m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
