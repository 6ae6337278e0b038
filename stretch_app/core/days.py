"""The days of the week and the shape of a reminder, as the schedule reads them.

Apart from :mod:`stretch_app.core.model` (pydantic) so that the scheduler, the reminder rules
and the tray's compiled reminder book work on plain data: a tray waiting for bedtime never
imports pydantic. A routine file's :class:`~stretch_app.core.model.Reminder` and
:class:`PlainReminder` both fit :class:`ReminderTime`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

__all__ = ["Day", "PlainReminder", "ReminderTime"]


class Day(StrEnum):
    """A day of the week, as written in reminder entries."""

    MON = "mon"
    TUE = "tue"
    WED = "wed"
    THU = "thu"
    FRI = "fri"
    SAT = "sat"
    SUN = "sun"


class ReminderTime(Protocol):
    """What the schedule reads of a reminder: its wall time, its days, whether it is on."""

    @property
    def at(self) -> str:
        """The wall time, ``"HH:MM"``."""

    @property
    def days(self) -> Sequence[Day]:
        """The days of the week it rings on."""

    @property
    def enabled(self) -> bool:
        """Whether it rings at all."""


@dataclass(frozen=True, slots=True)
class PlainReminder:
    """A reminder as plain data (read from the compiled reminder book, not a routine file)."""

    at: str
    days: tuple[Day, ...] = tuple(Day)
    enabled: bool = True
