"""Start the GUI: one QApplication, one NightstretchApp, then the event loop.

If the app already runs, the request is handed over to it instead (before Qt is imported,
so a second ``--cramp-now`` costs a socket round trip, not a Qt start).
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import sys
from typing import TYPE_CHECKING, Any

from stretch_app.instance_client import send_to_running, valid_routine_id

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from stretch_app.ui.app import NightstretchApp
    from stretch_app.ui.i18n import Translation
    from stretch_app.ui.screens.main_window import MainWindow

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
        # exit, not quit: a window kept open for reminders must not veto a SIGTERM.
        QCoreApplication.exit(0)

    notifier.activated.connect(on_signal)
    return (reader, writer, notifier)


def _hand_over_request(*, routine: str | None, cramp_now: bool, tray: bool) -> dict[str, Any]:
    """What to ask a running instance for; ``--tray`` alone only checks that one runs."""
    if cramp_now:
        return {"v": 1, "action": "cramp-now"}
    if routine is not None:
        if valid_routine_id(routine):
            return {"v": 1, "action": "routine", "routine": routine}
        # No routine can have such an id; the running app is shown (and we say why here).
        print(f"stretch-app: there is no routine called {routine!r}", file=sys.stderr)
        return {"v": 1, "action": "show"}
    return {"v": 1, "action": "ping" if tray else "show"}


def _install_language(qapp: QApplication) -> Translation:
    """Install the translation the settings file asks for (read without pydantic: it is quick)."""
    from stretch_app import paths
    from stretch_app.core.language import language_from_file
    from stretch_app.ui.i18n import install_translator

    return install_translator(qapp, language_from_file(paths.settings_path()))


FIRST_RELIEF_PAGE = "relief-first-page"


def _show_first_window(qapp: QApplication, *, cramp_now: bool = False) -> MainWindow:
    """Paint the main window before the rest of the app loads.

    The window, its look and the Cramp now button need none of the routine models, so a
    person sees the app at once; the routine cards fill in a moment later. Mid-cramp, the
    first thing painted is the relief screen's own first question; the relief screen takes
    its place once the app has loaded, and a tap or a key 1-4 made meanwhile lands there.
    """
    from datetime import datetime

    from stretch_app import paths
    from stretch_app.core.nightlook import look_name_from_file
    from stretch_app.ui.screens.main_window import MainWindow
    from stretch_app.ui.theme import DAY, HIGH_CONTRAST, HIGH_CONTRAST_DAY, NIGHT, apply_look

    looks = {
        "night": NIGHT,
        "day": DAY,
        "high-contrast": HIGH_CONTRAST,
        "high-contrast-day": HIGH_CONTRAST_DAY,
    }
    look = looks[look_name_from_file(paths.settings_path(), datetime.now())]
    apply_look(qapp, look)
    window = MainWindow()
    if cramp_now:
        from stretch_app.ui.screens.relief_pages import ChoosePage, relief_title
        from stretch_app.ui.screens.relief_parts import relief_style

        page = ChoosePage()
        page.setObjectName(FIRST_RELIEF_PAGE)
        page.setStyleSheet(relief_style(look, 1.0))
        window.show_screen(page, relief_title())
    window.bring_to_front()
    qapp.processEvents()
    return window


def _drop_first_relief_page(app: NightstretchApp) -> None:
    """The real relief screen is up: the stand-in painted at start goes."""
    from stretch_app.ui.screens.relief_pages import ChoosePage

    page = app.window.stack.findChild(ChoosePage, FIRST_RELIEF_PAGE)
    if page is not None:
        app.window.stack.removeWidget(page)
        page.deleteLater()


def _on_hand_over(app: NightstretchApp, request: dict[str, Any]) -> None:
    """Do what a later launch asked for."""
    action = request["action"]
    if action == "cramp-now":
        app.cramp_now()
    elif action == "routine":
        app.start_routine(request["routine"])
        app.show()
    elif action == "show":
        app.show()


def launch(*, routine: str | None, cramp_now: bool, tray: bool) -> int:
    """Open the app (on a routine, or straight into cramp relief) and run until it quits.

    When the app already runs, hand the request over to it and return 0 at once.
    """
    request = _hand_over_request(routine=routine, cramp_now=cramp_now, tray=tray)
    if send_to_running(request):
        return 0

    from PySide6.QtWidgets import QApplication

    QApplication.setApplicationName("nightstretch")
    QApplication.setApplicationDisplayName("Nightstretch")
    QApplication.setDesktopFileName("nightstretch")
    # argv[0] is the X11 WM_CLASS instance name (the class is the application name): both
    # "nightstretch", the launcher's StartupWMClass, however the app was started.
    qapp = QApplication(["nightstretch"])
    translation = _install_language(qapp)  # before the first window, so it is translated
    window = None if tray else _show_first_window(qapp, cramp_now=cramp_now)
    # Listen before the slow part of start-up, so a launch meanwhile finds us (its request
    # waits in the socket until the event loop runs, by when everything is wired).
    from stretch_app.ui.instance import InstanceServer

    server = InstanceServer(qapp)
    if not server.listen() and send_to_running(request):
        return 0  # another instance won the race to start
    from stretch_app.ui.app import NightstretchApp

    app = NightstretchApp(qapp, window=window, translation=translation)
    server.request_received.connect(lambda asked: _on_hand_over(app, asked))
    qapp.aboutToQuit.connect(server.close)
    keep = _quit_on_signals(qapp)
    if not tray:
        app.show()
    # In tray mode nothing is shown, and closing a reminder window must not end the app:
    # it lives on for its reminders until Quit (start() then stops quit-on-last-window).
    app.reminder_desk.start(tray_mode=tray and not (cramp_now or routine))
    if cramp_now:
        app.cramp_now()
        _drop_first_relief_page(app)
    elif routine:
        app.start_routine(routine)
    qapp.aboutToQuit.connect(app.shutdown)
    code = qapp.exec()
    del keep
    if app.restart_wanted:  # "Restart now" after a language change: the same app, anew
        os.execv(sys.executable, [sys.executable, "-m", "stretch_app"])
    return code
