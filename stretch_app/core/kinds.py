"""Small names the screens and relief use, without the routine models (no pydantic).

A cramp-now start shows a working relief screen before pydantic and the routine models load
(docs/performance.md, issue 13), so what that screen needs from :mod:`.model` and
:mod:`.guidance` lives here; those modules import it from here and still export it.
"""

from __future__ import annotations

from enum import StrEnum

__all__ = ["Cue", "RoutineKind", "Side", "StepMode", "format_duration"]


class Side(StrEnum):
    """Which leg a hold is for."""

    LEFT = "left"
    RIGHT = "right"


class StepMode(StrEnum):
    """How a step is timed: a fixed hold, a hold until the cramp eases, or an untimed tip."""

    TIMED = "timed"
    UNTIL_EASED = "until-eased"
    TIP = "tip"


class RoutineKind(StrEnum):
    """A bedtime-style routine, or the cramp-relief sequence."""

    ROUTINE = "routine"
    RELIEF = "relief"


class Cue(StrEnum):
    """A short tone; the value is the sound file's name without ``.wav``."""

    HOLD_START = "hold-start"
    LAST_SECONDS = "last-seconds"
    SWITCH_LEGS = "switch-legs"
    DONE = "done"
    EMERGENCY = "emergency"
    """Relief: the cramp has reached the emergency threshold (again)."""


def format_duration(seconds: float) -> str:
    """A short, human reading of a duration: ``"45 s"``, ``"6 min"``, ``"6 min 10 s"``."""
    total = round(seconds)
    minutes, secs = divmod(total, 60)
    if minutes and secs:
        return f"{minutes} min {secs} s"
    if minutes:
        return f"{minutes} min"
    return f"{secs} s"
