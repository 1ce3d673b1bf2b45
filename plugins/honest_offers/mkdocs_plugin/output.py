"""All or nothing: a build writes into a staging folder and replaces the site only on success.

A failed build (an invalid offer, a pressure tactic, strict mode's abort on a warning, an
error in any plugin, an interrupt) leaves the previous site exactly as it was, so a deploy step
that runs anyway cannot publish half a site. The swap happens when the command shuts down, the
first moment a build is known to have succeeded.
"""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path


class StagedOutput:
    def __init__(self, site_dir: Path) -> None:
        self.target = site_dir
        self.staging = site_dir.parent / f".{site_dir.name}.honest-offers-staging"
        self.previous = site_dir.parent / f".{site_dir.name}.honest-offers-previous"
        self.finished = False
        """Set when the build's post-build work is done; still to survive strict mode."""

    def begin(self) -> str:
        """Clear leftovers of an interrupted run; return the folder MkDocs should write to."""
        self.discard()
        shutil.rmtree(self.previous, ignore_errors=True)
        return str(self.staging)

    def publish(self) -> None:
        """Swap the finished build in with two renames (same folder, so each is atomic)."""
        if not self.staging.is_dir():
            return
        if self.target.exists():
            self.target.replace(self.previous)
        self.staging.replace(self.target)
        shutil.rmtree(self.previous, ignore_errors=True)

    def discard(self) -> None:
        self.finished = False
        shutil.rmtree(self.staging, ignore_errors=True)


def fix_gzip_timestamp(path: Path, mtime: int) -> None:
    """MkDocs stamps ``sitemap.xml.gz`` with the current time; rewrite it with a fixed one so
    that two builds of the same sources are byte-identical."""
    if not path.is_file():
        return
    data = gzip.decompress(path.read_bytes())
    path.write_bytes(gzip.compress(data, compresslevel=9, mtime=mtime))
