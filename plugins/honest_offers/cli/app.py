"""The click commands: option parsing and output only; the work is in the other modules."""

from __future__ import annotations

import atexit
import difflib
import gc
import json
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, NoReturn, TypeVar

import click

from honest_offers import __version__
from honest_offers.check import RULES, CheckResult, Rule, caches, runtime
from honest_offers.check.docs import rule_page
from honest_offers.check.scope import Exclusion, ExclusionError, apply_exclusions, exclusion
from honest_offers.cli import progress as progress_display
from honest_offers.cli.selection import Selection, SelectionError, parse_codes
from honest_offers.cli.targets import (
    Job,
    TargetError,
    UnreadableFileError,
    built_sites,
    plan_check,
)
from honest_offers.collector import fewer_collections
from honest_offers.dates import build_date
from honest_offers.diagnostics import Problem
from honest_offers.load.discover import display_path
from honest_offers.report.formats import FORMATS, Format, render
from honest_offers.report.model import (
    LOAD_PROBLEM_HELP,
    LOAD_PROBLEM_ID,
    LOAD_PROBLEM_NAME,
    LOAD_PROBLEM_SUMMARY,
    Report,
)
from honest_offers.site import find_config, read_layout

F = TypeVar("F", bound=Callable[..., Any])


@dataclass(frozen=True, slots=True)
class Invocation:
    """How the command line was started (click's context object)."""

    ends_process: bool = False
    """Started as the console script (:func:`honest_offers.cli.run`): a command that has
    written its report may end the process (:func:`end_process`). Tests and programs that
    call :func:`honest_offers.cli.main` get the exit code back instead."""


def end_process(code: int) -> NoReturn:
    """End the process with ``code`` now, as mypy's fast exit does: run the exit handlers
    (the pattern store is written there), flush the output, and skip the interpreter's
    teardown. What a check read (thousands of offers and pages, the caches of sentences
    and segments) is left to the operating system: freeing it object by object took a
    tenth of a second of a 5,000-offer check, for nobody."""
    atexit.unregister(caches.release)  # emptying the caches would free them too
    atexit._run_exitfuncs()  # CPython's own runner of the handlers, as at a normal exit
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # the report did not reach its reader
            code = 2
    os._exit(code)


CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class CliError(click.ClickException):
    """A usage, configuration or file error: one line on stderr, exit code 2."""

    exit_code = 2

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(f"honest-offers: error: {self.format_message()}", err=True)


def color_wanted(stream: IO[Any]) -> bool:
    """Colour only on a terminal, and never when ``NO_COLOR`` is set (no-color.org)."""
    if os.environ.get("NO_COLOR"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


@click.group(context_settings=CONTEXT)
@click.version_option(__version__, "--version", "-V", prog_name="honest-offers")
def cli() -> None:
    """Honest offer pages: check sites for pressure tactics, and start new sites and offers.

    \b
    Examples:
      honest-offers check                      # the site in this folder
      honest-offers check site/ --format sarif --output honest-offers.sarif
      honest-offers new-site my-client-site
      honest-offers explain HO201

    Run `honest-offers COMMAND --help` for each command's options.
    """


report_format = click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="Output format.",
)
"""`--format`: the report's format, for `check` and `build` alike."""


def report_output(what_else: str) -> Callable[[F], F]:
    """`--output FILE`: the report in a file; ``what_else`` says what still goes to stderr."""
    return click.option(
        "--output",
        "-o",
        type=click.Path(dir_okay=False, path_type=Path),
        help=f"Write the report to FILE instead of standard output; {what_else}.",
    )


