"""Keep the screen awake during a routine, through org.freedesktop.ScreenSaver over D-Bus.

Nothing here waits on the bus, so a screen saver that is slow, stuck or missing never holds up
a routine or a "cramp now": ``Inhibit`` goes out as a QtDBus asynchronous call and its cookie
arrives later through a ``QDBusPendingCallWatcher``; ``UnInhibit`` is sent from a short-lived
worker thread (see :func:`_uninhibit` for why). Where there is no session bus or no screen
saver nothing happens, and the next :meth:`ScreenSaverInhibitor.inhibit` simply tries again.
"""

from __future__ import annotations

import logging
import os
import threading

from PySide6.QtCore import QObject, Signal
from PySide6.QtDBus import QDBusConnection, QDBusMessage, QDBusPendingCallWatcher

__all__ = ["ScreenSaverInhibitor"]

log = logging.getLogger(__name__)

_SERVICE = "org.freedesktop.ScreenSaver"
_PATH = "/org/freedesktop/ScreenSaver"
CALL_TIMEOUT_MS = 5000
"""How long an Inhibit call may stay unanswered before it counts as failed (and may be retried)."""


class ScreenSaverInhibitor(QObject):
    """Asks the screen saver not to blank the screen; releases on request. Never blocks.

    :meth:`inhibit` and :meth:`release` return at once; :attr:`active` turns True when the
    screen saver has answered with its cookie (``active_changed`` says so). A call that fails
    or times out leaves the screen as it is, and the next :meth:`inhibit` asks again.
    """

    active_changed = Signal(bool)
    """The screen is now kept awake (True) or no longer (False)."""

    def __init__(
        self,
        app_name: str = "Nightstretch",
        parent: QObject | None = None,
        *,
        call_timeout_ms: int = CALL_TIMEOUT_MS,
    ) -> None:
        super().__init__(parent)
        self._app_name = app_name
        self._call_timeout_ms = call_timeout_ms
        self._wanted = False  # the app wants the screen awake (a routine or relief runs)
        self._cookie: int | None = None
        self._in_flight: QDBusPendingCallWatcher | None = None

    @property
    def active(self) -> bool:
        """True while the screen is being kept awake."""
        return self._cookie is not None

    @property
    def asking(self) -> bool:
        """True while an Inhibit call waits for the screen saver's answer."""
        return self._in_flight is not None

    def inhibit(self, reason: str) -> None:
        """Ask for the screen to stay awake; returns at once, whatever the desktop does."""
        self._wanted = True
        if self._cookie is not None or self._in_flight is not None:
            return  # already awake, or already asked: one call at a time
        connection = _session_bus()
        if connection is None:
            return
        message = QDBusMessage.createMethodCall(_SERVICE, _PATH, _SERVICE, "Inhibit")
        message.setArguments([self._app_name, reason])
        watcher = QDBusPendingCallWatcher(
            connection.asyncCall(message, self._call_timeout_ms), self
        )
        watcher.setObjectName("screensaver-inhibit-call")
        watcher.finished.connect(self._on_inhibit_answer)
        self._in_flight = watcher

    def release(self) -> None:
        """Let the screen saver work again; returns at once."""
        self._wanted = False
        cookie, self._cookie = self._cookie, None
        if cookie is not None:
            _send_uninhibit(cookie)
            self.active_changed.emit(False)

    def _on_inhibit_answer(self, watcher: QDBusPendingCallWatcher) -> None:
        watcher.deleteLater()
        if watcher is not self._in_flight:
            return
        self._in_flight = None
        reply = watcher.reply()
        arguments = reply.arguments()
        if reply.type() is QDBusMessage.MessageType.ErrorMessage or not arguments:
            # No service, a refusal or a timeout: tried again on the next inhibit().
            log.info("screen saver inhibit failed: %s", reply.errorMessage() or "no cookie")
            return
        try:
            cookie = int(arguments[0])
        except (TypeError, ValueError):
            log.info("screen saver answered with a strange cookie: %r", arguments[0])
            return
        if not self._wanted:
            _send_uninhibit(cookie)  # released while the call was out: give it straight back
            return
        self._cookie = cookie
        self.active_changed.emit(True)


def _session_bus() -> QDBusConnection | None:
    """A QtDBus connection to the session bus named in the environment, or None.

    Named after the address rather than ``QDBusConnection.sessionBus()``, which is fixed for
    the life of the process and falls back to X11 autolaunch when there is no address.
    """
    address = os.environ.get("DBUS_SESSION_BUS_ADDRESS")
    if not address:
        return None
    name = f"nightstretch-screensaver {address}"
    connection = QDBusConnection.connectToBus(address, name)
    if not connection.isConnected():
        log.info("no session bus for the screen saver: %s", connection.lastError().message())
        QDBusConnection.disconnectFromBus(name)  # so the next attempt connects afresh
        return None
    return connection


def _send_uninhibit(cookie: int) -> None:
    """Send UnInhibit(cookie) without waiting for it on the GUI thread."""
    address = os.environ.get("DBUS_SESSION_BUS_ADDRESS")
    if address:
        threading.Thread(
            target=_uninhibit, args=(address, cookie), name="screensaver-uninhibit", daemon=True
        ).start()


def _uninhibit(address: str, cookie: int) -> None:
    """UnInhibit over jeepney, in a worker thread.

    jeepney, not QtDBus: UnInhibit takes an unsigned 32-bit cookie (signature ``u``), and
    PySide6 can only put a Python int on the bus as a signed ``i`` (``QDBusArgument`` has no
    unsigned overload), which GNOME's and KDE's screen savers reject for a wrong signature.
    jeepney's calls block, hence the thread: it may wait on the bus, the app never does.
    """
    from jeepney import DBusAddress, MessageType, new_method_call
    from jeepney.io.blocking import open_dbus_connection

    try:
        with open_dbus_connection(bus=address, auth_timeout=CALL_TIMEOUT_MS / 1000) as bus:
            target = DBusAddress(_PATH, bus_name=_SERVICE, interface=_SERVICE)
            message = new_method_call(target, "UnInhibit", "u", (cookie,))
            reply = bus.send_and_get_reply(message, timeout=CALL_TIMEOUT_MS / 1000)
            if reply.header.message_type is MessageType.error:
                log.info("screen saver uninhibit refused: %s", reply.body)
    except Exception as exc:  # no bus, no service, timeout: the desktop's matter, not ours
        log.info("screen saver uninhibit failed: %s", exc)
