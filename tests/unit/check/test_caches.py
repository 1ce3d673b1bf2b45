"""The check's process-wide caches are emptied by :func:`release` (called at exit)."""

from __future__ import annotations

from honest_offers.check.caches import release
from honest_offers.check.facts import _present
from honest_offers.check.html import check_html
from honest_offers.check.html.markup import plan_for
from honest_offers.check.html.segments import SEGMENTS
from honest_offers.check.text import _scan_cached, scan_cached

PAGE = "<!doctype html>\n<html lang=en>\n<body>\n<p>Only 2 left today</p>\n</body>\n</html>\n"


def test_release_empties_the_caches_a_check_fills() -> None:
    scan_cached("Only 2 left today")
    _present("no hidden fees")
    for _ in range(2):  # a page's segments are remembered from the second reading on
        findings = check_html(PAGE, "a/index.html").findings
    assert [f.rule for f in findings] == ["HO201"]
    assert _scan_cached.cache_info().currsize and plan_for.cache_info().currsize
    assert _present.cache_info().currsize and SEGMENTS
    release()
    assert not _scan_cached.cache_info().currsize and not plan_for.cache_info().currsize
    assert not _present.cache_info().currsize and not SEGMENTS
    assert [f.rule for f in check_html(PAGE, "a/index.html").findings] == ["HO201"]
