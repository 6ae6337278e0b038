"""Reminder notifications: send a due reminder, hear the answer, take it back when done."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QSystemTrayIcon

from stretch_app.core.schedule import Due
from stretch_app.ui.desktop.notify import NotifierChain, ReminderNote, TrayNotifier
from stretch_app.ui.desktop.notify_dbus import DBusNotifier
from stretch_app.ui.desktop.notify_window import WindowNotifier

__all__ = ["ReminderNotifications"]

log = logging.getLogger(__name__)


class ReminderNotifications(QObject):
    """The notifiers in the order they are tried, and the reminders now on show."""

    answered = Signal(object, str)
    """(Due, action) the person answered a reminder on show: ``START``, ``SNOOZE`` or ``SKIP``."""

    def __init__(self, tray_icon: QSystemTrayIcon | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.shown: dict[str, Due] = {}
        self.dbus = DBusNotifier(parent=self)
        self.notifier = NotifierChain(
            [self.dbus, TrayNotifier(tray_icon, self), WindowNotifier(self)], self
        )
        self.notifier.action_invoked.connect(self.on_action)

    def show(self, due: Due, note: ReminderNote) -> None:
        """Show ``note`` (about ``due``) through the first notifier that can."""
        self.shown[note.token] = due
        log.info("reminder %s shown by %s", note.token, self.notifier.notify(note))

    def on_action(self, token: str, action: str) -> None:
        """A notifier heard an answer: say which reminder it was about, once."""
        due = self.shown.pop(token, None)
        if due is not None:
            self.answered.emit(due, action)

    def withdraw_routine(self, routine_id: str) -> None:
        """Take back every reminder on show for ``routine_id`` (it was done)."""
        for token, due in list(self.shown.items()):
            if due.routine_id == routine_id:
                self.notifier.withdraw(token)
                del self.shown[token]

    def on_screen(self) -> bool:
        """Whether a reminder can still be answered here: a notification the D-Bus server
        still shows for us, or one of our own reminder windows (a tray balloon soon goes)."""
        windows = (n for n in self.notifier.notifiers if isinstance(n, WindowNotifier))
        return bool(self.dbus.shown) or any(window.windows for window in windows)

    def names(self) -> list[str]:
        """The notifiers in the order they are tried (for logs and tests)."""
        return [n.name for n in self.notifier.notifiers]

    def close(self) -> None:
        """Drop the bus connection and close our own reminder windows."""
        self.dbus.close()
        for notifier in self.notifier.notifiers:
            if isinstance(notifier, WindowNotifier):
                notifier.close_all()  # our own windows go with the app
