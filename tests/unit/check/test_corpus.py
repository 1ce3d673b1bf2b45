"""Detection targets on the labelled development corpus in ``../shared/corpus/``.

The corpus is not part of the repository (it must not be copied in); without it these tests
skip. ``bench/detection.py`` prints the full table.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import REPO_ROOT, SHARED

CORPUS = SHARED / "corpus" / "pressure-text-dev.csv"


def load_bench() -> ModuleType:
    path = REPO_ROOT / "bench" / "detection.py"
    spec = importlib.util.spec_from_file_location("bench_detection", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being built
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    return load_bench()


@pytest.fixture(scope="module")
def rows(bench: ModuleType) -> list[object]:
    if not CORPUS.is_file():
        pytest.skip(f"corpus not found at {CORPUS} (it lives beside the repo in ../shared/)")
    result: list[object] = bench.read_rows(Path(CORPUS))
    return result


def test_recall_targets(bench: ModuleType, rows: list[object]) -> None:
    for group, tally in bench.target_recall(rows).items():
        assert tally.rows > 0, group
        assert tally.rate >= bench.TARGET_RECALL, (group, tally.hits, tally.rows)


def test_false_positive_target_for_pressure_rules(bench: ModuleType, rows: list[object]) -> None:
    tally = bench.benign_rate(rows, flagged=False, families=bench.PRESSURE_FAMILIES)
    assert tally.rows > 1000
    assert tally.rate <= bench.TARGET_FALSE_POSITIVES, tally.hits


def test_the_report_prints(bench: ModuleType, rows: list[object]) -> None:
    report = bench.format_report(rows, show_misses=3)
    assert "Targets (unflagged rows):" in report
    assert "timer_digits_only_no_cue" in report


def test_group_folds_keep_each_group_whole_and_are_stable(bench: ModuleType) -> None:
    rows = [
        bench.Row(text=f"t{i}", dark=False, category="", type="", flag="", rules=(), group=g)
        for i, g in enumerate(["a", "b", "a", "c", "b", "a", "d", "e"])
    ]
    parts = bench.split(rows, 5)
    assert sum(len(part) for part in parts) == len(rows)
    for part in parts:
        for row in part:
            assert all(other in part for other in rows if other.group == row.group)
    # A hash of the key, not Python's salted hash(): the same folds on every run.
    assert [bench.fold_of(g, 5) for g in "abcde"] == [3, 3, 0, 0, 4]
    dev = bench.fold_set(rows, 5, 3, "dev")
    held = bench.fold_set(rows, 5, 3, "held")
    assert sorted(r.text for r in dev + held) == sorted(r.text for r in rows)
    assert all(bench.fold_of(r.group, 5) < 3 for r in dev)


def test_the_fold_report_prints(bench: ModuleType, rows: list[object]) -> None:
    report = bench.format_folds(rows, 5, 3)
    assert "worst fold" in report
    assert "held folds 3-4" in report
    assert report.count("(dev)") == 3
