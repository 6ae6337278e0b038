"""The settings store: the one writer of the settings file."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from stretch_app.core.model import Reminder
from stretch_app.core.settings import Settings, load_settings
from stretch_app.ui.settings_store import SettingsStore


def test_a_save_writes_the_file_and_says_so(tmp_path: Path, qtbot: QtBot) -> None:
    path = tmp_path / "settings.toml"
    store = SettingsStore(path)
    assert store.load() is None
    new = Settings(
        voice_name='Anna "die Stimme" \\ \n\t\x01',
        reminder_overrides={"bedtime": (Reminder(at="21:30"),), "stretch-b": ()},
    )
    with qtbot.waitSignal(store.changed) as blocker:
        store.save(new)
    assert blocker.args == [new]
    assert store.settings == new
    assert Settings.model_validate(tomllib.loads(path.read_text("utf-8"))) == new
    assert load_settings(path) == (new, None)


def test_a_failed_save_keeps_the_settings_in_use(tmp_path: Path, qtbot: QtBot) -> None:
    folder = tmp_path / "settings.toml"
    folder.mkdir()  # a folder where the file should be: cannot be written
    store = SettingsStore(folder)
    store.load()
    before = store.settings
    with qtbot.assertNotEmitted(store.changed), pytest.raises(OSError):
        store.save(Settings(volume=0.1))
    assert store.settings == before