CHECK_HELP = """Check offers, pages, templates, scripts and styles for pressure tactics.

PATH may be (default: the site config in this folder, site_config.yml, then mkdocs.yml):

\b
  a site config, or a folder with one
      the site's sources, without building it: offers, Markdown pages,
      theme overrides, extra scripts and styles
  a folder with HTML files and no site config
      a built site of any generator (MkDocs, Hugo, Zensical, Jekyll...):
      its HTML, scripts, styles and Markdown (YAML files there are not offers)
  any other folder
      its YAML files as offers, and its Markdown, scripts and styles
  a file, by its suffix
      .yml/.yaml offer (a site config if it has site_name), .md Markdown,
      .html/.htm HTML, .js/.mjs script, .css stylesheet

Hidden files and folders are skipped. Paths in reports are relative to this folder.

With --browser, every page of the built sites in PATH (folders of HTML files, or single
HTML files) is also opened in headless Chromium, served from 127.0.0.1 with no request
let out, under a controlled clock: text that changes over time or from visit to visit is
reported as HO618 (text-changes-by-itself), whatever the script that changes it looks like.
Pass the built site's root folder, so that its pages find their styles and scripts.

\b
Exit codes:
  0  no error-level findings (warnings and suppressed findings are reported)
  1  error-level findings; with --strict also any warning
  2  usage, configuration or load error: an unknown option or rule code, a
     missing path or config, or a file that cannot be loaded (an invalid offer)

Offers that do not load are reported as load problems with what to fix; the others are
still checked. Text and JSON list load problems as "problems"; SARIF, GitHub and JUnit
report them under the id HO000 (load-problem), which is not a rule and cannot be
selected or ignored.

\b
Formats (--format):
  text    for people; colour on a terminal unless NO_COLOR is set
  json    {"version", "findings", "suppressed", "problems", "summary"};
          version is the honest-offers version that made the report
  github  GitHub Actions annotations (::error file=...,line=...::...)
  sarif   SARIF 2.1.0, for code-scanning dashboards
  junit   JUnit XML, for GitLab, Jenkins and other CI test reports

\b
Examples:
  honest-offers check
  honest-offers check mkdocs.yml
  honest-offers check public/ --format junit --output honest-offers.xml
  honest-offers check offers/garden-plan.yml docs/index.md
  honest-offers check --select HO2,HO5 --ignore HO203
  honest-offers check --strict      # the same verdict as mkdocs build --strict
  honest-offers check --browser site/
"""


@cli.command(
    help=CHECK_HELP,
    short_help="Check a site, a folder or files for pressure tactics.",
    context_settings=CONTEXT,
)
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path), metavar="[PATH]...")
@report_format
@report_output("a one-line summary still goes to standard error")
@click.option(
    "--select",
    multiple=True,
    metavar="CODES",
    help="Report only these rules: comma-separated codes or prefixes (HO2, HO201); "
    "may be repeated. Default: all.",
)
@click.option(
    "--ignore",
    multiple=True,
    metavar="CODES",
    help="Leave out these rules (codes or prefixes). The longest matching prefix of "
    "--select and --ignore decides.",
)
@click.option(
    "--exclude",
    multiple=True,
    metavar="GLOB=REASON",
    help="Leave paths out of the check, with a reason (e.g. 'docs/api/*=API reference, not "
    "sales copy'); their findings are listed as allowed. A site's config can say the same "
    "(the plugin's `exclude`). Offers cannot be excluded. May be repeated.",
)
@click.option(
    "--strict",
    is_flag=True,
    help="Fail (exit 1) on warnings too, as `mkdocs build --strict` does: use it wherever "
    "the site is built with --strict, so both give one verdict.",
)
@click.option(
    "--browser",
    is_flag=True,
    help="Also open every page of the built sites in PATH in headless Chromium and report "
    "text that changes by itself (HO618). Needs Playwright (pip install "
    "'honest-offers[browser]') and an installed Chromium.",
)
@click.option(
    "--chromium",
    metavar="PATH",
    envvar=runtime.CHROMIUM_ENV,
    show_envvar=True,
    help=f"The Chromium binary for --browser. Default: {runtime.DEFAULT_CHROMIUM}.",
)
@click.pass_context
def check(
    ctx: click.Context,
    paths: tuple[Path, ...],
    fmt: Format,
    output: Path | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    exclude: tuple[str, ...],
    strict: bool,
    browser: bool,
    chromium: str | None,
) -> None:
    fewer_collections()
    try:
        selection = Selection(parse_codes(select, "--select"), parse_codes(ignore, "--ignore"))
    except SelectionError as exc:
        raise click.UsageError(str(exc), ctx) from None
    _check_output(output)
    try:
        sites = built_sites(paths, Path.cwd()) if browser else []
        plan = plan_check(paths, Path.cwd(), build_date())
    except TargetError as exc:
        raise CliError(str(exc)) from None
    # The loaded offers live until the process ends: the cycle collector need not walk
    # them again and again while the files are checked.
    gc.freeze()
    result, problems = _run(plan.jobs, plan.problems)
    if sites:
        result, problems = _run_browser(sites, chromium, result, problems)
    exclusions = [*plan.exclusions, *_exclusions(exclude, ctx)]
    result = apply_exclusions(result, exclusions, plan.protected)
    result = selection.apply(result)
    report = Report(
        findings=result.findings,
        suppressed=result.suppressed,
        problems=problems,
        files=plan.files,
        version=__version__,
        strict=strict,
    )
    _emit(report, fmt, output)
    if isinstance(ctx.obj, Invocation) and ctx.obj.ends_process:
        # The run's offers, pages and caches are still referenced here: the process ends
        # before they are freed one object at a time (see end_process).
        end_process(report.exit_code)
    ctx.exit(report.exit_code)


