"""Shared UI fixtures: English plurals for screens built alone, and the whole app on a fake clock.

A module picks how ``app`` starts by overriding ``window_size`` (shown at that size rather than
hidden) and ``app_settings`` (a settings file to start from).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from stretch_app.core.clock import FakeClock
from stretch_app.ui.app import NightstretchApp
from stretch_app.ui.i18n import install_translator
from tests.ui.helpers.whole_app import open_app


@pytest.fixture(scope="session", autouse=True)
def english_plurals(qapp: QApplication) -> Iterator[None]:
    """The English catalogue (plural forms only), as the app installs it at start-up."""
    translation = install_translator(qapp, "en")
    assert translation.loaded
    yield
    translation.remove()


@pytest.fixture
def clock() -> FakeClock:
    """The clock of routines and relief: it moves only when the test says so."""
    return FakeClock()


@pytest.fixture
def window_size() -> tuple[int, int] | None:
    """The size ``app`` shows its window at; None leaves the window hidden."""
    return None


@pytest.fixture
def app_settings() -> str | None:
    """Lines of the settings file ``app`` starts from; None writes none (the defaults)."""
    return None


@pytest.fixture
def app(
    qapp: QApplication,
    qtbot: QtBot,
    clock: FakeClock,
    window_size: tuple[int, int] | None,
    app_settings: str | None,
) -> Iterator[NightstretchApp]:
    """The whole app with the mock voice, shut down after the test."""
    nightstretch = open_app(qapp, qtbot, clock, size=window_size, settings=app_settings)
    yield nightstretch
    nightstretch.shutdown()
    # Closing the window while reminders are set keeps the app running: the next test's app
    # starts from Qt's default again.
    QApplication.setQuitOnLastWindowClosed(True)
