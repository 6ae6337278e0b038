"""What the reminder desk is given: its clocks, and the open window with what stands behind it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Protocol
from zoneinfo import ZoneInfo

if TYPE_CHECKING:  # the window side is built (and imported) only when a window opens
    from stretch_app.core.library import Library
    from stretch_app.core.settings import Settings
    from stretch_app.ui.screens.main_window import MainWindow
    from stretch_app.ui.settings_store import SettingsStore

__all__ = ["DeskWindow", "ReminderClocks"]


@dataclass(frozen=True)
class ReminderClocks:
    """The wall clock, the monotonic clock and the zone the reminders go by (tests pass fakes)."""

    now: Callable[[], datetime]
    monotonic: Callable[[], float]
    zone: Callable[[], ZoneInfo]


class DeskWindow(Protocol):
    """The open main window and what stands behind it: the library and settings in use (for
    the reminders dialog), the settings file, and going home before the window hides."""

    @property
    def window(self) -> MainWindow:
        """The main window."""

    @property
    def library(self) -> Library:
        """The routines in use."""

    @property
    def settings(self) -> Settings:
        """The settings in use."""

    @property
    def settings_store(self) -> SettingsStore:
        """The one writer of the settings file."""

    def show_home(self) -> None:
        """Back to the routines; a running routine stops and is recorded."""
