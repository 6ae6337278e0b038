"""A bad reminder record or settings file is set aside, named in the app, and start-up goes on."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from stretch_app import paths
from stretch_app.core.clock import FakeClock
from stretch_app.ui.app import NightstretchApp
from stretch_app.ui.desktop.reminders import ReminderService


def _deep(path: Path) -> None:
    path.write_text("{" + '"a":[' * 50_000 + "]" * 50_000 + "}")  # RecursionError in json


def _broken(path: Path) -> None:
    path.write_bytes(b"\xff\xfe{not json")


def _huge(path: Path) -> None:
    with path.open("wb") as handle:
        handle.truncate(512 * 1024**2)  # sparse: costs no disk


@pytest.mark.parametrize("spoil", [_deep, _broken, _huge], ids=["deep", "broken", "huge"])
def test_a_bad_reminder_record_is_set_aside_and_named(
    qapp: QApplication, tmp_path: Path, spoil: Callable[[Path], None]
) -> None:
    state_file = tmp_path / "reminders.json"
    spoil(state_file)
    service = ReminderService({}, state_file)
    try:
        assert service.load_problem is not None
        assert str(state_file) in service.load_problem
        kept = list(tmp_path.glob("reminders.json.broken-*"))
        assert len(kept) == 1 and str(kept[0]) in service.load_problem
        assert not state_file.exists()
    finally:
        service.stop()


def test_a_fifo_as_reminder_record_is_named_and_left_alone(
    qapp: QApplication, tmp_path: Path
) -> None:
    state_file = tmp_path / "reminders.json"
    os.mkfifo(state_file)
    service = ReminderService({}, state_file)  # a plain open() would wait here for ever
    try:
        assert service.load_problem is not None and "not a regular file" in service.load_problem
        assert state_file.is_fifo()
    finally:
        service.stop()


def test_the_app_names_the_bad_reminder_record_and_settings_and_starts(
    qapp: QApplication, qtbot: QtBot
) -> None:
    record = paths.user_data_dir() / "reminders.json"
    record.parent.mkdir(parents=True, exist_ok=True)
    _deep(record)
    settings_file = paths.settings_path()
    settings_file.parent.mkdir(parents=True, exist_ok=True)
    settings_file.write_text("volume = " + "[" * 40 + "]" * 40 + "\n")
    nightstretch = NightstretchApp(qapp, clock=FakeClock(), voice_engine="mock")
    qtbot.addWidget(nightstretch.window)
    try:
        text = nightstretch.window.home.notice_label.text()
        assert str(record) in text and "reminders start afresh" in text
        assert str(settings_file) in text and "nested too deeply" in text
        assert nightstretch.window.home.cards  # the routines loaded all the same
    finally:
        nightstretch.shutdown()
