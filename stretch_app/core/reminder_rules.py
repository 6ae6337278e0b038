"""Which reminders apply, and with which tunables: the rules the tray, the app and the
command line share. Pure Python, and free of pydantic at run time."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import timedelta
from typing import TYPE_CHECKING, TypeVar

from stretch_app.core.days import ReminderTime
from stretch_app.core.schedule import ScheduleSettings

if TYPE_CHECKING:
    from stretch_app.core.model import Reminder, Routine
    from stretch_app.core.settings import Settings

__all__ = ["effective_reminders", "schedule_settings"]

_R = TypeVar("_R", bound=ReminderTime)


def effective_reminders(
    routines: Iterable[Routine], overrides: Mapping[str, Sequence[_R]]
) -> dict[str, tuple[Reminder | _R, ...]]:
    """Each routine's reminders: the person's own (from settings) where set, else the file's."""
    return {routine.id: tuple(overrides.get(routine.id, routine.reminders)) for routine in routines}


def schedule_settings(settings: Settings) -> ScheduleSettings:
    """The scheduler's tunables from the person's settings."""
    return ScheduleSettings(
        grace=timedelta(minutes=settings.missed_grace_minutes),
        snooze=timedelta(minutes=settings.snooze_minutes),
        skip_if_done_within=timedelta(hours=settings.skip_if_done_within_hours),
    )
