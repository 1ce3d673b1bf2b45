"""honest-offers: transparent offer pages from YAML, and a check that rejects pressure tactics.

The offer model, the loader and the honesty check stand on their own; the MkDocs plugin in
:mod:`honest_offers.mkdocs_plugin` is a thin adapter over them.
"""

from __future__ import annotations

__version__ = "0.1.0"
"""The one place the version is written: the package metadata (pyproject.toml reads it),
``honest-offers --version`` and the ``version`` of every report come from here. Update
CHANGELOG.md with it."""
