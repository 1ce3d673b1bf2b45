"""Memo: results kept by their inputs, bounded, and swept to what the last build used."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from honest_offers.catalog import load_catalog
from honest_offers.memo import Memo
from tests.conftest import offer_yaml

TODAY = date(2026, 6, 1)


def test_computes_once_per_key() -> None:
    memo: Memo[str, int] = Memo(10)
    calls: list[str] = []

    def compute(key: str) -> int:
        calls.append(key)
        return len(key)

    assert memo.get("abc", lambda: compute("abc")) == 3
    assert memo.get("abc", lambda: compute("abc")) == 3
    assert calls == ["abc"]


def test_least_recently_used_entries_go_first() -> None:
    memo: Memo[int, int] = Memo(2)
    memo.get(1, lambda: 1)
    memo.get(2, lambda: 2)
    memo.get(1, lambda: 1)
    memo.get(3, lambda: 3)
    assert len(memo) == 2
    assert memo.get(1, lambda: -1) == 1
    assert memo.get(2, lambda: -2) == -2


def test_sweep_keeps_only_what_was_asked_for_since_the_last_sweep() -> None:
    memo: Memo[str, str] = Memo(10)
    memo.get("old", lambda: "old")
    memo.get("kept", lambda: "kept")
    memo.sweep()
    memo.get("kept", lambda: "recomputed")
    memo.sweep()
    assert len(memo) == 1
    assert memo.get("kept", lambda: "recomputed") == "kept"


def test_load_catalog_with_a_memo_reloads_only_changed_files(tmp_path: Path) -> None:
    offers = tmp_path / "offers"
    offers.mkdir()
    (offers / "a.yml").write_text(offer_yaml(title="First"), encoding="utf-8")
    (offers / "b.yml").write_text(offer_yaml(title="Second"), encoding="utf-8")
    memo = Memo(10)  # type: ignore[var-annotated]
    first = load_catalog(offers, tmp_path, TODAY, memo)
    (offers / "b.yml").write_text(offer_yaml(title="Second, changed"), encoding="utf-8")
    second = load_catalog(offers, tmp_path, TODAY, memo)
    fresh = load_catalog(offers, tmp_path, TODAY)
    assert second.offers[0] is first.offers[0]
    assert [o.offer for o in second.offers] == [o.offer for o in fresh.offers]
    assert second.offers[1].offer.title == "Second, changed"
