"""A tick box whose words wrap onto more lines instead of widening the page.

A plain :class:`QCheckBox` keeps its text on one line, so a long German label at the largest
text makes a form wider than a 1024×600 screen (and it scrolls sideways). This one measures and
paints its text wrapped at the width it gets; it is still a real check box to the keyboard,
to the mouse and to screen readers (its text is its accessible name).
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QStylePainter,
    QWidget,
)

__all__ = ["WrapCheckBox"]

_FLAGS = int(Qt.TextFlag.TextWordWrap.value) | int(Qt.AlignmentFlag.AlignVCenter.value)


class WrapCheckBox(QCheckBox):
    """A check box whose text wraps between words when the row is narrow."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        policy = self.sizePolicy()
        policy.setHorizontalPolicy(QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def _indent(self) -> int:
        """Room left of the words: the box and the gap after it."""
        option = QStyleOptionButton()
        self.initStyleOption(option)
        contents = self.style().subElementRect(QStyle.SubElement.SE_CheckBoxContents, option, self)
        return max(0, contents.left())

    def _text_height(self, width: int) -> int:
        room = max(1, width - self._indent())
        bounds = self.fontMetrics().boundingRect(QRect(0, 0, room, 100000), _FLAGS, self.text())
        return bounds.height()

    def minimumSizeHint(self) -> QSize:
        """As narrow as the longest word."""
        longest = max(
            (self.fontMetrics().horizontalAdvance(word) for word in self.text().split()),
            default=0,
        )
        one_line = super().sizeHint()  # (QCheckBox's own minimum asks the virtual sizeHint)
        return QSize(min(one_line.width(), self._indent() + longest + 4), one_line.height())

    def sizeHint(self) -> QSize:
        """No wider than the longest word needs; the layout gives it the row."""
        one_line = super().sizeHint()
        return QSize(self.minimumSizeHint().width(), one_line.height())

    def hasHeightForWidth(self) -> bool:
        """Taller when narrower: the words wrap."""
        return True

    def heightForWidth(self, width: int) -> int:
        """The height the wrapped words need at ``width``."""
        one_line = super().sizeHint().height()
        return max(one_line, self._text_height(width) + (one_line - self.fontMetrics().height()))

    def paintEvent(self, event: QPaintEvent) -> None:
        """The box as the style draws it, the words wrapped beside it."""
        option = QStyleOptionButton()
        self.initStyleOption(option)
        text = option.text
        option.text = ""
        painter = QStylePainter(self)
        painter.drawControl(QStyle.ControlElement.CE_CheckBox, option)
        room = self.rect().adjusted(self._indent(), 0, 0, 0)
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(room, _FLAGS, text)  # focus shows on the box (the theme's border)
