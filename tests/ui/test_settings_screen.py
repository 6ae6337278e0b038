"""The settings screen: every change applies at once and survives a restart."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from stretch_app import paths
from stretch_app.core.clock import FakeClock
from stretch_app.core.settings import load_settings
from stretch_app.ui.app import NightstretchApp
from stretch_app.ui.screens.settings import SettingsScreen


@pytest.fixture
def app(qapp: QApplication, qtbot: QtBot) -> Iterator[NightstretchApp]:
    nightstretch = NightstretchApp(qapp, clock=FakeClock(), voice_engine="mock")
    qtbot.addWidget(nightstretch.window)
    nightstretch.show()
    yield nightstretch
    nightstretch.shutdown()


def open_settings(app: NightstretchApp, qtbot: QtBot) -> SettingsScreen:
    qtbot.mouseClick(app.window.home.settings_button, Qt.MouseButton.LeftButton)
    screen = app.window.current_screen()
    assert isinstance(screen, SettingsScreen)
    assert "Settings" in app.window.windowTitle()
    return screen


def test_switching_sound_and_voice_off_applies_and_is_saved(
    app: NightstretchApp, qtbot: QtBot
) -> None:
    screen = open_settings(app, qtbot)
    screen.voice_box.setChecked(False)
    screen.sound_box.setChecked(False)
    assert app.voice.enabled is False
    assert app.cues.enabled is False
    saved, problem = load_settings(paths.settings_path())
    assert problem is None
    assert (saved.voice_enabled, saved.sound_enabled) == (False, False)


def test_look_volume_and_speed(app: NightstretchApp, qtbot: QtBot) -> None:
    screen = open_settings(app, qtbot)
    screen.look_combo.setCurrentIndex(screen.look_combo.findData("day"))
    screen.look_combo.activated.emit(screen.look_combo.currentIndex())
    assert app.look.name == "day"
    screen.look_combo.setCurrentIndex(screen.look_combo.findData("night"))
    screen.look_combo.activated.emit(screen.look_combo.currentIndex())
    assert app.look.name == "night"
    screen.volume_slider.setValue(25)
    screen.rate_slider.setValue(-50)
    saved, _ = load_settings(paths.settings_path())
    assert (saved.look, saved.volume, saved.voice_rate) == ("night", 0.25, -0.5)


def test_the_system_voices_are_offered(app: NightstretchApp, qtbot: QtBot) -> None:
    screen = open_settings(app, qtbot)
    qtbot.waitUntil(lambda: app.voice.voices() != [], timeout=10_000)
    qtbot.waitUntil(lambda: screen.voice_combo.count() == 1 + len(app.voice.voices()))
    assert screen.voice_combo.itemText(0) == "System default"


def test_done_goes_home(app: NightstretchApp, qtbot: QtBot) -> None:
    screen = open_settings(app, qtbot)
    qtbot.mouseClick(screen.done_button, Qt.MouseButton.LeftButton)
    assert app.window.current_screen() is app.window.home


def test_an_unwritable_settings_folder_is_a_message(
    app: NightstretchApp, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("stretch_app.ui.settings_store.save_settings", refuse)
    screen = open_settings(app, qtbot)
    screen.sound_box.setChecked(False)
    assert app.cues.enabled is False  # still applied for this run
    assert "could not be saved" in app.window.home.notice_label.text()


def test_start_at_login_writes_the_autostart_entry(app: NightstretchApp, qtbot: QtBot) -> None:
    from stretch_app.ui.desktop import autostart

    screen = open_settings(app, qtbot)
    assert not autostart.is_enabled()
    screen.login_box.setChecked(True)
    assert autostart.is_enabled()
    assert "--tray" in autostart.autostart_path().read_text()
    screen.login_box.setChecked(False)
    assert not autostart.is_enabled()
    saved, _ = load_settings(paths.settings_path())
    assert saved.start_at_login is False


def test_close_to_tray_is_kept(app: NightstretchApp, qtbot: QtBot) -> None:
    screen = open_settings(app, qtbot)
    screen.tray_box.setChecked(True)
    assert app.settings.close_to_tray is True
    saved, _ = load_settings(paths.settings_path())
    assert saved.close_to_tray is True
