"""The `interview` console script.

The bare command, by far the most common, goes straight to the app: loading click and building
the whole command tree would add about 45 ms to the start-up before the first screen.
"""

from __future__ import annotations

import sys


def main() -> None:
    if len(sys.argv) == 1:
        from interview.tui.app import run_app

        run_app()
        return
    from interview.cli import main as cli

    cli(prog_name="interview")
