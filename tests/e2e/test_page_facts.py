"""Real builds of HO7xx on Markdown pages (issue 15): a blog page whose words contradict the
offer it links to fails `mkdocs build` with both places in the message, `honest-offers check`
on the sources finds the same, and the honest version of the page passes both."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import MINIMAL_OFFER, SITE_CONFIG, offer_yaml, run_mkdocs

pytestmark = pytest.mark.e2e

AUDIT = offer_yaml(
    title="Garden audit",
    price={**MINIMAL_OFFER["price"], "amount": 120},
    terms={"cancellation": "A 12-month minimum term, then one month's notice."},
)
TIPS = offer_yaml(title="Planting tips", price={**MINIMAL_OFFER["price"], "amount": 0})
PUSHY = """\
# Spring news

Our audit is free this spring: [book it](../../offers/audit/#price).

## Tips

The [planting tips](../../offers/tips.md) are free, and so is our newsletter.
"""
HONEST = PUSHY.replace("Our audit is free this spring", "Our audit costs €120 this spring")
CANCEL = "# Plans\n\n## The audit\n\nCancel anytime.\n\n[The audit](/offers/audit/)\n"
_LOGGED = re.compile(r"^(\S+):(\d+):(\d+): (HO7\d\d) (.*)$", re.MULTILINE)


def site(make_site: Callable[..., Path], news: str) -> Path:
    return make_site(
        {"audit.yml": AUDIT, "tips.yml": TIPS},
        docs={"index.md": "# Home\n", "blog/2026/spring.md": news, "plans.md": "# Plans\n"},
    )


def check(root: Path, *args: str) -> tuple[int, set[tuple[str, str, int, int]]]:
    code = "from honest_offers.cli import main; raise SystemExit(main())"
    ran = subprocess.run(
        [sys.executable, "-c", code, "check", *args, "--format", "json"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    report = json.loads(ran.stdout)
    found = {(f["rule"], f["path"], f["line"], f["column"]) for f in report["findings"]}
    return ran.returncode, found


def test_a_blog_page_that_calls_a_priced_offer_free_fails_build_and_check_alike(
    make_site: Callable[..., Path], tmp_path: Path
) -> None:
    root = site(make_site, PUSHY)
    (root / "docs" / "plans.md").write_text(CANCEL, encoding="utf-8")
    built = run_mkdocs("build", "-f", "mkdocs.yml", "-d", str(tmp_path / "out"), cwd=root)
    assert built.returncode != 0
    logged = {
        (rule, path, int(line), int(column)): message
        for path, line, column, rule, message in _LOGGED.findall(built.stderr)
    }
    audit = AUDIT.splitlines()
    amount = next(i for i, line in enumerate(audit, 1) if line.strip() == "amount: 120")
    cancellation = next(i for i, line in enumerate(audit, 1) if "cancellation:" in line)
    assert set(logged) == {
        ("HO701", "docs/blog/2026/spring.md", 3, 5),
        ("HO706", "docs/plans.md", 5, 1),
    }, built.stderr
    assert logged["HO701", "docs/blog/2026/spring.md", 3, 5].endswith(
        f"“audit is free”; price.amount (offers/audit.yml, line {amount}, column 11) is 120 EUR"
    )
    assert (
        f"terms.cancellation (offers/audit.yml, line {cancellation}, column"
        in (logged["HO706", "docs/plans.md", 5, 1])
    )
    assert check(root, "mkdocs.yml") == (1, set(logged))


def test_the_honest_page_passes_build_and_check(
    make_site: Callable[..., Path], tmp_path: Path
) -> None:
    root = site(make_site, HONEST)
    built = run_mkdocs(
        "build", "--strict", "-f", "mkdocs.yml", "-d", str(tmp_path / "out"), cwd=root
    )
    assert built.returncode == 0, built.stderr
    assert check(root, "mkdocs.yml") == (0, set())


def test_a_built_folder_has_no_yaml_to_compare_with(
    make_site: Callable[..., Path], tmp_path: Path
) -> None:
    """The check of a built folder alone reads HTML: HO7xx needs the offers' YAML, so it is
    found by the build and by `check` on the sources, not there (the rule docs say so)."""
    root = site(make_site, PUSHY)
    out = tmp_path / "out"
    run_mkdocs("build", "--dirty", "-f", "mkdocs.yml", "-d", str(out), cwd=root)
    assert (out / "blog" / "2026" / "spring" / "index.html").is_file()
    code, found = check(tmp_path, "out")
    assert (code, {f for f in found if f[0].startswith("HO7")}) == (0, set())


def test_links_by_the_sites_own_address_are_followed_by_build_and_check(
    make_site: Callable[..., Path], tmp_path: Path
) -> None:
    """A site published under a sub-path: its pages link to offers by the full address or
    through the sub-path, and their words are checked as for any other link."""
    news = (
        "# News\n\nOur audit is free: [book it](https://garden.example/shop/offers/audit/).\n\n"
        "The [audit](/shop/offers/audit/): no hidden fees, cancel anytime.\n"
    )
    root = make_site(
        {"audit.yml": AUDIT},
        config=f"site_url: https://garden.example/shop/\n{SITE_CONFIG}",
        docs={"index.md": "# Home\n", "news.md": news},
    )
    built = run_mkdocs("build", "-f", "mkdocs.yml", "-d", str(tmp_path / "out"), cwd=root)
    logged = {
        (rule, path, int(line), int(column))
        for path, line, column, rule, _ in _LOGGED.findall(built.stderr)
    }
    assert logged == {
        ("HO701", "docs/news.md", 3, 5),
        ("HO706", "docs/news.md", 5, 51),
    }, built.stderr
    assert check(root, "mkdocs.yml") == (1, logged)
