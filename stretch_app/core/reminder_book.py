"""The reminders as plain data, and a compiled copy of them kept in the user's cache.

A tray waiting for bedtime needs each bedtime routine's id, name and reminders and four
settings. Reading them from the routine files and ``settings.toml`` takes pydantic and every
routine model (about 22 MB resident, more than the tray's whole memory budget of issue 13), so
the full path compiles them once into a :class:`ReminderBook`, kept as JSON beside the command
line's answers and keyed like them (:mod:`.answer_cache`): the app's version and language, and
the size, mtime, ctime and inode of every routine folder, routine file and the settings file.
The tray reads the book back with ``json`` alone. A stale key, or anything unexpected in the
file, means the full path is taken again and the book compiled anew.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from stretch_app.core.answer_cache import KeptSource, fingerprint, keep_answer, stored_answer
from stretch_app.core.days import Day, PlainReminder, ReminderTime
from stretch_app.core.schedule import ScheduleSettings

if TYPE_CHECKING:
    from stretch_app.core.library import Library
    from stretch_app.core.settings import Settings

__all__ = ["BookSource", "ReminderBook", "book_of"]

_FORMAT = 1
_AT = re.compile(r"(?:[01][0-9]|2[0-3]):[0-5][0-9]")
_MAX_ROUTINES = 1000  # more than any library holds: a book this big is garbage


@dataclass(frozen=True)
class ReminderBook:
    """Each bedtime routine (id, name, in the library's order), its reminders in effect (the
    person's own where set, else the file's), and the reminder settings."""

    routines: tuple[tuple[str, str], ...] = ()
    reminders: Mapping[str, tuple[ReminderTime, ...]] = field(default_factory=dict)
    grace_minutes: int = 60
    snooze_minutes: int = 10
    skip_if_done_within_hours: int = 3
    close_to_tray: bool = False

    def name_of(self, routine_id: str) -> str | None:
        """The routine's name, or None when there is no such bedtime routine."""
        return next((name for rid, name in self.routines if rid == routine_id), None)

    def schedule_settings(self) -> ScheduleSettings:
        """The scheduler's tunables."""
        return ScheduleSettings(
            grace=timedelta(minutes=self.grace_minutes),
            snooze=timedelta(minutes=self.snooze_minutes),
            skip_if_done_within=timedelta(hours=self.skip_if_done_within_hours),
        )

    def to_json(self) -> dict[str, Any]:
        """Plain JSON data; :meth:`from_json` reads it back."""
        return {
            "format": _FORMAT,
            "routines": [list(pair) for pair in self.routines],
            "reminders": {
                rid: [{"at": r.at, "days": [str(d) for d in r.days], "on": r.enabled} for r in rs]
                for rid, rs in self.reminders.items()
            },
            "grace_minutes": self.grace_minutes,
            "snooze_minutes": self.snooze_minutes,
            "skip_if_done_within_hours": self.skip_if_done_within_hours,
            "close_to_tray": self.close_to_tray,
        }

    @classmethod
    def from_json(cls, data: object) -> ReminderBook:
        """Read what :meth:`to_json` wrote; ``ValueError`` on anything else."""
        if not isinstance(data, dict) or data.get("format") != _FORMAT:
            raise ValueError("not a reminder book")
        routines = _pairs(data.get("routines"))
        reminders = data.get("reminders")
        if not isinstance(reminders, dict) or set(reminders) - {rid for rid, _ in routines}:
            raise ValueError("reminders of unknown routines")
        numbers = [
            data.get(k) for k in ("grace_minutes", "snooze_minutes", "skip_if_done_within_hours")
        ]
        if not all(type(n) is int and 0 <= n <= 1440 for n in numbers):
            raise ValueError("a reminder setting is not a small whole number")
        close_to_tray = data.get("close_to_tray")
        if not isinstance(close_to_tray, bool):
            raise ValueError("close_to_tray is not true or false")
        return cls(
            routines=routines,
            reminders={rid: _reminders(entries) for rid, entries in reminders.items()},
            grace_minutes=numbers[0],  # type: ignore[arg-type]  # checked as int above
            snooze_minutes=numbers[1],  # type: ignore[arg-type]
            skip_if_done_within_hours=numbers[2],  # type: ignore[arg-type]
            close_to_tray=close_to_tray,
        )


