"""An agency's builds: 20 client sites x 50 offers, `honest-offers build -j J` against 20
`mkdocs build` runs one after another, in the same run and interleaved.

    python bench/agency.py                    # 20 sites x 50 offers, -j 2, 2 rounds
    python bench/agency.py --sites 4 --offers 5 --rounds 1    # a quick look

Prints the wall-time ratio (parallel / sequential; the issue's target is ≤ 0.6 on two
cores) and where one site's build time goes: Python start-up with MkDocs, Material and the
plugin imported; the rest of an empty site's build (config, Material's assets copied, one
page); and the pages of 50 offers.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from generate import write_sites

BIN = Path(sys.executable).parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
IMPORTS = "import mkdocs.commands.build, material, honest_offers.mkdocs_plugin.plugin"


def timed(command: Sequence[str], cwd: Path) -> float:
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=ENV, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stdout}\n{result.stderr}")
    return elapsed


def make_agency(root: Path, sites: int, offers: int) -> list[Path]:
    """``sites`` sites of ``offers`` offers each, every site with offers of its own (no
    two sites share a text, so no cache helps one site with another's work)."""
    write_sites(root / "generated", sites * offers)
    generated = root / "generated" / "honest"
    names = sorted(p.name for p in (generated / "offers").glob("*.yml"))
    configs = []
    for number in range(1, sites + 1):
        site = root / "sites" / f"client-{number:02d}"
        shutil.copytree(generated, site, ignore=shutil.ignore_patterns("offers"))
        (site / "offers").mkdir()
        for name in names[(number - 1) * offers : number * offers]:
            shutil.copy(generated / "offers" / name, site / "offers" / name)
        config = site / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        config.write_text(text.replace("site_name:", f"site_name: Client {number} —", 1), "utf-8")
        configs.append(config)
    empty = root / "empty"
    shutil.copytree(root / "generated" / "honest", empty, ignore=shutil.ignore_patterns("*.yml"))
    shutil.copy(root / "generated" / "honest" / "mkdocs.yml", empty / "mkdocs.yml")
    (empty / "offers").mkdir(exist_ok=True)
    return configs


def sequential(configs: Sequence[Path]) -> float:
    return sum(timed([str(BIN / "mkdocs"), "build", "-q", "-f", str(c)], c.parent) for c in configs)


def parallel(root: Path, jobs: int) -> float:
    return timed([str(BIN / "honest-offers"), "build", "sites", "-j", str(jobs)], root)


def breakdown(root: Path, configs: Sequence[Path]) -> dict[str, float]:
    """Medians of three: start-up, an empty site's build beyond it, and one site's pages."""
    startup = statistics.median(timed([sys.executable, "-c", IMPORTS], root) for _ in range(3))
    empty_config = root / "empty" / "mkdocs.yml"
    empty = statistics.median(
        timed([str(BIN / "mkdocs"), "build", "-q", "-f", str(empty_config)], root) for _ in range(3)
    )
    full = statistics.median(
        timed([str(BIN / "mkdocs"), "build", "-q", "-f", str(configs[0])], root) for _ in range(3)
    )
    return {"start-up": startup, "empty site": empty - startup, "pages": full - empty}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sites", type=int, default=20)
    parser.add_argument("--offers", type=int, default=50)
    parser.add_argument("--jobs", "-j", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="honest-offers-agency-") as folder:
        root = Path(folder)
        configs = make_agency(root, args.sites, args.offers)
        subprocess.run(["git", "init", "-q"], cwd=root, check=True)
        pairs = []
        for round_ in range(1, args.rounds + 1):
            a, b = sequential(configs), parallel(root, args.jobs)
            pairs.append((a, b))
            print(f"round {round_}: sequential {a:.1f} s, build -j {args.jobs} {b:.1f} s")
        a = statistics.median(p[0] for p in pairs)
        b = statistics.median(p[1] for p in pairs)
        print(
            f"\n{args.sites} sites x {args.offers} offers, {os.cpu_count()} cores: "
            f"honest-offers build -j {args.jobs} / sequential mkdocs build = {b / a:.2f} "
            f"({b:.1f} s / {a:.1f} s; target ≤ 0.6)"
        )
        parts = breakdown(root, configs)
        total = sum(parts.values())
        print(f"\none site's `mkdocs build` ({total:.2f} s), where the time goes:")
        for name, seconds in parts.items():
            print(f"  {name:<12} {seconds:6.2f} s  {seconds / total:5.0%}")


if __name__ == "__main__":
    main()