def _check_output(output: Path | None) -> None:
    """Before any work: the report's folder must exist."""
    if output is not None and not output.absolute().parent.is_dir():
        raise CliError(f"--output {output}: the folder {output.parent} does not exist")


def _emit(report: Report, fmt: Format, output: Path | None) -> None:
    """The report on standard output, or in ``output`` with a summary on standard error."""
    if output is None:
        color = fmt == "text" and color_wanted(sys.stdout)
        try:
            click.echo(render(report, fmt, color=color), nl=False, color=color)
        except BrokenPipeError:
            raise  # the reader went away: see cli.main
        except OSError as exc:  # a full disk or a device that takes no output
            raise CliError(f"the report could not be written: {exc.strerror or exc}") from None
        return
    try:
        output.write_text(render(report, fmt), encoding="utf-8", newline="\n")
    except OSError as exc:
        raise CliError(f"--output {output}: {exc.strerror or exc}") from None
    click.echo(f"{report.summary_line()} Report: {output}", err=True)


def _exclusions(values: tuple[str, ...], ctx: click.Context) -> list[Exclusion]:
    """``--exclude GLOB=REASON`` values."""
    try:
        return [
            exclusion(*value.split("=", 1)) if "=" in value else exclusion(value, "")
            for value in values
        ]
    except ExclusionError as exc:
        raise click.UsageError(f"--exclude: {exc} (write GLOB=REASON)", ctx) from None


def _run(jobs: Sequence[Job], problems: list[Problem]) -> tuple[CheckResult, list[Problem]]:
    """Every job, with a progress line on a terminal for long runs."""
    result = CheckResult()
    problems = list(problems)
    display = progress_display.Progress(
        len(jobs), sys.stderr, enabled=progress_display.wanted(sys.stderr)
    )
    try:
        for job in jobs:
            try:
                result.extend(job.run())
            except UnreadableFileError as exc:
                problems.append(exc.problem)
            display.advance(job.path)
    finally:
        display.close()
    return result, problems


def _run_browser(
    sites: Sequence[runtime.Site],
    chromium: str | None,
    result: CheckResult,
    problems: list[Problem],
) -> tuple[CheckResult, list[Problem]]:
    """The browser check (HO618) after the static one, with its own progress line."""
    display = progress_display.Progress(
        sum(len(site.pages) for site in sites),
        sys.stderr,
        enabled=progress_display.wanted(sys.stderr),
    )
    try:
        found, more = runtime.check_sites(
            sites, Path.cwd(), chromium=chromium, on_page=display.advance
        )
    except runtime.BrowserCheckError as exc:
        raise CliError(str(exc)) from None
    finally:
        display.close()
    result.extend(found)
    return result, [*problems, *more]


