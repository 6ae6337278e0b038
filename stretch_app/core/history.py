"""Plain numbers from the journal, by night: a month's calendar, weekly counts, the routine streak.

A *night* runs from noon to the next noon, local time, and is named after the evening it
starts on: a cramp at 02:00 on a Wednesday belongs to Tuesday's night, like the routine done
at 22:00 on Tuesday. Nothing here makes a medical claim; it only counts what was recorded.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta, tzinfo
from typing import Final, Literal

from stretch_app.core.journal import CrampEpisode, SessionRecord
from stretch_app.core.nights import NIGHT_STARTS, night_of, night_start
from stretch_app.core.phases import Finished

__all__ = [
    "DONE_SHARE",
    "NIGHT_STARTS",  # these three are core.nights', named here for the history's readers
    "RELIEF_ROUTINE_ID",
    "Comparison",
    "Night",
    "NightLog",
    "RoutineMark",
    "WeekCount",
    "compare",
    "counts_as_done",
    "format_minutes",
    "month_range",
    "night_of",
    "night_start",
]

RELIEF_ROUTINE_ID: Final = "cramp-relief"
"""The relief sequence is recorded as a session too, but it is not the bedtime routine."""

RoutineMark = Literal["done", "partial"]

DONE_SHARE: Final = 0.5
"""Our own rule, not the article's: a routine counts as done tonight when it reached the end
and at least half of its planned hold time was actually held (skipped holds count nothing)."""


def counts_as_done(finished: Finished) -> bool:
    """Whether a finished session counts as the routine done (see :data:`DONE_SHARE`)."""
    return finished.completed and finished.held_share >= DONE_SHARE


def month_range(year: int, month: int) -> tuple[date, date]:
    """The first and last night of a month."""
    last_day = calendar.monthrange(year, month)[1]
    return date(year, month, 1), date(year, month, last_day)


def format_minutes(seconds: float) -> str:
    """A duration for people: ``45 s``, ``3 min``, ``2.5 min``."""
    if seconds < 60:
        return f"{round(seconds)} s"
    minutes = seconds / 60
    text = f"{minutes:.1f}".removesuffix(".0")
    return f"{text} min"


@dataclass(frozen=True, slots=True)
class Night:
    """What was recorded for one night."""

    date: date
    routine: RoutineMark | None = None
    episodes: tuple[CrampEpisode, ...] = ()

    @property
    def cramps(self) -> int:
        """How many cramps were recorded that night."""
        return len(self.episodes)

    @property
    def woken(self) -> bool:
        """Whether any cramp that night was marked as having woken the person."""
        return any(e.woke_me for e in self.episodes)


@dataclass(frozen=True, slots=True)
class WeekCount:
    """Cramps in the seven nights from a Monday."""

    monday: date
    cramps: int
    average_duration_s: float | None
    """Of the cramps whose duration is known; None when none is."""


@dataclass(frozen=True, slots=True)
class Comparison:
    """Nights with the routine done beside nights without it: counts, nothing more."""

    nights_with: int
    cramps_with: int
    nights_without: int
    cramps_without: int

    @staticmethod
    def _rate(cramps: int, nights: int) -> float | None:
        return cramps / nights if nights else None

    @property
    def per_night_with(self) -> float | None:
        """Cramps per night on nights the routine was done (None with no such night)."""
        return self._rate(self.cramps_with, self.nights_with)

    @property
    def per_night_without(self) -> float | None:
        """Cramps per night on nights it was not (None with no such night)."""
        return self._rate(self.cramps_without, self.nights_without)


@dataclass(slots=True)
class NightLog:
    """Sessions and episodes sorted into nights, ready to count."""

    tz: tzinfo | None = None
    first_recorded: date | None = None
    """The earliest night anything was recorded; nights before it are not counted."""
    _routines: dict[date, RoutineMark] = field(default_factory=dict)
    _episodes: dict[date, list[CrampEpisode]] = field(default_factory=dict)

    @classmethod
    def build(
        cls,
        sessions: Iterable[SessionRecord],
        episodes: Iterable[CrampEpisode],
        tz: tzinfo | None = None,
        *,
        first_recorded: date | None = None,
    ) -> NightLog:
        """Sort records into nights; relief sessions are not counted as the routine."""
        log = cls(tz=tz, first_recorded=first_recorded)
        for session in sessions:
            if session.routine_id == RELIEF_ROUTINE_ID:
                continue
            night = night_of(session.started_at, tz)
            log._note(night)
            if session.completed:
                log._routines[night] = "done"
            else:
                log._routines.setdefault(night, "partial")
        for episode in episodes:
            night = night_of(episode.started_at, tz)
            log._note(night)
            log._episodes.setdefault(night, []).append(episode)
        return log

    def _note(self, night: date) -> None:
        if self.first_recorded is None or night < self.first_recorded:
            self.first_recorded = night

    def night(self, night: date) -> Night:
        """What was recorded for one night."""
        return Night(night, self._routines.get(night), tuple(self._episodes.get(night, ())))

    def nights(self, first: date, last: date) -> list[Night]:
        """Every night from ``first`` to ``last`` inclusive, recorded or not."""
        return [self.night(first + timedelta(days=i)) for i in range((last - first).days + 1)]

    def month(self, year: int, month: int) -> list[Night]:
        """The calendar of a month: one entry per night."""
        return self.nights(*month_range(year, month))

    def episodes_between(self, first: date, last: date) -> list[CrampEpisode]:
        """The episodes of the nights from ``first`` to ``last``, oldest first."""
        found = [e for n in self.nights(first, last) for e in n.episodes]
        return sorted(found, key=lambda e: (e.started_at, e.id))

    def weeks(self, first: date, last: date) -> list[WeekCount]:
        """Cramps per week (Monday to Sunday) for every week touching the nights given."""
        monday = first - timedelta(days=first.weekday())
        counts: list[WeekCount] = []
        while monday <= last:
            episodes = self.episodes_between(monday, monday + timedelta(days=6))
            durations = [e.duration_s for e in episodes if e.duration_s is not None]
            average = sum(durations) / len(durations) if durations else None
            counts.append(WeekCount(monday, len(episodes), average))
            monday += timedelta(days=7)
        return counts

    def streak(self, tonight: date) -> int:
        """Nights in a row, up to the latest, with the routine done all the way through.

        Tonight counts once the routine is done; until then the streak runs to last night.
        """
        night = tonight if self._routines.get(tonight) == "done" else tonight - timedelta(1)
        count = 0
        while self._routines.get(night) == "done":
            count += 1
            night -= timedelta(days=1)
        return count

    def counted_nights(self, first: date, last: date, tonight: date) -> list[Night]:
        """The nights of a period that can be compared: recorded ones, up to tonight.

        Nights before anything was recorded are left out, and so is tonight until something
        is recorded for it, so an evening not yet lived does not count as "no routine".
        """
        if self.first_recorded is None:
            return []
        start = max(first, self.first_recorded)
        nights = self.nights(start, min(last, tonight)) if start <= min(last, tonight) else []
        if nights and nights[-1].date == tonight and not (nights[-1].routine or nights[-1].cramps):
            nights.pop()
        return nights

    def comparison(self, first: date, last: date, tonight: date) -> Comparison:
        """Cramps on nights with the routine done, and on nights without it."""
        return compare(self.counted_nights(first, last, tonight))


def compare(nights: Sequence[Night]) -> Comparison:
    """Count cramps on nights with the routine done to the end and on all other nights."""
    with_routine = [n for n in nights if n.routine == "done"]
    without = [n for n in nights if n.routine != "done"]
    return Comparison(
        nights_with=len(with_routine),
        cramps_with=sum(n.cramps for n in with_routine),
        nights_without=len(without),
        cramps_without=sum(n.cramps for n in without),
    )
