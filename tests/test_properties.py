"""Property tests (hypothesis): any text, any rubric, no crash, and the score behaves."""

from __future__ import annotations

import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from interview.bank.model import Concept, Misconception
from interview.bank.yaml_source import YamlProblem, load_yaml
from interview.scoring import score_answer
from interview.scoring.normalize import tokenize

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
words = st.text(alphabet=string.ascii_lowercase, min_size=2, max_size=10)
phrases = st.lists(words, min_size=1, max_size=3).map(" ".join)
rubrics = st.lists(
    st.builds(
        Concept,
        name=words,
        phrases=st.lists(phrases, min_size=1, max_size=3).map(tuple),
        weight=st.floats(0.1, 5),
        required=st.booleans(),
    ),
    min_size=1,
    max_size=6,
)
claims = st.lists(
    st.builds(Misconception, claim=phrases, phrases=st.lists(phrases, min_size=1, max_size=2).map(tuple)), max_size=2
)


@SETTINGS
@given(st.text())
def test_tokens_point_into_the_text(text: str) -> None:
    for token in tokenize(text):
        assert 0 <= token.start < token.end <= len(text)


@SETTINGS
@given(st.text(), rubrics, claims, st.integers(0, 5))
def test_any_text_scores_in_range_and_the_same_twice(answer, rubric, mistakes, hints) -> None:
    first = score_answer(answer, rubric, mistakes, hints)
    assert 0.0 <= first.value <= 1.0
    assert first == score_answer(answer, rubric, mistakes, hints)
    for concept in first.concepts:
        if concept.span:
            assert answer[concept.span[0] : concept.span[1]] == concept.matched_text


@SETTINGS
@given(st.text(max_size=300), rubrics, st.data())
def test_saying_a_rubric_phrase_never_lowers_the_score(answer, rubric, data) -> None:
    concept = data.draw(st.sampled_from(rubric))
    phrase = data.draw(st.sampled_from(concept.phrases))
    before = score_answer(answer, rubric).value
    for added in (f"{answer}. I would say that {phrase} matters here.", f"{answer} {phrase}"):
        assert score_answer(added, rubric).value >= before - 1e-9


@SETTINGS
@given(st.binary(max_size=2000))
def test_the_loader_never_crashes_on_bytes(raw: bytes) -> None:
    try:
        load_yaml(raw)
    except YamlProblem as problem:
        assert problem.line >= 1 and problem.column >= 1


@SETTINGS
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=20),
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
        max_leaves=30,
    )
)
def test_the_validator_reports_errors_for_any_structure(data) -> None:
    from pathlib import Path

    import yaml

    from interview.bank.validate import PackValidator

    text = yaml.safe_dump(data)
    parsed, positions = load_yaml(text.encode())
    validator = PackValidator(Path("x.yaml"), positions)
    pack = validator.pack(parsed)
    assert pack is not None or validator.errors
