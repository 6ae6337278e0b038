"""Start to first window shown: ``stretch-app`` beside a bare PySide6 window, in one run.

    .venv/bin/python bench/startup.py [--runs 15] [--platforms offscreen,xcb]

Each sample is a fresh process (bench/_startup_child.py) that quits as soon as its main window
is exposed. "bare" imports PySide6.QtWidgets, makes a QApplication and a shown QMainWindow;
"app" runs what ``stretch-app`` runs (stretch_app.cli.main). Runs are interleaved
(bare, app, bare, app...) after one unmeasured warm-up of each, offscreen and on a private Xvfb,
with throw-away XDG config/data/cache dirs. We report, per platform:

* exposed: ms from just before the parent starts the process to the first Expose of the window
  (the budget figure: app median <= 1.3 x bare median);
* wall: ms for the whole process, start to exit (includes the app's shutdown);
* peak RSS from ``/usr/bin/time -f %M``.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import REPO, stats, table, temp_envs, versions, xvfb

BUDGET_RATIO = 1.2  # issue 13 (was 1.3)
CHILD = str(REPO / "bench" / "_startup_child.py")


def sample(kind: str, env: dict[str, str]) -> tuple[float, float, float, float, float]:
    """(exposed ms, wall ms, peak RSS MB, routines-shown ms or 0, CPU ms to the expose)."""
    with tempfile.TemporaryDirectory() as tmp:
        out, rss, ready = Path(tmp, "exposed"), Path(tmp, "rss"), Path(tmp, "ready")
        cmd = ["/usr/bin/time", "-f", "%M", "-o", str(rss), sys.executable, CHILD, kind]
        t0 = time.monotonic()
        run_env = {
            **env,
            "BENCH_T0": repr(t0),
            "BENCH_OUT": str(out),
            "BENCH_READY_OUT": str(ready),
        }
        proc = subprocess.run(
            cmd, env=run_env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=60
        )
        wall = (time.monotonic() - t0) * 1000
        if proc.returncode != 0 or not out.exists():
            sys.stderr.write(proc.stderr.decode(errors="replace"))
            raise SystemExit(f"{kind} failed (exit {proc.returncode})")
        exposed, cpu = (float(v) for v in out.read_text().split())
        peak_kb = int(rss.read_text().split()[-1])
        shown = float(ready.read_text()) if ready.exists() else 0.0
        return exposed, wall, peak_kb / 1024, shown, cpu


def run_platform(platform: str, display: str | None, runs: int) -> list[list[object]]:
    with temp_envs() as make_env:
        env = make_env(platform, display)
        for kind in ("bare", "app"):  # warm the page cache and bytecode; not counted
            sample(kind, env)
        results: dict[str, list[tuple[float, float, float, float, float]]] = {"bare": [], "app": []}
        for _ in range(runs):
            for kind in ("bare", "app"):
                results[kind].append(sample(kind, env))
    rows: list[list[object]] = []
    medians: dict[str, tuple[float, float]] = {}
    for kind, samples in results.items():
        exposed = stats([s[0] for s in samples])
        wall = stats([s[1] for s in samples])
        rss = stats([s[2] for s in samples])
        shown = stats([s[3] for s in samples]) if kind == "app" else None
        cpu = stats([s[4] for s in samples])
        medians[kind] = (exposed[0], wall[0], cpu[0])
        rows.append(
            [
                platform,
                "bare QMainWindow" if kind == "bare" else "stretch-app",
                len(samples),
                " / ".join(f"{v:.0f}" for v in exposed),
                " / ".join(f"{v:.0f}" for v in shown) if shown else "-",
                " / ".join(f"{v:.0f}" for v in wall),
                " / ".join(f"{v:.0f}" for v in cpu),
                f"{rss[0]:.1f} / {rss[2]:.1f}",
                "",
            ]
        )
    ratio_exposed = medians["app"][0] / medians["bare"][0]
    ratio_wall = medians["app"][1] / medians["bare"][1]
    verdict = "PASS" if ratio_exposed <= BUDGET_RATIO else "OVER"
    ratio_cpu = medians["app"][2] / medians["bare"][2]
    rows[-1][-1] = f"{ratio_exposed:.2f}x (wall {ratio_wall:.2f}x, CPU {ratio_cpu:.2f}x) {verdict}"
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--platforms", default="offscreen,xcb")
    args = parser.parse_args()
    platforms = args.platforms.split(",")
    print(f"start-up, {args.runs} interleaved runs each; {versions()}")
    rows: list[list[object]] = []
    if "offscreen" in platforms:
        rows += run_platform("offscreen", None, args.runs)
    if "xcb" in platforms:
        with xvfb() as (display, _pid):
            rows += run_platform("xcb", display, args.runs)
    header = [
        "platform",
        "process",
        "n",
        "exposed ms med/min/max",
        "routines shown ms",
        "wall ms med/min/max",
        "CPU ms to expose med/min/max",
        "peak RSS MB med/max",
        f"app/bare median (budget <= {BUDGET_RATIO}x)",
    ]
    print(table(header, rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