BUILD_HELP = """Build many sites in parallel (an agency's client sites), with one report.

PATH may be a site config, or a folder searched for site configs (site_config.yml, then
mkdocs.yml; a folder with one is a site, its subfolders are not searched; hidden folders,
node_modules and site are skipped). Default: this folder.

Each site is a real `mkdocs build` in a worker process, published only when it succeeds
(a failed build keeps the site that was there). The report has a line per site (offers,
pages, findings, time), then every site's findings and problems, with paths relative to
this folder, in any format of `check`.

\b
Exit codes (as `check`):
  0  every site built, no error-level findings
  1  error-level findings; with --strict also any warning
  2  usage error, an offer that does not load, or a build that failed otherwise

\b
Examples:
  honest-offers build clients/
  honest-offers build clients/ -j 4 --strict --format junit --output builds.xml
  honest-offers build clients/ --shard 2/4    # the second of four CI machines
"""


@cli.command(
    name="build",
    help=BUILD_HELP,
    short_help="Build many sites in parallel, with one report.",
    context_settings=CONTEXT,
)
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path), metavar="[PATH]...")
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=os.cpu_count() or 1,
    show_default="the number of cores",
    help="Sites built at the same time, each in its own process.",
)
@click.option(
    "--shard",
    metavar="I/N",
    help="Build only the I-th of N shares of the sites (sorted by path, every N-th from the "
    "I-th): one share per machine of a CI matrix.",
)
@report_format
@report_output("the site lines and a summary still go to standard error")
@click.option("--strict", is_flag=True, help="Fail on warnings too (`mkdocs build --strict`).")
@click.pass_context
def build(
    ctx: click.Context,
    paths: tuple[Path, ...],
    jobs: int,
    shard: str | None,
    fmt: Format,
    output: Path | None,
    strict: bool,
) -> None:
    from honest_offers.cli import build as builds  # MkDocs loads only for this command

    _check_output(output)
    cwd = Path.cwd()
    try:
        sites = builds.find_sites(paths, cwd)
        if shard is not None:
            sites = builds.shard(sites, *builds.parse_shard(shard), cwd)
    except builds.BuildError as exc:
        raise CliError(str(exc)) from None
    to_stderr = fmt != "text" or output is not None
    outcomes = []
    for outcome in builds.build_sites(sites, cwd, jobs, strict):
        outcomes.append(outcome)
        click.echo(builds.site_line(outcome), err=to_stderr)
    result, problems, files = builds.merged(outcomes)
    report = Report(
        findings=result.findings,
        suppressed=result.suppressed,
        problems=problems,
        files=files,
        version=__version__,
        strict=strict,
    )
    if not to_stderr:
        click.echo()
    _emit(report, fmt, output)
    ctx.exit(report.exit_code)


RULES_HELP = """List the honesty rules: code, name, severity, family and what each finds.

\b
Examples:
  honest-offers rules
  honest-offers rules --format json
"""


@cli.command(help=RULES_HELP, short_help="List the honesty rules.", context_settings=CONTEXT)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output format.",
)
def rules(fmt: str) -> None:
    ordered = sorted(RULES.values(), key=lambda r: r.code)
    if fmt == "json":
        rows = [
            {
                "code": r.code,
                "name": r.name,
                "severity": r.severity,
                "family": r.family,
                "summary": r.summary,
            }
            for r in ordered
        ]
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    table = [("CODE", "NAME", "SEVERITY", "FAMILY", "SUMMARY")]
    table += [(r.code, r.name, r.severity, r.family, r.summary) for r in ordered]
    widths = [max(len(row[i]) for row in table) for i in range(4)]
    for row in table:
        cells = [cell.ljust(widths[i]) for i, cell in enumerate(row[:4])]
        click.echo("  ".join([*cells, row[4]]))


EXPLAIN_HELP = """Show one rule's documentation: why the tactic misleads, an example that fails,
and the honest alternative. CODE is a rule code (HO201) or name (low-stock-claim).

\b
Examples:
  honest-offers explain HO201
  honest-offers explain low-stock-claim
"""


