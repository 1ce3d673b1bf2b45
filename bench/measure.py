"""Run one command as a child process and measure it: wall time, CPU time and peak RSS.

Peak RSS comes from ``os.wait4``: the kernel's ``ru_maxrss`` of that child alone (and of any
children it waited for), so runs never add up as ``RUSAGE_CHILDREN`` would.
"""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Sample:
    wall: float
    """Seconds from start to exit."""
    cpu: float
    """User + system seconds of the child."""
    rss_mb: float
    """Peak resident set size of the child, in MiB."""
    returncode: int
    stderr: str


class CommandFailedError(RuntimeError):
    """A measured command exited with an unexpected code."""


def run_child(
    argv: Sequence[str],
    cwd: Path,
    *,
    env: dict[str, str] | None = None,
    one_core: bool = False,
    expect: int = 0,
) -> Sample:
    """Run ``argv`` in ``cwd`` (stdout discarded, stderr kept) and measure it."""
    core = one_cpu() if one_core else None

    def pin() -> None:
        if core is not None:
            os.sched_setaffinity(0, {core})

    with Path(os.devnull).open("wb") as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        proc = subprocess.Popen(
            list(argv),
            cwd=cwd,
            env=env,
            stdout=out,
            stderr=err,
            preexec_fn=pin if core is not None else None,
        )
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    if proc.returncode != expect:
        raise CommandFailedError(
            f"{' '.join(argv)} in {cwd} exited with {proc.returncode}:\n{stderr[-4000:]}"
        )
    return Sample(
        wall=wall,
        cpu=usage.ru_utime + usage.ru_stime,
        rss_mb=usage.ru_maxrss / 1024,
        returncode=proc.returncode,
        stderr=stderr,
    )


def one_cpu() -> int | None:
    """The CPU that single-core runs are pinned to (the last one this process may use)."""
    if not hasattr(os, "sched_getaffinity"):
        return None
    return max(os.sched_getaffinity(0))


@dataclass(frozen=True, slots=True)
class Stats:
    """Median and spread of repeated samples."""

    median: float
    low: float
    high: float
    count: int

    @classmethod
    def of(cls, values: Sequence[float]) -> Stats:
        return cls(statistics.median(values), min(values), max(values), len(values))

    def spread(self) -> float:
        """Half the range, relative to the median (0.05 = ±5 %)."""
        return (self.high - self.low) / 2 / self.median if self.median else 0.0


def summarise(samples: Sequence[Sample], pick: Callable[[Sample], float]) -> Stats:
    return Stats.of([pick(s) for s in samples])


def python_tool(name: str, module_code: str) -> list[str]:
    """The console script ``name`` of this venv, or ``python -c module_code`` without it."""
    script = Path(sys.executable).with_name(name)
    if script.is_file():
        return [str(script)]
    return [sys.executable, "-c", module_code]


def machine() -> str:
    """One line about the machine: CPU, cores, memory, OS, Python."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory = f", {int(line.split()[1]) / 1024 / 1024:.0f} GB RAM"
                break
    except OSError:
        pass
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return (
        f"{cpu}, {cores} cores{memory}; {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}"
    )


def load_average() -> str:
    try:
        return " / ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "unknown"
