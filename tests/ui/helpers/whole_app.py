"""The whole app for a UI test: on the test's clock, with the mock voice, shown when asked."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from stretch_app import paths
from stretch_app.core.clock import FakeClock
from stretch_app.ui.app import NightstretchApp
from stretch_app.ui.controllers.reminders import ReminderClocks


def open_app(
    qapp: QApplication,
    qtbot: QtBot,
    clock: FakeClock,
    *,
    size: tuple[int, int] | None = None,
    settings: str | None = None,
    reminder_clocks: ReminderClocks | None = None,
) -> NightstretchApp:
    """Build the app; with ``size``, show its window at that size, exposed and active.

    ``settings`` are lines of a settings file written first (after its schema version), for a
    test that needs the app to start with them; without, no file is written.
    """
    if settings is not None:
        path = paths.settings_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"schema_version = 1\n{settings}\n")
    nightstretch = NightstretchApp(
        qapp, clock=clock, voice_engine="mock", reminder_clocks=reminder_clocks
    )
    window = nightstretch.window
    qtbot.addWidget(window)
    if size is not None:
        window.resize(*size)
        nightstretch.show()
        qtbot.waitExposed(window)
        window.activateWindow()
    return nightstretch
