"""ReminderDesk on its own: a real main window and routine files, fake clocks passed in.

No ``NightstretchApp`` is built: the desk gets the window, readers of the library and the
settings, and a reminder service made here with the clock and zone the test wants.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from pytestqt.qtbot import QtBot

from stretch_app import paths
from stretch_app.core.library import Library, load_library
from stretch_app.core.model import RoutineKind
from stretch_app.core.schedule import Due
from stretch_app.core.settings import Settings
from stretch_app.ui.controllers.reminders import ReminderDesk
from stretch_app.ui.desktop.notify import SKIP, START
from stretch_app.ui.desktop.reminders import ReminderService, effective_reminders
from stretch_app.ui.screens.main_window import MainWindow
from stretch_app.ui.settings_store import SettingsStore

LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 11, 28, 20, 0, tzinfo=UTC)


class Parts:
    """A desk, what it was given, and what it asked of the root."""

    def __init__(self, qtbot: QtBot, tmp_path: Path) -> None:
        self.window = MainWindow()
        qtbot.addWidget(self.window)
        self.library: Library = load_library([paths.bundled_routines_dir()]).in_language("en")
        self.settings = Settings(close_to_tray=False)
        routines = self.library.routines_of_kind(RoutineKind.ROUTINE)
        self.service = ReminderService(
            effective_reminders(routines, {}),
            tmp_path / "reminders.json",
            zone=lambda: LONDON,
            now=lambda: NOW,
            monotonic=lambda: 100.0,
        )
        self.hidden: list[None] = []
        self.desk = ReminderDesk(
            self.window,
            library=lambda: self.library,
            settings=lambda: self.settings,
            settings_store=SettingsStore(tmp_path / "settings.toml"),
            before_hiding=lambda: self.hidden.append(None),
            tray_available=False,
            service=self.service,
        )
        self.asked: list[str] = []
        self.desk.start_requested.connect(lambda rid: self.asked.append(f"start {rid}"))
        self.desk.cramp_now_requested.connect(lambda: self.asked.append("cramp now"))
        self.desk.open_requested.connect(lambda: self.asked.append("open"))


@pytest.fixture
def parts(qtbot: QtBot, tmp_path: Path) -> Iterator[Parts]:
    made = Parts(qtbot, tmp_path)
    yield made
    made.desk.shutdown()


def bedtime_due() -> Due:
    return Due("bedtime", "21:45", date(2026, 11, 28), NOW)


def test_start_now_on_a_reminder_asks_the_root_to_start_that_routine(parts: Parts) -> None:
    parts.desk.show_reminder(bedtime_due())
    [token] = parts.desk.shown
    parts.desk.on_action(token, START)
    assert parts.asked == ["start bedtime"]
    parts.desk.on_action(token, START)  # the same answer again: already handled
    assert parts.asked == ["start bedtime"]


def test_skip_tonight_goes_to_the_schedule_not_to_the_root(parts: Parts) -> None:
    parts.desk.show_reminder(bedtime_due())
    [token] = parts.desk.shown
    parts.desk.on_action(token, SKIP)
    assert parts.asked == []
    handled = parts.service.scheduler.state.handled
    assert {key.routine_id for key, outcome in handled.items() if outcome.value == "skipped"} == {
        "bedtime"
    }


def test_a_done_routine_takes_its_reminder_back(parts: Parts) -> None:
    parts.desk.show_reminder(bedtime_due())
    assert parts.desk.shown
    parts.desk.routine_done("bedtime")
    assert parts.desk.shown == {}


def test_the_tray_speaks_to_the_root_by_signals(parts: Parts) -> None:
    parts.desk.tray.cramp_now_requested.emit()
    parts.desk.tray.open_requested.emit()
    parts.desk.tray.start_requested.emit("bedtime")
    assert parts.asked == ["cramp now", "open", "start bedtime"]


def test_closing_to_the_tray_follows_the_settings_reader(parts: Parts) -> None:
    assert not parts.desk.keeps_running_hidden
    parts.desk.tray_mode = True
    assert parts.desk.keeps_running_hidden
