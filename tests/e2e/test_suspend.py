"""Back from suspend, logind's PrepareForSleep(false) makes the reminders check at once.

A private dbus-daemon stands in for the system bus, and ``dbus-send`` for logind. The
service's watchdog is left at its minute, so a reminder that comes within the test's wait
can only have come through the bus.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtDBus import QDBusConnection
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from stretch_app.ui.desktop.reminders import ReminderService
from stretch_app.ui.desktop.sleep_watch import LOGIN1_MANAGER, LOGIN1_PATH, SleepWatch
from tests.ui.test_reminders import LONDON, NIGHTLY, FakeTime, london

pytestmark = pytest.mark.skipif(
    shutil.which("dbus-daemon") is None or shutil.which("dbus-send") is None,
    reason="needs dbus-daemon and dbus-send (dbus)",
)


def prepare_for_sleep(address: str, going: bool) -> None:
    """What logind sends around a suspend, sent the way logind does: a broadcast signal."""
    subprocess.run(
        [
            "dbus-send",
            f"--bus={address}",
            "--type=signal",
            LOGIN1_PATH,
            f"{LOGIN1_MANAGER}.PrepareForSleep",
            f"boolean:{'true' if going else 'false'}",
        ],
        check=True,
        timeout=30,
    )


@pytest.fixture
def system_bus(session_bus: str) -> Iterator[tuple[str, QDBusConnection]]:
    """The private daemon, connected to as the app connects to the system bus."""
    name = f"ns-system-{id(session_bus)}"
    bus = QDBusConnection.connectToBus(session_bus, name)
    assert bus.isConnected(), bus.lastError().message()
    yield session_bus, bus
    QDBusConnection.disconnectFromBus(name)


def test_resume_from_suspend_checks_at_once(
    qapp: QApplication, qtbot: QtBot, tmp_path: Path, system_bus: tuple[str, QDBusConnection]
) -> None:
    address, bus = system_bus
    fake = FakeTime(london(21, 0))
    service = ReminderService(
        NIGHTLY,
        tmp_path / "reminders.json",
        tz=LONDON,
        now=fake.now,
        monotonic=fake.monotonic,
        sleep_watch=SleepWatch(bus=bus),
    )
    try:
        assert service.sleep_watch.listening
        service.start()
        prepare_for_sleep(address, going=True)
        fake.jump(50 * 60)  # asleep past 21:45; the single-shot timer stood still meanwhile
        with qtbot.waitSignal(service.reminder_due, timeout=30_000) as blocker:
            prepare_for_sleep(address, going=False)
        assert blocker.args[0].at == "21:45"
        assert service.wake_timer.remainingTime() > 60_000  # re-armed for tomorrow
    finally:
        service.stop()


def test_without_a_system_bus_the_watchdog_stays_the_fallback(qapp: QApplication) -> None:
    bus = QDBusConnection.connectToBus("unix:path=/nonexistent/bus", "ns-no-bus")
    try:
        watch = SleepWatch(bus=bus)
        assert not watch.listening
    finally:
        QDBusConnection.disconnectFromBus("ns-no-bus")
