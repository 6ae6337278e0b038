"""What closing the main window does: quit, or keep running so reminders still come.

While a reminder is set (and the reminder timers run), closing never drops it silently: the
app keeps running — in the tray if there is one, otherwise in the background — and says once
where it went and how to quit. Without a tray the first close shows a calm note in the window
(no dialog) with "Hide window" and "Quit"; a second close hides. Starting Nightstretch again
raises the hidden window (the single-instance hand-over). Without reminders, closing quits.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QApplication, QSystemTrayIcon, QWidget

__all__ = ["CloseNote", "KeepRunning"]


class CloseNote(Protocol):
    """Where the in-window note goes (the home screen)."""

    def show_close_note(self, text: str) -> None:
        """Show the note with its "Hide window" and "Quit" buttons."""
        ...


class KeepRunning(QObject):
    """Decides on each close of ``window`` whether to hide it (and say so once) or let it go."""

    hidden = Signal()
    """The window was hidden and the app keeps running (a tray-resident app lets it go then)."""

    def __init__(
        self,
        window: QWidget,
        note: CloseNote,
        *,
        keep_running: Callable[[], bool],
        tray_icon: Callable[[], QSystemTrayIcon | None],
        next_reminder: Callable[[], str],
        before_hiding: Callable[[], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.window = window
        self._note = note
        self._keep_running = keep_running
        self._tray_icon = tray_icon
        self._next_reminder = next_reminder
        self._before_hiding = before_hiding
        self.told = False
        """Whether the person has been told where the app went (once per run)."""
        self.quitting = False
        window.installEventFilter(self)

    def detach(self) -> None:
        """Stop watching the window (the app is shutting down)."""
        self.window.removeEventFilter(self)

    def quit(self) -> None:
        """Really quit: closing is let through, reminders end with the app."""
        self.quitting = True
        QApplication.quit()

    def hide_window(self) -> None:
        """Hide the window and keep running (the note's "Hide window")."""
        self._before_hiding()
        QApplication.setQuitOnLastWindowClosed(False)
        self.window.hide()
        self.hidden.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Intercept the window's close while reminders need the app to stay."""
        if (
            watched is not self.window
            or event.type() != QEvent.Type.Close
            or self.quitting
            or not self._keep_running()
        ):
            return False
        event.ignore()
        icon = self._tray_icon()
        if self.told or (icon is not None and icon.isVisible()):
            if not self.told and icon is not None:
                icon.showMessage(
                    self.tr("Nightstretch is still running"),
                    self.tr(
                        "Your reminders keep coming ({0}). "
                        "Open or quit Nightstretch from this icon."
                    ).format(self._next_reminder()),
                )
            self.told = True
            self.hide_window()
            return True
        self.told = True
        self._before_hiding()
        self._note.show_close_note(
            self.tr(
                "Nightstretch keeps running in the background for your reminders ({0}). "
                "Start Nightstretch again to reopen this window; Quit (Ctrl+Q) ends it."
            ).format(self._next_reminder())
        )
        return True
