"""Visit every screen of the running app, for the accessibility and translation tests.

``visit_every_screen`` drives a :class:`NightstretchApp` (built with a fake clock) through the
home screen, the player mid-hold, the finish screen, every page of cramp relief, the history,
the episode dialog, medicines, guidance, settings, the reminders dialog and the reminder
window, yielding ``(name, top-level widget)`` with that screen showing.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QCalendarWidget,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from stretch_app.core.clock import FakeClock
from stretch_app.ui.app import NightstretchApp
from stretch_app.ui.desktop.notify import ReminderNote
from stretch_app.ui.desktop.notify_window import ReminderWindow
from stretch_app.ui.screens.episode_dialog import EpisodeDialog
from stretch_app.ui.screens.reminders_dialog import RemindersDialog

INTERACTIVE = (
    QAbstractButton,
    QComboBox,
    QAbstractSlider,
    QLineEdit,
    QTextEdit,
    QPlainTextEdit,
    QAbstractSpinBox,
    QAbstractItemView,
    QCalendarWidget,
)


def is_interactive(widget: QWidget) -> bool:
    """A control a person operates: a standard one, or any custom widget that takes Tab focus."""
    if isinstance(widget, INTERACTIVE):
        return True
    return bool(widget.focusPolicy().value & 0x1) and type(widget).__module__.startswith(
        "stretch_app"
    )


def controls(root: QWidget) -> list[QWidget]:
    """The visible controls under ``root``, leaving out the inner parts of other controls."""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible() or not is_interactive(widget):
            continue
        if isinstance(widget, QScrollBar):
            continue  # part of its scroll area, which screen readers name by role
        parent = widget.parentWidget()
        inner = False
        while parent is not None and parent is not root:
            if isinstance(parent, INTERACTIVE):
                inner = True  # e.g. the line edit inside a spin box
                break
            parent = parent.parentWidget()
        if not inner:
            found.append(widget)
    return found


def accessible_name(widget: QWidget) -> str:
    """The name a screen reader gets for ``widget`` (a button's text when it has no own name)."""
    interface = QAccessible.queryAccessibleInterface(widget)
    name = interface.text(QAccessible.Text.Name) if interface is not None else ""
    return name or widget.accessibleName()


def tab_chain(start: QWidget, limit: int = 200) -> list[QWidget]:
    """The widgets Tab visits from ``start``, in order, once round the chain."""
    chain: list[QWidget] = []
    widget = start
    for _ in range(limit):
        if widget.isVisible() and widget.isEnabled() and widget.focusPolicy().value & 0x1:
            if any(widget is seen for seen in chain):
                break
            chain.append(widget)
        widget = widget.nextInFocusChain()
        if widget is start:
            break
    return chain


def _finish_routine(app: NightstretchApp, clock: FakeClock) -> None:
    player = app.player
    assert player is not None
    while not player.ended:
        clock.advance(0.5)
        player.tick()


def visit_every_screen(
    app: NightstretchApp, clock: FakeClock, qtbot: QtBot
) -> Iterator[tuple[str, QWidget]]:
    """Show each screen in turn; yields (screen name, the top-level widget showing it)."""
    window = app.window
    assert app.journal is not None
    app.journal.add_medicine("Lyrica 75 mg")
    yield "home", window

    player = app.start_routine("bedtime")
    assert player is not None
    clock.advance(5 + 12.3)
    player.tick()
    yield "player", window
    _finish_routine(app, clock)
    yield "finish", window
    app.show_home()

    relief = app.cramp_now()
    assert relief is not None
    yield "relief-choose", window
    relief.choose("calf")
    yield "relief-step", window
    clock.advance(8 * 60)
    relief.tick()
    assert relief.emergency_banner.state == "near"
    yield "relief-near", window
    clock.advance(2 * 60 + 1)
    relief.tick()
    assert relief.emergency_banner.isVisible()
    yield "relief-emergency", window
    relief.eased()
    assert relief.page == "details"
    yield "relief-form", window
    relief.form.save()
    assert relief.page == "tips"
    yield "relief-tips", window
    app.show_home()

    history = app.open_history()
    assert history is not None
    yield "history", window
    dialog = EpisodeDialog(now=None, parent=window)
    dialog.show()
    qtbot.waitExposed(dialog)
    yield "episode-dialog", dialog
    dialog.close()
    medicines = app.open_medicines(history)
    assert medicines is not None
    yield "medicines", window
    app.show_home()

    app.open_guidance()
    yield "guidance", window
    app.show_home()
    app.open_settings()
    yield "settings", window
    app.show_home()

    routine = app.library.routines["bedtime"]
    reminders = RemindersDialog(routine, routine.reminders, window)
    reminders.show()
    qtbot.waitExposed(reminders)
    yield "reminders-dialog", reminders
    reminders.close()

    title = QCoreApplication.translate("ReminderDesk", "Time for your bedtime stretches")
    body = QCoreApplication.translate("ReminderDesk", "{0}. Reminder for {1}.")
    note = ReminderNote(token="t", title=title, body=body.format(routine.name, "21:45"))
    reminder_window = ReminderWindow(note)  # deletes itself on close
    reminder_window.show()
    qtbot.waitExposed(reminder_window)
    yield "reminder-window", reminder_window
    reminder_window.close()

    editor = app.editor_flow.open("bedtime")
    assert editor is not None
    editor.step_list.setCurrentRow(0)
    editor.step_form.repeat.setValue(3)
    yield "routine-editor", window
    editor.undo_stack.undo()
    app.show_home()
    from stretch_app import paths
    from stretch_app.ui.screens.editor_dialogs import ExercisePickerDialog

    picker = ExercisePickerDialog(app.library.exercises, paths.resolve_picture, set(), window)
    picker.show()
    qtbot.waitExposed(picker)
    yield "exercise-picker", picker
    picker.close()
