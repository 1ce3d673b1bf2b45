"""The README and the guide tell the truth about the package: every plugin option is in the
README's options table, and the pre-commit snippets name the project's repository and the
current version's tag."""

from __future__ import annotations

import re
import tomllib

import pytest
import yaml

from honest_offers import __version__
from honest_offers.mkdocs_plugin.config import HonestOffersConfig
from tests.conftest import REPO_ROOT

_ROW = re.compile(r"^\| `(\w+)` \|", re.MULTILINE)
_YAML_BLOCK = re.compile(r"^```yaml\n(.*?)^```", re.MULTILINE | re.DOTALL)


def _options_table() -> list[str]:
    readme = (REPO_ROOT / "README.md").read_text("utf-8")
    start = readme.index("| option | default | what it does |")
    table = readme[start : readme.index("\n\n", start)]
    return _ROW.findall(table)


def _project_urls() -> dict[str, str]:
    pyproject = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text("utf-8"))
    urls: dict[str, str] = pyproject["project"]["urls"]
    return urls


def test_the_readme_options_table_lists_every_plugin_option_once() -> None:
    options = [name for name, _ in HonestOffersConfig._schema]
    listed = _options_table()
    assert sorted(listed) == sorted(options)
    assert "rules_url" in listed


def test_the_project_names_its_repository_issues_and_changelog() -> None:
    urls = _project_urls()
    assert set(urls) >= {"Homepage", "Repository", "Issues", "Changelog"}
    assert urls["Issues"].startswith(urls["Repository"] + "/")
    assert urls["Changelog"].startswith(urls["Repository"] + "/")
    assert urls["Changelog"].endswith("/CHANGELOG.md")


@pytest.mark.parametrize(
    "document", ["README.md", "guide/docs/agencies-and-ci.md", ".pre-commit-hooks.yaml"]
)
def test_pre_commit_snippets_point_at_the_repository_and_the_current_tag(document: str) -> None:
    text = (REPO_ROOT / document).read_text("utf-8")
    if document.endswith(".yaml"):  # the snippet is a comment there
        text = (
            "```yaml\n"
            + "\n".join(
                line.removeprefix("# ").removeprefix("#")
                for line in text.splitlines()
                if line.startswith("#   ")
            )
            + "\n```\n"
        )
    snippets = [
        block
        for block in (yaml.safe_load(b) for b in _YAML_BLOCK.findall(text))
        if isinstance(block, dict) and "repos" in block
    ]
    assert snippets, f"{document} has no pre-commit snippet"
    for snippet in snippets:
        (repo,) = snippet["repos"]
        assert repo["repo"] == _project_urls()["Repository"]
        assert repo["rev"] == f"v{__version__}"
        assert [hook["id"] for hook in repo["hooks"]] == ["honest-offers"]
