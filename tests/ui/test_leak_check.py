"""The autouse leak check (tests/leaks.py) sees what a test leaves running, and only that."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from stretch_app.ui import timers
from tests import leaks


@pytest.fixture
def recorder(monkeypatch: pytest.MonkeyPatch) -> leaks.TimerRecorder:
    made = leaks.TimerRecorder()
    monkeypatch.setattr(timers, "QTimer", made)
    return made


def check(recorder: leaks.TimerRecorder, before: set[int]) -> list[str]:
    failures: list[str] = []
    leaks.check(recorder, before, failures.append)
    return failures


def test_a_running_timer_of_ours_is_reported_and_stopped(
    recorder: leaks.TimerRecorder, qapp: object
) -> None:
    owner = QObject()
    owner.setObjectName("reminders")
    timer = timers.named_timer(owner, "next-reminder", lambda: None, interval_ms=60_000)
    timer.start()
    (message,) = check(recorder, leaks.shown_windows())
    assert "'next-reminder'" in message and "'reminders'" in message
    assert "60000 ms" in message
    assert "shutdown" in message  # says how to clean up
    assert not timer.isActive()  # stopped, so the next test is not failed by it


def test_an_unparented_timer_is_found_through_the_helper(
    recorder: leaks.TimerRecorder, qapp: object
) -> None:
    timer = timers.named_timer(None, "orphan", lambda: None)  # type: ignore[arg-type]
    timer.start(1000)
    (message,) = check(recorder, leaks.shown_windows())
    assert "'orphan'" in message


def test_a_window_left_open_is_reported_and_closed(
    recorder: leaks.TimerRecorder, qapp: object
) -> None:
    before = leaks.shown_windows()
    window = QWidget()
    window.setWindowTitle("Cramp relief")
    window.show()
    (message,) = check(recorder, before)
    assert "'Cramp relief'" in message
    assert not window.isVisible()


def test_stopped_timers_and_deleted_owners_are_fine(
    recorder: leaks.TimerRecorder, qtbot: QtBot
) -> None:
    keeper = QObject()
    stopped = timers.named_timer(keeper, "stopped", lambda: None)
    stopped.start(1000)
    stopped.stop()
    owner = QWidget()
    running = timers.named_timer(owner, "owned", lambda: None, interval_ms=200)
    running.start()
    owner.deleteLater()  # pending deletion: the check lets Qt finish it first
    assert check(recorder, leaks.shown_windows()) == []
