"""The last way to show a reminder: a small always-on-top window of our own, which always works."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from stretch_app.ui.desktop.notify import START, Notifier, ReminderNote

if TYPE_CHECKING:  # imported when a window is shown: a tray waiting for bedtime needs none
    from stretch_app.ui.widgets.buttons import BigButton

__all__ = ["ReminderWindow", "WindowNotifier"]


class ReminderWindow(QWidget):
    """A small always-on-top window with the reminder and three big buttons."""

    chosen = Signal(str)

    def __init__(self, note: ReminderNote) -> None:
        super().__init__(None, Qt.WindowType.Window | Qt.WindowType.WindowStaysOnTopHint)
        self.setObjectName("reminder-window")
        self.setWindowTitle(f"{note.title} — Nightstretch")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        title = QLabel(note.title)
        title.setProperty("role", "title")
        title.setWordWrap(True)
        body = QLabel(note.body)
        body.setWordWrap(True)
        from stretch_app.ui.widgets.buttons import BigButton

        self.buttons: dict[str, BigButton] = {}
        row = QHBoxLayout()
        row.setSpacing(14)
        for key, label in note.actions():
            button = BigButton(label, role="primary" if key == START else "")
            button.setMinimumSize(230, 72)
            button.clicked.connect(lambda _=False, key=key: self._choose(key))
            self.buttons[key] = button
            row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(16)
        layout.addWidget(title)
        layout.addWidget(body)
        layout.addLayout(row)
        self.setMinimumWidth(800)
        self.buttons[START].setDefault(True)
        self.buttons[START].setFocus()

    def _choose(self, key: str) -> None:
        self.chosen.emit(key)
        self.close()


class WindowNotifier(Notifier):
    """The last resort: our own reminder window, which always works."""

    name = "window"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.windows: dict[str, ReminderWindow] = {}

    def notify(self, note: ReminderNote) -> bool:
        """Show the window (replacing one for the same reminder); always True."""
        self.withdraw(note.token)
        window = ReminderWindow(note)
        window.chosen.connect(lambda key, token=note.token: self._on_chosen(token, key))
        window.destroyed.connect(lambda _=None, token=note.token: self.windows.pop(token, None))
        self.windows[note.token] = window
        window.show()
        window.raise_()
        window.activateWindow()
        return True

    def withdraw(self, token: str) -> None:
        """Close the window for ``token``."""
        window = self.windows.pop(token, None)
        if window is not None:
            window.close()

    def close_all(self) -> None:
        """Close every reminder window (the app is quitting: nothing could answer them)."""
        for token in list(self.windows):
            self.withdraw(token)

    def _on_chosen(self, token: str, key: str) -> None:
        self.windows.pop(token, None)
        self.action_invoked.emit(token, key)
