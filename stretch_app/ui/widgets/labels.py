"""Labels that take their look from the style sheet's ``role`` property."""

from __future__ import annotations

# ``QtCore.Qt`` when used, not ``from PySide6.QtCore import Qt``: importing that name builds
# all its enums (about 20 ms), which the first paint does without (see make_pressable).
from PySide6 import QtCore
from PySide6.QtCore import QEvent, QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget

__all__ = ["NameLabel", "hold_wrapped_heights", "role_label"]


def role_label(text: str = "", role: str = "", *, wrap: bool = True, plain: bool = False) -> QLabel:
    """A label styled by ``role`` (``title``, ``muted``, ``notice``…); ``plain`` shows no markup."""
    label = QLabel(text)
    if role:
        label.setProperty("role", role)
    label.setWordWrap(wrap)
    if plain:
        label.setTextFormat(QtCore.Qt.TextFormat.PlainText)
    return label


class NameLabel(QLabel):
    """A name the person chose (a routine's): wraps between words, and a word too long for the
    line is shortened with "…"; the whole name is then the tooltip and the accessible name.

    Such a name may be 80 letters without a space; it must never widen a screen.
    """

    def __init__(self, text: str = "", role: str = "") -> None:
        super().__init__()
        if role:
            self.setProperty("role", role)
        self.setWordWrap(True)
        self.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        self._full = ""
        self.set_name(text)

    def set_name(self, text: str) -> None:
        """Show ``text`` (shortened to fit when it must)."""
        self._full = text
        self.setAccessibleName(text)
        self._fit()

    def name(self) -> str:
        """The whole name, however it is shown."""
        return self._full

    def minimumSizeHint(self) -> QSize:
        """Any width from a few letters up: the name shortens rather than widening the screen."""
        hint = super().minimumSizeHint()
        least = self.fontMetrics().horizontalAdvance("M" * 6)
        return QSize(min(hint.width(), least), hint.height())

    def sizeHint(self) -> QSize:
        """As wide as the name would like, but never wider than its shortest fit."""
        hint = super().sizeHint()
        return QSize(min(hint.width(), self.minimumSizeHint().width() * 4), hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Shorten again for the new width."""
        super().resizeEvent(event)
        self._fit()

    def changeEvent(self, event: QEvent) -> None:
        """A new font (text size, look) changes what fits."""
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit()

    def _fit(self) -> None:
        width = max(1, self.contentsRect().width() - 2 * self.margin())
        metrics = self.fontMetrics()
        words = [
            metrics.elidedText(word, QtCore.Qt.TextElideMode.ElideRight, width)
            if metrics.horizontalAdvance(word) > width
            else word
            for word in self._full.split(" ")
        ]
        shown = " ".join(words)
        self.setToolTip(self._full if shown != self._full else "")
        if shown != self.text():
            self.setText(shown)


def hold_wrapped_heights(root: QWidget) -> None:
    """Give each visible wrapping label under ``root`` the height its words need at its width.

    Layouts inside a stack ask a wrapping label for one fixed minimum and may squeeze it below
    what its lines need at the width it got; this makes them reserve it (call on resize).
    """
    for label in root.findChildren(QLabel):
        if label.wordWrap() and label.isVisible() and label.width() > 0:
            needed = label.heightForWidth(label.width())
            if needed > 0 and needed != label.minimumHeight():
                label.setMinimumHeight(needed)
