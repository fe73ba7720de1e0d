"""`interview grade`, `interview rubric draft` and `interview pack test` through CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from interview.cli import main


def invoke(*args: str, stdin: str | None = None):
    return CliRunner().invoke(main, list(args), input=stdin)


def test_grade_streams_one_json_line_per_answer(valid_pack: Path, tmp_path: Path) -> None:
    answers = tmp_path / "answers.jsonl"
    answers.write_text(
        json.dumps({"id": "a1", "question": "overfitting", "answer": "It memorises noise; validation error rises."})
        + "\n"
        + json.dumps({"id": "a2", "question": "precision", "answer": "No idea"})
        + "\n",
        encoding="utf-8",
    )
    result = invoke("grade", str(valid_pack), "--answers", str(answers))
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["id"] for line in lines] == ["a1", "a2"]
    first = lines[0]
    assert first["question"] == "overfitting" and 0 < first["score"] <= 1
    hit = next(c for c in first["concepts"] if c["concept"] == "memorises noise")
    assert hit["verdict"] == "hit" and hit["phrase"] == "noise" and hit["span"] == [13, 18]
    assert lines[1]["score"] <= 0.1 and lines[1]["rubric_hash"]


def test_grade_by_pack_id_from_stdin(valid_pack: Path) -> None:
    line = json.dumps({"id": "x", "question": "overfitting", "answer": "dropout"})
    result = invoke("--pack", str(valid_pack), "grade", "demo", "--answers", "-", stdin=line + "\n")
    assert result.exit_code == 0 and json.loads(result.stdout)["id"] == "x"


def test_grade_reports_bad_lines_with_their_number_and_exits_1(valid_pack: Path, tmp_path: Path) -> None:
    answers = tmp_path / "answers.jsonl"
    answers.write_text(
        "\n".join(
            [
                json.dumps({"id": 1, "question": "overfitting", "answer": "noise"}),
                "{not json",
                json.dumps({"id": 3, "question": "nope", "answer": "x"}),
                json.dumps(["a", "list"]),
                json.dumps({"id": 5, "question": "precision", "answer": "share of predicted positives"}),
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    result = invoke("grade", str(valid_pack), "--answers", str(answers))
    assert result.exit_code == 1
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == [1, 5]
    assert "answers.jsonl:2: skipped" in result.stderr
    assert "answers.jsonl:3: skipped: no question 'nope'" in result.stderr
    assert "answers.jsonl:4: skipped" in result.stderr


def test_grade_unknown_pack_is_a_clear_error() -> None:
    result = invoke("grade", "no-such-pack", "--answers", "-", stdin="")
    assert result.exit_code == 1 and "no pack 'no-such-pack'" in result.output
    assert "Traceback" not in result.output


def test_rubric_draft_prints_yaml_that_loads() -> None:
    import yaml

    result = invoke("rubric", "draft", "Precision is the share of flagged items that are truly positive.")
    assert result.exit_code == 0
    rubric = yaml.safe_load(result.stdout)["rubric"]
    assert rubric and all(c["phrases"] for c in rubric)


def test_rubric_draft_from_a_question(valid_pack: Path) -> None:
    result = invoke("--pack", str(valid_pack), "rubric", "draft", "--question", "demo/precision")
    assert result.exit_code == 0 and "predicted positives" in result.stdout
    assert invoke("rubric", "draft").exit_code == 2


def test_pack_test_passes_a_good_pack_and_fails_an_out_of_band_example(valid_pack: Path, write_pack) -> None:
    assert invoke("pack", "test", str(valid_pack)).exit_code == 0
    text = valid_pack.read_text(encoding="utf-8").replace("band: [0.0, 0.2]", "band: [0.9, 1.0]")
    bad = write_pack(text, "bad.yaml")
    result = invoke("pack", "test", str(bad))
    assert result.exit_code == 1
    assert "FAIL overfitting: example at line" in result.stdout and "expected 0.90-1.00" in result.stdout
    assert "missed" in result.stdout  # the concept breakdown is shown


def test_grade_explain_prints_each_concept_with_its_evidence(valid_pack: Path, tmp_path: Path) -> None:
    answers = tmp_path / "answers.jsonl"
    line = {"id": "a1", "question": "overfitting", "answer": "It memorizes noise; use dropout."}
    answers.write_text(json.dumps(line) + "\n", encoding="utf-8")
    result = invoke("grade", "demo", "--pack", str(valid_pack), "--answers", str(answers), "--explain")
    assert result.exit_code == 0
    assert result.output.startswith("a1 (overfitting): ")
    assert "✔ memorises noise (required)" in result.output and '"noise"' in result.output
    assert "✘ train-validation gap" in result.output
