"""Night or day look, decided from plain values, with nothing heavy to import.

The start-up path asks this before the first window is shown, so it must not wait for
pydantic (nor for ``datetime``: a moment is anything with an hour and a minute);
:mod:`stretch_app.core.settings` uses the same rule.
"""

from __future__ import annotations

import re
from pathlib import Path
from time import localtime
from typing import NamedTuple, Protocol

from stretch_app.core.settings_defaults import (
    DEFAULT_LOOK,
    DEFAULT_NIGHT_ENDS,
    DEFAULT_NIGHT_STARTS,
)
from stretch_app.core.settings_file import read_settings_file

__all__ = [
    "Moment",
    "is_night_between",
    "look_name_from_file",
    "night_look_from_file",
    "wants_night_look",
]

_CLOCK = re.compile(r"^(\d{1,2}):(\d{2})$")


class Moment(Protocol):
    """A local time of day: a ``datetime.time`` or a ``datetime.datetime`` will do."""

    @property
    def hour(self) -> int:
        """0-23."""
        ...

    @property
    def minute(self) -> int:
        """0-59."""
        ...


class _Now(NamedTuple):
    hour: int
    minute: int


def _now() -> Moment:
    clock = localtime()
    return _Now(clock.tm_hour, clock.tm_min)


def _minutes(clock_time: str) -> int:
    hours, minutes = clock_time.split(":")
    return int(hours) * 60 + int(minutes)


def is_night_between(starts: str, ends: str, local_time: Moment) -> bool:
    """Whether ``local_time`` is in the window from ``starts`` to ``ends`` (may wrap midnight).

    The window includes its start and excludes its end; a window that starts and ends at the
    same time is empty.
    """
    now = local_time.hour * 60 + local_time.minute
    start, end = _minutes(starts), _minutes(ends)
    if start <= end:
        return start <= now < end
    return now >= start or now < end


def wants_night_look(look: str, starts: str, ends: str, local_time: Moment) -> bool:
    """The night look: chosen outright, or ``auto`` within the night window."""
    if look == "auto":
        return is_night_between(starts, ends, local_time)
    return look == "night"


def _clock_or(value: object, fallback: str) -> str:
    match = _CLOCK.match(value) if isinstance(value, str) else None
    if match and int(match[1]) < 24 and int(match[2]) < 60:
        return f"{int(match[1]):02d}:{match[2]}"
    return fallback


def _night(data: dict[str, object], local_time: Moment) -> bool:
    look = data.get("look")
    look = look if look in ("auto", "night", "day") else DEFAULT_LOOK
    starts = _clock_or(data.get("night_starts"), DEFAULT_NIGHT_STARTS)
    ends = _clock_or(data.get("night_ends"), DEFAULT_NIGHT_ENDS)
    return wants_night_look(str(look), starts, ends, local_time)


def night_look_from_file(path: Path, local_time: Moment) -> bool:
    """A first guess at night or day from the settings file, for the very first paint.

    Anything unreadable counts as the defaults; the full settings check comes moments later.
    """
    return _night(read_settings_file(path), local_time)


def look_name_from_file(path: Path, local_time: Moment | None = None) -> str:
    """``"high-contrast"`` (``-day`` with the day look), ``"night"`` or ``"day"``: the look the
    first paint should use (at ``local_time``; by default now)."""
    data = read_settings_file(path)
    if data.get("high_contrast") is True:
        return "high-contrast-day" if data.get("look") == "day" else "high-contrast"
    return "night" if _night(data, _now() if local_time is None else local_time) else "day"
