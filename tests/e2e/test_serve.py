"""A real `mkdocs serve` on a free loopback port picks up offer edits without a restart."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import mkdocs_env, offer_yaml

pytestmark = pytest.mark.e2e

WAIT = 60.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, ""
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return 0, ""


def wait_for(condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.25)
    pytest.fail(f"timed out after {WAIT:.0f} s waiting for {what}")


@pytest.fixture
def served(make_site: Callable[..., Path], tmp_path: Path) -> Iterator[tuple[Path, str]]:
    root = make_site({"garden-plan.yml": offer_yaml()})
    port = free_port()
    log = (tmp_path / "serve.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=root,
        env=mkdocs_env(),
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(lambda: fetch(base + "/offers/garden-plan/")[0] == 200, "the first build")
        yield root, base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


def test_editing_adding_and_removing_offers_updates_the_site(served: tuple[Path, str]) -> None:
    root, base = served
    offer = root / "offers" / "garden-plan.yml"
    offer.write_text(offer_yaml(title="Garden design, revised"), encoding="utf-8")
    wait_for(
        lambda: "Garden design, revised" in fetch(base + "/offers/garden-plan/")[1],
        "the edited title",
    )

    (root / "offers" / "hedge-care.yml").write_text(offer_yaml(title="Hedge care"), "utf-8")
    wait_for(lambda: fetch(base + "/offers/hedge-care/")[0] == 200, "the added offer")
    wait_for(lambda: "Hedge care" in fetch(base + "/offers/")[1], "the index to list it")

    offer.unlink()
    wait_for(lambda: fetch(base + "/offers/garden-plan/")[0] == 404, "the removed offer")


def test_an_invalid_edit_is_reported_and_the_server_keeps_serving(
    served: tuple[Path, str], tmp_path: Path
) -> None:
    root, base = served
    (root / "offers" / "broken.yml").write_text(offer_yaml(does_not=None), "utf-8")
    log = tmp_path / "serve.log"
    wait_for(
        lambda: "offers/broken.yml:1:1: error: does_not" in log.read_text("utf-8"),
        "the error in the terminal",
    )
    assert fetch(base + "/offers/garden-plan/")[0] == 200
    # The preview shows what to fix at the offer's address, instead of a 404.
    status, page = fetch(base + "/offers/broken/")
    assert status == 200
    assert "Preview only." in page and "does_not: is required but missing" in page
    assert "broken" not in fetch(base + "/offers/")[1].split("ho-compare", 1)[-1]
    (root / "offers" / "broken.yml").write_text(offer_yaml(title="Fixed now"), "utf-8")
    wait_for(lambda: "Fixed now" in fetch(base + "/offers/broken/")[1], "the fixed offer")


def test_findings_are_reported_while_serving_and_the_page_still_updates(
    served: tuple[Path, str], tmp_path: Path
) -> None:
    root, base = served
    offer = root / "offers" / "garden-plan.yml"
    offer.write_text(offer_yaml(summary="Hurry, only 2 visits left this spring."), "utf-8")
    log = tmp_path / "serve.log"
    wait_for(lambda: "pressure tactics found" in log.read_text("utf-8"), "the findings")
    text = log.read_text("utf-8")
    assert "offers/garden-plan.yml:2:" in text and "HO2" in text
    wait_for(
        lambda: "only 2 visits left" in fetch(base + "/offers/garden-plan/")[1],
        "the page to show the edit while the check reports it",
    )
    page = fetch(base + "/offers/garden-plan/")[1]
    notice = page.split('class="ho-preview-notice"', 1)[1].split("</div>", 1)[0]
    assert "Preview only." in notice and "HO2" in notice
