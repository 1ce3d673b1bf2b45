"""The ``honest-offers`` command line (see issue: CLI and CI integration)."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``honest-offers`` console script."""
    del argv
    sys.stderr.write("honest-offers: the command line is not built yet; use `mkdocs build`.\n")
    return 2
