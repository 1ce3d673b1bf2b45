"""Find the offer files in a folder, refusing anything that leads outside it."""

from __future__ import annotations

import os
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from honest_offers.diagnostics import Problem
from honest_offers.files import visible_files

OFFER_SUFFIXES = (".yml", ".yaml")


def discover_offer_files(offers_dir: Path, display_root: Path) -> tuple[list[Path], list[Problem]]:
    """Offer files below ``offers_dir`` in a stable order; hidden files and folders are skipped.

    A symlink whose target lies outside ``offers_dir`` is reported, not followed: an offer
    folder that a client sends must not be able to pull in files from elsewhere.
    """
    root = offers_dir.resolve()
    files: list[Path] = []
    problems: list[Problem] = []
    unreadable: list[tuple[str, OSError]] = []
    linked: list[str] = []
    found = sorted(_yaml_entries(offers_dir, unreadable, linked), key=lambda item: item[0])
    for folder in sorted(linked):
        problems.append(
            _unlocated(
                display_path(Path(folder), display_root),
                "this folder is a symlink; offers in linked folders are not read",
                f"real folders inside {display_path(offers_dir, display_root)}",
                "move or copy the folder into the offers folder, or point the plugin's "
                "`offers_dir` at the linked folder itself (offers_dir may be a link)",
            )
        )
    for folder, error in sorted(unreadable):
        problems.append(
            _unlocated(
                display_path(Path(folder), display_root),
                f"this folder cannot be read ({error.strerror or error}); its offers are missing",
                "a folder the build can list",
                "give the build read access to the folder, or move the offers out of it",
            )
        )
    for _, entry in found:
        path = Path(entry.path)
        if entry.is_symlink() and not path.resolve().is_relative_to(root):
            problems.append(
                _unlocated(
                    display_path(path, display_root),
                    "this symlink points outside the offers folder",
                    f"offer files inside {display_path(offers_dir, display_root)}",
                    "copy the file into the offers folder instead of linking to it",
                )
            )
            continue
        if entry.is_file():
            files.append(path)
    return files, problems


def _unlocated(path: str, message: str, expected: str, fix: str) -> Problem:
    """A problem with a whole folder or file: no line, column or field to point at."""
    return Problem(
        path=path, line=None, column=None, field=None, message=message, expected=expected, fix=fix
    )


def _yaml_entries(
    folder: Path, unreadable: list[tuple[str, OSError]], linked: list[str]
) -> Iterator[tuple[tuple[str, ...], os.DirEntry[str]]]:
    """Entries whose names end in an offer suffix below ``folder``, each with its path's
    parts below ``folder`` (the sort key); hidden ones skipped, linked folders not entered
    but added to ``linked``, so that none is skipped silently (:func:`.files.visible_files`).
    """
    for parts, entry in visible_files(folder, unreadable, linked):
        if entry.name.lower().endswith(OFFER_SUFFIXES):
            yield parts, entry


def display_path(path: Path, root: Path) -> str:
    """A path as the user sees it: relative to the site's root where possible, with ``/``.

    A path outside ``root`` as written may lie inside it once links are followed (``..``,
    a linked folder); its folder is resolved once per folder, not once per file: a check of
    5,000 offers outside the working folder spent a tenth of its time resolving."""
    text, base = str(path), str(root)
    if text.startswith(base) and text[len(base) : len(base) + 1] == os.sep:
        return text[len(base) + 1 :].replace(os.sep, "/")  # what relative_to gives, quicker
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        try:
            return (_resolved(path.parent) / path.name).relative_to(_resolved(root)).as_posix()
        except ValueError:
            return path.as_posix()


@lru_cache(maxsize=256)
def _resolved(folder: Path) -> Path:
    return folder.resolve()
