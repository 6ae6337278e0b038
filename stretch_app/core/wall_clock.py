"""Wall-clock time in a zone: the computer's zone, ``"HH:MM"`` times, and the DST rules.

Kept apart from :mod:`stretch_app.core.schedule` because none of it is about reminders: it is
zoneinfo and datetime only (no models), so a caller that just wants the zone (the calendar
export, the tray) does not load the scheduler's models.

* **Gap** (spring forward): a wall time that does not exist on a date resolves to the first
  valid moment, the instant the clocks jump (02:30 in New York on 2026-03-08 is 03:00 EDT).
* **Overlap** (fall back): a wall time that happens twice resolves to the first of the two
  (``fold=0``, still on summer time).
"""

from __future__ import annotations

import contextlib
import os
from datetime import UTC, date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

__all__ = ["aware_utc", "local_zone", "resolve_wall_time", "wall_time"]


def aware_utc(moment: datetime) -> datetime:
    """``moment`` in UTC; a naive one is refused, since its instant is unknown."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("the scheduler needs aware datetimes (with a time zone)")
    return moment.astimezone(UTC)


def wall_time(at: str) -> time:
    """The time of day a reminder's ``"HH:MM"`` names."""
    hour, minute = at.split(":")
    return time(int(hour), int(minute))


def resolve_wall_time(day: date, at: time, tz: ZoneInfo) -> datetime:
    """The UTC instant of wall time ``at`` on ``day`` in ``tz``, by the gap and overlap rules."""
    local = datetime.combine(day, at, tzinfo=tz)  # fold=0: the first of two, in an overlap
    instant = local.astimezone(UTC)
    if instant.astimezone(tz).replace(tzinfo=None) == local.replace(tzinfo=None):
        return instant
    # In a gap, fold=1 gives an instant before the jump and fold=0 one after; the jump happens
    # on a whole second between them, so halve the interval down to that second.
    low = int(local.replace(fold=1).astimezone(UTC).timestamp())
    high = int(instant.timestamp())
    after_offset = instant.astimezone(tz).utcoffset()
    if datetime.fromtimestamp(low, tz).utcoffset() == after_offset:
        return instant
    while high - low > 1:
        middle = (low + high) // 2
        if datetime.fromtimestamp(middle, tz).utcoffset() == after_offset:
            high = middle
        else:
            low = middle
    return datetime.fromtimestamp(high, UTC)


def local_zone() -> ZoneInfo:
    """The computer's time zone (``TZ``, then ``/etc/localtime``, ``/etc/timezone``), else UTC."""
    names = [os.environ.get("TZ", "").removeprefix(":")]
    localtime = Path("/etc/localtime")
    with contextlib.suppress(OSError, RuntimeError):
        names.append(str(localtime.resolve(strict=True)).partition("zoneinfo/")[2])
    with contextlib.suppress(OSError, UnicodeDecodeError):
        names.append(Path("/etc/timezone").read_text(encoding="utf-8").strip())
    for name in names:
        try:
            if name:
                return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError, OSError):
            continue
    try:
        with localtime.open("rb") as file:
            return ZoneInfo.from_file(file, key="localtime")
    except (OSError, ValueError):
        return ZoneInfo("UTC")