@cli.command(
    help=EXPLAIN_HELP, short_help="Show one rule's documentation.", context_settings=CONTEXT
)
@click.argument("code")
def explain(code: str) -> None:
    wanted = code.strip()
    if wanted.upper() == LOAD_PROBLEM_ID or wanted.lower() == LOAD_PROBLEM_NAME:
        click.echo(
            f"# {LOAD_PROBLEM_ID} `{LOAD_PROBLEM_NAME}`\n\n{LOAD_PROBLEM_SUMMARY}\n\n"
            f"{LOAD_PROBLEM_HELP}"
        )
        return
    rule = _find_rule(wanted)
    if rule is None:
        names = [*RULES, *(r.name for r in RULES.values())]
        close = difflib.get_close_matches(wanted.upper(), list(RULES), n=1, cutoff=0.6)
        close = close or difflib.get_close_matches(wanted.lower(), names, n=1, cutoff=0.6)
        hint = f"; did you mean {close[0]}?" if close else ""
        raise CliError(f"unknown rule `{code}`{hint} (`honest-offers rules` lists every rule)")
    click.echo(rule_page(rule).rstrip("\n"))


def _find_rule(wanted: str) -> Rule | None:
    rule = RULES.get(wanted.upper())
    if rule is not None:
        return rule
    return next((r for r in RULES.values() if r.name == wanted.lower()), None)


SCHEMA_HELP = """Print the offer JSON Schema (draft 2020-12), generated from the offer model.

Editors with the YAML language server validate and complete offer files that start with
a comment naming the schema:

\b
  # yaml-language-server: $schema=../offer.schema.json

\b
Examples:
  honest-offers schema > offer.schema.json
"""


@cli.command(help=SCHEMA_HELP, short_help="Print the offer JSON Schema.", context_settings=CONTEXT)
def schema() -> None:
    from honest_offers.validate.schema import render_schema  # see _add_offers in targets

    click.echo(render_schema(), nl=False)


NEW_SITE_HELP = """Create a site to start from in DIR (a new or empty folder).

\b
It holds:
  site_config.yml         MkDocs config: Material theme, the plugin, Home and Offers
  offer.schema.json       the offer JSON Schema, for editors
  offers/first-consultation.yml
                          an example offer with every field filled in and commented
  docs/index.md           the home page
  .gitignore              leaves the built site/ out of git

It builds with `mkdocs build -f site_config.yml` and passes `honest-offers check` right
away. Its contact details are placeholders (example.com addresses, "Example Studio"):
each is a warning naming its file, line and field, so `--strict` fails until they are
replaced. An existing folder that is not empty is refused: nothing is overwritten.

With --primary and --accent (colours as #rrggbb), the site gets the plugin's `brand` option
with both colours and dark-scheme shades that pass WCAG 2.2 AA contrast; a colour that fails
as link text is refused with the nearest shade that passes.

\b
Examples:
  honest-offers new-site client-site
  honest-offers new-site client-site --name "Garden Studio Meyer"
  honest-offers new-site client-site --primary "#1d4ed8" --accent "#b45309"
"""


@cli.command(
    "new-site",
    help=NEW_SITE_HELP,
    short_help="Create a site to start from.",
    context_settings=CONTEXT,
)
@click.argument("directory", metavar="DIR", type=click.Path(path_type=Path))
@click.option("--name", help="The site's name. Default: from DIR (my-studio → My studio).")
@click.option("--primary", metavar="COLOUR", help="Brand colour for the header and links.")
@click.option("--accent", metavar="COLOUR", help="Brand colour for hover and focus.")
def new_site(directory: Path, name: str | None, primary: str | None, accent: str | None) -> None:
    from honest_offers.cli import scaffold  # the offer model: see _add_offers in targets

    if (primary is None) != (accent is None):
        raise CliError("--primary and --accent go together: give both colours, or neither")
    try:
        brand = scaffold.brand_for(primary, accent) if primary and accent else None
        title = name or scaffold.site_title(directory)
        written = scaffold.new_site(directory, title, build_date(), brand)
    except (scaffold.ScaffoldError, OSError) as exc:
        raise CliError(str(exc)) from None
    click.echo(f"Created {directory}/ with:")
    for path in written.files:
        click.echo(f"  {path}")
    click.echo(
        "\nNext:\n"
        f"  cd {directory}\n"
        "  honest-offers check      # lists the placeholders to replace (example.com, "
        "Example Studio)\n"
        f"  mkdocs serve -f {scaffold.CONFIG_FILE}"
    )


