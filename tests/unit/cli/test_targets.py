"""What a PATH is, and which files the check reads in it."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from honest_offers.catalog import load_catalog
from honest_offers.check import CheckResult
from honest_offers.cli.targets import (
    TargetError,
    UnreadableFileError,
    is_site_config,
    plan_check,
)
from honest_offers.site import check_sources, read_layout, read_source
from tests.conftest import SITE_CONFIG, offer_yaml
from tests.unit.cli.conftest import FIXTURES, TODAY, run_report


def files(*paths: str, cwd: Path = FIXTURES) -> list[str]:
    return plan_check([Path(p) for p in paths], cwd, TODAY).files


def test_no_path_checks_the_site_config_in_the_current_folder() -> None:
    plan = plan_check([], FIXTURES / "pushy-site", TODAY)
    assert plan.files == [
        "offers/allowed.yml",
        "offers/calm.yml",
        "offers/pushy.yml",
        "docs/css/offer.css",
        "docs/index.md",
        "docs/js/ticker.js",
        "docs/notes.md",
        "overrides/main.html",
        "site_config.yml",  # its text that pages show: site name, navigation titles
    ]


def test_site_config_comes_before_mkdocs_yml(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "page.md").write_text("Only 2 left in stock!\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: M\ndocs_dir: a\n", encoding="utf-8")
    (tmp_path / "site_config.yml").write_text("site_name: S\ndocs_dir: b\n", encoding="utf-8")
    assert plan_check([], tmp_path, TODAY).files == ["site_config.yml"]


def test_no_config_and_no_path_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(TargetError, match=r"no site config \(site_config.yml or mkdocs.yml\)"):
        plan_check([], tmp_path, TODAY)


def test_a_missing_path_is_an_error() -> None:
    with pytest.raises(TargetError, match=r"^nowhere/x.md: no such file or folder$"):
        plan_check([Path("nowhere/x.md")], FIXTURES, TODAY)


def test_an_unreadable_config_is_an_error_with_its_location(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: [unclosed\n", encoding="utf-8")
    with pytest.raises(TargetError, match=r"mkdocs.yml:2:1: the site config cannot be read"):
        plan_check([tmp_path / "mkdocs.yml"], tmp_path, TODAY)


def test_a_config_file_and_its_folder_are_the_same_site() -> None:
    by_file = files("pushy-site/site_config.yml")
    assert by_file == files("pushy-site")
    assert by_file[0] == "pushy-site/offers/allowed.yml"


def test_site_findings_equal_check_sources(monkeypatch: pytest.MonkeyPatch) -> None:
    """The command line walks the same files as honest_offers.site.check_sources (which the
    MkDocs plugin uses), one by one for the progress display; keep them equal."""
    monkeypatch.chdir(FIXTURES / "pushy-site")
    layout, _ = read_layout(FIXTURES / "pushy-site" / "site_config.yml")
    assert layout is not None
    catalog = load_catalog(layout.offers_dir, layout.root, TODAY)
    expected = check_sources(layout, catalog)
    report = run_report(cwd=FIXTURES / "pushy-site")
    assert sorted(report.findings, key=lambda f: f.sort_key()) == sorted(
        expected.findings, key=lambda f: f.sort_key()
    )
    assert len(report.suppressed) == len(expected.suppressed)


def test_a_built_site_is_html_scripts_and_styles_and_never_offers(tmp_path: Path) -> None:
    built = tmp_path / "public"
    shutil.copytree(FIXTURES / "built", built)
    (built / "data.yml").write_text("not: an offer\n", encoding="utf-8")
    (built / ".hidden").mkdir()
    (built / ".hidden" / "x.html").write_text("<p>Only 2 left!</p>", encoding="utf-8")
    plan = plan_check([Path("public")], tmp_path, TODAY)
    assert plan.files == ["public/assets/app.js", "public/assets/shop.css", "public/index.html"]
    assert plan.problems == []


def test_a_folder_of_yaml_is_offers_loaded_together(make_site: Callable[..., Path]) -> None:
    root = make_site({"a.yml": offer_yaml(slug="same"), "b.yml": offer_yaml(slug="same")})
    plan = plan_check([Path("offers")], root, TODAY)
    assert plan.files == ["offers/a.yml", "offers/b.yml"]
    assert [p.field for p in plan.problems] == ["slug"], "duplicate slugs found across files"
    assert [job.path for job in plan.jobs] == ["offers/a.yml"]


def test_single_files_by_suffix(tmp_path: Path) -> None:
    for name, text in {
        "offer.yaml": offer_yaml(),
        "page.md": "# Hi\n",
        "page.HTML": "<p>Hi</p>",
        "app.mjs": "let a = 1;",
        "style.css": "p { color: red; }",
    }.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    names = ["offer.yaml", "page.md", "page.HTML", "app.mjs", "style.css"]
    plan = plan_check([Path(n) for n in names], tmp_path, TODAY)
    assert plan.files == names
    assert [job.path for job in plan.jobs] == names
    assert plan.problems == []


def test_an_unknown_suffix_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("Only 2 left!", encoding="utf-8")
    with pytest.raises(TargetError, match=r"^notes.txt: not a file the check reads"):
        plan_check([Path("notes.txt")], tmp_path, TODAY)


def test_a_file_named_twice_is_checked_once() -> None:
    plan = plan_check(
        [Path("pushy-site/docs/index.md"), Path("pushy-site"), Path("pushy-site/offers/pushy.yml")],
        FIXTURES,
        TODAY,
    )
    assert plan.files.count("pushy-site/docs/index.md") == 1
    assert plan.files.count("pushy-site/offers/pushy.yml") == 1
    assert len(plan.jobs) == len(plan.files) == 9


def test_an_offer_that_does_not_load_is_a_problem_and_still_a_file() -> None:
    plan = plan_check([Path("broken/offers/broken.yml")], FIXTURES, TODAY)
    assert plan.files == ["broken/offers/broken.yml"]
    assert plan.jobs == []
    assert [(p.path, p.field) for p in plan.problems] == [("broken/offers/broken.yml", "does_not")]


def test_yaml_with_site_name_is_a_site_config(tmp_path: Path) -> None:
    config = tmp_path / "client.yml"
    config.write_text("# hi\nsite_name: Client\n", encoding="utf-8")
    offer = tmp_path / "offer.yml"
    offer.write_text(offer_yaml(), encoding="utf-8")
    assert is_site_config(config)
    assert not is_site_config(offer)
    assert is_site_config(tmp_path / "mkdocs.yml")


def test_missing_offers_folder_is_a_problem_only_when_the_plugin_is_used(
    tmp_path: Path,
) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text(SITE_CONFIG, encoding="utf-8")
    (problem,) = plan_check([], tmp_path, TODAY).problems
    assert problem.message == "the offers folder does not exist"
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Plain\n# plugins: [honest-offers]\nplugins:\n  - search\n", encoding="utf-8"
    )
    assert plan_check([], tmp_path, TODAY).problems == []


def test_a_file_that_vanishes_becomes_a_load_problem(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text("# Hi\n", encoding="utf-8")
    (job,) = plan_check([Path("page.md")], tmp_path, TODAY).jobs
    page.unlink()
    with pytest.raises(UnreadableFileError) as raised:
        job.run()
    assert raised.value.problem.path == "page.md"
    assert raised.value.problem.message.startswith("the file cannot be read")


def test_paths_outside_the_current_folder_stay_absolute(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text("Only 2 left in stock!\n", encoding="utf-8")
    (job,) = plan_check([page], FIXTURES, TODAY).jobs
    result: CheckResult = job.run()
    assert result.findings[0].path == page.as_posix()
    assert replace(result.findings[0], path="x").path == "x"


def test_a_file_reached_twice_is_checked_once_also_through_symlinks(tmp_path: Path) -> None:
    """Paths are told apart by their real path: through a symlinked folder, a symlinked file
    or ``..`` the same file is one job."""
    site = tmp_path / "built"
    (site / "a").mkdir(parents=True)
    (site / "a" / "index.html").write_text("<p>Hello</p>", encoding="utf-8")
    (tmp_path / "linked-folder").symlink_to(site / "a", target_is_directory=True)
    (tmp_path / "linked-file.html").symlink_to(site / "a" / "index.html")
    plan = plan_check(
        [
            Path("built"),
            Path("linked-folder/index.html"),
            Path("linked-file.html"),
            Path("built/a/../a/index.html"),
        ],
        tmp_path,
        TODAY,
    )
    assert [job.path for job in plan.jobs] == ["built/a/index.html"]


def test_a_folder_walked_sorts_by_parts_and_does_not_enter_linked_folders(
    tmp_path: Path,
) -> None:
    """Inside a folder walked: a linked file is the file it links to (one job), a linked
    folder is not entered (as os.walk does not), and paths sort by their parts ("a" before
    "a-b", although "-" sorts before "/")."""
    site = tmp_path / "built"
    for folder in ("a", "a-b", "z"):
        (site / folder).mkdir(parents=True)
        (site / folder / "index.html").write_text("<p>Hello</p>", encoding="utf-8")
    (site / "linked-folder").symlink_to(site / "z", target_is_directory=True)
    (site / "a" / "Page.HTML").symlink_to(site / "z" / "index.html")
    (site / "broken.html").symlink_to(site / "nowhere.html")
    plan = plan_check([Path("built")], tmp_path, TODAY)
    assert plan.files == [
        "built/a/Page.HTML",
        "built/a/index.html",
        "built/a-b/index.html",
        "built/broken.html",
    ], "z/index.html is the file Page.HTML links to: planned once, at its first path"
    assert [job.path for job in plan.jobs] == plan.files


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.sampled_from(
            [b"\xef\xbb\xbf", b"\r\n", b"\r", b"\n", b"a", b"\xc3\xa9", b"\xff", b"\xe2"]
        ),
        max_size=12,
    ).map(b"".join)
)
@example(b"\xef\xbb\xbfa\r\r\nb\r")
def test_sources_read_as_with_universal_newlines(tmp_path: Path, raw: bytes) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(raw)
    assert read_source(path) == path.read_text(encoding="utf-8-sig", errors="replace")
