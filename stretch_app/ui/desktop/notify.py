"""Reminder notifications: D-Bus first, then the tray balloon, then a small window of our own.

A :class:`NotifierChain` tries each notifier in turn and ends in :class:`WindowNotifier`,
which always works, so a reminder always ends in something the person sees. A notifier may
also fail later (the D-Bus server answers with an error, or not at all): it emits ``failed``
and the chain moves on to the next one.

:class:`DBusNotifier` talks to ``org.freedesktop.Notifications`` with jeepney, without ever
blocking the event loop on the bus: the connection's socket is watched by a
``QSocketNotifier``, replies are matched to calls by serial number, and a short single-shot
timer gives up on a call that gets no answer. ``ActionInvoked`` signals arrive as the Qt
signal ``action_invoked(token, action)``.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QSocketNotifier, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSystemTrayIcon, QVBoxLayout, QWidget

from stretch_app.ui.widgets.buttons import BigButton

__all__ = [
    "START",
    "DBusNotifier",
    "Notifier",
    "NotifierChain",
    "ReminderNote",
    "ReminderWindow",
    "TrayNotifier",
    "WindowNotifier",
]

log = logging.getLogger(__name__)

START, SNOOZE, SKIP = "start", "snooze", "skip"
_BUS_NAME = "org.freedesktop.Notifications"
_PATH = "/org/freedesktop/Notifications"
_CALL_TIMEOUT_MS = 2500  # long enough for the bus to start a notification server on demand
_CONNECT_TIMEOUT_S = 0.5


@dataclass(frozen=True)
class ReminderNote:
    """What a reminder says; ``token`` names it in the ``action_invoked`` signals."""

    token: str
    title: str
    body: str
    snooze_minutes: int = 10

    def actions(self) -> list[tuple[str, str]]:
        """The three choices as (key, label), in the order they are shown."""
        return [
            (START, QCoreApplication.translate("ReminderWindow", "Start now")),
            (
                SNOOZE,
                QCoreApplication.translate("ReminderWindow", "Snooze {0} min").format(
                    self.snooze_minutes
                ),
            ),
            (SKIP, QCoreApplication.translate("ReminderWindow", "Skip tonight")),
        ]


class Notifier(QObject):
    """One way of showing a reminder. ``notify`` returns False when it cannot show it now."""

    action_invoked = Signal(str, str)
    """(token, action key) when the person picks one of the note's actions."""
    failed = Signal(str)
    """(token) when a note that ``notify`` accepted could not be shown after all."""

    name = "notifier"

    def notify(self, note: ReminderNote) -> bool:
        """Show ``note``; False if this notifier cannot (the chain then tries the next)."""
        raise NotImplementedError

    def withdraw(self, token: str) -> None:
        """Take the note away (it was answered elsewhere); nothing if it is not shown."""


