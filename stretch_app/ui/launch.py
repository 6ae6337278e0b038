"""Start the GUI: one QApplication, one NightstretchApp, then the event loop.

If the app already runs, the request is handed over to it instead (before Qt is imported,
so a second ``--cramp-now`` costs a socket round trip, not a Qt start).
"""

from __future__ import annotations

# Before the hand-over only modules Python has loaded already, and C modules: ``signal``,
# ``socket``, ``contextlib`` and ``typing`` would cost a hand-over several ms (``enum``,
# ``functools``, ``collections``; docs/performance.md). ``_signal`` is the C half of ``signal``.
import _signal  # type: ignore[import-not-found]  # (no stub for the C half)
import os
import sys

from stretch_app.instance_client import (
    ACTIVATION_KEYS,
    ReminderLock,
    send_to_running,
    valid_activation_token,
    valid_routine_id,
)

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing
if TYPE_CHECKING:
    import socket
    from collections.abc import Mapping
    from typing import Any

    from PySide6.QtWidgets import QApplication

    from stretch_app.ui.app import NightstretchApp
    from stretch_app.ui.i18n import Translation
    from stretch_app.ui.instance import InstanceServer
    from stretch_app.ui.relief_start import ReliefStart
    from stretch_app.ui.resident import TrayResident
    from stretch_app.ui.screens.main_window import MainWindow

__all__ = ["launch"]


#: Signals that end the app cleanly: Ctrl+C, ``kill``, and a closed terminal or a logout.
QUIT_SIGNALS = (_signal.SIGINT, _signal.SIGTERM, _signal.SIGHUP)


class _SignalCatcher:
    """Catches the quit signals from the first line of start-up, before Qt exists.

    A signal is only noted; once the app is to start (no running app took the request),
    :meth:`arm` adds a socket pair as Python's wakeup fd, and once the event loop runs,
    :meth:`quit_on_signals` turns a signal into a clean quit, so a signal at any moment of
    start-up ends the app the same way as one later: what runs is saved. The handlers come
    first and cost nothing; the socket pair (and the ``socket`` module) only when the
    hand-over failed, so a hand-over never pays for them.
    """

    def __init__(self) -> None:
        self.received: list[int] = []
        self.reader: socket.socket | None = None
        self.writer: socket.socket | None = None
        for number in QUIT_SIGNALS:
            _signal.signal(number, self._note)
        self._keep: object = None

    def _note(self, number: int, _frame: object) -> None:
        self.received.append(number)

    def arm(self) -> None:
        """Let a signal wake the event loop from now on (one noted already wakes it at once)."""
        if self.reader is not None:
            return
        import socket

        self.reader, self.writer = socket.socketpair()
        self.reader.setblocking(False)
        self.writer.setblocking(False)
        _signal.set_wakeup_fd(self.writer.fileno())
        if self.received:  # came before the wakeup fd: the byte Python did not write
            self.writer.send(bytes(self.received[:1]))

    def quit_on_signals(self) -> None:
        """Quit the event loop on a signal (one noted already quits it as soon as it runs).

        No polling timer: the socket notifier wakes the loop, so idle costs nothing.
        """
        from PySide6.QtCore import QCoreApplication, QSocketNotifier

        self.arm()
        reader = self.reader
        assert reader is not None
        notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read)

        def on_signal() -> None:
            try:  # noqa: SIM105 (no contextlib before a hand-over)
                reader.recv(64)
            except OSError:
                pass
            # exit, not quit: a window kept open for reminders must not veto a signal.
            QCoreApplication.exit(0)

        notifier.activated.connect(on_signal)
        self._keep = notifier

    def close(self) -> None:
        """Give the signals back to Python's defaults and close the socket pair."""
        if self.reader is not None:
            _signal.set_wakeup_fd(-1)
        for number in QUIT_SIGNALS:
            _signal.signal(
                number,
                _signal.default_int_handler if number == _signal.SIGINT else _signal.SIG_DFL,
            )
        self._keep = None
        for end in (self.reader, self.writer):
            if end is not None:
                end.close()
        self.reader = self.writer = None


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


class _activation:
    """Let the window come to the front with the token the later launch was given.

    Qt's Wayland plugin hands ``XDG_ACTIVATION_TOKEN`` from the environment to the compositor
    when a window asks to be activated (and then unsets it); it is set just for the raise
    and cleared after, so a stale token is never used for a later one. (A class, not a
    ``contextlib`` generator: that module is not loaded before a hand-over.)
    """

    def __init__(self, request: Mapping[str, Any]) -> None:
        self._token = request.get("activation_token")

    def __enter__(self) -> None:
        if self._token:
            os.environ["XDG_ACTIVATION_TOKEN"] = self._token

    def __exit__(self, *_exc: object) -> None:
        if self._token:
            os.environ.pop("XDG_ACTIVATION_TOKEN", None)


