"""Keeping the screen awake never gets in the routine's way where the desktop cannot do it."""

from __future__ import annotations

from pathlib import Path

import pytest

from stretch_app.ui.desktop.inhibit import ScreenSaverInhibitor


def test_no_session_bus_means_quietly_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    inhibitor = ScreenSaverInhibitor()
    assert inhibitor.inhibit("routine") is False
    assert not inhibitor.active
    inhibitor.release()  # nothing to release: no error either


def test_an_unreachable_bus_is_tried_once_then_left_alone(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={tmp_path / 'no-bus'}")
    inhibitor = ScreenSaverInhibitor()
    assert inhibitor.inhibit("routine") is False
    assert not inhibitor.active
    assert inhibitor.inhibit("routine") is False  # remembered: no second attempt
