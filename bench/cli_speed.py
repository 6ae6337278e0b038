"""How long `stretch-app list` and `validate` take, beside a bare `python -c pass`, in one run.

    .venv/bin/python bench/cli_speed.py [--runs 30]

Each command runs in a fresh process many times, interleaved with the baseline so that
machine noise hits both alike; we report the median and the spread, and the median overhead
against the budget (60 ms on top of a bare interpreter start).
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BUDGET_MS = 60.0


def _time(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, env=env, cwd=tempfile.gettempdir())
    return (time.perf_counter() - start) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    env = dict(os.environ)
    home = tempfile.mkdtemp(prefix="nightstretch-bench-")
    env.update(
        XDG_CONFIG_HOME=f"{home}/config",
        XDG_DATA_HOME=f"{home}/data",
        XDG_CACHE_HOME=f"{home}/cache",
    )
    files = [str(p) for p in sorted((REPO / "routines").glob("*.toml"))]
    commands = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "stretch-app list": [sys.executable, "-m", "stretch_app", "list"],
        "stretch-app validate routines/*.toml": [
            sys.executable,
            "-m",
            "stretch_app",
            "validate",
            *files,
        ],
    }
    for cmd in commands.values():  # warm the page cache, bytecode and the answer cache
        _time(cmd, env)
    cold_name = "stretch-app list (cold: empty answer cache)"
    samples: dict[str, list[float]] = {name: [] for name in [*commands, cold_name]}
    for _ in range(args.runs):
        for name, cmd in commands.items():
            samples[name].append(_time(cmd, env))
        cold_env = {**env, "XDG_CACHE_HOME": tempfile.mkdtemp(prefix="cold-", dir=home)}
        samples[cold_name].append(_time(commands["stretch-app list"], cold_env))
    print(
        f"machine: {platform.node()} {platform.machine()} {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, {args.runs} runs each, interleaved"
    )
    base = statistics.median(samples["python -c pass"])
    ok = True
    for name, values in samples.items():
        median = statistics.median(values)
        line = f"{name:40s} median {median:6.1f} ms  min {min(values):6.1f}  max {max(values):6.1f}"
        if name == cold_name:
            line += f"  overhead {median - base:6.1f} ms (first run after an edit; no budget)"
        elif name != "python -c pass":
            overhead = median - base
            verdict = "within" if overhead <= BUDGET_MS else "OVER"
            ok &= overhead <= BUDGET_MS
            line += f"  overhead {overhead:6.1f} ms ({verdict} the {BUDGET_MS:.0f} ms budget)"
        print(line)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
