"""The feedback's evidence lines say when a concept was matched in other words."""

from __future__ import annotations

from interview.bank.model import Concept
from interview.scoring import score_answer
from interview.tui.widgets.evidence import concept_lines


def test_a_soft_match_is_shown_in_other_words_with_the_rubric_phrase() -> None:
    score = score_answer("boosting builds one tree at a time", [Concept("boosting is sequential", ("sequentially",))])
    text = concept_lines(score).plain
    assert '← "one tree at a time"' in text
    assert "≈ in other words for “sequentially”" in text


def test_an_exact_match_is_not_called_other_words() -> None:
    score = score_answer("boosting trains trees sequentially", [Concept("boosting is sequential", ("sequentially",))])
    assert "in other words" not in concept_lines(score).plain
