"""The ``honest-offers`` command line: ``check``, ``rules``, ``explain``, ``schema``,
``new-site`` and ``new-offer``.

Only command wiring lives in this package's :mod:`.app`; what a PATH means is in
:mod:`.targets`; the report and its formats in :mod:`honest_offers.report` (the model in
:mod:`~honest_offers.report.model`, the format registry in
:mod:`~honest_offers.report.formats`).
"""

from __future__ import annotations

import os
import sys
import traceback

import click

from honest_offers.cli.app import Invocation, cli

__all__ = ["cli", "main", "run"]


def run() -> int:
    """The ``honest-offers`` console script: :func:`main`, allowed to end the process as
    soon as a check has written its report (:func:`.app.end_process`)."""
    return main(ends_process=True)


def main(argv: list[str] | None = None, *, ends_process: bool = False) -> int:
    """Entry point of the ``honest-offers`` console script; returns the exit code.

    0 clean, 1 error-level findings, 2 usage, configuration or load errors. Anything else
    that stops a run — an interrupt, a closed pipe, an unexpected exception (a bug, with its
    traceback) — is also 2, never 1, so that CI cannot mistake it for findings.
    """
    try:
        result = cli.main(
            args=argv,
            prog_name="honest-offers",
            standalone_mode=False,
            obj=Invocation(ends_process=ends_process),
        )
    except click.exceptions.Abort:
        sys.stderr.write("honest-offers: interrupted\n")
        return 2
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code if exc.exit_code != 1 else 2
    except BrokenPipeError:
        # The reader went away (`honest-offers check | head`): nothing more to say.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 2
    except Exception:
        traceback.print_exc()
        sys.stderr.write(
            "honest-offers: internal error (a bug); please report it with the lines above.\n"
        )
        return 2
    return result if isinstance(result, int) else 0
