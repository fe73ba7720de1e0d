"""Markdown Q&A: a heading or a bold line per question, the text below it as the answer.

A heading with nothing under it but deeper headings is a section: its title becomes the topic of
the questions inside it (when they have no --topic). Links in an answer become the question's
sources; emphasis marks and the <details>/<summary> wrappers Q&A repositories use are removed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from interview.importers.cards import Card, ImportFileError, ReadResult
from interview.importers.text import tidy

HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
# a line that is all bold, optionally a list item or numbered: "**What is X?**", "1. **Q: What is X?**"
BOLD_LINE = re.compile(r"^\s*(?:[-*+]\s+|\d+[.)]\s+)?(\*\*|__)(?P<text>.+?)\1\s*:?\s*$")
# "**Q:** What is X?" or "Q1. What is X?": a question line whatever its emphasis
Q_LINE = re.compile(
    r"^\s*(?:[-*+]\s+|\d+[.)]\s+)?(?:\*\*|__)?Q(?:uestion)?\s*\d*\s*[:.)]\s*(?:\*\*|__)?\s*(?P<text>\S.*)$"
)
FENCE = re.compile(r"^\s*(```|~~~)")
QUESTION_PREFIX = re.compile(r"^(?:Q(?:uestion)?\s*\d*\s*[:.)-]\s*)", re.IGNORECASE)
ANSWER_PREFIX = re.compile(r"^\s*(?:\*\*|__)?A(?:nswer)?\s*[:.)-]\s*(?:\*\*|__)?\s*", re.IGNORECASE)
LINK = re.compile(r"!?\[([^\]]*)\]\((https?://[^)\s]+)[^)]*\)")
WRAPPERS = re.compile(r"</?(?:details|p|div|br|b|i|strong|em)\b[^>]*>|<summary\b[^>]*>.*?</summary>", re.IGNORECASE)
EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")
BOLD_LEVEL = 7  # deeper than any heading


@dataclass
class _Block:
    level: int
    title: str
    line: int
    body: list[str] = field(default_factory=list)

    @property
    def has_body(self) -> bool:
        return any(line.strip() for line in self.body)


def _blocks(path: Path, text: str) -> tuple[list[_Block], int]:
    blocks: list[_Block] = []
    fence_line = 0
    preamble = 0
    for number, line in enumerate(text.split("\n"), start=1):
        if FENCE.match(line):
            fence_line = 0 if fence_line else number
        if not fence_line and not FENCE.match(line):
            heading = HEADING.match(line)
            bold = (BOLD_LINE.match(line) or Q_LINE.match(line)) if not heading else None
            if heading:
                blocks.append(_Block(len(heading.group(1)), heading.group(2).strip(), number))
                continue
            if bold:
                blocks.append(_Block(BOLD_LEVEL, bold.group("text").strip(), number))
                continue
        if blocks:
            blocks[-1].body.append(line)
        elif line.strip():
            preamble = preamble or number
    if fence_line:
        raise ImportFileError(path, fence_line, "this code block is never closed (no matching ``` below it)")
    return blocks, preamble


def _answer(body: list[str]) -> tuple[str, list[str]]:
    text = "\n".join(body)
    links = [url for _, url in LINK.findall(text)]
    text = LINK.sub(lambda m: "" if m.group(0).startswith("!") else m.group(1), text)
    text = WRAPPERS.sub("\n", text)
    text = ANSWER_PREFIX.sub("", text.strip(), count=1)
    return tidy(EMPHASIS.sub(r"\2", text)), links


def read_markdown(path: Path, text: str) -> ReadResult:
    blocks, preamble = _blocks(path, text)
    result = ReadResult()
    if not blocks:
        raise ImportFileError(
            path, 1, "no questions found: a Markdown import needs a heading (## ...) or a bold line per question"
        )
    if blocks[0].level == 1 and len(blocks) > 1 and [b for b in blocks if b.level == 1] == blocks[:1]:
        result.title = blocks[0].title  # one top heading over everything: the document's title
        if blocks[0].has_body:
            first = next(i for i, line in enumerate(blocks[0].body) if line.strip())
            result.skip(blocks[0].line + 1 + first, "text under the title (an introduction, not a question)")
        blocks = blocks[1:]
    if preamble:
        result.skip(preamble, "text before the first question (not part of any question)")
    sections: list[_Block] = []
    for index, block in enumerate(blocks):
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        while sections and sections[-1].level >= block.level:
            sections.pop()
        if not block.has_body and following is not None and following.level > block.level:
            sections.append(block)  # a heading over deeper ones: a section, not a question
            continue
        question = tidy(QUESTION_PREFIX.sub("", EMPHASIS.sub(r"\2", block.title)))
        answer, links = _answer(block.body)
        if not answer:
            result.skip(block.line, f"no answer below the question {question[:50]!r}")
            continue
        hint = "::".join(s.title for s in sections[-2:])
        result.cards.append(Card(question, answer, block.line, (), hint, tuple(dict.fromkeys(links))))
    return result
