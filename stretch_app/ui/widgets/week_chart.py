"""Cramps per week as plain painted bars, with the count on each bar and the average length."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from stretch_app.core.history import WeekCount, format_minutes
from stretch_app.ui.dates import day_month
from stretch_app.ui.theme import NIGHT, Look

__all__ = ["WeekChart", "describe_week"]

_LABELS = 58.0  # room under the bars for the week's date and average length


def describe_week(week: WeekCount) -> str:
    """One week in words: ``Week of 2 Mar: 3 cramps, 2.5 min on average``."""
    monday = day_month(week.monday)
    if week.cramps == 1:
        text = QCoreApplication.translate("WeekChart", "Week of {0}: 1 cramp").format(monday)
    else:
        text = QCoreApplication.translate("WeekChart", "Week of {0}: {1} cramps").format(
            monday, week.cramps
        )
    if week.average_duration_s is not None:
        average = format_minutes(week.average_duration_s)
        text = QCoreApplication.translate("WeekChart", "{0}, {1} on average").format(text, average)
    return text


class WeekChart(QWidget):
    """One bar per week (Monday to Sunday nights); the height is the number of cramps."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._weeks: list[WeekCount] = []
        self._look: Look = NIGHT
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(320, 200)
        self.setAccessibleName(self.tr("Cramps per week"))

    def sizeHint(self) -> QSize:
        """Wide enough for five or six weeks of bars."""
        return QSize(520, 260)

    def set_look(self, look: Look) -> None:
        """Follow the night or day look."""
        self._look = look
        self.update()

    def set_weeks(self, weeks: Sequence[WeekCount]) -> None:
        """Show these weeks, oldest on the left."""
        self._weeks = list(weeks)
        self.setAccessibleDescription("; ".join(describe_week(w) for w in self._weeks))
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draw the bars, their counts and the labels under them."""
        if not self._weeks:
            return
        look = self._look
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont(self.font())
        font.setPixelSize(17)
        painter.setFont(font)
        top = 30.0
        base = self.height() - _LABELS
        slot = self.width() / len(self._weeks)
        tallest = max(max(w.cramps for w in self._weeks), 1)
        painter.setPen(QColor(look.ring_track))
        painter.drawLine(0, int(base), self.width(), int(base))
        for i, week in enumerate(self._weeks):
            x = i * slot + slot * 0.18
            bar_width = slot * 0.64
            height = (base - top) * week.cramps / tallest
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(look.accent))
            if week.cramps:
                painter.drawRoundedRect(QRectF(x, base - height, bar_width, height), 6, 6)
            painter.setPen(QColor(look.text))
            count_box = QRectF(x - 10, base - height - 28, bar_width + 20, 26)
            painter.drawText(count_box, Qt.AlignmentFlag.AlignCenter, str(week.cramps))
            label = QRectF(i * slot, base + 4, slot, 24)
            painter.drawText(label, Qt.AlignmentFlag.AlignCenter, day_month(week.monday))
            if week.average_duration_s is not None:
                small = QFont(font)
                small.setPixelSize(15)
                painter.setFont(small)
                painter.setPen(QColor(look.muted))
                average = QRectF(i * slot, base + 28, slot, 24)
                text = format_minutes(week.average_duration_s)
                painter.drawText(average, Qt.AlignmentFlag.AlignCenter, text)
                painter.setFont(font)
        painter.end()
