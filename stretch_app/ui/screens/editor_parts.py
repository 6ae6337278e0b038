"""The pieces of the routine editor: the list of steps and the forms for a step and a routine.

They only show values and say what the person changed; the editor keeps the routine and the
undo history.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QDropEvent, QKeyEvent, QUndoCommand
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from stretch_app.core.model import MAX_REPEAT
from stretch_app.core.routine_draft import (
    HOLD_MAX_S,
    HOLD_MIN_S,
    SIDES_CHOICES,
    RoutineDraft,
    StepDraft,
)

__all__ = [
    "RoutineForm",
    "Snapshot",
    "StepForm",
    "StepList",
    "field_text",
    "problem_text",
    "short_sides_text",
    "sides_text",
]

_REST_MAX_S = 300
_ROWS_MIME = "application/x-qabstractitemmodeldatalist"


def sides_text(choice: str) -> str:
    """How a choice of legs reads in the editor."""
    texts = {
        "each": QCoreApplication.translate("RoutineEditor", "Each leg in turn, left first"),
        "each-right-first": QCoreApplication.translate(
            "RoutineEditor", "Each leg in turn, right first"
        ),
        "left": QCoreApplication.translate("RoutineEditor", "Left leg only"),
        "right": QCoreApplication.translate("RoutineEditor", "Right leg only"),
        "both": QCoreApplication.translate("RoutineEditor", "Both legs at once"),
    }
    return texts[choice]


def problem_text(message: str) -> str:
    """A checker's message in the person's language where we have it (else as ``validate``)."""
    known = {
        "must not be empty": QCoreApplication.translate("RoutineEditor", "must not be empty"),
        "is required but missing": QCoreApplication.translate(
            "RoutineEditor", "is required but missing"
        ),
    }
    if message.startswith("unknown exercise "):
        name = message.removeprefix("unknown exercise ").split(" (", 1)[0]
        return QCoreApplication.translate("RoutineEditor", "unknown exercise {0}").format(name)
    return known.get(message, message)


_LISTED = re.compile(r"(?P<list>steps|reminders)\[(?P<index>\d+)\](?:\.(?P<key>\w+))?")


def field_text(field: str) -> str:
    """Where a problem is, named as the editor's form names it ("Step 2, Hold")."""
    keys = {
        "name": QCoreApplication.translate("RoutineEditor", "Name"),
        "description": QCoreApplication.translate("RoutineEditor", "Description"),
        "steps": QCoreApplication.translate("RoutineEditor", "Steps"),
        "get_ready": QCoreApplication.translate("RoutineEditor", "Get ready"),
        "switch_legs": QCoreApplication.translate("RoutineEditor", "Switch legs"),
        "rest": QCoreApplication.translate("RoutineEditor", "Rest between exercises"),
        "exercise": QCoreApplication.translate("RoutineEditor", "Exercise"),
        "hold": QCoreApplication.translate("RoutineEditor", "Hold"),
        "sides": QCoreApplication.translate("RoutineEditor", "Legs"),
        "repeat": QCoreApplication.translate("RoutineEditor", "Holds on each leg"),
        "rest_between": QCoreApplication.translate("RoutineEditor", "Rest between holds"),
        "note": QCoreApplication.translate("RoutineEditor", "Note"),
        "at": QCoreApplication.translate("RoutineEditor", "Time"),
        "days": QCoreApplication.translate("RoutineEditor", "Days"),
    }
    if field in keys:
        return keys[field]
    listed = _LISTED.fullmatch(field)
    if listed is None:
        return field  # not one the editor can make; shown as `validate` names it
    number = int(listed["index"]) + 1
    where = (
        QCoreApplication.translate("RoutineEditor", "Step {0}").format(number)
        if listed["list"] == "steps"
        else QCoreApplication.translate("RoutineEditor", "Reminder {0}").format(number)
    )
    key = listed["key"]
    return f"{where}, {keys.get(key, key)}" if key else where


def short_sides_text(choice: str) -> str:
    """A choice of legs in a few words, for the list of steps."""
    texts = {
        "each": QCoreApplication.translate("RoutineEditor", "left, then right"),
        "each-right-first": QCoreApplication.translate("RoutineEditor", "right, then left"),
        "left": QCoreApplication.translate("RoutineEditor", "left leg"),
        "right": QCoreApplication.translate("RoutineEditor", "right leg"),
        "both": QCoreApplication.translate("RoutineEditor", "both legs"),
    }
    return texts[choice]


def _seconds_box(minimum: int, maximum: int, name: str) -> QSpinBox:
    box = QSpinBox()
    box.setRange(minimum, maximum)
    box.setSuffix(" s")
    box.setAccessibleName(name)
    box.setKeyboardTracking(False)
    return box


