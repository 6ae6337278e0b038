"""How fast "cramp now" puts the relief screen up: warm, cold, and a bare window beside them.

    .venv/bin/python bench/cramp_now.py [--runs 10] [--platforms offscreen,xcb]

Four kinds of sample, interleaved round by round (bare, cold, warm, bare, cold, warm...), after
one unmeasured warm-up of each, offscreen and on a private Xvfb, with throw-away XDG dirs:

* bare: ``bench/_startup_child.py bare``, a fresh PySide6 process showing a QMainWindow, timed
  to its first expose (the floor any Qt window on this stack can reach);
* cold: no app running; a fresh ``stretch-app --cramp-now`` (``stretch_app.cli.main``) timed to
  the first paint of the relief screen;
* warm: the app already runs (resident, showing its main window); ``python -m stretch_app
  --cramp-now`` is started from a shell, hands over over the instance socket and exits, and we
  time to the first paint of the relief screen in the running app. After each warm sample the
  resident app goes back home (the episode is saved in the throw-away journal).
* warm, ``stretch-app`` script: the same, started the way the launcher's "Cramp now" starts it:
  the console script pip writes (``import sys; from stretch_app.cli import main; ...``), which
  does not pay ``python -m``'s ``runpy`` (with ``importlib.util``, ``contextlib``,
  ``functools``, ``collections``: several ms). A copy of pip's template is run with this
  Python, so it imports this checkout.
* tray: a fresh ``stretch-app --tray`` (the usual case at night), idle, then the script's
  ``--cramp-now`` hands over to it; timed to the first relief page painted and to the working
  relief screen painted. A new tray for each sample: the first cramp of the night.

Before the rounds the relief content is kept in the cold and tray caches, as any earlier run of
the app leaves it (a relief-only start reads it, ``ui/relief_start.py``); with
``BENCH_NO_RELIEF_CACHE=1`` it is not, and relief opens with the full app (pydantic, models).

The ping comes from inside the app: when ``NightstretchApp.cramp_now`` returns the relief screen,
a one-shot event filter on it writes ``time.monotonic()`` (CLOCK_MONOTONIC, system-wide) at
its first ``QEvent.Paint``; the parent takes ``time.monotonic()`` just before it starts the
process. ``python -c pass`` is timed too, as the floor of any command started from a shell.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from _common import REPO, stats, table, temp_envs, versions, xvfb

BARE_CHILD = str(REPO / "bench" / "_startup_child.py")
WAIT_S = 60.0
# pip's console-script template, as in the venv's bin/stretch-app (pip 24).
CONSOLE_SCRIPT = """import sys
from stretch_app.cli import main
if __name__ == '__main__':
    sys.argv[0] = sys.argv[0].removesuffix('.exe')
    sys.exit(main())
"""


# --- inside the app (this file run with --child) ---------------------------------------------


def _ping_on_relief_paint(on_paint: Callable[[float], None]) -> None:
    """Make every ``cramp_now`` report the monotonic time of its relief screen's first paint."""
    from PySide6.QtCore import QEvent, QObject

    from stretch_app.ui.app import NightstretchApp

    original = NightstretchApp.cramp_now

    class Watcher(QObject):
        def __init__(self, parent: QObject) -> None:
            super().__init__(parent)
            self.done = False

        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if not self.done and event.type() == QEvent.Type.Paint:
                self.done = True
                on_paint(time.monotonic())
            return False

    def cramp_now(self: NightstretchApp) -> object:
        relief = original(self)
        if relief is not None and relief.findChild(Watcher) is None:
            relief.installEventFilter(Watcher(relief))
        return relief

    NightstretchApp.cramp_now = cramp_now  # type: ignore[method-assign]


def _paint_watcher(widget: object, on_paint: Callable[[float], None]) -> None:
    """Call ``on_paint`` with the monotonic time of ``widget``'s first paint."""
    from PySide6.QtCore import QEvent, QObject

    class Watcher(QObject):
        done = False

        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if not self.done and event.type() == QEvent.Type.Paint:
                self.done = True
                on_paint(time.monotonic())
            return False

    assert isinstance(widget, QObject)
    widget.installEventFilter(Watcher(widget))


