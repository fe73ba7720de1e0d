"""Pilot tests: a person's whole path through the app, driven by keys."""

from __future__ import annotations

import json

from textual.widgets import TextArea

from interview.store import Store
from interview.tui.screens.feedback import FeedbackScreen
from interview.tui.screens.home import HomeScreen
from interview.tui.screens.question import QuestionScreen
from interview.tui.screens.summary import SummaryScreen

GOOD = "The key idea is gradient clipping, applied before each update."


async def test_a_whole_phone_screen_through_keys(build_app, tmp_path) -> None:
    app = build_app()
    async with app.run_test(size=(100, 32)) as pilot:
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("p")
        await pilot.press("ctrl+s")  # start
        answered = 0
        while not isinstance(app.screen, SummaryScreen):
            assert isinstance(app.screen, QuestionScreen), type(app.screen)
            app.screen.query_one("#answer", TextArea).insert(GOOD)
            await pilot.press("ctrl+s")
            assert isinstance(app.screen, FeedbackScreen)
            assert "gradient clipping" in str(app.screen.query_one("#answer-evidence").content)
            await pilot.press("enter")
            answered += 1
        assert answered >= 6
        summary = app.screen
        assert "STRONG HIRE" in str(summary.query_one("#headline").content)
        await pilot.press("h")
        assert isinstance(app.screen, HomeScreen)
    store = Store(tmp_path / "history.sqlite3")
    (session, count, mean), *_ = store.sessions_page()
    assert session.kind == "phone" and session.status == "finished" and count == answered and mean == 1.0


async def test_hint_skip_and_dispute_are_recorded(build_app, tmp_path) -> None:
    app = build_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("d")
        await pilot.press("ctrl+s")
        await pilot.press("ctrl+g")
        assert "Hint 1" in str(app.screen.query_one("#hints").content)
        app.screen.query_one("#answer", TextArea).insert("only the key idea")
        await pilot.press("ctrl+s")
        await pilot.press("i")  # I covered this
        await pilot.press("enter")  # choose the first missed concept
        await pilot.press("enter")  # next question
        await pilot.press("ctrl+n")  # skip it
    store = Store(tmp_path / "history.sqlite3")
    session_id = store.sessions_page()[0][0].id
    first, second = store.attempts(session_id)[:2]
    assert first.hints == 1 and store.disputes(first.id) == ["clipping"]
    assert second.skipped


async def test_timeout_submits_the_typed_text_even_under_a_dialog(build_app, clocks) -> None:
    clock, _ = clocks
    app = build_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("p")
        await pilot.press("ctrl+s")
        app.screen.query_one("#answer", TextArea).insert("gradient clipping")
        question = app.screen
        await pilot.press("f1")  # a dialog is open when time runs out
        clock.advance(31 * 60)
        question.tick()
        await pilot.pause()
        assert isinstance(app.screen, FeedbackScreen)
        assert app.screen.result.overtime and app.screen.result.answer == "gradient clipping"


async def test_quit_mid_answer_keeps_the_text_and_offers_resume(build_app, tmp_path) -> None:
    app = build_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("p")
        await pilot.press("ctrl+s")
        app.screen.query_one("#answer", TextArea).insert("typed before quitting")
        await pilot.press("ctrl+q")
    again = build_app(store=Store(tmp_path / "history.sqlite3"))
    async with again.run_test(size=(100, 32)) as pilot:
        assert "Resume phone round" in again.screen.query_one("#rounds").choices[0][1].plain
        await pilot.press("r")
        assert isinstance(again.screen, QuestionScreen)
        assert again.screen.query_one("#answer", TextArea).text == "typed before quitting"


async def test_autosave_writes_the_draft_every_few_seconds(build_app, tmp_path) -> None:
    app = build_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("p")
        await pilot.press("ctrl+s")
        screen = app.screen
        screen.query_one("#answer", TextArea).insert("autosaved text")
        await pilot.pause()
        screen.save_draft()  # what the interval calls
        store = Store(tmp_path / "history.sqlite3")
        draft = store.draft(screen.session.session_id, 0)
        assert draft.text == "autosaved text"


async def test_take_home_from_a_notebook_file(build_app, tmp_path) -> None:
    notebook = tmp_path / "answer.ipynb"
    notebook.write_text(
        json.dumps(
            {
                "cells": [
                    {"cell_type": "markdown", "source": ["# Churn\n", "Frame it, build a baseline first."]},
                    {"cell_type": "code", "source": "split_by_time(df)", "outputs": []},
                ]
            }
        ),
        encoding="utf-8",
    )
    app = build_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("t")
        await pilot.press("ctrl+s")
        assert "Deliverables" in str(app.screen.query_one("#case").content)
        await pilot.press("ctrl+o")
        await pilot.press(*str(notebook))
        await pilot.press("enter")
        assert "baseline first" in app.screen.query_one("#answer", TextArea).text
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, FeedbackScreen)
        assert app.screen.result.score.value > 0.5


async def test_markup_in_pack_and_answer_text_is_shown_literally(build_app) -> None:
    app = build_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("d")
        await pilot.press("ctrl+s")
        app.screen.query_one("#answer", TextArea).insert("[bold]gradient clipping[/] [link=http://x]y[/link] \x1b[31m")
        await pilot.press("ctrl+s")
        shown = app.screen.query_one("#answer-evidence").content
        assert "[bold]gradient clipping[/]" in str(shown)


async def test_help_lists_every_key_with_its_id(build_app) -> None:
    app = build_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("f1")
        text = str(app.screen.query_one("#help-body").query("Static").last().content)
        for binding_id in ("question.submit", "question.hint", "question.skip", "feedback.dispute", "home.phone"):
            assert binding_id in text


