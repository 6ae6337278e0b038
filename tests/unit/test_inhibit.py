"""Keeping the screen awake never gets in the routine's way where the desktop cannot do it.

The screen saver itself (answering, slow, silent, late) is in tests/e2e/test_screensaver.py.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from stretch_app.ui.desktop.inhibit import ScreenSaverInhibitor


def test_no_session_bus_means_quietly_nothing(
    monkeypatch: pytest.MonkeyPatch, qapp: QApplication
) -> None:
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    inhibitor = ScreenSaverInhibitor()
    inhibitor.inhibit("routine")
    assert not inhibitor.active
    assert not inhibitor.asking
    inhibitor.release()  # nothing to release: no error either


def test_an_unreachable_bus_is_tried_again_on_the_next_inhibit(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    qapp: QApplication,
    caplog: pytest.LogCaptureFixture,
) -> None:
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={tmp_path / 'no-bus'}")
    inhibitor = ScreenSaverInhibitor()
    with caplog.at_level(logging.INFO, logger="stretch_app.ui.desktop.inhibit"):
        inhibitor.inhibit("routine")
        assert not inhibitor.active and not inhibitor.asking
        inhibitor.inhibit("routine")  # not remembered as hopeless: tried afresh
    attempts = [r for r in caplog.records if "no session bus" in r.getMessage()]
    assert len(attempts) == 2
    assert not inhibitor.active
