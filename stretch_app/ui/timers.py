"""Every timer in the app is named and parented, so tests and tools can find it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer

__all__ = ["named_timer"]


def named_timer(
    parent: QObject,
    name: str,
    on_timeout: Callable[[], object],
    *,
    interval_ms: int | None = None,
    single_shot: bool = False,
    timer_type: Qt.TimerType | None = None,
) -> QTimer:
    """A timer owned by ``parent``, called ``name``, that calls ``on_timeout``; not started."""
    timer = QTimer(parent)
    timer.setObjectName(name)
    timer.setSingleShot(single_shot)
    if interval_ms is not None:
        timer.setInterval(interval_ms)
    if timer_type is not None:
        timer.setTimerType(timer_type)
    timer.timeout.connect(on_timeout)
    return timer