async def test_keys_can_be_remapped(build_app) -> None:
    app = build_app(keymap={"home.phone": "x"})
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("x")
        assert type(app.screen).__name__ == "RoundSetupScreen"


async def test_command_palette_offers_the_main_actions(build_app) -> None:
    app = build_app()
    async with app.run_test(size=(100, 32)):
        titles = [command.title for command in app.get_system_commands(app.screen)]
        for title in ("Start phone screen", "Start onsite loop", "Drill weak areas", "Open history"):
            assert title in titles


def test_pack_text_is_reflowed_but_keeps_paragraphs_lists_and_code() -> None:
    from interview.tui.widgets.prose import reflow

    text = "A job joining\ntwo tables.\n\nSteps:\n- first\n- second\n    code()\nafter"
    assert reflow(text) == "A job joining two tables.\n\nSteps:\n- first\n- second\n    code()\nafter"


async def test_drill_weak_areas_drills_what_went_wrong(build_app) -> None:
    app = build_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("d")
        await pilot.press("ctrl+s")
        failed = app.screen.session.current.question.full_id
        app.screen.query_one("#answer", TextArea).insert("no idea at all")
        await pilot.press("ctrl+s", "enter")
        for _ in range(4):
            app.screen.query_one("#answer", TextArea).insert(GOOD)
            await pilot.press("ctrl+s", "enter")
        await pilot.press("h")
        assert app.weak_drill(1).question_ids == (failed,)
        weak = str(app.screen.query_one("#weak").content)
        failed_area = failed.split("/")[1].rsplit("-", 1)[0]
        assert weak.splitlines()[0].endswith(f"{failed_area} (1 answer)")  # weakest area listed first


HOSTILE = "[bold]loud[/] [link=http://evil.example]click[/link] \x1b[2J\x1b]0;pwned\x07 done"


async def test_hostile_pack_text_is_shown_literally_and_never_reaches_the_terminal(build_app) -> None:
    from dataclasses import replace

    from interview.bank import Bank, Pack
    from tests.rounds_fixtures import make_bank

    bank = make_bank()
    questions = tuple(
        replace(q, prompt=HOSTILE, hints=(HOSTILE,), model_answer=HOSTILE + " gradient clipping")
        for q in bank.packs[0].questions
    )
    hostile = Bank()
    hostile.add(Pack(id="t", title=HOSTILE, version="1", path=bank.packs[0].path, questions=questions))
    app = build_app()
    app.bank = hostile
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("d", "ctrl+s")
        prompt = str(app.screen.query_one("#prompt").content)
        assert "[bold]loud[/]" in prompt and "[link=http://evil.example]" in prompt
        assert "\x1b" not in prompt and "\x07" not in prompt and "␛[2J" in prompt
        await pilot.press("ctrl+g")
        assert "\x1b" not in str(app.screen.query_one("#hints").content)
        app.screen.query_one("#answer", TextArea).insert("gradient clipping \x1b[31m red")
        await pilot.press("ctrl+s")
        evidence = app.screen.query_one("#answer-evidence").content
        assert "\x1b" not in str(evidence) and "␛[31m" in str(evidence)
        assert "\x1b" not in str(app.screen.query_one("#model-answer").content)


async def test_rate_yourself_on_the_feedback_screen(build_app, tmp_path) -> None:
    app = build_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("d", "ctrl+s")
        question_id = app.screen.session.current.question.full_id
        app.screen.query_one("#answer", TextArea).insert("no idea")
        await pilot.press("ctrl+s")
        before = app.store.card(question_id)[0]["due"]
        await pilot.press("s")
        await pilot.press("end", "enter")  # easy: I knew it cold
        await pilot.pause()
        assert app.store.card(question_id)[0]["due"] != before
        assert app.store.card(question_id)[1] == 1  # still one review


async def test_a_long_case_can_be_read_in_full_while_the_clock_runs(build_app) -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t", "ctrl+s")
        assert "deadline" in str(app.screen.query_one("#case").content)
        await pilot.press("ctrl+r")
        assert type(app.screen).__name__ == "ReadDialog"
        assert "Deliverables" in str(app.screen.query_one("Static").content)
        await pilot.press("escape")
        assert type(app.screen).__name__ == "QuestionScreen"


async def test_the_round_menu_works_by_arrows_enter_and_click(build_app) -> None:
    app = build_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("down", "down", "enter")
        assert type(app.screen).__name__ == "RoundSetupScreen" and app.screen.kind == "take-home"
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)
        menu = app.screen.query_one("#rounds")
        # one border row, then two rows per round: row 4 is the onsite loop's description
        await pilot.click("#rounds", offset=(4, 4))
        assert type(app.screen).__name__ == "RoundSetupScreen" and app.screen.kind == "onsite"
        await pilot.press("escape")
        await pilot.press("up")
        assert menu.highlighted == 0  # from the clicked onsite loop (1) back up to the phone screen


async def test_pause_stops_the_clock_keeps_the_text_and_goes_on(build_app) -> None:
    from interview.tui.screens.dialogs import MessageDialog

    app = build_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("d")
        await pilot.press("ctrl+s")
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        screen.query_one("#answer", TextArea).insert("half an answer")
        await pilot.press("ctrl+b")
        assert isinstance(app.screen, MessageDialog)
        assert screen.session.paused
        assert screen.session.draft == "half an answer"  # saved before the dialog opened
        await pilot.press("enter")
        assert app.screen is screen and not screen.session.paused
        assert screen.query_one("#answer", TextArea).text == "half an answer"
