"""`interview locate` and `interview completion`: where things are, and shell completion."""

from __future__ import annotations

import click

from interview import locations
from interview.cli import main

PLACES = {
    "data": ("the folder with all your state (INTERVIEW_HOME moves it)", locations.home),
    "database": ("your history database", locations.database_path),
    "config": ("config.toml: [keymap] and other settings", locations.config_path),
    "packs": ("your own packs, loaded after the built-in bank", locations.user_packs_dir),
    "builtin": ("the built-in question bank", locations.builtin_bank_dir),
}


@main.command("locate")
@click.argument("place", required=False, type=click.Choice(list(PLACES)))
def locate(place: str | None) -> None:
    """Print where your data, config and packs live (one path, or every path with what it is).

    \b
    Example:
      interview locate packs
      cp coach-pack.yaml "$(interview locate packs)/"
      interview locate
    """
    if place is not None:
        click.echo(str(PLACES[place][1]()))
        return
    for name, (what, path) in PLACES.items():
        click.echo(f"{name:<9} {path()}  ({what})")


@main.command("completion")
@click.argument("shell", type=click.Choice(["bash", "zsh", "fish"]))
def completion(shell: str) -> None:
    """Print the shell completion script for SHELL; add it to your shell's start-up file.

    \b
    Example:
      interview completion bash >> ~/.bashrc
      interview completion zsh > ~/.zfunc/_interview
      interview completion fish > ~/.config/fish/completions/interview.fish
    """
    from click.shell_completion import get_completion_class

    completer = get_completion_class(shell)
    assert completer is not None  # click ships all three
    click.echo(completer(main, {}, "interview", "_INTERVIEW_COMPLETE").source())
