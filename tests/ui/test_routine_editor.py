"""The routine editor, driven the way a person does: keyboard only, through the real app."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from stretch_app import paths
from stretch_app.core.clock import FakeClock
from stretch_app.core.library import load_library
from stretch_app.core.session import routine_duration
from stretch_app.ui.app import NightstretchApp
from stretch_app.ui.i18n import install_translator
from stretch_app.ui.screens import routine_editor
from stretch_app.ui.screens.editor_dialogs import (
    ExercisePickerDialog,
    FileChangedDialog,
    UnsavedAnswer,
    UnsavedChangesDialog,
)
from stretch_app.ui.screens.editor_parts import field_text, problem_text
from stretch_app.ui.screens.routine_editor import RoutineEditor
from stretch_app.ui.widgets.ask import ConfirmDialog
from tests.conftest import ROUTINES


@pytest.fixture
def window_size() -> tuple[int, int]:
    return (1280, 800)


@pytest.fixture
def pick(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The exercises the picker "chooses", in order (the real dialog is tested on its own)."""
    choices: list[str] = []
    monkeypatch.setattr(
        ExercisePickerDialog, "ask", classmethod(lambda cls, *a, **k: choices.pop(0))
    )
    return choices


def user_dir() -> Path:
    return paths.user_routines_dir()


