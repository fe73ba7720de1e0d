"""The `stages:` key and the concept `probe:` key: loading, resolution and errors with line:col."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from interview.bank import load_pack_file

STAGED = """\
pack: staged
title: Staged
version: 1
questions:
  - id: churn
    topic: ml-system-design/churn
    prompt: Design churn prediction.
    model_answer: Label is cancel within 30 days. Use logistic regression. Batch job weekly.
    rubric:
      - concept: label
        phrases: [cancel within 30 days]
        required: true
        probe: What counts as churn?
      - concept: model
        phrases: [logistic regression]
      - concept: serving
        phrases: [batch job]
    stages:
      - name: Requirements
        minutes: 4
        prompt: What is the label?
        concepts: [label]
      - name: Model and serving
        prompt: Which model, and how are scores served?
        concepts: [model, serving]
        rubric:
          - concept: monitoring
            phrases: [drift]
        model_answer: Logistic regression, a weekly batch job, drift checks.
"""


def errors_of(write_pack, text: str) -> list[str]:
    result = load_pack_file(write_pack(text))
    assert result.pack is None
    return [str(error) for error in result.errors]


def test_stages_load_with_their_rubric_resolved(write_pack) -> None:
    pack = load_pack_file(write_pack(STAGED)).pack
    assert pack is not None
    question = pack.questions[0]
    first, second = question.stages
    assert (first.name, first.minutes, [c.name for c in first.rubric]) == ("Requirements", 4.0, ["label"])
    assert second.minutes == 5.0  # the default
    assert [c.name for c in second.rubric] == ["model", "serving", "monitoring"]
    assert second.model_answer.startswith("Logistic regression")
    assert question.rubric[0].probe == "What counts as churn?" and question.rubric[1].probe == ""


def test_a_question_without_stages_has_none(write_pack) -> None:
    from tests.conftest import VALID_PACK

    pack = load_pack_file(write_pack(VALID_PACK)).pack
    assert pack is not None and all(q.stages == () for q in pack.questions)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("concepts: [label]", "concepts: [labels]", "pack.yaml:22:20: 'concepts' of stage 'Requirements'"),
        ("concepts: [label]", "concepts: [labels]", "did you mean 'label'?"),
        ("concepts: [model, serving]", "concepts: [model, label]", "pack.yaml:25:27: concept 'label' is already"),
        ("name: Model and serving", "name: Requirements", "pack.yaml:23:15: duplicate stage name 'Requirements'"),
        ("minutes: 4", "minutes: 400", "pack.yaml:20:18: 'minutes' in stage 'Requirements'"),
        ("minutes: 4", "minuts: 4", "pack.yaml:20:9: unknown key 'minuts' in stage 'Requirements'"),
        (
            "        prompt: What is the label?\n",
            "",
            "pack.yaml:19:9: stage 'Requirements' of question 'churn' is missing",
        ),
        (
            "        concepts: [label]\n",
            "",
            "pack.yaml:19:9: stage 'Requirements' of question 'churn' has nothing to score",
        ),
        ("probe: What counts as churn?", "probe: [a, b]", "pack.yaml:13:16: 'probe' in concept 'label' must be text"),
    ],
)
def test_stage_mistakes_are_reported_with_line_and_column(write_pack, old: str, new: str, expected: str) -> None:
    assert old in STAGED
    errors = errors_of(write_pack, STAGED.replace(old, new, 1))
    assert any(expected in error for error in errors), errors


def test_concepts_need_a_rubric_to_name_from(write_pack) -> None:
    text = STAGED.replace(
        "    rubric:\n      - concept: label", "    hints: [x]\n    old_rubric:\n      - concept: label"
    )
    errors = errors_of(write_pack, text)
    assert any("the question has no 'rubric' to name from" in error for error in errors), errors


def test_empty_stages_list_is_an_error(write_pack) -> None:
    head = STAGED.split("    stages:")[0]
    errors = errors_of(write_pack, head + "    stages: []\n")
    assert any("'stages' in question 'churn' is empty" in error for error in errors), errors


def test_the_schema_accepts_stages_and_refuses_a_stage_without_a_prompt() -> None:
    import jsonschema
    import yaml

    schema = json.loads((Path(__file__).parents[1] / "interview/bank/pack-v1.schema.json").read_text())
    data = yaml.safe_load(STAGED)
    jsonschema.validate(data, schema)
    del data["questions"][0]["stages"][0]["prompt"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)
    data = yaml.safe_load(STAGED)
    del data["questions"][0]["stages"][0]["concepts"]
    with pytest.raises(jsonschema.ValidationError):  # nothing to score
        jsonschema.validate(data, schema)


def test_the_quick_reader_and_the_cache_keep_stages_and_probes(write_pack) -> None:
    path = write_pack(STAGED)
    careful = load_pack_file(path).pack
    quick = load_pack_file(path, use_cache=True).pack  # yaml-rs, then written to the cache
    cached = load_pack_file(path, use_cache=True).pack  # read back from the cache
    assert careful is not None and quick is not None and cached is not None
    for pack in (quick, cached):
        assert pack.questions[0].stages == careful.questions[0].stages
        assert pack.questions[0].rubric[0].probe == "What counts as churn?"
