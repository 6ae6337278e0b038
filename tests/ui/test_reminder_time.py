"""Reminders follow the person's zone and the injected clock, driven through the real timers."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from stretch_app.core.clock import FakeClock
from stretch_app.core.schedule import Due
from stretch_app.ui.app import NightstretchApp
from stretch_app.ui.desktop.reminders import ReminderService
from tests.ui import test_reminders as base
from tests.ui.test_reminders import NIGHTLY, FakeTime

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")

# The whole app with a fake clock, from the reminder tests.
app = base.app
fake = base.fake


class Zone:
    """The computer's zone, as the service asks for it; a test moves it (travel)."""

    def __init__(self, zone: ZoneInfo) -> None:
        self.zone = zone

    def __call__(self) -> ZoneInfo:
        return self.zone


@pytest.fixture
def zone() -> Zone:
    return Zone(BERLIN)


@pytest.fixture
def travelling(
    qapp: QApplication, tmp_path: Path, zone: Zone
) -> Iterator[tuple[ReminderService, FakeTime]]:
    """A service whose clock stands 0.5 s before 21:45 in Berlin."""
    clock = FakeTime(datetime(2026, 11, 27, 21, 44, 59, 500_000, tzinfo=BERLIN).astimezone(UTC))
    service = ReminderService(
        NIGHTLY, tmp_path / "reminders.json", zone=zone, now=clock.now, monotonic=clock.monotonic
    )
    yield service, clock
    service.stop()


def test_after_flying_west_the_reminder_comes_at_the_local_time_not_the_old_one(
    qtbot: QtBot, travelling: tuple[ReminderService, FakeTime], zone: Zone
) -> None:
    service, clock = travelling
    fired: list[Due] = []
    service.reminder_due.connect(fired.append)
    service.start()
    assert service.wake_timer.interval() < 1000  # armed for 21:45 Berlin
    zone.zone = NEW_YORK  # landed: it is 15:45 here
    with qtbot.waitSignal(service.wake_timer.timeout, timeout=30_000):
        pass  # the timer set for 21:45 Berlin fires...
    assert fired == []  # ...but it is 15:45 in New York: no reminder
    assert service.next_wake == datetime(2026, 11, 27, 21, 45, tzinfo=NEW_YORK)
    assert service.next_reminder_text() == "Next reminder: tonight 21:45"
    # Six hours on, at 21:45 New York time, the watchdog (made quick here) finds it due.
    clock.advance((service.next_wake - clock.now()).total_seconds() + 1)
    service.watchdog.setInterval(20)
    with qtbot.waitSignal(service.reminder_due, timeout=30_000) as blocker:
        pass
    assert blocker.args[0].scheduled == datetime(2026, 11, 27, 21, 45, tzinfo=NEW_YORK)
    assert len(fired) == 1


def test_the_watchdog_notices_a_new_zone_and_re_arms(
    qtbot: QtBot, travelling: tuple[ReminderService, FakeTime], zone: Zone
) -> None:
    service, clock = travelling
    clock.advance(-3600)  # 20:45 in Berlin: the timer is set an hour ahead
    service.start()
    zone.zone = ZoneInfo("Asia/Kolkata")  # 01:15 there: 21:45 is long gone tonight
    service.watchdog.setInterval(20)
    qtbot.waitUntil(lambda: service.scheduler.tz == zone.zone, timeout=30_000)
    expected = datetime(2026, 11, 28, 21, 45, tzinfo=zone.zone)
    assert service.next_wake == expected


def test_pause_tonight_follows_the_injected_clock_not_the_real_one(
    app: NightstretchApp, fake: FakeTime
) -> None:
    desk = app.reminder_desk
    desk.pause_tonight()
    assert desk._tray_state().paused_tonight
    fake.advance(timedelta(days=1).total_seconds())  # the next evening
    assert not desk._tray_state().paused_tonight


@pytest.mark.parametrize("answer", ["pause", "skip"])
def test_pausing_in_the_morning_means_this_evening(
    qapp: QApplication, tmp_path: Path, answer: str
) -> None:
    morning = FakeTime(base.london(8, 0))
    service = base.make_service(morning, tmp_path / "reminders.json")
    service.start()
    try:
        assert service.next_reminder() == base.london(21, 45)
        if answer == "pause":
            service.pause_tonight()
        else:
            service.skip_tonight("bedtime")
        assert service.next_reminder() == base.london(21, 45) + timedelta(days=1)
        morning.advance(13 * 3600 + 46 * 60)  # 21:46 that evening
        assert service.check() == []
    finally:
        service.stop()


def test_pausing_after_midnight_means_the_night_in_progress(
    qapp: QApplication, tmp_path: Path
) -> None:
    small_hours = FakeTime(base.london(2, 0))  # 02:00 on the 27th: the night of the 26th
    service = base.make_service(small_hours, tmp_path / "reminders.json")
    service.start()
    try:
        service.pause_tonight()
        assert service.next_reminder() == base.london(21, 45)  # the 27th's evening still rings
    finally:
        service.stop()


def test_an_app_that_does_not_run_the_reminders_says_so_and_writes_nothing(
    qapp: QApplication, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    second = NightstretchApp(qapp, clock=FakeClock(), voice_engine="mock")
    qtbot.addWidget(second.window)
    try:
        service = second.reminder_desk.service
        service.state_file = tmp_path / "reminders.json"
        second.reminder_desk.start(run_reminders=False)
        assert not service.running and not service.wake_timer.isActive()
        assert "already open" in second.window.home.notice_label.text()
        second.reminder_desk.pause_tonight()  # what fired is the running app's to record
        second.reminder_desk.routine_done("bedtime")
        assert not service.state_file.exists()
    finally:
        second.shutdown()


def test_a_pause_shows_from_the_saved_state_after_a_restart(
    qapp: QApplication, tmp_path: Path
) -> None:
    """The tray's fresh start (and any restart) kept the skips but once forgot the menu's
    "paused tonight" mark: it is read from the saved reminders state now."""
    evening = FakeTime(base.london(20, 0))
    state = tmp_path / "reminders.json"
    service = base.make_service(evening, state)
    service.start()
    try:
        assert not service.paused_tonight()
        service.pause_tonight()
        assert service.paused_tonight()
    finally:
        service.stop()
    again = base.make_service(evening, state)  # a new process reading the same file
    again.start()
    try:
        assert again.paused_tonight()
        evening.advance(timedelta(days=1).total_seconds())  # the next evening: not paused
        assert not again.paused_tonight()
    finally:
        again.stop()
