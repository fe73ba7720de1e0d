from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

VALID_PACK = """\
pack: demo
title: Demo pack
version: 1
questions:
  - id: overfitting
    topic: ml-fundamentals/overfitting
    difficulty: 1
    prompt: What is overfitting?
    model_answer: |
      Overfitting is when a model memorises noise in the training data and fails to generalise,
      so validation error rises while training error keeps falling. Regularisation, dropout,
      early stopping or more data reduce it.
    rubric:
      - concept: memorises noise
        phrases: [noise, memorize the training data, fails to generalize]
        required: true
      - concept: train-validation gap
        phrases: [validation error rises, gap between training and validation error]
        weight: 2
      - concept: remedies
        phrases: [regularization, dropout, early stopping, more data]
    misconceptions:
      - claim: overfitting means high training error
    examples:
      - answer: It fits noise so it does not generalise; validation error goes up. Use dropout.
        band: [0.6, 1.0]
      - answer: No idea.
        band: [0.0, 0.2]
  - id: precision
    topic: evaluation-metrics/precision-recall
    prompt: Define precision and recall.
    model_answer: >-
      Precision is the share of predicted positives that are truly positive;
      recall is the share of actual positives the model finds.
"""


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own INTERVIEW_HOME: nothing touches the user's real data."""
    home = tmp_path / "home"
    monkeypatch.setenv("INTERVIEW_HOME", str(home))
    return home


@pytest.fixture
def write_pack(tmp_path: Path):
    def write(text: str, name: str = "pack.yaml") -> Path:
        path = tmp_path / name
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    return write


@pytest.fixture
def valid_pack(write_pack) -> Path:
    return write_pack(VALID_PACK, "demo.yaml")
