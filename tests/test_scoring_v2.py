"""Scoring v2: meaning over letters, informative words only, hedges, non-answers, copying."""

from __future__ import annotations

from pathlib import Path

import pytest

from interview.bank.model import Concept
from interview.scoring import HIT, MISSED, grade, score_answer
from interview.scoring.match import AnswerIndex


@pytest.fixture(scope="module")
def builtin_bank():
    from interview.bank import load_bank

    return load_bank(user=False, use_cache=False)


NON_ANSWERS = Path(__file__).resolve().parent.parent / "bench" / "devset" / "NON_ANSWERS.txt"


def concept_result(answer: str, *phrases: str, prompt: str = ""):
    score = score_answer(answer, [Concept("c", phrases)], prompt=prompt)
    return score.concepts[0], score


@pytest.mark.parametrize(
    ("answer", "phrase", "evidence"),
    [
        ("the number of states increases exponentially", "grows exponentially", "increases exponentially"),
        ("ridge penalizes larger weights", "penalise big weights", "penalizes larger weights"),
        ("boosting builds one tree at a time", "sequentially", "one tree at a time"),
        ("you are shifting the decision boundary", "moving the decision threshold", "shifting the decision boundary"),
        ("AUC is a measure of separability", "ranking quality", "separability"),
        ("L1 uses the sum of modules of the weights", "sum of absolute values", "sum of modules"),
    ],
)
def test_a_paraphrase_earns_the_concept_and_shows_it_in_other_words(answer: str, phrase: str, evidence: str) -> None:
    result, _ = concept_result(answer, phrase)
    assert result.verdict == HIT
    assert result.soft, "the evidence must say it was matched in other words"
    assert result.matched_text == evidence
    assert result.phrase == phrase  # the rubric phrase it stands for
    assert answer[result.span[0] : result.span[1]] == evidence
    assert 0 < result.similarity <= 100


@pytest.mark.parametrize(
    ("answer", "phrase"),
    [
        ("the error decreases exponentially", "grows exponentially"),
        ("it underfits the data", "overfits the data"),
        ("precision is what matters here", "recall"),
    ],
)
def test_an_opposite_is_never_a_soft_match(answer: str, phrase: str) -> None:
    result, _ = concept_result(answer, phrase)
    assert result.verdict != HIT or not result.soft


def test_the_exact_word_is_not_marked_soft() -> None:
    result, _ = concept_result("the loss grows exponentially", "grows exponentially")
    assert result.verdict == HIT and not result.soft


def test_a_common_head_word_alone_is_no_evidence_of_a_compound() -> None:
    result, _ = concept_result("we pass the batch through", "forward pass")
    assert result.verdict == MISSED
    result, _ = concept_result("information flows forward through the layers", "forward pass")
    assert result.credit > 0  # the distinguishing word is evidence of part of it


def test_a_phrase_reduced_to_a_function_word_earns_nothing() -> None:
    # "must-haves" leaves "haves", a form of "have"
    result, score = concept_result("I have a plan and I have time", "must-haves")
    assert result.verdict == MISSED and score.value == 0


@pytest.mark.parametrize(
    "answer",
    [
        "I am not sure, I have not studied this yet.",
        "I don't know what a forward pass is.",
        "No idea about the forward pass, sorry.",
        "I'd rather skip this one",
        "I would have to look it up",
        "next question please",
    ],
)
def test_a_non_answer_scores_zero_even_when_it_names_the_concept(answer: str) -> None:
    score = score_answer(answer, [Concept("fp", ("forward pass",)), Concept("sure", ("I was sure",))])
    assert score.value == 0.0
    assert score.reasons and score.reasons[0].startswith("no answer")


def test_a_hedge_spoils_only_its_own_clause() -> None:
    result, score = concept_result("I'm not sure, but I think bagging reduces variance", "reduces variance")
    assert result.verdict == HIT and score.value > 0.5


def test_a_claim_with_never_is_not_a_hedge() -> None:
    index = AnswerIndex("The agent never learns because the reward is sparse.")
    assert not index.hedged