MAKE_RELIEF_AHEAD_AFTER_MS = 500
"""When a plain start builds the relief screen for a later hand-over (ours): after the first
window and its routine cards are painted, so its ~15 ms delay nothing a person waits for."""


def _make_relief_ahead(app: NightstretchApp) -> None:
    """Have a relief screen ready for a later "cramp now" (see ``ReliefFlow.make_ahead``)."""
    from PySide6.QtCore import QTimer

    QTimer.singleShot(MAKE_RELIEF_AHEAD_AFTER_MS, app.relief_flow, app.relief_flow.make_ahead)


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
    catcher.arm()

    from PySide6.QtWidgets import QApplication

    from stretch_app.ui import first_paint

    QApplication.setApplicationName("nightstretch")
    QApplication.setApplicationDisplayName("Nightstretch")
    QApplication.setDesktopFileName("nightstretch")
    # argv[0] is the X11 WM_CLASS instance name (the class is the application name): both
    # "nightstretch", the launcher's StartupWMClass, however the app was started.
    qapp = QApplication(["nightstretch"])
    translation = first_paint.install_language(qapp)  # first: the first window is translated
    content = None
    if cramp_now and not tray:  # mid-cramp the first paint is working relief, if it can be
        from stretch_app.ui.relief_start import relief_source

        content = relief_source(translation.language).cached()
    # The first window; mid-cramp without current kept content, with a stand-in question.
    stand_in = not tray and content is None
    window = first_paint.show_first_window(qapp, cramp_now=cramp_now) if stand_in else None
    # Listen before the slow part of start-up, so a launch meanwhile finds us (its request
    # waits in the socket until the event loop runs, by when everything is wired); and
    # before relief opens, so a lost race leaves no episode in the diary.
    from stretch_app.ui.instance import InstanceServer

    server = InstanceServer(qapp)
    if not server.listen() and send_to_running(request):
        return 0  # another instance won the race to start
    if tray and not (cramp_now or routine):
        return _run_in_tray(qapp, server, catcher, translation)
    from stretch_app.ui.relief_start import keep_relief_content, show_working_relief

    relief = None
    if content is not None:  # the working relief screen is the first paint: no stand-in
        relief = show_working_relief(qapp, translation.language, content)
        window = relief.window
    from stretch_app.ui.app import NightstretchApp

    keep_relief_content(translation.language, lambda: app.relief_content(), qapp)
    app = NightstretchApp(qapp, window=window, translation=translation, relief=relief)
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
        first_paint.drop_first_relief_page(app.window)
    elif routine:
        app.start_routine(routine)
    qapp.aboutToQuit.connect(app.shutdown)
    if not (tray or cramp_now or routine):
        _make_relief_ahead(app)
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
    from typing import cast  # loaded long before (by PySide6): not on the hand-over path

    if request["action"] == "cramp-now":  # the first question painted before the full app
        with _activation(request):
            resident.cramp_now()
    elif request["action"] != "ping":
        _on_hand_over(cast("NightstretchApp", resident.window_app()), request)


def _run_in_tray(
    qapp: QApplication, server: InstanceServer, catcher: _SignalCatcher, translation: Translation
) -> int:
    """``--tray``: reminders and the tray icon from the kept reminder book, and the full app
    (window, screens, models; pydantic) only while a window is open (:mod:`.resident`)."""
    from PySide6.QtWidgets import QApplication

    from stretch_app.ui.controllers.reminders import ReminderDesk
    from stretch_app.ui.resident import TrayResident, book_source

    def build_app(
        desk: ReminderDesk, window: MainWindow | None, relief: ReliefStart | None
    ) -> NightstretchApp:
        from stretch_app.ui.app import NightstretchApp
        from stretch_app.ui.relief_start import keep_relief_content

        app: NightstretchApp | None = None  # read by the keeping, once built
        keep_relief_content(
            translation.language, lambda: app.relief_content() if app else None, qapp
        )
        app = NightstretchApp(
            qapp, window=window, translation=translation, reminder_desk=desk, relief=relief
        )
        return app

    resident = TrayResident(book_source(translation.language), build_app)
    afresh: list[bool] = []

    def start_afresh() -> None:
        if not os.access(sys.executable, os.X_OK):  # Python upgraded away: keep running as is
            return
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
