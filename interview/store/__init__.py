"""The SQLite history store: sessions, attempts, drafts, disputes. No UI here."""

from interview.store.db import SCHEMA_VERSION, StoreError, connect, move_aside
from interview.store.history import AttemptRow, Draft, SessionRow, Store

__all__ = ["SCHEMA_VERSION", "move_aside", "AttemptRow", "Draft", "SessionRow", "Store", "StoreError", "connect"]
