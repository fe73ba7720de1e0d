"""`interview pack import`: a coach's Anki export, CSV/TSV file or Markdown Q&A as a pack."""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import click

from interview.cli import pack, pack_paths, with_packs

TOPIC = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*/[a-z0-9]+(?:-[a-z0-9]+)*$")
FORMAT_NAMES = {"anki": "Anki text export", "csv": "CSV", "tsv": "TSV", "markdown": "Markdown Q&A"}


@pack.command("import")
@click.argument("source", metavar="FILE", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path, dir_okay=False),
    help="The pack to write (default: FILE's name, .yaml, here).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["anki", "csv", "tsv", "markdown"]),
    help="Default: from the file's headers and extension.",
)
@click.option("--topic", help="AREA/SUBTOPIC for every question (default: each card's first tag, deck or section).")
@click.option("--title", help="The pack's title (default: the deck or document title, else the file name).")
@click.option("--force", is_flag=True, help="Overwrite the output file if it exists.")
@with_packs
@click.pass_context
def pack_import(
    ctx: click.Context,
    source: Path,
    output: Path | None,
    fmt: str | None,
    topic: str | None,
    title: str | None,
    force: bool,
    packs: tuple[Path, ...],
) -> None:
    """Turn an Anki text export, a CSV/TSV file or Markdown Q&A into a pack with drafted rubrics.

    Reports each card left out and why (FILE:LINE: reason). The pack written passes
    `interview pack validate` and `interview pack test`.

    \b
    Example:
      interview pack import ml-deck.txt -o ml-deck.yaml --topic ml-fundamentals/flashcards
      interview pack test ml-deck.yaml
    """
    from interview.bank import load_bank
    from interview.bank.scaffold import pack_id_from_name
    from interview.importers import ImportFileError, read_cards
    from interview.importers.pack_writer import build_pack

    if topic is not None and not TOPIC.match(topic):
        raise click.UsageError(
            f"--topic {topic!r} must be AREA/SUBTOPIC in lowercase words joined by '-', e.g. nlp/transformers"
        )
    target = output or Path(f"{source.stem}.yaml")
    if target.suffix.lower() not in (".yaml", ".yml"):
        raise click.UsageError(f"{target}: a pack file must end in .yaml or .yml")
    if target.resolve() == source.resolve():
        raise click.UsageError("the output would overwrite the file being imported")
    if target.exists() and not force:
        raise click.ClickException(f"{target} already exists; choose another --output or pass --force")
    started = time.perf_counter()
    try:
        used, read = read_cards(source, fmt)
    except ImportFileError as error:
        raise click.ClickException(str(error)) from None
    except OSError as error:
        raise click.ClickException(f"cannot read {source}: {error.strerror or error}") from None
    pack_id = pack_id_from_name(target.stem)
    reference = [q for p in load_bank(pack_paths(ctx, packs), user=False).packs for q in p.questions]
    draft = build_pack(
        read,
        pack_id,
        title or read.title or " ".join(w.capitalize() for w in pack_id.split("-")),
        f"Imported from {source.name} ({FORMAT_NAMES[used]}).",
        topic,
        reference,
    )
    for skipped in draft.skipped:
        click.echo(f"{source}:{skipped.line}: skipped: {skipped.reason}", err=True)
    if not draft.questions:
        raise click.ClickException(f"no question in {source} could be imported; nothing written")
    partial = target.with_name(f".{target.name}.partial")
    try:
        partial.write_text(draft.text, encoding="utf-8")
        os.replace(partial, target)  # never a half-written pack where the old one was
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise click.ClickException(f"cannot write {target}: {error.strerror or error}") from None
    plural = "s" if draft.questions != 1 else ""
    click.echo(
        f"wrote {target}: {draft.questions} question{plural} from {FORMAT_NAMES[used]} {source.name}, "
        f"{len(draft.skipped)} skipped ({time.perf_counter() - started:.1f} s)"
    )
    click.echo(f"next: refine the drafted rubrics, then `interview pack test {target}`", err=True)
