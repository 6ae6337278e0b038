"""Buttons that work the same from the keyboard as by touch."""

from __future__ import annotations

from collections.abc import Sequence

# ``QtCore.Qt`` when used, not ``from PySide6.QtCore import Qt``: importing that name builds
# all its enums (about 20 ms), which the first paint does without (see make_pressable).
from PySide6 import QtCore
from PySide6.QtCore import QSize
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QGridLayout, QLayout, QPushButton, QWidget

__all__ = ["BigButton", "ButtonRow", "make_pressable"]


def make_pressable(button: QPushButton) -> None:
    """Focus by Tab and by click, and a pointing hand over it.

    Apart, because it is the one part of a button that needs Qt's ``Qt`` namespace, whose
    enums take about 20 ms to load: a first paint leaves it for right after (before the event
    loop runs, no pointer or key reaches the button; on Linux the default is the same focus).
    """
    button.setFocusPolicy(QtCore.Qt.FocusPolicy.StrongFocus)
    button.setCursor(QtCore.Qt.CursorShape.PointingHandCursor)


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
        pressable_later: bool = False,
    ) -> None:
        # Not super().__init__(text, parent): choosing among that overload's forms builds
        # QIcon's Python type (a 151-member enum, ~2 ms) that a first paint does without.
        super().__init__(parent)
        self.setText(text)
        if role:
            self.setProperty("role", role)
        self.setAccessibleName(accessible_name or text.replace("&", ""))
        if description:
            self.setAccessibleDescription(description)
            self.setToolTip(description)
        if not pressable_later:  # else the owner calls make_pressable after the first paint
            make_pressable(self)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Return and Enter press the button, as people expect."""
        keys = QtCore.Qt.Key
        if event.key() in (keys.Key_Return, keys.Key_Enter) and not event.isAutoRepeat():
            self.animateClick()
            return
        super().keyPressEvent(event)


class ButtonRow(QWidget):
    """Buttons side by side; in two or more rows when one row does not fit the width.

    So a row of controls never pushes its screen wider than the window (largest text, German).
    """

    def __init__(self, buttons: Sequence[QWidget], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._buttons = list(buttons)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self._columns = 0
        self._arrange(len(self._buttons))

    @property
    def columns(self) -> int:
        """How many buttons stand side by side now."""
        return self._columns

    def _width_for(self, columns: int) -> int:
        spacing = max(0, self._grid.horizontalSpacing())
        widths = [max(b.sizeHint().width(), b.minimumSizeHint().width()) for b in self._buttons]
        rows = [widths[i : i + columns] for i in range(0, len(widths), columns)]
        return max(sum(row) + spacing * (len(row) - 1) for row in rows)

    def _arrange(self, columns: int) -> None:
        if columns == self._columns:
            return
        for button in self._buttons:
            self._grid.removeWidget(button)
        for index, button in enumerate(self._buttons):
            self._grid.addWidget(button, index // columns, index % columns)
        for column in range(len(self._buttons)):
            self._grid.setColumnStretch(column, 1 if column < columns else 0)
        self._columns = columns
        self.updateGeometry()

    def fit(self, width: int) -> None:
        """Use the most buttons a row that fit ``width``."""
        count = len(self._buttons)
        columns = next((c for c in range(count, 0, -1) if self._width_for(c) <= width), 1)
        self._arrange(columns)

    def minimumSizeHint(self) -> QSize:
        """As narrow as the widest button; as tall as the rows it has now."""
        return QSize(self._width_for(1), self._grid.minimumSize().height())

    def sizeHint(self) -> QSize:
        """One row when there is room for it."""
        return QSize(self._width_for(len(self._buttons)), self._grid.sizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Rearrange for the new width."""
        self.fit(event.size().width())
        super().resizeEvent(event)
