"""ReminderDesk on its own: a reminder book, then a real main window; fake clocks passed in.

No ``NightstretchApp`` is built: the desk gets a reader of the reminder book and a reminder
service made here with the clock and zone the test wants, then a small window side (the window,
the library, the settings and the settings file).
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
from stretch_app.core.reminder_book import book_of
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
        self.settings_store = SettingsStore(tmp_path / "settings.toml")
        self.desk = ReminderDesk(
            lambda: book_of(self.library, self.settings),
            tray_available=False,
            service=self.service,
        )
        self.desk.attach(self)
        self.asked: list[str] = []
        self.desk.start_requested.connect(lambda rid: self.asked.append(f"start {rid}"))
        self.desk.cramp_now_requested.connect(lambda: self.asked.append("cramp now"))
        self.desk.open_requested.connect(lambda: self.asked.append("open"))

    def show_home(self) -> None:
        self.hidden.append(None)


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


def test_without_a_window_the_desk_reminds_from_the_book_alone(
    qtbot: QtBot, tmp_path: Path
) -> None:
    library = load_library([paths.bundled_routines_dir()]).in_language("en")
    book = book_of(library, Settings())
    service = ReminderService(
        book.reminders, tmp_path / "r.json", zone=lambda: LONDON, now=lambda: NOW
    )
    desk = ReminderDesk(lambda: book, tray_available=False, service=service)
    assert desk.window is None and desk.keep_running is None
    desk.show_reminder(bedtime_due())
    assert [due.routine_id for due in desk.shown.values()] == ["bedtime"]
    desk.edit_reminders("bedtime")  # needs a window: nothing happens
    assert desk._tray_state().routines[0] == ("bedtime", "Bedtime leg stretches")
    desk.shutdown()


def test_a_detached_window_is_no_longer_watched(parts: Parts) -> None:
    parts.desk.detach()
    assert parts.desk.window is None and parts.desk.keep_running is None
    parts.desk.refresh()  # no window to write the cards' lines on: still fine
    parts.desk.follow_file("bedtime")
