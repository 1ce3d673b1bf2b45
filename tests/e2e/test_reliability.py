"""Builds are all or nothing, reproducible, offline, and safe with hostile offer text."""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT, mkdocs_env, offer_yaml, run_mkdocs

pytestmark = pytest.mark.e2e


def tree_digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def leftovers(parent: Path) -> list[str]:
    return [p.name for p in parent.iterdir() if "honest-offers" in p.name]


@pytest.mark.parametrize(
    "breakage",
    [
        pytest.param(offer_yaml(does_not=None), id="invalid-offer"),
        pytest.param(offer_yaml(summary="Hurry, only 2 visits left."), id="pressure-tactic"),
    ],
)
def test_a_failed_build_leaves_the_previous_site_untouched(
    make_site: Callable[..., Path], tmp_path: Path, breakage: str
) -> None:
    root = make_site({"garden-plan.yml": offer_yaml()})
    out = tmp_path / "out"
    assert run_mkdocs("build", "-d", str(out), cwd=root).returncode == 0
    before = tree_digest(out)
    (root / "offers" / "garden-plan.yml").write_text(breakage, encoding="utf-8")
    (root / "docs" / "new-page.md").write_text("# New\n", encoding="utf-8")
    result = run_mkdocs("build", "-d", str(out), cwd=root)
    assert result.returncode == 1
    assert tree_digest(out) == before
    assert leftovers(tmp_path) == []


HOOK_FAILURES = {
    "another-plugin-error": (
        "from mkdocs.exceptions import PluginError\n"
        "def on_post_page(output, page, config):\n"
        "    raise PluginError('another plugin failed')\n"
    ),
    # After honest-offers' own last post-build step (priority -100): the build is finished
    # when the interrupt comes, and still must not be published.
    "interrupt-after-post-build": (
        "from mkdocs.plugins import event_priority\n"
        "@event_priority(-200)\n"
        "def on_post_build(config):\n"
        "    raise KeyboardInterrupt\n"
    ),
    "interrupt-while-building": (
        "def on_page_markdown(markdown, page, config, files):\n    raise KeyboardInterrupt\n"
    ),
}


@pytest.mark.parametrize(
    "breakage",
    [
        # Strict mode aborts after every plugin's on_post_build ran: a broken link warns.
        pytest.param(("strict-warning", None), id="strict-abort"),
        *(pytest.param((name, code), id=name) for name, code in HOOK_FAILURES.items()),
    ],
)
def test_an_aborted_build_leaves_the_previous_site_byte_identical(
    make_site: Callable[..., Path], tmp_path: Path, breakage: tuple[str, str | None]
) -> None:
    name, hook = breakage
    root = make_site({"garden-plan.yml": offer_yaml()})
    out = tmp_path / "out"
    assert run_mkdocs("build", "--strict", "-d", str(out), cwd=root).returncode == 0
    (out / "marker.txt").write_text("the site that is live", encoding="utf-8")
    before = tree_digest(out)
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    if hook is None:
        (root / "docs" / "broken.md").write_text("# Broken\n\n[x](missing.md)\n", "utf-8")
    else:
        (root / "hook.py").write_text(hook, encoding="utf-8")
        (root / "mkdocs.yml").write_text(config + "hooks:\n  - hook.py\n", "utf-8")
    result = run_mkdocs("build", "--strict", "-d", str(out), cwd=root)
    assert result.returncode != 0, name
    assert "published the finished build" not in result.stderr
    assert tree_digest(out) == before
    assert leftovers(tmp_path) == []


def test_a_failed_first_build_produces_no_site(
    make_site: Callable[..., Path], tmp_path: Path
) -> None:
    root = make_site({"garden-plan.yml": offer_yaml(summary="Last chance: ends tonight.")})
    result = run_mkdocs("build", "-d", str(tmp_path / "out"), cwd=root)
    assert result.returncode == 1
    assert not (tmp_path / "out").exists()
    assert leftovers(tmp_path) == []


