"""A large countdown ring with the seconds in the middle, readable from across a dark room."""

from __future__ import annotations

import math

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

__all__ = ["CountdownRing"]


class CountdownRing(QWidget):
    """Shows the time left in a hold as a ring that empties, or time elapsed when open-ended."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fraction = 1.0
        self._text = ""
        self._caption = ""
        self._track = QColor("#3a3026")
        self._fill = QColor("#ffb347")
        self._text_colour = QColor("#f3e6d0")
        self._whole_seconds = False
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(180, 180)

    def sizeHint(self) -> QSize:
        """Big by default: this is what a person glances at."""
        return QSize(320, 320)

    def set_colours(self, track: str, fill: str, text: str) -> None:
        """Follow the current look."""
        self._track, self._fill, self._text_colour = QColor(track), QColor(fill), QColor(text)
        self.update()

    def set_whole_seconds(self, whole: bool) -> None:
        """Reduce motion: the ring empties in whole-second steps, not smoothly."""
        self._whole_seconds = whole

    def show_remaining(self, remaining: float, duration: float, caption: str = "") -> None:
        """A timed phase: the ring holds the fraction left, the centre the whole seconds left."""
        shown = math.ceil(remaining - 1e-6) if self._whole_seconds else remaining
        self._fraction = max(0.0, min(1.0, shown / duration)) if duration else 0.0
        self._text = str(math.ceil(remaining - 1e-6))
        self._caption = caption
        self._changed()

    def show_elapsed(self, elapsed: float, caption: str = "") -> None:
        """An open-ended phase: a full ring and the time it has lasted, as m:ss."""
        minutes, seconds = divmod(int(elapsed), 60)
        self._fraction = 1.0
        self._text = f"{minutes}:{seconds:02d}"
        self._caption = caption
        self._changed()

    def show_text(self, text: str, caption: str = "") -> None:
        """No timer: just a word (e.g. a tip)."""
        self._fraction = 0.0
        self._text = text
        self._caption = caption
        self._changed()

    def _changed(self) -> None:
        # Screen readers read the number and its caption as the ring's description.
        description = " ".join(filter(None, (self._text, self._caption)))
        if description != self.accessibleDescription():
            self.setAccessibleDescription(description)
        self.update()

    @property
    def text(self) -> str:
        """What the centre shows now."""
        return self._text

    @property
    def fraction(self) -> float:
        """How full the ring is, 0 to 1."""
        return self._fraction

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draw the track, the remaining arc, and the number."""
        del event
        side = min(self.width(), self.height())
        pen_width = max(8.0, side * 0.07)
        rect = QRectF(
            (self.width() - side) / 2 + pen_width / 2,
            (self.height() - side) / 2 + pen_width / 2,
            side - pen_width,
            side - pen_width,
        )
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(self._track, pen_width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap))
        painter.drawEllipse(rect)
        if self._fraction > 0:
            pen = QPen(self._fill, pen_width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
            painter.setPen(pen)
            painter.drawArc(rect, 90 * 16, round(-self._fraction * 360 * 16))
        painter.setPen(self._text_colour)
        font = QFont(self.font())
        font.setBold(True)
        digits = max(2, len(self._text))
        font.setPixelSize(max(12, int(side * (0.42 if digits <= 2 else 0.8 / digits))))
        painter.setFont(font)
        number_rect = QRectF(rect.adjusted(0, -side * 0.06, 0, -side * 0.06))
        painter.drawText(number_rect, Qt.AlignmentFlag.AlignCenter, self._text)
        if self._caption:
            font.setBold(False)
            font.setPixelSize(max(10, int(side * 0.075)))
            painter.setFont(font)
            caption_rect = QRectF(
                rect.left(), rect.center().y() + side * 0.17, rect.width(), side * 0.12
            )
            painter.drawText(caption_rect, Qt.AlignmentFlag.AlignCenter, self._caption)
        painter.end()
