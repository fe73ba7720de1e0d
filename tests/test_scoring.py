"""Each matching rule with its counter-example, the score formula, drafting, and bad input."""

from __future__ import annotations

import pytest

from interview.bank.model import Concept, Misconception, Question
from interview.scoring import grade, rubric_for, score_answer
from interview.scoring.draft import draft_rubric
from interview.scoring.normalize import normalize_word, tokenize


def verdict(answer: str, *phrases: str) -> str:
    return score_answer(answer, (Concept("c", phrases),)).concepts[0].verdict


@pytest.mark.parametrize(
    "answer, phrase, expected",
    [
        ("We used an SVM.", "SVM", "hit"),
        ("We used SVD.", "SVM", "missed"),  # short tokens match exactly
        ("Add an L1 penalty.", "L1", "hit"),
        ("Add an L2 penalty.", "L1", "missed"),  # digits match exactly
        ("Report the AUC.", "AUC", "hit"),
        ("Report the AIC.", "AUC", "missed"),
        ("The model is overfitting.", "overfit", "hit"),  # word forms
        ("It overfits badly.", "overfitting", "hit"),
        ("Regularisation helps.", "regularization", "hit"),  # British spelling
        ("We normalised the inputs", "normalization", "hit"),
        ("In general it works.", "generalization", "missed"),  # derivations are not their roots
        ("Use k-means.", "kmeans", "hit"),  # hyphens and spacing
        ("Use k means.", "k-means", "hit"),
        ("Use kmeans.", "k-means", "hit"),
        ("The varaince is high.", "variance", "hit"),  # a typo within tolerance
        ("The vrnc is high.", "variance", "missed"),  # beyond it
        ("We tuned it with CV.", "cross-validation", "hit"),  # abbreviations both ways
        ("We tuned it with cross validation.", "CV", "hit"),
        ("An R² of 0.9.", "R2", "hit"),  # symbols through NFKC
        ("Its cost is O(n log n).", "n log n", "hit"),
        ("Accuracy was 95%.", "95%", "hit"),
        ("Accuracy was 96%.", "95%", "missed"),
    ],
)
def test_matching_rules(answer: str, phrase: str, expected: str) -> None:
    assert verdict(answer, phrase) == expected


def test_multi_word_phrase_tolerates_gaps_and_order_within_a_sentence() -> None:
    assert verdict("Validation error clearly rises.", "validation error rises") == "hit"
    assert verdict("It rises: the error on validation.", "validation error rises") != "hit"  # split by a sentence break
    assert verdict("The error on the validation set rises.", "validation error rises") == "hit"
    assert verdict("Validation is done. Later, the error rises.", "validation error rises") != "hit"


def test_partial_match_gets_partial_credit() -> None:
    result = score_answer("the validation error is what we watch", (Concept("c", ("validation error rises",)),))
    assert result.concepts[0].verdict == "partial"
    assert 0 < result.value < 1


def test_evidence_span_points_into_the_original_answer() -> None:
    answer = "Honestly, Regularisation shrinks weights."
    concept = score_answer(answer, (Concept("c", ("regularization",)),)).concepts[0]
    start, end = concept.span
    assert answer[start:end] == "Regularisation" == concept.matched_text


MISCONCEPTION = (Misconception("regularization reduces bias", ("regularization reduces bias",), 0.2),)
RUBRIC = (Concept("variance", ("variance",)),)


@pytest.mark.parametrize(
    "answer, asserted",
    [
        ("Regularization reduces bias.", True),
        ("Regularisation reduces the bias a lot.", True),
        ("Regularization does not reduce bias.", False),  # negated: no penalty
        ("Regularization doesn't reduce bias, it reduces variance.", False),
        ("It's a myth that regularization reduces bias.", False),
        ("Regularization reduces bias, which is wrong.", False),
        ("Regularization reduces variance, not bias.", False),
        ("Bias reduces regularization.", False),  # a claim needs its order
    ],
)
def test_misconception_counts_only_when_asserted(answer: str, asserted: bool) -> None:
    result = score_answer(answer, RUBRIC, MISCONCEPTION)
    assert bool(result.misconceptions) is asserted


def test_misconception_written_with_a_negation() -> None:
    claim = (Misconception("feature scaling does not matter for k-NN", ("scaling does not matter",)),)
    assert score_answer("Scaling does not matter here.", RUBRIC, claim).misconceptions
    assert not score_answer("Scaling does matter here.", RUBRIC, claim).misconceptions


RUBRIC3 = (
    Concept("bias", ("bias", "underfitting"), weight=1, required=True),
    Concept("variance", ("variance", "overfitting"), weight=2),
    Concept("noise", ("irreducible error",), weight=1),
)


def test_weighted_coverage() -> None:
    assert score_answer("bias and variance", RUBRIC3).value == pytest.approx(0.75)
    assert score_answer("bias, variance and irreducible error", RUBRIC3).verdict == "strong"


def test_missing_required_concept_caps_the_score_and_says_why() -> None:
    result = score_answer("variance and irreducible error", RUBRIC3)
    assert result.coverage == pytest.approx(0.75)
    assert result.value == 0.5
    assert any("required concept 'bias'" in r for r in result.reasons)


