"""The compiled-pack cache: a hit is the same pack, any change or damage is a miss, never an error."""

from __future__ import annotations

import os
from pathlib import Path

from interview import locations
from interview.bank import load_pack_file
from interview.bank.cache import _file_for


def test_a_cached_pack_equals_the_parsed_one(valid_pack: Path) -> None:
    first = load_pack_file(valid_pack, use_cache=True)
    assert _file_for(valid_pack).is_file()
    second = load_pack_file(valid_pack, use_cache=True)
    assert second.pack == first.pack and second.id_at == first.id_at
    assert second.pack.question("overfitting").rubric[0].phrases == first.pack.question("overfitting").rubric[0].phrases


def test_an_edited_pack_is_parsed_again(valid_pack: Path) -> None:
    load_pack_file(valid_pack, use_cache=True)
    valid_pack.write_text(valid_pack.read_text().replace("title: Demo pack", "title: Renamed pack"))
    assert load_pack_file(valid_pack, use_cache=True).pack.title == "Renamed pack"


def test_an_edit_that_breaks_the_pack_is_reported_not_served_from_cache(valid_pack: Path) -> None:
    load_pack_file(valid_pack, use_cache=True)
    valid_pack.write_text(valid_pack.read_text().replace("difficulty: 1", "difficulty: 9"))
    result = load_pack_file(valid_pack, use_cache=True)
    assert result.pack is None and "difficulty" in result.errors[0].message


def test_a_damaged_cache_entry_is_a_miss(valid_pack: Path) -> None:
    load_pack_file(valid_pack, use_cache=True)
    _file_for(valid_pack).write_bytes(b"not a pickle at all")
    assert load_pack_file(valid_pack, use_cache=True).pack.id == "demo"


def test_an_unwritable_cache_folder_is_not_an_error(valid_pack: Path) -> None:
    locations.cache_dir().parent.mkdir(parents=True, exist_ok=True)
    locations.cache_dir().write_text("a file where the folder should be")
    assert load_pack_file(valid_pack, use_cache=True).pack.id == "demo"


def test_validation_never_uses_the_cache(valid_pack: Path) -> None:
    load_pack_file(valid_pack)
    assert not _file_for(valid_pack).exists()
    assert not os.path.exists(locations.cache_dir())


def test_load_bank_writes_the_cache_after_returning_and_serves_it_next_time(valid_pack: Path) -> None:
    import threading

    from interview.bank import load_bank

    first = load_bank([valid_pack], builtin=False, user=False)
    for thread in threading.enumerate():
        if thread.name == "pack-cache-writer":
            thread.join()
    assert _file_for(valid_pack).is_file()
    assert load_bank([valid_pack], builtin=False, user=False).packs == first.packs


def test_an_edit_made_while_the_pack_is_parsed_is_not_hidden_by_the_cache(valid_pack: Path, monkeypatch) -> None:
    # the cache key is taken before the file is read: the entry written for the old text is stale
    from interview.bank import discovery

    parse = discovery._quick_pack_file

    def edited_during_parse(path: Path, builtin: bool):  # type: ignore[no-untyped-def]
        result = parse(path, builtin)
        os.utime(path, ns=(1, 1))  # another editor saves the file just as we finish reading it
        return result

    monkeypatch.setattr(discovery, "_quick_pack_file", edited_during_parse)
    load_pack_file(valid_pack, use_cache=True)
    monkeypatch.setattr(discovery, "_quick_pack_file", parse)
    from interview.bank import cache

    assert cache.load(valid_pack, False) is None
