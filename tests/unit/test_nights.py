"""The one rule of which night a moment belongs to (noon to noon), and everything using it."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from stretch_app.core import history, nights, schedule
from stretch_app.core.model import Reminder
from stretch_app.core.nights import night_of, tonight, wall_date
from stretch_app.core.schedule import OccurrenceKey, Scheduler

BERLIN = ZoneInfo("Europe/Berlin")


@pytest.mark.parametrize(
    ("local", "night"),
    [
        (datetime(2026, 5, 1, 12, 0), date(2026, 5, 1)),
        (datetime(2026, 5, 1, 23, 59), date(2026, 5, 1)),
        (datetime(2026, 5, 2, 3, 0), date(2026, 5, 1)),
        (datetime(2026, 5, 2, 6, 30), date(2026, 5, 1)),  # a cramp on waking: last night
        (datetime(2026, 5, 2, 11, 59), date(2026, 5, 1)),
        (datetime(2026, 5, 2, 12, 0), date(2026, 5, 2)),
    ],
)
def test_a_night_runs_from_noon_to_noon(local: datetime, night: date) -> None:
    moment = local.replace(tzinfo=BERLIN)
    assert night_of(moment, BERLIN) == night
    assert night_of(moment.astimezone(UTC), BERLIN) == night


@pytest.mark.parametrize(
    ("local", "meant"),
    [
        (datetime(2026, 5, 2, 0, 30), date(2026, 5, 1)),  # still up: the night in progress
        (datetime(2026, 5, 2, 5, 59), date(2026, 5, 1)),
        (datetime(2026, 5, 2, 6, 0), date(2026, 5, 2)),  # up for the day: this evening's
        (datetime(2026, 5, 2, 11, 59), date(2026, 5, 2)),
        (datetime(2026, 5, 2, 12, 0), date(2026, 5, 2)),
        (datetime(2026, 5, 2, 23, 0), date(2026, 5, 2)),
    ],
)
def test_tonight_in_the_morning_is_the_coming_night(local: datetime, meant: date) -> None:
    moment = local.replace(tzinfo=BERLIN)
    assert tonight(moment, BERLIN) == meant
    assert tonight(moment.astimezone(UTC), BERLIN) == meant


def test_wall_times_of_a_night_fall_on_its_date_or_the_next() -> None:
    assert wall_date(date(2026, 5, 1), time(21, 45)) == date(2026, 5, 1)
    assert wall_date(date(2026, 5, 1), time(0, 30)) == date(2026, 5, 2)


def test_history_and_the_scheduler_share_the_rule() -> None:
    assert history.night_of is nights.night_of
    assert not hasattr(schedule, "_MORNING")
    sched = Scheduler({"bedtime": (Reminder(at="21:45"), Reminder(at="00:30"))}, BERLIN)
    waking = datetime(2026, 5, 2, 7, 0, tzinfo=BERLIN)  # the morning after: still that night
    assert sched.skip_tonight("bedtime", waking) == [
        OccurrenceKey("bedtime", "21:45", date(2026, 5, 1)),
        OccurrenceKey("bedtime", "00:30", date(2026, 5, 2)),
    ]
    assert history.night_of(waking, BERLIN) == date(2026, 5, 1)