NEW_AGENCY_HELP = """Create an agency repository to start from in DIR (a new or empty folder).

\b
It holds:
  shared-offers/first-consultation.yml
                          an offer every client site shares
  sites/client-a/, sites/client-b/
                          two client sites, each with its own brand, whose offers
                          extend the shared one (seller and contact of their own)
  .github/workflows/client-sites.yml
                          CI: `honest-offers build` in parallel shards, each client
                          site deployed to its own target
  offer.schema.json, .gitignore

DIR is made a git repository (`git init`, when git is installed and DIR is not inside
one already): shared offers must lie inside the repository. The sites build with
`honest-offers build DIR --strict` and pass the check right away.

\b
Example:
  honest-offers new-agency my-agency
"""


@cli.command(
    "new-agency",
    help=NEW_AGENCY_HELP,
    short_help="Create an agency repository with shared offers and two client sites.",
    context_settings=CONTEXT,
)
@click.argument("directory", metavar="DIR", type=click.Path(path_type=Path))
def new_agency(directory: Path) -> None:
    from honest_offers.cli import scaffold  # the offer model: see _add_offers in targets

    try:
        written = scaffold.new_agency(directory, build_date())
    except (scaffold.ScaffoldError, OSError) as exc:
        raise CliError(str(exc)) from None
    click.echo(f"Created {directory}/ with:")
    for path in written.files:
        click.echo(f"  {path}")
    click.echo(scaffold.make_repository(directory))
    click.echo(f"\nNext:\n  honest-offers build {directory} --strict")


NEW_OFFER_HELP = """Create an offer skeleton NAME.yml in the offers folder.

NAME becomes the file name in lower case with hyphens ("Garden plan" → garden-plan.yml),
which is also the offer page's address. An existing offer is never overwritten.

Every value in the skeleton is empty on purpose: until each one is filled in, `honest-offers
check` (exit code 2) and `mkdocs build` fail and name each empty field with an example of
what to write, so a half-written offer can never be published by accident.

The first line names the offer JSON Schema for editors: the nearest offer.schema.json
above the offers folder; if there is none, one is written beside the offers folder.

\b
Examples:
  honest-offers new-offer "Garden plan"
  honest-offers new-offer workshop --dir content/offers
"""


@cli.command(
    "new-offer",
    help=NEW_OFFER_HELP,
    short_help="Create an offer skeleton in the offers folder.",
    context_settings=CONTEXT,
)
@click.argument("name")
@click.option(
    "--dir",
    "offers_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="The offers folder. Default: the offers_dir of the site config in this folder, "
    "else offers/.",
)
def new_offer(name: str, offers_dir: Path | None) -> None:
    from honest_offers.cli import scaffold  # the offer model: see _add_offers in targets

    folder = offers_dir or _default_offers_dir()
    try:
        written = scaffold.new_offer(name, folder)
    except (scaffold.ScaffoldError, OSError) as exc:
        raise CliError(str(exc)) from None
    *schemas, offer = written
    for path in schemas:
        click.echo(f"Created {display_path(path, Path.cwd())} (the offer schema, for editors)")
    click.echo(f"Created {display_path(offer, Path.cwd())}")
    click.echo("Fill in every empty value, then run: honest-offers check")


def _default_offers_dir() -> Path:
    config = find_config(Path.cwd())
    if config is not None:
        layout, _ = read_layout(config)
        if layout is not None:
            try:
                return layout.offers_dir.relative_to(Path.cwd().resolve())
            except ValueError:
                return layout.offers_dir
    return Path("offers")
