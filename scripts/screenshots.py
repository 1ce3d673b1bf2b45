"""Take the README screenshots of a built example site with headless Chromium.

This script builds nothing. Build the site first, then take the screenshots::

    NO_MKDOCS_2_WARNING=1 .venv/bin/mkdocs build --strict -f site_config.yml
    .venv/bin/python scripts/screenshots.py

It writes three PNGs into ``docs/assets/screenshots/``: one offer page in the light and in
the dark colour scheme (``offer-light.png``, ``offer-dark.png``) and the offers index
(``index.png``).

The site is served by a small HTTP server on 127.0.0.1 for the duration of the run.
Chromium is started with a dead proxy and a host resolver that knows no other host, so no
request leaves the machine. The site's palette follows ``prefers-color-scheme``; the script
checks in the rendered DOM that each shot really got the scheme it asked for (``default``
or ``slate``), and fails otherwise.

Requires a Chromium binary (Debian: ``apt-get install chromium``); pass ``--chromium`` if it
is not on ``PATH`` as ``chromium``, ``chromium-browser`` or ``google-chrome``.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from honest_offers.loopback import serve_folder

Scheme = Literal["light", "dark"]

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SITE = ROOT / "site"
DEFAULT_OUT = ROOT / "docs" / "assets" / "screenshots"
DEFAULT_OFFER = "website-audit"
TIMEOUT = 60
"""Seconds for one Chromium run; a normal run takes about two."""
ATTEMPTS = 3
SIZE_LIMIT = 400 * 1024
"""Bytes; a larger PNG makes the README slow to load, so the script warns about it."""

MATERIAL_SCHEMES: dict[Scheme, str] = {"light": "default", "dark": "slate"}
_SCHEME_ATTR = re.compile(r'data-md-color-scheme="([^"]+)"')

BROWSER_FLAGS: tuple[str, ...] = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-default-apps",
    "--disable-domain-reliability",
    "--no-first-run",
    "--no-default-browser-check",
    "--hide-scrollbars",
    "--force-device-scale-factor=1",
    # Nothing may leave the machine: names other than 127.0.0.1 do not resolve, and every
    # non-loopback connection goes to a proxy port where nothing listens.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
    "--proxy-server=http://127.0.0.1:9",
    # Let Material's JavaScript pick the palette before the page is captured.
    "--virtual-time-budget=4000",
)
SCHEME_FLAGS: dict[Scheme, tuple[str, ...]] = {
    "light": ("--blink-settings=preferredColorScheme=1",),
    "dark": ("--force-dark-mode", "--blink-settings=preferredColorScheme=0"),
}


@dataclass(frozen=True, slots=True)
class Shot:
    name: str
    """File name of the PNG in the output folder."""
    path: str
    """Page path below the site root, e.g. ``offers/website-audit/``."""
    scheme: Scheme
    height: int


def find_chromium(explicit: str | None) -> str:
    candidates = [explicit] if explicit else ["chromium", "chromium-browser", "google-chrome"]
    for name in candidates:
        found = shutil.which(name)
        if found:
            return found
    raise SystemExit(
        "screenshots: no Chromium found; install it (Debian: apt-get install chromium) "
        "or pass --chromium /path/to/chromium"
    )


def run_chromium(
    chromium: str, url: str, scheme: Scheme, width: int, height: int, action: Sequence[str]
) -> str:
    """Run one headless Chromium with a fresh profile; returns its stdout.

    Headless Chromium occasionally hangs instead of exiting. Each run gets its own process
    group, which is killed as a whole on timeout (no stray renderers), and is retried.
    """
    for attempt in range(1, ATTEMPTS + 1):
        with tempfile.TemporaryDirectory(prefix="ho-shots-") as profile:
            command = [
                chromium,
                *BROWSER_FLAGS,
                *SCHEME_FLAGS[scheme],
                f"--user-data-dir={profile}",
                f"--window-size={width},{height}",
                *action,
                url,
            ]
            process = subprocess.Popen(
                command,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                start_new_session=True,
            )
            try:
                stdout, stderr = process.communicate(timeout=TIMEOUT)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.communicate()
                print(
                    f"screenshots: chromium did not finish within {TIMEOUT} s for {url} "
                    f"(attempt {attempt} of {ATTEMPTS})",
                    file=sys.stderr,
                )
                continue
        if process.returncode != 0:
            raise SystemExit(
                f"screenshots: chromium failed ({process.returncode}) for {url}:\n{stderr}"
            )
        return stdout
    raise SystemExit(f"screenshots: chromium hung {ATTEMPTS} times for {url}; giving up")


def rendered_scheme(chromium: str, url: str, scheme: Scheme, width: int) -> str | None:
    """The Material colour scheme the page ends up with, read from the rendered DOM."""
    dom = run_chromium(chromium, url, scheme, width, 800, ["--dump-dom"])
    match = _SCHEME_ATTR.search(dom)
    return match.group(1) if match else None


def take(chromium: str, base_url: str, shot: Shot, out: Path, width: int) -> Path:
    url = base_url + shot.path
    expected = MATERIAL_SCHEMES[shot.scheme]
    got = rendered_scheme(chromium, url, shot.scheme, width)
    if got != expected:
        raise SystemExit(
            f"screenshots: {shot.name} should use the `{expected}` palette, "
            f"but the page rendered with `{got}`"
        )
    target = out / shot.name
    # Write next to the target first, so a failed run leaves the previous picture in place.
    partial = out / f".{shot.name}.partial.png"
    partial.unlink(missing_ok=True)
    run_chromium(chromium, url, shot.scheme, width, shot.height, [f"--screenshot={partial}"])
    if not partial.is_file() or partial.stat().st_size == 0:
        partial.unlink(missing_ok=True)
        raise SystemExit(f"screenshots: chromium wrote no image for {url}")
    partial.replace(target)
    return target


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Screenshot one offer page (light and dark) and the offers index of a "
        "built site with headless Chromium. Builds nothing itself.",
    )
    parser.add_argument(
        "site", nargs="?", type=Path, default=DEFAULT_SITE, help="built site (default: site/)"
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=DEFAULT_OUT,
        help="folder for the PNGs (default: docs/assets/screenshots/)",
    )
    parser.add_argument(
        "--offer",
        default=DEFAULT_OFFER,
        help=f"slug of the offer page to capture (default: {DEFAULT_OFFER})",
    )
    parser.add_argument(
        "--index-path", default="offers/", help="path of the offers index (default: offers/)"
    )
    parser.add_argument("--width", type=int, default=1280, help="window width in CSS pixels")
    parser.add_argument(
        "--offer-height", type=int, default=1775, help="window height for the offer page"
    )
    parser.add_argument(
        "--index-height", type=int, default=1100, help="window height for the index page"
    )
    parser.add_argument("--chromium", help="path or name of the Chromium binary")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    site: Path = args.site.resolve()
    index_path = args.index_path.strip("/") + "/"
    offer_path = f"{index_path}{args.offer}/"
    for page in (offer_path, index_path):
        if not (site / page / "index.html").is_file():
            raise SystemExit(
                f"screenshots: {site / page / 'index.html'} is missing; build the site first "
                "(mkdocs build -f site_config.yml) or check --offer / --index-path"
            )
    chromium = find_chromium(args.chromium)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    shots = (
        Shot("offer-light.png", offer_path, "light", args.offer_height),
        Shot("offer-dark.png", offer_path, "dark", args.offer_height),
        Shot("index.png", index_path, "light", args.index_height),
    )
    too_large = False
    with serve_folder(site) as base_url:
        for shot in shots:
            target = take(chromium, base_url, shot, out, args.width)
            size = target.stat().st_size
            note = ""
            if size > SIZE_LIMIT:
                too_large = True
                note = f"  (larger than {SIZE_LIMIT // 1024} KB; use a smaller height)"
            print(f"{target}: {size // 1024} KB{note}")
    return 1 if too_large else 0


if __name__ == "__main__":
    sys.exit(main())
