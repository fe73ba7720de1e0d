"""Finding and loading every pack: built-in bank, the user's pack folder, and --pack paths.

One broken pack never stops the others: it is skipped, and the bank says which and why.
"""

from __future__ import annotations

import gc
import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from interview import locations
from interview.bank.model import Pack, Question
from interview.bank.positions import Position, Positions
from interview.bank.validate import PackError, PackValidator

PACK_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True, slots=True)
class PackFile:
    """The outcome of loading one file: a pack, or the errors that kept it out."""

    path: Path
    pack: Pack | None
    errors: tuple[PackError, ...]
    id_at: Position = (1, 1)


def _display(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def load_pack_file(
    path: Path, builtin: bool = False, use_cache: bool = False, to_cache: list | None = None
) -> PackFile:
    """Load and validate one pack file; with `use_cache`, a valid pack is read from or written to the
    cache (written now, or appended to `to_cache` for the caller to write later)."""
    from interview.bank import cache

    if not use_cache:
        return _parse_pack_file(path, builtin)
    cached = cache.load(path, builtin)
    if cached is not None:
        return PackFile(path, cached[0], (), cached[1])
    file_key = cache.key(path)
    # Loading for practice: the quick reader first. Validation and tests always read carefully, so
    # what they report (including each question's line) is exact.
    result = _quick_pack_file(path, builtin) or _parse_pack_file(path, builtin)
    if result.pack is not None:
        entry = (path, result.pack, result.id_at, file_key)
        if to_cache is None:
            cache.store(*entry)
        else:
            to_cache.append(entry)
    return result


_PACK_KEY = re.compile(r"^pack:[ \t]*", re.M)


def _quick_pack_file(path: Path, builtin: bool) -> PackFile | None:
    """The pack read by yaml-rs when it is readable and valid; None sends it to the careful reader,
    which is the only one that reports errors. Lines are unknown (0) on this path."""
    from interview.bank.yaml_source import FLOW_WITH_INDICATOR, load_yaml_quickly  # not needed when cached

    try:
        raw = path.read_bytes()
    except OSError:
        return None
    quick = load_yaml_quickly(raw)
    if quick is None or not isinstance(quick[0], dict):
        return None
    data, text = quick
    validator = PackValidator(path, Positions(unknown=(0, 0)), _display(path), quick=True)
    pack = validator.pack(data, builtin=builtin)
    if pack is None or validator.doubtful:
        return None
    in_flow_collection = validator.list_item_with_indicator or (validator.text_with_indicator and "{" in text)
    if in_flow_collection and FLOW_WITH_INDICATOR.search(text):
        return None
    # where the id is, for the one error that spans files (two packs with the same id)
    found = _PACK_KEY.search(text)
    id_at = (text.count("\n", 0, found.start()) + 1, found.end() - found.start() + 1) if found else (1, 1)
    return PackFile(path, pack, (), id_at)


def _parse_pack_file(path: Path, builtin: bool) -> PackFile:
    from interview.bank.yaml_source import YamlProblem, load_yaml  # PyYAML: only when a pack is parsed

    shown = _display(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        return PackFile(path, None, (PackError(shown, 1, 1, f"cannot read file: {error.strerror or error}"),))
    try:
        data, positions = load_yaml(raw)
    except YamlProblem as problem:
        return PackFile(path, None, (PackError(shown, problem.line, problem.column, problem.message),))
    validator = PackValidator(path, positions, shown)
    pack = validator.pack(data, builtin=builtin)
    id_at = positions.of_value(data, "pack") if isinstance(data, dict) else (1, 1)
    errors = tuple(sorted(validator.errors, key=lambda e: (e.line, e.column)))
    return PackFile(path, pack, errors, id_at)


def pack_files_in(path: Path) -> list[Path]:
    """A file as given, or the pack files anywhere below a folder, in a stable order."""
    if path.is_dir():
        return sorted(
            p
            for p in path.rglob("*")
            if p.suffix in PACK_SUFFIXES
            and p.is_file()
            and not any(part.startswith(".") for part in p.relative_to(path).parts)
        )
    return [path]


@dataclass
class Bank:
    """Every loaded pack, plus the files that were skipped and why."""

    packs: list[Pack] = field(default_factory=list)
    skipped: list[PackFile] = field(default_factory=list)
    _questions: dict[str, Question] = field(default_factory=dict, repr=False)

    def add(self, pack: Pack) -> None:
        self.packs.append(pack)
        for question in pack.questions:
            self._questions[question.full_id] = question

    @property
    def questions(self) -> list[Question]:
        return list(self._questions.values())

    def question(self, full_id: str) -> Question | None:
        return self._questions.get(full_id)

    def pack(self, pack_id: str) -> Pack | None:
        return next((p for p in self.packs if p.id == pack_id), None)

    @property
    def errors(self) -> list[PackError]:
        return [error for skipped in self.skipped for error in skipped.errors]


@contextmanager
def _without_cycle_collection() -> Iterator[None]:
    """A bank is a large graph of new objects without cycles, built in one go; the cycle collector
    would walk the growing graph again and again (a third of a 10,000-question load)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def load_files(paths: Iterable[tuple[Path, bool]], bank: Bank | None = None, use_cache: bool = False) -> Bank:
    """Load (path, builtin) pairs in order; a later pack may not reuse an earlier pack's id."""
    with _without_cycle_collection():
        return _load_files(paths, bank, use_cache)


def _load_files(paths: Iterable[tuple[Path, bool]], bank: Bank | None, use_cache: bool) -> Bank:
    from interview.bank import cache

    bank = bank or Bank()
    owners: dict[str, Path] = {p.id: p.path for p in bank.packs}
    to_cache: list = []
    for path, builtin in paths:
        result = load_pack_file(path, builtin, use_cache, to_cache)
        if result.pack is None:
            bank.skipped.append(result)
            continue
        owner = owners.get(result.pack.id)
        if owner is not None:
            error = PackError(
                _display(path),
                *result.id_at,
                f"pack id '{result.pack.id}' is already used by {_display(owner)}; give this pack its own id",
            )
            bank.skipped.append(PackFile(path, None, (error,), result.id_at))
            continue
        owners[result.pack.id] = path
        bank.add(result.pack)
    if to_cache:
        cache.store_in_background(to_cache)
    return bank


def load_bank(extra: Iterable[Path] = (), builtin: bool = True, user: bool = True, use_cache: bool = True) -> Bank:
    """The bank the app and CLI use: built-in packs, then the user's folder, then --pack paths.

    Valid packs come from the compiled cache when their file has not changed; `pack validate` and
    `pack test` never use it, so a coach always sees a full check.
    """
    sources: list[tuple[Path, bool]] = []
    if builtin and locations.builtin_bank_dir().is_dir():
        sources += [(p, True) for p in pack_files_in(locations.builtin_bank_dir())]
    if user:
        user_dir = locations.user_packs_dir()
        if user_dir.is_dir():
            sources += [(p, False) for p in pack_files_in(user_dir)]
    seen = {p.resolve() for p, _ in sources}
    for path in extra:
        for file in pack_files_in(Path(path)):
            if file.resolve() not in seen:  # the same file passed twice is one pack, not a clash
                seen.add(file.resolve())
                sources.append((file, False))
    return load_files(sources, use_cache=use_cache)
