"""A reminder as a real desktop notification, on a private D-Bus session bus.

The test starts its own ``dbus-daemon`` and a small ``org.freedesktop.Notifications`` server
(jeepney, in a thread) that records every ``Notify`` call and can press an action button by
emitting ``ActionInvoked``. The app runs in this process (offscreen) on that bus.
"""

from __future__ import annotations

import os
import queue
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import pytest
from jeepney import DBusAddress, MessageType, new_error, new_method_return, new_signal
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import Proxy, open_dbus_connection
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from stretch_app import paths
from stretch_app.core.clock import FakeClock
from stretch_app.core.wall_clock import local_zone
from stretch_app.ui.app import NightstretchApp
from stretch_app.ui.desktop.notify_window import WindowNotifier

pytestmark = pytest.mark.skipif(
    shutil.which("dbus-daemon") is None, reason="needs the dbus-daemon program"
)

NAME = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
WAIT_MS = 10_000


@dataclass
class FakeNotificationServer:
    """Records Notify calls; ``invoke`` makes it emit ActionInvoked like a clicked button."""

    address: str
    notifications: list[dict[str, Any]] = field(default_factory=list)
    closed: list[int] = field(default_factory=list)
    _outbox: queue.Queue[Any] = field(default_factory=queue.Queue)
    _stop: threading.Event = field(default_factory=threading.Event)
    _ready: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None
    error: BaseException | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="fake-notifications", daemon=True)
        self._thread.start()
        if not self._ready.wait(WAIT_MS / 1000):
            raise RuntimeError(f"the fake notification server did not start: {self.error}")

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(WAIT_MS / 1000)

    def invoke(self, notification_id: int, action: str) -> None:
        emitter = DBusAddress(PATH, interface=NAME)
        self._outbox.put(new_signal(emitter, "ActionInvoked", "us", (notification_id, action)))

    def _run(self) -> None:
        try:
            with open_dbus_connection(bus=self.address) as connection:
                Proxy(message_bus, connection, timeout=5).RequestName(NAME, 4)
                self._ready.set()
                while not self._stop.is_set():
                    while not self._outbox.empty():
                        connection.send(self._outbox.get())
                    try:
                        message = connection.receive(timeout=0.02)
                    except TimeoutError:
                        continue
                    if message.header.message_type is MessageType.method_call:
                        for reply in self._answer(message):
                            connection.send(reply)
        except BaseException as exc:  # reported by the test, not lost in the thread
            self.error = exc
            self._ready.set()

    def _answer(self, message: Any) -> list[Any]:
        from jeepney import HeaderFields

        member = message.header.fields.get(HeaderFields.member)
        if member == "Notify":
            app_name, _, icon, summary, body, actions, hints, timeout = message.body
            notification_id = len(self.notifications) + 1
            self.notifications.append(
                {
                    "id": notification_id,
                    "app_name": app_name,
                    "icon": icon,
                    "summary": summary,
                    "body": body,
                    "actions": list(actions),
                    "hints": dict(hints),
                    "timeout": timeout,
                }
            )
            return [new_method_return(message, "u", (notification_id,))]
        if member == "CloseNotification":
            (notification_id,) = message.body
            self.closed.append(notification_id)
            emitter = DBusAddress(PATH, interface=NAME)
            closed = new_signal(emitter, "NotificationClosed", "uu", (notification_id, 3))
            return [new_method_return(message), closed]
        if member == "GetCapabilities":
            return [new_method_return(message, "as", (["actions", "body"],))]
        return [new_error(message, "org.freedesktop.DBus.Error.UnknownMethod")]


@pytest.fixture
def notification_server(session_bus: str) -> Iterator[FakeNotificationServer]:
    server = FakeNotificationServer(session_bus)
    server.start()
    try:
        yield server
    finally:
        server.stop()
    assert server.error is None, server.error


def remind_a_minute_ago() -> None:
    """A settings file whose bedtime reminder was a minute ago: it fires as the app starts."""
    at = (datetime.now(local_zone()) - timedelta(minutes=1)).strftime("%H:%M")
    settings = paths.settings_path()
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text(f'schema_version = 1\n\n[[reminder_overrides.bedtime]]\nat = "{at}"\n')


@pytest.fixture
def app(qapp: QApplication, qtbot: QtBot) -> Iterator[NightstretchApp]:
    remind_a_minute_ago()
    nightstretch = NightstretchApp(qapp, clock=FakeClock(), voice_engine="mock")
    qtbot.addWidget(nightstretch.window)
    yield nightstretch
    nightstretch.shutdown()


def test_the_notification_arrives_with_actions_and_start_now_opens_the_player(
    notification_server: FakeNotificationServer, app: NightstretchApp, qtbot: QtBot
) -> None:
    assert not app.window.isVisible()  # started as from autostart: hidden
    app.reminder_desk.start(tray_mode=True)
    qtbot.waitUntil(lambda: len(notification_server.notifications) == 1, timeout=WAIT_MS)
    note = notification_server.notifications[0]
    assert note["app_name"] == "Nightstretch"
    assert note["summary"] == "Time for your bedtime stretches"
    assert "Bedtime leg stretches" in note["body"]
    pairs = list(zip(note["actions"][::2], note["actions"][1::2], strict=True))
    assert ("start", "Start now") in pairs
    assert ("snooze", "Snooze 10 min") in pairs
    assert ("skip", "Skip tonight") in pairs
    assert note["hints"]["desktop-entry"] == ("s", "nightstretch")
    dbus = app.reminder_desk.dbus
    qtbot.waitUntil(lambda: note["id"] in dbus.shown, timeout=WAIT_MS)
    window_notifier = app.reminder_desk.notifier.notifiers[-1]
    assert isinstance(window_notifier, WindowNotifier) and not window_notifier.windows

    notification_server.invoke(note["id"], "start")
    qtbot.waitUntil(lambda: app.player is not None and app.window.isVisible(), timeout=WAIT_MS)
    assert "Bedtime leg stretches" in app.window.windowTitle()
    assert app.window.current_screen() is app.player
    qtbot.waitUntil(lambda: notification_server.closed == [note["id"]], timeout=WAIT_MS)
    assert len(notification_server.notifications) == 1  # fired once


def test_without_a_notification_server_the_reminder_window_shows(
    session_bus: str, app: NightstretchApp, qtbot: QtBot
) -> None:
    app.reminder_desk.start()
    window_notifier = app.reminder_desk.notifier.notifiers[-1]
    assert isinstance(window_notifier, WindowNotifier)
    qtbot.waitUntil(lambda: len(window_notifier.windows) == 1, timeout=WAIT_MS)
    assert app.reminder_desk.dbus.connected  # the bus was there; the server was not
    assert os.environ["DBUS_SESSION_BUS_ADDRESS"] == session_bus
