"""``honest-offers check --browser`` without a browser: which PATHs it takes, what it says
when Playwright or Chromium is missing, and how findings are located and worded. Fast; no
Chromium needed."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from honest_offers.check import RULES
from honest_offers.check.runtime import (
    CHROMIUM_ENV,
    DEFAULT_CHROMIUM,
    BrowserCheckError,
    Change,
    Site,
    _SourceMap,
    check_sites,
    chromium_path,
    describe,
)
from honest_offers.check.runtime_rules import TEXT_CHANGES
from honest_offers.cli.app import cli
from honest_offers.cli.targets import TargetError, built_sites

FIXTURES = Path(__file__).parent / "fixtures" / "runtime"


def test_the_rule_is_registered_with_its_docs() -> None:
    assert RULES["HO618"] is TEXT_CHANGES
    assert TEXT_CHANGES.name == "text-changes-by-itself"
    assert TEXT_CHANGES.family == "Scripts and markup"
    assert "{text}" in TEXT_CHANGES.message
    assert TEXT_CHANGES.doc.why and TEXT_CHANGES.doc.bad and TEXT_CHANGES.doc.honest


def test_built_sites_takes_folders_of_html_and_html_files(tmp_path: Path) -> None:
    sites = built_sites([FIXTURES], Path.cwd())
    assert [s.root for s in sites] == [FIXTURES]
    names = [p.relative_to(FIXTURES).as_posix() for p in sites[0].pages]
    assert names == sorted(names)
    assert "ticking/index.html" in names
    assert all(name.endswith(".html") for name in names)
    single = built_sites([Path("calm/index.html")], FIXTURES)
    # One page is served from the current folder it is in, so its relative links load.
    assert single == [Site(FIXTURES, [FIXTURES / "calm" / "index.html"])]


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda tmp: [], "--browser needs the folder of a built site"),
        (lambda tmp: [tmp / "empty"], "is not a built site"),
        (lambda tmp: [tmp / "notes.md"], "is not a built site"),
        (lambda tmp: [tmp / "with-config"], "is not a built site"),
    ],
)
def test_built_sites_refuses_anything_else(tmp_path: Path, make: Any, message: str) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "notes.md").write_text("# Notes\n", encoding="utf-8")
    (tmp_path / "with-config").mkdir()
    (tmp_path / "with-config" / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    (tmp_path / "with-config" / "index.html").write_text("<p>x</p>", encoding="utf-8")
    with pytest.raises(TargetError, match=message):
        built_sites(make(tmp_path), tmp_path)


def test_chromium_path_order(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(CHROMIUM_ENV, raising=False)
    assert chromium_path() == DEFAULT_CHROMIUM == "/usr/bin/chromium"
    monkeypatch.setenv(CHROMIUM_ENV, "/opt/chromium/chrome")
    assert chromium_path() == "/opt/chromium/chrome"
    assert chromium_path("/usr/local/bin/chromium") == "/usr/local/bin/chromium"


def test_without_playwright_the_message_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "playwright.sync_api", None)  # import fails
    with pytest.raises(BrowserCheckError, match=r"pip install 'honest-offers\[browser\]'"):
        check_sites(built_sites([FIXTURES], FIXTURES), FIXTURES)


def test_without_chromium_the_message_says_where_it_looked(tmp_path: Path) -> None:
    pytest.importorskip("playwright.sync_api")
    missing = tmp_path / "no-chromium"
    with pytest.raises(BrowserCheckError, match=r"no Chromium at .*no-chromium.*--chromium"):
        check_sites(built_sites([FIXTURES], FIXTURES), FIXTURES, chromium=str(missing))


def test_the_command_line_exits_2_with_one_line(tmp_path: Path) -> None:
    runner = CliRunner()
    done = runner.invoke(
        cli, ["check", "--browser", str(FIXTURES), "--chromium", str(tmp_path / "nothing")]
    )
    assert done.exit_code == 2
    assert done.output.startswith("honest-offers: error: --browser")
    assert done.output.count("\n") == 1
    done = runner.invoke(cli, ["check", "--browser", str(tmp_path)])
    assert done.exit_code == 2
    assert "is not a built site" in done.output
    assert "--browser" in runner.invoke(cli, ["check", "--help"]).output


PAGE = """<!doctype html>
<html lang="en">
<body>
<main>
  <p>First</p>
  <p>Second <br> line</p>
  <div id="box"><span>Inside</span></div>
</main>
</body>
</html>
"""


def _change(*parts: tuple[str, int, str], before: str = "", after: str = "x") -> Change:
    return Change(
        (("html", 1, ""), ("body", 1, ""), *parts), before=before, after=after, kind="over time"
    )


def test_findings_point_at_the_changed_element() -> None:
    where = _SourceMap(PAGE)
    second = _change(("main", 1, ""), ("p", 2, ""))
    assert where.locate(second) == (6, 3)
    inside = _change(("main", 1, ""), ("div", 1, "box"), ("span", 1, ""))
    assert where.locate(inside) == (7, 17)
    # An element added by a script: its nearest ancestor with an id, else its old text.
    added = _change(("main", 1, ""), ("div", 1, "box"), ("em", 4, ""))
    assert where.locate(added) == (7, 3)
    moved = _change(("section", 3, ""), before="First")
    assert where.locate(moved) == (5, 6)
    assert where.locate(_change(("aside", 1, ""))) == (1, 1)


def test_places_and_wording() -> None:
    change = _change(("main", 1, ""), ("p", 2, ""), before="9:59", after="9:49")
    assert change.place == "main > p:nth-of-type(2)"
    assert describe(change) == "over time, at main > p:nth-of-type(2): “9:59” became “9:49”"
    boxed = _change(("div", 1, "box"), ("span", 1, ""), before="", after="a" * 100)
    assert boxed.place == "div#box > span"
    assert "“(nothing)” became “" + "a" * 59 + "…”" in describe(boxed)