def _cold_child(out: Path) -> int:
    """No app running: stamp the first "where is the cramp?" paint, then the real screen's.

    Nothing heavy is imported here before the app does it itself: the hooks sit on the
    light first-window modules only.
    """
    from PySide6.QtCore import QEvent, QObject, QThread, QTimer
    from PySide6.QtWidgets import QApplication

    from stretch_app.cli import main
    from stretch_app.ui import first_paint
    from stretch_app.ui.screens import relief_pages

    def note(what: str, stamp: float) -> None:
        times = os.times()  # this process's CPU so far: load on the machine hardly moves it
        with out.open("a") as stream:
            stream.write(f"{what} {stamp!r} {(times.user + times.system) * 1000:.0f}\n")

    made = relief_pages.ChoosePage.__init__
    seen: list[object] = []

    def choose_page_init(self: object, *args: object, **kwargs: object) -> None:
        made(self, *args, **kwargs)  # type: ignore[arg-type]
        if not seen:  # the first one made is the one painted first
            seen.append(self)
            _paint_watcher(self, lambda stamp: note("question", stamp))

    relief_pages.ChoosePage.__init__ = choose_page_init  # type: ignore[method-assign]

    class ReliefPainted(QObject):
        """On the QApplication: the first paint of the working relief screen, wherever made.

        (A watcher put on the screen after it was built missed a paint made meanwhile and
        waited for ever.) One Python call per event: a few hundred events, well under 1 ms.
        """

        done = False

        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if (
                not self.done
                and event.type() == QEvent.Type.Paint
                and type(obj).__name__ == "ReliefScreen"
            ):
                self.done = True
                note("ready", time.monotonic())
                QTimer.singleShot(0, quit_when_running)  # after this paint completes
            return False

    def quit_when_running() -> None:
        # exit, not quit: on X11 the app's window kept for the tray vetoes quit (the bench
        # hung); and exit() does nothing before the event loop runs, so wait for it.
        if QThread.currentThread().loopLevel() > 0:
            QApplication.exit(0)
        else:
            QTimer.singleShot(0, quit_when_running)

    install_language = first_paint.install_language
    keep: list[QObject] = []

    def install_and_watch(qapp: QApplication) -> object:
        keep.append(ReliefPainted(qapp))
        qapp.installEventFilter(keep[0])
        return install_language(qapp)

    first_paint.install_language = install_and_watch  # type: ignore[assignment]
    return main(["--cramp-now"])


