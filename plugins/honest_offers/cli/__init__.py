"""The ``honest-offers`` command line: ``check``, ``rules``, ``explain``, ``schema``,
``new-site`` and ``new-offer``.

Only command wiring lives in this package's :mod:`.app`; what a PATH means is in
:mod:`.targets`, the report formats in :mod:`honest_offers.report.formats`.
"""

from __future__ import annotations

import sys
import traceback

from honest_offers.cli.app import cli

__all__ = ["cli", "main"]


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``honest-offers`` console script; returns the exit code.

    0 clean, 1 error-level findings, 2 usage, configuration or load errors. An unexpected
    exception is a bug: its traceback is printed and the exit code is 2, never 1, so that
    CI cannot mistake a crash for findings.
    """
    try:
        cli.main(args=argv, prog_name="honest-offers", standalone_mode=True)
    except SystemExit as exc:
        code = exc.code
        if code is None:
            return 0
        return code if isinstance(code, int) else 2
    except Exception:
        traceback.print_exc()
        sys.stderr.write(
            "honest-offers: internal error (a bug); please report it with the lines above.\n"
        )
        return 2
    return 0
