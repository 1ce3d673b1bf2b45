"""A check run's report in every output format: text, JSON, GitHub annotations, SARIF, JUnit.

Independent of the command line, so other tools (a build script, an editor plugin, another
generator's adapter) can produce the same reports from a :class:`~.model.Report`:

* ``text`` — the wording of :mod:`.problem` and :mod:`.findings`, for people (:mod:`.text`);
* ``json`` — ``{"version", "findings", "suppressed", "problems", "summary"}``
  (:mod:`.json_report`);
* ``github`` — GitHub Actions workflow commands (``::error file=…::…``) that become
  annotations on the changed lines (:mod:`.github`);
* ``sarif`` — SARIF 2.1.0 for code-scanning dashboards (:mod:`.sarif`);
* ``junit`` — JUnit XML that GitLab, Jenkins and other CI systems show as test results
  (:mod:`.junit`).

This module is the registry: it maps each format's name to the module path of its renderer
and imports that module when the format is first used, so a run loads only the format it
prints (JUnit's ElementTree, for one, is 12 ms of start-up). The format modules import the
model (:mod:`.model`), never this registry or each other.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Literal, cast

from honest_offers.report.model import Report

Format = Literal["text", "json", "github", "sarif", "junit"]
FORMATS: tuple[Format, ...] = ("text", "json", "github", "sarif", "junit")

RENDERERS: dict[Format, tuple[str, str]] = {
    "text": ("honest_offers.report.text", "to_text"),
    "json": ("honest_offers.report.json_report", "to_json"),
    "github": ("honest_offers.report.github", "to_github"),
    "sarif": ("honest_offers.report.sarif", "to_sarif"),
    "junit": ("honest_offers.report.junit", "to_junit"),
}
"""Each format's renderer, as (module path, function name): ``function(report) -> str``
(``to_text`` also takes ``color``)."""


def renderer(fmt: Format) -> Callable[..., str]:
    """The function that renders ``fmt``, its module imported on first use."""
    module, name = RENDERERS[fmt]
    return cast("Callable[..., str]", getattr(importlib.import_module(module), name))


def render(report: Report, fmt: Format, *, color: bool = False) -> str:
    """The report in ``fmt``; ``color`` (ANSI) applies to ``text`` only."""
    if fmt == "text":
        return renderer(fmt)(report, color=color)
    return renderer(fmt)(report)


__all__ = ["FORMATS", "RENDERERS", "Format", "render", "renderer"]
