"""Start the GUI: one QApplication, one NightstretchApp, then the event loop."""

from __future__ import annotations

import contextlib
import signal
import socket
import sys

__all__ = ["launch"]


def _quit_on_signals(qapp: object) -> object:
    """Let SIGINT/SIGTERM end the event loop without a polling timer (idle costs nothing)."""
    from PySide6.QtCore import QCoreApplication, QSocketNotifier

    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    signal.set_wakeup_fd(writer.fileno())
    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, lambda *_: None)
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read)

    def on_signal() -> None:
        with contextlib.suppress(OSError):
            reader.recv(64)
        QCoreApplication.quit()

    notifier.activated.connect(on_signal)
    return (reader, writer, notifier)


def launch(*, routine: str | None, cramp_now: bool, tray: bool) -> int:
    """Open the app (on a routine, or straight into cramp relief) and run until it quits."""
    from PySide6.QtWidgets import QApplication

    from stretch_app.ui.app import NightstretchApp

    QApplication.setApplicationName("nightstretch")
    QApplication.setApplicationDisplayName("Nightstretch")
    QApplication.setDesktopFileName("nightstretch")
    qapp = QApplication(sys.argv[:1])
    app = NightstretchApp(qapp)
    keep = _quit_on_signals(qapp)
    if not tray:
        app.show()
    if cramp_now:
        app.cramp_now()
    elif routine:
        app.start_routine(routine)
    qapp.aboutToQuit.connect(app.shutdown)
    code = qapp.exec()
    del keep
    return code
