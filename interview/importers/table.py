"""Plain CSV or TSV with a header row naming the question and answer columns (and optionally tags)."""

from __future__ import annotations

import csv
from functools import partial
from pathlib import Path

from interview.importers.cards import Card, ImportFileError, ReadResult, physical_lines
from interview.importers.text import tidy

QUESTION_NAMES = ("question", "prompt", "front", "q")
ANSWER_NAMES = ("answer", "model_answer", "model answer", "back", "a")
TAG_NAMES = ("tags", "tag")
TOPIC_NAMES = ("topic", "category", "area")
SOURCE_NAMES = ("source", "sources", "link", "url")


def _column(header: list[str], names: tuple[str, ...]) -> int | None:
    lowered = [h.strip().lower() for h in header]
    return next((lowered.index(n) for n in names if n in lowered), None)


def _cell(row: list[str], index: int | None) -> str:
    return row[index].strip() if index is not None and index < len(row) else ""


def read_table(path: Path, text: str, delimiter: str) -> ReadResult:
    kind = "TSV" if delimiter == "\t" else "CSV"
    reader = csv.reader(physical_lines(text), delimiter=delimiter, quotechar='"', strict=True)
    result = ReadResult()
    start = 1
    try:
        header: list[str] | None = None
        for row in reader:
            line, start = start, reader.line_num + 1
            if not row or all(not cell.strip() for cell in row):
                continue
            if header is None:
                header = row
                question_at, answer_at = _column(header, QUESTION_NAMES), _column(header, ANSWER_NAMES)
                if question_at is None or answer_at is None:
                    missing = "question" if question_at is None else "answer"
                    names = QUESTION_NAMES if question_at is None else ANSWER_NAMES
                    raise ImportFileError(
                        path,
                        line,
                        f"the {kind} header names no {missing} column (found {', '.join(map(repr, header))}; "
                        f"expected one of {', '.join(names)})",
                    )
                tags_at, topic_at = _column(header, TAG_NAMES), _column(header, TOPIC_NAMES)
                source_at = _column(header, SOURCE_NAMES)
                continue
            cell = partial(_cell, row)
            question, answer = tidy(cell(question_at)), tidy(cell(answer_at))
            if len(row) > len(header):
                result.skip(line, f"{len(row)} fields where the header has {len(header)}; a separator inside a field?")
                continue
            if not question:
                result.skip(line, "the question column is empty")
                continue
            if not answer:
                result.skip(line, "the answer column is empty")
                continue
            tags = tuple(cell(tags_at).replace(",", " ").split())
            sources = tuple(s for s in cell(source_at).split() if s.startswith(("http://", "https://")))
            result.cards.append(Card(question, answer, line, tags, cell(topic_at), sources))
    except csv.Error as error:
        raise ImportFileError(path, start, f"cannot split this row into fields ({error}); check its quotes") from None
    if header is None:
        raise ImportFileError(
            path, 1, f"the file is empty: a {kind} import needs a header row and one row per question"
        )
    return result
