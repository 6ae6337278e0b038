"""Keeping the screen awake during a routine, against a screen saver on a private D-Bus bus."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from jeepney import HeaderFields, MessageType, new_error, new_method_return
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import Proxy, open_dbus_connection
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from stretch_app.core.clock import FakeClock
from stretch_app.core.session import SessionState
from stretch_app.ui.app import NightstretchApp

pytestmark = pytest.mark.skipif(
    shutil.which("dbus-daemon") is None, reason="needs the dbus-daemon program"
)

NAME = "org.freedesktop.ScreenSaver"


@dataclass
class FakeScreenSaver:
    """Answers Inhibit with a cookie and records which cookies are still held."""

    address: str
    held: dict[int, tuple[str, str]] = field(default_factory=dict)
    released: list[int] = field(default_factory=list)
    _next_cookie: int = 41
    _stop: threading.Event = field(default_factory=threading.Event)
    _ready: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None
    error: BaseException | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="fake-screensaver", daemon=True)
        self._thread.start()
        if not self._ready.wait(10):
            raise RuntimeError(f"the fake screen saver did not start: {self.error}")

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(10)

    def _run(self) -> None:
        try:
            with open_dbus_connection(bus=self.address) as connection:
                Proxy(message_bus, connection, timeout=5).RequestName(NAME, 4)
                self._ready.set()
                while not self._stop.is_set():
                    try:
                        message = connection.receive(timeout=0.02)
                    except TimeoutError:
                        continue
                    if message.header.message_type is MessageType.method_call:
                        connection.send(self._answer(message))
        except BaseException as exc:  # reported by the test, not lost in the thread
            self.error = exc
            self._ready.set()

    def _answer(self, message: Any) -> Any:
        member = message.header.fields.get(HeaderFields.member)
        if member == "Inhibit":
            self._next_cookie += 1
            self.held[self._next_cookie] = tuple(message.body)
            return new_method_return(message, "u", (self._next_cookie,))
        if member == "UnInhibit":
            (cookie,) = message.body
            self.held.pop(cookie, None)
            self.released.append(cookie)
            return new_method_return(message)
        return new_error(message, "org.freedesktop.DBus.Error.UnknownMethod")


@pytest.fixture
def screensaver(session_bus: str) -> Iterator[FakeScreenSaver]:
    saver = FakeScreenSaver(session_bus)
    saver.start()
    try:
        yield saver
    finally:
        saver.stop()
    assert saver.error is None, saver.error


@pytest.fixture
def app(qapp: QApplication, qtbot: QtBot) -> Iterator[NightstretchApp]:
    nightstretch = NightstretchApp(qapp, clock=FakeClock(), voice_engine="mock")
    qtbot.addWidget(nightstretch.window)
    yield nightstretch
    nightstretch.shutdown()


def test_the_screen_stays_awake_while_stretching_and_not_while_paused(
    screensaver: FakeScreenSaver, app: NightstretchApp, qtbot: QtBot
) -> None:
    player = app.start_routine("bedtime")
    assert player is not None
    qtbot.waitUntil(lambda: len(screensaver.held) == 1)
    ((who, why),) = screensaver.held.values()
    assert who == "Nightstretch"
    assert why
    player.toggle_pause()
    assert player.session.state is SessionState.PAUSED
    qtbot.waitUntil(lambda: not screensaver.held)
    player.toggle_pause()
    qtbot.waitUntil(lambda: len(screensaver.held) == 1)
    player.stop()
    qtbot.waitUntil(lambda: not screensaver.held)
    assert len(screensaver.released) == 2


def test_cramp_relief_keeps_the_screen_awake_until_it_ends(
    screensaver: FakeScreenSaver, app: NightstretchApp, qtbot: QtBot
) -> None:
    relief = app.cramp_now()
    assert relief is not None
    qtbot.waitUntil(lambda: len(screensaver.held) == 1)
    app.show_home()
    qtbot.waitUntil(lambda: not screensaver.held)
