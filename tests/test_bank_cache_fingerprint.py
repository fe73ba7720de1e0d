"""The compiled-pack cache key includes a fingerprint of the code that builds packs."""

from __future__ import annotations

import shutil
from pathlib import Path

from interview.bank import cache, load_pack_file


def test_a_change_to_the_pack_reading_code_is_a_cache_miss(valid_pack: Path, monkeypatch) -> None:
    load_pack_file(valid_pack, use_cache=True)
    assert cache.load(valid_pack, builtin=False) is not None  # a hit with today's code
    monkeypatch.setattr(cache, "code_fingerprint", lambda: "the pack model changed")
    assert cache.load(valid_pack, builtin=False) is None


def test_the_fingerprint_follows_the_reader_code(tmp_path: Path) -> None:
    copy = tmp_path / "bank"
    shutil.copytree(Path(cache.__file__).parent, copy)
    before = cache.code_fingerprint.__wrapped__(copy)
    assert cache.code_fingerprint.__wrapped__(copy) == before  # stable
    model = copy / "model.py"
    model.write_text(model.read_text() + "\n# a new field\n")
    assert cache.code_fingerprint.__wrapped__(copy) != before
