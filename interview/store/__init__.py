"""The SQLite history store: sessions, attempts, drafts, disputes. No UI here."""

from interview.store.db import SCHEMA_VERSION, StoreError, connect, move_aside
from interview.store.history import AttemptRecord, AttemptRow, Draft, DraftRecord, SessionRow, Store
from interview.store.writes import StoreWrites

__all__ = [
    "SCHEMA_VERSION",
    "AttemptRecord",
    "AttemptRow",
    "Draft",
    "DraftRecord",
    "SessionRow",
    "Store",
    "StoreError",
    "StoreWrites",
    "connect",
    "move_aside",
]
