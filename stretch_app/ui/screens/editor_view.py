"""The routine editor's widgets and layout; :mod:`routine_editor` gives them their behaviour."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from stretch_app.ui.screens.editor_parts import RoutineForm, StepForm, StepList
from stretch_app.ui.widgets.buttons import BigButton, ButtonRow

__all__ = ["EditorView"]


class EditorView(QWidget):
    """Name, steps, the chosen step's form, the routine's timings, and the buttons."""

    def __init__(self, new: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel(self.tr("New routine") if new else self.tr("Edit routine"))
        self.heading.setProperty("role", "title")
        self.heading.setWordWrap(True)
        self.total_label = QLabel()
        self.total_label.setProperty("role", "muted")
        self.name_edit = QLineEdit()
        self.name_edit.setAccessibleName(self.tr("Routine name"))
        self.name_edit.setPlaceholderText(self.tr("Name of the routine"))
        self.name_edit.setMaxLength(80)
        name_label = QLabel(self.tr("Name"))
        name_label.setBuddy(self.name_edit)

        self.step_list = StepList()
        self.add_button = BigButton(
            self.tr("Add exercise…"),
            description=self.tr("Choose an exercise from the catalog (Insert)"),
        )
        self.remove_button = BigButton(self.tr("Remove"), accessible_name=self.tr("Remove step"))
        self.up_button = BigButton("↑", accessible_name=self.tr("Move step up"))
        self.up_button.setToolTip(self.tr("Move step up (Alt+Up)"))
        self.down_button = BigButton("↓", accessible_name=self.tr("Move step down"))
        self.down_button.setToolTip(self.tr("Move step down (Alt+Down)"))
        # Two rows rather than a list column wider than the window (largest text, German).
        list_tools = ButtonRow(
            (self.add_button, self.remove_button, self.up_button, self.down_button)
        )

        self.step_form = StepForm()
        self.routine_form = RoutineForm()
        self.reminders_button = BigButton(
            self.tr("Reminders…"), description=self.tr("When to be reminded of this routine")
        )
        self.restore_button = BigButton(
            self.tr("Restore the original"),
            description=self.tr("Remove your changes and use the routine as it came"),
        )
        self.delete_button = BigButton(self.tr("Delete routine"))
        self.export_button = BigButton(self.tr("Export…"))
        whole = QLabel(self.tr("The whole routine"))
        whole.setProperty("role", "muted")

        left = QVBoxLayout()
        left.addWidget(self.step_list, 1)
        left.addWidget(list_tools)
        right = QVBoxLayout()
        right.addWidget(self.step_form)
        right.addWidget(whole)
        right.addWidget(self.routine_form)
        right.addWidget(self.reminders_button)
        right.addWidget(self.export_button)
        right.addWidget(self.restore_button)
        right.addWidget(self.delete_button)
        right.addStretch(1)
        body_box = QWidget()
        # Side by side on a wide screen; the form under the list on a small one (see resize).
        self._body = QBoxLayout(QBoxLayout.Direction.LeftToRight, body_box)
        self._body.setContentsMargins(0, 0, 12, 0)
        self._body.setSpacing(18)
        self._body.addLayout(left, 1)
        self._body.addLayout(right, 1)
        self._sides = (left, right)
        self._scroll = scroll = QScrollArea()
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body_box)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        self.problems_label = QLabel()
        self.problems_label.setProperty("role", "notice")
        self.problems_label.setWordWrap(True)
        self.problems_label.setTextFormat(Qt.TextFormat.PlainText)
        self.undo_button = BigButton(
            "↶", accessible_name=self.tr("Undo"), description=self.tr("Undo (Ctrl+Z)")
        )
        self.redo_button = BigButton(
            "↷", accessible_name=self.tr("Redo"), description=self.tr("Redo (Ctrl+Shift+Z)")
        )
        self.try_button = BigButton(
            self.tr("Try it"), description=self.tr("Play the routine as it is now")
        )
        self.close_button = BigButton(self.tr("Close"), description=self.tr("Back (Esc)"))
        self.save_button = BigButton(self.tr("Save"), role="primary")
        bottom = QHBoxLayout()
        bottom.addWidget(self.try_button)
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)
        bottom.addWidget(self.save_button)

        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.total_label)
        top.addWidget(self.undo_button)
        top.addWidget(self.redo_button)
        name_row = QHBoxLayout()
        name_row.addWidget(name_label)
        name_row.addWidget(self.name_edit, 1)
        self._outer = layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addLayout(name_row)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.problems_label)
        layout.addLayout(bottom)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Steps and form side by side when there is room for both, else one under the other."""
        left, right = self._sides
        beside = left.minimumSize().width() + right.minimumSize().width() + self._body.spacing()
        margins = self._outer.contentsMargins()
        room = event.size().width() - margins.left() - margins.right() - 12
        room -= self._scroll.verticalScrollBar().sizeHint().width()
        wide = event.size().width() >= 1300 and beside <= room  # never scroll sideways
        self._body.setDirection(
            QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        )
        self.step_list.setMinimumHeight(0 if wide else self.fontMetrics().height() * 8)
        super().resizeEvent(event)
