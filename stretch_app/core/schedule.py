"""When bedtime reminders fire: local wall time, DST, weekdays, snooze, skips and missed ones.

Pure Python (zoneinfo and datetime only) and free of any real clock: every call takes ``now``
as an aware datetime, so tests move time by passing a later ``now``.

The rules:

* A reminder fires at its wall time (``at``) in the given zone, on the calendar dates whose
  weekday is in ``days``; an occurrence is named by ``(routine id, at, local date)``.
* **Gap** (spring forward): a wall time that does not exist on that date fires once at the
  first valid moment, the instant the clocks jump (02:30 in New York on 2026-03-08 fires at
  03:00 EDT; 01:30 in London on 2026-03-29 at 02:00 BST). Both this and the overlap rule are
  :func:`stretch_app.core.wall_clock.resolve_wall_time`.
* **Overlap** (fall back): a wall time that happens twice fires once, at the first of the two
  (``fold=0``, still on summer time).
* ``Scheduler.due(now)`` fires every occurrence not yet handled whose time has come, once; one
  missed (asleep, app closed) by more than ``grace`` is recorded as missed instead. A
  wall-clock jump is just a call with a very different ``now``: nothing else is needed.
* Handled occurrences live in a small ``ReminderState`` that the app saves after each change
  (``to_dict``) and reloads at start (``from_dict``), so nothing fires twice across restarts.
* "Tonight" is the night ``now`` belongs to (:mod:`stretch_app.core.nights`: noon to noon).
* **Clock set back**: the latest moment a check has seen is kept (``seen_until``); while the
  clock stands behind it (by up to :data:`SET_BACK_LIMIT`), an occurrence at or before it
  has been lived through once already and never fires again, whatever its date.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from itertools import islice
from zoneinfo import ZoneInfo

from stretch_app.core.days import Day, ReminderTime
from stretch_app.core.nights import night_of, wall_date
from stretch_app.core.wall_clock import aware_utc, resolve_wall_time, wall_time

__all__ = [
    "Due",
    "OccurrenceKey",
    "Outcome",
    "ReminderState",
    "ScheduleSettings",
    "Scheduler",
    "next_occurrence",
]

_WEEKDAYS: tuple[Day, ...] = tuple(Day)  # Monday first, matching date.weekday()
_LOOKBACK = timedelta(days=2)  # how far back a late check still records missed reminders
_KEEP_DAYS = 4  # handled occurrences older (or newer) than this many days are forgotten
_MAX_ENTRIES = 1000  # a saved state bigger than this is garbage; the rest is dropped
_SCAN_LIMIT = 16  # occurrences looked at per reminder when searching for the next wake
_TICK = timedelta(microseconds=1)
_STATE_VERSION = 1
#: How far a clock set back is still taken as "this time was already lived through". Ours, not
#: the article's: a clock further behind than this is taken as plainly wrong and forgotten.
SET_BACK_LIMIT = timedelta(days=7)


def _occurrences(
    reminder: ReminderTime, after: datetime, tz: ZoneInfo
) -> Iterator[tuple[date, datetime]]:
    """Every (local date, UTC instant) of ``reminder`` strictly after ``after``, in order."""
    if not reminder.enabled or not reminder.days:
        return
    at = wall_time(reminder.at)
    # A day early: a gap can push the previous date's occurrence past midnight.
    day = after.astimezone(tz).date() - timedelta(days=1)
    while True:
        if _WEEKDAYS[day.weekday()] in reminder.days:
            instant = resolve_wall_time(day, at, tz)
            if instant > after:
                yield day, instant
        day += timedelta(days=1)


def next_occurrence(reminder: ReminderTime, after: datetime, tz: ZoneInfo) -> datetime | None:
    """The first UTC instant strictly after ``after`` at which ``reminder`` fires; None if off."""
    return next((instant for _, instant in _occurrences(reminder, aware_utc(after), tz)), None)


class Outcome(StrEnum):
    """What became of one reminder occurrence."""

    FIRED = "fired"
    SKIPPED = "skipped"  # the person chose "skip tonight"
    DONE = "done"  # the routine was already done shortly before
    MISSED = "missed"  # the computer slept (or the app was closed) past the grace window
    LIVED = "lived"  # the clock was set back to before it: this time had passed once already


@dataclass(frozen=True, order=True)
class OccurrenceKey:
    """One night's occurrence of a reminder: routine id, wall time ``"HH:MM"``, local date."""

    routine_id: str
    at: str
    day: date


