"""Hears the computer wake from suspend, from logind on the system bus.

logind sends ``org.freedesktop.login1.Manager.PrepareForSleep(true)`` before a suspend and
``PrepareForSleep(false)`` after the resume; the reminders check at once on the second (as
Vorta does). Without a system bus (a container, another init system) nothing is heard and the
reminders' once-a-minute watchdog notices the jump instead, silently.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import SLOT, QObject, Signal, Slot
from PySide6.QtDBus import QDBusConnection

__all__ = ["SleepWatch"]

log = logging.getLogger(__name__)

LOGIN1_PATH = "/org/freedesktop/login1"
LOGIN1_MANAGER = "org.freedesktop.login1.Manager"


class SleepWatch(QObject):
    """Emits :attr:`resumed` when logind says the computer is back from sleep."""

    resumed = Signal()

    def __init__(self, parent: QObject | None = None, *, bus: QDBusConnection | None = None):
        super().__init__(parent)
        self._bus = bus if bus is not None else QDBusConnection.systemBus()
        # Any sender: naming logind would make Qt ask the bus who owns that name, a blocking
        # call at start-up; a forged signal could only make the reminders check once more.
        # The stubs ask for bytes; PySide 6.11 itself only takes SLOT()'s str.
        self.listening = self._bus.isConnected() and self._bus.connect(  # type: ignore[call-overload]
            "",
            LOGIN1_PATH,
            LOGIN1_MANAGER,
            "PrepareForSleep",
            self,
            SLOT("on_prepare_for_sleep(bool)"),
        )
        if not self.listening:
            log.debug("no system bus: resume is noticed by the watchdog alone")

    @Slot(bool)
    def on_prepare_for_sleep(self, going_to_sleep: bool) -> None:
        """logind's signal: True before a suspend, False after the resume."""
        if not going_to_sleep:
            self.resumed.emit()
