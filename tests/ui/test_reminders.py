"""Reminder timers with a fake wall clock: fire once, survive sleep and restarts, obey answers."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from stretch_app import paths
from stretch_app.core.clock import FakeClock
from stretch_app.core.model import Day, Reminder
from stretch_app.core.reminder_rules import effective_reminders
from stretch_app.core.schedule import Due, OccurrenceKey, Outcome
from stretch_app.core.settings import load_settings
from stretch_app.ui.app import NightstretchApp
from stretch_app.ui.controllers.reminders import ReminderClocks
from stretch_app.ui.desktop.notify import (
    SKIP,
    SNOOZE,
    START,
    Notifier,
    NotifierChain,
    ReminderNote,
)
from stretch_app.ui.desktop.notify_dbus import DBusNotifier
from stretch_app.ui.desktop.notify_window import ReminderWindow, WindowNotifier
from stretch_app.ui.desktop.reminders import (
    WATCHDOG_MS,
    ReminderService,
    next_reminder_text,
)
from stretch_app.ui.screens.reminders_dialog import RemindersDialog, apply_reminder_choice
from stretch_app.ui.settings_store import SettingsStore

LONDON = ZoneInfo("Europe/London")
NIGHTLY = {"bedtime": (Reminder(at="21:45"),)}


class FakeTime:
    """Wall and monotonic time that run with the real clock but can be moved by hand.

    ``advance`` moves both (time passes); ``jump`` moves the wall clock only, which is what a
    suspend and resume, or a clock change, looks like to a process.
    """

    def __init__(self, start: datetime) -> None:
        self._start_wall = start
        self._real0 = time.monotonic()
        self._wall_shift = 0.0
        self._mono_shift = 0.0

    def now(self) -> datetime:
        elapsed = time.monotonic() - self._real0 + self._wall_shift
        return self._start_wall + timedelta(seconds=elapsed)

    def monotonic(self) -> float:
        return time.monotonic() + self._mono_shift

    def advance(self, seconds: float) -> None:
        self._wall_shift += seconds
        self._mono_shift += seconds

    def jump(self, seconds: float) -> None:
        self._wall_shift += seconds


def london(hour: int, minute: int, second: float = 0.0) -> datetime:
    local = datetime(2026, 11, 27, hour, minute, tzinfo=LONDON)
    return (local + timedelta(seconds=second)).astimezone(UTC)


@pytest.fixture
def state_file(tmp_path: Path) -> Path:
    return tmp_path / "data" / "reminders.json"


def make_service(fake: FakeTime, state_file: Path) -> ReminderService:
    return ReminderService(NIGHTLY, state_file, tz=LONDON, now=fake.now, monotonic=fake.monotonic)


@pytest.fixture
def fake() -> FakeTime:
    return FakeTime(london(21, 0))


@pytest.fixture
def service(qapp: QApplication, fake: FakeTime, state_file: Path) -> Iterator[ReminderService]:
    reminders = make_service(fake, state_file)
    yield reminders
    reminders.stop()


def record(service: ReminderService) -> list[Due]:
    fired: list[Due] = []
    service.reminder_due.connect(fired.append)
    return fired


def test_one_single_shot_to_the_next_reminder_and_a_minute_watchdog(
    service: ReminderService,
) -> None:
    fired = record(service)
    service.start()
    assert fired == []
    assert service.wake_timer.isActive() and service.wake_timer.isSingleShot()
    assert abs(service.wake_timer.interval() - 45 * 60 * 1000) < 2000
    assert service.watchdog.isActive() and service.watchdog.interval() == WATCHDOG_MS
    assert service.wake_timer.objectName() == "reminder-wake"
    assert service.watchdog.objectName() == "reminder-watchdog"
    assert service.wake_timer.parent() is service and service.watchdog.parent() is service


def test_the_timer_fires_the_reminder_once(
    fake: FakeTime, service: ReminderService, qtbot: QtBot
) -> None:
    fake.advance((london(21, 44, 59.7) - fake.now()).total_seconds())
    fired = record(service)
    service.start()
    assert service.wake_timer.interval() < 1000
    with qtbot.waitSignal(service.reminder_due, timeout=5000) as blocker:
        pass
    due = blocker.args[0]
    assert (due.routine_id, due.at, due.day) == ("bedtime", "21:45", date(2026, 11, 27))
    service.check()
    service.watchdog_tick()
    assert len(fired) == 1
    assert service.next_wake is not None and service.next_wake > fake.now() + timedelta(hours=23)


def test_a_wake_from_sleep_within_the_grace_window_fires_once(
    fake: FakeTime, service: ReminderService, qtbot: QtBot
) -> None:
    fired = record(service)
    service.start()
    service.watchdog.setInterval(20)  # its minute, made quick: the real timer drives this
    fake.jump(60 * 60)  # asleep from 21:00 to 22:00; the monotonic clock stood still
    with qtbot.waitSignal(service.reminder_due, timeout=30_000):
        pass
    assert [d.at for d in fired] == ["21:45"]
    for _ in range(3):  # later ticks find nothing more to fire
        with qtbot.waitSignal(service.watchdog.timeout, timeout=30_000):
            pass
    assert len(fired) == 1


def test_a_wake_past_the_grace_window_skips_the_reminder(
    fake: FakeTime, service: ReminderService
) -> None:
    fired = record(service)
    service.start()
    fake.jump(2 * 60 * 60 + 60)  # asleep until 23:01: 76 minutes late
    service.watchdog_tick()
    assert fired == []
    key = OccurrenceKey("bedtime", "21:45", date(2026, 11, 27))
    assert service.scheduler.state.handled[key] is Outcome.MISSED


def test_without_a_jump_the_watchdog_does_not_ask_the_scheduler(
    fake: FakeTime, service: ReminderService
) -> None:
    service.start()
    calls: list[datetime] = []
    original = service.scheduler.due

    def counting_due(now: datetime) -> list[Due]:
        calls.append(now)
        return original(now)

    service.scheduler.due = counting_due  # type: ignore[method-assign]
    fake.advance(60)
    service.watchdog_tick()
    assert calls == []
    fake.jump(-3600)  # the clock was set back an hour
    service.watchdog_tick()
    assert len(calls) == 1
    assert abs(service.wake_timer.interval() - 105 * 60 * 1000) < 65_000


def test_a_restart_never_fires_a_reminder_twice(
    fake: FakeTime, service: ReminderService, state_file: Path
) -> None:
    fired = record(service)
    service.start()
    fake.advance(46 * 60)
    service.check()
    assert len(fired) == 1
    service.stop()
    saved = json.loads(state_file.read_text())
    assert saved["handled"][0]["outcome"] == "fired"
    assert not list(state_file.parent.glob(".*.tmp"))  # the atomic write left no temp file
    again = make_service(fake, state_file)
    fired_again = record(again)
    again.start()
    again.stop()
    assert fired_again == []


def test_a_damaged_state_file_starts_afresh(
    qapp: QApplication, fake: FakeTime, state_file: Path
) -> None:
    state_file.parent.mkdir(parents=True)
    state_file.write_text("{not json")
    service = make_service(fake, state_file)
    fired = record(service)
    fake.advance(46 * 60)
    service.start()
    service.stop()
    assert len(fired) == 1


def test_snooze_skip_and_done(fake: FakeTime, service: ReminderService) -> None:
    fired = record(service)
    service.start()
    fake.advance(45 * 60)
    (due,) = service.check()
    service.snooze(due)
    assert abs(service.wake_timer.interval() - 10 * 60 * 1000) < 2000
    fake.advance(10 * 60)
    (again,) = service.check()
    assert again.snoozed
    service.snooze(again)
    service.skip_tonight("bedtime")
    fake.advance(10 * 60)
    assert service.check() == []
    assert len(fired) == 2
    # The next night: the routine is done at 21:00, so 21:45 does not remind.
    fake.advance(23 * 60 * 60)
    service.mark_routine_done("bedtime")
    fake.advance(50 * 60)
    assert service.check() == []
    assert service.next_reminder_text("bedtime").startswith("Next reminder: tomorrow")


def test_overrides_replace_the_file_reminders(fake: FakeTime, service: ReminderService) -> None:
    from stretch_app.core.library import load_library

    library = load_library([paths.bundled_routines_dir()])
    routines = list(library.routines.values())
    plain = effective_reminders(routines, {})
    assert plain["bedtime"] == library.routines["bedtime"].reminders
    late = (Reminder(at="22:30", days=(Day.FRI,)),)
    mine = effective_reminders(routines, {"bedtime": late})
    assert mine["bedtime"] == late
    service.set_reminders(mine)
    assert service.next_reminder_text() == "Next reminder: tonight 22:30"  # a Friday
    service.set_reminders({"bedtime": ()})
    assert service.next_reminder_text("bedtime") == "Reminders off"


def test_next_reminder_in_words() -> None:
    now = london(20, 0)
    assert next_reminder_text(None, now, LONDON) == "Reminders off"
    assert next_reminder_text(london(21, 45), now, LONDON) == "Next reminder: tonight 21:45"
    tomorrow = london(21, 45) + timedelta(days=1)
    assert next_reminder_text(tomorrow, now, LONDON) == "Next reminder: tomorrow 21:45"
    after_midnight = london(0, 30) + timedelta(days=1)
    assert next_reminder_text(after_midnight, now, LONDON) == "Next reminder: tonight 00:30"
    later = london(21, 45) + timedelta(days=3)
    assert next_reminder_text(later, now, LONDON) == "Next reminder: Monday 21:45"


# --- the notifier chain -----------------------------------------------------------------------


class _Refusing(Notifier):
    name = "refusing"

    def notify(self, note: ReminderNote) -> bool:
        return False


class _FailsLater(Notifier):
    name = "fails-later"

    def __init__(self) -> None:
        super().__init__()
        self.notes: list[ReminderNote] = []

    def notify(self, note: ReminderNote) -> bool:
        self.notes.append(note)
        return True


def test_the_chain_falls_back_to_the_window(qapp: QApplication, qtbot: QtBot) -> None:
    later, window = _FailsLater(), WindowNotifier()
    chain = NotifierChain([_Refusing(), later, window])
    note = ReminderNote("t1", "Time for your bedtime stretches", "Bedtime leg stretches.")
    assert chain.notify(note) == "fails-later"
    assert window.windows == {}
    later.failed.emit("t1")  # e.g. the notification server did not answer
    shown = window.windows["t1"]
    qtbot.addWidget(shown)
    assert shown.windowFlags() & Qt.WindowType.WindowStaysOnTopHint
    with qtbot.waitSignal(chain.action_invoked) as blocker:
        qtbot.mouseClick(shown.buttons[SNOOZE], Qt.MouseButton.LeftButton)
    assert blocker.args == ["t1", SNOOZE]
    later.action_invoked.emit("t1", START)  # answered already: not passed on twice
    assert window.windows == {}


def test_without_a_session_bus_dbus_declines_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    notifier = DBusNotifier()
    assert not notifier.notify(ReminderNote("t", "title", "body"))
    assert not notifier.connected


# --- the whole app ----------------------------------------------------------------------------


@pytest.fixture
def app(
    qapp: QApplication, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, fake: FakeTime
) -> Iterator[NightstretchApp]:
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    nightstretch = NightstretchApp(
        qapp,
        clock=FakeClock(),
        voice_engine="mock",
        reminder_clocks=ReminderClocks(fake.now, fake.monotonic, lambda: LONDON),
    )
    qtbot.addWidget(nightstretch.window)
    nightstretch.reminder_desk.start()
    yield nightstretch
    nightstretch.shutdown()


def reminder_window(app: NightstretchApp, qtbot: QtBot) -> ReminderWindow:
    window_notifier = app.reminder_desk.notifier.notifiers[-1]
    assert isinstance(window_notifier, WindowNotifier)
    qtbot.waitUntil(lambda: len(window_notifier.windows) == 1)
    (shown,) = window_notifier.windows.values()
    return shown


def test_no_tray_no_bus_the_reminder_window_shows_and_snooze_then_skip(
    app: NightstretchApp, fake: FakeTime, qtbot: QtBot, tmp_path: Path
) -> None:
    assert not app.reminder_desk.tray.available  # offscreen: no tray
    assert app.reminder_desk.notifier_names() == ["dbus", "tray", "window"]
    service = app.reminder_desk.service
    fake.advance(45 * 60)
    service.check()
    shown = reminder_window(app, qtbot)
    assert shown.buttons[SNOOZE].text() == "Snooze 10 min"
    path = tmp_path / "reminder-window.png"
    keep = os.environ.get("NIGHTSTRETCH_SCREENSHOTS")
    if keep:
        path = Path(keep) / "reminder-window.png"
    shown.resize(760, 300)
    assert shown.grab().save(str(path))
    qtbot.mouseClick(shown.buttons[SNOOZE], Qt.MouseButton.LeftButton)
    assert service.scheduler.state.snoozed
    fake.advance(10 * 60)
    service.check()
    shown = reminder_window(app, qtbot)
    qtbot.mouseClick(shown.buttons[SKIP], Qt.MouseButton.LeftButton)
    assert not service.scheduler.state.snoozed
    fake.advance(10 * 60)
    assert service.check() == []
    assert app.player is None


def test_start_now_opens_the_player_and_finishing_marks_it_done(
    app: NightstretchApp, fake: FakeTime, qtbot: QtBot
) -> None:
    fake.advance(45 * 60)
    app.reminder_desk.service.check()
    shown = reminder_window(app, qtbot)
    qtbot.mouseClick(shown.buttons[START], Qt.MouseButton.LeftButton)
    player = app.player
    assert player is not None
    assert "Bedtime leg stretches" in app.window.windowTitle()
    # The whole routine, on the app's fake clock: the player's own timers see it end.
    assert isinstance(app.clock, FakeClock)
    with qtbot.waitSignal(player.finished, timeout=20_000) as blocker:
        app.clock.advance(60 * 60)
    assert blocker.args[0].completed
    assert "bedtime" in app.reminder_desk.service.scheduler.state.done


def test_the_card_shows_the_next_reminder_and_its_dialog_saves_an_override(
    app: NightstretchApp, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    card = app.window.home.cards[0]
    assert card.reminder_label.text() == "Next reminder: tonight 21:45"
    chosen = (Reminder(at="22:10", days=(Day.FRI, Day.SAT)),)
    monkeypatch.setattr(RemindersDialog, "ask", classmethod(lambda cls, *a, **k: chosen))
    qtbot.mouseClick(card.reminders_button, Qt.MouseButton.LeftButton)
    assert card.reminder_label.text() == "Next reminder: tonight 22:10"
    settings, problem = load_settings(paths.settings_path())
    assert problem is None
    assert settings.reminder_overrides == {"bedtime": chosen}
    off = (Reminder(at="22:10", enabled=False),)
    monkeypatch.setattr(RemindersDialog, "ask", classmethod(lambda cls, *a, **k: off))
    qtbot.mouseClick(card.reminders_button, Qt.MouseButton.LeftButton)
    assert card.reminder_label.text() == "Reminders off"


def test_the_reminders_dialog_edits_times_days_and_switches(
    qapp: QApplication, qtbot: QtBot, tmp_path: Path
) -> None:
    from stretch_app.core.library import load_library

    routine = load_library([paths.bundled_routines_dir()]).routines["bedtime"]
    dialog = RemindersDialog(routine, routine.reminders)
    qtbot.addWidget(dialog)
    (row,) = dialog.rows
    assert row.reminder() == routine.reminders[0]
    row.time_edit.setTime(row.time_edit.time().addSecs(-15 * 60))
    for day in (Day.SAT, Day.SUN):
        qtbot.mouseClick(row.day_buttons[day], Qt.MouseButton.LeftButton)
    second = dialog.add_row(Reminder(at="23:00"))
    second.enabled_box.setChecked(False)
    dialog.show()
    qtbot.waitExposed(dialog)
    keep = os.environ.get("NIGHTSTRETCH_SCREENSHOTS")
    shot = (Path(keep) if keep else tmp_path) / "reminders-dialog.png"
    assert dialog.grab().save(str(shot))
    weekdays = (Day.MON, Day.TUE, Day.WED, Day.THU, Day.FRI)
    assert dialog.reminders() == (
        Reminder(at="21:30", days=weekdays),
        Reminder(at="23:00", enabled=False),
    )
    for day in weekdays:  # the last day cannot be switched off
        qtbot.mouseClick(row.day_buttons[day], Qt.MouseButton.LeftButton)
    assert row.reminder().days == (Day.FRI,)
    qtbot.mouseClick(dialog.reset_button, Qt.MouseButton.LeftButton)
    assert dialog.reminders() == routine.reminders
    settings_file = paths.settings_path()
    store = SettingsStore(settings_file)
    store.load()
    changed = apply_reminder_choice(store.settings, store, routine, (Reminder(at="20:00"),))
    assert load_settings(settings_file)[0].reminder_overrides == changed.reminder_overrides
    assert store.settings == changed
    back = apply_reminder_choice(changed, store, routine, routine.reminders)
    assert back.reminder_overrides == {}