def _tray_child(out: Path) -> int:
    """``stretch-app --tray``, idle: say when its event loop runs, then stamp the first paint
    of any relief page ("question") and of the working relief screen ("ready") that a
    cramp-now handed over to it brings up. The parent ends this process after each sample,
    so every sample is the first cramp of a tray started at login."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    from stretch_app.cli import main
    from stretch_app.ui import first_paint

    def note(what: str, stamp: float) -> None:
        times = os.times()
        with out.open("a") as stream:
            stream.write(f"{what} {stamp!r} {(times.user + times.system) * 1000:.0f}\n")

    class ReliefPainted(QObject):
        """On the QApplication: the first paint of a relief page, and of the relief screen."""

        seen: set[str] = set()  # noqa: RUF012 (one instance)

        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                name = type(obj).__name__
                if name in ("ChoosePage", "ReliefScreen") and "question" not in self.seen:
                    self.seen.add("question")
                    note("question", time.monotonic())
                if name == "ReliefScreen" and "ready" not in self.seen:
                    self.seen.add("ready")
                    note("ready", time.monotonic())
            return False

    install_language = first_paint.install_language
    keep: list[QObject] = []

    def install_and_watch(qapp: QApplication) -> object:
        keep.append(ReliefPainted(qapp))
        qapp.installEventFilter(keep[0])
        QTimer.singleShot(0, lambda: note("idle", time.monotonic()))  # once the loop runs
        return install_language(qapp)

    first_paint.install_language = install_and_watch  # type: ignore[assignment]
    return main(["--tray"])


def _child(kind: str) -> int:
    from stretch_app.cli import main

    out = Path(os.environ["BENCH_OUT"])
    if kind == "cold":
        return _cold_child(out)
    if kind == "tray":
        return _tray_child(out)

    from stretch_app.ui.app import NightstretchApp

    resident: list[NightstretchApp] = []
    original_show = NightstretchApp.show

    def show(self: NightstretchApp) -> None:
        original_show(self)
        if not resident:
            resident.append(self)
            with out.open("a") as stream:
                stream.write("ready\n")

    def back_home(stamp: float) -> None:
        from PySide6.QtCore import QTimer

        with out.open("a") as stream:
            stream.write(f"{stamp!r}\n")
        QTimer.singleShot(300, resident[0].show_home)

    NightstretchApp.show = show  # type: ignore[method-assign]
    _ping_on_relief_paint(back_home)
    return main([])


# --- the parent -------------------------------------------------------------------------------


def _runtime_env(env: dict[str, str]) -> dict[str, str]:
    """A private XDG_RUNTIME_DIR (short: AF_UNIX paths are limited), so instances never meet."""
    runtime = tempfile.mkdtemp(prefix="ns-bench-")
    Path(runtime).chmod(0o700)
    return {**env, "XDG_RUNTIME_DIR": runtime}


def _wait_for_line(path: Path, count: int, deadline: float) -> str:
    """Poll ``path`` until it has ``count`` lines; return the last one."""
    while True:
        if path.exists():
            lines = path.read_text().splitlines()
            if len(lines) >= count:
                return lines[count - 1]
        if time.monotonic() > deadline:
            raise SystemExit(f"no ping in {path} after {WAIT_S} s")
        time.sleep(0.002)


def _run(cmd: list[str], env: dict[str, str]) -> None:
    proc = subprocess.run(cmd, env=env, cwd=REPO, capture_output=True, timeout=WAIT_S)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr.decode(errors="replace"))
        raise SystemExit(f"{cmd} failed (exit {proc.returncode})")


def sample_bare(env: dict[str, str]) -> tuple[float, float]:
    """ms from process start to a bare QMainWindow's first expose, and its CPU ms by then."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp, "out")
        t0 = time.monotonic()
        _run(
            [sys.executable, BARE_CHILD, "bare"],
            {**env, "BENCH_T0": repr(t0), "BENCH_OUT": str(out)},
        )
        ms, cpu = out.read_text().split()
        return float(ms), float(cpu)


