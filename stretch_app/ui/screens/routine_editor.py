"""The routine editor: build or change a routine, try it, and save it to the person's folder.

Every change is a snapshot of the :class:`RoutineDraft` on a ``QUndoStack``; the problems shown
come from the same models as ``stretch-app validate``, and saving keeps the file's comments.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import QAbstractSpinBox, QWidget

from stretch_app.core.model import Exercise, format_duration
from stretch_app.core.routine_draft import (
    RoutineDraft,
    StepDraft,
    check_draft,
    draft_to_text,
    new_routine_id,
)
from stretch_app.core.session import routine_duration
from stretch_app.core.userfile import write_atomically
from stretch_app.ui.screens.editor_dialogs import (
    ExercisePickerDialog,
    FileChangedDialog,
    UnsavedAnswer,
    UnsavedChangesDialog,
)
from stretch_app.ui.screens.editor_file import EditorFile, WatchedFile
from stretch_app.ui.screens.editor_parts import (
    Snapshot,
    field_text,
    problem_text,
    short_sides_text,
)
from stretch_app.ui.screens.editor_view import EditorView
from stretch_app.ui.screens.reminders_dialog import RemindersDialog

__all__ = ["EditorFile", "RoutineEditor"]

_PLACEHOLDER_ID = "new-routine"


class RoutineEditor(EditorView):
    """Name, steps, timings and reminders of one routine, with Undo/Redo, Try it and Save."""

    saved = Signal(str)
    """(routine id) the file was written."""
    closed = Signal()
    try_requested = Signal(object)
    """(Routine) play the routine as it is now, saved or not."""
    restore_requested = Signal(object)
    """(Path) remove the person's copy so the original shows again."""
    delete_requested = Signal(object)
    """(Path) remove the person's own routine (the app keeps it for Undo)."""
    export_requested = Signal(str)
    """(text) save a copy of the routine's file elsewhere."""

    def __init__(
        self,
        draft: RoutineDraft,
        file: EditorFile,
        exercises: Mapping[str, Exercise],
        picture_for: Callable[[str | None], Path | None],
        own_exercises: Collection[str] = (),
        language: str = "en",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(file.path is None and file.text is None, parent)
        self.setObjectName("routine-editor")
        self.draft = draft
        self.file = file
        self.exercises = exercises
        self._picture_for = picture_for
        self._own = set(own_exercises)
        self._language = language
        self.exercise_maker: Callable[[QWidget], Exercise | None] | None = None
        """Writes a new exercise of the person's own (set by the app)."""
        self.undo_stack = QUndoStack(self)
        self.watched = WatchedFile(self)
        self.watched.changed_outside.connect(self._file_changed)
        self._connect()
        self.watched.watch(file.path, file.text)
        self._show_draft(draft)
        self.undo_stack.cleanChanged.connect(self._clean_changed)

    # --- building -----------------------------------------------------------------------------

    def _connect(self) -> None:
        self.name_edit.textEdited.connect(lambda t: self._change(name=t, key="name"))
        self.step_list.currentRowChanged.connect(self._row_changed)
        self.step_list.order_changed.connect(self._reorder)
        self.step_list.move_requested.connect(self.move_step)
        self.add_button.clicked.connect(self.add_step)
        self.remove_button.clicked.connect(self.remove_step)
        self.up_button.clicked.connect(lambda: self.move_step(self.step_list.currentRow(), -1))
        self.down_button.clicked.connect(lambda: self.move_step(self.step_list.currentRow(), 1))
        self.step_form.changed.connect(self._step_changed)
        self.routine_form.changed.connect(lambda k, v: self._change(key=k, **{k: v}))
        self.reminders_button.clicked.connect(self.edit_reminders)
        self.restore_button.clicked.connect(self._restore)
        self.delete_button.clicked.connect(self._delete)
        self.export_button.clicked.connect(lambda: self.export_requested.emit(self.text_to_save()))
        self.undo_button.clicked.connect(self.undo_stack.undo)
        self.redo_button.clicked.connect(self.undo_stack.redo)
        self.try_button.clicked.connect(self.try_it)
        self.close_button.clicked.connect(self.close_editor)
        self.save_button.clicked.connect(self.save)
        keys: list[tuple[QKeySequence | QKeySequence.StandardKey | str, Callable[[], Any]]] = [
            (QKeySequence.StandardKey.Undo, self.undo_stack.undo),
            (QKeySequence.StandardKey.Redo, self.undo_stack.redo),
            (QKeySequence.StandardKey.Save, self.save),
            ("Escape", self.close_editor),
            ("Insert", self.add_step),
        ]
        # The boxes' own Ctrl+Z would only undo typing; the editor's Undo is what people mean.
        for box in (self.name_edit, *self.findChildren(QAbstractSpinBox)):
            box.installEventFilter(self)
        for key, slot in keys:
            sequences = (
                QKeySequence.keyBindings(key)
                if isinstance(key, QKeySequence.StandardKey)
                else [QKeySequence(key)]
            )
            for sequence in sequences:
                shortcut = QShortcut(sequence, self)
                shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                shortcut.activated.connect(slot)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Let Ctrl+Z and Ctrl+Shift+Z reach the editor's Undo and Redo from any box."""
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and (
                event.matches(QKeySequence.StandardKey.Undo)
                or event.matches(QKeySequence.StandardKey.Redo)
            )
        ):
            event.ignore()
            return True
        return super().eventFilter(watched, event)

    def _row_changed(self, _: int) -> None:
        self._show_current_step()

    def _clean_changed(self, _: bool) -> None:
        self._update_buttons()

    # --- showing ------------------------------------------------------------------------------

    def _exercise_name(self, exercise_id: str) -> str:
        exercise = self.exercises.get(exercise_id)
        return exercise.name if exercise is not None else exercise_id

    def _step_label(self, step: StepDraft) -> str:
        hold = format_duration(step.hold)
        if step.repeat > 1:
            hold = f"{step.repeat} × {hold}"
        name = self._exercise_name(step.exercise)
        return f"{name} · {hold} · {short_sides_text(step.sides)}"

    def _show_draft(self, draft: RoutineDraft) -> None:
        row = self.step_list.currentRow()
        self.draft = draft
        if self.name_edit.text() != draft.name:
            self.name_edit.setText(draft.name)
        self.step_list.show_steps([self._step_label(s) for s in draft.steps], max(row, 0))
        self.routine_form.show_values(draft.get_ready, draft.switch_legs, draft.rest)
        self._show_current_step()
        self._check()
        self._update_buttons()

    def _show_current_step(self) -> None:
        row = self.step_list.currentRow()
        step = self.draft.steps[row] if 0 <= row < len(self.draft.steps) else None
        self.step_form.show_step(step, self._exercise_name(step.exercise) if step else "")
        self._update_buttons()

    def _checked(self) -> tuple[Any, list[tuple[str, str]]]:
        draft = self.draft if self.draft.id else replace(self.draft, id=_PLACEHOLDER_ID)
        routine, problems = check_draft(draft, self.exercises.keys())
        if not self.draft.steps:
            problems = [("steps", self.tr("add at least one exercise"))]
        return routine, problems

    def _check(self) -> None:
        routine, problems = self._checked()
        if routine is not None:
            length = format_duration(routine_duration(routine, self.exercises))
            self.total_label.setText(self.tr("{0} in all").format(length))
        else:
            self.total_label.setText("")
        self.problems_label.setText(
            "\n".join(f"{field_text(f)}: {problem_text(m)}" for f, m in problems)
        )
        self.problems_label.setVisible(bool(problems))

    def _update_buttons(self) -> None:
        row = self.step_list.currentRow()
        count = len(self.draft.steps)
        self.remove_button.setEnabled(0 <= row < count)
        self.up_button.setEnabled(0 < row < count)
        self.down_button.setEnabled(0 <= row < count - 1)
        self.undo_button.setEnabled(self.undo_stack.canUndo())
        self.redo_button.setEnabled(self.undo_stack.canRedo())
        self.try_button.setEnabled(bool(self.draft.steps))
        exists = self.file.path is not None and self.file.path.exists()
        self.restore_button.setVisible(self.file.has_original and exists)
        self.delete_button.setVisible(not self.file.has_original and exists)
        self.save_button.setEnabled(not self.undo_stack.isClean() or self.file.path is None)

    # --- changing -----------------------------------------------------------------------------

    def _push(self, after: RoutineDraft, text: str, key: str = "") -> None:
        if after != self.draft:
            self.undo_stack.push(Snapshot(self._show_draft, self.draft, after, text, key))

    def _change(self, key: str = "", **changes: Any) -> None:
        self._push(replace(self.draft, **changes), self.tr("Change {0}").format(key), key)

    def _step_changed(self, key: str, value: object) -> None:
        row = self.step_list.currentRow()
        if 0 <= row < len(self.draft.steps):
            after = self.draft.with_step(row, **{key: value})
            self._push(after, self.tr("Change {0}").format(key), f"step-{row}-{key}")

    def add_step(self) -> None:
        """Insert/Add exercise…: choose from the catalog; the new step comes after the chosen."""
        make = self._make_exercise if self.exercise_maker is not None else None
        exercise_id = ExercisePickerDialog.ask(
            self, self.exercises, self._picture_for, self._own, make
        )
        if exercise_id is None:
            return
        exercise = self.exercises[exercise_id]
        hold = min(max(exercise.hold, 5), 300)
        step = StepDraft(exercise_id, hold, "each" if exercise.per_side else "both")
        row = self.step_list.currentRow() + 1 if self.draft.steps else 0
        steps = (*self.draft.steps[:row], step, *self.draft.steps[row:])
        self._push(replace(self.draft, steps=steps), self.tr("Add {0}").format(exercise.name))
        self.step_list.setCurrentRow(row)

    def _make_exercise(self) -> Exercise | None:
        made = self.exercise_maker(self) if self.exercise_maker is not None else None
        if made is not None:
            self.exercises = {**self.exercises, made.id: made}
            self._own.add(made.id)
        return made

    def remove_step(self) -> None:
        """Remove the chosen step."""
        row = self.step_list.currentRow()
        if 0 <= row < len(self.draft.steps):
            steps = self.draft.steps[:row] + self.draft.steps[row + 1 :]
            self._push(replace(self.draft, steps=steps), self.tr("Remove step"))

    def move_step(self, row: int, delta: int) -> None:
        """Move a step up (-1) or down (+1)."""
        target = row + delta
        if not (0 <= row < len(self.draft.steps) and 0 <= target < len(self.draft.steps)):
            return
        steps = list(self.draft.steps)
        steps[row], steps[target] = steps[target], steps[row]
        self._push(replace(self.draft, steps=tuple(steps)), self.tr("Move step"))
        self.step_list.setCurrentRow(target)

    def _reorder(self, order: list[int]) -> None:
        steps = tuple(self.draft.steps[i] for i in order)
        self._push(replace(self.draft, steps=steps), self.tr("Move step"))

    def edit_reminders(self) -> None:
        """Reminders…: the same dialog as on the main screen, for this routine's file."""
        routine, _ = self._checked()
        if routine is None:
            return
        chosen = RemindersDialog.ask(routine, self.draft.reminders, self)
        if chosen is not None:
            self._change(reminders=tuple(chosen), key="")

    # --- files --------------------------------------------------------------------------------

    @property
    def is_dirty(self) -> bool:
        """True while there are changes not saved."""
        return not self.undo_stack.isClean()

    def text_to_save(self) -> str:
        """The routine file as Save would write it."""
        return draft_to_text(self.draft, self.file.text, self._language)

    def save(self) -> bool:
        """Write the routine to the person's folder (atomically); False if it has problems."""
        routine, problems = self._checked()
        if routine is None or problems:
            self.problems_label.setFocus()
            return False
        if not self.draft.id:
            new_id = new_routine_id(self.draft.name, self.file.taken_ids)
            self.draft = replace(self.draft, id=new_id)
        path = self.file.path or self.file.user_dir / f"{self.draft.id}.toml"
        text = self.text_to_save()
        try:
            write_atomically(path, text.encode("utf-8"))
        except OSError as exc:
            self.problems_label.setText(self.tr("Could not save {0}: {1}").format(path, exc))
            self.problems_label.show()
            return False
        self.file = replace(self.file, path=path)
        self.watched.watch(path, text)
        self.undo_stack.setClean()
        self._update_buttons()
        self.saved.emit(self.draft.id)
        return True

    def try_it(self) -> None:
        """Play the routine as it is now, without saving."""
        routine, _ = self._checked()
        if routine is not None:
            self.try_requested.emit(routine)

    def close_editor(self) -> bool:
        """Close (Esc); changes not saved are asked about first. False if the person stays."""
        if self.is_dirty:
            answer = UnsavedChangesDialog.ask(self, self.draft.name or self.tr("this routine"))
            if answer is UnsavedAnswer.CANCEL or (answer is UnsavedAnswer.SAVE and not self.save()):
                return False
        self.watched.stop()
        self.closed.emit()
        return True

    def _restore(self) -> None:
        if self.file.path is not None:
            self.undo_stack.setClean()
            self.restore_requested.emit(self.file.path)

    def _delete(self) -> None:
        if self.file.path is not None:
            self.undo_stack.setClean()
            self.delete_requested.emit(self.file.path)

    def _file_changed(self, text: str) -> None:
        if self.file.path is not None and FileChangedDialog.ask(self, self.file.path):
            self.reload(text)

    def reload(self, text: str) -> None:
        """Take the file as it is on disk now (after it changed outside)."""
        import tomllib

        from stretch_app.core.model import Routine
        from stretch_app.core.routine_draft import draft_from_routine

        try:
            routine = Routine.model_validate(tomllib.loads(text))
        except ValueError as exc:
            self.problems_label.setText(self.tr("The file cannot be loaded: {0}").format(exc))
            self.problems_label.show()
            return
        self.file = replace(self.file, text=text)
        self.undo_stack.clear()
        self._show_draft(draft_from_routine(routine, self.exercises))

    def closeEvent(self, event: QCloseEvent) -> None:
        """Stop watching the file."""
        self.watched.stop()
        super().closeEvent(event)