class NotifierChain(QObject):
    """Tries notifiers in order until one shows the note; forwards the person's choice."""

    action_invoked = Signal(str, str)
    shown = Signal(str, str)
    """(token, notifier name) once a notifier has accepted a note."""

    def __init__(self, notifiers: Sequence[Notifier], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.notifiers = list(notifiers)
        self._serving: dict[str, int] = {}
        self._notes: dict[str, ReminderNote] = {}
        for index, notifier in enumerate(self.notifiers):
            notifier.action_invoked.connect(self._on_action)
            notifier.failed.connect(lambda token, index=index: self._on_failed(token, index))

    def notify(self, note: ReminderNote) -> str:
        """Show ``note`` with the first notifier that can; returns that notifier's name."""
        self._notes[note.token] = note
        return self._try_from(note, 0)

    def withdraw(self, token: str) -> None:
        """Take the note away wherever it is shown."""
        self._notes.pop(token, None)
        index = self._serving.pop(token, None)
        if index is not None:
            self.notifiers[index].withdraw(token)

    def _try_from(self, note: ReminderNote, start: int) -> str:
        for index in range(start, len(self.notifiers)):
            notifier = self.notifiers[index]
            if notifier.notify(note):
                self._serving[note.token] = index
                self.shown.emit(note.token, notifier.name)
                return notifier.name
        log.error("no notifier could show the reminder %s", note.token)
        return ""

    def _on_failed(self, token: str, index: int) -> None:
        note = self._notes.get(token)
        if note is not None and self._serving.get(token) == index:
            log.info("%s could not show %s; trying the next way", self.notifiers[index].name, token)
            self._try_from(note, index + 1)

    def _on_action(self, token: str, action: str) -> None:
        if token not in self._notes:
            return  # already answered (e.g. on the window while the bus one was open)
        self.withdraw(token)
        self.action_invoked.emit(token, action)


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
        timer = QTimer(self)
        timer.setObjectName(f"dbus-call-timeout-{serial}")
        timer.setSingleShot(True)
        timer.timeout.connect(lambda: self._on_timeout(serial))
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


class TrayNotifier(Notifier):
    """The tray icon's balloon; clicking it means "Start now". Needs a tray that shows messages."""

    name = "tray"

    def __init__(self, tray: QSystemTrayIcon | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tray = tray
        self._token = ""
        if tray is not None:
            tray.messageClicked.connect(self._on_clicked)

    def notify(self, note: ReminderNote) -> bool:
        """Show a balloon; False where there is no visible tray icon that supports them."""
        tray = self._tray
        if tray is None or not tray.isVisible() or not QSystemTrayIcon.supportsMessages():
            return False
        self._token = note.token
        text = QCoreApplication.translate("ReminderWindow", "{0}\nClick to start.").format(
            note.body
        )
        tray.showMessage(note.title, text, tray.icon(), 60_000)
        return True

    def _on_clicked(self) -> None:
        if self._token:
            token, self._token = self._token, ""
            self.action_invoked.emit(token, START)


class ReminderWindow(QWidget):
    """A small always-on-top window with the reminder and three big buttons."""

    chosen = Signal(str)

    def __init__(self, note: ReminderNote) -> None:
        super().__init__(None, Qt.WindowType.Window | Qt.WindowType.WindowStaysOnTopHint)
        self.setObjectName("reminder-window")
        self.setWindowTitle(f"{note.title} — Nightstretch")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        title = QLabel(note.title)
        title.setProperty("role", "title")
        title.setWordWrap(True)
        body = QLabel(note.body)
        body.setWordWrap(True)
        self.buttons: dict[str, BigButton] = {}
        row = QHBoxLayout()
        row.setSpacing(14)
        for key, label in note.actions():
            button = BigButton(label, role="primary" if key == START else "")
            button.setMinimumSize(230, 72)
            button.clicked.connect(lambda _=False, key=key: self._choose(key))
            self.buttons[key] = button
            row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(16)
        layout.addWidget(title)
        layout.addWidget(body)
        layout.addLayout(row)
        self.setMinimumWidth(800)
        self.buttons[START].setDefault(True)
        self.buttons[START].setFocus()

    def _choose(self, key: str) -> None:
        self.chosen.emit(key)
        self.close()


class WindowNotifier(Notifier):
    """The last resort: our own reminder window, which always works."""

    name = "window"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.windows: dict[str, ReminderWindow] = {}

    def notify(self, note: ReminderNote) -> bool:
        """Show the window (replacing one for the same reminder); always True."""
        self.withdraw(note.token)
        window = ReminderWindow(note)
        window.chosen.connect(lambda key, token=note.token: self._on_chosen(token, key))
        window.destroyed.connect(lambda _=None, token=note.token: self.windows.pop(token, None))
        self.windows[note.token] = window
        window.show()
        window.raise_()
        window.activateWindow()
        return True

    def withdraw(self, token: str) -> None:
        """Close the window for ``token``."""
        window = self.windows.pop(token, None)
        if window is not None:
            window.close()

    def _on_chosen(self, token: str, key: str) -> None:
        self.windows.pop(token, None)
        self.action_invoked.emit(token, key)
