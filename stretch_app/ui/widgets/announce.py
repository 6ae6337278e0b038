"""Tell screen readers what just changed, as well as showing it (the voice says it too).

Qt has no Python hook to watch accessibility updates (``installUpdateHandler`` is C++ only),
so screens call :func:`announce` and also emit their own ``announced`` signal; tests listen to
the signal, and a unit test checks the event :func:`announce` builds.
"""

from __future__ import annotations

from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QWidget

__all__ = ["announce"]


def announce(widget: QWidget, text: str, *, urgent: bool = False) -> None:
    """Announce ``text`` on behalf of ``widget``; ``urgent`` interrupts what is being read."""
    if not text:
        return
    event = QAccessibleAnnouncementEvent(widget, text)
    politeness = QAccessible.AnnouncementPoliteness
    event.setPoliteness(politeness.Assertive if urgent else politeness.Polite)
    QAccessible.updateAccessibility(event)
