"""NO_COLOR and TERM=dumb: a screen that reads in black and white.

Textual 8.2.8 picks its NO_COLOR filter once, when the app is built: Monochrome (colours to greys)
for the default themes, NoColor (the terminal's own colours) for ANSI themes. Switching to an ANSI
theme afterwards (the palette's "Change theme", or a theme set before the first frame) keeps
Monochrome, which turns ANSI colours into black on black: an empty screen. Here the filter is chosen
again on every theme change. Nothing on our screens depends on colour alone: verdicts carry ✔ ◐ ✘,
evidence is underlined, heatmap cells are glyphs.
"""

from __future__ import annotations

import os
from collections.abc import MutableMapping

from textual.app import App
from textual.filter import Monochrome, NoColor


def apply_to_environment(environ: MutableMapping[str, str] = os.environ) -> None:
    """TERM=dumb means no colour too; Textual only reads NO_COLOR, so say it in its words."""
    if environ.get("TERM") == "dumb" and not environ.get("NO_COLOR"):
        environ["NO_COLOR"] = "1"


def keep_readable(app: App) -> None:
    """With NO_COLOR, the colour filter that fits the current theme, now and after every theme change."""
    if not app.no_color:
        return

    def choose(_: object = None) -> None:
        wanted = NoColor() if app.native_ansi_color else Monochrome()
        filters = [f for f in app._filters if not isinstance(f, (Monochrome, NoColor))]
        app._filters[:] = [*filters, wanted]
        app.refresh(layout=False)

    choose()
    app.theme_changed_signal.subscribe(app, choose)