@dataclass(frozen=True)
class Due:
    """A reminder to show now; ``scheduled`` is its planned UTC instant (or the snooze's end)."""

    routine_id: str
    at: str
    day: date
    scheduled: datetime
    snoozed: bool = False

    @property
    def key(self) -> OccurrenceKey:
        """The occurrence this reminder belongs to."""
        return OccurrenceKey(self.routine_id, self.at, self.day)


@dataclass(frozen=True)
class ScheduleSettings:
    """Tunables: missed-reminder grace, snooze length, and the already-done window."""

    grace: timedelta = timedelta(minutes=60)
    snooze: timedelta = timedelta(minutes=10)
    skip_if_done_within: timedelta = timedelta(hours=3)


def _parse_instant(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return aware_utc(datetime.fromisoformat(value))
    except (ValueError, OverflowError):
        return None


def _parse_key(entry: object) -> OccurrenceKey | None:
    if not isinstance(entry, Mapping):
        return None
    routine_id, at, day = entry.get("routine"), entry.get("at"), entry.get("day")
    if not (isinstance(routine_id, str) and routine_id and len(routine_id) <= 100):
        return None
    if not (isinstance(at, str) and isinstance(day, str) and len(at) == 5):
        return None
    try:
        wall_time(at)
        return OccurrenceKey(routine_id, at, date.fromisoformat(day))
    except ValueError:
        return None


def _entries(value: object) -> list[object]:
    return list(value[:_MAX_ENTRIES]) if isinstance(value, list) else []


@dataclass
class ReminderState:
    """What has fired, been skipped or snoozed, and when each routine was last done."""

    handled: dict[OccurrenceKey, Outcome] = field(default_factory=dict)
    snoozed: dict[OccurrenceKey, datetime] = field(default_factory=dict)
    done: dict[str, datetime] = field(default_factory=dict)
    last_check: datetime | None = None
    seen_until: datetime | None = None  # the latest "now" a check has seen

    def to_dict(self) -> dict[str, object]:
        """A plain dict of strings and lists (JSON- and TOML-safe) for the settings file."""

        def key_dict(key: OccurrenceKey) -> dict[str, str]:
            return {"routine": key.routine_id, "at": key.at, "day": key.day.isoformat()}

        data: dict[str, object] = {
            "version": _STATE_VERSION,
            "handled": [
                {**key_dict(key), "outcome": str(outcome)}
                for key, outcome in sorted(self.handled.items())
            ],
            "snoozed": [
                {**key_dict(key), "until": until.isoformat()}
                for key, until in sorted(self.snoozed.items())
            ],
            "done": {routine: at.isoformat() for routine, at in sorted(self.done.items())},
        }
        if self.last_check is not None:
            data["last_check"] = self.last_check.isoformat()
        if self.seen_until is not None:
            data["seen_until"] = self.seen_until.isoformat()
        return data

    @classmethod
    def from_dict(cls, data: object) -> ReminderState:
        """Read what ``to_dict`` wrote; anything malformed is dropped, and this never raises."""
        state = cls()
        if not isinstance(data, Mapping):
            return state
        state.last_check = _parse_instant(data.get("last_check"))
        state.seen_until = _parse_instant(data.get("seen_until"))
        for entry in _entries(data.get("handled")):
            key = _parse_key(entry)
            outcome = entry.get("outcome") if isinstance(entry, Mapping) else None
            if key is not None and outcome in tuple(Outcome):
                state.handled[key] = Outcome(str(outcome))
        for entry in _entries(data.get("snoozed")):
            key = _parse_key(entry)
            until = _parse_instant(entry.get("until")) if isinstance(entry, Mapping) else None
            if key is not None and until is not None:
                state.snoozed[key] = until
        done = data.get("done")
        if isinstance(done, Mapping):
            for routine_id, value in islice(done.items(), _MAX_ENTRIES):
                at = _parse_instant(value)
                if isinstance(routine_id, str) and at is not None:
                    state.done[routine_id] = at
        return state


class Scheduler:
    """Decides which reminders fire when, given the routines' reminders and a time zone.

    ``reminders`` maps a routine id to its reminders (``{r.id: r.reminders for r in routines}``)
    and may be replaced when routines reload; so may ``tz``. Save ``state.to_dict()`` after
    every call except ``next_wake``. Typical loop: ``due(now)``, show each, then arm one timer
    for ``next_wake(now)``; a watchdog calling ``due`` about once a minute covers clock jumps.
    """

    def __init__(
        self,
        reminders: Mapping[str, Sequence[ReminderTime]],
        tz: ZoneInfo,
        settings: ScheduleSettings | None = None,
        state: ReminderState | None = None,
    ) -> None:
        self.reminders = reminders
        self.tz = tz
        self.settings = settings or ScheduleSettings()
        self.state = state or ReminderState()

    def due(self, now: datetime) -> list[Due]:
        """Reminders to show now, each occurrence once, oldest first; records what it decides."""
        now = aware_utc(now)
        lived = self._lived_until(now)
        self._forget_old(lived or now)  # a clock set back keeps what it fired meanwhile
        grace = self.settings.grace
        start = now - grace
        last = self.state.last_check
        if last is not None and last < start:
            start = max(last, now - _LOOKBACK)  # to record the ones slept through as missed
        fired: list[Due] = []
        for routine_id, reminders in self.reminders.items():
            for reminder in reminders:
                for day, instant in _occurrences(reminder, start - _TICK, self.tz):
                    if instant > now:
                        break
                    key = OccurrenceKey(routine_id, reminder.at, day)
                    if key in self.state.handled:
                        continue
                    if lived is not None and instant <= lived:
                        self.state.handled[key] = Outcome.LIVED
                    elif self._done_before(routine_id, instant):
                        self.state.handled[key] = Outcome.DONE
                    elif now - instant > grace:
                        self.state.handled[key] = Outcome.MISSED
                    else:
                        self.state.handled[key] = Outcome.FIRED
                        fired.append(Due(routine_id, reminder.at, day, instant))
        for key, until in sorted(self.state.snoozed.items()):
            if until <= now:
                del self.state.snoozed[key]
                if now - until <= grace and key.routine_id in self.reminders:
                    fired.append(Due(key.routine_id, key.at, key.day, until, snoozed=True))
        self.state.last_check = now
        return sorted(fired, key=lambda due: (due.scheduled, due.key))

    def _lived_until(self, now: datetime) -> datetime | None:
        """When the clock was set back: the latest moment already seen; moves the mark on."""
        seen = self.state.seen_until
        if seen is not None and now < seen <= now + SET_BACK_LIMIT:
            return seen
        self.state.seen_until = now
        return None

    def next_wake(self, now: datetime) -> datetime | None:
        """When to call ``due`` next (never before ``now``); None when nothing is scheduled."""
        now = aware_utc(now)
        wakes = [
            max(until, now)
            for key, until in self.state.snoozed.items()
            if key.routine_id in self.reminders
        ]
        for routine_id, reminders in self.reminders.items():
            for reminder in reminders:
                upcoming = _occurrences(reminder, now - self.settings.grace - _TICK, self.tz)
                for day, instant in islice(upcoming, _SCAN_LIMIT):
                    key = OccurrenceKey(routine_id, reminder.at, day)
                    if key not in self.state.handled and not self._done_before(routine_id, instant):
                        wakes.append(max(instant, now))
                        break
        return min(wakes, default=None)

    def snooze(self, due: Due, now: datetime, duration: timedelta | None = None) -> datetime:
        """Show ``due`` again after ``duration`` (the snooze setting by default); returns when."""
        until = aware_utc(now) + (self.settings.snooze if duration is None else duration)
        self.state.snoozed[due.key] = until
        return until

    def skip_tonight(self, routine_id: str, now: datetime) -> list[OccurrenceKey]:
        """Skip the routine's reminders for the night ``now`` is in; returns those newly skipped."""
        night = night_of(aware_utc(now), self.tz)
        self._drop_snoozes(routine_id)
        skipped: list[OccurrenceKey] = []
        for reminder in self.reminders.get(routine_id, ()):
            day = wall_date(night, wall_time(reminder.at))
            key = OccurrenceKey(routine_id, reminder.at, day)
            if (
                reminder.enabled
                and _WEEKDAYS[day.weekday()] in reminder.days
                and key not in self.state.handled
            ):
                self.state.handled[key] = Outcome.SKIPPED
                skipped.append(key)
        return skipped

    def all_skipped(self, now: datetime) -> bool:
        """Whether every reminder of the night ``now`` is in was skipped (paused), and there
        was one: what the tray's "Pause reminders tonight" shows, read from the saved state so
        it holds after a restart."""
        night = night_of(aware_utc(now), self.tz)
        outcomes = [
            self.state.handled.get(OccurrenceKey(routine_id, reminder.at, day))
            for routine_id, reminders in self.reminders.items()
            for reminder in reminders
            if reminder.enabled
            and _WEEKDAYS[(day := wall_date(night, wall_time(reminder.at))).weekday()]
            in reminder.days
        ]
        return bool(outcomes) and all(o is Outcome.SKIPPED for o in outcomes)

    def mark_routine_done(self, routine_id: str, at: datetime) -> None:
        """Note the routine was done at ``at``: reminders due soon after it are skipped."""
        at = aware_utc(at)
        previous = self.state.done.get(routine_id)
        if previous is None or at > previous:
            self.state.done[routine_id] = at
        self._drop_snoozes(routine_id)

    def skipped_as_done(self, routine_id: str, now: datetime) -> datetime | None:
        """When the routine was done, if that skips a reminder of the night ``now`` is in.

        For the card's "Tonight's reminder skipped: you stretched at 21:10"; None otherwise.
        """
        done = self.state.done.get(routine_id)
        if done is None:
            return None
        night = night_of(aware_utc(now), self.tz)
        for reminder in self.reminders.get(routine_id, ()):
            at = wall_time(reminder.at)
            day = wall_date(night, at)
            if not reminder.enabled or _WEEKDAYS[day.weekday()] not in reminder.days:
                continue
            outcome = self.state.handled.get(OccurrenceKey(routine_id, reminder.at, day))
            instant = resolve_wall_time(day, at, self.tz)
            if outcome is Outcome.DONE or (
                outcome is None and self._done_before(routine_id, instant)
            ):
                return done
        return None

    def _done_before(self, routine_id: str, instant: datetime) -> bool:
        done = self.state.done.get(routine_id)
        return done is not None and (
            instant - self.settings.skip_if_done_within <= done <= instant + self.settings.grace
        )

    def _drop_snoozes(self, routine_id: str) -> None:
        for key in [key for key in self.state.snoozed if key.routine_id == routine_id]:
            del self.state.snoozed[key]

    def _forget_old(self, now: datetime) -> None:
        today = now.astimezone(self.tz).date()
        keep = timedelta(days=_KEEP_DAYS)
        self.state.handled = {
            key: outcome
            for key, outcome in self.state.handled.items()
            if abs(key.day - today) <= keep
        }
