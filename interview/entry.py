"""The `interview` console script.

The bare command, by far the most common, goes straight to the app: loading click and building
the whole command tree would add about 45 ms to the start-up before the first screen.
"""

from __future__ import annotations

import os
import sys


def main() -> None:
    # the shell asks for completions by running the bare command with _INTERVIEW_COMPLETE set
    if len(sys.argv) == 1 and "_INTERVIEW_COMPLETE" not in os.environ:
        from interview.tui.app import run_app

        run_app()
        return
    from interview.cli import main as cli

    cli(prog_name="interview")