def test_a_good_build_replaces_the_old_site_completely(
    make_site: Callable[..., Path], tmp_path: Path
) -> None:
    root = make_site({"garden-plan.yml": offer_yaml()})
    out = tmp_path / "out"
    out.mkdir()
    (out / "stale.html").write_text("old", encoding="utf-8")
    assert run_mkdocs("build", "-d", str(out), cwd=root).returncode == 0
    assert not (out / "stale.html").exists()
    assert (out / "offers" / "garden-plan" / "index.html").is_file()
    assert leftovers(tmp_path) == []


def test_two_builds_of_the_same_sources_are_byte_identical(tmp_path: Path) -> None:
    digests = []
    for name in ("one", "two"):
        result = run_mkdocs(
            "build", "-f", "site_config.yml", "-d", str(tmp_path / name), cwd=REPO_ROOT
        )
        assert result.returncode == 0, result.stderr
        digests.append(tree_digest(tmp_path / name))
    assert digests[0] == digests[1]


NO_NETWORK = """
import socket, sys
attempts = []
def refuse(*args, **kwargs):
    attempts.append(args)
    raise OSError("network access is blocked in this test")
socket.socket.connect = refuse
socket.socket.connect_ex = refuse
socket.create_connection = refuse
socket.getaddrinfo = refuse
import atexit
record = sys.argv[1]
atexit.register(lambda: open(record, "w").write(repr(attempts)))
sys.argv = ["mkdocs", *sys.argv[2:]]
from mkdocs.__main__ import cli
cli()
"""


def test_a_build_makes_no_network_request(tmp_path: Path) -> None:
    import subprocess

    record = tmp_path / "attempts.txt"
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            NO_NETWORK,
            str(record),
            "build",
            "-f",
            "site_config.yml",
            "-d",
            str(tmp_path / "out"),
        ],
        cwd=REPO_ROOT,
        env=mkdocs_env(),
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert record.read_text("utf-8") == "[]"


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


HOSTILE_DETAILS = """\
## About <script>alert('title')</script>

Click <a href="javascript:alert(1)">here</a> or <a href="https://example.org/x">there</a>.

<img src="x.png" onerror="alert(2)" style="position:fixed;top:0">
<p style="background:url(https://tracker.example/p.gif)" onclick="steal()">Styled</p>
<iframe src="https://example.org"></iframe>
<form action="https://collect.example"><input name="card"></form>
<a href="data:text/html;base64,PHNjcmlwdD4=">data link</a>
"""


def test_hostile_offer_text_is_escaped_or_sanitised(
    make_site: Callable[..., Path], tmp_path: Path
) -> None:
    text = offer_yaml(
        title="<b onmouseover=alert(3)>Plan</b>",
        does=['"><script>alert(4)</script>'],
        details=HOSTILE_DETAILS,
        alternatives=[{"name": "Guide", "url": "https://example.org/guide"}],
        seller={"name": "Studio", "contact": "https://studio.example/contact"},
    )
    root = make_site({"x.yml": text})
    result = run_mkdocs("build", "-d", str(tmp_path / "out"), cwd=root)
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "out" / "offers" / "x" / "index.html").read_text("utf-8")
    article = page.split("<article", 1)[1].split("</article>", 1)[0]
    parser = _Links()
    parser.feed(article)
    for tag, attrs in parser.tags:
        assert tag not in {"script", "iframe", "form", "input", "object", "embed"}, tag
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        assert "style" not in attrs or tag == "span", (tag, attrs)
        href = attrs.get("href") or attrs.get("src") or ""
        assert not href.lower().startswith(("javascript:", "data:")), (tag, attrs)
        if tag == "a" and href.startswith(("http://", "https://")):
            assert attrs.get("rel") == "noopener noreferrer", attrs
    assert "&lt;script&gt;alert(4)&lt;/script&gt;" in article
    assert "&lt;b onmouseover=alert(3)&gt;Plan&lt;/b&gt;" in article
