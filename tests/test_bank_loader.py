"""The loader on valid packs and on one broken pack per error kind, asserting line and column."""

from __future__ import annotations

from pathlib import Path

import pytest

from interview.bank import load_files, load_pack_file
from tests.conftest import VALID_PACK


def errors_of(path: Path) -> list[tuple[int, int, str]]:
    result = load_pack_file(path)
    assert result.pack is None, "a broken pack must not load"
    return [(e.line, e.column, e.message) for e in result.errors]


def test_valid_pack_loads_into_immutable_questions(valid_pack: Path) -> None:
    result = load_pack_file(valid_pack)
    assert result.errors == ()
    pack = result.pack
    assert pack.id == "demo" and pack.version == "1"
    question = pack.question("overfitting")
    assert question.full_id == "demo/overfitting"
    assert question.area == "ml-fundamentals" and question.subtopic == "overfitting"
    assert question.difficulty == 1
    assert question.rounds == ("phone", "onsite", "drill")  # the default
    assert question.rubric[0].required and question.rubric[1].weight == 2.0
    assert question.misconceptions[0].phrases == ("overfitting means high training error",)
    assert question.examples[1].band == (0.0, 0.2)
    with pytest.raises(AttributeError):
        question.prompt = "changed"  # type: ignore[misc]


BASE = "pack: p\ntitle: t\nversion: 1\nquestions:\n"
Q = "  - id: q1\n    prompt: p\n    topic: a/b\n    model_answer: m\n"

BROKEN = {
    "syntax": (
        BASE + Q + "    rubric: [\n",
        10,
        "YAML syntax error: while parsing a flow node did not find expected node content",
    ),
    "tab indent": (BASE + "  - id: q1\n\tprompt: p\n", 6, "YAML syntax error"),
    "unknown key": (
        BASE + Q + "    promt: x\n",
        (9, 5),
        "unknown key 'promt' in question 'q1'; did you mean 'prompt'?",
    ),
    "missing key": (
        BASE + "  - id: q1\n    prompt: p\n    topic: a/b\n",
        (5, 5),
        "missing required key 'model_answer'",
    ),
    "missing pack key": ("title: t\nversion: 1\nquestions:\n" + Q, (1, 1), "missing required key 'pack'"),
    "difficulty": (
        BASE + Q + "    difficulty: 5\n",
        (9, 17),
        "'difficulty' in question 'q1' must be from 1 to 3, not 5",
    ),
    "difficulty type": (BASE + Q + "    difficulty: hard\n", (9, 17), "must be a whole number"),
    "round": (BASE + Q + "    rounds: [phone, phonescreen]\n", (9, 21), "unknown round 'phonescreen'"),
    "topic shape": (
        BASE + "  - id: q1\n    prompt: p\n    topic: statistics\n    model_answer: m\n",
        (7, 12),
        "must look like 'area/subtopic'",
    ),
    "duplicate id": (BASE + Q + Q, (9, 9), "duplicate question id 'q1' (first at line 5)"),
    "empty prompt": (
        BASE + "  - id: q1\n    prompt: '  '\n    topic: a/b\n    model_answer: m\n",
        (6, 13),
        "'prompt' in question 'q1' must not be empty",
    ),
    "empty phrase": (
        BASE + Q + "    rubric:\n      - concept: c\n        phrases: [ok, '']\n",
        (11, 23),
        "rubric phrase must not be empty",
    ),
    "no phrases": (
        BASE + Q + "    rubric:\n      - concept: c\n        phrases: []\n",
        (11, 18),
        "needs at least one phrase",
    ),
    "python tag": (
        BASE + Q + "    hints: !!python/object/apply:os.system [echo hi]\n",
        (9, 12),
        "YAML tag '!!python/object/apply:os.system' is not allowed",
    ),
    "duplicate key": (BASE + Q + "    prompt: again\n", (9, 5), "duplicate key 'prompt' (first at line 6)"),
    "band": (
        BASE + Q + "    examples:\n      - answer: a\n        band: [0.9, 0.1]\n",
        (11, 15),
        "'band' must be two scores",
    ),
    "follow-up concept": (
        BASE
        + Q
        + "    rubric:\n      - concept: bias\n        phrases: [bias]\n"
        + "    follow_ups:\n      - prompt: f\n        if_missed: [biass]\n",
        (14, 21),
        "did you mean 'bias'?",
    ),
    "attachment escapes": (
        BASE + Q + "    case:\n      attachments: [../../etc/passwd]\n",
        (10, 21),
        "must be a relative path inside the pack's folder",
    ),
    "questions empty": (
        BASE.replace("questions:\n", "questions: []\n"),
        (4, 12),
        "'questions' must be a non-empty list",
    ),
    "not a mapping": ("- just\n- a list\n", (1, 1), "a pack must be a mapping"),
    "empty file": ("", (1, 1), "the file is empty"),
}


