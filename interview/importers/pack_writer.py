"""Cards to a pack: topics, ids, drafted rubrics, then the checks `pack test` makes.

The YAML is written by us, not by a template: every text value is double-quoted or a literal block,
so nothing a card says can change the meaning of the file (YAML 1.1 and 1.2 read it the same way).
A card whose drafted rubric would fail `pack test` (its model answer scores low on it, or other
areas' answers score high) is left out with the reason, so the pack written always tests clean.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from interview.bank.model import Question
from interview.importers.cards import Card, ReadResult, Skipped
from interview.importers.text import slug, topic_from_label, topic_from_tags

PLAIN_WORD = re.compile(r"^[a-z][a-z_-]*(?:/[a-z0-9-]+)?$")  # keys, ids and topics read as text in any YAML
YAML_WORDS = {"true", "false", "null", "yes", "no", "on", "off", "y", "n", "~"}

MAX_ID_LENGTH = 40
MAX_CHECK_PASSES = 4  # leaving a card out changes the sample the others are checked against


@dataclass(frozen=True, slots=True)
class Drafted:
    card: Card
    id: str
    topic: str
    rubric_yaml: str


@dataclass
class PackDraft:
    text: str
    questions: int
    skipped: list[Skipped]


def _topic(card: Card, topic: str | None) -> str | None:
    return topic or topic_from_tags(list(card.tags)) or (topic_from_label(card.topic_hint) if card.topic_hint else None)


def _unique_id(question: str, taken: set[str]) -> str:
    base = slug(question, MAX_ID_LENGTH) or "question"
    candidate, number = base, 2
    while candidate in taken:
        candidate = f"{base}-{number}"
        number += 1
    taken.add(candidate)
    return candidate


def draft_cards(read: ReadResult, topic: str | None) -> tuple[list[Drafted], list[Skipped]]:
    from interview.scoring import draft_rubric, rubric_yaml

    drafted: list[Drafted] = []
    skipped = list(read.skipped)
    seen: dict[str, int] = {}
    taken: set[str] = set()
    for card in read.cards:
        key = " ".join(card.question.casefold().split())
        if key in seen:
            skipped.append(Skipped(card.line, f"the same question as line {seen[key]}"))
            continue
        seen[key] = card.line
        card_topic = _topic(card, topic)
        if card_topic is None:
            skipped.append(
                Skipped(card.line, "no tag, deck or section to take a topic from; pass --topic AREA/SUBTOPIC")
            )
            continue
        concepts = draft_rubric(card.answer, card.question)
        if not concepts:
            skipped.append(Skipped(card.line, "the answer has no key phrases to draft a rubric from"))
            continue
        drafted.append(Drafted(card, _unique_id(card.question, taken), card_topic, rubric_yaml(concepts)))
    return drafted, skipped


def _dumper() -> type:
    import yaml

    class PackDumper(yaml.SafeDumper):
        pass

    def text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
        # a word or a sentence may go unquoted where PyYAML allows it; anything else that YAML 1.1 and
        # 1.2 might read differently ("1e3", "0o17") is double-quoted
        if "\n" in value:
            style: str | None = "|"
        elif (" " in value.strip() or PLAIN_WORD.match(value)) and value.lower() not in YAML_WORDS:
            style = None
        else:
            style = '"'
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)

    PackDumper.add_representer(str, text)
    return PackDumper


def _yaml(value: object, indent: int) -> str:
    import yaml

    dumped = yaml.dump(
        value, Dumper=_dumper(), allow_unicode=True, sort_keys=False, width=1_000_000
    )  # a long line stays one line
    pad = " " * indent
    return "".join(pad + line if line.strip() else line for line in dumped.splitlines(keepends=True))


def render_pack(pack_id: str, title: str, description: str, drafted: Iterable[Drafted]) -> str:
    head = {"pack": pack_id, "title": title, "version": 1, "description": description}
    lines = [
        "# Imported by `interview pack import`. The rubrics are drafts from each answer: refine them,",
        "# then check with `interview pack validate` and `interview pack test` (docs/pack-format.md).",
        _yaml(head, 0).rstrip("\n"),
        "questions:",
    ]
    for item in drafted:
        question: dict[str, object] = {
            "id": item.id,
            "topic": item.topic,
            "prompt": item.card.question,
            "model_answer": item.card.answer,
        }
        if item.card.sources:
            question["sources"] = list(item.card.sources)
        body = _yaml(question, 4)
        lines.append("  - " + body[4:].rstrip("\n"))
        lines.append("".join("    " + line + "\n" for line in item.rubric_yaml.splitlines()).rstrip("\n"))
    return "\n".join(lines) + "\n"


def _failing(text: str, reference: list[Question]) -> dict[str, str]:
    """Question id -> why `pack test` would fail it, from the pack as the loader reads it back."""
    from interview.bank import load_pack_file
    from interview.scoring.selftest import check_pack

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "imported.yaml"
        path.write_text(text, encoding="utf-8")
        loaded = load_pack_file(path)
    if loaded.pack is None:  # our own output failed validation: a bug here, never the user's
        raise RuntimeError("the imported pack does not validate: " + "; ".join(str(e) for e in loaded.errors))
    failing: dict[str, str] = {}
    for check in check_pack(loaded.pack, reference):
        if not check.passed and check.question.id not in failing:
            failing[check.question.id] = f"its drafted rubric fails `pack test` ({check.describe()})"
    return failing


def build_pack(
    read: ReadResult, pack_id: str, title: str, description: str, topic: str | None, reference: list[Question]
) -> PackDraft:
    drafted, skipped = draft_cards(read, topic)
    text = render_pack(pack_id, title, description, drafted)
    for _ in range(MAX_CHECK_PASSES):
        if not drafted:
            break
        failing = _failing(text, reference)
        if not failing:
            break
        skipped += [Skipped(d.card.line, failing[d.id]) for d in drafted if d.id in failing]
        drafted = [d for d in drafted if d.id not in failing]
        text = render_pack(pack_id, title, description, drafted)
    skipped.sort(key=lambda s: s.line)
    return PackDraft(text, len(drafted), skipped)
