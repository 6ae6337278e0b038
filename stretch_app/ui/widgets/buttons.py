"""Buttons that work the same from the keyboard as by touch."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QPushButton, QWidget

__all__ = ["BigButton"]


class BigButton(QPushButton):
    """A push button that Return/Enter also presses, with an accessible name and a role."""

    def __init__(
        self,
        text: str,
        parent: QWidget | None = None,
        *,
        role: str = "",
        accessible_name: str = "",
        description: str = "",
    ) -> None:
        super().__init__(text, parent)
        if role:
            self.setProperty("role", role)
        self.setAccessibleName(accessible_name or text.replace("&", ""))
        if description:
            self.setAccessibleDescription(description)
            self.setToolTip(description)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Return and Enter press the button, as people expect."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.isAutoRepeat():
            self.animateClick()
            return
        super().keyPressEvent(event)
