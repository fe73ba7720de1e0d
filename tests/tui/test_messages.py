"""App-wide messages reach every screen, not only the one on top."""

from __future__ import annotations

from interview.tui.messages import BankLoaded
from interview.tui.screens.dialogs import MessageDialog
from interview.tui.screens.home import HomeScreen
from tests.rounds_fixtures import make_bank


async def test_the_home_screen_hears_the_packs_loaded_under_a_dialog(build_app, monkeypatch) -> None:
    app = build_app()
    app.bank = None
    monkeypatch.setattr(type(app), "load_bank", lambda self: None)  # the test hands the bank in itself
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        home = app.screen
        assert isinstance(home, HomeScreen)
        assert "Loading question packs" in str(home.query_one("#bank-summary").content)
        app.push_screen(MessageDialog("Hello", "a dialog over home"))
        await pilot.pause()
        app.bank = make_bank()
        app.tell_screens(BankLoaded())
        await pilot.pause()
        assert "questions" in str(home.query_one("#bank-summary").content)  # redrawn while under the dialog
