"""The written debrief: signals seen and missed with the candidate's words, moments, verdicts, practice."""

from __future__ import annotations

from dataclasses import dataclass

from interview.bank.model import Concept, DesignStage, Question
from interview.interviewer.debrief import PlayedRound, build_debrief, closest_sentence, sentence_around
from interview.interviewer.debrief_text import debrief_markdown, escape
from interview.interviewer.probing import probe_question
from interview.interviewer.staged import grade_answer, join_stages
from interview.scoring import Score, grade

LABEL = Concept("label", ("cancel within 30 days",), 1.0, True, "What counts as churn?")
LEAKAGE = Concept("no leakage", ("leakage", "point in time"), 1.0, True)
SERVING = Concept("serving", ("batch job",), 1.0)
DESIGN = Question(
    pack="t",
    id="churn",
    prompt="Design churn prediction for a subscription service.",
    topic="ml-system-design/churn",
    model_answer="m",
    rubric=(LABEL, LEAKAGE, SERVING),
    stages=(
        DesignStage("Requirements", "What is the label?", 5, (LABEL,)),
        DesignStage("Data", "Which rows and features?", 5, (LEAKAGE,)),
        DesignStage("Serving", "How is it served?", 5, (SERVING,)),
    ),
)
BREADTH = Question(
    pack="t",
    id="bias",
    prompt="What is overfitting?",
    topic="ml-fundamentals/overfitting",
    model_answer="m",
    rubric=(Concept("memorises noise", ("noise",), 1.0, True), Concept("validation gap", ("validation error",))),
)
OTHER = Question(pack="t", id="o", prompt="p", topic="ml-system-design/churn", model_answer="m")


@dataclass
class Result:
    position: int
    question: Question
    answer: str
    score: Score
    hints: int = 0
    skipped: bool = False
    overtime: bool = False


def played() -> PlayedRound:
    design_answer = join_stages(
        DESIGN.stages,
        [
            "We predict who will leave the service next month.",
            "Training rows are monthly snapshots with usage features.",
            "Scores come from a weekly batch job.",
        ],
    )
    probe = probe_question(DESIGN, LABEL)
    results = (
        Result(
            0, BREADTH, "It learns the noise, so validation error climbs.", grade(BREADTH, "x noise validation error")
        ),
        Result(1, DESIGN, design_answer, grade_answer(DESIGN, design_answer)),
        Result(2, probe, "Churn is when they cancel within 30 days.", grade(probe, "cancel within 30 days")),
    )
    results = tuple(
        Result(r.position, r.question, r.answer, grade_answer(r.question, r.answer) if r.position < 2 else r.score)
        for r in results
    )
    return PlayedRound(
        "onsite",
        "Onsite loop",
        ("ML breadth", "ML system design"),
        results,
        lambda p: 0 if p == 0 else 1,
        lambda p: 1 if p == 2 else None,
    )


def test_quotes_are_the_sentences_around_the_evidence() -> None:
    text = "First point. It learns the noise, so validation error climbs! Last one."
    assert sentence_around(text, (16, 21)) == "It learns the noise, so validation error climbs!"
    answer = "## Data\nTraining rows are monthly snapshots with usage features."
    assert closest_sentence(answer, DESIGN, "no leakage") == ""  # no shared words: said plainly, no guess
    assert closest_sentence("We score at a point when usage drops. Fine.", DESIGN, "no leakage").startswith("We score")


def test_the_debrief_names_missed_required_concepts_in_the_candidates_words() -> None:
    debrief = build_debrief(played(), bank=[DESIGN, BREADTH, OTHER])
    breadth, design = debrief.sessions
    assert [s.concept for s in breadth.seen] == ["memorises noise", "validation gap"]
    assert breadth.seen[0].quote == "It learns the noise, so validation error climbs."
    missed = {s.concept: s for s in design.missed}
    assert set(missed) == {"label", "no leakage"} and all(s.required for s in missed.values())
    assert missed["label"].quote == "We predict who will leave the service next month."  # their own words
    assert not missed["label"].nearest
    assert missed["label"].probe is not None and missed["label"].probe.earned > 0
    assert missed["label"].probe.answer == "Churn is when they cancel within 30 days."
    assert any("recovered on a probe: label (half credit)" in r for r in design.reasons)
    assert design.strongest is not None and "Serving" in design.strongest.what
    assert design.weakest is not None and design.weakest.score == 0.0
    assert len(debrief.practice) == 2  # the two missed concepts; a strong answer is not practice
    assert debrief.practice[0].concept in ("label", "no leakage") and debrief.practice[0].drill[0] == "t/churn"
    assert "t/o" in debrief.practice[0].drill  # same subtopic next


def test_the_markdown_quotes_without_letting_answers_become_markdown() -> None:
    text = debrief_markdown(build_debrief(played(), bank=[DESIGN, BREADTH]))
    assert text.startswith("# Debrief: Onsite loop")
    assert "## ML system design:" in text and "**Signals missed**" in text
    assert "**label** (required)" in text and "Churn is when they cancel within 30 days." in text
    assert "## Practise next" in text and "1. **" in text
    assert escape("# not a *heading*") == "\\# not a \\*heading\\*"


def test_an_empty_round_has_a_debrief_too() -> None:
    debrief = build_debrief(PlayedRound("phone", "Phone screen", ("Phone screen",), (), lambda p: 0, lambda p: None))
    assert debrief.sessions == () and debrief.practice == ()
    assert "Nothing to practise" in debrief_markdown(debrief)