def test_hints_cap_the_score() -> None:
    full = "bias, variance and irreducible error"
    assert score_answer(full, RUBRIC3, hints_taken=1).value == pytest.approx(0.85)
    assert score_answer(full, RUBRIC3, hints_taken=5).value == pytest.approx(0.6)
    assert any("hint" in r for r in score_answer(full, RUBRIC3, hints_taken=1).reasons)


def test_asserted_misconception_subtracts() -> None:
    clean = score_answer("bias and variance and irreducible error", RUBRIC3, MISCONCEPTION).value
    wrong = score_answer("bias and variance and irreducible error; regularization reduces bias", RUBRIC3, MISCONCEPTION)
    assert wrong.value == pytest.approx(clean - 0.2)
    assert any("misconception" in r for r in wrong.reasons)


def test_keyword_salad_is_scaled_down() -> None:
    rubric = tuple(
        Concept(w, (w,)) for w in ("relu", "resnet", "lstm", "clipping", "initialization", "sigmoid", "tanh")
    )
    salad = "ReLU, ResNet, LSTM, clipping, initialization, sigmoid, tanh."
    explained = (
        "Sigmoid and tanh saturate so gradients vanish; use ReLU, careful initialization, "
        "ResNet skips, an LSTM for sequences and clipping for exploding ones."
    )
    assert score_answer(salad, rubric).value <= 0.5
    assert score_answer(explained, rubric).value == 1.0


def test_deterministic() -> None:
    answer = "Bias is underfitting, variance is overfitting."
    assert score_answer(answer, RUBRIC3) == score_answer(answer, RUBRIC3)


@pytest.mark.parametrize(
    "answer",
    [
        "",
        "   \n\t ",
        "\x00\x1b[31mred\x1b[0m",
        "🙂" * 500,
        "مرحبا بالعالم",
        "Der Bias ist hoch.",
        "[bold]bias[/bold]",
        "a" * 1_000_000,
        ("bias variance " * 50_000),
    ],
)
def test_bad_input_never_crashes_and_stays_in_range(answer: str) -> None:
    result = score_answer(answer, RUBRIC3, MISCONCEPTION)
    assert 0.0 <= result.value <= 1.0


def test_normaliser_keeps_offsets() -> None:
    text = "Überfitting — the ＲＥＧＵＬＡＲＩＳＡＴＩＯＮ!"
    for token in tokenize(text):
        assert normalize_word(text[token.start : token.end]) == (token.norm, token.stem)
    assert tokenize(text)[-1].norm == "regularization"


def make_question(model_answer: str, prompt: str = "Explain.") -> Question:
    return Question(pack="p", id="q", prompt=prompt, topic="a/b", model_answer=model_answer)


@pytest.mark.parametrize(
    "model_answer, prompt",
    [
        ("A variable that contains the address in memory of another variable.", "What is a pointer?"),
        ("O(log n), because each comparison halves the search range.", "What is the complexity of binary search?"),
        ("Dropout.", "Name a regulariser for neural networks."),
        (
            "Gradient descent moves the weights against the gradient of the loss, in steps scaled by the "
            "learning rate, until the loss stops improving; stochastic and mini-batch variants estimate "
            "the gradient from samples to save compute.",
            "What is gradient descent?",
        ),
    ],
)
def test_drafted_rubric_scores_its_own_model_answer_high(model_answer: str, prompt: str) -> None:
    question = make_question(model_answer, prompt)
    assert rubric_for(question)
    assert grade(question, model_answer).value >= 0.9
    assert grade(question, "I don't know.").value <= 0.1


def test_drafting_demotes_words_that_repeat_the_question() -> None:
    concepts = draft_rubric("Gradient descent follows the negative gradient downhill.", "What is gradient descent?")
    weights = {c.name: c.weight for c in concepts}
    assert weights["gradient descent"] < weights["negative gradient downhill"]


def test_drafted_rubric_credits_a_paraphrase_with_synonyms() -> None:
    question = make_question(
        "A variable that contains the address in memory of another variable.", "What is a pointer?"
    )
    assert grade(question, "It holds the memory location of some other variable.").value >= 0.7
    assert grade(question, "A loop that repeats code.").value <= 0.2


def test_the_worked_example_in_docs_scoring_md() -> None:
    rubric = (
        Concept("bias is underfitting", ("bias", "underfitting", "too simple", "wrong assumptions"), required=True),
        Concept(
            "variance is overfitting", ("variance", "overfitting", "sensitive to the training data"), required=True
        ),
        Concept("error decomposition", ("irreducible error", "noise", "bias squared plus variance")),
        Concept("complexity moves the balance", ("model complexity", "more flexible model", "capacity")),
        Concept("tune on validation data", ("cross-validation", "validation error", "held-out data", "regularization")),
    )
    claim = (Misconception("more data reduces bias", ("more data reduces bias",)),)
    answer = (
        "High bias means the model is too simple and underfits. Variance is when it overfits the training set. "
        "I'd pick the capacity with cross-validation. More data reduces bias too."
    )
    result = score_answer(answer, rubric, claim)
    assert [c.verdict for c in result.concepts] == ["hit", "hit", "missed", "hit", "hit"]
    assert result.value == pytest.approx(0.6) and result.verdict == "pass"
    denied = answer.replace("More data reduces bias too", "More data does not reduce bias")
    assert score_answer(denied, rubric, claim).value == pytest.approx(0.8)


