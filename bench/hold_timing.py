"""How late the end of each hold is noticed, with both cores busy, beside a bare Qt timer chain.

    .venv/bin/python bench/hold_timing.py [--platforms offscreen,xcb] [--no-load]

For each platform a fresh process (this file with ``--child``) starts 2 busy-loop processes
(bounded in time, killed at the end) and then, one after the other:

* baseline: a shown bare QMainWindow and a chain of precise single-shot QTimers with the same
  phase lengths as the routine below, each re-armed from its nominal end like the player does;
* app: the whole app (``NightstretchApp`` with a ``SystemClock``, main window shown) started on
  a user routine written to a throw-away XDG config dir: get ready 2 s, then calf 3 s, lower
  front leg 2 s and quad 3 s, each left and right, 1 s switches and rests (6 holds, 23 s).

For every ``PhaseStarted`` (and the final ``Finished``) the player emits we take
``time.monotonic()`` and compare it with the nominal time: the session's start (its first clock
read) plus the lengths of the phases before. "emitted" is stamped by the first slot on
``player.session_event`` (a wrapper around the app's own slot), "after" by a slot connected
after it, so the gap is what the app's sound and voice handling costs. Budget: every hold ends
within 10 ms of its nominal length (max "emitted" lateness <= 10 ms). ``--detail`` lists every
boundary.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from _common import REPO, busy_cores, stats, table, temp_envs, versions, xvfb

BUDGET_MS = 10.0
ROUTINE = """schema_version = 1
id = "bench-holds"
name = "Bench holds"
get_ready = "2s"
switch_legs = "1s"
rest = "1s"

[[steps]]
exercise = "calf-stretch"
hold = "3s"
sides = ["left", "right"]

[[steps]]
exercise = "lower-front-leg-stretch"
hold = "2s"
sides = ["left", "right"]

