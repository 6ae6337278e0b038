"""Helpers the benches share: a private Xvfb, throw-away XDG dirs, load, tables, a stats line."""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PLATFORMS = ("offscreen", "xcb")


def temp_env(platform: str, display: str | None) -> dict[str, str]:
    """A copy of the environment with fresh XDG dirs and the Qt platform chosen."""
    env = dict(os.environ)
    home = tempfile.mkdtemp(prefix="nightstretch-bench-")
    for name in ("CONFIG", "DATA", "CACHE", "STATE"):
        Path(home, name.lower()).mkdir()
        env[f"XDG_{name}_HOME"] = str(Path(home, name.lower()))
    env["BENCH_HOME"] = home
    env["QT_QPA_PLATFORM"] = platform
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    if display is not None:
        env["DISPLAY"] = display
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    # An installed app runs from compiled bytecode (pip compiles it), as PySide6 does in the
    # bare baseline. With PYTHONDONTWRITEBYTECODE set (our shells set it), every sample
    # compiled stretch_app from source again (importing stretch_app.ui.app: 0.54-0.67 s of
    # CPU against 0.50-0.56 s from .pyc, 3 runs each), which the bare window never paid. The
    # unmeasured warm-up run writes the .pyc files (git ignores __pycache__).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


@contextlib.contextmanager
def temp_envs() -> Iterator[Callable[[str, str | None], dict[str, str]]]:
    """Yield :func:`temp_env`; on exit, end what the app left running under those dirs.

    The app's voice autospawns a ``speech-dispatcher`` whose socket lives in the (throw-away)
    XDG cache dir and which outlives the app; we end exactly those daemons, by pid, and remove
    the dirs.
    """
    homes: list[str] = []

    def make(platform: str, display: str | None) -> dict[str, str]:
        env = temp_env(platform, display)
        homes.append(env["BENCH_HOME"])
        return env

    try:
        yield make
    finally:
        for home in homes:
            for pid in _pids_mentioning(home):
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)  # it ignores SIGTERM while it has a module
            shutil.rmtree(home, ignore_errors=True)


def _pids_mentioning(text: str) -> list[int]:
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError):
                if text.encode() in (entry / "cmdline").read_bytes():
                    pids.append(int(entry.name))
    return pids


@contextlib.contextmanager
def xvfb() -> Iterator[tuple[str, int]]:
    """Start one private ``Xvfb :N`` for this run; yield (DISPLAY, pid); kill it at the end."""
    if shutil.which("Xvfb") is None:
        raise SystemExit("Xvfb is not installed")
    number = 150 + os.getpid() % 700
    while Path(f"/tmp/.X11-unix/X{number}").exists() or Path(f"/tmp/.X{number}-lock").exists():
        number += 1
    proc = subprocess.Popen(
        ["Xvfb", f":{number}", "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 10
        while not Path(f"/tmp/.X11-unix/X{number}").exists():
            if proc.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"Xvfb :{number} did not start")
            time.sleep(0.05)
        yield f":{number}", proc.pid
    finally:
        proc.terminate()
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def process_cpu_seconds(pid: int) -> float:
    """utime + stime of another process, from /proc/PID/stat."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _spin(deadline: float) -> None:
    x = 0
    while time.monotonic() < deadline:
        x += 1


@contextlib.contextmanager
def busy_cores(count: int, seconds: float) -> Iterator[None]:
    """``count`` busy-loop processes, each ending by itself after ``seconds``; killed on exit."""
    ctx = mp.get_context("spawn")
    deadline = time.monotonic() + seconds
    procs = [ctx.Process(target=_spin, args=(deadline,), daemon=True) for _ in range(count)]
    for proc in procs:
        proc.start()
    try:
        yield
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            proc.join(5)


def stats(values: Sequence[float]) -> tuple[float, float, float]:
    """(median, min, max)."""
    return statistics.median(values), min(values), max(values)


def table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A plain, aligned text table."""
    cells = [[str(c) for c in header], *[[str(c) for c in row] for row in rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) for row in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(line.rstrip() for line in lines)


def versions() -> str:
    """One line: Python, PySide6/Qt, CPUs."""
    import PySide6
    from PySide6.QtCore import qVersion

    return (
        f"Python {sys.version.split()[0]}, PySide6 {PySide6.__version__}, Qt {qVersion()}, "
        f"{os.cpu_count()} CPUs"
    )
