"""The CLI through click's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from interview.cli import main


def run(*args: str) -> "object":
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0 and "interview, version" in result.output


def test_pack_list_json_shows_builtin_and_extra_packs(valid_pack: Path) -> None:
    result = run("pack", "list", "--json", "--pack", str(valid_pack))
    data = json.loads(result.output)
    demo = next(p for p in data["packs"] if p["id"] == "demo")
    assert demo["questions"] == 2 and demo["builtin"] is False
    assert data["user_pack_dir"].endswith("packs")


def test_pack_option_before_the_command_name_also_counts(valid_pack: Path) -> None:
    result = run("--pack", str(valid_pack), "pack", "list", "--json")
    assert any(p["id"] == "demo" for p in json.loads(result.output)["packs"])


def test_pack_list_says_which_pack_was_skipped_and_why(valid_pack: Path, write_pack) -> None:
    broken = write_pack("pack: b\ntitle: t\nversion: 1\nquestions: []\n", "broken.yaml")
    result = CliRunner().invoke(main, ["pack", "list", "--pack", str(valid_pack), "--pack", str(broken)])
    assert result.exit_code == 0
    assert "demo" in result.output
    assert "skipped" in result.output and "broken.yaml:4:12:" in result.output


def test_user_pack_folder_is_loaded(isolated_home: Path) -> None:
    from tests.conftest import VALID_PACK

    (isolated_home / "packs").mkdir(parents=True)
    (isolated_home / "packs" / "mine.yaml").write_text(VALID_PACK, encoding="utf-8")
    data = json.loads(run("pack", "list", "--json").output)
    assert any(p["id"] == "demo" for p in data["packs"])


def test_validate_exit_codes(valid_pack: Path, write_pack, tmp_path: Path) -> None:
    assert run("pack", "validate", str(valid_pack)).exit_code == 0
    broken = write_pack(
        "pack: b\ntitle: t\nversion: 1\nquestions:\n"
        "  - id: q\n    prompt: p\n    topic: nope\n    model_answer: m\n    difficulty: 7\n",
        "b.yaml",
    )
    result = CliRunner().invoke(main, ["pack", "validate", str(valid_pack), str(broken)])
    assert result.exit_code == 1
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    assert len(lines) == 2 and all(":" in line and "b.yaml:" in line for line in lines)
    assert "b.yaml:7:12:" in lines[0] and "b.yaml:9:17:" in lines[1]
    assert CliRunner().invoke(main, ["pack", "validate"]).exit_code == 2
    assert CliRunner().invoke(main, ["pack", "validate", str(tmp_path / "missing.yaml")]).exit_code == 2


def test_validate_a_folder(valid_pack: Path, write_pack) -> None:
    write_pack(
        "pack: other\ntitle: t\nversion: 1\nquestions:\n"
        "  - id: q\n    prompt: p\n    topic: a/b\n    model_answer: m\n",
        "other.yaml",
    )
    result = CliRunner().invoke(main, ["pack", "validate", str(valid_pack.parent)])
    assert result.exit_code == 0, result.output
    assert "2 valid" in result.stderr


def test_pack_new_writes_a_scaffold_that_validates(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("pack", "new", "Coach Pack")
    assert result.exit_code == 0
    text = (tmp_path / "coach-pack.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=file://")
    assert run("pack", "validate", "coach-pack.yaml").exit_code == 0
    again = CliRunner().invoke(main, ["pack", "new", "Coach Pack"])
    assert again.exit_code == 1 and "already exists" in again.output


def test_schema_is_json_and_matches_the_scaffold(tmp_path: Path, monkeypatch) -> None:
    import jsonschema
    import yaml

    schema = json.loads(run("pack", "schema").output)
    monkeypatch.chdir(tmp_path)
    run("pack", "new", "x")
    jsonschema.validate(yaml.safe_load((tmp_path / "x.yaml").read_text()), schema)


def test_schema_rejects_what_the_validator_rejects() -> None:
    import jsonschema
    import pytest

    schema = json.loads(run("pack", "schema").output)
    bad = {
        "pack": "p",
        "title": "t",
        "version": 1,
        "questions": [{"id": "q", "prompt": "p", "topic": "nope", "model_answer": "m", "difficulty": 5}],
    }
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, schema)


def test_bank_stats_json(valid_pack: Path) -> None:
    data = json.loads(run("bank", "stats", "--json", "--pack", str(valid_pack)).output)
    assert data["by_area"]["evaluation-metrics"] >= 1
    assert data["by_difficulty"]["1"] >= 1 and data["by_round"]["phone"] >= 2


COVERAGE_PACK = """\
pack: cov
title: t
version: 1
questions:
  - {id: a, prompt: p, topic: zz-area/x, model_answer: m, difficulty: 1, rounds: [phone, drill]}
  - {id: b, prompt: p, topic: zz-area/y, model_answer: m, difficulty: 3, rounds: [take-home]}
  - {id: c, prompt: p, topic: math/z, model_answer: m, difficulty: 2, rounds: [onsite]}
"""


def test_bank_stats_coverage_counts_each_question_once_per_round(write_pack) -> None:
    pack = write_pack(COVERAGE_PACK, "cov.yaml")
    before = json.loads(run("bank", "stats", "--json").output)["coverage"]
    after = json.loads(run("bank", "stats", "--json", "--pack", str(pack)).output)["coverage"]
    zero = {"1": 0, "2": 0, "3": 0}
    assert after["zz-area"] == {
        "phone": {**zero, "1": 1},
        "onsite": zero,
        "take-home": {**zero, "3": 1},
        "drill": {**zero, "1": 1},
    }
    assert after["math"]["onsite"]["2"] == before["math"]["onsite"]["2"] + 1
    assert after["math"]["phone"] == before["math"]["phone"]


def test_bank_stats_prints_the_coverage_table_with_dashes_for_empty_cells(write_pack) -> None:
    pack = write_pack(COVERAGE_PACK, "cov.yaml")
    output = run("bank", "stats", "--pack", str(pack)).output
    table = output[output.index("by area, round and difficulty:") :].splitlines()
    assert "phone" in table[1] and "take-home" in table[1] and "drill" in table[1]
    row = next(line for line in table if line.strip().startswith("zz-area"))
    assert row.split()[1:] == ["1", "-", "-", "-", "-", "-", "-", "-", "1", "1", "-", "-"]
