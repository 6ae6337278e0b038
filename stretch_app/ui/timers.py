"""Every timer in the app is named and parented, so tests and tools can find it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer

__all__ = ["CALM_DISPLAY_INTERVAL_MS", "DISPLAY_INTERVAL_MS", "MomentTimers", "named_timer"]


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


DISPLAY_INTERVAL_MS = 200
"""How often a running clock is redrawn (ours: smooth enough for a ring, light on the CPU)."""
CALM_DISPLAY_INTERVAL_MS = 1000
"""With reduce motion on: the clocks move once a second."""


class MomentTimers:
    """The two timers that drive an engine on screen (the player's session, relief's episode).

    A display timer redraws the clock a few times a second; a precise single shot wakes the
    engine at its next moment (a hold's end, relief's auto-start, the emergency line), so
    those come on time whatever the display interval. Both call ``tick`` and are children of
    ``parent``, named ``<name>-display-timer`` and ``<name>-moment-timer``.
    """

    def __init__(self, parent: QObject, name: str, tick: Callable[[], object]) -> None:
        self.display = named_timer(
            parent, f"{name}-display-timer", tick, interval_ms=DISPLAY_INTERVAL_MS
        )
        self.moment = named_timer(
            parent,
            f"{name}-moment-timer",
            tick,
            single_shot=True,
            timer_type=Qt.TimerType.PreciseTimer,
        )

    def start(self) -> None:
        """Start redrawing (the precise shot is planned by :meth:`plan`)."""
        self.display.start()

    def stop(self) -> None:
        """Stop both: the engine has ended."""
        self.display.stop()
        self.moment.stop()

    def set_calm(self, calm: bool) -> None:
        """Reduce motion: redraw once a second instead of a few times."""
        self.display.setInterval(CALM_DISPLAY_INTERVAL_MS if calm else DISPLAY_INTERVAL_MS)

    def plan(self, wait_s: float | None) -> None:
        """Wake the engine ``wait_s`` seconds from now (a millisecond late, never early);
        ``None``: nothing is planned."""
        if wait_s is None:
            self.moment.stop()
        else:
            self.moment.start(max(0, round(wait_s * 1000)) + 1)
