"""One start-up sample: run ``bare`` or ``app`` until the main window is exposed, then quit.

    python bench/_startup_child.py bare|app

``app`` runs exactly what ``stretch-app`` runs (``stretch_app.cli.main([])``); the only change
is that ``NightstretchApp.show`` also arms a one-shot watcher on the main window. On the first
exposed ``QEvent.Expose`` the watcher writes the milliseconds since ``BENCH_T0`` (the parent's
``time.monotonic()`` just before it started this process; CLOCK_MONOTONIC is system-wide) to
``BENCH_OUT``, with the CPU milliseconds this process has used so far (which load on a shared
machine hardly moves), and ends the event loop at its first turn, so the first paint still
happens.
"""

import os
import sys
import time
from pathlib import Path


def _arm(window: object) -> None:
    from PySide6.QtCore import QEvent, QObject, QThread, QTimer
    from PySide6.QtWidgets import QApplication

    class Watcher(QObject):
        done = False

        def eventFilter(self, obj: object, event: QEvent) -> bool:
            if not self.done and event.type() == QEvent.Type.Expose and obj.isExposed():
                self.done = True
                ms = (time.monotonic() - float(os.environ["BENCH_T0"])) * 1000
                times = os.times()  # this process's CPU so far: load on the machine hardly moves it
                cpu_ms = (times.user + times.system) * 1000
                Path(os.environ["BENCH_OUT"]).write_text(f"{ms:.3f} {cpu_ms:.0f}\n")
                QTimer.singleShot(0, _quit_when_running)
            return False

    def _quit_when_running() -> None:
        # The app paints its first window before its event loop runs (from processEvents),
        # where exit() does nothing; exit, not quit: a window kept for the tray vetoes quit.
        if QThread.currentThread().loopLevel() > 0:
            QApplication.exit(0)
        else:
            QTimer.singleShot(0, _quit_when_running)

    handle = window.windowHandle()
    watcher = Watcher(handle)
    handle.installEventFilter(watcher)


def bare() -> int:
    from PySide6.QtWidgets import QApplication, QMainWindow

    qapp = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(800, 600)
    window.show()
    _arm(window)
    return qapp.exec()


def app() -> int:
    from stretch_app.cli import main
    from stretch_app.ui.screens.main_window import MainWindow

    # Arm on the main window's first show, whenever the app shows it (the app shows its
    # window before the rest of it has loaded). Importing main_window here is cheap: it is
    # what the app imports first anyway.
    original = MainWindow.showEvent

    def show_event(self: MainWindow, event: object) -> None:
        original(self, event)
        if not getattr(self, "_bench_armed", False):
            self._bench_armed = True
            _arm(self)

    MainWindow.showEvent = show_event

    ready_out = os.environ.get("BENCH_READY_OUT")
    if ready_out:
        from stretch_app.ui.screens.home import HomeScreen

        fill = HomeScreen.show_routines

        def show_routines(self: HomeScreen, *args: object, **kwargs: object) -> None:
            fill(self, *args, **kwargs)  # type: ignore[arg-type]
            ms = (time.monotonic() - float(os.environ["BENCH_T0"])) * 1000
            Path(ready_out).write_text(f"{ms:.3f}\n")

        HomeScreen.show_routines = show_routines  # type: ignore[method-assign]
    return main([])


if __name__ == "__main__":
    sys.exit(bare() if sys.argv[1] == "bare" else app())
