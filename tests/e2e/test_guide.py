"""The user guide (guide/): a strict build, a reference that lists everything the code has,
no broken internal link, and the commands and files it tells people to use.

The reference pages are generated from the code when the guide is built (guide/hooks.py);
these tests read the *built* pages and compare them with the code itself, so a field, plugin
option, command, command option or rule without its entry fails here.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib
import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import unquote, urlsplit

import click
import pytest
import yaml
from pydantic import BaseModel

from honest_offers.check import RULES
from honest_offers.cli import cli, scaffold
from honest_offers.mkdocs_plugin.config import HonestOffersConfig
from honest_offers.validate.model import Offer
from tests.conftest import REPO_ROOT, mkdocs_env, run_mkdocs

pytestmark = pytest.mark.e2e

GUIDE = REPO_ROOT / "guide"
DOCS = GUIDE / "docs"
SNIPPETS = GUIDE / "snippets"
INSTALL = re.compile(r"^(python3? -m )?pip3? install\b")


@pytest.fixture(scope="module")
def build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The guide built with --strict, from another folder than the repository (the config
    must not depend on where the build starts); returns the site and the build's log."""
    work = tmp_path_factory.mktemp("guide")
    out = work / "site"
    result = run_mkdocs(
        "build", "--strict", "-f", str(GUIDE / "mkdocs.yml"), "-d", str(out), cwd=work
    )
    assert result.returncode == 0, result.stderr
    return out, result.stderr


@pytest.fixture(scope="module")
def site(build: tuple[Path, str]) -> Path:
    return build[0]


# -- reading built pages -------------------------------------------------------------------


@dataclass
class Row:
    section: str
    """The id of the ``h2`` above the table ('' before the first)."""
    cells: list[str]


class Page(HTMLParser):
    """What the tests need of a built page: ids, links, table rows and headings."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.rows: list[Row] = []
        self.headings: dict[str, str] = {}
        """``h1``/``h2`` id → text."""
        self._section = ""
        self._cell: list[str] | None = None
        self._row: list[str] | None = None
        self._heading: tuple[str, list[str]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {name: value or "" for name, value in attrs}
        for name in ("id", "name") if tag == "a" else ("id",):
            if found.get(name):
                self.ids.add(found[name])
        for name in ("href", "src"):
            if found.get(name) and tag in {"a", "link", "img", "script", "source"}:
                self.links.append(found[name])
        if tag in {"h1", "h2"}:
            self._heading = (found.get("id", ""), [])
            if tag == "h2":
                self._section = found.get("id", "")
        elif tag == "tr":
            self._row = []
        elif tag in {"td", "th"}:
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in {"td", "th"} and self._cell is not None and self._row is not None:
            self._row.append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.rows.append(Row(self._section, self._row))
            self._row = None
        elif tag in {"h1", "h2"} and self._heading is not None:
            anchor, text = self._heading
            self.headings[anchor] = " ".join("".join(text).replace("¶", "").split())
            self._heading = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)
        if self._heading is not None:
            self._heading[1].append(data)


def read_page(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text("utf-8"))
    page.close()
    return page


def first_cells(page: Page, section: str | None = None) -> list[str]:
    """The first cell of every body row (of the tables under one ``h2``)."""
    return [
        row.cells[0]
        for row in page.rows
        if row.cells and row.cells[0] not in {"Field", "Option"}
        if section is None or row.section == section
    ]


# -- the reference lists everything the code has ------------------------------------------


def model_paths(model: type[BaseModel], prefix: str = "") -> Iterator[str]:
    """Every field of a model as the guide writes it: ``price.fees[].amount``."""
    # Resolved here: a field that names a model defined further down keeps a ForwardRef
    # in ``FieldInfo.annotation``.
    hints = typing.get_type_hints(model, include_extras=True)
    for name, info in model.model_fields.items():
        path = prefix + (info.alias or name)
        yield path
        nested, many = _nested_model(hints[name])
        if nested is not None:
            yield from model_paths(nested, f"{path}[]." if many else f"{path}.")


def _nested_model(annotation: Any) -> tuple[type[BaseModel] | None, bool]:
    """The model inside ``X``, ``X | None``, ``list[X]`` or ``Annotated[...]``."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation, False
    origin = typing.get_origin(annotation)
    if origin is None:
        return None, False
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        return _nested_model(args[0])
    if origin is list:
        model, _ = _nested_model(args[0])
        return model, True
    if origin in {typing.Union, types.UnionType}:
        for arg in args:
            model, many = _nested_model(arg)
            if model is not None:
                return model, many
    return None, False


