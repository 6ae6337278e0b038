"""A month of nights as a painted grid: stretches done, cramps marked, keyboard-navigable."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from stretch_app.core.history import Night
from stretch_app.ui.dates import long_night, weekday_names
from stretch_app.ui.theme import NIGHT, Look

__all__ = ["NightCalendar", "describe_night"]

_HEADER = 36.0


def describe_night(night: Night) -> str:
    """One night in words, for the summary line and screen readers."""
    parts = [long_night(night.date)]
    if night.routine == "done":
        parts.append(QCoreApplication.translate("NightCalendar", "stretches done"))
    elif night.routine == "partial":
        parts.append(QCoreApplication.translate("NightCalendar", "stretches begun, not finished"))
    else:
        parts.append(QCoreApplication.translate("NightCalendar", "no stretches recorded"))
    if night.cramps == 1:
        parts.append(QCoreApplication.translate("NightCalendar", "1 cramp"))
    elif night.cramps:
        parts.append(QCoreApplication.translate("NightCalendar", "{0} cramps").format(night.cramps))
    else:
        parts.append(QCoreApplication.translate("NightCalendar", "no cramps"))
    if night.cramps and night.woken:
        parts.append(QCoreApplication.translate("NightCalendar", "woke you"))
    return ", ".join(parts)


class NightCalendar(QWidget):
    """Seven columns (Monday first), one cell per night: a disc for stretches, dots for cramps."""

    night_selected = Signal(object)
    """The night (a ``date``) the person picked, by mouse or arrow keys."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._nights: list[Night] = []
        self._selected: date | None = None
        self._today: date | None = None
        self._look: Look = NIGHT
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(420, 340)
        self.setAccessibleName(self.tr("Calendar of nights"))

    def sizeHint(self) -> QSize:
        """Room for six weeks of cells large enough to read at night."""
        return QSize(560, 440)

    def set_look(self, look: Look) -> None:
        """Follow the night or day look."""
        self._look = look
        self.update()

    def set_nights(self, nights: Sequence[Night], today: date | None = None) -> None:
        """Show one month's nights (the first is the 1st of the month)."""
        self._nights = list(nights)
        self._today = today
        dates = [n.date for n in self._nights]
        if self._selected not in dates:
            past = [d for d in dates if today is None or d <= today]
            self._selected = past[-1] if past else (dates[0] if dates else None)
        self._announce()
        self.update()

    @property
    def selected(self) -> Night | None:
        """The night that has the keyboard's attention."""
        return next((n for n in self._nights if n.date == self._selected), None)

    def select(self, night: date) -> None:
        """Move the selection to a night of the month shown (others are ignored)."""
        if any(n.date == night for n in self._nights):
            self._selected = night
            self._announce()
            self.update()
            self.night_selected.emit(night)

    def _announce(self) -> None:
        chosen = self.selected
        self.setAccessibleDescription(describe_night(chosen) if chosen else "")

    # --- geometry -----------------------------------------------------------------------------

    def _cell_rect(self, night: date) -> QRectF:
        first = self._nights[0].date
        index = first.weekday() + (night - first).days
        rows = (first.weekday() + len(self._nights) + 6) // 7
        width = self.width() / 7
        height = (self.height() - _HEADER) / max(rows, 1)
        return QRectF((index % 7) * width, _HEADER + (index // 7) * height, width, height)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """Pick the night under the pointer."""
        for night in self._nights:
            if self._cell_rect(night.date).contains(event.position()):
                self.select(night.date)
                return
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Arrow keys move a night or a week; Home and End jump to the month's ends."""
        if self._selected is None or not self._nights:
            super().keyPressEvent(event)
            return
        steps = {
            Qt.Key.Key_Left: -1,
            Qt.Key.Key_Right: 1,
            Qt.Key.Key_Up: -7,
            Qt.Key.Key_Down: 7,
        }
        key = Qt.Key(event.key())
        if key in steps:
            self.select(self._selected + timedelta(days=steps[key]))
        elif key == Qt.Key.Key_Home:
            self.select(self._nights[0].date)
        elif key == Qt.Key.Key_End:
            self.select(self._nights[-1].date)
        else:
            super().keyPressEvent(event)

    # --- painting -----------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draw the weekday names and every night of the month."""
        look = self._look
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont(self.font())
        font.setPixelSize(17)
        painter.setFont(font)
        painter.setPen(QColor(look.muted))
        width = self.width() / 7
        for column, name in enumerate(weekday_names()):
            rect = QRectF(column * width, 0, width, _HEADER)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, name)
        for night in self._nights:
            self._paint_night(painter, night)
        painter.end()

    def _paint_night(self, painter: QPainter, night: Night) -> None:
        look = self._look
        cell = self._cell_rect(night.date).adjusted(3, 3, -3, -3)
        future = self._today is not None and night.date > self._today
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(look.window if future else look.surface))
        painter.drawRoundedRect(cell, 8, 8)
        if night.date == self._selected:
            width = 4 if self.hasFocus() else 2
            painter.setPen(QPen(QColor(look.focus), width))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(cell.adjusted(1, 1, -1, -1), 8, 8)
        font = QFont(self.font())
        font.setPixelSize(max(14, min(22, int(cell.height() * 0.3))))
        font.setBold(night.date == self._today)
        painter.setFont(font)
        painter.setPen(QColor(look.muted if future else look.text))
        painter.drawText(
            cell.adjusted(8, 4, -6, -4),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
            str(night.date.day),
        )
        radius = max(5.0, min(cell.width(), cell.height()) * 0.16)
        centre = QPointF(cell.right() - radius - 8, cell.top() + radius + 8)
        if night.routine == "done":
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(look.accent))
            painter.drawEllipse(centre, radius, radius)
        elif night.routine == "partial":
            painter.setPen(QPen(QColor(look.accent), 3))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(centre, radius - 1.5, radius - 1.5)
        if night.cramps:
            self._paint_cramps(painter, cell, night)

    def _paint_cramps(self, painter: QPainter, cell: QRectF, night: Night) -> None:
        look = self._look
        dot = max(5.0, min(cell.width(), cell.height()) * 0.12)
        y = cell.bottom() - dot - 8
        shown = min(night.cramps, 3)
        for i in range(shown):
            centre = QPointF(cell.left() + 10 + dot + i * (dot * 2 + 5), y)
            painter.setPen(QPen(QColor(look.focus), 3) if night.woken else Qt.PenStyle.NoPen)
            painter.setBrush(QColor(look.urgent))
            painter.drawEllipse(centre, dot, dot)
        if night.cramps > shown:
            painter.setPen(QColor(look.text))
            x = cell.left() + 10 + shown * (dot * 2 + 5)
            painter.drawText(QPointF(x, y + dot), "+")
