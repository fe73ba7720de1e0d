"""The `code:` key: what the validator accepts, what it reports with FILE:LINE:COL, and the schema agreeing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from interview.bank import load_pack_file

HEAD = """\
pack: c
title: C
version: 1
questions:
  - id: q
    topic: coding-dsa/arrays
    prompt: Double it.
    model_answer: Multiply by two.
"""


PY = "    code:\n      language: python\n      function: f\n      cases:\n"
SQL_T = "    code:\n      language: sql\n      schema:\n        t: [a INTEGER]\n      cases:\n"


def errors_of(write_pack, code: str) -> list[str]:
    result = load_pack_file(write_pack(HEAD + code, "c.yaml"))
    return [f"{e.line}:{e.column}: {e.message}" for e in result.errors]


def test_a_python_exercise_loads_with_its_cases_as_data(write_pack) -> None:
    code = """\
    code:
      language: python
      function: double
      starter: |
        def double(x):
            ...
      cases:
        - args: [2]
          expect: 4
        - args: [[1, 2]]
          kwargs: {scale: 3}
          expect: [1.5, 3.0]
          tolerance: 0.01
          unordered: true
          hidden: true
          name: a list
"""
    pack = load_pack_file(write_pack(HEAD + code, "c.yaml")).pack
    exercise = pack.questions[0].code
    assert exercise.function == "double" and exercise.starter == "def double(x):\n    ...\n"
    assert [c.hidden for c in exercise.cases] == [False, True]
    assert exercise.cases[1].kwargs == '{"scale":3}' and exercise.cases[1].expected == [1.5, 3.0]
    hash(pack.questions[0])  # questions are cache keys: the exercise must stay hashable


def test_an_sql_exercise_loads_its_schema(write_pack) -> None:
    code = """\
    code:
      language: sql
      schema:
        events: [user_id INTEGER, kind]
      cases:
        - rows:
            events: [[1, view]]
          expect: [[1]]
"""
    exercise = load_pack_file(write_pack(HEAD + code, "c.yaml")).pack.questions[0].code
    assert exercise.schema == (("events", (("user_id", "INTEGER"), ("kind", ""))),)


@pytest.mark.parametrize(
    "code, expected",
    [
        ("    code: [1]\n", "9:11: 'code' in question 'q' must be a mapping"),
        (
            "    code:\n      language: ruby\n      cases: []\n",
            "10:17: 'language' in the code of question 'q' must be one of",
        ),
        (
            "    code:\n      language: python\n      cases:\n        - expect: 1\n",
            "10:7: the code of question 'q' needs 'function'",
        ),
        (
            PY + "        - args: 3\n          expect: 1\n",
            "13:17: 'args' in a case of question 'q' must be a list",
        ),
        (
            PY + "        - args: [1]\n          expected: 1\n",
            "14:11: unknown key 'expected' in a case of question 'q'; did you mean 'expect'?",
        ),
        (
            PY + "        - expect: [1, .inf]\n",
            "13:19: 'expect' in a case of question 'q' must use finite numbers",
        ),
        (
            PY + "        - expect: 1\n          hidden: true\n",
            "13:9: the code of question 'q' needs at least one case without 'hidden: true'",
        ),
        (
            (
                "    code:\n      language: sql\n      schema:\n        t: [a INTEGER]\n      cases:\n"
                "        - rows:\n            u: [[1]]\n          expect: [[1]]\n"
            ),
            "15:13: 'rows' names table 'u', which 'schema' does not (tables: t)",
        ),
        (
            (
                "    code:\n      language: sql\n      schema:\n        t: [a INTEGER]\n      cases:\n"
                "        - rows:\n            t: [[1, 2]]\n          expect: [[1]]\n"
            ),
            "15:16: rows of table 't' must each be a list of 1 values",
        ),
        (
            SQL_T.replace("a INTEGER", "a DATETIME") + "        - expect: [[1]]\n",
            "12:13: column 'a DATETIME' of table 't' must be 'name' or 'name TYPE'",
        ),
        (
            "    code:\n      language: sql\n      cases:\n        - expect: 1\n",
            "10:7: the code of question 'q' needs 'schema'",
        ),
    ],
)
def test_malformed_code_is_reported_at_its_line_and_column(write_pack, code: str, expected: str) -> None:
    found = errors_of(write_pack, code)
    assert any(error.startswith(expected) for error in found), found


def test_the_schema_accepts_the_built_in_exercises_and_rejects_what_the_validator_rejects() -> None:
    import jsonschema

    root = Path(__file__).parent.parent
    schema = json.loads((root / "interview" / "bank" / "pack-v1.schema.json").read_text())
    pack = yaml.safe_load((root / "question_bank" / "coding-exercises.yaml").read_text())
    jsonschema.validate(pack, schema)
    bad = yaml.safe_load(
        HEAD + "    code:\n      language: sql\n      function: f\n      cases:\n        - expect: [[1]]\n"
    )
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, schema)
    no_function = yaml.safe_load(HEAD + "    code:\n      language: python\n      cases:\n        - expect: 1\n")
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(no_function, schema)
