"""CPU used while a hold counts down, beside a bare shown QMainWindow idling as long.

    .venv/bin/python bench/countdown_cpu.py [--seconds 20] [--platforms offscreen,xcb]

For each platform, one fresh process per row (this file with ``--child KIND``), one after the
other:

* bare: a shown 800x600 QMainWindow, idle;
* app: the whole app (``NightstretchApp``, main window shown) started on a user routine in a
  throw-away XDG config dir: get ready 1 s, then one 60 s hold.

Each waits 3 s (past the get-ready and the first paints), then measures its own CPU time
(``getrusage(RUSAGE_SELF)`` user + system, all threads) over ``--seconds`` of wall time with
the event loop running. Budget: the app <= 5 % of one core. On Xvfb the X server's own CPU time
over the same window (from /proc/PID/stat) is shown too; it is not counted in the budget.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

from _common import REPO, process_cpu_seconds, table, temp_envs, versions, xvfb

BUDGET_PCT = 5.0
SETTLE_S = 3.0
ROUTINE = """schema_version = 1
id = "bench-long"
name = "Bench long hold"
get_ready = "1s"

[[steps]]
exercise = "hamstring-stretch"
hold = "60s"
"""


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def child(kind: str, seconds: float) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    qapp = QApplication(sys.argv[:1])
    xvfb_pid = int(os.environ.get("BENCH_XVFB_PID", "0"))
    if kind == "bare":
        window = QMainWindow()
        window.resize(800, 600)
        window.show()
    else:
        from stretch_app import paths
        from stretch_app.ui.app import NightstretchApp

        paths.user_routines_dir().mkdir(parents=True, exist_ok=True)
        (paths.user_routines_dir() / "bench-long.toml").write_text(ROUTINE)
        app = NightstretchApp(qapp)
        app.show()
        if app.start_routine("bench-long") is None:
            raise SystemExit("bench-long routine not found")
    marks: dict[str, float] = {}

    def begin() -> None:
        marks.update(wall=time.monotonic(), cpu=_cpu())
        if xvfb_pid:
            marks["x"] = process_cpu_seconds(xvfb_pid)
        QTimer.singleShot(round(seconds * 1000), end)

    def end() -> None:
        wall = time.monotonic() - marks["wall"]
        out = {"wall": wall, "cpu": _cpu() - marks["cpu"]}
        if xvfb_pid:
            out["x"] = process_cpu_seconds(xvfb_pid) - marks["x"]
        Path(os.environ["BENCH_OUT"]).write_text(json.dumps(out))
        qapp.quit()

    QTimer.singleShot(round(SETTLE_S * 1000), begin)
    qapp.exec()
    if kind == "app":
        app.shutdown()
    return 0


def measure(kind: str, env: dict[str, str], seconds: float) -> dict[str, float]:
    out = Path(env["XDG_CACHE_HOME"]) / f"cpu-{kind}.json"
    cmd = [sys.executable, __file__, "--child", kind, "--seconds", str(seconds)]
    proc = subprocess.run(
        cmd, env={**env, "BENCH_OUT": str(out)}, cwd=REPO, stderr=subprocess.PIPE, timeout=90
    )
    if proc.returncode != 0 or not out.exists():
        sys.stderr.write(proc.stderr.decode(errors="replace"))
        raise SystemExit(f"{kind}: child failed (exit {proc.returncode})")
    return json.loads(out.read_text())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--platforms", default="offscreen,xcb")
    parser.add_argument("--child", choices=["bare", "app"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(args.child, args.seconds)
    print(f"CPU while counting down, {args.seconds:.0f} s window; {versions()}")
    rows: list[list[object]] = []
    for platform in args.platforms.split(","):
        with contextlib.ExitStack() as stack:
            display, pid = stack.enter_context(xvfb()) if platform == "xcb" else (None, 0)
            env = stack.enter_context(temp_envs())(platform, display)
            if pid:
                env["BENCH_XVFB_PID"] = str(pid)
            for kind in ("bare", "app"):
                m = measure(kind, env, args.seconds)
                pct = 100 * m["cpu"] / m["wall"]
                x_pct = f"{100 * m['x'] / m['wall']:.2f}" if "x" in m else "-"
                verdict = "" if kind == "bare" else ("PASS" if pct <= BUDGET_PCT else "OVER")
                label = "bare QMainWindow, idle" if kind == "bare" else "stretch-app, 60 s hold"
                wall, cpu = f"{m['wall']:.2f}", f"{m['cpu']:.3f}"
                rows.append([platform, label, wall, cpu, f"{pct:.2f}", x_pct, verdict])
    header = [
        "platform",
        "process",
        "wall s",
        "CPU s",
        "% of one core",
        "Xvfb % (not counted)",
        f"<= {BUDGET_PCT:.0f} %",
    ]
    print(table(header, rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
