"""Which night a moment belongs to: the one rule the history, the reports and the reminders use.

**A night runs from noon to the next noon, local time, and is named by the date it starts
on.** Why noon: night-time cramps come in sleep and on waking, and a night that ended at
06:00 would file a cramp at 06:30, or a late sleeper's at 09:00, under the *coming* night;
nobody's bedtime routine, sleep or waking straddles noon. So everything from an afternoon
reminder through the bedtime stretches to a cramp on waking late lands on one night. The
boundary is our own choice, not the article's.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, tzinfo
from typing import Final

__all__ = ["MORNING_STARTS", "NIGHT_STARTS", "night_of", "night_start", "tonight", "wall_date"]

NIGHT_STARTS: Final = time(12, 0)
"""Local time at which one night ends and the next one begins."""
MORNING_STARTS: Final = time(6, 0)
"""From this local time until noon, "tonight" means the coming night (see :func:`tonight`)."""


def night_of(moment: datetime, tz: tzinfo | None = None) -> date:
    """The night ``moment`` belongs to: its local date, or the day before if before noon."""
    local = moment.astimezone(tz)
    if local.time() < NIGHT_STARTS:
        return local.date() - timedelta(days=1)
    return local.date()


def tonight(moment: datetime, tz: tzinfo | None = None) -> date:
    """The night a person means by "tonight" at ``moment`` ("Skip tonight", "Pause reminders
    tonight"): the night ``moment`` belongs to, except in the morning (06:00 to noon), when the
    night just ending is over for them and "tonight" is the coming one. Ours, not the
    article's: someone up at 08:00 who pauses the reminders means this evening's."""
    local = moment.astimezone(tz)
    if MORNING_STARTS <= local.time() < NIGHT_STARTS:
        return local.date()
    return night_of(moment, tz)


def night_start(night: date, tz: tzinfo | None = None) -> datetime:
    """The aware moment a night begins: noon, local time, on its date."""
    naive = datetime.combine(night, NIGHT_STARTS)
    return naive.replace(tzinfo=tz) if tz is not None else naive.astimezone()


def wall_date(night: date, wall_time: time) -> date:
    """The calendar date a wall time of ``night`` falls on: the night's own date from noon on,
    the next date before noon (a 00:30 reminder of the night of 1 May is on 2 May)."""
    return night + timedelta(days=1) if wall_time < NIGHT_STARTS else night
