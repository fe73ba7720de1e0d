"""Importing coaches' existing decks as packs: Anki text exports, CSV/TSV, Markdown Q&A. No UI here."""

from __future__ import annotations

from pathlib import Path

from interview.importers.cards import Card, ImportFileError, ReadResult, Skipped, read_text

FORMATS = ("anki", "csv", "tsv", "markdown")
__all__ = ["FORMATS", "Card", "ImportFileError", "ReadResult", "Skipped", "detect_format", "read_cards"]


def detect_format(path: Path, text: str) -> str:
    """From the file's headers first (Anki's `#separator:`...), then its extension."""
    from interview.importers.anki import looks_like_anki

    if looks_like_anki(text):
        return "anki"
    suffix = path.suffix.lower()
    if suffix in (".md", ".markdown"):
        return "markdown"
    if suffix == ".csv":
        return "csv"
    if suffix == ".tsv":
        return "tsv"
    if suffix == ".txt":
        return "anki"  # Anki's exports before 2.1.55 have no headers: tab-separated front, back, tags
    raise ImportFileError(
        path, 1, f"cannot tell the format from '{suffix or path.name}'; pass --format {'|'.join(FORMATS)}"
    )


def read_cards(path: Path, fmt: str | None = None) -> tuple[str, ReadResult]:
    """The format used and the cards read; ImportFileError (FILE:LINE: message) when the file is malformed."""
    text = read_text(path)
    fmt = fmt or detect_format(path, text)
    if fmt == "anki":
        from interview.importers.anki import read_anki

        return fmt, read_anki(path, text)
    if fmt == "markdown":
        from interview.importers.markdown import read_markdown

        return fmt, read_markdown(path, text)
    from interview.importers.table import read_table

    return fmt, read_table(path, text, "\t" if fmt == "tsv" else ",")
