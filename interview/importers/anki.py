"""Anki's "Notes in Plain Text" export: `#key:value` headers, then one note per row.

The headers Anki writes (2.1.55 and later): `#separator:tab|comma|semicolon|space|pipe|colon` (or
the character itself), `#html:true|false`, `#columns:` the field names, `#tags column:N`,
`#deck:NAME` or `#deck column:N`, `#notetype:NAME` or `#notetype column:N`, `#guid column:N`.
Rows are quoted as CSV is (a field holding the separator or a line break is in double quotes).
Older exports have no headers: tab-separated front, back and tags.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from interview.importers.cards import Card, ImportFileError, ReadResult, physical_lines
from interview.importers.text import html_to_text, is_cloze, tidy

SEPARATORS = {"tab": "\t", "comma": ",", "semicolon": ";", "space": " ", "pipe": "|", "colon": ":"}
QUESTION_FIELDS = ("front", "question", "prompt", "q", "text")
ANSWER_FIELDS = ("back", "answer", "model answer", "a", "back extra")
COLUMN_HEADERS = ("tags column", "deck column", "notetype column", "guid column")
KNOWN_HEADERS = {"separator", "html", "columns", "deck", "notetype", "if matches", *COLUMN_HEADERS}


@dataclass
class Headers:
    separator: str = "\t"
    html: bool = True
    columns: list[str] = field(default_factory=list)
    special: dict[str, int] = field(default_factory=dict)  # "tags column" -> 0-based index
    special_lines: dict[str, int] = field(default_factory=dict)  # where each was declared
    deck: str = ""
    notetype: str = ""
    count: int = 0  # lines the headers take


def looks_like_anki(text: str) -> bool:
    first = text.lstrip("\ufeff").split("\n", 1)[0]
    return first.startswith("#") and ":" in first and first[1:].split(":", 1)[0].strip().lower() in KNOWN_HEADERS


def _headers(path: Path, lines: list[str]) -> Headers:
    headers = Headers()
    raw_columns: tuple[int, str] | None = None
    for number, line in enumerate(lines, start=1):
        if not line.startswith("#") or ":" not in line:
            break
        headers.count = number
        key, _, value = line[1:].partition(":")
        key = key.strip().lower()
        if key == "separator":
            name = value.strip().lower()
            if name in SEPARATORS:
                headers.separator = SEPARATORS[name]
            elif len(value) == 1:
                headers.separator = value
            else:
                choices = ", ".join(SEPARATORS)
                raise ImportFileError(path, number, f"unknown #separator {value!r}: use one of {choices}")
        elif key == "html":
            if value.strip().lower() not in ("true", "false"):
                raise ImportFileError(path, number, f"#html must be true or false, not {value.strip()!r}")
            headers.html = value.strip().lower() == "true"
        elif key == "columns":
            raw_columns = (number, value)
        elif key in COLUMN_HEADERS:
            if not value.strip().isdigit() or int(value) < 1:
                raise ImportFileError(path, number, f"#{key} must be a column number (1 is the first), not {value!r}")
            headers.special[key] = int(value) - 1
            headers.special_lines[key] = number
        elif key == "deck":
            headers.deck = value.strip()
        elif key == "notetype":
            headers.notetype = value.strip()
        # other headers ("if matches", ones newer Anki versions add) do not change what a note says
    if raw_columns:  # split with the separator, which may be declared after #columns
        headers.columns = [c.strip() for c in next(csv.reader([raw_columns[1]], delimiter=headers.separator))]
        for key, index in headers.special.items():
            if index >= len(headers.columns):
                raise ImportFileError(
                    path,
                    headers.special_lines[key],
                    f"#{key} is {index + 1} but #columns names only {len(headers.columns)} columns",
                )
    return headers


def _pick(names: list[str], fields: list[int], wanted: tuple[str, ...], fallback: int) -> int | None:
    lowered = {names[i].lower(): i for i in fields if i < len(names)}
    for name in wanted:
        if name in lowered:
            return lowered[name]
    return fields[fallback] if len(fields) > fallback else None


def read_anki(path: Path, text: str) -> ReadResult:
    lines = text.split("\n")
    headers = _headers(path, lines)
    body = physical_lines(text)[headers.count :]  # line ends kept: a quoted field may span lines
    result = ReadResult(title=headers.deck.replace("::", " ").strip())
    reader = csv.reader(body, delimiter=headers.separator, quotechar='"', strict=True)
    start = headers.count + 1
    try:
        for row in reader:
            line = start
            start = headers.count + reader.line_num + 1
            if not row or all(not cell.strip() for cell in row):
                continue
            _read_row(path, headers, row, line, result)
    except csv.Error as error:
        raise ImportFileError(path, start, f"cannot split this note into fields ({error}); check its quotes") from None
    return result


def _read_row(path: Path, headers: Headers, row: list[str], line: int, result: ReadResult) -> None:
    special = headers.special
    width = max(len(row), len(headers.columns))
    fields = [i for i in range(width) if i not in special.values()]
    names = headers.columns or []
    question_at = _pick(names, fields, QUESTION_FIELDS, 0)
    answer_at = _pick(names, [f for f in fields if f != question_at], ANSWER_FIELDS, 0)

    def cell(index: int | None) -> str:
        return row[index] if index is not None and index < len(row) else ""

    notetype = cell(special.get("notetype column")) or headers.notetype
    question_raw, answer_raw = cell(question_at), cell(answer_at)
    if "cloze" in notetype.lower() or is_cloze(question_raw):
        result.skip(line, "a cloze note (fill in the blank), not a question with an answer")
        return
    links: list[str] = []
    if headers.html:
        question, question_links = html_to_text(question_raw)
        answer, answer_links = html_to_text(answer_raw)
        links = question_links + answer_links
    else:
        question, answer = tidy(question_raw), tidy(answer_raw)
    if not question:
        result.skip(line, "the question field is empty")
        return
    if not answer:
        result.skip(line, "the answer field is empty" if answer_at is not None else "the note has only one field")
        return
    deck = cell(special.get("deck column")) or headers.deck
    tags_at = special.get("tags column")
    if tags_at is None and not headers.columns and not special and len(row) == 3:
        tags_at = 2  # a header-less export: front, back, tags
    tags = tuple(cell(tags_at).split()) if tags_at is not None else ()
    result.cards.append(Card(question, answer, line, tags, deck, tuple(dict.fromkeys(links))))
