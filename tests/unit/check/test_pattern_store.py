"""The store of compiled patterns: a revived pattern is the pattern compiled, and a store
that is damaged, stale, unwritable or turned off changes nothing but speed."""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]
import os
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from honest_offers.check import pattern_store, text
from honest_offers.check.lang import LANGUAGES
from honest_offers.check.pattern_store import (
    CACHE_DIR_ENV,
    KEEP_FILES,
    NO_CACHE_ENV,
    PatternStore,
    Spec,
    Words,
    read_entries,
    store_path,
)

SOURCES = sorted(
    {
        entry.source
        for context in ("prose", "label")
        for languages in [frozenset({"en"}), *(frozenset({code}) for code in LANGUAGES)]
        for entry in text._index(context, languages).entries
    }
)


def compiled(source: str) -> tuple[Spec, Words]:
    """What the check compiles ``source`` to, without the store."""
    tree = text._parsed(source)
    assert tree is not None, source
    first = text._first_of(tree)
    words = text._required_of(tree)
    spec = (text._with_start_set(source, tree, first) if first else None) or text._spec(tree, first)
    return spec, words


def test_every_pattern_of_every_language_compiles_to_code() -> None:
    # The engine's own route for every pattern (none falls back to compiling the text).
    assert len(SOURCES) > 500
    for source in SOURCES:
        spec, _ = compiled(source)
        assert isinstance(_sre.compile(*spec), re.Pattern)


def test_a_revived_pattern_is_the_compiled_one(tmp_path: Path) -> None:
    path = tmp_path / "patterns.bin"
    writer = PatternStore(path)
    fresh = {}
    for source in SOURCES:
        spec, words = compiled(source)
        writer.put(source, spec, words)
        fresh[source] = (_sre.compile(*spec), words)
    writer.save()

    reader = PatternStore(path)
    for source in SOURCES:
        revived = reader.get(source)
        assert revived is not None, source
        # Patterns compare equal only with the same flags, text and code, item by item.
        assert revived == fresh[source], source


def test_the_engine_reads_and_fills_the_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source, other = SOURCES[0], SOURCES[1]
    store = PatternStore(tmp_path / "patterns.bin")
    monkeypatch.setattr(pattern_store, "_STORE", store)
    store.put(source, *compiled(other))  # planted: what the engine finds is what it uses
    assert text._compile_fast(source) == (_sre.compile(*compiled(other)[0]), compiled(other)[1])
    assert store.get(other) is None
    assert text._compile_fast(other)[0] == _sre.compile(*compiled(other)[0])
    assert store.get(other) is not None  # compiled once, kept for the next run


def test_patterns_added_by_two_processes_are_both_kept(tmp_path: Path) -> None:
    path = tmp_path / "patterns.bin"
    first, second = PatternStore(path), PatternStore(path)
    for store, source in ((first, SOURCES[0]), (second, SOURCES[1])):
        store.get(source)  # both read the file before either writes
        store.put(source, *compiled(source))
    first.save()
    second.save()
    assert set(read_entries(path)) == {SOURCES[0], SOURCES[1]}


def test_nothing_is_written_without_new_patterns(tmp_path: Path) -> None:
    store = PatternStore(tmp_path / "patterns.bin")
    store.get(SOURCES[0])
    store.save()
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: b"",
        lambda data: data[: len(data) // 2],  # cut short while written by hand
        lambda data: data[:40] + bytes([data[40] ^ 1]) + data[41:],  # one bit of the checksum
        lambda data: data[:-1] + bytes([data[-1] ^ 1]),  # one bit of the payload
        lambda data: b"not a store\n" + data,
    ],
    ids=["empty", "truncated", "checksum", "payload", "header"],
)
def test_a_damaged_file_is_ignored_and_replaced(tmp_path: Path, damage: object) -> None:
    path = tmp_path / "patterns.bin"
    store = PatternStore(path)
    store.put(SOURCES[0], *compiled(SOURCES[0]))
    store.save()
    path.write_bytes(damage(path.read_bytes()))  # type: ignore[operator]

    assert PatternStore(path).get(SOURCES[0]) is None
    again = PatternStore(path)
    again.get(SOURCES[1])
    again.put(SOURCES[1], *compiled(SOURCES[1]))
    again.save()
    assert set(read_entries(path)) == {SOURCES[1]}


