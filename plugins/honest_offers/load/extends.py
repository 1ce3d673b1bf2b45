"""Offers that start from another file: ``extends: ../../shared-offers/maintenance-plan.yml``.

An agency keeps one shared offer and lets each client site override top-level fields (price,
currency, seller, cta, availability…). The merged document remembers which file gave each
top-level key (:attr:`YamlDocument.bases`), so that validation and the honesty check point
at the file and line that hold a value: the shared file or the override.

The path is relative to the file that names it and must stay inside the repository (the
nearest folder above the offer with a ``.git``, else the site's folder): an offer folder a
client sends must not pull in files from elsewhere, and no offer is fetched from the web.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path

from honest_offers.diagnostics import Problem
from honest_offers.load.discover import OFFER_SUFFIXES
from honest_offers.load.yaml_source import Mark, YamlDocument, parse_yaml, read_text

FIELD = "extends"
MAX_DEPTH = 8
"""Files in one chain of ``extends`` (a shared offer may itself extend a more general one)."""

_URL = re.compile(r"^(?:[A-Za-z][A-Za-z0-9+.-]*:|//)")


def apply_extends(
    document: YamlDocument, source: Path, display_root: Path
) -> tuple[YamlDocument | None, list[Problem]]:
    """``document`` merged over the file it extends (and that file's own base), or problems.

    A document without ``extends`` is returned as it is."""
    if not isinstance(document.data, dict) or FIELD not in document.data:
        return document, []  # most offers (and no path to resolve)
    return _merged(document, source, display_root, (source.resolve(),))


def _merged(
    document: YamlDocument, source: Path, display_root: Path, chain: tuple[Path, ...]
) -> tuple[YamlDocument | None, list[Problem]]:
    if not isinstance(document.data, dict) or FIELD not in document.data:
        return document, []
    base_path, problem = _base_path(document, source, display_root, chain)
    if base_path is None:
        return None, [problem] if problem else []
    base, problems = _read_base(document, base_path, display_root)
    if base is None:
        return None, problems
    base, more = _merged(base, base_path, display_root, (*chain, base_path.resolve()))
    if base is None:
        return None, problems + more
    bases = {key: base.document_for((key,)) for key in base.data if key not in document.data}
    merged = YamlDocument(
        path=document.path,
        text=document.text,
        data={**base.data, **document.data},
        _marks=document._marks,
        bases=bases,
    )
    return merged, problems + more


def _base_path(
    document: YamlDocument, source: Path, display_root: Path, chain: tuple[Path, ...]
) -> tuple[Path | None, Problem | None]:
    """The file ``document`` extends, or the problem with its ``extends`` value."""
    value = document.data[FIELD]
    here = document.mark_for((FIELD,))
    if not isinstance(value, str) or not value.strip():
        return None, _problem(
            document,
            here,
            "`extends` must name a file",
            "a path to a shared offer file, relative to this file",
            "write e.g. `extends: ../../shared-offers/maintenance-plan.yml`, or remove the line",
        )
    if _URL.match(value) or Path(value).is_absolute():
        return None, _problem(
            document,
            here,
            f"`extends: {value}` is not a path relative to this file",
            "a relative path to a file inside the repository (no web addresses)",
            "copy the shared offer into the repository and point at it with a relative path",
        )
    if not value.lower().endswith(OFFER_SUFFIXES):
        return None, _problem(
            document,
            here,
            f"`extends: {value}` does not name a YAML file",
            "a path ending in `.yml` or `.yaml`",
            "point `extends` at the shared offer's YAML file",
        )
    target = (source.parent / value).resolve()
    root = repository_root(source.resolve().parent, display_root.resolve())
    if not target.is_relative_to(root):
        return None, _problem(
            document,
            here,
            f"`extends: {value}` leads outside the repository ({_shown(root, display_root)})",
            "a shared offer inside the repository",
            "move the shared offer into the repository, next to the sites that use it",
        )
    if target in chain:
        cycle = " → ".join(_shown(p, display_root) for p in (*chain, target))
        return None, _problem(
            document,
            here,
            f"`extends` goes round in a circle: {cycle}",
            "a chain of `extends` that ends in a file without `extends`",
            "remove `extends` from one of these files",
        )
    if len(chain) >= MAX_DEPTH:
        return None, _problem(
            document,
            here,
            f"more than {MAX_DEPTH} files extend one another here",
            f"at most {MAX_DEPTH} files in a chain of `extends`",
            "let the offer extend the shared file directly",
        )
    if not target.is_file():
        return None, _problem(
            document,
            here,
            f"`extends: {value}` names a file that does not exist ({_shown(target, display_root)})",
            "a path, relative to this file, to an existing shared offer",
            "check the spelling and the number of `../` in the path",
        )
    return target, None


def _read_base(
    document: YamlDocument, base_path: Path, display_root: Path
) -> tuple[YamlDocument | None, list[Problem]]:
    display = _shown(base_path, display_root)
    text, problems = read_text(base_path, display)
    if text is None:
        return None, problems
    base, problems = parse_yaml(text, display)
    if base is None:
        return None, problems
    if not isinstance(base.data, dict):
        return None, [
            *problems,
            Problem(
                path=display,
                line=1,
                column=1,
                field=None,
                message="a shared offer must be a set of fields (`name: value` lines)",
                expected=f"offer fields, which {document.path} extends",
                fix="write the shared fields as in any offer file, one `name: value` per line",
            ),
        ]
    return base, problems


@lru_cache(maxsize=256)
def repository_root(folder: Path, fallback: Path) -> Path:
    """The nearest folder from ``folder`` up that holds ``.git``; ``fallback`` without one."""
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return fallback


def _shown(path: Path, display_root: Path) -> str:
    """``path`` relative to the site's folder, also when it lies above it (``../shared``)."""
    return Path(os.path.relpath(path, display_root.resolve())).as_posix()


def _problem(document: YamlDocument, mark: Mark, message: str, expected: str, fix: str) -> Problem:
    return Problem(
        path=document.path,
        line=mark.line,
        column=mark.column,
        field=FIELD,
        message=message,
        expected=expected,
        fix=fix,
    )
