"""`interview history export --anki FILE`: the concepts you missed most, as Anki cards."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from interview.bank import Bank
    from interview.store import Store

TEXT_SUFFIXES = (".txt", ".tsv")


def export_anki(bank: Bank, store: Store, target: Path, limit: int) -> None:
    from interview.exporters.anki import anki_text, missed_cards, write_apkg
    from interview.rounds.recorder import find_question

    suffix = target.suffix.lower()
    if suffix != ".apkg" and suffix not in TEXT_SUFFIXES:
        raise click.UsageError(f"--anki {target}: use a .apkg file (an Anki package) or .txt/.tsv (Anki's text import)")

    def question_text(question_id: str) -> tuple[str, str] | None:
        question = find_question(bank, question_id)
        return (question.prompt, question.model_answer) if question else None

    cards = missed_cards(store, question_text, limit)
    if not cards:
        raise click.ClickException("no missed concepts yet: answer a few questions first, then export again")
    partial = target.with_name(f".{target.name}.partial")
    try:
        if suffix == ".apkg":
            write_apkg(cards, partial, time.time())
        else:
            partial.write_text(anki_text(cards), encoding="utf-8")
        os.replace(partial, target)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise click.ClickException(f"cannot write {target}: {error.strerror or error}") from None
    plural = "s" if len(cards) != 1 else ""
    click.echo(
        f"wrote {target}: {len(cards)} card{plural} for the concepts you missed most; import it in Anki (File > Import)"
    )
