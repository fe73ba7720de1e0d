"""Every path the app uses, in one place.

`INTERVIEW_HOME` moves all state (database, user packs, config) to one folder; tests use it.
Nothing here touches the disk at import time: each path is computed when asked for.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "interview"


def home() -> Path:
    """The folder that holds all of the user's state."""
    override = os.environ.get("INTERVIEW_HOME")
    if override:
        return Path(override).expanduser()
    import platformdirs  # imported lazily: only commands that need state pay for it

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def database_path() -> Path:
    return home() / "history.sqlite3"


def user_packs_dir() -> Path:
    """Packs the user (or their coach) added; loaded after the built-in bank."""
    return home() / "packs"


def cache_dir() -> Path:
    """Compiled packs; safe to delete at any time."""
    return home() / "cache"


def config_path() -> Path:
    return home() / "config.toml"


def plan_path() -> Path:
    """The interview date, minutes per day and fitted FSRS parameters (`interview plan`)."""
    return home() / "plan.json"


def builtin_bank_dir() -> Path:
    """The built-in question bank.

    Installed wheels carry it inside the package; a source checkout (editable install) keeps it
    at the top of the repository.
    """
    package_dir = Path(__file__).resolve().parent
    shipped = package_dir / "question_bank"
    if shipped.is_dir():
        return shipped
    return package_dir.parent / "question_bank"


def schema_path() -> Path:
    return Path(__file__).resolve().parent / "bank" / "pack-v1.schema.json"
