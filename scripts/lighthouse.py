"""Lighthouse scores of a built page: performance, accessibility, best practices and SEO.

This script builds nothing. Build the site first, install the npm tools once, then run::

    NO_MKDOCS_2_WARNING=1 .venv/bin/mkdocs build --strict -f site_config.yml
    npm ci --ignore-scripts
    .venv/bin/python scripts/lighthouse.py            # the offer page website-audit

It serves the built site on 127.0.0.1 the way a static host does (HTML, CSS, JavaScript,
JSON and SVG compressed with gzip), runs Lighthouse 12 (``node_modules/lighthouse``, pinned
in package.json) on Debian's Chromium (``CHROME_PATH``, default ``/usr/bin/chromium``) with
Lighthouse's default mobile settings (a mid-range phone on a slow 4G network, simulated),
and prints the four category scores, the median of ``--runs`` runs. Chromium resolves no
host but 127.0.0.1, so nothing leaves the machine.

Exit code 1 when a score is below ``--min`` (default 95), 2 when Lighthouse cannot run.
"""

from __future__ import annotations

import argparse
import gzip
import json
import mimetypes
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from honest_offers.loopback import QuietHandler, serve_folder

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SITE = ROOT / "site"
LIGHTHOUSE = ROOT / "node_modules" / "lighthouse" / "cli" / "index.js"
DEFAULT_CHROMIUM = "/usr/bin/chromium"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROME_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--host-resolver-rules='MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'",
)
COMPRESSED = frozenset({".html", ".css", ".js", ".json", ".svg", ".xml", ".txt"})
TIMEOUT = 180
"""Seconds for one Lighthouse run; a normal run takes about ten."""


class _StaticHostHandler(QuietHandler):
    """Files as a static host serves them: text compressed with gzip when asked for."""

    def log_message(self, format: str, *args: Any) -> None:
        """Keep the terminal for the scores."""

    def do_GET(self) -> None:  # noqa: N802 -- the name http.server dispatches GET to
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?", 1)[0].endswith("/"):
            path = path / "index.html"
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wants_gzip and path.suffix in COMPRESSED and path.is_file()):
            super().do_GET()
            return
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", mimetypes.guess_type(path.name)[0] or "text/plain")
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        self.wfile.write(body)


def run_lighthouse(url: str, chromium: str, report: Path | None) -> dict[str, float]:
    """One Lighthouse run; the category scores from 0 to 100."""
    node = shutil.which("node")
    if node is None:
        raise SystemExit("lighthouse: Node.js is not installed")
    with tempfile.TemporaryDirectory(prefix="ho-lighthouse-") as tmp:
        output = Path(tmp) / "report.json"
        command = [
            node,
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={output}",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={' '.join(CHROME_FLAGS)}",
        ]
        env = {**os.environ, "CHROME_PATH": chromium}
        try:
            done = subprocess.run(
                command, env=env, capture_output=True, text=True, timeout=TIMEOUT, check=False
            )
        except subprocess.TimeoutExpired:
            raise SystemExit(f"lighthouse: no result within {TIMEOUT} s for {url}") from None
        if done.returncode != 0 or not output.is_file():
            raise SystemExit(f"lighthouse failed ({done.returncode}) for {url}:\n{done.stderr}")
        if report is not None:
            shutil.copyfile(output, report)
        result = json.loads(output.read_text(encoding="utf-8"))
    if result.get("runtimeError"):
        raise SystemExit(f"lighthouse: {result['runtimeError'].get('message')}")
    return {name: round(result["categories"][name]["score"] * 100) for name in CATEGORIES}


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Lighthouse 12 scores (performance, accessibility, best practices, SEO) "
        "of a page of a built site, served on 127.0.0.1. Builds nothing itself.",
    )
    parser.add_argument(
        "site", nargs="?", type=Path, default=DEFAULT_SITE, help="built site (default: site/)"
    )
    parser.add_argument(
        "--page",
        default="offers/website-audit/",
        help="page path below the site root (default: offers/website-audit/)",
    )
    parser.add_argument("--runs", type=int, default=3, help="runs; the median counts (3)")
    parser.add_argument("--min", type=int, default=95, help="lowest acceptable score (95)")
    parser.add_argument("--report", type=Path, help="write the last run's JSON report here")
    parser.add_argument(
        "--chromium",
        default=os.environ.get("CHROME_PATH", DEFAULT_CHROMIUM),
        help="Chromium binary (default: $CHROME_PATH, else /usr/bin/chromium)",
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    site: Path = args.site.resolve()
    page = args.page.lstrip("/")
    target = site / page / "index.html" if page.endswith("/") or not page else site / page
    if not target.is_file():
        print(f"lighthouse: {target} is missing; build the site first", file=sys.stderr)
        return 2
    if not LIGHTHOUSE.is_file():
        print("lighthouse: node_modules/lighthouse is missing; run `npm ci`", file=sys.stderr)
        return 2
    if not Path(args.chromium).is_file():
        print(f"lighthouse: no Chromium at {args.chromium}", file=sys.stderr)
        return 2
    runs: list[dict[str, float]] = []
    with serve_folder(site, _StaticHostHandler) as base_url:
        for number in range(1, args.runs + 1):
            scores = run_lighthouse(base_url + page, args.chromium, args.report)
            runs.append(scores)
            shown = ", ".join(f"{name} {score:.0f}" for name, score in scores.items())
            print(f"run {number}: {shown}", file=sys.stderr)
    median = {name: statistics.median(run[name] for run in runs) for name in CATEGORIES}
    print(f"Lighthouse 12, /{page}, mobile (simulated slow 4G), median of {len(runs)} runs:")
    for name, score in median.items():
        flag = "" if score >= args.min else f"  (below {args.min})"
        print(f"  {name:<15} {score:>5.0f}{flag}")
    return 0 if all(score >= args.min for score in median.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
