"""`interview history export --anki`: the most-missed concepts as an Anki package or Anki text file."""

from __future__ import annotations

import sqlite3
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from interview import locations
from interview.cli import main
from interview.exporters.anki import missed_cards
from interview.importers import read_cards
from tests.history_fixtures import played_store
from tests.rounds_fixtures import make_bank


def seeded() -> None:
    locations.database_path().parent.mkdir(parents=True, exist_ok=True)
    played_store(locations.database_path()).close()


@pytest.fixture
def fixture_bank(monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI sees the bank the history was played with."""
    monkeypatch.setattr("interview.cli_history.load_bank_for", lambda ctx, packs: make_bank())


def test_missed_cards_rank_concepts_and_carry_the_question_text() -> None:
    store = played_store()
    bank = make_bank()

    def text(question_id: str) -> tuple[str, str] | None:
        question = bank.question(question_id)
        return (question.prompt, question.model_answer) if question else None

    cards = missed_cards(store, text, limit=5)
    assert 0 < len(cards) <= 5
    assert [c.missed for c in cards] == sorted((c.missed for c in cards), reverse=True)
    first = cards[0]
    assert first.question == bank.question(first.question_id).prompt and first.concept
    assert missed_cards(store, lambda _: None) == []  # no pack loaded: nothing to put on a card


def test_apkg_export_is_an_anki_package(tmp_path: Path, fixture_bank: None) -> None:
    seeded()
    target = tmp_path / "missed.apkg"
    result = CliRunner().invoke(main, ["history", "export", "--anki", str(target), "--limit", "4"])
    assert result.exit_code == 0, result.output
    assert "4 cards" in result.output
    with zipfile.ZipFile(target) as package:
        package.extract("collection.anki2", tmp_path)
    db = sqlite3.connect(tmp_path / "collection.anki2")
    notes = db.execute("SELECT flds, tags FROM notes").fetchall()
    assert len(notes) == 4 and db.execute("SELECT COUNT(*) FROM cards").fetchone()[0] == 4
    question, concept, model_answer, topic = notes[0][0].split("\x1f")
    assert question and "missed" in concept and model_answer and "interview::" in notes[0][1]


def test_text_export_reads_back_as_an_anki_text_file(tmp_path: Path, fixture_bank: None) -> None:
    seeded()
    target = tmp_path / "missed.txt"
    result = CliRunner().invoke(main, ["history", "export", "--anki", str(target)])
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8").startswith("#separator:tab\n#html:true\n")
    fmt, read = read_cards(target)  # our own Anki importer reads what we export
    assert fmt == "anki" and read.cards and not read.skipped
    assert all(card.tags and card.tags[0].startswith("interview::") for card in read.cards)
    assert "missed" in read.cards[0].answer


def test_no_history_and_wrong_suffix_are_clear_errors(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["history", "export", "--anki", str(tmp_path / "m.apkg")])
    assert result.exit_code == 1 and "no missed concepts yet" in result.output
    result = CliRunner().invoke(main, ["history", "export", "--anki", str(tmp_path / "m.csv")])
    assert result.exit_code == 2 and ".apkg" in result.output
    assert not (tmp_path / "m.apkg").exists()
