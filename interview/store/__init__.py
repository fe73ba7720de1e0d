"""The SQLite history store: sessions, attempts, drafts, disputes. No UI here."""

from interview.store.db import SCHEMA_VERSION, StoreError, connect
from interview.store.history import AttemptRow, Draft, SessionRow, Store

__all__ = ["SCHEMA_VERSION", "AttemptRow", "Draft", "SessionRow", "Store", "StoreError", "connect"]
