"""The app when the history cannot be written: it says so, keeps the text, and saves it later."""

from __future__ import annotations

from pathlib import Path

from interview.store import Store
from tests.test_store_writes import ANSWER, Failure


async def test_the_app_says_not_saved_keeps_the_text_and_saves_it_later(build_app, tmp_path: Path) -> None:
    from textual.widgets import TextArea

    store = Store(tmp_path / "h.sqlite3")
    app = build_app(store=store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("d", "ctrl+s")
        screen = app.screen
        screen.query_one("#answer", TextArea).insert(ANSWER)
        await pilot.pause()  # the Changed message hands the text to the session
        failure = Failure("locked", store, None)
        failure.start()
        screen.save_draft()  # the autosave
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert any("not saved: your draft: another program holds the history locked — retrying" in m for m in messages)
        assert screen.query_one("#answer", TextArea).text == ANSWER  # still on screen
        await pilot.press("ctrl+s")  # submitting while the lock is held: the app goes on
        await pilot.pause()
        assert type(app.screen).__name__ == "FeedbackScreen" and app.return_code is None
        failure.stop()
        assert app.writes.retry()
    check = Store(tmp_path / "h.sqlite3")
    (session, _, _), *_ = check.sessions_page()
    assert [a.answer for a in check.attempts(session.id)] == [ANSWER]
