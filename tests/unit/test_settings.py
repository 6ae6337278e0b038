"""Settings load safely, save atomically and round-trip every field."""

from __future__ import annotations

import os
import re
from datetime import datetime, time
from pathlib import Path

import pytest
from pydantic import ValidationError

from stretch_app.core.model import Day, Reminder
from stretch_app.core.settings import (
    Settings,
    is_night,
    load_settings,
    save_settings,
    uses_night_look,
)
from stretch_app.paths import settings_path


@pytest.fixture
def path() -> Path:
    return settings_path()


def _backups(path: Path) -> list[Path]:
    return sorted(path.parent.glob(path.name + ".broken-*"))


def test_a_missing_file_gives_the_defaults_and_no_message(path: Path) -> None:
    assert load_settings(path) == (Settings(), None)
    assert not path.exists()


def test_defaults_are_the_agreed_ones() -> None:
    settings = Settings()
    assert (settings.volume, settings.voice_rate, settings.look) == (0.6, -0.1, "auto")
    assert (settings.night_starts, settings.night_ends) == ("19:00", "07:00")
    assert (settings.snooze_minutes, settings.relief_autostart_s) == (10, 5)
    assert settings.reminder_overrides == {}


def test_defaults_round_trip(path: Path) -> None:
    save_settings(Settings(), path)
    assert load_settings(path) == (Settings(), None)


def test_every_field_round_trips_with_awkward_strings(path: Path) -> None:
    settings = Settings(
        sound_enabled=False,
        voice_enabled=False,
        volume=0.25,
        voice_name='Ünïcode "quoted" \\back\\slash\ttab\nnewline \x01 — 夜',
        voice_rate=0.5,
        look="night",
        night_starts="21:30",
        night_ends="06:15",
        text_scale=1.75,
        high_contrast=True,
        reduce_motion=True,
        language="de",
        close_to_tray=True,
        start_at_login=True,
        resume_lead_in_s=8,
        reminder_overrides={
            "bedtime": (
                Reminder(at="21:45", days=(Day.MON, Day.FRI)),
                Reminder(at="22:30", days=(Day.SAT,), enabled=False),
            ),
            "cramp-relief": (),
        },
        snooze_minutes=15,
        skip_if_done_within_hours=5,
        missed_grace_minutes=30,
        relief_autostart_s=0,
    )
    assert set(settings.model_fields_set) == set(Settings.model_fields) - {"schema_version"}
    save_settings(settings, path)
    assert load_settings(path) == (settings, None)
    assert "[[reminder_overrides." in path.read_text(encoding="utf-8")


def test_settings_are_frozen_and_strict() -> None:
    with pytest.raises(ValidationError):
        Settings(volume=1.5)
    with pytest.raises(ValidationError):
        Settings.model_validate({"colour": "red"})
    with pytest.raises(ValidationError):
        Settings().volume = 0.1  # type: ignore[misc]


def test_broken_toml_gives_defaults_a_located_message_and_a_backup(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = 'volume = 0.3\nvoice_name = "unterminated\nlook = "night"\n'
    path.write_text(text, encoding="utf-8")
    settings, message = load_settings(path)
    assert settings == Settings()
    assert message is not None
    assert re.match(rf"{re.escape(str(path))}:2: toml: ", message)
    (backup,) = _backups(path)
    assert backup.read_text(encoding="utf-8") == text
    assert str(backup) in message
    # Loading the same broken file again keeps one copy, not two.
    load_settings(path)
    assert _backups(path) == [backup]
    # Saving over it leaves what the user wrote in the copy.
    save_settings(settings, path)
    assert backup.read_text(encoding="utf-8") == text


def test_invalid_values_keep_the_good_ones_and_name_each_bad_one(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = "\n".join(
        [
            "volume = 0.3",
            "look = 'dusk'",
            "text_scale = 9",
            "colour = 'red'",
            "",
            "[[reminder_overrides.bedtime]]",
            "at = '25:00'",
        ]
    )
    path.write_text(text + "\n", encoding="utf-8")
    settings, message = load_settings(path)
    assert settings == Settings(volume=0.3)
    assert message is not None
    lines = message.splitlines()
    assert lines[0].startswith(f"{path}:2: look: ")
    assert any(line.startswith(f"{path}:3: text_scale: ") for line in lines)
    assert any(line.startswith(f"{path}:4: colour: ") for line in lines)
    assert any(line.startswith(f"{path}:7: reminder_overrides.bedtime.0.at: ") for line in lines)
    assert len(_backups(path)) == 1


def test_a_file_that_is_not_utf8_is_reported_with_its_line(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"volume = 0.3\nvoice_name = '\xff'\n")
    settings, message = load_settings(path)
    assert settings == Settings()
    assert message is not None and message.startswith(f"{path}:2: encoding: ")
    assert len(_backups(path)) == 1


def test_a_folder_in_place_of_the_file_gives_defaults_and_a_message(path: Path) -> None:
    path.mkdir(parents=True)
    settings, message = load_settings(path)
    assert settings == Settings()
    assert message is not None and message.startswith(f"{path}:1: file: ")


def test_a_failed_save_leaves_the_old_file_whole_and_no_litter(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    save_settings(Settings(volume=0.2), path)
    before = path.read_bytes()

    def failing_replace(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(OSError, match="No space"):
        save_settings(Settings(volume=0.9), path)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]
    assert load_settings(path) == (Settings(volume=0.2), None)


def test_save_creates_the_folder(path: Path) -> None:
    assert not path.parent.exists()
    save_settings(Settings(look="day"), path)
    assert load_settings(path)[0].look == "day"


@pytest.mark.parametrize(
    ("starts", "ends", "clock", "night"),
    [
        ("19:00", "07:00", "19:00", True),
        ("19:00", "07:00", "23:59", True),
        ("19:00", "07:00", "00:00", True),
        ("19:00", "07:00", "06:59", True),
        ("19:00", "07:00", "07:00", False),
        ("19:00", "07:00", "12:00", False),
        ("19:00", "07:00", "18:59", False),
        ("01:00", "05:00", "03:00", True),
        ("01:00", "05:00", "00:30", False),
        ("01:00", "05:00", "05:00", False),
        ("22:00", "22:00", "22:00", False),
    ],
)
def test_is_night_across_midnight(starts: str, ends: str, clock: str, night: bool) -> None:
    settings = Settings(night_starts=starts, night_ends=ends)
    assert is_night(settings, time.fromisoformat(clock)) is night
    assert is_night(settings, datetime.fromisoformat(f"2024-03-31T{clock}")) is night


def test_the_look_follows_the_choice_or_the_window() -> None:
    midnight = time(0, 0)
    noon = time(12, 0)
    assert uses_night_look(Settings(), midnight) and not uses_night_look(Settings(), noon)
    assert uses_night_look(Settings(look="night"), noon)
    assert not uses_night_look(Settings(look="day"), midnight)
