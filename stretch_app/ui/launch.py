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
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, cast

from stretch_app.instance_client import (
    ACTIVATION_KEYS,
    ReminderLock,
    send_to_running,
    valid_activation_token,
    valid_routine_id,
)

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from stretch_app.ui.app import NightstretchApp
    from stretch_app.ui.i18n import Translation
    from stretch_app.ui.instance import InstanceServer
    from stretch_app.ui.resident import TrayResident
    from stretch_app.ui.screens.main_window import MainWindow

__all__ = ["launch"]


#: Signals that end the app cleanly: Ctrl+C, ``kill``, and a closed terminal or a logout.
QUIT_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


class _SignalCatcher:
    """Catches the quit signals from the first line of start-up, before Qt exists.

    A signal is only noted (and a byte lands in a socket pair, Python's wakeup fd); once the
    event loop runs, :meth:`quit_on_signals` turns it into a clean quit, so a signal at any
    moment of start-up ends the app the same way as one later: what runs is saved.
    """

    def __init__(self) -> None:
        self.received: list[int] = []
        self.reader, self.writer = socket.socketpair()
        self.reader.setblocking(False)
        self.writer.setblocking(False)
        signal.set_wakeup_fd(self.writer.fileno())
        for number in QUIT_SIGNALS:
            signal.signal(number, self._note)
        self._keep: object = None

    def _note(self, number: int, _frame: object) -> None:
        self.received.append(number)

    def quit_on_signals(self) -> None:
        """Quit the event loop on a signal (one noted already quits it as soon as it runs).

        No polling timer: the socket notifier wakes the loop, so idle costs nothing.
        """
        from PySide6.QtCore import QCoreApplication, QSocketNotifier

        notifier = QSocketNotifier(self.reader.fileno(), QSocketNotifier.Type.Read)

        def on_signal() -> None:
            with contextlib.suppress(OSError):
                self.reader.recv(64)
            # exit, not quit: a window kept open for reminders must not veto a signal.
            QCoreApplication.exit(0)

        notifier.activated.connect(on_signal)
        self._keep = notifier

    def close(self) -> None:
        """Give the signals back to Python's defaults and close the socket pair."""
        signal.set_wakeup_fd(-1)
        for number in QUIT_SIGNALS:
            signal.signal(
                number, signal.default_int_handler if number == signal.SIGINT else signal.SIG_DFL
            )
        self._keep = None
        self.reader.close()
        self.writer.close()


def _hand_over_request(
    *,
    routine: str | None,
    cramp_now: bool,
    tray: bool,
    environ: Mapping[str, str] = os.environ,
) -> dict[str, Any]:
    """What to ask a running instance for; ``--tray`` alone only checks that one runs.

    A request for a window carries the launcher's activation token and startup id (from
    ``environ``), without which GNOME and KDE would not let the running app's window come
    to the front.
    """
    request: dict[str, Any]
    if cramp_now:
        request = {"v": 1, "action": "cramp-now"}
    elif routine is not None:
        if valid_routine_id(routine):
            request = {"v": 1, "action": "routine", "routine": routine}
        else:
            # No routine can have such an id; the running app is shown (and we say why here).
            print(f"stretch-app: there is no routine called {routine!r}", file=sys.stderr)
            request = {"v": 1, "action": "show"}
    else:
        request = {"v": 1, "action": "ping" if tray else "show"}
    if request["action"] != "ping":
        for key, variable in ACTIVATION_KEYS.items():
            value = environ.get(variable, "")
            if valid_activation_token(value):
                request[key] = value
    return request


@contextlib.contextmanager
def _activation(request: Mapping[str, Any]) -> Iterator[None]:
    """Let the window come to the front with the token the later launch was given.

    Qt's Wayland plugin hands ``XDG_ACTIVATION_TOKEN`` from the environment to the compositor
    when a window asks to be activated (and then unsets it); it is set just for the raise
    and cleared after, so a stale token is never used for a later one.
    """
    token = request.get("activation_token")
    if not token:
        yield
        return
    os.environ["XDG_ACTIVATION_TOKEN"] = token
    try:
        yield
    finally:
        os.environ.pop("XDG_ACTIVATION_TOKEN", None)


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
    """Do what a later launch asked for, raising the window with its activation token."""
    action = request["action"]
    with _activation(request):
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
    catcher = _SignalCatcher()  # first: a signal during start-up still ends the app cleanly
    try:
        return _launch(catcher, routine=routine, cramp_now=cramp_now, tray=tray)
    finally:
        catcher.close()