@given(st.integers(min_value=0), st.binary(max_size=64))
def test_any_damage_reads_as_intact_entries_or_none(offset: int, junk: bytes) -> None:
    good = _store_bytes({SOURCES[0]: compiled(SOURCES[0])})
    at = offset % (len(good) + 1)
    damaged = good[:at] + junk + good[at + len(junk) :]
    entries = pattern_store._entries_of(damaged)
    assert entries == {} or entries == pattern_store._entries_of(good)


def test_code_that_cpython_refuses_is_compiled_instead(tmp_path: Path) -> None:
    path = tmp_path / "patterns.bin"
    spec, words = compiled(SOURCES[0])
    broken = (*spec[:2], [9999, 1, 2], *spec[3:])
    store = PatternStore(path)
    store.put(SOURCES[0], broken, words)
    store.save()
    assert PatternStore(path).get(SOURCES[0]) is None


def test_an_unwritable_folder_keeps_nothing_and_raises_nothing(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the folder would be")
    store = PatternStore(blocker / "honest-offers" / "patterns.bin")
    store.put(SOURCES[0], *compiled(SOURCES[0]))
    store.save()
    assert blocker.read_text() == "a file where the folder would be"


def test_old_store_files_are_pruned(tmp_path: Path) -> None:
    for age in range(KEEP_FILES + 3):
        old = tmp_path / f"patterns-old{age}.bin"
        old.write_bytes(b"")
        os.utime(old, (1_000_000 + age, 1_000_000 + age))
    store = PatternStore(tmp_path / "patterns-new.bin")
    store.put(SOURCES[0], *compiled(SOURCES[0]))
    store.save()
    left = sorted(p.name for p in tmp_path.glob("patterns-*.bin"))
    assert len(left) == KEEP_FILES
    assert "patterns-new.bin" in left and "patterns-old0.bin" not in left


def test_where_the_store_is(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    chosen = store_path({CACHE_DIR_ENV: str(tmp_path)})
    assert chosen is not None and chosen.parent == tmp_path
    assert re.fullmatch(r"patterns-[0-9a-f]{20}\.bin", chosen.name)
    monkeypatch.setattr("sys.platform", "linux")
    xdg = store_path({"XDG_CACHE_HOME": str(tmp_path / "xdg")})
    assert xdg is not None and xdg.parent == tmp_path / "xdg" / "honest-offers"
    assert store_path({NO_CACHE_ENV: "1", CACHE_DIR_ENV: str(tmp_path)}) is None
    assert store_path({NO_CACHE_ENV: "0", CACHE_DIR_ENV: str(tmp_path)}) == chosen


def test_a_turned_off_store_keeps_nothing(tmp_path: Path) -> None:
    store = PatternStore(None)
    store.put(SOURCES[0], *compiled(SOURCES[0]))
    store.save()
    assert store.get(SOURCES[0]) is None


def _store_bytes(entries: dict[str, tuple[Spec, Words]]) -> bytes:
    store = PatternStore(None)
    store.path = Path(os.devnull)  # put() keeps entries only for a store with a file
    for source, (spec, words) in entries.items():
        store.put(source, spec, words)
    return pattern_store._file_bytes(store._added)


def test_the_suite_never_writes_the_users_cache() -> None:
    assert os.environ.get(CACHE_DIR_ENV), "tests/conftest.py points the store at a temp folder"


def test_another_version_gets_another_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    environ = {CACHE_DIR_ENV: str(tmp_path)}
    now = store_path(environ)
    monkeypatch.setattr(pattern_store, "__version__", "0.0.0-other")
    assert store_path(environ) != now


def test_no_store_when_the_checks_code_cannot_be_read(monkeypatch: pytest.MonkeyPatch) -> None:
    def unreadable() -> str:
        raise OSError("installed without sources")

    monkeypatch.setattr(pattern_store, "_version_key", unreadable)
    monkeypatch.setattr(pattern_store, "_STORE", None)
    monkeypatch.setattr("atexit.register", lambda *_: None)
    assert pattern_store.default_store().path is None
