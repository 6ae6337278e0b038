"""Reminders exported as iCalendar: weekly events with an alarm, read back with icalendar."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from icalendar import Calendar

from stretch_app import paths
from stretch_app.cli import main
from stretch_app.core.ics import reminders_calendar
from stretch_app.core.library import load_library
from stretch_app.core.model import Day, Reminder

REPO = Path(__file__).resolve().parent.parent.parent
BERLIN = ZoneInfo("Europe/Berlin")


def bedtime():  # type: ignore[no-untyped-def]
    return load_library([paths.bundled_routines_dir()]).routines["bedtime"]


def test_each_enabled_reminder_is_a_weekly_event_with_an_alarm() -> None:
    routine = bedtime()
    reminders = (
        Reminder(at="21:45", days=(Day.MON, Day.WED, Day.FRI)),
        Reminder(at="22:30", days=(Day.SAT,)),
        Reminder(at="20:00", enabled=False),
    )
    now = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)  # a Saturday
    data = reminders_calendar([(routine, reminders, 260.0)], BERLIN, now)
    calendar = Calendar.from_ical(data)
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 2
    first, second = events
    assert str(first["summary"]) == "Bedtime leg stretches"
    rule = first["rrule"]
    assert rule["FREQ"] == ["WEEKLY"] and rule["BYDAY"] == ["MO", "WE", "FR"]
    start = first.decoded("dtstart")
    assert start.tzinfo is not None and str(start.tzinfo) == "Europe/Berlin"
    assert start.time() == time(21, 45)
    assert start.date().isoformat() == "2026-11-30"  # the first Monday from now
    assert first["dtstart"].params["TZID"] == "Europe/Berlin"
    assert first.decoded("duration") == timedelta(minutes=4)
    (alarm,) = first.walk("VALARM")
    assert str(alarm["action"]) == "DISPLAY"
    assert alarm.decoded("trigger") == timedelta(0)
    assert second["rrule"]["BYDAY"] == ["SA"]
    assert second.decoded("dtstart").date().isoformat() == "2026-11-28"
    assert first["uid"] != second["uid"]
    (zone,) = calendar.walk("VTIMEZONE")
    assert str(zone["tzid"]) == "Europe/Berlin"


def test_the_command_writes_the_file_with_the_settings_overrides(
    tmp_path: Path, capsys: object
) -> None:
    settings = paths.settings_path()
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text(
        'schema_version = 1\n\n[[reminder_overrides.bedtime]]\nat = "22:10"\ndays = ["sun"]\n'
    )
    out = tmp_path / "reminders.ics"
    assert main(["export-ics", "bedtime", "-o", str(out)]) == 0
    (event,) = Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    assert event.decoded("dtstart").time() == time(22, 10)
    assert event["rrule"]["BYDAY"] == ["SU"]
    assert main(["export-ics", "no-such-routine", "-o", str(out)]) == 1


def test_export_ics_answers_without_qt(tmp_path: Path) -> None:
    out = tmp_path / "all.ics"
    code = (
        "import sys; from stretch_app.cli import main; "
        f"rc = main(['export-ics', '-o', {str(out)!r}]); "
        "assert 'PySide6' not in sys.modules, 'Qt was imported'; sys.exit(rc)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "1 reminder written" in result.stderr
    (event,) = Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    assert event["rrule"]["FREQ"] == ["WEEKLY"]