@pytest.mark.parametrize("text, where, message", BROKEN.values(), ids=BROKEN.keys())
def test_each_error_kind_names_line_column_and_fix(write_pack, text, where, message) -> None:
    found = errors_of(write_pack(text))
    if isinstance(where, int):
        assert any(line == where and message in m for line, _, m in found), found
    else:
        assert any((line, col) == where and message in m for line, col, m in found), found


def test_every_error_is_reported_not_just_the_first(write_pack) -> None:
    text = BASE + "  - id: q1\n    promt: p\n    topic: nope\n    difficulty: 9\n    model_answer: m\n"
    messages = [m for _, _, m in errors_of(write_pack(text))]
    assert len(messages) == 4  # unknown key, missing prompt, topic, difficulty


def test_errors_print_as_file_line_col(write_pack) -> None:
    path = write_pack(BASE + Q + "    difficulty: 0\n", "coach.yaml")
    (error,) = load_pack_file(path).errors
    assert str(error).endswith("coach.yaml:9:17: 'difficulty' in question 'q1' must be from 1 to 3, not 0")


def test_one_broken_pack_never_stops_the_others(write_pack, valid_pack) -> None:
    broken = write_pack("pack: [unclosed\n", "broken.yaml")
    bank = load_files([(broken, False), (valid_pack, False)])
    assert [p.id for p in bank.packs] == ["demo"]
    assert [s.path for s in bank.skipped] == [broken]


def test_duplicate_pack_id_across_packs_names_the_first_owner(write_pack, valid_pack) -> None:
    clash = write_pack(VALID_PACK, "clash.yaml")
    bank = load_files([(valid_pack, False), (clash, False)])
    (error,) = bank.errors
    assert (error.line, error.column) == (1, 7)
    assert "pack id 'demo' is already used by" in error.message and "demo.yaml" in error.message


def test_any_topic_area_is_allowed(write_pack) -> None:
    path = write_pack(BASE + Q.replace("a/b", "quantum-finance/option-pricing"))
    assert load_pack_file(path).pack is not None


@pytest.mark.parametrize(
    "content, message",
    [
        (b"\x00\x01\x02binary", "binary file"),
        (b"pack: \xff\xfe\n", "not UTF-8"),
        (b"[" * 5000, "nesting deeper"),
        (b"- " * 5000 + b"x\n", "nesting deeper"),
    ],
)
def test_hostile_files_get_a_clear_error(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "hostile.yaml"
    path.write_bytes(content)
    (error,) = load_pack_file(path).errors
    assert message in error.message


def test_alias_bomb_is_refused_cheaply(write_pack) -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    text = (
        "pack: p\ntitle: t\nversion: 1\nquestions:\n"
        "  - id: q\n    prompt: p\n    topic: a/b\n    model_answer: m\n    hints: *i\n"
    )
    path = write_pack("\n".join(lines) + "\n" + text)
    result = load_pack_file(path)
    assert result.pack is None
    assert len(result.errors) < 30  # each level is one error, never one per expanded string


def test_ten_thousand_question_pack_loads(tmp_path: Path) -> None:
    body = "".join(
        f"  - id: q{i}\n    prompt: Question {i}?\n    topic: area/sub{i % 7}\n    model_answer: Answer {i}.\n"
        f"    rubric:\n      - concept: c\n        phrases: [answer {i}]\n"
        for i in range(10_000)
    )
    path = tmp_path / "big.yaml"
    path.write_text("pack: big\ntitle: Big\nversion: 1\nquestions:\n" + body, encoding="utf-8")
    result = load_pack_file(path)
    assert result.errors == () and len(result.pack.questions) == 10_000


def test_directory_of_many_packs(tmp_path: Path) -> None:
    from interview.bank import pack_files_in

    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(500):
        (folder / f"p{i:03}.yaml").write_text(BASE.replace("pack: p", f"pack: p{i}") + Q, encoding="utf-8")
    bank = load_files((f, False) for f in pack_files_in(folder))
    assert len(bank.packs) == 500 and not bank.skipped


def test_builtin_bank_is_valid() -> None:
    from interview.bank import load_bank

    bank = load_bank(user=False)
    assert bank.errors == []
    assert bank.packs and all(p.builtin for p in bank.packs)


def test_a_very_large_file_is_refused_before_parsing(tmp_path: Path) -> None:
    from interview.bank.yaml_source import MAX_PACK_BYTES

    path = tmp_path / "huge.yaml"
    with path.open("wb") as handle:
        handle.write(b"pack: p\ntitle: t\nversion: 1\ndescription: |\n")
        line = b"  " + b"x" * 1022 + b"\n"
        for _ in range(MAX_PACK_BYTES // len(line) + 2):
            handle.write(line)
    (error,) = load_pack_file(path).errors
    assert "larger than 64 MB" in error.message
