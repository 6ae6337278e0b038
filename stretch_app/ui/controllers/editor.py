"""The routine editor, wired: open it from the main screen, save, try, restore, delete, import.

The composition root owns one :class:`EditorFlow`, gives it the window to show screens in and a
reader of the library, and hears back by signals: :attr:`EditorFlow.library_changed` (read the
routine files again), :attr:`EditorFlow.try_requested` (play a routine as a trial) and
:attr:`EditorFlow.home_requested`. A bundled routine is never changed in place: the editor saves
the person's copy (same id) in their routines folder.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from stretch_app import paths
from stretch_app.core.library import Library, read_routine_file
from stretch_app.core.model import Catalog, Exercise, Reminder, Routine
from stretch_app.core.tomlfile import FileProblem, read_text
from stretch_app.core.user_routines import (
    DeletedFile,
    delete_file,
    editable_path,
    import_routine,
)
from stretch_app.core.userfile import write_atomically
from stretch_app.ui.controllers.ports import ScreenHost
from stretch_app.ui.widgets.ask import ConfirmDialog, SaveFileDialog

if TYPE_CHECKING:  # the editor's screens are imported when it first opens
    from stretch_app.ui.screens.routine_editor import RoutineEditor

__all__ = ["EditorFlow"]

log = logging.getLogger(__name__)


class EditorFlow(QObject):
    """Opens the editor on a routine or a new one, and carries out what it asks."""

    library_changed = Signal()
    """A routine file was saved, restored, deleted or imported: read the files again."""
    try_requested = Signal(object)
    """Play this :class:`~stretch_app.core.model.Routine` as a trial, then come back here."""
    home_requested = Signal()
    """The editor was closed: back to the routines."""
    routine_saved = Signal(str)
    """(routine id) its file was saved, reminders included: the file's reminders are the ones."""

    def __init__(
        self,
        host: ScreenHost,
        *,
        library: Callable[[], Library],
        language: str,
        reminders_in_use: Callable[[str], tuple[Reminder, ...] | None] = lambda _: None,
        dialog_parent: QWidget | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.host = host
        self._reminders_in_use = reminders_in_use
        """The reminders chosen on the routine's card, when they stand in for the file's."""
        self.dialog_parent = dialog_parent
        """What the file chooser opens over (the home screen)."""
        self._library = library
        self.language = language
        self.editor: RoutineEditor | None = None
        self.deleted: DeletedFile | None = None

    def _own_exercises(self) -> set[str]:
        user_dir = paths.user_routines_dir()
        return {k for k, p in self._exercise_sources().items() if p.parent == user_dir}

    def _exercise_sources(self) -> dict[str, Path]:
        found: dict[str, Path] = {}
        for folder in (paths.bundled_routines_dir(), paths.user_routines_dir()):
            for path in sorted(folder.glob("*.toml")) if folder.is_dir() else []:
                result, _, _ = read_routine_file(path)
                if isinstance(result, Catalog):
                    found.update({e.id: path for e in result.exercises})
        return found

    def open(self, routine_id: str | None) -> RoutineEditor | None:
        """Show the editor on a routine (by id), or on a new one when ``routine_id`` is None."""
        from stretch_app.core.routine_draft import RoutineDraft, draft_from_routine
        from stretch_app.ui.screens.editor_file import EditorFile
        from stretch_app.ui.screens.routine_editor import RoutineEditor

        library = self._library()
        user_dir = paths.user_routines_dir()
        taken = frozenset(library.routines)
        if routine_id is None:
            draft = RoutineDraft(id="", name="")
            file = EditorFile(None, None, user_dir, taken)
        else:
            source = library.sources.get(routine_id)
            if source is None:
                return None
            raw, _, _ = read_routine_file(source)
            if not isinstance(raw, Routine):
                return None
            shown = library.routines[routine_id].name
            draft = draft_from_routine(raw, library.exercises, name=shown)
            chosen = self._reminders_in_use(routine_id)
            if chosen is not None:  # the editor shows, and saves, the reminders that ring
                draft = replace(draft, reminders=chosen)
            has_original = source.parent != user_dir or _bundled_has(routine_id)
            try:
                text = read_text(source)
            except FileProblem:
                return None
            path = editable_path(routine_id, source, user_dir)
            file = EditorFile(path, text, user_dir, taken, has_original)
        editor = RoutineEditor(
            draft,
            file,
            library.exercises,
            paths.resolve_picture,
            self._own_exercises(),
            self.language,
        )
        editor.exercise_maker = self.make_exercise
        editor.saved.connect(self._saved)
        editor.closed.connect(lambda: self._closed(editor))
        editor.try_requested.connect(self.try_requested)
        editor.restore_requested.connect(lambda path: self.restore(path, editor))
        editor.delete_requested.connect(lambda path: self.delete(path, editor))
        editor.export_requested.connect(lambda text: self.export(text, editor))
        self.editor = editor
        title = draft.name or self.tr("New routine")
        self.host.show_screen(editor, title)
        editor.name_edit.setFocus()
        return editor

    def _saved(self, routine_id: str) -> None:
        self.routine_saved.emit(routine_id)
        self.library_changed.emit()

    def make_exercise(self, parent: QWidget) -> Exercise | None:
        """Write an exercise of one's own into the person's catalog file."""
        from stretch_app.ui.screens.exercise_dialog import ExerciseDialog

        made = ExerciseDialog.ask(parent, paths.user_routines_dir(), set(self._library().exercises))
        if made is not None:
            self.library_changed.emit()
        return made

    def _closed(self, editor: RoutineEditor) -> None:
        if self.editor is editor:
            self.editor = None
        self.home_requested.emit()

    def show_editor(self) -> None:
        """Show the open editor again (after "Try it" ended); nothing when none is open."""
        if self.editor is not None:
            self.host.show_screen(self.editor, self.editor.draft.name)

    def restore(self, path: Path, editor: RoutineEditor) -> None:
        """Remove the person's copy of a bundled routine: the original shows again."""
        question = self.tr("Remove your changes and go back to the original routine?")
        if not ConfirmDialog.ask(editor, self.tr("Restore the original"), question):
            return
        try:
            path.unlink(missing_ok=True)
        except OSError as exc:
            editor.problems_label.setText(str(exc))
            editor.problems_label.show()
            return
        self.library_changed.emit()
        editor.close_editor()

    def delete(self, path: Path, editor: RoutineEditor) -> None:
        """Delete one of the person's routines; the main screen offers Undo."""
        name = editor.draft.name
        if not ConfirmDialog.ask(
            editor, self.tr("Delete routine"), self.tr("Delete {0}?").format(name)
        ):
            return
        try:
            self.deleted = delete_file(path)
        except (OSError, FileProblem) as exc:
            editor.problems_label.setText(str(exc))
            editor.problems_label.show()
            return
        self.library_changed.emit()
        editor.close_editor()
        self.host.show_notice(self.tr("{0} was deleted.").format(name), undo=True)

    def undo_delete(self) -> None:
        """Put the routine deleted last back."""
        if self.deleted is None:
            return
        try:
            self.deleted.restore()
        except OSError as exc:
            self.host.show_notice(str(exc))
            return
        self.deleted = None
        self.library_changed.emit()
        self.host.show_notice("")

    def export(self, text: str, editor: RoutineEditor) -> None:
        """Save a copy of the routine's file where the person chooses."""
        suggested = Path.home() / f"{editor.draft.id or 'routine'}.toml"
        target = SaveFileDialog.ask(
            editor, self.tr("Export routine"), suggested, self.tr("Routine files (*.toml)")
        )
        if target is None:
            return
        try:
            write_atomically(target, text.encode("utf-8"))  # a failed export keeps the old file
        except OSError as exc:
            editor.problems_label.setText(
                self.tr("Could not save {0}: {1}").format(target, exc.strerror)
            )
            editor.problems_label.show()

    def import_file(self, source: Path | None) -> Routine | None:
        """Check a routine file and copy it into the person's folder; None if it was refused."""
        from stretch_app.ui.screens.editor_dialogs import OpenFileDialog

        home = self.host
        if source is None:
            source = OpenFileDialog.ask(
                self.dialog_parent, self.tr("Import a routine"), self.tr("Routine files (*.toml)")
            )
            if source is None:
                return None
        folders = [paths.bundled_routines_dir(), paths.user_routines_dir()]
        try:
            result = import_routine(source, paths.user_routines_dir(), folders)
        except OSError as exc:
            home.show_notice(self.tr("Could not import {0}: {1}").format(source, exc.strerror))
            return None
        if result.routine is None:
            home.show_notice(
                self.tr("{0} was not imported:").format(source.name)
                + "\n"
                + "\n".join(result.problems[:5])
            )
            return None
        self.library_changed.emit()
        home.show_notice(self.tr("Imported {0}.").format(result.routine.name))
        return result.routine


def _bundled_has(routine_id: str) -> bool:
    """True if a bundled file has this routine id (so the person's file is a copy of it)."""
    for path in sorted(paths.bundled_routines_dir().glob("*.toml")):
        result, _, _ = read_routine_file(path)
        if isinstance(result, Routine) and result.id == routine_id:
            return True
    return False
