"""`interview pack new`: a commented pack that validates as written."""

from __future__ import annotations

import re

from interview import locations

SCAFFOLD = """\
# yaml-language-server: $schema={schema_uri}
# A question pack for `interview`. Every key is explained in docs/pack-format.md.
# Check it with:  interview pack validate {file}   and   interview pack test {file}
pack: {pack_id}             # unique id: lowercase letters, digits and '-'
title: {title}
version: 1
author: ""                  # your name
license: CC-BY-4.0
description: >-
  What this pack is for, in a sentence or two.

questions:
  - id: example-question    # stable: history keys on {pack_id}/example-question
    topic: ml-fundamentals/overfitting   # area/subtopic, any area you like
    difficulty: 2           # 1 easy, 2 medium, 3 hard
    rounds: [phone, onsite, drill]       # also: take-home
    time_limit: 180         # suggested seconds
    prompt: |
      What is overfitting, and how would you notice it during training?
    model_answer: |
      Overfitting is when a model learns the noise and quirks of its training sample instead of
      the pattern that generalises. You notice it when training error keeps falling while
      validation error stalls or rises, so the gap between them grows. Remedies are more data,
      regularisation such as weight decay or dropout, a simpler model, or early stopping.
    # Concepts a grader listens for. Leave `rubric` out and one is drafted from model_answer.
    rubric:
      - concept: memorises noise
        phrases: [noise, memorize the training data, fails to generalize]
        required: true      # missing it caps the score
      - concept: train-validation gap
        phrases: [validation error rises, gap between training and validation, held-out error]
        weight: 2
      - concept: remedies
        phrases: [regularization, dropout, early stopping, more data, simpler model]
    misconceptions:
      - claim: overfitting means the training error is high
        correction: High training error is underfitting; overfitting shows low training error.
    hints:
      - Compare the error on the data the model saw with the error on data it did not.
    follow_ups:
      - prompt: Which remedy would you try first, and why?
        if_hit: [remedies]
        model_answer: Early stopping, because it is free to try and needs no new data.
    # The pack's own tests: `interview pack test` checks each answer scores inside its band.
    examples:
      - answer: >-
          The model fits its training set too closely, noise included, so it fails to generalize;
          you see validation error rising while training error keeps going down. Dropout or
          early stopping help.
        band: [0.6, 1.0]
      - answer: It is when the model is too big.
        band: [0.0, 0.4]
        note: names no symptom and no remedy
    sources:
      - https://en.wikipedia.org/wiki/Overfitting

  # A coding exercise: the candidate writes code in an editor and runs it against these cases.
  # Cases are data only; the app never runs code from a pack (`solution` is only shown).
  - id: example-coding
    topic: coding-dsa/arrays
    prompt: |
      Write `running_max(xs)`: for a list of numbers, return the largest value seen so far at
      each position.
    model_answer: |
      Keep the best value so far and append it at each step: one pass, O(n) time and O(n) output.
      An empty list gives an empty list.
    code:
      language: python      # or sql (with `schema`, and `rows` in each case)
      function: running_max
      starter: |
        def running_max(xs):
            ...
      solution: |
        def running_max(xs):
            out, best = [], None
            for x in xs:
                best = x if best is None or x > best else best
                out.append(best)
            return out
      cases:
        - args: [[1, 3, 2, 5]]
          expect: [1, 3, 3, 5]
        - args: [[]]
          expect: []
          hidden: true      # run only on submit; counts in the score
"""


def pack_id_from_name(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return slug or "my-pack"


def scaffold(name: str, file_name: str) -> str:
    pack_id = pack_id_from_name(name)
    title = " ".join(word.capitalize() for word in pack_id.split("-"))
    return SCAFFOLD.format(schema_uri=locations.schema_path().as_uri(), file=file_name, pack_id=pack_id, title=title)