def _launch(catcher: _SignalCatcher, *, routine: str | None, cramp_now: bool, tray: bool) -> int:
    request = _hand_over_request(routine=routine, cramp_now=cramp_now, tray=tray)
    if send_to_running(request):
        return 0
    if catcher.received:
        return 0  # asked to end before anything was opened

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
    if tray and not (cramp_now or routine):
        return _run_in_tray(qapp, server, catcher, translation)
    from stretch_app.ui.app import NightstretchApp

    app = NightstretchApp(qapp, window=window, translation=translation)
    server.request_received.connect(lambda asked: _on_hand_over(app, asked))
    qapp.aboutToQuit.connect(server.close)
    catcher.quit_on_signals()
    if not tray:
        app.show()
    # One app runs the reminders: this one, unless a running app (frozen, flooded) holds
    # the lock; then this window still serves relief, and says who sends the reminders.
    reminder_lock = ReminderLock.take()
    # In tray mode nothing is shown, and closing a reminder window must not end the app:
    # it lives on for its reminders until Quit (start() then stops quit-on-last-window).
    app.reminder_desk.start(
        tray_mode=tray and not (cramp_now or routine), run_reminders=reminder_lock is not None
    )
    if cramp_now:
        app.cramp_now()
        _drop_first_relief_page(app)
    elif routine:
        app.start_routine(routine)
    qapp.aboutToQuit.connect(app.shutdown)
    try:
        code = qapp.exec()
    finally:
        if reminder_lock is not None:
            reminder_lock.release()
    if app.restart_wanted:  # "Restart now" after a language change: the same app, anew
        os.execv(sys.executable, [sys.executable, "-m", "stretch_app"])
    return code


def _hand_over_to_tray(resident: TrayResident, request: dict[str, Any]) -> None:
    """A later launch asked for a window (built now), or only checked that we run."""
    if request["action"] != "ping":
        _on_hand_over(cast("NightstretchApp", resident.window_app()), request)


def _run_in_tray(
    qapp: QApplication, server: InstanceServer, catcher: _SignalCatcher, translation: Translation
) -> int:
    """``--tray``: reminders and the tray icon from the kept reminder book, and the full app
    (window, screens, models; pydantic) only while a window is open (:mod:`.resident`)."""
    from PySide6.QtWidgets import QApplication

    from stretch_app.ui.controllers.reminders import ReminderDesk
    from stretch_app.ui.resident import TrayResident, book_source

    def build_app(desk: ReminderDesk) -> NightstretchApp:
        from stretch_app.ui.app import NightstretchApp

        return NightstretchApp(qapp, translation=translation, reminder_desk=desk)

    resident = TrayResident(book_source(translation.language), build_app)
    afresh: list[bool] = []

    def start_afresh() -> None:
        afresh.append(True)
        QApplication.exit(0)  # exit, not quit: the reminders' close veto must not apply

    resident.start_afresh_requested.connect(start_afresh)
    server.request_received.connect(lambda asked: _hand_over_to_tray(resident, asked))
    qapp.aboutToQuit.connect(server.close)
    catcher.quit_on_signals()
    reminder_lock = ReminderLock.take()  # as in _launch: one app runs the reminders
    resident.desk.start(tray_mode=True, run_reminders=reminder_lock is not None)
    qapp.aboutToQuit.connect(resident.shutdown)
    qapp.aboutToQuit.connect(translation.remove)
    try:
        code = qapp.exec()
    finally:
        if reminder_lock is not None:
            reminder_lock.release()
    if resident.restart_wanted:  # "Restart now" after a language change
        os.execv(sys.executable, [sys.executable, "-m", "stretch_app"])
    if afresh:  # the window's modules go with this process; the reminders carry on
        os.execv(sys.executable, [sys.executable, "-m", "stretch_app", "--tray"])
    return code
