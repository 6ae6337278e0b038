"""EditorFlow on its own: a fake window, the real routine files, no ``NightstretchApp``."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from stretch_app import paths
from stretch_app.core.library import Library, load_library
from stretch_app.ui.controllers.editor import EditorFlow
from tests.ui.controllers.fakes import FakeHost


def library() -> Library:
    return load_library([paths.bundled_routines_dir(), paths.user_routines_dir()]).in_language("en")


def make(qtbot: QtBot) -> tuple[EditorFlow, FakeHost, list[str]]:
    host = FakeHost(qtbot)
    flow = EditorFlow(host, library=library, language="en")
    heard: list[str] = []
    flow.library_changed.connect(lambda: heard.append("library"))
    flow.home_requested.connect(lambda: heard.append("home"))
    flow.try_requested.connect(lambda routine: heard.append(f"try {routine.id}"))
    return flow, host, heard


def test_the_editor_opens_on_a_routine_and_asks_the_root_to_try_it_and_to_go_home(
    qtbot: QtBot,
) -> None:
    flow, host, heard = make(qtbot)
    editor = flow.open("bedtime")
    assert editor is not None and flow.editor is editor
    assert host.shown == [(editor, editor.draft.name)]
    editor.try_it()
    assert heard == ["try bedtime"]
    flow.show_editor()  # the trial ended: the root brings the editor back
    assert host.shown == [(editor, editor.draft.name)] * 2
    assert editor.close_editor()
    assert heard == ["try bedtime", "home"]
    assert flow.editor is None


def test_an_import_is_checked_copied_in_and_the_library_read_again(
    qtbot: QtBot, tmp_path: Path
) -> None:
    flow, host, heard = make(qtbot)
    bad = tmp_path / "bad.toml"
    bad.write_text('schema_version = 1\nid = "Bad Id"\n', encoding="utf-8")
    assert flow.import_file(bad) is None
    assert "bad.toml:2: id:" in host.notices[-1]
    assert heard == []
    good = tmp_path / "shared.toml"
    good.write_text(
        'schema_version = 1\nid = "shared"\nname = "Shared"\n'
        '[[steps]]\nexercise = "calf-stretch"\n',
        encoding="utf-8",
    )
    routine = flow.import_file(good)
    assert routine is not None and routine.id == "shared"
    assert heard == ["library"]
    assert host.notices[-1] == "Imported Shared."
    assert "shared" in library().routines
