"""The tray menu, close to tray, where no tray exists, and the start-at-login entry."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from stretch_app.core.clock import FakeClock
from stretch_app.ui.app import NightstretchApp
from stretch_app.ui.desktop import autostart
from stretch_app.ui.desktop.tray import TrayIcon, TrayState


def test_the_menu_is_rebuilt_each_time_it_opens(qapp: QApplication, qtbot: QtBot) -> None:
    state = TrayState(routines=[("bedtime", "Bedtime leg stretches")], next_reminder="Off")
    tray = TrayIcon(QIcon(), lambda: state, available=True)
    assert tray.icon is not None
    assert tray.actions() == [
        "Cramp now",
        "Start",
        "Off",
        "Pause reminders tonight",
        "Open Nightstretch",
        "Quit",
    ]
    state = TrayState(
        routines=[("bedtime", "Bedtime leg stretches"), ("short", "Short stretch")],
        next_reminder="Next reminder: tonight 21:45",
        paused_tonight=True,
    )
    tray.menu.aboutToShow.emit()
    assert tray.actions()[2] == "Next reminder: tonight 21:45"
    start_menu = tray.menu.actions()[1].menu()
    assert [a.text() for a in start_menu.actions()] == ["Bedtime leg stretches", "Short stretch"]
    pause = next(a for a in tray.menu.actions() if a.text() == "Pause reminders tonight")
    assert not pause.isEnabled()
    with qtbot.waitSignal(tray.start_requested) as blocker:
        start_menu.actions()[1].trigger()
    assert blocker.args == ["short"]
    with qtbot.waitSignal(tray.cramp_now_requested):
        tray.menu.actions()[0].trigger()
    tray.close()


def test_without_a_tray_the_icon_is_a_quiet_no_op(qapp: QApplication) -> None:
    tray = TrayIcon(QIcon(), TrayState, available=False)
    assert tray.icon is None and not tray.available
    tray.show()
    tray.set_tooltip("anything")
    assert not tray.visible and tray.tooltip() == ""
    tray.close()


@pytest.fixture
def app(qapp: QApplication, qtbot: QtBot) -> Iterator[NightstretchApp]:
    nightstretch = NightstretchApp(qapp, clock=FakeClock(), voice_engine="mock")
    qtbot.addWidget(nightstretch.window)
    yield nightstretch
    nightstretch.shutdown()
    QApplication.setQuitOnLastWindowClosed(True)


def test_the_app_tray_menu_starts_cramp_relief_first(app: NightstretchApp) -> None:
    tray = app.reminder_desk.tray
    assert not tray.available  # offscreen has no tray; the app runs all the same
    tray.menu.aboutToShow.emit()
    assert tray.actions()[0] == "Cramp now"
    assert tray.actions()[2].startswith("Next reminder:")
    tray.menu.actions()[0].trigger()
    assert app.relief is not None
    assert "Cramp relief" in app.window.windowTitle()


def test_in_tray_mode_closing_the_window_hides_it_and_stops_the_routine(
    app: NightstretchApp, qtbot: QtBot
) -> None:
    app.reminder_desk.start(tray_mode=True)
    app.show()
    qtbot.waitExposed(app.window)
    player = app.start_routine("bedtime")
    assert player is not None
    app.window.close()  # no tray here: the first close says where the app goes, in the window
    assert player.ended and app.player is None
    assert app.window.home.close_note.isVisible()
    app.window.close()
    assert not app.window.isVisible()
    assert not QApplication.quitOnLastWindowClosed()
    assert app.reminder_desk.service.running  # still reminding


def test_without_tray_mode_or_a_tray_closing_closes(app: NightstretchApp, qtbot: QtBot) -> None:
    app.settings = app.settings.model_copy(update={"close_to_tray": True})
    app.show()
    qtbot.waitExposed(app.window)
    assert not app.reminder_desk.keeps_running_hidden  # asked for, but there is no tray
    closing: list[bool] = []
    app.window.closing.connect(lambda: closing.append(True))
    app.window.close()
    assert closing == [True]


def test_start_at_login_writes_and_removes_the_autostart_entry(private_home: Path) -> None:
    path = autostart.autostart_path()
    assert path == private_home / ".config" / "autostart" / "nightstretch.desktop"
    assert not autostart.is_enabled()
    assert autostart.set_enabled(True) == path
    text = path.read_text()
    assert "[Desktop Entry]" in text and "Type=Application" in text
    exec_line = next(line for line in text.splitlines() if line.startswith("Exec="))
    assert exec_line.endswith("stretch-app --tray")
    assert autostart.is_enabled()
    if shutil.which("desktop-file-validate"):
        result = subprocess.run(
            ["desktop-file-validate", str(path)], capture_output=True, text=True, check=False
        )
        assert result.returncode == 0, result.stdout + result.stderr
    autostart.set_enabled(False)
    assert not path.exists() and not autostart.is_enabled()
    autostart.set_enabled(False)  # removing twice is fine


def test_autostart_honours_a_relative_xdg_config_home_as_unset(
    private_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", "relative/path")
    assert autostart.autostart_path() == private_home / ".config" / "autostart" / (
        "nightstretch.desktop"
    )
