"""Command-line conventions: an example in every --help, `locate`, and shell completion."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from interview.cli import main


def commands(group: click.Group = main, path: tuple[str, ...] = ()):
    yield path, group
    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            yield from commands(command, (*path, name))
        else:
            yield (*path, name), command


@pytest.mark.parametrize(
    ("path", "command"), list(commands()), ids=lambda v: " ".join(v) if isinstance(v, tuple) else ""
)
def test_every_command_has_help_with_an_example(path: tuple[str, ...], command: click.Command) -> None:
    result = CliRunner().invoke(main, [*path, "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output, f"`interview {' '.join(path)} --help` shows no example"
    example = result.output.split("Example:", 1)[1].strip().splitlines()[0].strip()
    assert example.startswith("interview") or "interview" in example


def test_locate_prints_each_place_under_interview_home(isolated_home: Path) -> None:
    for place, expected in [
        ("data", isolated_home),
        ("packs", isolated_home / "packs"),
        ("config", isolated_home / "config.toml"),
        ("database", isolated_home / "history.sqlite3"),
    ]:
        result = CliRunner().invoke(main, ["locate", place])
        assert result.exit_code == 0 and result.output.strip() == str(expected)
    everything = CliRunner().invoke(main, ["locate"]).output
    assert str(isolated_home / "packs") in everything and "builtin" in everything
    assert CliRunner().invoke(main, ["locate", "nowhere"]).exit_code == 2


@pytest.mark.slow  # runs the console script in a child process
def test_completion_script_and_completions_through_the_console_script(isolated_home: Path) -> None:
    script = CliRunner().invoke(main, ["completion", "bash"]).output
    assert "_INTERVIEW_COMPLETE=bash_complete" in script
    env = {**os.environ, "_INTERVIEW_COMPLETE": "bash_complete", "COMP_WORDS": "interview pack im", "COMP_CWORD": "2"}
    # the bare command with the completion variable must complete, not start the app
    code = "import sys; sys.argv = ['interview']; from interview.entry import main; main()"
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert "plain,import" in result.stdout.splitlines()
