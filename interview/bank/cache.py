"""A compiled-pack cache, like Python's .pyc: parsing YAML is the slow part of loading a bank.

A valid pack is pickled under INTERVIEW_HOME/cache after its first load, keyed by its path, size,
mtime and ctime, by the app's version, and by a fingerprint of the code that builds packs (the
model, the readers, the validator): a changed model or validator between two releases, or in a
checkout, re-checks everything instead of serving a pack pickled by the older code. Anything wrong
with the cache (missing, stale, unreadable, a read-only folder) means parsing the YAML as usual.
The cache lives in the user's own data folder and holds only what we wrote there.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
import threading
from functools import lru_cache
from pathlib import Path

from interview import __version__, locations
from interview.bank.model import Pack

CACHE_FORMAT = 2  # 2: questions carry `code` (the fingerprint below would have caught it on its own)
READER_DIR = Path(__file__).resolve().parent  # interview/bank: the pack model and everything that builds it


@lru_cache(maxsize=4)
def code_fingerprint(folder: Path = READER_DIR) -> str:
    """A hash of every module of the bank package, read once per process (well under a millisecond): any
    change to how packs are modelled, read or validated makes every cached pack stale."""
    digest = hashlib.sha1()
    for source in sorted(folder.glob("*.py")):
        digest.update(source.name.encode())
        try:
            digest.update(source.read_bytes())
        except OSError:
            digest.update(b"?")
    return digest.hexdigest()[:16]


def key(path: Path) -> tuple | None:
    """Taken before the file is read, so an edit made while it is parsed makes the entry stale."""
    try:
        stat = path.stat()
    except OSError:
        return None
    return (
        CACHE_FORMAT,
        __version__,
        code_fingerprint(),
        str(path.resolve()),
        stat.st_size,
        stat.st_mtime_ns,
        stat.st_ctime_ns,
    )


def _file_for(path: Path) -> Path:
    digest = hashlib.sha1(str(path.resolve()).encode("utf-8", "surrogatepass")).hexdigest()[:20]
    return locations.cache_dir() / f"{digest}.pack"


def load(path: Path, builtin: bool) -> tuple[Pack, tuple[int, int]] | None:
    """The cached pack and where its id was written, or None on any kind of miss."""
    current = key(path)
    if current is None:
        return None
    try:
        with _file_for(path).open("rb") as handle:
            stored_key, pack, id_at = pickle.load(handle)
    except Exception:  # noqa: BLE001 - a bad cache entry is only a cache miss
        return None
    if stored_key != current or not isinstance(pack, Pack) or pack.builtin != builtin:
        return None
    return pack, id_at


def store(path: Path, pack: Pack, id_at: tuple[int, int], file_key: tuple | None) -> None:
    if file_key is None:
        return
    target = _file_for(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=target.parent, delete=False, suffix=".tmp") as handle:
            pickle.dump((file_key, pack, id_at), handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(handle.name, target)  # atomic: a reader never sees half a file
    except OSError:
        try:
            os.unlink(handle.name)
        except (OSError, NameError):
            pass


def store_in_background(entries: list[tuple[Path, Pack, tuple[int, int], tuple | None]]) -> threading.Thread:
    """Write cache entries after the bank is in use: they only speed up the next start. Not a daemon
    thread, so a short-lived command still finishes writing before the process exits."""

    def write_all() -> None:
        for entry in entries:
            store(*entry)

    writer = threading.Thread(target=write_all, name="pack-cache-writer")
    writer.start()
    return writer
