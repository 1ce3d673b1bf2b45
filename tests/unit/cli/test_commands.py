"""The commands in-process (click's runner): options, output, every exit code, help."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from honest_offers import __version__
from honest_offers.check import RULES, caches
from honest_offers.cli import cli, main
from honest_offers.cli import run as console_script
from honest_offers.validate.schema import SCHEMA_PATH, render_schema
from tests.conftest import offer_yaml
from tests.unit.cli.conftest import FIXTURES, SITE_ERRORS, SITE_FINDINGS

COMMANDS = ["check", "rules", "explain", "schema", "new-site", "new-offer"]


@pytest.fixture
def runner(monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.chdir(FIXTURES)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795392000")  # 2026-11-23
    return CliRunner()


def run(runner: CliRunner, *args: str) -> Result:
    return runner.invoke(cli, list(args), catch_exceptions=False)


# -- check: exit codes ---------------------------------------------------------------------


def test_exit_0_when_clean(runner: CliRunner) -> None:
    result = run(runner, "check", "pushy-site/offers/calm.yml")
    assert result.exit_code == 0, result.output
    assert "Checked 1 file." in result.stdout


def test_exit_0_with_only_warnings(runner: CliRunner) -> None:
    result = run(runner, "check", "warnings")
    assert result.exit_code == 0
    assert "HO904 suppression-unused" in result.stdout


def test_exit_1_with_error_findings(runner: CliRunner) -> None:
    result = run(runner, "check", "pushy-site")
    assert result.exit_code == 1
    assert f"honesty check: {SITE_ERRORS} error(s), 1 warning(s), 1 suppressed." in result.stdout
    assert result.stderr == ""


def test_exit_2_with_load_errors_and_the_rest_still_checked(runner: CliRunner) -> None:
    result = run(runner, "check", "broken")
    assert result.exit_code == 2
    assert "broken/offers/broken.yml:1:1: error: does_not: is required but missing" in (
        result.stdout
    )
    assert "broken/offers/pushy.yml:5:5: HO201" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", "missing.md"], "honest-offers: error: missing.md: no such file or folder\n"),
        (["check", "--select", "HO8"], "--select: unknown rule code or prefix `HO8`"),
        (["check", "--ignore", "HO2O1"], "did you mean HO201?"),
        (["check", "--format", "xml"], "Invalid value for '--format'"),
        (["check", "pushy-site", "-o", "nowhere/report.json"], "the folder nowhere does not exist"),
        (["check", "pushy-site", "--colour"], "No such option '--colour'"),
        (["explain", "HO2O1"], "unknown rule `HO2O1`; did you mean HO201?"),
        (["explain", "low-stock"], "did you mean low-stock-claim?"),
        (["nonsense"], "No such command 'nonsense'"),
    ],
)
def test_exit_2_for_usage_errors_with_a_clear_message(
    runner: CliRunner, args: list[str], message: str
) -> None:
    result = run(runner, *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.output


def test_exit_2_without_a_config(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run(runner, "check")
    assert result.exit_code == 2
    assert result.stderr == (
        "honest-offers: error: no site config (site_config.yml or mkdocs.yml) in this folder; "
        "pass a config file, a folder or the files to check\n"
    )


def test_exit_2_for_an_unreadable_config(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("mkdocs.yml").write_text("site_name: [\n", encoding="utf-8")
    result = run(runner, "check")
    assert result.exit_code == 2
    assert result.stderr == (
        "honest-offers: error: mkdocs.yml:2:1: the site config cannot be read: "
        "while parsing a flow node: expected the node content, but found '<stream end>'\n"
    )


# -- check: options ------------------------------------------------------------------------


def test_select_and_ignore(runner: CliRunner) -> None:
    data = json.loads(
        run(runner, "check", "pushy-site", "--format", "json", "--select", "HO1,HO2").stdout
    )
    assert {f["rule"] for f in data["findings"]} == {"HO101", "HO102", "HO103", "HO201"}
    result = run(runner, "check", "pushy-site", "--select", "HO6", "--ignore", "HO601,HO611,HO612")
    assert "HO603" in result.stdout
    assert "HO601" not in result.stdout
    assert result.exit_code == 1
    clean = run(runner, "check", "pushy-site", "--ignore", "HO1,HO2,HO6", "--ignore", "HO9")
    assert clean.exit_code == 0, "exit code follows the selected findings"


@pytest.mark.parametrize("fmt", ["text", "json", "github", "sarif", "junit"])
def test_every_format_to_stdout_and_to_a_file(runner: CliRunner, fmt: str, tmp_path: Path) -> None:
    printed = run(runner, "check", "pushy-site", "--format", fmt)
    assert printed.exit_code == 1
    out = tmp_path / f"report.{fmt}"
    written = run(runner, "check", "pushy-site", "--format", fmt, "--output", str(out))
    assert written.exit_code == 1
    assert written.stdout == ""
    assert written.stderr == (
        f"honest-offers: {SITE_ERRORS} errors, 1 warning, 1 suppressed in 9 files. Report: {out}\n"
    )
    assert out.read_text(encoding="utf-8") == printed.stdout


def test_json_output_has_the_known_findings(runner: CliRunner) -> None:
    data = json.loads(run(runner, "check", "pushy-site", "--format", "json").stdout)
    assert {(f["rule"], f["path"], f["line"]) for f in data["findings"]} == SITE_FINDINGS
    assert data["version"] == __version__


def test_no_colour_when_not_a_terminal_or_with_no_color(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert "\x1b[" not in run(runner, "check", "pushy-site").output
    monkeypatch.setattr("honest_offers.cli.app.color_wanted", lambda stream: True)
    assert "\x1b[1;31mHO201" in run(runner, "check", "pushy-site").output
    assert "\x1b[" not in run(runner, "check", "pushy-site", "--format", "json").output


def test_color_wanted_respects_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    from honest_offers.cli.app import color_wanted

    class Tty:
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    assert color_wanted(Tty())  # type: ignore[arg-type]
    monkeypatch.setenv("NO_COLOR", "1")
    assert not color_wanted(Tty())  # type: ignore[arg-type]
    monkeypatch.setenv("NO_COLOR", "")
    assert color_wanted(Tty()), "an empty NO_COLOR does not count (no-color.org)"  # type: ignore[arg-type]


# -- rules, explain, schema, version, help -------------------------------------------------


def test_rules_table_and_json(runner: CliRunner) -> None:
    table = run(runner, "rules").stdout.splitlines()
    assert table[0].split() == ["CODE", "NAME", "SEVERITY", "FAMILY", "SUMMARY"]
    assert len(table) == len(RULES) + 1
    ho201 = next(line for line in table if line.startswith("HO201"))
    assert ho201.split()[:4] == ["HO201", "low-stock-claim", "error", "Scarcity"]
    rows = json.loads(run(runner, "rules", "--format", "json").stdout)
    assert [r["code"] for r in rows] == sorted(RULES)
    assert rows[0].keys() == {"code", "name", "severity", "family", "summary"}


def test_explain_by_code_or_name(runner: CliRunner) -> None:
    by_code = run(runner, "explain", "ho201")
    assert by_code.exit_code == 0
    assert by_code.stdout.startswith("# HO201 `low-stock-claim`")
    assert "## Why it misleads" in by_code.stdout
    assert "## Honest alternative" in by_code.stdout
    assert run(runner, "explain", "low-stock-claim").stdout == by_code.stdout
    load = run(runner, "explain", "HO000")
    assert load.exit_code == 0
    assert "Not an honesty rule" in load.stdout


def test_schema_prints_the_stored_schema(runner: CliRunner) -> None:
    printed = run(runner, "schema").stdout
    assert printed == render_schema()
    assert printed == SCHEMA_PATH.read_text(encoding="utf-8")


def test_version(runner: CliRunner) -> None:
    assert run(runner, "--version").stdout == f"honest-offers, version {__version__}\n"


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_examples(runner: CliRunner, command: str) -> None:
    result = run(runner, command, "--help")
    assert result.exit_code == 0
    assert "Examples:" in result.stdout
    assert f"honest-offers {command}" in result.stdout
    assert run(runner, command, "-h").stdout == result.stdout


def test_group_help_lists_every_command(runner: CliRunner) -> None:
    result = run(runner, "--help")
    assert all(f"  {command} " in result.stdout for command in COMMANDS)


# -- main() ------------------------------------------------------------------------------


def test_main_returns_the_exit_code(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(FIXTURES)
    assert main(["check", "pushy-site/offers/calm.yml"]) == 0
    assert main(["check", "pushy-site", "--format", "json", "-o", "/dev/null"]) == 1
    assert main(["check", "missing"]) == 2
    assert main(["--version"]) == 0


class _EndedError(BaseException):
    """What ``os._exit`` raises here (not an Exception: main catches those)."""

    def __init__(self, code: int) -> None:
        self.code = code


def test_the_console_script_ends_the_process_once_the_report_is_written(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """As the console script, a check ends the process right after its report: the exit
    handlers run (the pattern store is written there), except the caches' release, and the
    output is flushed; what the run read is not freed first."""
    steps: list[object] = []

    def ended(code: int) -> None:
        steps.append(("exit", code))
        raise _EndedError(code)

    monkeypatch.chdir(FIXTURES)
    monkeypatch.setattr(sys, "argv", ["honest-offers", "check", "pushy-site", "--format", "json"])
    monkeypatch.setattr("atexit.unregister", lambda f: steps.append(("unregister", f)))
    monkeypatch.setattr("atexit._run_exitfuncs", lambda: steps.append("handlers"))
    monkeypatch.setattr("os._exit", ended)
    with pytest.raises(_EndedError):
        console_script()
    assert steps == [("unregister", caches.release), "handlers", ("exit", 1)]
    assert json.loads(capsys.readouterr().out)["summary"]["errors"] == SITE_ERRORS
    monkeypatch.setattr("os._exit", lambda code: pytest.fail("main must return"))
    assert main(["check", "pushy-site", "--format", "json"]) == 1, "main returns the code"


def test_a_crash_is_exit_2_never_1(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(*args: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.chdir(FIXTURES)
    monkeypatch.setattr("honest_offers.cli.app.plan_check", broken)
    assert main(["check"]) == 2
    err = capsys.readouterr().err
    assert "RuntimeError: boom" in err
    assert "internal error" in err


def test_an_interrupt_is_exit_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def interrupted(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.chdir(FIXTURES)
    monkeypatch.setattr("honest_offers.cli.app.plan_check", interrupted)
    assert main(["check"]) == 2
    assert "honest-offers: interrupted" in capsys.readouterr().err


def test_main_usage_errors_are_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--format", "xml"]) == 2
    assert main(["nonsense"]) == 2
    assert main(["--help"]) == 0
    assert "Usage: honest-offers" in capsys.readouterr().out
    assert main([]) == 2, "no command: the help, as a usage error"
    assert "Commands:" in "".join(capsys.readouterr())


def test_strict_fails_on_a_warning_as_the_strict_build_does(tmp_path: Path) -> None:
    """A passed start date is a warning everywhere: exit 0 without --strict, 1 with it —
    the verdict of `mkdocs build` and `mkdocs build --strict`."""
    offers = tmp_path / "offers"
    offers.mkdir()
    (offers / "course.yml").write_text(
        offer_yaml(availability={"next_start": "2020-03-01"}), encoding="utf-8"
    )
    relaxed = CliRunner().invoke(cli, ["check", str(offers / "course.yml")])
    strict = CliRunner().invoke(cli, ["check", "--strict", str(offers / "course.yml")])
    assert relaxed.exit_code == 0, relaxed.output
    assert strict.exit_code == 1, strict.output
    assert "set the next real start date, or remove `next_start`" in strict.output


def test_exclude_lists_findings_of_a_path_as_allowed(tmp_path: Path) -> None:
    page = tmp_path / "api.md"
    page.write_text("# API\n\nOnly 2 places left.\n", encoding="utf-8")
    plain = CliRunner().invoke(cli, ["check", str(page)])
    excluded = CliRunner().invoke(
        cli, ["check", str(page), "--exclude", "*api.md=API reference, not sales copy"]
    )
    assert plain.exit_code == 1
    assert excluded.exit_code == 0, excluded.output
    assert "excluded (*api.md): API reference, not sales copy" in excluded.output
    short = CliRunner().invoke(cli, ["check", str(page), "--exclude", "*api.md=short"])
    assert short.exit_code == 2 and "reason" in short.output
