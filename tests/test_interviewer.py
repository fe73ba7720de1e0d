"""Staged answers, probing and the interviewer's voice: the pure core of issue 17."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from interview.bank.model import Concept, DesignStage, Question
from interview.interviewer import voice
from interview.interviewer.probing import (
    adjust_for_probes,
    concepts_of,
    is_probe,
    missed_required,
    probe_question,
    probe_text,
    rebuild_probe,
)
from interview.interviewer.staged import (
    StageProgress,
    grade_answer,
    grade_stages,
    is_staged_text,
    join_stages,
    split_stages,
)
from interview.interviewer.template import DEFAULT_STAGES, stages_for
from interview.scoring import MISSED, Score, grade

LABEL = Concept("label", ("cancel within 30 days",), 1.0, True, "What counts as churn?")
MODEL = Concept("baseline model", ("logistic regression",), 1.0, True)
SERVING = Concept("serving", ("batch job",), 2.0)
STAGES = (
    DesignStage("Requirements", "What is the label?", 4, (LABEL,)),
    DesignStage("Model", "Which model?", 8, (MODEL,)),
    DesignStage("Serving", "How is it served?", 4, (SERVING,)),
)
QUESTION = Question(
    pack="t",
    id="churn",
    prompt="Design churn prediction.",
    topic="ml-system-design/churn",
    model_answer="Churn is cancel within 30 days; logistic regression; a weekly batch job.",
    rubric=(LABEL, MODEL, SERVING),
    stages=STAGES,
)


def test_join_and_split_give_back_each_stage_even_empty_ones() -> None:
    texts = ["They cancel within 30 days.", "", "A batch job.\n## not a stage heading"]
    joined = join_stages(STAGES, texts)
    assert joined.startswith("## Requirements\n") and "\n## Model\n" in joined and "\n## Serving\n" in joined
    assert is_staged_text(joined, STAGES) and not is_staged_text("plain text", STAGES)
    assert split_stages(joined, STAGES) == [t.strip() for t in texts]


def test_each_stage_is_scored_and_an_empty_stage_is_said_plainly() -> None:
    joined = join_stages(STAGES, ["Churn: they cancel within 30 days.", "", "A nightly batch job."])
    staged = grade_stages(QUESTION, joined)
    values = [r.score.value for r in staged.stages]
    assert values == [1.0, 0.0, 1.0] and staged.stages[1].empty
    assert staged.score.value == pytest.approx((4 + 4) / 16)  # weighted by suggested minutes
    assert any("stage 'Model' was left empty" in reason for reason in staged.score.reasons)
    for concept in staged.score.concepts:  # evidence spans point into the joined answer
        if concept.span:
            assert joined[concept.span[0] : concept.span[1]].lower() == concept.matched_text.lower()


def test_plain_answers_are_graded_as_before() -> None:
    answer = "Churn means they cancel within 30 days; I'd use logistic regression."
    assert grade_answer(QUESTION, answer).value == grade(QUESTION, answer).value


def test_system_design_questions_without_stages_get_the_default_template() -> None:
    plain = Question(pack="t", id="q", prompt="Design X.", topic="ml-system-design/x", model_answer="m")
    assert stages_for(plain) == DEFAULT_STAGES and len(DEFAULT_STAGES) == 7
    assert stages_for(QUESTION) == STAGES
    other = Question(pack="t", id="q", prompt="p", topic="mlops/x", model_answer="m")
    assert stages_for(other) == ()
    assert all(any(c.required for c in s.rubric) and s.prompt for s in DEFAULT_STAGES)


def test_the_default_template_credits_a_fair_staged_answer() -> None:
    plain = Question(pack="t", id="q", prompt="Design fraud detection.", topic="ml-system-design/x", model_answer="m")
    texts = [
        "How many transactions per day, and we optimize for fraud losses caught at a fixed review budget.",
        "Labels come from chargebacks, which are delayed labels and heavily imbalanced.",
        "Features: user features like account age, and historical counts per card from a feature store.",
        "Start with a rule-based baseline, then gradient boosted trees.",
        "Measure precision and recall on a time-based split.",
        "Real-time scoring behind an API within 50 ms latency.",
        "Monitor drift on dashboards and retrain weekly, checking with an A/B test.",
    ]
    staged = grade_stages(plain, join_stages(DEFAULT_STAGES, texts))
    assert all(r.score.value >= 0.99 for r in staged.stages), [(r.stage.name, r.score.value) for r in staged.stages]


# -- probing --------------------------------------------------------------------------------------
def test_probe_text_is_authored_or_made_from_the_name() -> None:
    assert probe_text(LABEL) == "What counts as churn?"
    assert probe_text(MODEL) == "You didn't touch on baseline model. How would you handle that here?"


def test_probes_are_questions_of_their_own_that_can_be_rebuilt() -> None:
    probe = probe_question(QUESTION, MODEL)
    assert probe.id == "churn~p2" and is_probe(probe) and not is_probe(QUESTION)
    assert probe.rubric[0].name == "baseline model" and not probe.rubric[0].required
    assert rebuild_probe(QUESTION, 2) == probe and rebuild_probe(QUESTION, 9) is None
    assert [c.name for c in concepts_of(QUESTION)] == ["label", "baseline model", "serving"]
    assert stages_for(probe) == ()  # a probe is never staged


def test_missed_required_skips_stages_left_empty() -> None:
    joined = join_stages(STAGES, ["We predict who leaves.", "", "batch job"])
    score = grade_answer(QUESTION, joined)
    assert [c.name for c in missed_required(QUESTION, joined, score)] == ["label"]  # 'Model' was empty
    plain = "I'd run a batch job."
    assert [c.name for c in missed_required(QUESTION, plain, grade_answer(QUESTION, plain))] == [
        "label",
        "baseline model",
    ]


@dataclass
class Result:
    position: int
    question: Question
    answer: str
    score: Score
    hints: int = 0
    skipped: bool = False


def test_a_probe_earns_back_at_most_half_and_lifts_the_cap() -> None:
    answer = "I'd use logistic regression and score everyone in a weekly batch job."
    base = grade_answer(QUESTION, answer)
    assert base.value == 0.5  # capped: the required label was missed
    probe = probe_question(QUESTION, LABEL)
    good = Result(1, probe, "Churn means they cancel within 30 days.", grade(probe, "they cancel within 30 days"))
    adjusted, outcomes = adjust_for_probes([Result(0, QUESTION, answer, base), good], lambda p: 0 if p == 1 else None)
    assert len(adjusted) == 1  # the probe's credit lives in its parent now
    share = LABEL.weight / sum(c.weight for c in QUESTION.rubric)
    full_without_label = 1 - share
    assert adjusted[0].score.value == pytest.approx(full_without_label + share / 2)
    assert outcomes[0][0].concept == "label" and outcomes[0][0].earned == pytest.approx(adjusted[0].score.value - 0.5)
    assert any("probe on 'label' earned back" in r for r in adjusted[0].score.reasons)
    label = next(c for c in adjusted[0].score.concepts if c.concept == "label")
    assert label.verdict == MISSED and label.required  # missed in the answer itself: said so


def test_a_probe_answered_badly_or_skipped_changes_nothing() -> None:
    answer = "I'd use logistic regression and a batch job."
    base = grade_answer(QUESTION, answer)
    probe = probe_question(QUESTION, LABEL)
    for probe_result in (
        Result(1, probe, "no idea", grade(probe, "no idea")),
        Result(1, probe, "", grade(probe, ""), skipped=True),
    ):
        adjusted, outcomes = adjust_for_probes([Result(0, QUESTION, answer, base), probe_result], lambda p: 0)
        assert adjusted[0].score.value == base.value and outcomes[0][0].earned == 0


def test_probes_on_a_staged_answer_raise_its_stage() -> None:
    joined = join_stages(STAGES, ["We predict who leaves next month.", "logistic regression", "batch job"])
    base = grade_answer(QUESTION, joined)
    boosted = grade_answer(QUESTION, joined, probes={"label": 1.0})
    assert base.value == pytest.approx((4 * 0 + 8 + 4) / 16)
    assert boosted.value == pytest.approx((4 * 0.5 + 8 + 4) / 16)


# -- moving between stages ------------------------------------------------------------------------
def test_stage_progress_counts_the_time_on_each_stage_and_comes_back() -> None:
    progress = StageProgress.start(STAGES, "", None, elapsed=0.0)
    progress.set_text("cancel within 30 days")
    assert progress.move_to(1, elapsed=90.0) and not progress.move_to(1, elapsed=91.0)
    progress.set_text("logistic regression")
    progress.move_to(0, elapsed=150.0)
    assert progress.stage_seconds(200.0, 0) == 140.0 and progress.stage_seconds(200.0, 1) == 60.0
    saved = progress.state(200.0)
    again = StageProgress.start(STAGES, progress.joined(), saved, elapsed=200.0)
    assert again.at == 0 and again.texts == ["cancel within 30 days", "logistic regression", ""]
    assert again.stage_seconds(200.0, 0) == 140.0
    assert not again.over_suggested(200.0) and again.over_suggested(200.0 + 101)


# -- the voice ------------------------------------------------------------------------------------
def test_time_warnings_read_like_a_person() -> None:
    assert voice.time_warning(300, "question time") == "You have five minutes left on this one."
    assert voice.time_warning(60, "ML system design time") == "You have about 60 seconds left on the ML system design."
    assert voice.stage_transition("Data and labels") == "Let's move on to data and labels."
    assert "30-minute phone screen" in voice.opening("phone", 30)
    assert voice.closing("onsite").startswith("That's the end of the loop.")
