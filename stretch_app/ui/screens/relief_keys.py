"""The relief screen's keys: 1-4 choose the muscle; Enter or E, easing; N or Right, next;
Left or Backspace, one step back; Esc ends relief (then saves the form, then goes home).

Each key does something only on the page where it means something.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut

from stretch_app.core.journal_rows import MUSCLE_CHOICES, Muscle

if TYPE_CHECKING:
    from stretch_app.ui.screens.relief import ReliefScreen

__all__ = ["bind_relief_keys"]


def _on(screen: ReliefScreen, pages: tuple[str, ...], action: Callable[[], object]) -> None:
    if screen.page in pages:
        action()


def _choose(screen: ReliefScreen, muscle: Muscle) -> None:
    if screen.page == "choose":
        screen.choose(muscle)


def _escape(screen: ReliefScreen) -> None:
    if not screen.episode.is_over:
        screen.stop()
    elif screen.page == "details":
        screen.form.save()
    else:
        screen.done.emit()


def bind_relief_keys(screen: ReliefScreen) -> None:
    """Give ``screen`` its shortcuts (they work wherever the focus is inside it)."""
    bindings: list[tuple[str, Callable[[], object]]] = [
        ("E", partial(_on, screen, ("step",), screen.eased)),
        ("N", partial(_on, screen, ("choose", "step"), screen.next_step)),
        ("Right", partial(_on, screen, ("choose", "step"), screen.next_step)),
        ("Left", partial(_on, screen, ("step",), screen.back)),
        ("Backspace", partial(_on, screen, ("step",), screen.back)),
        ("Escape", partial(_escape, screen)),
    ]
    for number, muscle in enumerate(MUSCLE_CHOICES, start=1):
        bindings.append((str(number), partial(_choose, screen, muscle)))
    for key, slot in bindings:
        shortcut = QShortcut(QKeySequence(key), screen)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(slot)