[[steps]]
exercise = "quad-stretch"
hold = "3s"
sides = ["left", "right"]
"""


def child(load: bool) -> int:
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    from stretch_app import paths
    from stretch_app.core.clock import SystemClock
    from stretch_app.core.session import Finished, PhaseKind, PhaseStarted, expand_routine
    from stretch_app.ui.app import NightstretchApp

    paths.user_routines_dir().mkdir(parents=True, exist_ok=True)
    (paths.user_routines_dir() / "bench-holds.toml").write_text(ROUTINE)

    class RecordingClock(SystemClock):
        """The system clock; remembers its first reading after ``armed`` is set."""

        armed = False
        first: float | None = None

        def monotonic(self) -> float:
            now = super().monotonic()
            if self.armed and self.first is None:
                self.first = now
            return now

    qapp = QApplication(sys.argv[:1])
    clock = RecordingClock()
    app = NightstretchApp(qapp, clock=clock)
    routine = app.library.routines["bench-holds"]
    phases = expand_routine(routine, app.library.exercises)
    durations = [p.duration or 0.0 for p in phases]
    total = sum(durations)
    result: dict[str, list[list[object]]] = {"baseline": [], "app": [], "after": []}

    # --- baseline: bare window, precise single shots re-armed from the nominal ends ---------
    window = QMainWindow()
    window.resize(800, 600)
    timer = QTimer()
    timer.setSingleShot(True)
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    state = {"i": 0, "t0": 0.0}

    def nominal(i: int) -> float:
        return state["t0"] + sum(durations[:i])

    def fire() -> None:
        now = time.monotonic()
        state["i"] += 1
        i = state["i"]
        ends_hold = phases[i - 1].kind is PhaseKind.HOLD
        result["baseline"].append([i, ends_hold, (now - nominal(i)) * 1000])
        if i < len(phases):
            timer.start(max(0, round((nominal(i + 1) - time.monotonic()) * 1000)) + 1)
        else:
            window.hide()
            QTimer.singleShot(300, start_app)

    timer.timeout.connect(fire)

    def start_baseline() -> None:
        window.show()
        state["t0"] = time.monotonic()
        timer.start(round(durations[0] * 1000) + 1)

    # --- the app -------------------------------------------------------------------------
    def stamp(key: str, event: object) -> None:
        now = time.monotonic()
        if isinstance(event, PhaseStarted) and not event.resumed:
            i = event.index
        elif isinstance(event, Finished):
            i = len(phases)
        else:
            return
        assert clock.first is not None
        ends_hold = i > 0 and phases[i - 1].kind is PhaseKind.HOLD
        result[key].append([i, ends_hold, (now - clock.first - sum(durations[:i])) * 1000])
        if key == "after" and isinstance(event, Finished):
            QTimer.singleShot(200, qapp.quit)

    # The app connects its own slot (sound, voice) in start_routine, before we can see the
    # player: wrap it so the first slot stamps the emission, and connect a second stamp after.
    app_slot = app._on_session_event

    def first_slot(event: object) -> None:
        stamp("app", event)
        app_slot(event)

    app._on_session_event = first_slot

    def start_app() -> None:
        app.show()
        clock.armed = True
        player = app.start_routine("bench-holds")
        assert player is not None
        player.session_event.connect(lambda event: stamp("after", event))

    with busy_cores(2 if load else 0, 2 * total + 20):
        QTimer.singleShot(1000, start_baseline)  # let the loaders get going
        qapp.exec()
    app.shutdown()
    Path(os.environ["BENCH_OUT"]).write_text(json.dumps(result))
    return 0


LABELS = {
    "baseline": "bare Qt timer chain",
    "app": "stretch-app player: emitted",
    "after": "  ... after the app's sound/voice slot",
}


def summarise(platform: str, data: dict[str, list[list[object]]]) -> list[list[object]]:
    rows = []
    for name, label in LABELS.items():
        samples = [s for s in data[name] if s[0] != 0]
        every = [float(s[2]) for s in samples]
        holds = [float(s[2]) for s in samples if s[1]]
        med_all, _, max_all = stats(every)
        med_h, min_h, max_h = stats(holds)
        verdict = "" if name == "baseline" else ("PASS" if max_h <= BUDGET_MS else "OVER")
        rows.append(
            [
                platform,
                label,
                len(holds),
                f"{med_h:.1f} / {min_h:.1f} / {max_h:.1f}",
                len(every),
                f"{med_all:.1f} / {max_all:.1f}",
                verdict,
            ]
        )
    return rows


def detail(platform: str, data: dict[str, list[list[object]]]) -> str:
    """Lateness of every phase boundary, ms, per timer."""
    rows = []
    for i, ends_hold, late in data["baseline"]:
        app = next(float(s[2]) for s in data["app"] if s[0] == i)
        after = next(float(s[2]) for s in data["after"] if s[0] == i)
        end = "hold end" if ends_hold else ""
        rows.append([platform, i, end, f"{float(late):.1f}", f"{app:.1f}", f"{after:.1f}"])
    header = ["platform", "boundary", "", "baseline ms", "emitted ms", "after slot ms"]
    return table(header, rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--platforms", default="offscreen,xcb")
    parser.add_argument("--no-load", action="store_true", help="leave the cores idle")
    parser.add_argument("--detail", action="store_true", help="every boundary, not a summary")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(load=not args.no_load)
    load = "idle cores" if args.no_load else "2 busy-loop processes on 2 cores"
    print(f"hold timing, {load}; {versions()}")
    rows: list[list[object]] = []
    details: list[str] = []
    for platform in args.platforms.split(","):
        with contextlib.ExitStack() as stack:
            display = stack.enter_context(xvfb())[0] if platform == "xcb" else None
            env = stack.enter_context(temp_envs())(platform, display)
            out = Path(env["XDG_CACHE_HOME"]) / "hold-timing.json"
            env["BENCH_OUT"] = str(out)
            cmd = [sys.executable, __file__, "--child"] + (["--no-load"] if args.no_load else [])
            proc = subprocess.run(cmd, env=env, cwd=REPO, stderr=subprocess.PIPE, timeout=110)
            if proc.returncode != 0 or not out.exists():
                sys.stderr.write(proc.stderr.decode(errors="replace"))
                raise SystemExit(f"{platform}: child failed (exit {proc.returncode})")
            data = json.loads(out.read_text())
            rows += summarise(platform, data)
            if args.detail:
                details.append(detail(platform, data))
    header = [
        "platform",
        "timer",
        "holds",
        "hold-end late ms med/min/max",
        "all ends",
        "all late ms med/max",
        f"max <= {BUDGET_MS:.0f} ms",
    ]
    print(table(header, rows))
    for text in details:
        print()
        print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
