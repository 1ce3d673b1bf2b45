"""Instructions the check executes, counted by valgrind's callgrind, for this checkout and
another one: the count is the same for the same code and input whatever else the machine
is doing, so two versions compare on a shared machine where timings move by ±10 % from
minute to minute.

    python bench/instructions.py --baseline ../old-checkout [--offers 1000] [--pages 600]

It writes the benchmark's site for ``--offers`` offers (``bench/generate.py``) into
``bench/.work/instructions-N``, builds it once, and then, for each checkout, runs each phase
once uncounted (a new version stores its compiled patterns at its first run) and counts four
runs in a child process under callgrind: one that only sets up (imports, compiled patterns,
reading the files), one that also loads and checks the offers (``load_catalog`` and
``check_sources``), one that also checks the first ``--pages`` offer pages (``check_html``),
and one that also checks the built site's scripts and styles (Material's bundles, which every
check of a built Material site reads). Each phase is its run less the set-up run. Needs
valgrind (Debian's package); about a minute per run.

Instructions are not seconds (a cache miss costs more than an addition), but for a change to
Python code they move together; `results.md` holds the timed figures.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
_REFS = re.compile(r"refs:\s*([\d,]+)")


def work(site: Path, mode: str, pages: int) -> None:
    """What a counted run does (in the child, under callgrind)."""
    from honest_offers.catalog import load_catalog
    from honest_offers.check.html import check_html
    from honest_offers.check.sources import FILE_KINDS
    from honest_offers.check.text import compile_all
    from honest_offers.site import check_source_file, check_sources, read_layout

    compile_all()
    layout, problems = read_layout(site / "mkdocs.yml")
    assert layout is not None, problems
    built = sorted((site / "site" / "offers").glob("*/index.html"))[:pages]
    texts = [(path.as_posix(), path.read_text("utf-8")) for path in built]
    assert texts, f"no built offer pages in {site / 'site'}"
    assets = [
        (path, FILE_KINDS[path.suffix])
        for path in sorted((site / "site" / "assets").rglob("*"))
        if path.suffix in (".js", ".css")
    ]
    if mode == "sources":
        check_sources(layout, load_catalog(layout.offers_dir, site, date(2026, 1, 1)))
    elif mode == "pages":
        for path, text in texts:
            check_html(text, path)
    elif mode == "assets":
        for asset, kind in assets:
            check_source_file(asset, kind, asset.as_posix())


PHASES = ("sources", "pages", "assets")
"""What is counted, each less the set-up run: the offers, the offer pages, the built site's
scripts and styles."""


def count(checkout: Path, site: Path, mode: str, pages: int) -> int:
    """Instructions of one child run of ``mode`` with ``checkout``'s package."""
    command = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"]
    command += _child(site, mode, pages)
    done = subprocess.run(command, env=_env(checkout), capture_output=True, text=True, check=True)
    found = _REFS.search(done.stderr)
    if found is None:
        raise SystemExit(f"callgrind printed no count:\n{done.stderr[-2000:]}")
    return int(found.group(1).replace(",", ""))


def warm_up(checkout: Path, site: Path, pages: int) -> None:
    """Runs every phase once, uncounted: the compiled patterns a new version of the check
    stores at its first run (and the bytecode of changed modules) are then in place, so the
    set-up run costs what it costs the counted runs."""
    for mode in PHASES:
        subprocess.run(_child(site, mode, pages), env=_env(checkout), check=True)


def _child(site: Path, mode: str, pages: int) -> list[str]:
    return [sys.executable, __file__, "--child", mode, "--site", str(site), "--pages", str(pages)]


def _env(checkout: Path) -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(checkout / "plugins"), "PYTHONHASHSEED": "0"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def prepare(offers: int) -> Path:
    """The benchmark's site for ``offers`` offers, written and built once."""
    sys.path.insert(0, str(HERE))
    from generate import write_sites

    site = HERE / ".work" / f"instructions-{offers}" / "honest"
    if not (site / "site" / "offers" / "index.html").exists():
        write_sites(site.parent, offers)
        build = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(site / "mkdocs.yml")]
        subprocess.run(build, check=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    return site


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--baseline", type=Path, help="another checkout to compare with")
    parser.add_argument("--offers", type=int, default=1000)
    parser.add_argument("--pages", type=int, default=600)
    parser.add_argument("--site", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--child", choices=("setup", *PHASES), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        work(args.site, args.child, args.pages)
        return 0
    site = prepare(args.offers)
    checkouts = {"this checkout": ROOT}
    if args.baseline is not None:
        checkouts = {"baseline": args.baseline.resolve(), **checkouts}
    figures: dict[str, dict[str, int]] = {}
    for name, checkout in checkouts.items():
        warm_up(checkout, site, args.pages)
        runs = {mode: count(checkout, site, mode, args.pages) for mode in ("setup", *PHASES)}
        figures[name] = {phase: runs[phase] - runs["setup"] for phase in PHASES}
        print(
            f"{name}: {figures[name]['sources'] / 1e9:.3f} G instructions for "
            f"{args.offers:,} offers, {figures[name]['pages'] / 1e9:.3f} G for "
            f"{args.pages:,} pages, {figures[name]['assets'] / 1e9:.3f} G for the scripts "
            "and styles"
        )
    if "baseline" in figures:
        for phase in PHASES:
            ratio = figures["this checkout"][phase] / figures["baseline"][phase]
            print(f"{phase}: {ratio:.3f} of the baseline ({(ratio - 1) * 100:+.1f} %)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
