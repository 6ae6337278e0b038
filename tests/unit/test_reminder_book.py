"""The compiled reminder book: what the tray reads instead of the routine files and settings."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from stretch_app import paths
from stretch_app.core.days import Day, PlainReminder
from stretch_app.core.library import load_library
from stretch_app.core.reminder_book import BookSource, ReminderBook, book_of
from stretch_app.core.settings import Settings

SETTINGS = (
    'schema_version = 1\nsnooze_minutes = 7\n\n[[reminder_overrides.bedtime]]\nat = "22:10"\n'
)


@pytest.fixture
def source(tmp_path: Path) -> BookSource:
    bundled = tmp_path / "bundled"
    shutil.copytree(paths.bundled_routines_dir(), bundled)
    settings = tmp_path / "settings.toml"
    settings.write_text(SETTINGS)
    return BookSource(
        folders=[bundled, tmp_path / "mine"],
        settings_file=settings,
        language="en",
        version="test",
        cache_file=tmp_path / "cache" / "reminders.json",
    )


class Counting(BookSource):
    """A source that counts how often the full path (the models) is taken."""

    compiled = 0

    def compile(self) -> ReminderBook:
        Counting.compiled += 1
        return super().compile()


def counting(source: BookSource) -> Counting:
    Counting.compiled = 0
    return Counting(**{f: getattr(source, f) for f in source.__dataclass_fields__})


def test_the_book_holds_the_reminders_in_effect_and_the_settings(source: BookSource) -> None:
    book = source.compile()
    assert book.name_of("bedtime") == "Bedtime leg stretches"
    assert [(r.at, r.enabled) for r in book.reminders["bedtime"]] == [("22:10", True)]
    assert book.snooze_minutes == 7
    assert book.schedule_settings().snooze.total_seconds() == 7 * 60
    assert "relief" not in dict(book.routines)  # only bedtime routines remind


def test_the_book_reads_back_what_it_wrote(source: BookSource) -> None:
    book = source.compile()
    again = ReminderBook.from_json(json.loads(json.dumps(book.to_json())))
    assert again.to_json() == book.to_json()
    assert again.reminders["bedtime"] == (PlainReminder("22:10", tuple(Day), True),)


def test_the_kept_book_is_used_until_a_routine_file_or_the_settings_change(
    source: BookSource,
) -> None:
    probe = counting(source)
    first = probe.book()
    assert probe.compiled == 1
    assert probe.book().to_json() == first.to_json()
    assert probe.compiled == 1  # read from the cache

    probe.settings_file.write_text(SETTINGS.replace("22:10", "23:05"))
    assert probe.book().reminders["bedtime"][0].at == "23:05"
    assert probe.compiled == 2

    routine = probe.folders[0] / "bedtime.toml"
    routine.write_text(
        routine.read_text().replace('name = "Bedtime leg stretches"', 'name = "Evening"', 1)
    )
    os.utime(routine, ns=(1, 1))  # even with an old mtime: the size and ctime changed
    assert probe.book().name_of("bedtime") == "Evening"
    assert probe.compiled == 3

    (probe.folders[1]).mkdir()  # the person's own folder appears
    probe.book()
    assert probe.compiled == 4
    probe.book()
    assert probe.compiled == 4


@pytest.mark.parametrize(
    "garbage",
    [
        b"not json",
        b"[]",
        b'{"key": 1}',
        b"",
    ],
)
def test_a_damaged_cache_file_is_ignored_and_the_full_path_taken(
    source: BookSource, garbage: bytes
) -> None:
    probe = counting(source)
    probe.book()
    probe.cache_file.write_bytes(garbage)
    assert probe.book().name_of("bedtime") == "Bedtime leg stretches"
    assert probe.compiled == 2


def test_a_current_key_with_a_garbage_book_is_ignored_too(source: BookSource) -> None:
    probe = counting(source)
    probe.book()
    kept = json.loads(probe.cache_file.read_text())
    kept["answer"]["reminders"]["bedtime"][0]["at"] = "25:99"
    probe.cache_file.write_text(json.dumps(kept))
    assert probe.cached() is None
    assert probe.book().reminders["bedtime"][0].at == "22:10"
    assert probe.compiled == 2


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d.update(format=2),
        lambda d: d.update(routines="bedtime"),
        lambda d: d.update(routines=[["bedtime"]]),
        lambda d: d["reminders"].update(nobody=[]),
        lambda d: d.update(snooze_minutes="10"),
        lambda d: d.update(snooze_minutes=True),
        lambda d: d.update(close_to_tray=1),
        lambda d: d["reminders"]["bedtime"][0].update(days=["someday"]),
        lambda d: d["reminders"]["bedtime"][0].update(extra=1),
    ],
)
def test_from_json_refuses_what_it_did_not_write(change: object) -> None:
    library = load_library([paths.bundled_routines_dir()])
    data = book_of(library, Settings()).to_json()
    change(data)  # type: ignore[operator]
    with pytest.raises(ValueError):
        ReminderBook.from_json(data)


def test_reading_the_book_and_scheduling_need_no_pydantic() -> None:
    code = (
        "import sys\n"
        "import stretch_app.core.reminder_book, stretch_app.core.schedule\n"
        "import stretch_app.core.reminder_rules\n"
        "print('pydantic' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "False"


def test_a_source_travels_to_the_child_process_as_one_argument(source: BookSource) -> None:
    back = BookSource.from_argument(source.to_argument())
    assert back == BookSource(**{**vars(source), "folders": list(source.folders)})
    assert all(isinstance(folder, Path) for folder in back.folders)
