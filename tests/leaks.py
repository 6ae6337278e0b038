"""What a test left behind: Qt timers still running and windows still open.

Used by the autouse fixture in ``tests/conftest.py``; kept here so the rule can be tested
(``tests/ui/test_leak_check.py``) and the conftest stays short.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterator
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

HOW_TO_CLEAN_UP = (
    "A test must end with no timer of ours running and no window open, or the leftovers tick "
    "and paint inside later tests. Clean up in production code first: the object's shutdown/"
    "stop/close path must stop its timers (a closed or finished screen stops ticking). In the "
    "test, end what it started: `qtbot.addWidget(window)` closes and deletes a widget, "
    "`app.shutdown()` ends a NightstretchApp, `voice.shut_down()` a ProcessVoice."
)


class TimerRecorder:
    """Makes the timers ``stretch_app.ui.timers.named_timer`` hands out, and remembers them."""

    def __init__(self) -> None:
        self._made: list[weakref.ReferenceType[QTimer]] = []

    def __call__(self, parent: QObject | None = None) -> QTimer:
        """Make a QTimer as the helper would, and keep a weak reference to it."""
        timer = QTimer(parent)
        self._made.append(weakref.ref(timer))
        return timer

    def made(self) -> Iterator[QTimer]:
        """Every recorded timer whose Python and C++ objects are both still alive."""
        for ref in self._made:
            timer = ref()
            if timer is not None and shiboken6.isValid(timer):
                yield timer


def _describe(obj: QObject) -> str:
    chain = []
    current: QObject | None = obj
    while current is not None and len(chain) < 6:
        name = current.objectName()
        chain.append(f"{type(current).__name__}({name!r})" if name else type(current).__name__)
        current = current.parent()
    return " in ".join(chain)


def _tree_timers(app: QCoreApplication) -> Iterator[QTimer]:
    """Named timers found by walking the app's object and widget trees."""
    roots: list[QObject] = [app]
    if isinstance(app, QApplication):
        roots += QApplication.topLevelWidgets()
    for root in roots:
        for timer in root.findChildren(QTimer):
            if timer.objectName():  # Qt's own helpers have no name; every timer of ours does
                yield timer


def open_windows(before: set[int]) -> list[QWidget]:
    """Top-level windows shown now that were not shown when the test began."""
    if not isinstance(QCoreApplication.instance(), QApplication):
        return []
    return [
        widget
        for widget in QApplication.topLevelWidgets()
        if widget.isVisible() and id(widget) not in before
    ]


def shown_windows() -> set[int]:
    """Identities of the top-level windows shown now."""
    if not isinstance(QCoreApplication.instance(), QApplication):
        return set()
    return {id(w) for w in QApplication.topLevelWidgets() if w.isVisible()}


def leftovers(
    recorder: TimerRecorder, windows_before: set[int]
) -> tuple[list[QTimer], list[QWidget]]:
    """Timers still running and windows still open, after deleting what awaits deletion."""
    app = QCoreApplication.instance()
    if app is None:
        return [], []
    # Objects whose deleteLater() is pending are gone for good: let Qt delete them first.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    seen: dict[int, QTimer] = {}
    for timer in [*recorder.made(), *_tree_timers(app)]:
        if shiboken6.isValid(timer) and timer.isActive():
            seen[id(timer)] = timer
    return list(seen.values()), open_windows(windows_before)


def report(timers: list[QTimer], windows: list[QWidget]) -> str:
    """The failure message: what leaked, and how to clean up."""
    lines = ["This test left Qt objects running after it ended:"]
    lines += [
        f"  timer {_describe(t)}: still active, interval {t.interval()} ms"
        + (", single shot" if t.isSingleShot() else ", repeating")
        for t in timers
    ]
    lines += [f"  window {_describe(w)} titled {w.windowTitle()!r}: still open" for w in windows]
    lines.append(HOW_TO_CLEAN_UP)
    return "\n".join(lines)


def clean_up(timers: list[QTimer], windows: list[QWidget]) -> None:
    """Stop and close what leaked, so one test's leftovers do not fail the next one."""
    for timer in timers:
        timer.stop()
    for window in windows:
        window.close()


def check(recorder: TimerRecorder, windows_before: set[int], fail: Callable[[str], Any]) -> None:
    """Call ``fail`` with a report when anything was left running; clean it up either way."""
    timers, windows = leftovers(recorder, windows_before)
    if timers or windows:
        message = report(timers, windows)
        clean_up(timers, windows)
        fail(message)
