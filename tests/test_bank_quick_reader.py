"""The quick reader (yaml-rs) must give exactly what the careful one (positioned PyYAML) gives, or step aside.

Loading for practice tries yaml-rs first; only a pack it reads and that validates is kept, and every
error comes from the careful reader. So the property to hold is: whenever the quick path returns a
pack, the careful path returns the same pack (apart from line numbers, which the quick path lacks).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from interview import locations
from interview.bank import load_pack_file
from interview.bank.discovery import _parse_pack_file, _quick_pack_file, pack_files_in
from interview.bank.yaml_source import load_yaml, load_yaml_quickly

PACK = """pack: tricky
title: Tricky scalars
version: {version}
questions:
  - id: q1
    topic: ml-fundamentals/bias-variance
    difficulty: {difficulty}
    prompt: {prompt}
    model_answer: |
      Bias is error from wrong assumptions; variance is sensitivity to the training sample.
    hints: [{hint}]
    rubric:
      - concept: bias
        phrases: [{phrase}, wrong assumptions]
        weight: {weight}
"""


def without_lines(pack) -> str:  # type: ignore[no-untyped-def]
    return re.sub(r"line=\d+", "line=0", repr(pack))


def assert_agree(path: Path) -> None:
    quick = _quick_pack_file(path, builtin=False)
    careful = _parse_pack_file(path, builtin=False)
    if quick is not None:
        assert careful.pack is not None, f"quick reader accepted what the careful one rejects: {careful.errors}"
        assert without_lines(quick.pack) == without_lines(careful.pack)
        assert quick.id_at == careful.id_at


@pytest.mark.parametrize("path", pack_files_in(locations.builtin_bank_dir()), ids=lambda p: p.stem)
def test_every_builtin_pack_reads_the_same_quickly_and_carefully(path: Path) -> None:
    assert_agree(path)


def test_nearly_every_builtin_pack_takes_the_quick_path() -> None:
    # Two packs quote Python slices ("[:10]") in their prose, which the flow check cannot tell from a
    # flow list: they are read carefully; so is the runnable exercises' pack, whose solutions slice
    # lists and whose case data holds timestamps in flow lists. Any more would mean a check has become
    # too eager.
    careful = [p.stem for p in pack_files_in(locations.builtin_bank_dir()) if _quick_pack_file(p, True) is None]
    assert careful == ["coding-exercises", "coding-ml-sql", "programming-languages"]


TRICKY = [
    "yes",
    "no",
    "on",
    "off",
    "Yes",
    "NO",
    "y",
    "n",
    "017",
    "08",
    "0o17",
    "0x1F",
    "1_000",
    "_1",
    "+1",
    "-.5",
    "1:30",
    "12:00:00",
    "1e3",
    "1e-3",
    "1.5e3",
    ".inf",
    "-.inf",
    ".nan",
    "~",
    "null",
    "2024-01-15",
    "2024-01-15T12:00:00Z",
    "true",
    "False",
    "'quoted'",
    '"dq \\t \\u00e9 \\x41"',
    "7x7",
    "4-bit",
    "1.",
    ".5",
    "0",
    "-0",
    "1,000",
    "a: b",
    "!!str 12",
    "!thing x",
    "!!python/object:os.system x",
    "&anchor x",
    "*missing",
    "[nested, [list]]",
    "{a: 1}",
    "|\n      block",
    ">\n      folded\n      text",
    "",
]


@pytest.mark.parametrize("token", TRICKY)
@pytest.mark.parametrize("field", ["version", "difficulty", "prompt", "hint", "phrase", "weight"])
def test_tricky_scalars_read_the_same_or_go_the_careful_way(tmp_path: Path, token: str, field: str) -> None:
    values = {
        "version": "1",
        "difficulty": "2",
        "prompt": "Explain bias.",
        "hint": "think",
        "phrase": "bias",
        "weight": "1.5",
        field: token,
    }
    path = tmp_path / "tricky.yaml"
    path.write_text(PACK.format(**values), encoding="utf-8")
    assert_agree(path)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(token=st.text(alphabet="0123456789+-._:eExXoObB ~tTfFnNyYaslu!&*#'\"[]{},_|>@%`?\\", min_size=1, max_size=8))
def test_any_short_plain_scalar_reads_the_same_or_goes_the_careful_way(tmp_path: Path, token: str) -> None:
    for field in ("hint", "difficulty", "prompt"):
        values = {
            "version": "1",
            "difficulty": "2",
            "prompt": "Explain bias.",
            "hint": "think",
            "phrase": "bias",
            "weight": "1.5",
            field: token,
        }
        path = tmp_path / "tricky.yaml"
        path.write_text(PACK.format(**values), encoding="utf-8")
        assert_agree(path)


@pytest.mark.parametrize("prompt", ["What is it?", "ratio: 3", "a?b", "x:y", "is it? yes: no", "0:?"])
def test_questions_written_as_flow_mappings_read_the_same_or_go_the_careful_way(tmp_path: Path, prompt: str) -> None:
    path = tmp_path / "flow.yaml"
    path.write_text(
        "pack: flowy\ntitle: Flow\nversion: 1\nquestions:\n"
        f"  - {{id: q1, topic: ml-fundamentals/bias, prompt: {prompt}, model_answer: Bias is error.}}\n",
        encoding="utf-8",
    )
    assert_agree(path)


def test_yaml11_booleans_are_text_in_both_readers() -> None:
    # One meaning for unquoted scalars in both readers: YAML 1.2, where only true/false are booleans.
    assert load_yaml(b"a: yes\nb: off\nc: true\n")[0] == {"a": "yes", "b": "off", "c": True}
    assert load_yaml_quickly(b"a: yes\nb: off\nc: true\n")[0] == {"a": "yes", "b": "off", "c": True}


@pytest.mark.parametrize(
    "document",
    [
        b"a: !!python/object:os.system x\n",  # tags: refused by the careful reader with a position
        b"a: !thing x\n",
        b"a: " + b"[" * 300 + b"]" * 300 + b"\n",  # deep nesting: yaml-rs refuses flow, and compact
        b"- " * 300_000 + b"x\n",  # block nesting this deep would crash it
        b"".join(b" " * i + b"a:\n" for i in range(1100)),
        b"a: 1\na: 2\n",  # duplicate keys
        b"a: [1, 2\n",  # syntax error
        b"\xff\xfe not utf-8",
        b"a: \x00",
    ],
)
def test_documents_the_quick_reader_must_leave_to_the_careful_one(document: bytes) -> None:
    assert load_yaml_quickly(document) is None


def test_a_pack_with_an_error_is_reported_with_its_position_when_loading_for_practice(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(PACK.format(version="1", difficulty="9", prompt="Explain.", hint="h", phrase="bias", weight="1"))
    result = load_pack_file(path, use_cache=True)
    assert result.pack is None
    assert (result.errors[0].line, result.errors[0].column) == (7, 17)
    assert "difficulty" in result.errors[0].message


def test_without_yaml_rs_every_pack_takes_the_careful_reader_with_pyyaml_rules(monkeypatch, tmp_path: Path) -> None:
    from interview.bank import yaml_source

    monkeypatch.setattr(yaml_source, "yaml_rs", None)
    assert load_yaml_quickly(b"a: 1\n") is None
    assert load_yaml(b"a: yes\nb: 1e3\n")[0] == {"a": True, "b": "1e3"}  # YAML 1.1, as PyYAML reads it
    path = tmp_path / "pack.yaml"
    path.write_text(PACK.format(version="1", difficulty="2", prompt="Explain.", hint="h", phrase="bias", weight="1"))
    assert load_pack_file(path, use_cache=True).pack.id == "tricky"