def key(
    qtbot: QtBot,
    widget: QWidget,
    k: Qt.Key,
    mod: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    qtbot.keyClick(widget, k, mod)


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def tab_to(qtbot: QtBot, editor: RoutineEditor, target: QWidget) -> None:
    """Press Tab until ``target`` has the focus (fails after a full round)."""
    for _ in range(60):
        if focused() is target:
            return
        widget = focused() or editor
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {target.accessibleName()!r}")


def type_number(qtbot: QtBot, box: QWidget, value: int) -> None:
    qtbot.keyClick(box, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(box, str(value))
    qtbot.keyClick(box, Qt.Key.Key_Return)


def test_new_routine_built_with_the_keyboard_only_saves_and_reloads_equal(
    app: NightstretchApp, qtbot: QtBot, pick: list[str]
) -> None:
    home = app.window.home
    assert home.new_routine_button.accessibleName() == "New routine"
    home.new_routine_button.setFocus()
    key(qtbot, home.new_routine_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: app.editor_flow.editor is not None)
    editor = app.editor_flow.editor
    assert editor is not None
    qtbot.waitUntil(lambda: focused() is editor.name_edit)
    qtbot.keyClicks(editor.name_edit, "Physio calves")
    pick += ["calf-stretch", "hamstring-stretch", "quad-stretch"]
    for _ in range(3):
        key(qtbot, focused() or editor, Qt.Key.Key_Insert)
    assert [s.exercise for s in editor.draft.steps] == [
        "calf-stretch",
        "hamstring-stretch",
        "quad-stretch",
    ]
    # Reorder: the quads (chosen, last) up to the top with Alt+Up twice.
    tab_to(qtbot, editor, editor.step_list)
    assert editor.step_list.currentRow() == 2
    key(qtbot, editor.step_list, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    key(qtbot, editor.step_list, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert editor.draft.steps[0].exercise == "quad-stretch"
    # Calf (now second): 10 s, three times, 15 s between.
    key(qtbot, editor.step_list, Qt.Key.Key_Down)
    assert editor.step_list.currentRow() == 1
    tab_to(qtbot, editor, editor.step_form.hold)
    type_number(qtbot, editor.step_form.hold, 10)
    tab_to(qtbot, editor, editor.step_form.repeat)
    type_number(qtbot, editor.step_form.repeat, 3)
    tab_to(qtbot, editor, editor.step_form.rest_between)
    type_number(qtbot, editor.step_form.rest_between, 15)
    calf = editor.draft.steps[1]
    assert (calf.exercise, calf.hold, calf.repeat, calf.rest_between) == ("calf-stretch", 10, 3, 15)
    # Undo the rest-between change, redo it.
    key(qtbot, focused() or editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.draft.steps[1].rest_between == 10
    key(
        qtbot,
        focused() or editor,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert editor.draft.steps[1].rest_between == 15
    assert not editor.problems_label.isVisibleTo(editor)
    key(qtbot, focused() or editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    saved = user_dir() / "physio-calves.toml"
    assert saved.is_file()
    assert not editor.is_dirty
    # The library read from disk has the same routine as the editor showed.
    library = load_library([ROUTINES, user_dir()])
    routine = library.routines["physio-calves"]
    assert routine.name == "Physio calves"
    assert [(s.exercise, s.hold, s.repeat, s.rest_between) for s in routine.steps] == [
        (s.exercise, s.hold, s.repeat, s.rest_between) for s in editor.draft.steps
    ]
    shown = editor.total_label.text()
    from stretch_app.core.model import format_duration

    assert format_duration(routine_duration(routine, library.exercises)) in shown
    # Close; the card is on the main screen; open it again: the same draft.
    key(qtbot, focused() or editor, Qt.Key.Key_Escape)
    assert app.window.current_screen() is home
    card = next(c for c in home.cards if c.routine.id == "physio-calves")
    assert card.edit_button.accessibleName() == "Edit routine Physio calves"
    again = app.editor_flow.open("physio-calves")
    assert again is not None
    assert [(s.exercise, s.hold, s.sides, s.repeat, s.rest_between) for s in again.draft.steps] == [
        (s.exercise, s.hold, s.sides, s.repeat, s.rest_between) for s in editor.draft.steps
    ]
    assert again.draft.name == editor.draft.name


def test_drag_and_drop_order_is_one_undo_step(
    app: NightstretchApp, qtbot: QtBot, pick: list[str]
) -> None:
    editor = app.editor_flow.open(None)
    assert editor is not None
    pick += ["calf-stretch", "hamstring-stretch"]
    editor.add_step()
    editor.add_step()
    editor.step_list.order_changed.emit([1, 0])  # what a drop onto the first row says
    assert [s.exercise for s in editor.draft.steps] == ["hamstring-stretch", "calf-stretch"]
    editor.undo_stack.undo()
    assert [s.exercise for s in editor.draft.steps] == ["calf-stretch", "hamstring-stretch"]
    editor.undo_stack.redo()
    assert [s.exercise for s in editor.draft.steps] == ["hamstring-stretch", "calf-stretch"]


def test_problems_show_inline_in_the_words_of_validate(
    app: NightstretchApp, qtbot: QtBot, pick: list[str]
) -> None:
    editor = app.editor_flow.open(None)
    assert editor is not None
    pick.append("calf-stretch")
    editor.add_step()
    assert "Name: must not be empty" in editor.problems_label.text()
    assert not editor.save()
    assert list(user_dir().glob("*.toml")) == [] if user_dir().is_dir() else True


def test_editing_a_bundled_routine_makes_a_copy_that_takes_its_place_and_restore_removes_it(
    app: NightstretchApp, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundled_text = (ROUTINES / "bedtime.toml").read_text(encoding="utf-8")
    card = next(c for c in app.window.home.cards if c.routine.id == "bedtime")
    qtbot.mouseClick(card.edit_button, Qt.MouseButton.LeftButton)
    editor = app.editor_flow.editor
    assert editor is not None
    assert not editor.restore_button.isVisibleTo(editor)  # nothing to restore yet
    editor.step_list.setCurrentRow(0)
    editor.step_form.hold.setValue(45)
    assert editor.save()
    copy = user_dir() / "bedtime.toml"
    assert copy.is_file()
    assert (ROUTINES / "bedtime.toml").read_text(encoding="utf-8") == bundled_text
    assert app.library.sources["bedtime"] == copy
    assert app.library.routines["bedtime"].steps[0].hold == 45
    assert "# Bedtime leg stretches" in copy.read_text(encoding="utf-8")  # its comments came too
    assert editor.restore_button.isVisibleTo(editor)
    monkeypatch.setattr(ConfirmDialog, "ask", classmethod(lambda cls, *a: True))
    qtbot.mouseClick(editor.restore_button, Qt.MouseButton.LeftButton)
    assert not copy.exists()
    assert app.library.sources["bedtime"] == ROUTINES / "bedtime.toml"
    assert app.library.routines["bedtime"].steps[0].hold == 30
    assert app.window.current_screen() is app.window.home


def test_a_hand_commented_file_edited_in_the_app_keeps_its_comments(
    app: NightstretchApp, qtbot: QtBot
) -> None:
    folder = user_dir()
    folder.mkdir(parents=True, exist_ok=True)
    text = (
        "# Written by hand. Keep this line!\n"
        "schema_version = 1\n"
        'id = "hand"\n'
        'name = "By hand"  # a name I like\n'
        'rest = "20s"       # my physio says 20\n'
        "\n"
        "[[steps]]  # first the calves\n"
        'exercise = "calf-stretch"\n'
        'hold = "30s"\n'
        'note = "Slowly, please."\n'
    )
    (folder / "hand.toml").write_text(text, encoding="utf-8")
    app.reload_library()
    editor = app.editor_flow.open("hand")
    assert editor is not None
    editor.step_list.setCurrentRow(0)
    editor.step_form.repeat.setValue(2)
    assert editor.save()
    saved = (folder / "hand.toml").read_text(encoding="utf-8")
    for comment in (
        "# Written by hand. Keep this line!",
        "# a name I like",
        "# my physio says 20",
        "# first the calves",
    ):
        assert comment in saved
    data = tomllib.loads(saved)
    assert data["steps"][0]["repeat"] == 2
    assert data["steps"][0]["note"] == "Slowly, please."
    assert data["rest"] == "20s"


def test_a_change_made_outside_is_noticed_and_can_be_loaded(
    app: NightstretchApp, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = user_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "outside.toml"
    path.write_text(
        'schema_version = 1\nid = "outside"\nname = "Outside"\n'
        '[[steps]]\nexercise = "calf-stretch"\nhold = "30s"\n',
        encoding="utf-8",
    )
    app.reload_library()
    editor = app.editor_flow.open("outside")
    assert editor is not None
    asked: list[Path] = []
    monkeypatch.setattr(
        FileChangedDialog, "ask", classmethod(lambda cls, parent, p: asked.append(p) or True)
    )
    path.write_text(path.read_text(encoding="utf-8").replace('"30s"', '"50s"'), encoding="utf-8")
    qtbot.waitUntil(lambda: asked == [path])
    assert editor.draft.steps[0].hold == 50
    # Our own save is not "a change made outside".
    editor.step_form.hold.setValue(40)
    assert editor.save()
    editor.step_form.hold.setValue(45)
    path.write_text(path.read_text(encoding="utf-8") + "# touched\n", encoding="utf-8")
    qtbot.waitUntil(lambda: len(asked) == 2)


def test_unsaved_changes_are_guarded(
    app: NightstretchApp, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor = app.editor_flow.open("bedtime")
    assert editor is not None
    editor.step_list.setCurrentRow(0)
    editor.step_form.hold.setValue(40)
    answers = [UnsavedAnswer.CANCEL, UnsavedAnswer.DISCARD]
    monkeypatch.setattr(UnsavedChangesDialog, "ask", classmethod(lambda cls, *a: answers.pop(0)))
    assert not editor.close_editor()
    assert app.window.current_screen() is editor
    assert editor.close_editor()
    assert app.window.current_screen() is app.window.home
    assert not (user_dir() / "bedtime.toml").exists()


def test_try_it_plays_the_unsaved_routine_and_comes_back(
    app: NightstretchApp, qtbot: QtBot, clock: FakeClock
) -> None:
    editor = app.editor_flow.open("bedtime")
    assert editor is not None
    editor.step_list.setCurrentRow(0)
    editor.step_form.repeat.setValue(2)
    qtbot.mouseClick(editor.try_button, Qt.MouseButton.LeftButton)
    player = app.player
    assert player is not None
    assert player.session.routine.steps[0].repeat == 2
    player.stop()
    assert app.window.current_screen() is editor
    assert editor.is_dirty
    assert app.journal is not None
    assert app.journal.sessions() == []  # a try is not a night's routine


def test_delete_own_routine_and_undo(
    app: NightstretchApp, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = user_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "mine.toml"
    path.write_text(
        'schema_version = 1\nid = "mine"\nname = "Mine"\n[[steps]]\nexercise = "calf-stretch"\n',
        encoding="utf-8",
    )
    app.reload_library()
    editor = app.editor_flow.open("mine")
    assert editor is not None
    assert editor.delete_button.isVisibleTo(editor)
    assert not editor.restore_button.isVisibleTo(editor)
    monkeypatch.setattr(ConfirmDialog, "ask", classmethod(lambda cls, *a: True))
    qtbot.mouseClick(editor.delete_button, Qt.MouseButton.LeftButton)
    assert not path.exists() and "mine" not in app.library.routines
    home = app.window.home
    assert home.undo_button.isVisibleTo(home)
    qtbot.mouseClick(home.undo_button, Qt.MouseButton.LeftButton)
    assert path.is_file() and "mine" in app.library.routines


def test_import_checks_then_copies_in(app: NightstretchApp, tmp_path: Path) -> None:
    good = tmp_path / "shared.toml"
    good.write_text(
        'schema_version = 1\nid = "shared"\nname = "Shared"\n'
        '[[steps]]\nexercise = "calf-stretch"\n',
        encoding="utf-8",
    )
    bad = tmp_path / "bad.toml"
    bad.write_text('schema_version = 1\nid = "Bad Id"\n', encoding="utf-8")
    assert app.editor_flow.import_file(bad) is None
    assert "bad.toml:2: id:" in app.window.home.notice_label.text()
    routine = app.editor_flow.import_file(good)
    assert routine is not None and "shared" in app.library.routines
    assert (user_dir() / "shared.toml").read_text(encoding="utf-8") == good.read_text(
        encoding="utf-8"
    )


def test_the_module_is_importable_without_the_app() -> None:
    assert routine_editor.RoutineEditor is RoutineEditor
    assert os.environ["QT_QPA_PLATFORM"].startswith("offscreen")


def test_an_own_exercise_with_a_picture_is_offered_marked_and_plays_as_written(
    app: NightstretchApp, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, clock: FakeClock
) -> None:
    from stretch_app.ui.screens.editor_dialogs import OpenFileDialog
    from stretch_app.ui.screens.exercise_dialog import ExerciseDialog
    from tests.conftest import ASSETS

    picture = ASSETS / "exercises" / "flex-foot.svg"
    monkeypatch.setattr(OpenFileDialog, "ask", classmethod(lambda cls, *a: picture))
    seen: dict[str, object] = {}

    def write_in_dialog(dialog: ExerciseDialog) -> None:
        qtbot.keyClicks(dialog.name_edit, "Towel pull")
        qtbot.keyClicks(dialog.muscle_edit, "Wade")
        dialog.how_to_edit.setPlainText("Handtuch um den Fuß legen.\nSanft ziehen.")
        dialog.per_side_box.setChecked(True)
        dialog.choose_picture()
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    real_exec = ExerciseDialog.exec

    def exec_(self: ExerciseDialog) -> int:
        write_in_dialog(self)
        return 1 if self.exercise is not None else real_exec(self)

    monkeypatch.setattr(ExerciseDialog, "exec", exec_)

    def picker_exec(self: ExercisePickerDialog) -> int:
        seen["own_button"] = self.new_button.isVisibleTo(self)
        self.new_exercise()
        seen["label"] = self.list.currentItem().text()
        return 1

    monkeypatch.setattr(ExercisePickerDialog, "exec", picker_exec)
    editor = app.editor_flow.open(None)
    assert editor is not None
    editor.name_edit.setText("Towels")
    editor._change(name="Towels", key="name")
    editor.add_step()
    assert seen == {"own_button": True, "label": "Towel pull (yours)"}
    assert editor.draft.steps[0].exercise == "my-towel-pull"
    copied = user_dir() / "pictures" / "my-towel-pull.svg"
    assert copied.read_bytes() == picture.read_bytes()
    assert editor.save()
    assert "my-towel-pull" in app.library.exercises
    player = app.start_routine("towels")
    assert player is not None
    clock.advance(5.5)
    player.tick()
    assert player.title_label.text() == "Towel pull"
    assert "Sanft ziehen." in player.howto_label.text()
    assert paths.resolve_picture(app.library.exercises["my-towel-pull"].picture) == copied


def test_a_real_drop_in_the_list_reorders_the_steps(
    app: NightstretchApp, qtbot: QtBot, pick: list[str]
) -> None:
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QDropEvent

    editor = app.editor_flow.open(None)
    assert editor is not None
    pick += ["calf-stretch", "hamstring-stretch", "quad-stretch"]
    for _ in range(3):
        editor.add_step()
    steps = editor.step_list
    steps.setCurrentRow(2)
    data = steps.model().mimeData([steps.currentIndex()])
    target = steps.visualItemRect(steps.item(0)).topLeft() + QPointF(5, 2).toPoint()
    drop = QDropEvent(
        QPointF(target),
        Qt.DropAction.MoveAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    steps.dropEvent(drop)
    assert [s.exercise for s in editor.draft.steps] == [
        "quad-stretch",
        "calf-stretch",
        "hamstring-stretch",
    ]
    assert editor.undo_stack.count() == 4  # three adds and one move


def test_a_file_dropped_on_the_window_is_imported(app: NightstretchApp, tmp_path: Path) -> None:
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    source = tmp_path / "dropped.toml"
    source.write_text(
        'schema_version = 1\nid = "dropped"\nname = "Dropped"\n'
        '[[steps]]\nexercise = "calf-stretch"\n',
        encoding="utf-8",
    )
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(source))])
    drop = QDropEvent(
        QPointF(50, 50),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    app.window.home.dropEvent(drop)
    assert "dropped" in app.library.routines
    assert (user_dir() / "dropped.toml").is_file()


def test_export_writes_the_file_as_save_would(
    app: NightstretchApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from stretch_app.ui.widgets.ask import SaveFileDialog

    target = tmp_path / "shared" / "bedtime-copy.toml"
    target.parent.mkdir()
    monkeypatch.setattr(SaveFileDialog, "ask", classmethod(lambda cls, *a: target))
    editor = app.editor_flow.open("bedtime")
    assert editor is not None
    editor.step_list.setCurrentRow(0)
    editor.step_form.repeat.setValue(2)
    editor.export_button.click()
    assert target.read_text(encoding="utf-8") == editor.text_to_save()
    assert tomllib.loads(target.read_text(encoding="utf-8"))["steps"][0]["repeat"] == 2
    assert not (user_dir() / "bedtime.toml").exists()  # exporting is not saving


def test_reminders_chosen_in_the_editor_are_saved_in_the_file(
    app: NightstretchApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    from stretch_app.core.model import Reminder
    from stretch_app.ui.screens.reminders_dialog import RemindersDialog

    chosen = (Reminder(at="22:10", days=("mon", "wed")),)  # type: ignore[arg-type]
    monkeypatch.setattr(RemindersDialog, "ask", classmethod(lambda cls, *a: chosen))
    editor = app.editor_flow.open("bedtime")
    assert editor is not None
    editor.reminders_button.click()
    assert editor.draft.reminders == chosen
    assert editor.save()
    data = tomllib.loads((user_dir() / "bedtime.toml").read_text(encoding="utf-8"))
    assert data["reminders"] == [{"at": "22:10", "days": ["mon", "wed"]}]
    assert app.library.routines["bedtime"].reminders == chosen


def test_keeping_my_version_after_an_outside_change_keeps_the_draft(
    app: NightstretchApp, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor = app.editor_flow.open("bedtime")
    assert editor is not None
    editor.step_list.setCurrentRow(0)
    editor.step_form.hold.setValue(45)
    assert editor.save()
    path = user_dir() / "bedtime.toml"
    asked: list[Path] = []
    monkeypatch.setattr(
        FileChangedDialog, "ask", classmethod(lambda cls, parent, p: bool(asked.append(p)))
    )
    path.write_text(path.read_text(encoding="utf-8").replace('"45s"', '"50s"'), encoding="utf-8")
    qtbot.waitUntil(lambda: asked == [path])
    assert editor.draft.steps[0].hold == 45


def test_the_picker_shows_picture_and_how_to_and_works_from_the_keyboard(
    app: NightstretchApp, qtbot: QtBot
) -> None:
    picker = ExercisePickerDialog(
        app.library.exercises, paths.resolve_picture, {"calf-stretch"}, app.window
    )
    qtbot.addWidget(picker)
    picker.show()
    qtbot.waitExposed(picker)
    first = picker.chosen()
    assert first is not None
    assert picker.list.currentItem().text().endswith("(yours)") is (first == "calf-stretch")
    qtbot.keyClick(picker.list, Qt.Key.Key_Down)
    second = picker.chosen()
    assert second not in (None, first)
    exercise = app.library.exercises[str(second)]
    assert picker.how_to.text().splitlines()[0] == f"• {exercise.how_to[0]}"
    with qtbot.waitSignal(picker.accepted):
        qtbot.keyClick(picker.list, Qt.Key.Key_Return)
    assert picker.chosen() == second


def test_the_editor_shows_and_saves_the_reminders_chosen_on_the_card(
    app: NightstretchApp, qtbot: QtBot
) -> None:
    """A time chosen on the card (kept in the settings) is what the editor shows; saving puts
    it in the file, and the file is then what rings, so neither choice is lost."""
    from stretch_app.core.model import Reminder

    chosen = (Reminder(at="22:10"),)
    settings = app.settings.model_copy(update={"reminder_overrides": {"bedtime": chosen}})
    app.apply_settings(settings)
    card = next(c for c in app.window.home.cards if c.routine.id == "bedtime")
    qtbot.mouseClick(card.edit_button, Qt.MouseButton.LeftButton)
    editor = app.editor_flow.editor
    assert editor is not None
    assert editor.draft.reminders == chosen
    editor.name_edit.setText("My bedtime")
    assert editor.save()
    assert "22:10" in (user_dir() / "bedtime.toml").read_text(encoding="utf-8")
    assert "bedtime" not in app.settings.reminder_overrides
    assert "bedtime" not in app.settings_store.settings.reminder_overrides
    assert [r.at for r in app.library.routines["bedtime"].reminders] == ["22:10"]


@pytest.mark.parametrize(
    ("field", "english", "german"),
    [
        ("name", "Name", "Name"),
        ("steps", "Steps", "Schritte"),
        ("steps[1].hold", "Step 2, Hold", "Schritt 2, Halten"),
        ("steps[0].exercise", "Step 1, Exercise", "Schritt 1, Übung"),
        (
            "steps[2].rest_between",
            "Step 3, Rest between holds",
            "Schritt 3, Pause zwischen den Durchgängen",
        ),
        ("reminders[0].at", "Reminder 1, Time", "Erinnerung 1, Uhrzeit"),
        ("steps[4]", "Step 5", "Schritt 5"),
        ("translations[de].name", "translations[de].name", "translations[de].name"),
    ],
)
def test_a_problem_names_its_place_as_the_form_does_in_the_person_s_language(
    qapp: QApplication, field: str, english: str, german: str
) -> None:
    """A German editor once said "name: darf nicht leer sein": the file's key, in English."""
    assert field_text(field) == english
    translation = install_translator(qapp, "de")
    try:
        assert translation.loaded
        assert field_text(field) == german
        assert problem_text("must not be empty") == "darf nicht leer sein"
    finally:
        translation.remove()
