"""Dates and times as people read them, in the language in force (``QLocale()``'s default).

The core formats dates in English for files and logs; everything shown on screen goes
through here, so a German person reads "Mo 3 März", not "Mon 3 Mar".
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QLocale

__all__ = ["day_month", "long_night", "month_year", "short_night", "weekday_names"]


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def short_night(day: date) -> str:
    """A night in a few letters: ``Mon 3 Mar``."""
    return QLocale().toString(_qdate(day), "ddd d MMM")


def long_night(day: date) -> str:
    """A night in full: ``Monday 3 March``."""
    return QLocale().toString(_qdate(day), "dddd d MMMM")


def day_month(day: date) -> str:
    """The day and short month: ``3 Mar``."""
    return QLocale().toString(_qdate(day), "d MMM")


def month_year(year: int, month: int) -> str:
    """A month heading: ``March 2025``."""
    return f"{QLocale().standaloneMonthName(month)} {year}"


def weekday_names() -> tuple[str, ...]:
    """Monday to Sunday, short: ``Mon`` … ``Sun``."""
    locale = QLocale()
    return tuple(
        locale.standaloneDayName(day, QLocale.FormatType.ShortFormat) for day in range(1, 8)
    )
