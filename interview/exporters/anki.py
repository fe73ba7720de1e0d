"""The concepts a user missed most as Anki cards: the question, the missed concept, the model answer.

`.apkg` files are written with genanki (Anki's own package format: a zipped SQLite collection);
`.txt`/`.tsv` files are Anki's "Notes in Plain Text" format with its headers, which File > Import
reads with no options to set. Both use the same note type and fields, and stable ids, so importing
a newer export updates the cards from the last one instead of adding duplicates.
"""

from __future__ import annotations

import csv
import html
import io
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from interview.store import Store
from interview.store.practice import most_missed

DECK_NAME = "interview::missed concepts"
MODEL_NAME = "interview missed concept"
FIELDS = ("Question", "Missed concept", "Model answer", "Topic")
FRONT = '<div class="q">{{Question}}</div><div class="ask">What idea do strong answers include here?</div>'
BACK = (
    '{{FrontSide}}<hr id="answer"><div class="concept">{{Missed concept}}</div>'
    '<div class="model">{{Model answer}}</div>'
)
CSS = (
    ".card { font-family: sans-serif; font-size: 18px; text-align: left; } "
    ".ask { color: #888; margin-top: 1em; } .concept { font-weight: bold; margin-bottom: 1em; }"
)


@dataclass(frozen=True, slots=True)
class MissedCard:
    question_id: str
    topic: str
    question: str
    concept: str
    model_answer: str
    missed: int
    asked: int

    @property
    def tag(self) -> str:
        return "interview::" + self.topic.replace("/", "::")

    def fields(self) -> list[str]:
        """The fields as HTML (Anki fields are HTML): every text escaped, line breaks kept."""
        concept = f"{self.concept} (missed {self.missed} of {self.asked} times)"
        return [_html(self.question), _html(concept), _html(self.model_answer), _html(self.topic)]


def _html(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


def _stable_id(text: str) -> int:
    """Anki wants 31-bit-ish ids for decks and note types; derived from the name so re-exports match."""
    return 1 << 30 | zlib.crc32(text.encode()) & ((1 << 30) - 1)


def missed_cards(
    store: Store, question_text: Callable[[str], tuple[str, str] | None], limit: int = 50
) -> list[MissedCard]:
    """The most-missed concepts, each with its question's prompt and model answer from the loaded packs.

    A question whose pack is not loaded any more is left out: there is nothing to put on the card."""
    cards = []
    for question_id, topic, concept, missed, asked in most_missed(store.db, limit * 2):
        text = question_text(question_id)
        if text is None:
            continue
        prompt, model_answer = text
        cards.append(MissedCard(question_id, topic, prompt, concept, model_answer, missed, asked))
        if len(cards) == limit:
            break
    return cards


def write_apkg(cards: list[MissedCard], path: Path, timestamp: float) -> None:
    import genanki  # only for this export

    model = genanki.Model(
        _stable_id(MODEL_NAME),
        MODEL_NAME,
        fields=[{"name": name} for name in FIELDS],
        templates=[{"name": "Missed concept", "qfmt": FRONT, "afmt": BACK}],
        css=CSS,
    )
    deck = genanki.Deck(_stable_id(DECK_NAME), DECK_NAME)
    for card in cards:
        deck.add_note(
            genanki.Note(
                model=model,
                fields=card.fields(),
                tags=[card.tag],
                guid=genanki.guid_for(card.question_id, card.concept),
            )
        )
    genanki.Package(deck).write_to_file(str(path), timestamp=timestamp)


def anki_text(cards: list[MissedCard]) -> str:
    out = io.StringIO()
    out.write("#separator:tab\n#html:true\n")
    out.write(f"#notetype:Basic\n#deck:{DECK_NAME}\n#columns:Front\tBack\tTags\n#tags column:3\n")
    writer = csv.writer(out, delimiter="\t", lineterminator="\n")
    for card in cards:
        question, concept, model_answer, _ = card.fields()
        writer.writerow([question, f"<b>{concept}</b><br><br>{model_answer}", card.tag])
    return out.getvalue()
