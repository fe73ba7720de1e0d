"""Question packs: the model, safe YAML loading with positions, validation and discovery."""

from interview.bank.discovery import Bank, PackFile, load_bank, load_files, load_pack_file, pack_files_in
from interview.bank.model import Case, Concept, Example, FollowUp, Misconception, Pack, Question
from interview.bank.validate import PackError

__all__ = [
    "Bank",
    "Case",
    "Concept",
    "Example",
    "FollowUp",
    "Misconception",
    "Pack",
    "PackError",
    "PackFile",
    "Question",
    "load_bank",
    "load_files",
    "load_pack_file",
    "pack_files_in",
]
