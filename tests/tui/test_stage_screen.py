"""The stage screen, probes and the debrief, driven as a person would (issue 17's done-when)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from textual.widgets import TextArea

from interview.bank import Bank, Pack
from interview.bank.model import Concept, DesignStage, Question
from interview.rounds.formats import custom
from interview.store import Store
from interview.tui.app import make_app
from interview.tui.screens.debrief import DebriefScreen
from interview.tui.screens.feedback import FeedbackScreen
from interview.tui.screens.question import QuestionScreen
from interview.tui.screens.stage import StageScreen
from interview.tui.screens.summary import SummaryScreen
from tests.rounds_fixtures import FakeClock, make_bank

LABEL = Concept("label and goal", ("cancel within 30 days",), 2.0, True, "What exactly counts as churn here?")
LEAKAGE = Concept("no leakage", ("leakage", "point in time"), 1.0)
SERVING = Concept("batch scoring", ("weekly batch job",), 1.0)
CHURN = Question(
    pack="s",
    id="churn",
    prompt="Design a system that flags subscribers likely to cancel next month.",
    topic="ml-system-design/churn",
    model_answer="Label: cancel within 30 days. Point in time features, no leakage. A weekly batch job.",
    rubric=(LABEL, LEAKAGE, SERVING),
    rounds=("onsite", "drill"),
    time_limit=1200,
    stages=(
        DesignStage("Requirements", "What would you ask first, and what is the label?", 4, (LABEL,)),
        DesignStage("Data and features", "Which rows and features?", 6, (LEAKAGE,)),
        DesignStage("Serving", "How do scores reach the team?", 4, (SERVING,)),
    ),
)
STAGE_ONE = "We want to find people who will leave, and the team can call 500 a week."


def staged_bank() -> Bank:
    bank = make_bank()
    bank.add(Pack(id="s", title="Staged", version="1", path=Path("s.yaml"), questions=(CHURN,)))
    return bank


def probing_spec():
    return replace(custom(count=1, packs=("s",), minutes=30), probing=True)


@pytest.fixture
def staged_app(tmp_path):
    clock, wall = FakeClock(1000.0), FakeClock(1_795_000_000.0)
    store = Store(tmp_path / "history.sqlite3", wall_clock=wall)
    app = make_app(bank=staged_bank(), store=store, clock=clock, wall=wall, seed=7, keymap={})
    return app, clock


async def test_a_staged_session_through_three_stages_with_a_probe_answered(staged_app) -> None:
    app, clock = staged_app
    async with app.run_test(size=(120, 40)) as pilot:
        app.start_round(probing_spec())
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StageScreen)
        assert "Let's work through this in stages" in str(screen.query_one("#interviewer").content)
        editor = screen.query_one("#answer", TextArea)
        editor.insert(STAGE_ONE)
        clock.advance(150)
        screen.tick()
        assert "stage 2:30/4:00" in str(screen.query_one("#stage-bar").content)
        await pilot.press("ctrl+down")  # stage 2
        assert screen.progress.at == 1 and editor.text == ""
        assert "Let's move on to data and features." in str(screen.query_one("#interviewer").content)
        editor.insert("Monthly snapshots with point in time features, so there is no leakage.")
        clock.advance(60)
        await pilot.press("ctrl+down")  # stage 3
        editor.insert("A weekly batch job writes the list for the team.")
        await pilot.press("ctrl+up")  # back to stage 2: its text is still there
        assert "no leakage" in editor.text and screen.progress.seconds[0] == 150
        assert str(screen._stage_label(2).renderables[0]).startswith("✔ 3. Serving")  # written: ticked
        await pilot.press("ctrl+s")  # submit all three stages
        feedback = app.screen
        assert isinstance(feedback, FeedbackScreen)
        notes = str(feedback.query_one("#interviewer-notes").content)
        assert "By stage" in notes and "Requirements" in notes and "Serving" in notes
        base = feedback.result.score.value
        await pilot.press("enter")
        probe = app.screen
        assert isinstance(probe, QuestionScreen) and probe.session.current.question.id == "churn~p1"
        assert "What exactly counts as churn here?" in str(probe.query_one("#prompt").content)
        assert "Before we move on" in str(probe.query_one("#interviewer").content)
        probe.query_one("#answer", TextArea).insert("Churn is when they cancel within 30 days.")
        await pilot.press("ctrl+s")
        after = app.screen
        assert isinstance(after, FeedbackScreen)
        earned = str(after.query_one("#interviewer-notes").content)
        assert "earned back on 'label and goal'" in earned and "at most 50%" in earned
        await pilot.press("enter")
        summary = app.screen
        assert isinstance(summary, SummaryScreen)
        assert f"{base:.2f}" not in str(summary.query_one("#headline").content)  # the probe raised it
        await pilot.press("d")
        debrief = app.screen
        assert isinstance(debrief, DebriefScreen)
        text = " ".join(str(w.content) for w in debrief.query(".debrief-session"))
        assert "label and goal" in text and STAGE_ONE in text  # a missed required concept, their own words
        assert "Churn is when they cancel within 30 days." in text
        await pilot.press("1")  # practise the first thing: a drill starts
        assert type(app.screen).__name__ in ("StageScreen", "QuestionScreen")


async def test_an_empty_stage_is_said_plainly_and_the_draft_comes_back(staged_app, tmp_path) -> None:
    app, clock = staged_app
    async with app.run_test(size=(80, 24)) as pilot:
        app.start_round(probing_spec())
        await pilot.pause()
        screen = app.screen
        screen.query_one("#answer", TextArea).insert(STAGE_ONE)
        await pilot.press("ctrl+down")
        await pilot.press("ctrl+up")
        await pilot.press("ctrl+down")
        assert "2 stages still empty" in str(screen.query_one("#stage-status").content)
        screen.save_draft()
        session_id = screen.session.session_id
    store = Store(tmp_path / "history.sqlite3")
    from interview.rounds import resume_session

    again = resume_session(store, staged_bank(), session_id, clock)
    assert again.draft.startswith("## Requirements\n" + STAGE_ONE) and again.extras["stages"]["at"] == 1


def test_stage_screen_snapshot_120x40(snap_compare, staged_app) -> None:
    app, _ = staged_app
    assert snap_compare(app, terminal_size=(120, 40), run_before=_to_stage_two)


def test_stage_screen_snapshot_80x24(snap_compare, staged_app) -> None:
    app, _ = staged_app
    assert snap_compare(app, terminal_size=(80, 24), run_before=_to_stage_two)


def test_default_stages_snapshot_80x24(snap_compare, build_app) -> None:
    """A system-design question that gives no stages runs in the default seven."""

    async def to_default_stages(pilot) -> None:
        pilot.app.start_round(custom(count=1, topics=("ml-system-design",)))
        await pilot.pause()
        pilot.app.screen.query_one("#answer", TextArea).cursor_blink = False
        await pilot.pause()

    assert snap_compare(build_app(), terminal_size=(80, 24), run_before=to_default_stages)


def test_debrief_snapshot_120x40(snap_compare, staged_app) -> None:
    app, _ = staged_app

    async def to_debrief(pilot) -> None:
        pilot.app.start_round(probing_spec())
        await pilot.pause()
        pilot.app.screen.query_one("#answer", TextArea).insert(STAGE_ONE)
        await pilot.press("ctrl+s", "enter")
        pilot.app.screen.query_one("#answer", TextArea).insert("They cancel within 30 days.")
        await pilot.press("ctrl+s", "enter", "d")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(120, 40), run_before=to_debrief)


async def _to_stage_two(pilot) -> None:
    pilot.app.start_round(probing_spec())
    await pilot.pause()
    editor = pilot.app.screen.query_one("#answer", TextArea)
    editor.cursor_blink = False
    editor.insert(STAGE_ONE)
    await pilot.press("ctrl+down")
    editor.insert("Monthly snapshots; [bold] stays literal.")
    await pilot.pause()
