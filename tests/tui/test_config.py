"""config.toml mistakes are reported with their line, and the app starts with the default keys."""

from __future__ import annotations

from pathlib import Path

import pytest

from interview import locations
from interview.tui.app import make_app
from interview.tui.config import known_binding_ids, read_config, unknown_bindings
from interview.tui.screens.home import HomeScreen
from tests.rounds_fixtures import make_bank


def write_config(text: str) -> Path:
    path = locations.config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "text, expected",
    [
        ('[keymap]\nquestion.submit = "f5"\nbroken = \n', "config.toml:3:10: not valid TOML"),
        ('[keymaps]\nquestion.submit = "f5"\n', "config.toml:1: unknown setting 'keymaps' (did you mean 'keymap'?)"),
        ("[keymap]\n\nquestion.submit = 5\n", "config.toml:3: question.submit = 5 is not a key"),
    ],
    ids=["bad-toml", "unknown-setting", "not-a-key"],
)
def test_mistakes_are_reported_with_their_line(text: str, expected: str) -> None:
    config = read_config(write_config(text))
    assert any(problem.startswith(expected) for problem in config.problems), config.problems
    assert "question.submit" not in config.keymap or text.startswith("[keymaps]") is False


def test_a_binding_id_no_screen_has_is_reported_and_dropped() -> None:
    config = read_config(write_config('[keymap]\nhome.phone = "x"\n\n[keymap.question]\nsumbit = "f5"\n'))
    problems = unknown_bindings(config, known_binding_ids())
    assert problems == [
        "config.toml:5: 'question.sumbit' is not a binding id (did you mean 'question.submit'?); "
        "see the ids on the help screen (F1)"
    ]
    assert config.keymap == {"home.phone": "x"}


def test_every_binding_id_of_the_screens_is_known() -> None:
    known = known_binding_ids()
    assert {"app.quit", "home.phone", "question.submit", "feedback.next", "dialog.ok", "history.back"} <= known


async def test_the_app_starts_with_defaults_and_says_what_was_wrong() -> None:
    write_config('[keymap]\nhome.phone = "x"\nquestion.sumbit = "f5"\n[colours]\ntheme = "dark"\n')
    app = make_app(bank=make_bank())  # reads config.toml as the CLI's app does
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        messages = " | ".join(str(n.message) for n in app._notifications)
        assert "config.toml:4: unknown setting 'colours'" in messages
        assert "config.toml:3: 'question.sumbit' is not a binding id" in messages
        await pilot.press("x")  # the valid entry still applies
        assert type(app.screen).__name__ == "RoundSetupScreen"