@pytest.mark.parametrize(
    "answer, phrase",
    [
        ("No interference here.", "inference"),
        ("Check the border.", "order"),
        ("Pruning helps.", "running"),
        ("Its complexity is O(n) on average.", "O(n)"),  # the phrase must not match the word "on" alone
    ],
)
def test_other_words_are_not_typos(answer: str, phrase: str) -> None:
    result = verdict(answer, phrase)
    assert result != "hit" or phrase == "O(n)"


def test_repeated_words_need_repeated_evidence() -> None:
    assert verdict("We go level by level.", "level by level") == "hit"
    assert verdict("A high level view.", "level by level") != "hit"


def test_negation_words_in_a_concept_phrase_are_required() -> None:
    assert verdict("wrap it in torch.no_grad()", "no_grad") == "hit"
    assert verdict("the grad is computed", "no_grad") != "hit"


def test_single_letters_and_function_words_keep_short_phrases_meaningful() -> None:
    assert verdict("The E-step computes responsibilities.", "E-step") == "hit"
    assert verdict("The next step is training.", "E-step") != "hit"
    assert verdict("Process them one at a time.", "one at a time") == "hit"
    assert verdict("It takes time.", "one at a time") != "hit"


def test_a_wrapped_line_is_not_a_sentence_break() -> None:
    assert verdict("Batch inference is a scheduled\njob that runs nightly.", "scheduled job") == "hit"
    assert verdict("It is scheduled.\n\nThe job runs.", "scheduled job") != "hit"


def test_a_required_concept_half_covered_is_not_capped_but_a_third_is() -> None:
    rubric = (
        Concept("req", ("batch scoring job",), required=True),
        Concept("a", ("latency",)),
        Concept("b", ("cache",)),
    )
    two_thirds = score_answer("a batch job; latency and a cache matter", rubric)
    one_third = score_answer("a job; latency and a cache matter", rubric)
    assert two_thirds.concepts[0].verdict == "partial" and not any("capped" in r for r in two_thirds.reasons)
    assert one_third.concepts[0].verdict == "missed"
    assert one_third.value == 0.5 and any("required concept 'req' was missed" in r for r in one_third.reasons)


def test_false_positive_is_not_a_negation() -> None:
    claim = (Misconception("accuracy is fine under imbalance", ("accuracy is fine",)),)
    assert score_answer("Accuracy is fine, false positives are rare.", RUBRIC, claim).misconceptions
    assert verdict("It cuts false positives.", "false positive") == "hit"
    assert verdict("It finds the positive class.", "false positive") != "hit"


def test_negation_does_not_reach_across_a_comma() -> None:
    claim = (Misconception("Mann-Whitney compares means", ("compares the means",)),)
    answer = "If the data aren't normal, I'd use a test that compares the means."
    assert score_answer(answer, RUBRIC, claim).misconceptions


def test_fractions_stay_whole() -> None:
    assert verdict("precision is 3/5 here", "3/5") == "hit"
    assert verdict("3 relevant out of 5", "3/5") != "hit"


def test_meaningful_function_words_stay_in_short_phrases() -> None:
    assert verdict("filter before grouping with WHERE", "before grouping") == "hit"
    assert verdict("filter after grouping with HAVING", "before grouping") != "hit"
    assert verdict("it learns off-policy from a replay buffer", "off-policy") == "hit"
    assert verdict("the policy is greedy", "off-policy") != "hit"


def test_a_phrase_of_function_words_only_matches_as_a_run() -> None:
    assert verdict("train one versus all", "one vs all") == "hit"
    assert verdict("train one model on all the classes", "one vs all") == "missed"


def test_function_words_alone_are_not_partial_evidence() -> None:
    assert verdict("one model on all the classes", "one-vs-one") == "missed"
    assert verdict("delivered once a day", "at least once") == "missed"


def test_contractions_match_their_negation() -> None:
    assert verdict("when the model doesn't fit in memory", "does not fit") == "hit"


@pytest.mark.parametrize(
    "answer, phrase, expected",
    [
        ("the overfiting got worse", "overfitting", "hit"),  # one slip
        ("use regularizaton", "regularization", "hit"),
        ("a tag transition matrix", "translation", "missed"),  # other words that look alike
        ("abstention is allowed", "attention", "missed"),
        ("how surprised the model is", "supervised", "missed"),
        ("He initialization for ReLU", "He initialization", "hit"),
        ("Xavier initialization", "He initialization", "partial"),
    ],
)
def test_one_slip_is_a_typo_two_are_another_word(answer: str, phrase: str, expected: str) -> None:
    assert verdict(answer, phrase) == expected
