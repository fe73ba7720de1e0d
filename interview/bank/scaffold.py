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

  # A staged question: the candidate works through the stages in order (and may go back), each with
  # its own prompt, suggested minutes and rubric. A system-design question without `stages` gets the
  # default seven (requirements, data, features, model, evaluation, serving, monitoring).
  - id: example-staged-design
    topic: ml-system-design/churn
    difficulty: 2
    rounds: [onsite, drill]
    time_limit: 1200
    prompt: |
      Design a system that flags subscribers likely to cancel next month, so the retention team can call them.
    model_answer: |
      First the goal: the team can make about 500 calls a week, so we need precision among the top 500
      subscribers, and the label is a cancellation within 30 days of the scoring date. Training rows are
      monthly snapshots of each subscriber with features computed only from data before the snapshot,
      which avoids leakage: usage trend, support tickets, payment failures and tenure. I would start with
      logistic regression as a baseline, then gradient boosted trees, and evaluate with precision at 500
      on a later month held out by time. Scores are written by a weekly batch job; we monitor the feature
      drift and the precision of each week's list once its outcomes are known, and retrain monthly.
    rubric:
      - concept: label and business goal
        phrases: [cancel within 30 days, calls a week, top 500]
        required: true
        # asked when the answer misses it; without `probe` one is made from the concept's name
        probe: What exactly counts as churn here, and how many people can the team call?
      - concept: no leakage
        phrases: [leakage, only from data before, point in time]
      - concept: baseline then stronger model
        phrases: [logistic regression, baseline, gradient boosted trees]
      - concept: ranking metric on a later period
        phrases: [precision at 500, held out by time, later month]
      - concept: batch scoring and monitoring
        phrases: [batch job, weekly, drift, retrain]
    stages:
      - name: Requirements and labels
        minutes: 5                          # suggested minutes; default 5
        prompt: What would you ask first, and what exactly is the label?
        concepts: [label and business goal] # concepts of the rubric above that this stage listens for
      - name: Data and model
        minutes: 8
        prompt: Which training rows and features, and which models would you try?
        concepts: [no leakage, baseline then stronger model]
      - name: Evaluation and serving
        minutes: 7
        prompt: How do you know it works, and how do scores reach the team?
        concepts: [ranking metric on a later period, batch scoring and monitoring]
        rubric:                             # a stage may also listen for concepts of its own
          - concept: feedback from the calls
            phrases: [outcome of the calls, which calls worked, uplift]
        model_answer: Precision among the top 500 on a later month; a weekly batch job; log the outcome of the calls.
    examples:
      - answer: >-
          Churn means they cancel within 30 days and the team makes a few hundred calls a week, so I rank
          and check precision at 500 on a later month. Features come only from data before the snapshot so
          there is no leakage; logistic regression is the baseline, then boosted trees, scored by a weekly
          batch job with drift monitoring.
        band: [0.6, 1.0]
"""


def pack_id_from_name(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return slug or "my-pack"


def scaffold(name: str, file_name: str) -> str:
    pack_id = pack_id_from_name(name)
    title = " ".join(word.capitalize() for word in pack_id.split("-"))
    return SCAFFOLD.format(schema_uri=locations.schema_path().as_uri(), file=file_name, pack_id=pack_id, title=title)
