"""Which nights an export covers: "From" and "To", the month shown unless the person changes it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QWidget

from stretch_app.ui.widgets.labels import role_label

__all__ = ["ReportRange"]


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class ReportRange(QWidget):
    """Two date fields with calendar pop-ups; :meth:`period` is always first ≤ last."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("report-range")
        self.from_edit = self._date_edit(self.tr("Report from this night"))
        self.to_edit = self._date_edit(self.tr("Report up to this night"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(role_label(self.tr("Nights from"), "muted", wrap=False))
        layout.addWidget(self.from_edit)
        layout.addWidget(role_label(self.tr("to"), "muted", wrap=False))
        layout.addWidget(self.to_edit)
        layout.addStretch(1)

    @staticmethod
    def _date_edit(name: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("d MMM yyyy")
        edit.setAccessibleName(name)
        edit.setMinimumHeight(48)
        return edit

    def set_period(self, first: date, last: date) -> None:
        """Show these nights (the history follows the month shown)."""
        self.from_edit.setDate(_qdate(first))
        self.to_edit.setDate(_qdate(last))

    def period(self) -> tuple[date, date]:
        """The first and last night chosen, in order."""
        first, last = _date(self.from_edit.date()), _date(self.to_edit.date())
        return (first, last) if first <= last else (last, first)