def test_model_paths_reach_nested_fields() -> None:
    paths = list(model_paths(Offer))
    for path in ("for", "price.fees[].once", "price.change.effective", "allow[].reason"):
        assert path in paths


def test_every_offer_field_has_an_entry(site: Path) -> None:
    page = read_page(site / "reference" / "offer-fields" / "index.html")
    entries = first_cells(page)
    fields = list(model_paths(Offer))
    assert sorted(set(fields) - set(entries)) == [], "fields without an entry"
    assert sorted(set(entries) - set(fields)) == [], "entries for fields that do not exist"
    meanings = {row.cells[0]: row.cells[-1] for row in page.rows if len(row.cells) == 4}
    assert [path for path in fields if not meanings.get(path)] == [], "entries without meaning"


def test_every_plugin_option_has_an_entry(site: Path) -> None:
    page = read_page(site / "reference" / "plugin-options" / "index.html")
    rows = {row.cells[0]: row.cells for row in page.rows if row.cells[0] != "Option"}
    options = [name for name, _ in HonestOffersConfig._schema]
    assert sorted(set(options) - set(rows)) == [], "options without an entry"
    assert sorted(set(rows) - set(options)) == [], "entries for options that do not exist"
    assert [name for name in options if not rows[name][-1]] == [], "entries without meaning"


def test_every_command_and_option_has_an_entry(site: Path) -> None:
    page = read_page(site / "reference" / "cli" / "index.html")
    context = click.Context(cli, info_name="honest-offers", **cli.context_settings)
    commands = cli.list_commands(context)
    assert commands, "no commands found"
    assert _option_names(cli) <= _listed(first_cells(page, section=""))
    for name in commands:
        command = cli.get_command(context, name)
        assert command is not None
        assert name in page.headings, f"command `{name}` has no section"
        listed = _listed(first_cells(page, section=name))
        missing = _option_names(command) - listed
        assert not missing, f"`{name}`: options without an entry: {sorted(missing)}"


def _option_names(command: click.Command) -> set[str]:
    # With the command's own settings: click caches a command's help option from the first
    # context it sees, and a bare Context's `--help` alone would break `-h` for later tests.
    context = click.Context(command, **command.context_settings)
    return {
        opt
        for param in command.get_params(context)
        if isinstance(param, click.Option) and not param.hidden
        for opt in (*param.opts, *param.secondary_opts)
    }


def _listed(cells: list[str]) -> set[str]:
    """``-o, --output FILE`` → ``{"-o", "--output"}``."""
    return {part.split(" ")[0] for cell in cells for part in cell.split(", ")}


def test_every_rule_has_a_page(site: Path) -> None:
    rules = site / "reference" / "rules"
    index = read_page(rules / "index.html")
    linked = {PurePosixPath(link).parts[0] for link in index.links if link.startswith("ho")}
    for code in RULES:
        page = rules / code.lower() / "index.html"
        assert page.is_file(), f"rule {code} has no page"
        assert code.lower() in linked, f"the rules index does not link {code}"
        headings = read_page(page).headings.values()
        assert any(heading.startswith(code) for heading in headings), code


# -- no broken internal link ----------------------------------------------------------------


def test_no_broken_internal_links(site: Path) -> None:
    pages = {path: read_page(path) for path in site.rglob("*.html")}
    assert len(pages) > 10
    broken: list[str] = []
    for path, page in pages.items():
        for link in page.links:
            problem = _broken(link, path, site, pages)
            if problem:
                broken.append(f"{path.relative_to(site)}: {link} ({problem})")
    assert not broken, "broken links:\n" + "\n".join(broken)


def _broken(link: str, page: Path, site: Path, pages: dict[Path, Page]) -> str | None:
    parts = urlsplit(link)
    if parts.scheme or parts.netloc:
        return None  # an external address, mailto: or tel:
    if parts.path.startswith("/"):
        target = site / unquote(parts.path).lstrip("/")  # the 404 page's links
    else:
        target = page.parent / unquote(parts.path)
    if target.is_dir():
        target = target / "index.html"
    target = target.resolve()
    if not target.is_relative_to(site.resolve()):
        return "outside the site"
    if not target.is_file():
        return "no such file"
    if parts.fragment and target.suffix == ".html":
        ids = pages[next(p for p in pages if p.resolve() == target)].ids
        if unquote(parts.fragment) not in ids:
            return f"no anchor #{parts.fragment}"
    return None


