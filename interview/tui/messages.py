"""App-wide messages: what the app tells every screen (widget-specific messages live in their widget).

Screens handle them with `on_bank_loaded` / `on_history_replaced`; the app never looks for a method
by name on whatever screen happens to be on top.
"""

from __future__ import annotations

from textual.message import Message


class BankLoaded(Message, bubble=False):
    """The question packs finished loading in their worker: `app.bank` is set."""


class HistoryReplaced(Message, bubble=False):
    """A new history store replaced the damaged one: `app.store` is another database."""
