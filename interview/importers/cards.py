"""What every importer produces: cards read from a file, with what was skipped and why."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Card:
    """One question and its answer as found in the source file."""

    question: str
    answer: str
    line: int  # where the card starts in its file
    tags: tuple[str, ...] = ()
    topic_hint: str = ""  # a deck or a section heading the card sits under, when it has no tags
    sources: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Skipped:
    line: int
    reason: str


@dataclass
class ReadResult:
    """The cards of one file; `title` is the deck or document title, when the file names one."""

    cards: list[Card] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    title: str = ""

    def skip(self, line: int, reason: str) -> None:
        self.skipped.append(Skipped(line, reason))


class ImportFileError(Exception):
    """The file cannot be read as the format it claims: FILE:LINE: message. Nothing is written."""

    def __init__(self, path: Path, line: int, message: str) -> None:
        super().__init__(f"{path}:{line}: {message}")
        self.path = path
        self.line = line
        self.message = message


def read_text(path: Path) -> str:
    """The file as text, or a clear error naming the line where it stops being UTF-8."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ImportFileError(path, line, f"not UTF-8 text (byte {error.start}); save the file as UTF-8") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def physical_lines(text: str) -> list[str]:
    """Lines with their ends, split at '\\n' only (str.splitlines also splits at form feeds and U+2028,
    which a card may hold), so csv keeps a quoted field's line breaks and counts lines as editors do."""
    return [line + "\n" for line in text.split("\n")]