def test_strict_build_has_no_warnings(build: tuple[Path, str]) -> None:
    _, log = build
    assert "WARNING" not in log, log


# -- what the guide tells people to do ------------------------------------------------------


def test_schema_line_is_the_one_the_scaffold_writes() -> None:
    page = (DOCS / "getting-started.md").read_text("utf-8")
    first = scaffold.example_offer(f"../{scaffold.SCHEMA_FILE}", date(2030, 1, 1)).split("\n")[0]
    assert first.startswith("# yaml-language-server: $schema=")
    assert first in page


def test_getting_started_lists_every_file_of_a_new_site(tmp_path: Path) -> None:
    written = scaffold.new_site(tmp_path / "site", "Test", date(2030, 1, 1))
    page = (DOCS / "getting-started.md").read_text("utf-8")
    for name in written.files:
        assert f"`{name}`" in page, f"{name} is missing from getting-started.md"


@pytest.fixture
def example_site(tmp_path: Path) -> Path:
    root = tmp_path / "example"
    root.mkdir()
    shutil.copy(REPO_ROOT / "site_config.yml", root)
    shutil.copytree(REPO_ROOT / "offers", root / "offers")
    shutil.copytree(REPO_ROOT / "docs", root / "docs", ignore=shutil.ignore_patterns("assets"))
    return root


def _run(line: str, cwd: Path, env: dict[str, str]) -> None:
    path = f"{Path(sys.executable).parent}:{mkdocs_env().get('PATH', '')}"
    result = subprocess.run(
        ["bash", "-e", "-o", "pipefail", "-c", line],
        cwd=cwd,
        env={**mkdocs_env(), **env, "PATH": path},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, f"`{line}` failed:\n{result.stdout}\n{result.stderr}"


def test_github_pages_workflow_of_the_guide_runs_as_written(example_site: Path) -> None:
    """guide/snippets/github-pages.yml, shown on the Publishing page: its shell lines run
    (without installs) on a copy of the example site, and it uploads what they build."""
    workflow = yaml.safe_load((SNIPPETS / "github-pages.yml").read_text("utf-8"))
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert {"pages": "write", "id-token": "write"}.items() <= workflow["permissions"].items()
    for step in build["steps"]:
        if "run" in step and not INSTALL.match(step["run"].strip()):
            env = {key: str(value) for key, value in step.get("env", {}).items()}
            _run(step["run"].strip(), example_site, env)
    upload = build["steps"][-1]
    assert upload["uses"].startswith("actions/upload-pages-artifact@")
    assert (example_site / upload["with"]["path"] / "offers" / "index.html").is_file()
    assert deploy["needs"] == "build"
    assert deploy["steps"][-1]["uses"].startswith("actions/deploy-pages@")
    assert deploy["environment"]["name"] == "github-pages"


def test_netlify_and_cloudflare_commands_run_as_written(example_site: Path) -> None:
    config = tomllib.loads((SNIPPETS / "netlify.toml").read_text("utf-8"))
    command = config["build"]["command"]
    env = {key: str(value) for key, value in config["build"]["environment"].items()}
    publishing = (DOCS / "publishing.md").read_text("utf-8")
    assert f"| Build command | `{command}` |" in publishing, "Cloudflare's command differs"
    assert f"| Build output directory | `{config['build']['publish']}` |" in publishing
    for part in command.split("&&"):
        if not INSTALL.match(part.strip()):
            _run(part.strip(), example_site, env)
    assert (example_site / config["build"]["publish"] / "offers" / "index.html").is_file()


def test_guide_is_built_and_published_by_make_and_its_workflow() -> None:
    makefile = (REPO_ROOT / "Makefile").read_text("utf-8")
    assert re.search(r"^\.PHONY:.*\bguide\b", makefile, re.MULTILINE)
    target = re.search(r"^guide:.*\n((?:\t.*\n)+)", makefile, re.MULTILINE)
    assert target is not None, "no `guide` target in the Makefile"
    assert "mkdocs build --strict -f guide/mkdocs.yml" in target.group(1)
    workflow = yaml.safe_load((REPO_ROOT / "ci-recipes" / "github-pages-guide.yml").read_text())
    steps = [step for job in workflow["jobs"].values() for step in job["steps"]]
    assert any(step.get("run", "").strip() == "make guide" for step in steps)
    upload = next(
        s for s in steps if s.get("uses", "").startswith("actions/upload-pages-artifact@")
    )
    assert upload["with"]["path"] == "guide/site"
    assert any(s.get("uses", "").startswith("actions/deploy-pages@") for s in steps)