def sample_cold(env: dict[str, str]) -> tuple[float, float, float]:
    """ms from process start (no app running) to "where is the cramp?" painted, and to the
    relief screen itself painted (working: taps and keys act); CPU ms by the latter."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp, "out")
        t0 = time.monotonic()
        _run([sys.executable, __file__, "--child", "cold"], {**env, "BENCH_OUT": str(out)})
        stamps = {line.split()[0]: line.split()[1:] for line in out.read_text().splitlines()}
        # Under heavy load the window may be mapped only after the working screen replaced
        # the stand-in: then the first relief page painted is the working one.
        ready = float(stamps["ready"][0])
        question = float(stamps["question"][0]) if "question" in stamps else ready
        return (question - t0) * 1000, (ready - t0) * 1000, float(stamps["ready"][1])


def sample_tray(env: dict[str, str], command: list[str]) -> tuple[float, float, float]:
    """A fresh ``stretch-app --tray``, idle; then ``command`` (a cramp-now hand-over): ms from
    the command's start to the first relief page painted and to the working relief screen
    painted, and the tray process's CPU ms spent on it (from idle to the working screen)."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp, "out")
        tray = subprocess.Popen(
            [sys.executable, __file__, "--child", "tray"],
            env={**env, "BENCH_OUT": str(out)},
            cwd=REPO,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            idle = _wait_for_line(out, 1, time.monotonic() + WAIT_S)
            time.sleep(0.5)  # the tray settles (not measured)
            t0 = time.monotonic()
            _run(command, env)
            _wait_for_line(out, 3, time.monotonic() + WAIT_S)
        finally:
            tray.send_signal(signal.SIGTERM)
            try:
                tray.wait(10)
            except subprocess.TimeoutExpired:
                tray.kill()
                tray.wait()
        stamps = {line.split()[0]: line.split()[1:] for line in out.read_text().splitlines()}
        cpu = float(stamps["ready"][1]) - float(idle.split()[2])
        return (
            (float(stamps["question"][0]) - t0) * 1000,
            (float(stamps["ready"][0]) - t0) * 1000,
            cpu,
        )


KEEP_RELIEF = """from stretch_app import paths
from stretch_app.core.language import language_from_file
from stretch_app.ui.i18n import resolve_language
from stretch_app.ui.relief_start import relief_source
relief_source(resolve_language(language_from_file(paths.settings_path()))).compile()
"""


def keep_relief_content(env: dict[str, str]) -> None:
    """Keep the relief content in ``env``'s cache, as any earlier run of the app leaves it
    (a relief-only start reads it; without it, relief opens with the full app)."""
    _run([sys.executable, "-c", KEEP_RELIEF], env)


def sample_pass(env: dict[str, str]) -> float:
    """ms for ``python -c pass``: the floor of any command started from a shell."""
    t0 = time.monotonic()
    _run([sys.executable, "-c", "pass"], env)
    return (time.monotonic() - t0) * 1000


class Resident:
    """The app, running and showing its main window, fed cramp-now requests from a shell."""

    def __init__(self, env: dict[str, str], folder: Path) -> None:
        self.env = env
        self.out = folder / "resident"
        self.pings = 1  # the "ready" line comes first
        self.proc = subprocess.Popen(
            [sys.executable, __file__, "--child", "resident"],
            env={**env, "BENCH_OUT": str(self.out)},
            cwd=REPO,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        _wait_for_line(self.out, 1, time.monotonic() + WAIT_S)

    def sample(self, command: list[str]) -> tuple[float, float, float]:
        """(ms to the relief screen's first paint, ms for the handing-over ``command`` to exit,
        the CPU ms that command used)."""
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.monotonic()
        _run(command, self.env)
        exited = (time.monotonic() - t0) * 1000
        after = resource.getrusage(resource.RUSAGE_CHILDREN)  # only that command ended since
        cpu = (after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime) * 1000
        self.pings += 1
        painted = float(_wait_for_line(self.out, self.pings, time.monotonic() + WAIT_S))
        time.sleep(0.5)  # let it go back home before the next request (not measured)
        return (painted - t0) * 1000, exited, cpu

    def stop(self) -> None:
        """End the app we started (SIGTERM quits its event loop cleanly)."""
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def run_platform(platform: str, display: str | None, runs: int) -> list[list[object]]:
    """Interleaved rounds on one platform; one table row per kind."""
    kinds = (
        "pass",
        "bare",
        "cold",
        "ready",
        "warm",
        "exit",
        "script",
        "script_exit",
        "bare_cpu",
        "ready_cpu",
        "exit_cpu",
        "script_exit_cpu",
        "tray",
        "tray_ready",
        "tray_ready_cpu",
    )
    results: dict[str, list[float]] = {k: [] for k in kinds}
    with temp_envs() as make_env, tempfile.TemporaryDirectory() as tmp:
        cold_env = _runtime_env(make_env(platform, display))
        warm_env = _runtime_env(make_env(platform, display))
        tray_env = _runtime_env(make_env(platform, display))
        if not os.environ.get("BENCH_NO_RELIEF_CACHE"):
            for env in (cold_env, tray_env):
                keep_relief_content(env)
        script = Path(tmp, "stretch-app")
        script.write_text(CONSOLE_SCRIPT)
        module_command = [sys.executable, "-m", "stretch_app", "--cramp-now"]
        script_command = [sys.executable, str(script), "--cramp-now"]
        resident = Resident(warm_env, Path(tmp))
        try:
            for round_number in range(runs + 1):  # round 0 warms caches and is not counted
                bare, bare_cpu = sample_bare(cold_env)
                cold, ready, ready_cpu = sample_cold(cold_env)
                warm, exited, exit_cpu = resident.sample(module_command)
                by_script, script_exited, script_cpu = resident.sample(script_command)
                in_tray, tray_ready, tray_cpu = sample_tray(tray_env, script_command)
                floor = sample_pass(cold_env)
                if round_number:
                    results["bare"].append(bare)
                    results["cold"].append(cold)
                    results["ready"].append(ready)
                    results["warm"].append(warm)
                    results["exit"].append(exited)
                    results["pass"].append(floor)
                    results["bare_cpu"].append(bare_cpu)
                    results["ready_cpu"].append(ready_cpu)
                    results["exit_cpu"].append(exit_cpu)
                    results["script"].append(by_script)
                    results["script_exit"].append(script_exited)
                    results["script_exit_cpu"].append(script_cpu)
                    results["tray"].append(in_tray)
                    results["tray_ready"].append(tray_ready)
                    results["tray_ready_cpu"].append(tray_cpu)
        finally:
            resident.stop()
            for env in (cold_env, warm_env, tray_env):
                shutil.rmtree(env["XDG_RUNTIME_DIR"], ignore_errors=True)
    bare_median = stats(results["bare"])[0]
    names = {
        "pass": "python -c pass",
        "bare": "bare QMainWindow, first expose",
        "cold": "cramp-now, no app: first relief page painted",
        "ready": "... relief screen working",
        "warm": "cramp-now, app running",
        "exit": "... the handing-over command exits",
        "script": "cramp-now, app running, stretch-app script",
        "script_exit": "... the handing-over command exits",
        "tray": "cramp-now, app in the tray, script: relief page",
        "tray_ready": "... relief screen working",
    }
    bare_cpu_median = stats(results["bare_cpu"])[0]
    rows: list[list[object]] = []
    for kind in (*kinds[:8], "tray", "tray_ready"):
        median, low, high = stats(results[kind])
        ratio = (
            f"{median / bare_median:.2f}x"
            if kind in ("cold", "ready", "warm", "script", "tray", "tray_ready")
            else ""
        )
        cpu, cpu_ratio = "", ""
        if f"{kind}_cpu" in results:
            cpu_med, cpu_low, cpu_high = stats(results[f"{kind}_cpu"])
            cpu = f"{cpu_med:.0f} / {cpu_low:.0f} / {cpu_high:.0f}"
            if kind in ("ready", "tray_ready"):
                cpu_ratio = f"{cpu_med / bare_cpu_median:.2f}x"
        rows.append(
            [
                platform,
                names[kind],
                len(results[kind]),
                f"{median:.0f} / {low:.0f} / {high:.0f}",
                ratio,
                cpu,
                cpu_ratio,
            ]
        )
    return rows


def main() -> int:
    """Run the rounds and print one table."""
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        return _child(sys.argv[2])
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--platforms", default="offscreen,xcb")
    args = parser.parse_args()
    platforms = args.platforms.split(",")
    print(f"cramp now, {args.runs} interleaved rounds; {versions()}")
    rows: list[list[object]] = []
    if "offscreen" in platforms:
        rows += run_platform("offscreen", None, args.runs)
    if "xcb" in platforms:
        with xvfb() as (display, _pid):
            rows += run_platform("xcb", display, args.runs)
    header = [
        "platform",
        "what",
        "n",
        "ms med/min/max",
        "median / bare",
        "CPU ms med/min/max",
        "CPU / bare",
    ]
    print(table(header, rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
