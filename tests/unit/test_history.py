"""Counting the diary by night: calendar marks, weekly counts, the streak, with vs without."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from itertools import count
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from stretch_app.core.history import (
    NightLog,
    format_minutes,
    month_range,
    night_of,
    night_start,
)
from stretch_app.core.journal import CrampEpisode, EpisodeDetails, Journal, SessionRecord

TZ = ZoneInfo("Europe/London")
_ids = count(1)


def at(day: int, hour: int, minute: int = 0, month: int = 3) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=TZ)


def session(when: datetime, *, completed: bool = True, routine: str = "bedtime") -> SessionRecord:
    return SessionRecord(next(_ids), routine, when, when + timedelta(minutes=5), completed, 7, 3)


def cramp(when: datetime, duration_s: float | None = 60.0, *, woke: bool = False) -> CrampEpisode:
    return CrampEpisode(
        when, id=next(_ids), duration_s=duration_s, leg="left", muscle="calf", pain=5, woke_me=woke
    )


@pytest.mark.parametrize(
    ("moment", "night"),
    [
        (at(4, 2), date(2026, 3, 3)),  # 02:00 belongs to the evening before
        (at(4, 11, 59), date(2026, 3, 3)),
        (at(4, 12), date(2026, 3, 4)),
        (at(4, 23, 30), date(2026, 3, 4)),
        (at(29, 3), date(2026, 3, 28)),  # the morning the clocks go forward
    ],
)
def test_a_night_runs_from_noon_to_noon(moment: datetime, night: date) -> None:
    assert night_of(moment, TZ) == night
    assert night_of(moment.astimezone(UTC), TZ) == night


def test_night_start_is_local_noon() -> None:
    assert night_start(date(2026, 7, 1), TZ) == datetime(2026, 7, 1, 11, tzinfo=UTC)
    assert month_range(2026, 2) == (date(2026, 2, 1), date(2026, 2, 28))


def test_the_month_calendar_marks_routines_and_cramps() -> None:
    log = NightLog.build(
        [
            session(at(2, 22)),
            session(at(3, 22), completed=False),
            session(at(5, 3), routine="cramp-relief"),  # relief is not the routine
            session(at(6, 21), completed=False),
            session(at(6, 22)),  # tried twice, finished the second time
        ],
        [cramp(at(3, 2)), cramp(at(4, 3), woke=True), cramp(at(4, 23))],
        TZ,
    )
    nights = {n.date.day: n for n in log.month(2026, 3)}
    assert len(nights) == 31
    assert nights[2].routine == "done"
    assert nights[2].cramps == 1  # the 02:00 cramp on the 3rd
    assert nights[3].routine == "partial"
    assert (nights[3].cramps, nights[3].woken) == (1, True)
    assert nights[4].cramps == 1 and not nights[4].woken
    assert nights[4].routine is None
    assert nights[6].routine == "done"
    assert nights[1] == log.night(date(2026, 3, 1))
    assert nights[1].routine is None and nights[1].cramps == 0


def test_cramps_per_week_and_their_average_duration() -> None:
    # 2 March 2026 is a Monday.
    log = NightLog.build(
        [],
        [cramp(at(2, 23), 60), cramp(at(4, 3), 180), cramp(at(9, 23), None), cramp(at(16, 1), 30)],
        TZ,
    )
    weeks = log.weeks(date(2026, 3, 1), date(2026, 3, 15))
    assert [w.monday for w in weeks] == [date(2026, 2, 23), date(2026, 3, 2), date(2026, 3, 9)]
    # The 01:00 cramp on Monday the 16th is Sunday the 15th's night: in the week of the 9th.
    assert [w.cramps for w in weeks] == [0, 2, 2]
    assert [w.average_duration_s for w in weeks] == [None, 120.0, 30.0]  # unknown left out
    assert log.weeks(date(2026, 3, 16), date(2026, 3, 16))[0].cramps == 0


def test_the_streak_counts_finished_routines_in_a_row() -> None:
    sessions = [session(at(d, 22)) for d in (1, 3, 4, 5)]
    sessions.append(session(at(6, 22), completed=False))
    sessions += [session(at(d, 22)) for d in (7, 8)]
    log = NightLog.build(sessions, [], TZ)
    assert log.streak(tonight=date(2026, 3, 8)) == 2
    assert log.streak(tonight=date(2026, 3, 9)) == 2  # tonight's routine not done yet
    assert log.streak(tonight=date(2026, 3, 10)) == 0
    assert log.streak(tonight=date(2026, 3, 5)) == 3
    assert NightLog.build([], [], TZ).streak(date(2026, 3, 5)) == 0


def test_with_and_without_the_routine_side_by_side() -> None:
    sessions = [session(at(d, 22)) for d in (5, 6, 7, 8)]
    sessions.append(session(at(9, 22), completed=False))  # partial counts as "without"
    cramps = [cramp(at(6, 2)), cramp(at(9, 3)), cramp(at(10, 4)), cramp(at(10, 5))]
    log = NightLog.build(sessions, cramps, TZ)
    # The first thing recorded is the cramp of the 5th's night; nights before are not counted.
    result = log.comparison(date(2026, 3, 1), date(2026, 3, 31), tonight=date(2026, 3, 12))
    assert (result.nights_with, result.cramps_with) == (4, 2)  # nights of the 5th and 8th
    assert (result.nights_without, result.cramps_without) == (3, 2)  # 9th, 10th, 11th
    assert result.per_night_with == 0.5
    assert result.per_night_without == pytest.approx(2 / 3)
    # Tonight, with nothing recorded yet, is left out; last night is counted.
    assert len(log.counted_nights(date(2026, 3, 1), date(2026, 3, 31), date(2026, 3, 12))) == 7
    empty = NightLog.build([], [], TZ).comparison(date(2026, 3, 1), date(2026, 3, 31), date.today())
    assert empty.per_night_with is None and empty.per_night_without is None


def test_counts_agree_with_a_real_journal(tmp_path: Path) -> None:
    with Journal.open(tmp_path / "j.sqlite3") as journal:
        journal.record_session("bedtime", at(2, 22), at(2, 22, 5), completed=True)
        journal.add_episode(EpisodeDetails(at(3, 2, 30), duration_s=90.0, woke_me=True))
        log = NightLog.build(journal.sessions(), journal.episodes(), TZ)
    night = log.night(date(2026, 3, 2))
    assert night.routine == "done" and night.cramps == 1 and night.woken


@pytest.mark.parametrize(
    ("seconds", "text"), [(45, "45 s"), (60, "1 min"), (150, "2.5 min"), (720, "12 min")]
)
def test_durations_read_plainly(seconds: float, text: str) -> None:
    assert format_minutes(seconds) == text
