"""The questions the routine editor asks, each a ``classmethod ask`` that tests replace."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from stretch_app.core.model import Exercise
from stretch_app.ui.widgets.buttons import BigButton
from stretch_app.ui.widgets.picture import ExercisePicture

__all__ = [
    "ExercisePickerDialog",
    "FileChangedDialog",
    "OpenFileDialog",
    "UnsavedAnswer",
    "UnsavedChangesDialog",
]


class UnsavedAnswer(StrEnum):
    """What to do with changes not yet saved."""

    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


class UnsavedChangesDialog:
    """Leaving the editor with changes not saved; tests replace :meth:`ask`."""

    @classmethod
    def ask(cls, parent: QWidget | None, name: str) -> UnsavedAnswer:
        """Save, discard, or stay."""
        box = QMessageBox(parent)
        box.setWindowTitle(QCoreApplication.translate("RoutineEditor", "Unsaved changes"))
        box.setText(
            QCoreApplication.translate("RoutineEditor", "Save the changes to {0}?").format(name)
        )
        box.setStandardButtons(
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel
        )
        answer = box.exec()
        if answer == QMessageBox.StandardButton.Save:
            return UnsavedAnswer.SAVE
        if answer == QMessageBox.StandardButton.Discard:
            return UnsavedAnswer.DISCARD
        return UnsavedAnswer.CANCEL


class FileChangedDialog:
    """The file changed on disk while the editor had it open; tests replace :meth:`ask`."""

    @classmethod
    def ask(cls, parent: QWidget | None, path: Path) -> bool:
        """True to load the file as it is now, False to keep the editor's version."""
        box = QMessageBox(parent)
        box.setWindowTitle(QCoreApplication.translate("RoutineEditor", "The file changed"))
        box.setText(
            QCoreApplication.translate(
                "RoutineEditor", "{0} was changed outside Nightstretch. Load it as it is now?"
            ).format(path.name)
        )
        load = box.addButton(
            QCoreApplication.translate("RoutineEditor", "Load the file"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        box.addButton(
            QCoreApplication.translate("RoutineEditor", "Keep my version"),
            QMessageBox.ButtonRole.RejectRole,
        )
        box.exec()
        return box.clickedButton() is load


class OpenFileDialog:
    """Which routine file to import; tests replace :meth:`ask`."""

    @classmethod
    def ask(cls, parent: QWidget | None, caption: str, filter_: str) -> Path | None:
        """The file chosen, or None."""
        name, _ = QFileDialog.getOpenFileName(parent, caption, str(Path.home()), filter_)
        return Path(name) if name else None


class ExercisePickerDialog(QDialog):
    """Choose an exercise from the catalog, seeing its picture and how-to first."""

    def __init__(
        self,
        exercises: Mapping[str, Exercise],
        picture_for: Callable[[str | None], Path | None],
        own: set[str],
        parent: QWidget | None = None,
        make: Callable[[], Exercise | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exercise-picker")
        self.setWindowTitle(self.tr("Add an exercise") + " — Nightstretch")
        self._exercises = dict(exercises)
        self._picture_for = picture_for
        self._make = make
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Exercises"))
        for exercise in sorted(exercises.values(), key=lambda e: e.name.lower()):
            self._add_item(exercise, exercise.id in own)
        self.picture = ExercisePicture()
        self.picture.setMinimumSize(160, 160)
        self.how_to = QLabel()
        self.how_to.setWordWrap(True)
        self.how_to.setTextFormat(Qt.TextFormat.PlainText)
        self.list.currentRowChanged.connect(self._show)
        self.list.itemActivated.connect(lambda _: self.accept())
        self.add_button = BigButton(self.tr("Add"), role="primary")
        self.add_button.clicked.connect(self.accept)
        cancel = BigButton(self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        self.new_button = BigButton(
            self.tr("New exercise…"), description=self.tr("Write an exercise of your own")
        )
        self.new_button.clicked.connect(self.new_exercise)
        self.new_button.setVisible(make is not None)
        how_to_area = QScrollArea()  # a long how-to at the largest text scrolls, never cut
        how_to_area.setWidget(self.how_to)
        how_to_area.setWidgetResizable(True)
        how_to_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        how_to_area.setFrameShape(QFrame.Shape.NoFrame)
        preview = QVBoxLayout()
        preview.addWidget(self.picture, 1)
        preview.addWidget(how_to_area, 1)
        body = QHBoxLayout()
        body.addWidget(self.list, 1)
        body.addLayout(preview, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addLayout(buttons)
        self.list.setCurrentRow(0)
        self.list.setFocus()

    def _add_item(self, exercise: Exercise, own: bool) -> QListWidgetItem:
        text = self.tr("{0} (yours)").format(exercise.name) if own else exercise.name
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, exercise.id)
        self.list.addItem(item)
        return item

    def new_exercise(self) -> None:
        """Write an exercise of one's own; once saved it is the one added."""
        exercise = self._make() if self._make is not None else None
        if exercise is None:
            return
        self._exercises[exercise.id] = exercise
        self.list.setCurrentItem(self._add_item(exercise, own=True))
        self.accept()

    def _show(self, row: int) -> None:
        exercise = self._exercises.get(self.chosen() or "")
        if exercise is None:
            return
        self.picture.show_picture(self._picture_for(exercise.picture))
        self.how_to.setText("\n".join(f"• {line}" for line in exercise.how_to))

    def chosen(self) -> str | None:
        """The id of the exercise selected."""
        item = self.list.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        exercises: Mapping[str, Exercise],
        picture_for: Callable[[str | None], Path | None],
        own: set[str],
        make: Callable[[], Exercise | None] | None = None,
    ) -> str | None:
        """The exercise chosen, or None if the person cancelled."""
        dialog = cls(exercises, picture_for, own, parent, make)
        try:
            return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
