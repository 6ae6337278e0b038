"""Keeping the screen awake during a routine, against a screen saver on a private D-Bus bus:
one that answers, one that answers only while the app keeps running, one that never answers,
and one that is not there at first."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from jeepney import HeaderFields, MessageType, new_error, new_method_return
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import Proxy, open_dbus_connection
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from stretch_app.core.clock import FakeClock
from stretch_app.core.session import SessionState
from stretch_app.ui.app import NightstretchApp
from stretch_app.ui.desktop.inhibit import ScreenSaverInhibitor

pytestmark = pytest.mark.skipif(
    shutil.which("dbus-daemon") is None, reason="needs the dbus-daemon program"
)

NAME = "org.freedesktop.ScreenSaver"


@dataclass
class FakeScreenSaver:
    """Answers Inhibit with a cookie and records which cookies are still held.

    ``answer_when`` holds each Inhibit back until it returns True (checked every 20 ms, given
    the event-loop turns counted when the call came); ``silent`` never answers Inhibit at all.
    """

    address: str
    held: dict[int, tuple[str, str]] = field(default_factory=dict)
    released: list[int] = field(default_factory=list)
    calls: list[str] = field(default_factory=list)
    answer_when: Callable[[int], bool] | None = None
    turns: Callable[[], int] = lambda: 0
    silent: bool = False
    _next_cookie: int = 41
    _held_back: list[tuple[Any, int]] = field(default_factory=list)
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
                    for held_back in list(self._held_back):
                        message, turns_then = held_back
                        if self.answer_when is not None and self.answer_when(turns_then):
                            self._held_back.remove(held_back)
                            connection.send(self._answer(message))
                    try:
                        message = connection.receive(timeout=0.02)
                    except TimeoutError:
                        continue
                    if message.header.message_type is not MessageType.method_call:
                        continue
                    member = message.header.fields.get(HeaderFields.member)
                    self.calls.append(member)
                    if member == "Inhibit" and self.silent:
                        continue
                    if member == "Inhibit" and self.answer_when is not None:
                        self._held_back.append((message, self.turns()))
                        continue
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


class Heartbeat:
    """Counts turns of the GUI thread's event loop with a 0 ms timer: a blocked loop stops it."""

    def __init__(self) -> None:
        self.count = 0
        self._timer = QTimer()
        self._timer.timeout.connect(self._beat)
        self._timer.start(0)

    def _beat(self) -> None:
        self.count += 1

    def stop(self) -> None:
        self._timer.stop()


@pytest.fixture
def heartbeat(qapp: QApplication) -> Iterator[Heartbeat]:
    beat = Heartbeat()
    yield beat
    beat.stop()


def start_saver(session_bus: str, **behaviour: Any) -> FakeScreenSaver:
    saver = FakeScreenSaver(session_bus, **behaviour)
    saver.start()
    return saver


@pytest.fixture
def patient_screensaver(session_bus: str, heartbeat: Heartbeat) -> Iterator[FakeScreenSaver]:
    """Answers Inhibit only once the app's event loop has turned 20 more times since the call
    came: an app that waits on the bus for the answer never gets one."""
    saver = start_saver(
        session_bus,
        turns=lambda: heartbeat.count,
        answer_when=lambda then: heartbeat.count >= then + 20,
    )
    try:
        yield saver
    finally:
        saver.stop()
    assert saver.error is None, saver.error


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


# --- nothing waits on the bus -----------------------------------------------------------------


def test_inhibit_never_waits_for_the_screen_saver(
    patient_screensaver: FakeScreenSaver, qtbot: QtBot
) -> None:
    inhibitor = ScreenSaverInhibitor()
    inhibitor.inhibit("routine")
    qtbot.waitUntil(lambda: inhibitor.active, timeout=30_000)
    assert patient_screensaver.calls == ["Inhibit"]
    assert len(patient_screensaver.held) == 1
    inhibitor.release()
    qtbot.waitUntil(lambda: not patient_screensaver.held)


def test_cramp_now_keeps_the_screen_awake_without_waiting_for_it(
    patient_screensaver: FakeScreenSaver, app: NightstretchApp, qtbot: QtBot
) -> None:
    relief = app.cramp_now()
    assert relief is not None
    qtbot.waitUntil(lambda: len(patient_screensaver.held) == 1, timeout=30_000)
    app.show_home()
    qtbot.waitUntil(lambda: not patient_screensaver.held)


def test_a_screen_saver_that_never_answers_is_asked_once_then_again_after_the_timeout(
    session_bus: str, heartbeat: Heartbeat, qtbot: QtBot
) -> None:
    saver = start_saver(session_bus, silent=True)
    try:
        inhibitor = ScreenSaverInhibitor(call_timeout_ms=300)
        inhibitor.inhibit("routine")
        qtbot.waitUntil(lambda: saver.calls == ["Inhibit"])
        beats = heartbeat.count
        qtbot.waitUntil(lambda: heartbeat.count > beats + 20)  # the app goes on meanwhile
        inhibitor.inhibit("routine")  # still asking: no pile of calls
        inhibitor.release()
        inhibitor.inhibit("routine")
        qtbot.waitUntil(lambda: not inhibitor.asking)  # the call timed out
        assert not inhibitor.active
        assert saver.calls == ["Inhibit"]
        inhibitor.inhibit("routine")  # a failure is not remembered: ask again
        qtbot.waitUntil(lambda: saver.calls == ["Inhibit", "Inhibit"])
        qtbot.waitUntil(lambda: not inhibitor.asking)
    finally:
        saver.stop()
    assert saver.error is None, saver.error


def test_a_screen_saver_that_comes_later_is_used(session_bus: str, qtbot: QtBot) -> None:
    inhibitor = ScreenSaverInhibitor()
    inhibitor.inhibit("routine")  # nobody owns the name yet: the bus says so
    qtbot.waitUntil(lambda: not inhibitor.asking)
    assert not inhibitor.active
    saver = start_saver(session_bus)
    try:
        inhibitor.inhibit("routine")
        qtbot.waitUntil(lambda: inhibitor.active)
        assert len(saver.held) == 1
        inhibitor.release()
        qtbot.waitUntil(lambda: not saver.held)
    finally:
        saver.stop()
    assert saver.error is None, saver.error


def test_a_release_before_the_answer_gives_the_cookie_back(
    patient_screensaver: FakeScreenSaver, qtbot: QtBot
) -> None:
    inhibitor = ScreenSaverInhibitor()
    inhibitor.inhibit("routine")
    inhibitor.release()  # the routine ended before the screen saver answered
    qtbot.waitUntil(lambda: len(patient_screensaver.released) == 1, timeout=30_000)
    assert not patient_screensaver.held
    assert not inhibitor.active