class StepList(QListWidget):
    """The steps in order; drag and drop or Alt+Up/Down moves one."""

    order_changed = Signal(list)
    """The new order, as the old positions of the steps (after a drag and drop)."""
    move_requested = Signal(int, int)
    """(row, -1 or +1) from Alt+Up/Down."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Steps"))
        self.setAccessibleDescription(self.tr("Alt+Up and Alt+Down move the chosen step"))
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def show_steps(self, labels: Sequence[str], current: int) -> None:
        """Show these steps, with ``current`` chosen."""
        self.blockSignals(True)
        self.clear()
        for number, label in enumerate(labels):
            item = QListWidgetItem(f"{number + 1}. {label}")
            item.setData(Qt.ItemDataRole.UserRole, number)
            self.addItem(item)
        self.blockSignals(False)
        if labels:
            self.setCurrentRow(max(0, min(current, len(labels) - 1)))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Alt+Up/Down asks to move the chosen step."""
        alt = event.modifiers() & Qt.KeyboardModifier.AltModifier
        if alt and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down) and self.currentRow() >= 0:
            self.move_requested.emit(self.currentRow(), -1 if event.key() == Qt.Key.Key_Up else 1)
            return
        super().keyPressEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        """A step dropped on another row moves there; the editor redraws the list."""
        own = event.source() in (self, None) and event.mimeData().hasFormat(_ROWS_MIME)
        source = self.currentRow()
        if not own or source < 0:
            event.ignore()
            return
        point = event.position().toPoint()
        index = self.indexAt(point)
        target = index.row() if index.isValid() else self.count() - 1
        if index.isValid() and point.y() > self.visualRect(index).center().y():
            target += 1  # dropped on the lower half: after that row
        if target > source:
            target -= 1  # the row taken out no longer counts
        # Nothing for Qt to move or delete: the new order comes back through the editor.
        event.setDropAction(Qt.DropAction.IgnoreAction)
        event.accept()
        if target != source:
            order = list(range(self.count()))
            order.insert(target, order.pop(source))
            self.order_changed.emit(order)


class StepForm(QWidget):
    """Hold, legs, repeat and rest between for the chosen step."""

    changed = Signal(str, object)
    """(field, new value)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setProperty("role", "title")
        self.title.setWordWrap(True)
        self.hold = _seconds_box(HOLD_MIN_S, HOLD_MAX_S, self.tr("Hold"))
        self.sides = QComboBox()
        self.sides.setAccessibleName(self.tr("Legs"))
        for choice in SIDES_CHOICES:
            self.sides.addItem(sides_text(choice), choice)
        self.repeat = QSpinBox()
        self.repeat.setRange(1, MAX_REPEAT)
        self.repeat.setAccessibleName(self.tr("Holds on each leg"))
        self.repeat.setKeyboardTracking(False)
        self.rest_between = _seconds_box(0, _REST_MAX_S, self.tr("Rest between holds"))
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # label above when narrow
        form.addRow(self.tr("Hold"), self.hold)
        form.addRow(self.tr("Legs"), self.sides)
        form.addRow(self.tr("Holds on each leg"), self.repeat)
        form.addRow(self.tr("Rest between holds"), self.rest_between)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(form)
        self.hold.valueChanged.connect(lambda v: self.changed.emit("hold", v))
        self.repeat.valueChanged.connect(lambda v: self.changed.emit("repeat", v))
        self.rest_between.valueChanged.connect(lambda v: self.changed.emit("rest_between", v))
        self.sides.currentIndexChanged.connect(
            lambda _: self.changed.emit("sides", self.sides.currentData())
        )

    def show_step(self, step: StepDraft | None, name: str) -> None:
        """Show one step's values (without saying they changed)."""
        controls = (self.hold, self.sides, self.repeat, self.rest_between)
        for control in controls:
            control.blockSignals(True)
            control.setEnabled(step is not None)
        if step is None:
            self.title.setText(self.tr("Add an exercise to begin."))
        else:
            self.title.setText(name)
            self.hold.setValue(step.hold)
            self.sides.setCurrentIndex(max(0, self.sides.findData(step.sides)))
            self.repeat.setValue(step.repeat)
            self.rest_between.setValue(step.rest_between)
            self.rest_between.setEnabled(step.repeat > 1)
        for control in controls:
            control.blockSignals(False)


class RoutineForm(QWidget):
    """Get ready, switch legs and rest between exercises, for the whole routine."""

    changed = Signal(str, object)
    """(field, new value)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.get_ready = _seconds_box(1, _REST_MAX_S, self.tr("Get ready"))
        self.switch_legs = _seconds_box(1, _REST_MAX_S, self.tr("Switch legs"))
        self.rest = _seconds_box(0, _REST_MAX_S, self.tr("Rest between exercises"))
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Get ready"), self.get_ready)
        form.addRow(self.tr("Switch legs"), self.switch_legs)
        form.addRow(self.tr("Rest between exercises"), self.rest)
        for key, box in (
            ("get_ready", self.get_ready),
            ("switch_legs", self.switch_legs),
            ("rest", self.rest),
        ):
            box.valueChanged.connect(lambda v, key=key: self.changed.emit(key, v))

    def show_values(self, get_ready: int, switch_legs: int, rest: int) -> None:
        """Show the routine's values (without saying they changed)."""
        for box, value in (
            (self.get_ready, get_ready),
            (self.switch_legs, switch_legs),
            (self.rest, rest),
        ):
            box.blockSignals(True)
            box.setValue(value)
            box.blockSignals(False)


class Snapshot(QUndoCommand):
    """One change: the draft before and after; typing in one box merges into one step."""

    def __init__(
        self,
        show: Callable[[RoutineDraft], None],
        before: RoutineDraft,
        after: RoutineDraft,
        text: str,
        key: str,
    ) -> None:
        super().__init__(text)
        self.show, self.before, self.after, self.key = show, before, after, key

    def id(self) -> int:
        """Commands with a key merge with the one before of the same key."""
        return (hash(self.key) & 0x7FFFFFFF) if self.key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Keep one undo step for a run of changes to the same value."""
        if not isinstance(other, Snapshot) or other.key != self.key:
            return False
        self.after = other.after
        return True

    def redo(self) -> None:
        """Show the draft after the change."""
        self.show(self.after)

    def undo(self) -> None:
        """Show the draft before the change."""
        self.show(self.before)