def test_the_question_copied_back_scores_zero() -> None:
    prompt = "What is reward shaping, and what can go wrong with it?"
    score = score_answer(prompt, [Concept("shaping", ("reward shaping",))], prompt=prompt)
    assert score.value == 0.0


def test_the_question_own_words_earn_less_than_new_ones() -> None:
    prompt = "Explain gradient descent."
    echoed, _ = concept_result("gradient descent is how a model learns", "gradient descent", prompt=prompt)
    fresh, _ = concept_result("you step against the gradient of the loss", "step against the gradient", prompt=prompt)
    assert echoed.echo and echoed.credit < fresh.credit


def test_a_short_pick_between_named_options_is_not_a_copy() -> None:
    prompt = "Which is usually faster to train on tabular data, a random forest or a transformer, and why?"
    score = score_answer("a random forest", [Concept("rf", ("random forest",))], prompt=prompt)
    assert score.value > 0


def test_keyword_salad_does_not_pass(builtin_bank) -> None:
    question = builtin_bank.question("ml-fundamentals/l1-vs-l2-regularisation")
    terms = ", ".join(p for c in question.rubric for p in c.phrases[:1])
    salad = ", ".join([terms] * 2)
    assert grade(question, salad).value < 0.6


def test_another_questions_model_answer_does_not_pass(builtin_bank) -> None:
    question = builtin_bank.question("ml-fundamentals/l1-vs-l2-regularisation")
    other = builtin_bank.question("deep-learning/dropout")
    assert grade(question, other.model_answer).value < 0.6


def test_every_listed_non_answer_scores_at_most_005_on_every_builtin_question(builtin_bank) -> None:
    listed = [line.strip() for line in NON_ANSWERS.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(listed) >= 20
    extra = ["", "   ", "?!", "...", "-", "¯\\_(ツ)_/¯"]
    over = [
        (question.full_id, text, grade(question, text).value)
        for question in builtin_bank.questions
        for text in [*listed, *extra, question.prompt]
        if grade(question, text).value > 0.05
    ]
    assert over == []


@pytest.mark.parametrize(
    "answer",
    ["", "\x00\x01", "🙂" * 1000, "ﬁ ﬂ ＡＢＣ ǅ", "word " * 200_000, "a" * 1_000_000, "not " * 1000],
)
def test_any_input_gives_a_score_in_range(answer: str) -> None:
    rubric = [Concept("a", ("gradient descent",)), Concept("b", ("the of and",)), Concept("c", ("",))]
    score = score_answer(answer, rubric)
    assert 0.0 <= score.value <= 1.0


def test_an_empty_rubric_scores_zero() -> None:
    assert score_answer("a thoughtful answer about bias", []).value == 0.0


@pytest.mark.parametrize(
    ("answer", "phrase"),
    [
        ("the model learns from the labels", "without labels"),
        ("a linear model is enough", "non-linear relationships"),
    ],
)
def test_part_of_a_phrase_without_its_negation_is_no_evidence(answer: str, phrase: str) -> None:
    result, _ = concept_result(answer, phrase)
    assert result.verdict == MISSED


def test_half_a_phrase_said_only_in_other_words_is_no_evidence() -> None:
    result, _ = concept_result("every error counts", "previous mistakes")
    assert result.verdict == MISSED


def test_a_misconception_reported_as_a_mistake_is_not_asserted() -> None:
    from interview.bank.model import Misconception

    wrong = Misconception("p is the probability the null is true", ("probability the null is true",))
    said = "It is often wrongly read as the probability the null is true."
    assert score_answer(said, [Concept("c", ("data at least as extreme",))], [wrong]).misconceptions == ()
    claimed = "It is the probability the null is true."
    assert score_answer(claimed, [Concept("c", ("data at least as extreme",))], [wrong]).misconceptions != ()


def test_an_ambiguous_abbreviation_is_not_spelled_out() -> None:
    result, _ = concept_result("we pick the maximum a posteriori estimate", "mAP")
    assert result.verdict == MISSED
    result, _ = concept_result("report the mAP over IoU thresholds", "mAP")
    assert result.verdict == HIT