def _pairs(value: object) -> tuple[tuple[str, str], ...]:
    if not isinstance(value, list) or len(value) > _MAX_ROUTINES:
        raise ValueError("routines is not a list")
    pairs: list[tuple[str, str]] = []
    for pair in value:
        if not (
            isinstance(pair, list)
            and len(pair) == 2
            and all(isinstance(part, str) and part for part in pair)
        ):
            raise ValueError("a routine is not an id and a name")
        pairs.append((pair[0], pair[1]))
    return tuple(pairs)


def _reminders(entries: object) -> tuple[PlainReminder, ...]:
    if not isinstance(entries, list) or len(entries) > 20:
        raise ValueError("reminders is not a short list")
    found: list[PlainReminder] = []
    for entry in entries:
        if not isinstance(entry, dict) or set(entry) != {"at", "days", "on"}:
            raise ValueError("a reminder is not at, days and on")
        at, days, on = entry["at"], entry["days"], entry["on"]
        if not (isinstance(at, str) and _AT.fullmatch(at) and isinstance(on, bool)):
            raise ValueError("a reminder's time or switch is wrong")
        if not isinstance(days, list) or len(days) > 7:
            raise ValueError("a reminder's days are not a list")
        found.append(PlainReminder(at, tuple(Day(day) for day in days), on))  # Day: ValueError
    return tuple(found)


def book_of(library: Library, settings: Settings) -> ReminderBook:
    """The book for this library and these settings (the full path, with the models)."""
    routines = library.routines_of_kind("routine")
    overrides = settings.reminder_overrides
    return ReminderBook(
        routines=tuple((r.id, r.name) for r in routines),
        reminders={r.id: tuple(overrides.get(r.id, r.reminders)) for r in routines},
        grace_minutes=settings.missed_grace_minutes,
        snooze_minutes=settings.snooze_minutes,
        skip_if_done_within_hours=settings.skip_if_done_within_hours,
        close_to_tray=settings.close_to_tray,
    )


@dataclass(frozen=True)
class BookSource(KeptSource):
    """Where a book comes from: the routine folders, the settings file, the language and the
    app's version; and the cache file it is kept in."""

    def _inputs(self) -> list[Path]:
        return self._routine_inputs() + self._settings_inputs()

    def cached(self) -> ReminderBook | None:
        """The kept book, while nothing it was compiled from has changed; else None."""
        stored = stored_answer(self.cache_file, self._question("reminders"), self._inputs())
        if stored is None:
            return None
        try:
            return ReminderBook.from_json(stored)
        except ValueError:  # garbage in the cache: the full path reads the files again
            return None

    def keep(self, book: ReminderBook) -> None:
        """Keep ``book`` for the files as they are now (never raises)."""
        keep_answer(self.cache_file, self._question("reminders"), self._inputs(), book.to_json())

    def compile(self) -> ReminderBook:
        """The full path: read the routine files and settings with their models, and keep the
        book (only if no file changed meanwhile: it must be the book of the files it is keyed
        by)."""
        from stretch_app.core.library import load_library
        from stretch_app.core.settings import load_settings

        before = fingerprint(self._inputs())
        library = load_library(self.folders).in_language(self.language)
        settings, _problem = load_settings(self.settings_file)
        book = book_of(library, settings)
        if fingerprint(self._inputs()) == before:
            self.keep(book)
        return book

    def book(self) -> ReminderBook:
        """The kept book when it is current, else the one compiled now."""
        return self.cached() or self.compile()


def main(argv: Sequence[str]) -> int:
    """``python -m stretch_app.core.reminder_book SOURCE``: compile and keep the book.

    The tray runs this in a child process when its kept book is stale, so that pydantic and
    the routine models are loaded (and their memory held) there, not in the long-lived tray.
    """
    source: BookSource = BookSource.from_argument(argv[1])
    source.compile()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
