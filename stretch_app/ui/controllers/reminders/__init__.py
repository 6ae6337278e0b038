"""The app's reminder side, in parts named after what they do.

- :mod:`.desk` — :class:`ReminderDesk`: the reminder timers, the routine cards' reminder lines,
  the reminders dialog, and the tray icon's menu; it wires the other parts.
- :mod:`.notifications` — :class:`ReminderNotifications`: sends a due reminder through the first
  notifier that can (D-Bus, tray balloon, our own window) and hears the person's answer.
- :class:`~stretch_app.ui.desktop.keep_running.KeepRunning` — staying alive in the tray when the
  window closes.
"""

from stretch_app.ui.controllers.reminders.desk import ReminderDesk, reminder_line
from stretch_app.ui.controllers.reminders.ports import DeskWindow, ReminderClocks

__all__ = ["DeskWindow", "ReminderClocks", "ReminderDesk", "reminder_line"]
