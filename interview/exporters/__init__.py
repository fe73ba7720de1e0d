"""Exports for other tools: the concepts a user missed most, as Anki cards. No UI here."""
