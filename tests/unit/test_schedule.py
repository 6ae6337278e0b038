"""The reminder schedule: a year of fire times in five zones, DST gaps and overlaps, snooze,
skips, missed reminders on wake, and no duplicate after a restart."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stretch_app.core.model import Day, Reminder
from stretch_app.core.schedule import (
    SET_BACK_LIMIT,
    Due,
    OccurrenceKey,
    Outcome,
    ReminderState,
    Scheduler,
    ScheduleSettings,
    next_occurrence,
)
from stretch_app.core.wall_clock import local_zone, resolve_wall_time

ZONES = ["America/New_York", "Europe/London", "Australia/Sydney", "Asia/Kolkata", "UTC"]
NEW_YORK = ZoneInfo("America/New_York")
BEDTIME = "bedtime"


def local(
    tz: ZoneInfo, year: int, month: int, day: int, hour: int = 0, minute: int = 0
) -> datetime:
    """An aware UTC instant from a local wall time (the first one, where the clock repeats)."""
    return datetime(year, month, day, hour, minute, tzinfo=tz).astimezone(UTC)


def scheduler(*reminders: Reminder, tz: ZoneInfo = NEW_YORK, **tunables: timedelta) -> Scheduler:
    return Scheduler({BEDTIME: reminders}, tz, ScheduleSettings(**tunables))


def run(sched: Scheduler, start: datetime, end: datetime, watchdog: timedelta) -> list[Due]:
    """Drive the scheduler like the Qt side: a single-shot timer to next_wake plus a watchdog."""
    shown: list[Due] = []
    now = start
    while now < end:
        for due in sched.due(now):
            assert due.scheduled == now, "a reminder fired late with the machine awake"
            shown.append(due)
        wake = sched.next_wake(now)
        assert wake is None or wake > now
        now = min(wake, now + watchdog) if wake is not None else now + watchdog
    return shown


# --- a simulated year ---------------------------------------------------------------------


@pytest.mark.parametrize("zone", ZONES)
def test_a_year_of_2145_fires_at_2145_local_once_a_day(zone: str) -> None:
    tz = ZoneInfo(zone)
    sched = scheduler(Reminder(at="21:45"), tz=tz)
    shown = run(sched, local(tz, 2026, 1, 1), local(tz, 2027, 1, 1), timedelta(hours=1))
    assert len(shown) == 365
    assert len({due.day for due in shown}) == 365
    for due in shown:
        wall = due.scheduled.astimezone(tz)
        assert (wall.date(), wall.time()) == (due.day, time(21, 45))
    assert len(sched.state.handled) <= 10  # old occurrences are forgotten


GAPS_AND_OVERLAPS = [
    # zone; in-gap time, its date and first valid moment; doubled time, its date, first offset
    ("America/New_York", "02:30", date(2026, 3, 8), "03:00", "01:30", date(2026, 11, 1), -4),
    ("Europe/London", "01:30", date(2026, 3, 29), "02:00", "01:30", date(2026, 10, 25), 1),
    ("Australia/Sydney", "02:30", date(2026, 10, 4), "03:00", "02:30", date(2026, 4, 5), 11),
]


@pytest.mark.parametrize(
    ("zone", "gap_at", "gap", "gap_fire", "overlap_at", "overlap", "offset"), GAPS_AND_OVERLAPS
)
def test_dst_gap_fires_once_at_first_valid_moment_and_overlap_fires_once(
    zone: str, gap_at: str, gap: date, gap_fire: str, overlap_at: str, overlap: date, offset: int
) -> None:
    tz = ZoneInfo(zone)
    sched = scheduler(*{Reminder(at=gap_at), Reminder(at=overlap_at)}, tz=tz)
    shown = run(sched, local(tz, 2026, 1, 1), local(tz, 2027, 1, 1), timedelta(minutes=20))
    assert len(shown) == 365 * len({gap_at, overlap_at})
    assert Counter(due.key for due in shown).most_common(1)[0][1] == 1
    fired = {(due.at, due.day): due.scheduled.astimezone(tz) for due in shown}
    assert fired[gap_at, gap].time() == time.fromisoformat(gap_fire)
    assert fired[overlap_at, overlap].time() == time.fromisoformat(overlap_at)
    assert fired[overlap_at, overlap].utcoffset() == timedelta(hours=offset)  # first of two
    for (at, day), wall in fired.items():
        if (at, day) != (gap_at, gap):
            assert (wall.date(), wall.time()) == (day, time.fromisoformat(at))


def test_kolkata_is_half_an_hour_off_utc_all_year() -> None:
    tz = ZoneInfo("Asia/Kolkata")
    sched = scheduler(Reminder(at="00:15"), tz=tz)
    shown = run(sched, local(tz, 2026, 1, 1), local(tz, 2027, 1, 1), timedelta(hours=6))
    assert len(shown) == 365
    assert {due.scheduled.time() for due in shown} == {time(18, 45)}  # 00:15 IST in UTC


def test_weekday_sets_fire_on_those_days_only() -> None:
    days = (Day.MON, Day.WED, Day.FRI)
    sched = scheduler(Reminder(at="22:00", days=days))
    shown = run(sched, local(NEW_YORK, 2026, 1, 1), local(NEW_YORK, 2027, 1, 1), timedelta(hours=3))
    expected = [
        date(2026, 1, 1) + timedelta(days=n)
        for n in range(365)
        if (date(2026, 1, 1) + timedelta(days=n)).weekday() in (0, 2, 4)
    ]
    assert [due.day for due in shown] == expected


def test_midnight_gap_lands_on_the_same_date() -> None:
    # Chile springs forward at 00:00 -> 01:00; a 00:30 reminder fires at 01:00 that day.
    tz = ZoneInfo("America/Santiago")
    fire = resolve_wall_time(date(2026, 9, 6), time(0, 30), tz).astimezone(tz)
    assert (fire.date(), fire.time()) == (date(2026, 9, 6), time(1, 0))


# --- next_occurrence, for any instant -----------------------------------------------------

reminders = st.builds(
    Reminder,
    at=st.builds("{:02d}:{:02d}".format, st.integers(0, 23), st.integers(0, 59)),
    days=st.sets(st.sampled_from(list(Day)), min_size=1).map(lambda days: tuple(sorted(days))),
)
instants = st.datetimes(
    min_value=datetime(2000, 1, 1), max_value=datetime(2037, 12, 31), timezones=st.just(UTC)
)


@settings(max_examples=300, deadline=None)
@given(
    reminder=reminders,
    after=instants,
    zone=st.sampled_from([*ZONES, "Australia/Lord_Howe", "America/Santiago"]),
)
def test_next_occurrence_is_the_next_wall_time_on_an_allowed_day(
    reminder: Reminder, after: datetime, zone: str
) -> None:
    tz = ZoneInfo(zone)
    fire = next_occurrence(reminder, after, tz)
    assert fire is not None
    assert fire > after
    assert fire - after <= timedelta(days=8)
    at = time.fromisoformat(reminder.at)
    wall = fire.astimezone(tz)
    if wall.time() == at:
        assert wall.fold == 0  # in an overlap, the first of the two
        day = wall.date()
    else:
        # A gap: the wall time does not exist, and the fire time is when the clocks jumped.
        day = wall.date() if wall.time() > at else wall.date() - timedelta(days=1)
        assert resolve_wall_time(day, at, tz) == fire
        assert (fire - timedelta(seconds=1)).astimezone(tz).utcoffset() != wall.utcoffset()
    assert list(Day)[day.weekday()] in reminder.days
    # Nothing earlier qualified.
    assert next_occurrence(reminder, fire - timedelta(microseconds=1), tz) == fire
    for back in range(1, 9):
        earlier = day - timedelta(days=back)
        if list(Day)[earlier.weekday()] in reminder.days:
            assert resolve_wall_time(earlier, at, tz) <= after


def test_disabled_reminder_never_fires() -> None:
    reminder = Reminder(at="21:45", enabled=False)
    assert next_occurrence(reminder, datetime(2026, 1, 1, tzinfo=UTC), NEW_YORK) is None
    sched = scheduler(reminder)
    assert sched.next_wake(datetime(2026, 1, 1, tzinfo=UTC)) is None
    assert sched.due(local(NEW_YORK, 2026, 1, 1, 21, 45)) == []


def test_naive_datetimes_are_refused() -> None:
    with pytest.raises(ValueError, match="aware"):
        scheduler(Reminder(at="21:45")).due(datetime(2026, 1, 1, 21, 45))


def test_same_time_twice_in_one_routine_fires_once_but_other_routines_fire_too() -> None:
    sched = Scheduler(
        {BEDTIME: (Reminder(at="21:45"), Reminder(at="21:45")), "other": (Reminder(at="21:45"),)},
        NEW_YORK,
    )
    shown = sched.due(local(NEW_YORK, 2026, 5, 1, 21, 45))
    assert sorted(due.routine_id for due in shown) == [BEDTIME, "other"]


# --- snooze, skip, already done ---------------------------------------------------------------


def test_snooze_shows_it_again_ten_minutes_later_once() -> None:
    sched = scheduler(Reminder(at="21:45"))
    (due,) = sched.due(local(NEW_YORK, 2026, 5, 1, 21, 45))
    until = sched.snooze(due, local(NEW_YORK, 2026, 5, 1, 21, 46))
    assert until == local(NEW_YORK, 2026, 5, 1, 21, 56)
    assert sched.next_wake(local(NEW_YORK, 2026, 5, 1, 21, 47)) == until
    assert sched.due(local(NEW_YORK, 2026, 5, 1, 21, 50)) == []
    (again,) = sched.due(until)
    assert again.snoozed and again.key == due.key and again.scheduled == until
    assert sched.due(until + timedelta(minutes=5)) == []
    assert sched.next_wake(until) == local(NEW_YORK, 2026, 5, 2, 21, 45)
    sched.snooze(again, until, timedelta(minutes=3))
    assert len(sched.due(until + timedelta(minutes=3))) == 1


def test_skip_tonight_before_the_reminder_skips_only_tonight() -> None:
    sched = scheduler(Reminder(at="21:45"))
    skipped = sched.skip_tonight(BEDTIME, local(NEW_YORK, 2026, 5, 1, 18, 0))
    assert skipped == [OccurrenceKey(BEDTIME, "21:45", date(2026, 5, 1))]
    assert sched.next_wake(local(NEW_YORK, 2026, 5, 1, 18, 0)) == local(
        NEW_YORK, 2026, 5, 2, 21, 45
    )
    assert sched.due(local(NEW_YORK, 2026, 5, 1, 21, 45)) == []
    assert len(sched.due(local(NEW_YORK, 2026, 5, 2, 21, 45))) == 1


def test_skip_tonight_from_the_notification_cancels_the_snooze_not_tomorrow() -> None:
    sched = scheduler(Reminder(at="21:45"))
    (due,) = sched.due(local(NEW_YORK, 2026, 5, 1, 21, 45))
    sched.snooze(due, local(NEW_YORK, 2026, 5, 1, 21, 45))
    assert sched.skip_tonight(BEDTIME, local(NEW_YORK, 2026, 5, 1, 21, 50)) == []
    assert sched.due(local(NEW_YORK, 2026, 5, 1, 22, 0)) == []
    assert len(sched.due(local(NEW_YORK, 2026, 5, 2, 21, 45))) == 1


def test_tonight_runs_until_noon() -> None:
    sched = scheduler(Reminder(at="23:30"), Reminder(at="00:30"))
    assert len(sched.due(local(NEW_YORK, 2026, 5, 1, 23, 30))) == 1
    skipped = sched.skip_tonight(BEDTIME, local(NEW_YORK, 2026, 5, 2, 0, 10))
    assert skipped == [OccurrenceKey(BEDTIME, "00:30", date(2026, 5, 2))]
    assert sched.skip_tonight(BEDTIME, local(NEW_YORK, 2026, 5, 2, 11, 59)) == []  # last night
    skipped = sched.skip_tonight(BEDTIME, local(NEW_YORK, 2026, 5, 2, 12, 0))
    assert {key.day for key in skipped} == {date(2026, 5, 2), date(2026, 5, 3)}


def test_routine_done_shortly_before_skips_tonights_reminder() -> None:
    sched = scheduler(Reminder(at="21:45"))
    sched.mark_routine_done(BEDTIME, local(NEW_YORK, 2026, 5, 1, 20, 0))
    assert sched.next_wake(local(NEW_YORK, 2026, 5, 1, 20, 1)) == local(
        NEW_YORK, 2026, 5, 2, 21, 45
    )
    assert sched.due(local(NEW_YORK, 2026, 5, 1, 21, 45)) == []
    assert sched.state.handled[OccurrenceKey(BEDTIME, "21:45", date(2026, 5, 1))] is Outcome.DONE
    assert len(sched.due(local(NEW_YORK, 2026, 5, 2, 21, 45))) == 1


def test_routine_done_long_before_does_not_skip_and_the_window_is_a_setting() -> None:
    sched = scheduler(Reminder(at="21:45"))
    sched.mark_routine_done(BEDTIME, local(NEW_YORK, 2026, 5, 1, 18, 0))
    assert len(sched.due(local(NEW_YORK, 2026, 5, 1, 21, 45))) == 1
    wide = scheduler(Reminder(at="21:45"), skip_if_done_within=timedelta(hours=5))
    wide.mark_routine_done(BEDTIME, local(NEW_YORK, 2026, 5, 1, 18, 0))
    assert wide.due(local(NEW_YORK, 2026, 5, 1, 21, 45)) == []


def test_routine_done_cancels_a_snooze() -> None:
    sched = scheduler(Reminder(at="21:45"))
    (due,) = sched.due(local(NEW_YORK, 2026, 5, 1, 21, 45))
    sched.snooze(due, local(NEW_YORK, 2026, 5, 1, 21, 45))
    sched.mark_routine_done(BEDTIME, local(NEW_YORK, 2026, 5, 1, 21, 50))
    assert sched.due(local(NEW_YORK, 2026, 5, 1, 21, 55)) == []


# --- suspend, clock jumps, restarts -----------------------------------------------------------


def test_missed_while_asleep_fires_once_on_wake_within_grace() -> None:
    sched = scheduler(Reminder(at="21:45"))
    assert sched.due(local(NEW_YORK, 2026, 5, 1, 21, 0)) == []
    (due,) = sched.due(local(NEW_YORK, 2026, 5, 1, 22, 40))  # woke 55 minutes late
    assert due.scheduled == local(NEW_YORK, 2026, 5, 1, 21, 45)
    assert sched.due(local(NEW_YORK, 2026, 5, 1, 22, 41)) == []


def test_missed_beyond_grace_is_skipped_not_fired() -> None:
    sched = scheduler(Reminder(at="21:45"))
    assert sched.due(local(NEW_YORK, 2026, 5, 1, 21, 0)) == []
    assert sched.due(local(NEW_YORK, 2026, 5, 1, 22, 50)) == []  # 65 minutes late
    assert sched.state.handled[OccurrenceKey(BEDTIME, "21:45", date(2026, 5, 1))] is Outcome.MISSED
    narrow = scheduler(Reminder(at="21:45"), grace=timedelta(minutes=10))
    assert narrow.due(local(NEW_YORK, 2026, 5, 1, 22, 0)) == []


def test_an_eight_hour_suspend_is_just_a_later_now() -> None:
    sched = scheduler(Reminder(at="21:45"), Reminder(at="23:30"))
    sched.due(local(NEW_YORK, 2026, 5, 1, 17, 0))
    assert sched.due(local(NEW_YORK, 2026, 5, 2, 1, 0)) == []  # both were missed
    outcomes = sorted(sched.state.handled.values())
    assert outcomes == [Outcome.MISSED, Outcome.MISSED]
    assert sched.next_wake(local(NEW_YORK, 2026, 5, 2, 1, 0)) == local(NEW_YORK, 2026, 5, 2, 21, 45)


def test_a_clock_set_back_does_not_fire_again() -> None:
    sched = scheduler(Reminder(at="21:45"))
    assert len(sched.due(local(NEW_YORK, 2026, 5, 1, 21, 45))) == 1
    assert sched.due(local(NEW_YORK, 2026, 5, 1, 21, 0)) == []
    assert sched.next_wake(local(NEW_YORK, 2026, 5, 1, 21, 0)) == local(
        NEW_YORK, 2026, 5, 2, 21, 45
    )
    assert sched.due(local(NEW_YORK, 2026, 5, 1, 21, 45)) == []


def restart(sched: Scheduler) -> Scheduler:
    saved = json.loads(json.dumps(sched.state.to_dict()))
    return Scheduler(sched.reminders, sched.tz, sched.settings, ReminderState.from_dict(saved))


def test_no_duplicate_after_a_restart() -> None:
    sched = scheduler(Reminder(at="21:45"))
    assert len(sched.due(local(NEW_YORK, 2026, 5, 1, 21, 45))) == 1
    again = restart(sched)
    assert again.state == sched.state
    assert again.due(local(NEW_YORK, 2026, 5, 1, 21, 50)) == []
    assert again.next_wake(local(NEW_YORK, 2026, 5, 1, 21, 50)) == local(
        NEW_YORK, 2026, 5, 2, 21, 45
    )


def test_snooze_skip_and_done_survive_a_restart() -> None:
    sched = Scheduler(
        {name: (Reminder(at="21:45"),) for name in ("snoozed", "skipped", "done")}, NEW_YORK
    )
    for due in sched.due(local(NEW_YORK, 2026, 5, 1, 21, 45)):
        if due.routine_id == "snoozed":
            sched.snooze(due, local(NEW_YORK, 2026, 5, 1, 21, 45))
    sched.skip_tonight("skipped", local(NEW_YORK, 2026, 5, 2, 12, 0))
    sched.mark_routine_done("done", local(NEW_YORK, 2026, 5, 2, 20, 0))
    again = restart(sched)
    assert again.state == sched.state
    assert [due.routine_id for due in again.due(local(NEW_YORK, 2026, 5, 1, 21, 55))] == ["snoozed"]
    assert [due.routine_id for due in again.due(local(NEW_YORK, 2026, 5, 2, 21, 45))] == ["snoozed"]


def test_first_start_fires_a_reminder_within_grace_only() -> None:
    sched = scheduler(Reminder(at="21:45"))
    assert len(sched.due(local(NEW_YORK, 2026, 5, 1, 22, 0))) == 1
    late = scheduler(Reminder(at="21:45"))
    assert late.due(local(NEW_YORK, 2026, 5, 1, 23, 0)) == []


GARBAGE: list[object] = [
    None,
    42,
    "state",
    [],
    {"handled": "no"},
    {"handled": [1, None, {}, {"routine": 3}, {"routine": "x", "at": "25:99", "day": "d"}]},
    {"handled": [{"routine": "x", "at": "21:45", "day": "2026-05-01", "outcome": "weird"}]},
    {"snoozed": [{"routine": "x", "at": "21:45", "day": "2026-05-01", "until": "2026-05-01"}]},
    {"snoozed": [{"routine": "x", "at": "21:45", "day": "2026-05-01", "until": 7}]},
    {"done": {"x": "yesterday", "y": None, "3": "9999-99-99"}, "last_check": "soon"},
    {"done": ["x"], "last_check": 12, "version": "many"},
]


@pytest.mark.parametrize("data", GARBAGE)
def test_garbage_state_is_dropped(data: object) -> None:
    assert ReminderState.from_dict(data) == ReminderState()


def test_good_entries_are_kept_next_to_bad_ones() -> None:
    data = {
        "handled": [
            {"routine": BEDTIME, "at": "21:45", "day": "2026-05-01", "outcome": "fired"},
            {"routine": BEDTIME, "at": "21:45", "day": "2026-13-01", "outcome": "fired"},
        ],
        "done": {BEDTIME: "2026-05-01T20:00:00+00:00", "naive": "2026-05-01T20:00:00"},
    }
    state = ReminderState.from_dict(data)
    assert state.handled == {OccurrenceKey(BEDTIME, "21:45", date(2026, 5, 1)): Outcome.FIRED}
    assert list(state.done) == [BEDTIME]


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner),
    max_leaves=20,
)


_key_fields = {
    "routine": st.sampled_from([BEDTIME, "calves"]),
    "at": st.sampled_from(["21:45", "22:00"]),
    "day": st.dates(date(2026, 4, 28), date(2026, 5, 2)).map(date.isoformat),
}
_instants = st.datetimes(
    datetime(2020, 1, 1), datetime(2030, 1, 1), timezones=st.sampled_from([UTC, NEW_YORK])
).map(datetime.isoformat)
_handled = st.fixed_dictionaries({**_key_fields, "outcome": st.sampled_from(list(Outcome))})
_snoozed = st.fixed_dictionaries({**_key_fields, "until": _instants})


def _key_of(entry: object) -> OccurrenceKey | None:
    """The key of an entry the strategy made well-formed; None for garbage."""
    if isinstance(entry, dict) and set(_key_fields) <= set(entry) and len(entry) == 4:
        return OccurrenceKey(entry["routine"], entry["at"], date.fromisoformat(entry["day"]))
    return None


@settings(max_examples=200, deadline=None)
@given(
    data=st.fixed_dictionaries(
        {},
        optional={
            "handled": st.lists(_handled | json_values, max_size=6) | json_values,
            "snoozed": st.lists(_snoozed | json_values, max_size=6) | json_values,
            "done": st.dictionaries(
                st.sampled_from([BEDTIME, "calves"]) | st.text(max_size=5),
                _instants | json_values,
                max_size=4,
            )
            | json_values,
            "last_check": _instants | json_values,
            "version": json_values,
        },
    )
)
def test_from_dict_keeps_the_sound_entries_drops_the_rest_and_never_raises(
    data: dict[str, object],
) -> None:
    """Garbage next to good entries: the good ones are kept exactly, the garbage dropped, the
    result survives a save, and the scheduler works from it (never firing anything twice)."""
    state = ReminderState.from_dict(data)

    handled = data.get("handled")
    expected_handled = {
        key: Outcome(entry["outcome"])
        for entry in (handled if isinstance(handled, list) else [])
        if (key := _key_of(entry)) is not None and entry.get("outcome") in tuple(Outcome)
    }
    assert state.handled == expected_handled
    snoozed = data.get("snoozed")
    expected_snoozed = {
        key: datetime.fromisoformat(entry["until"]).astimezone(UTC)
        for entry in (snoozed if isinstance(snoozed, list) else [])
        if (key := _key_of(entry)) is not None and "until" in entry
    }
    assert state.snoozed == expected_snoozed
    done = data.get("done")
    assert state.done == {
        routine_id: datetime.fromisoformat(at).astimezone(UTC)
        for routine_id, at in (done.items() if isinstance(done, dict) else [])
        if isinstance(routine_id, str) and _is_instant(at)
    }
    last_check = data.get("last_check")
    assert state.last_check == (
        datetime.fromisoformat(last_check).astimezone(UTC) if _is_instant(last_check) else None
    )

    # What was kept is written back and read again unchanged (the app saves after each check).
    assert ReminderState.from_dict(json.loads(json.dumps(state.to_dict()))) == state

    sched = Scheduler({BEDTIME: (Reminder(at="21:45"),)}, NEW_YORK, state=state)
    now = local(NEW_YORK, 2026, 5, 1, 21, 45)
    fired = sched.due(now)
    assert {due.routine_id for due in fired} <= {BEDTIME}
    # Tonight's at most once; a kept snooze of an earlier night may come due beside it.
    assert len({due.key for due in fired}) == len(fired)
    assert sum(due.day == date(2026, 5, 1) and not due.snoozed for due in fired) <= 1
    assert sched.due(now) == []  # whatever the saved state said, never the same one twice
    wake = sched.next_wake(now)
    assert wake is None or wake > now


def _is_instant(value: object) -> bool:
    """Whether ``value`` is an ISO instant with a zone (what the strategy's instants are)."""
    if not isinstance(value, str):
        return False
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return False
    return moment.utcoffset() is not None


# --- the rest ---------------------------------------------------------------------------------


def test_local_zone_follows_tz(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "Asia/Kolkata")
    assert local_zone().key == "Asia/Kolkata"
    monkeypatch.setenv("TZ", "Not/A_Zone")
    assert isinstance(local_zone(), ZoneInfo)


def test_schedule_never_imports_qt() -> None:
    code = "import sys, stretch_app.core.schedule; sys.exit('PySide6' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


# --- the clock set back ---------------------------------------------------------------------


def restarted(sched: Scheduler) -> Scheduler:
    """The same scheduler after an app restart: its state through a save and a load."""
    state = ReminderState.from_dict(json.loads(json.dumps(sched.state.to_dict())))
    return Scheduler(sched.reminders, sched.tz, sched.settings, state)


@pytest.mark.parametrize("days_back", [1, 2, 3, 5, 6])
def test_a_clock_set_back_after_a_reminder_fired_never_fires_it_again(days_back: int) -> None:
    sched = scheduler(Reminder(at="20:18"))
    fired_at = local(NEW_YORK, 2026, 11, 20, 20, 18)
    assert [due.day for due in sched.due(fired_at)] == [date(2026, 11, 20)]
    sched = restarted(sched)
    back = fired_at - timedelta(days=days_back)
    # Walk the set-back clock up to the moment the reminder first fired (waking at each
    # evening's 20:18): nothing fires again, not even for "yesterday's" date.
    shown = run(
        sched, back - timedelta(minutes=30), fired_at + timedelta(seconds=30), timedelta(hours=1)
    )
    assert shown == []
    if days_back <= 3:  # older handled ones are forgotten; what matters is that none fired
        yesterday = back.astimezone(NEW_YORK).date()
        assert sched.state.handled[OccurrenceKey(BEDTIME, "20:18", yesterday)] is Outcome.LIVED
    # The next evening, it fires as always.
    assert [d.day for d in sched.due(fired_at + timedelta(days=1))] == [date(2026, 11, 21)]


def test_set_back_for_days_then_put_right_the_evening_it_fired_stays_fired() -> None:
    sched = scheduler(Reminder(at="20:18"))
    fired_at = local(NEW_YORK, 2026, 11, 20, 20, 18)
    assert len(sched.due(fired_at)) == 1
    sched.due(fired_at - timedelta(days=5))  # the clock goes back five days...
    assert sched.due(fired_at + timedelta(minutes=2)) == []  # ...and is put right


def test_a_clock_more_than_a_week_behind_is_taken_as_wrong_and_reminders_fire() -> None:
    sched = scheduler(Reminder(at="20:18"))
    fired_at = local(NEW_YORK, 2026, 11, 20, 20, 18)
    sched.due(fired_at)
    back = fired_at - SET_BACK_LIMIT - timedelta(days=1)
    assert [due.day for due in sched.due(back)] == [back.astimezone(NEW_YORK).date()]


def test_the_latest_moment_seen_survives_a_restart() -> None:
    sched = scheduler(Reminder(at="20:18"))
    sched.due(local(NEW_YORK, 2026, 11, 20, 20, 18))
    assert restarted(sched).state.seen_until == sched.state.seen_until is not None
