"""Reminders as an iCalendar file, so a phone or a calendar can remind too.

One weekly recurring event per reminder (``RRULE:FREQ=WEEKLY;BYDAY=…``), starting at its wall
time in the computer's zone (``DTSTART;TZID=…`` with the matching ``VTIMEZONE``), lasting as
long as the routine, with a display alarm when it starts. Switched-off reminders are left out.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from icalendar import Alarm, Calendar, Event, vRecur

from stretch_app import __version__
from stretch_app.core.model import Day, Reminder, Routine

__all__ = ["ReminderEntry", "reminders_calendar"]

_BYDAY = {
    Day.MON: "MO",
    Day.TUE: "TU",
    Day.WED: "WE",
    Day.THU: "TH",
    Day.FRI: "FR",
    Day.SAT: "SA",
    Day.SUN: "SU",
}
_WEEKDAYS = tuple(Day)

ReminderEntry = tuple[Routine, Sequence[Reminder], float]
"""A routine, the reminders to export for it, and its length in seconds."""


def _first_day(reminder: Reminder, today: date) -> date:
    """The first date on or after ``today`` whose weekday the reminder is on."""
    day = today
    while _WEEKDAYS[day.weekday()] not in reminder.days:
        day += timedelta(days=1)
    return day


def reminders_calendar(
    entries: Sequence[ReminderEntry], tz: ZoneInfo, now: datetime | None = None
) -> bytes:
    """An iCalendar file (bytes) with one recurring event and alarm per enabled reminder."""
    now = (now or datetime.now(UTC)).astimezone(UTC)
    calendar = Calendar()
    calendar.add("prodid", f"-//Nightstretch//Nightstretch {__version__}//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "Nightstretch reminders")
    # A zone read from /etc/localtime without a name cannot be written as a TZID; floating
    # local times then mean "this wall time wherever the calendar is".
    named_zone = tz.key not in ("", "localtime")
    today = now.astimezone(tz).date()
    for routine, reminders, length_s in entries:
        for reminder in reminders:
            if not reminder.enabled or not reminder.days:
                continue
            hour, minute = (int(part) for part in reminder.at.split(":"))
            start = datetime.combine(_first_day(reminder, today), time(hour, minute))
            days = [_BYDAY[day] for day in _WEEKDAYS if day in reminder.days]
            event = Event()
            event.add(
                "uid", f"{routine.id}-{reminder.at.replace(':', '')}-{''.join(days)}@nightstretch"
            )
            event.add("dtstamp", now)
            event.add("summary", routine.name)
            event.add(
                "description",
                f"Time for {routine.name} in Nightstretch (stretch-app --routine {routine.id}).",
            )
            event.add("dtstart", start.replace(tzinfo=tz) if named_zone else start)
            event.add("duration", timedelta(seconds=max(60, round(length_s / 60) * 60)))
            event.add("rrule", vRecur(freq="WEEKLY", byday=days))
            event.add("transp", "TRANSPARENT")
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", f"Bedtime: {routine.name}")
            alarm.add("trigger", timedelta(0))
            event.add_component(alarm)
            calendar.add_component(event)
    if named_zone:
        calendar.add_missing_timezones(first_date=today - timedelta(days=366))
    return bytes(calendar.to_ical())
