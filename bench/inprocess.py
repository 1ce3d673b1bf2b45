"""In-process timings, run by ``bench/run.py`` in a child process; prints one JSON object.

    python bench/inprocess.py check SITE_ROOT BUILT_DIR
    python bench/inprocess.py rebuild SITE_ROOT KIND N EDITS

``check``: the honesty check without process start-up: loading the offers, checking the
sources (``check_sources``), and ``check_html`` over every built page (read into memory
first), each on a fresh process's caches.

``rebuild``: what ``mkdocs serve`` does after a file changes: load the config again and run a
full build (no ``--dirty``), in the same process as the first build, as serve does. The
middle offer (or its Markdown page) gets a different sentence before every rebuild.
"""

from __future__ import annotations

import gc
import json
import logging
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import edit_offer


def check(root: Path, built: Path) -> dict[str, Any]:
    from honest_offers.catalog import load_catalog
    from honest_offers.check.html import check_html
    from honest_offers.check.sources import FILE_KINDS
    from honest_offers.check.text import compile_all
    from honest_offers.site import check_source_file, check_sources, read_layout

    compile_all()
    layout, problems = read_layout(root / "mkdocs.yml")
    assert layout is not None, problems
    gc.collect()
    started = time.process_time()
    catalog = load_catalog(layout.offers_dir, root, date(2026, 1, 1))
    loaded = time.process_time()
    result = check_sources(layout, catalog)
    checked = time.process_time()
    assert not catalog.errors and not result.errors, (catalog.errors, result.findings[:3])
    offers = len(catalog.offers)
    # Each phase on its own, as a run that checks only a built site would be: the offers
    # and the collector's debt for them are gone before the pages are timed.
    del catalog, result
    gc.collect()

    pages = sorted(built.rglob("*.html"))
    texts = [(p.as_posix(), p.read_text(encoding="utf-8")) for p in pages]
    html_bytes = sum(len(t.encode("utf-8")) for _, t in texts)
    gc.collect()
    started_html = time.process_time()
    for path, text in texts:
        check_html(text, path)
    html_seconds = time.process_time() - started_html

    others = [
        (p, FILE_KINDS[p.suffix.lower()])
        for p in sorted(built.rglob("*"))
        if p.suffix.lower() in FILE_KINDS and p.suffix.lower() not in (".html", ".htm")
    ]
    other_bytes = sum(p.stat().st_size for p, _ in others)
    started_other = time.process_time()
    for other, kind in others:
        check_source_file(other, kind, other.as_posix())
    other_seconds = time.process_time() - started_other
    return {
        "offers": offers,
        "load_seconds": loaded - started,
        "check_seconds": checked - loaded,
        "pages": len(texts),
        "html_bytes": html_bytes,
        "html_seconds": html_seconds,
        "other_files": len(others),
        "other_bytes": other_bytes,
        "other_seconds": other_seconds,
    }


def rebuild(root: Path, kind: str, count: int, edits: int) -> dict[str, Any]:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    serve_url = "http://127.0.0.1:8000/"
    with tempfile.TemporaryDirectory(prefix="bench-serve-") as site_dir:

        def get_config() -> Any:
            config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=site_dir)
            config.site_url = serve_url
            return config

        started = time.perf_counter()
        config = get_config()
        config.plugins.on_startup(command="serve", dirty=False)
        build(config, serve_url=serve_url)
        first = time.perf_counter() - started
        times = []
        for round_ in range(edits):
            edit_offer(root, kind, count, round_)
            started = time.perf_counter()
            build(get_config(), serve_url=serve_url)
            times.append(time.perf_counter() - started)
        config.plugins.on_shutdown()
    return {"first": first, "rebuilds": times}


def main() -> None:
    command, *args = sys.argv[1:]
    if command == "check":
        out = check(Path(args[0]), Path(args[1]))
    elif command == "rebuild":
        out = rebuild(Path(args[0]), args[1], int(args[2]), int(args[3]))
    else:
        raise SystemExit(f"unknown command {command}")
    print(json.dumps(out), file=sys.stderr)


if __name__ == "__main__":
    main()
