"""Find the offer files in a folder, refusing anything that leads outside it."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from honest_offers.report import Problem

OFFER_SUFFIXES = (".yml", ".yaml")


def discover_offer_files(offers_dir: Path, display_root: Path) -> tuple[list[Path], list[Problem]]:
    """Offer files below ``offers_dir`` in a stable order; hidden files and folders are skipped.

    A symlink whose target lies outside ``offers_dir`` is reported, not followed: an offer
    folder that a client sends must not be able to pull in files from elsewhere.
    """
    root = offers_dir.resolve()
    files: list[Path] = []
    problems: list[Problem] = []
    for path in sorted(_yaml_files(offers_dir)):
        if path.is_symlink() and not path.resolve().is_relative_to(root):
            problems.append(
                Problem(
                    path=display_path(path, display_root),
                    line=None,
                    column=None,
                    field=None,
                    message="this symlink points outside the offers folder",
                    expected=f"offer files inside {display_path(offers_dir, display_root)}",
                    fix="copy the file into the offers folder instead of linking to it",
                )
            )
            continue
        if path.is_file():
            files.append(path)
    return files, problems


def _yaml_files(folder: Path) -> Iterator[Path]:
    """Names ending in an offer suffix below ``folder``, hidden ones and symlinked folders
    skipped (``os.walk``: one directory read per folder, no ``stat`` per file)."""
    for top, dirs, names in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in names:
            if not name.startswith(".") and name.lower().endswith(OFFER_SUFFIXES):
                yield Path(top, name)


def display_path(path: Path, root: Path) -> str:
    """A path as the user sees it: relative to the site's root where possible, with ``/``."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        try:
            return path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()
