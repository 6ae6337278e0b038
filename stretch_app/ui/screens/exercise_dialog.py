"""A new exercise of the person's own: name, muscle, how-to lines, per side, and a picture."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from stretch_app.core.model import Exercise
from stretch_app.core.user_catalog import ExerciseInput, ExerciseProblems, add_exercise
from stretch_app.ui.screens.editor_dialogs import OpenFileDialog
from stretch_app.ui.widgets.buttons import BigButton
from stretch_app.ui.widgets.picture import ExercisePicture

__all__ = ["ExerciseDialog"]


class ExerciseDialog(QDialog):
    """Write an exercise of one's own; Save adds it to the person's catalog file."""

    def __init__(
        self, user_dir: Path, taken: Collection[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exercise-dialog")
        self.setWindowTitle(self.tr("Your own exercise") + " — Nightstretch")
        self._user_dir = user_dir
        self._taken = taken
        self.picture_path: Path | None = None
        self.exercise: Exercise | None = None
        hint = QLabel(
            self.tr("Your words are shown and spoken as you write them, marked as your own.")
        )
        hint.setProperty("role", "muted")
        hint.setWordWrap(True)
        self.name_edit = QLineEdit()
        self.name_edit.setAccessibleName(self.tr("Exercise name"))
        self.name_edit.setMaxLength(80)
        self.muscle_edit = QLineEdit()
        self.muscle_edit.setAccessibleName(self.tr("Muscle"))
        self.muscle_edit.setMaxLength(80)
        self.how_to_edit = QPlainTextEdit()
        self.how_to_edit.setAccessibleName(self.tr("How to do it, one step a line"))
        self.how_to_edit.setTabChangesFocus(True)
        self.per_side_box = QCheckBox(self.tr("One leg at a time"))
        self.per_side_box.setChecked(True)
        self.picture = ExercisePicture()
        self.picture.setMinimumSize(120, 120)
        self.picture_button = BigButton(
            self.tr("Choose a picture…"), description=self.tr("An SVG or PNG file (optional)")
        )
        self.picture_button.clicked.connect(self.choose_picture)
        self.problems_label = QLabel()
        self.problems_label.setProperty("role", "notice")
        self.problems_label.setWordWrap(True)
        self.problems_label.setTextFormat(Qt.TextFormat.PlainText)
        self.problems_label.hide()
        self.save_button = BigButton(self.tr("Save"), role="primary")
        self.save_button.clicked.connect(self.save)
        cancel = BigButton(self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name_edit)
        form.addRow(self.tr("Muscle"), self.muscle_edit)
        form.addRow(self.tr("How to do it (one step a line)"), self.how_to_edit)
        form.addRow("", self.per_side_box)
        picture_row = QHBoxLayout()
        picture_row.addWidget(self.picture_button)
        picture_row.addWidget(self.picture, 1)
        form.addRow(self.tr("Picture"), picture_row)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(form, 1)
        layout.addWidget(self.problems_label)
        layout.addLayout(buttons)
        self.name_edit.setFocus()

    def choose_picture(self) -> None:
        """Pick an SVG or PNG from disk; it is copied in when the exercise is saved."""
        path = OpenFileDialog.ask(
            self, self.tr("Choose a picture"), self.tr("Pictures (*.svg *.png)")
        )
        if path is not None:
            self.picture_path = path
            self.picture.show_picture(path)

    def save(self) -> None:
        """Check and save; problems are shown here, in the words ``validate`` uses."""
        given = ExerciseInput(
            name=self.name_edit.text(),
            muscle=self.muscle_edit.text(),
            how_to=tuple(self.how_to_edit.toPlainText().splitlines()),
            per_side=self.per_side_box.isChecked(),
            picture=self.picture_path,
        )
        try:
            self.exercise = add_exercise(given, self._user_dir, self._taken)
        except ExerciseProblems as exc:
            self.problems_label.setText("\n".join(f"{f}: {m}" for f, m in exc.problems))
            self.problems_label.show()
            return
        except OSError as exc:
            self.problems_label.setText(str(exc))
            self.problems_label.show()
            return
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, user_dir: Path, taken: Collection[str]) -> Exercise | None:
        """The exercise written and saved, or None if the person cancelled."""
        dialog = cls(user_dir, taken, parent)
        try:
            return dialog.exercise if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
