"""Reminder notifications over D-Bus (``org.freedesktop.Notifications``), the first way tried.

:class:`DBusNotifier` talks to the notification server with jeepney, without ever blocking
the event loop on the bus: the connection's socket is watched by a ``QSocketNotifier``,
replies are matched to calls by serial number, and a short single-shot timer gives up on a
call that gets no answer. ``ActionInvoked`` signals arrive as the Qt signal
``action_invoked(token, action)``.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QSocketNotifier, QTimer

from stretch_app.ui.desktop.notify import START, Notifier, ReminderNote
from stretch_app.ui.timers import named_timer

__all__ = ["DBusNotifier"]

log = logging.getLogger(__name__)

_BUS_NAME = "org.freedesktop.Notifications"
_PATH = "/org/freedesktop/Notifications"
_CALL_TIMEOUT_MS = 2500  # long enough for the bus to start a notification server on demand
_CONNECT_TIMEOUT_S = 0.5


class DBusNotifier(Notifier):
    """A desktop notification over ``org.freedesktop.Notifications``, with three actions."""

    name = "dbus"

    def __init__(self, app_name: str = "Nightstretch", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._app_name = app_name
        self._connection: Any = None
        self._parser: Any = None
        self._serials = iter(range(1, 2**31))
        self._watcher: QSocketNotifier | None = None
        self._pending: dict[int, tuple[str, QTimer, Callable[[Any], None]]] = {}
        self._ids: dict[int, str] = {}  # server's notification id -> token

    @property
    def connected(self) -> bool:
        """Whether a session-bus connection is open."""
        return self._connection is not None

    @property
    def shown(self) -> dict[int, str]:
        """The notifications the server shows for us: its id -> our token."""
        return dict(self._ids)

    def notify(self, note: ReminderNote) -> bool:
        """Send a Notify call; False at once if there is no session bus to send it on."""
        if not self._connect():
            return False
        actions: list[str] = ["default", QCoreApplication.translate("ReminderWindow", "Start now")]
        for key, label in note.actions():
            actions += [key, label]
        hints = {
            "desktop-entry": ("s", "nightstretch"),
            "category": ("s", "reminder"),
            "urgency": ("y", 1),
            "resident": ("b", True),
        }
        body = (self._app_name, 0, "nightstretch", note.title, note.body, actions, hints, 0)
        return self._call("Notify", "susssasa{sv}i", body, note.token, self._on_notify_reply)

    def withdraw(self, token: str) -> None:
        """Close the notification that shows ``token``, if any."""
        for notification_id, shown in list(self._ids.items()):
            if shown == token:
                del self._ids[notification_id]
                self._call("CloseNotification", "u", (notification_id,), token, lambda _: None)

    def close(self) -> None:
        """Drop the connection (the notifications the server shows stay)."""
        for _token, timer, _ in self._pending.values():
            timer.stop()
        self._pending.clear()
        if self._watcher is not None:
            self._watcher.setEnabled(False)
            self._watcher.deleteLater()
            self._watcher = None
        if self._connection is not None:
            with contextlib.suppress(OSError):
                self._connection.close()
            self._connection = None

    # --- the connection -----------------------------------------------------------------------

    def _connect(self) -> bool:
        if self._connection is not None:
            return True
        if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
            return False
        from jeepney import MatchRule, Parser
        from jeepney.bus import get_bus
        from jeepney.bus_messages import message_bus
        from jeepney.io.blocking import prep_socket

        try:
            sock = prep_socket(get_bus("SESSION"), timeout=_CONNECT_TIMEOUT_S)
        except (OSError, RuntimeError, ValueError, KeyError, StopIteration) as exc:
            log.info("no session bus for notifications: %s", exc)
            return False
        sock.setblocking(False)
        self._connection = sock
        self._parser = Parser()
        self._watcher = QSocketNotifier(sock.fileno(), QSocketNotifier.Type.Read, self)
        self._watcher.setObjectName("dbus-notify-socket")
        self._watcher.activated.connect(self._on_readable)
        rule = MatchRule(type="signal", interface=_BUS_NAME, path=_PATH)
        self._send(message_bus.Hello(), "", lambda _: None)
        self._send(message_bus.AddMatch(rule), "", lambda _: None)
        return True

    def _send(self, message: Any, token: str, on_reply: Callable[[Any], None]) -> bool:
        serial = next(self._serials)
        try:
            self._connection.sendall(message.serialise(serial=serial))
        except OSError as exc:
            log.info("notification bus connection lost: %s", exc)
            self._lose_connection()
            return False
        timer = named_timer(
            self, f"dbus-call-timeout-{serial}", lambda: self._on_timeout(serial), single_shot=True
        )
        timer.start(_CALL_TIMEOUT_MS)
        self._pending[serial] = (token, timer, on_reply)
        return True

    def _call(
        self,
        method: str,
        signature: str,
        body: tuple[object, ...],
        token: str,
        on_reply: Callable[[Any], None],
    ) -> bool:
        from jeepney import DBusAddress, new_method_call

        address = DBusAddress(_PATH, bus_name=_BUS_NAME, interface=_BUS_NAME)
        return self._send(new_method_call(address, method, signature, body), token, on_reply)

    def _on_readable(self) -> None:
        from jeepney import HeaderFields, MessageType

        try:
            data = self._connection.recv(65536)
        except BlockingIOError:
            return
        except OSError:
            data = b""
        if not data:
            self._lose_connection()
            return
        self._parser.add_data(data)
        while (message := self._parser.get_next_message()) is not None:
            header = message.header
            if header.message_type in (MessageType.method_return, MessageType.error):
                pending = self._pending.pop(header.fields.get(HeaderFields.reply_serial, -1), None)
                if pending is None:
                    continue
                token, timer, on_reply = pending
                timer.stop()
                timer.deleteLater()
                if header.message_type is MessageType.error:
                    log.info("notification server said no: %s", message.body)
                    if token:
                        self.failed.emit(token)
                else:
                    on_reply((token, message.body))
            elif header.message_type is MessageType.signal:
                self._on_signal(header.fields.get(HeaderFields.member), message.body)

    def _on_notify_reply(self, reply: Any) -> None:
        token, body = reply
        if body:
            self._ids[int(body[0])] = token

    def _on_signal(self, member: str | None, body: tuple[Any, ...]) -> None:
        if member == "ActionInvoked" and len(body) == 2:
            token = self._ids.get(int(body[0]))
            if token is not None:
                action = START if body[1] == "default" else str(body[1])
                self.action_invoked.emit(token, action)
        elif member == "NotificationClosed" and body:
            self._ids.pop(int(body[0]), None)

    def _on_timeout(self, serial: int) -> None:
        pending = self._pending.pop(serial, None)
        if pending is None:
            return
        token, timer, _ = pending
        timer.deleteLater()
        log.info("the notification server did not answer in time")
        if token:
            self.failed.emit(token)

    def _lose_connection(self) -> None:
        tokens = [token for token, _, _ in self._pending.values() if token]
        self.close()
        self._ids.clear()
        for token in tokens:
            self.failed.emit(token)
