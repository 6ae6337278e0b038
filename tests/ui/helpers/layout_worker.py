"""The layout audit for one screen size, run in its own interpreter.

    python -m tests.ui.helpers.layout_worker OUT.json [SHEET.png]

The offscreen platform's screen (``QT_QPA_PLATFORM="offscreen:configfile=…"``) is fixed when the
QApplication is made, so ``tests/ui/test_layout_audit.py`` starts this once per screen size.
Here the app is built for each text size, language and look in turn (a user routine with a long
name among the bundled ones), walked through every screen and state, and every fault that
:func:`layout_faults` finds is written to OUT.json as ``{"cell", "state", "fault"}`` rows. With
SHEET.png, small pictures of the key screens of every cell are tiled into a contact sheet.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRect, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QWidget

TEXT_SIZES = {"normal": 1.0, "largest": 1.5}
LANGUAGES = ("en", "de")
LOOKS = ("night", "high-contrast")
"""High contrast: its day look in English, its night look in German (:func:`_day_or_night`)."""
LONG_NAME = "Abendprogramm" * 6 + "Xx"
"""80 characters without a space: the longest routine name the schema allows, at its worst."""
SHEET_STATES = (
    "home",
    "player-hold",
    "player-switch-legs",
    "relief-step",
    "relief-form",
    "history",
    "settings",
)
THUMB_WIDTH = 300
LONG_PATH = "/home/someone/Documents/Nightstretch/nightstretch-report-2026-10-01-2026-11-30.pdf"
"""Where an export was saved: a path has no spaces to wrap at."""


def cells() -> Iterator[tuple[str, float, str, str]]:
    """(cell name, text scale, language, look) for every combination this worker walks."""
    for size, scale in TEXT_SIZES.items():
        for language in LANGUAGES:
            for look in LOOKS:
                yield f"{size}/{language}/{look}", scale, language, look


def _day_or_night(language: str, look: str) -> str:
    """High contrast is walked in its day look in English, its night look in German.

    That keeps the matrix its size while both high-contrast looks (borders, the distinct Cramp
    now) are laid out at every screen and text size.
    """
    return "day" if look == "high-contrast" and language == "en" else "night"


def _write_user_files(language: str, scale: float, look: str) -> None:
    from stretch_app import paths

    settings = paths.settings_path()
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text(
        f'schema_version = 1\nlanguage = "{language}"\nlook = "{_day_or_night(language, look)}"\n'
        f"text_scale = {scale}\nhigh_contrast = {'true' if look == 'high-contrast' else 'false'}\n"
        "voice_enabled = false\nsound_enabled = false\n",
        encoding="utf-8",
    )
    routines = paths.user_routines_dir()
    routines.mkdir(parents=True, exist_ok=True)
    bedtime = (paths.bundled_routines_dir() / "bedtime.toml").read_text(encoding="utf-8")
    long_one = bedtime.replace('id = "bedtime"', 'id = "long-name"', 1)
    long_one = long_one.replace('name = "Bedtime leg stretches"', f'name = "{LONG_NAME}"', 1)
    long_one = (
        long_one.split("[translations.de]")[0] + "\n[[steps]]" + long_one.split("[[steps]]", 1)[1]
    )
    (routines / "long-name.toml").write_text(long_one, encoding="utf-8")


def _settle() -> None:
    for _ in range(3):
        QApplication.sendPostedEvents()
        QApplication.processEvents()


def walk_editor(app: object, window: QWidget) -> Iterator[tuple[str, QWidget, bool]]:
    """The routine editor, new (empty) and on a routine of 4 steps with a long name; the picker."""
    from stretch_app.ui.app import NightstretchApp
    from stretch_app.ui.screens.editor_dialogs import ExercisePickerDialog

    assert isinstance(app, NightstretchApp)
    editor = app.editor_flow.open(None)
    assert editor is not None
    yield "editor-new", window, False
    editor.close_editor()
    editor = app.editor_flow.open("long-name")
    assert editor is not None and len(editor.draft.steps) == 4, editor
    yield "editor-4-steps", window, False
    picker = ExercisePickerDialog(
        editor.exercises, editor._picture_for, set(), editor, make=lambda: None
    )
    picker.show()
    yield "exercise-picker", picker, False
    picker.close()
    picker.deleteLater()
    editor.close_editor()


def _close_note() -> str:
    """The note home shows when the window closes while reminders are set."""
    return QCoreApplication.translate(
        "KeepRunning",
        "Nightstretch keeps running in the background for your reminders ({0}). "
        "Start Nightstretch again to reopen this window; Quit (Ctrl+Q) ends it.",
    ).format("Bedtime leg stretches, 22:00")


def walk(app: object, clock: object) -> Iterator[tuple[str, QWidget, bool]]:
    """Show each screen and state; yields (state, its window, controls must show unscrolled)."""
    from stretch_app.core.clock import FakeClock
    from stretch_app.core.session import PhaseKind
    from stretch_app.ui.app import NightstretchApp
    from stretch_app.ui.screens.episode_dialog import EpisodeDialog
    from stretch_app.ui.screens.reminders_dialog import RemindersDialog

    assert isinstance(app, NightstretchApp) and isinstance(clock, FakeClock)
    window = app.window
    assert app.journal is not None
    app.journal.add_medicine("Magnesium citrate 300 mg, after dinner")
    yield "home", window, False
    window.home.show_close_note(_close_note())
    yield "home-close-note", window, False
    window.home.close_note.hide()

    player = app.start_routine("long-name")
    assert player is not None
    yield "player-get-ready", window, True

    def until(kind: PhaseKind) -> None:
        assert player is not None
        for _ in range(200):
            if player.session.current.kind is kind:
                return
            remaining = player.session.remaining() or 1.0
            clock.advance(remaining + 0.01)
            player.tick()
        raise AssertionError(f"the routine never reached {kind}")

    until(PhaseKind.HOLD)
    clock.advance(3.3)
    player.tick()
    yield "player-hold", window, True
    player.stop_with_undo()  # Esc: the undo bar offers Resume / End now
    yield "player-undo", window, True
    player.undo_bar.undo_button.click()
    until(PhaseKind.SWITCH_LEGS)
    yield "player-switch-legs", window, True
    until(PhaseKind.REST)
    yield "player-rest", window, True
    while True:  # every later phase too: a long German how-to must not grow the window
        player.skip()
        if player.ended:
            break
        phase = player.session.current
        yield f"player-step-{phase.step_index + 1}-{phase.kind.value}", window, True
    yield "finish", window, True
    app.show_home()

    relief = app.cramp_now()
    assert relief is not None
    yield "relief-choose", window, True
    relief.choose("calf")
    yield "relief-step", window, True
    clock.advance(10 * 60 + 1)
    relief.tick()
    yield "relief-emergency", window, True
    relief.eased()
    yield "relief-form", window, True
    relief.form.save()
    yield "relief-tips", window, True
    app.show_home()

    history = app.open_history()
    assert history is not None
    yield "history", window, False
    history.show_message(QCoreApplication.translate("HistoryScreen", "Saved {0}").format(LONG_PATH))
    yield "history-message", window, False
    history.show_message("")
    for episode in (None, *app.journal.episodes()[:1]):
        dialog = EpisodeDialog(episode, now=None, parent=window)
        dialog.show()
        yield ("edit-cramp" if episode else "add-cramp"), dialog, False
        dialog.close()
        dialog.deleteLater()
    medicines = app.open_medicines(history)
    assert medicines is not None
    yield "medicines", window, False
    app.show_home()
    app.open_guidance()
    yield "guidance", window, False
    app.show_home()
    settings = app.open_settings()
    yield "settings", window, False
    combo = settings.language_combo
    combo.setCurrentIndex(combo.findData("de" if app.language == "en" else "en"))
    yield "settings-restart", window, False
    combo.setCurrentIndex(combo.findData(app.language))
    app.show_home()
    yield from walk_editor(app, window)
    routine = app.library.routines["bedtime"]
    reminders = RemindersDialog(routine, routine.reminders, window)
    reminders.show()
    yield "reminders", reminders, False
    reminders.add_row(routine.reminders[0])
    yield "reminders-two", reminders, False
    reminders.close()
    reminders.deleteLater()


def audit_cell(
    qapp: QApplication,
    scale: float,
    language: str,
    look: str,
    keep: Callable[[str, QWidget], None] | None = None,
) -> list[tuple[str, str]]:
    """Build the app for one cell of the matrix and return its (state, fault) pairs."""
    from stretch_app.core.clock import FakeClock
    from stretch_app.ui.app import NightstretchApp
    from tests.ui.helpers.layout_audit import layout_faults

    _write_user_files(language, scale, look)
    clock = FakeClock()
    app = NightstretchApp(qapp, clock=clock, voice_engine="mock")
    found: list[tuple[str, str]] = []
    try:
        assert app.language == language, app.language
        app.show()
        for state, window, strict in walk(app, clock):
            _settle()
            found.extend((state, fault) for fault in layout_faults(window, strict_controls=strict))
            if keep is not None:
                keep(state, window)
    finally:
        app.shutdown()
        app.window.close()
        app.window.deleteLater()
        _settle()
    return found


def _thumbnail(window: QWidget) -> QImage:
    image = window.grab().toImage()
    return image.scaledToWidth(THUMB_WIDTH, Qt.TransformationMode.SmoothTransformation)


def _contact_sheet(path: Path, screen: str, shots: dict[str, dict[str, QImage]]) -> None:
    """One row a cell, one column a key screen, each picture at the same scale."""
    scale = THUMB_WIDTH / QApplication.primaryScreen().availableGeometry().width()
    tall = max((image.height() for row in shots.values() for image in row.values()), default=100)
    header, gap = 28, 6
    width = len(SHEET_STATES) * (THUMB_WIDTH + gap) + gap
    height = header + len(shots) * (tall + header + gap) + gap
    sheet = QPixmap(width, height)
    sheet.fill(QColor("#444444"))
    painter = QPainter(sheet)
    font = QFont()
    font.setPixelSize(16)
    painter.setFont(font)
    painter.setPen(QColor("#ffffff"))
    painter.drawText(
        QRect(gap, 0, width, header),
        Qt.AlignmentFlag.AlignVCenter,
        f"{screen}: " + "  ·  ".join(SHEET_STATES) + f"   (pictures at {scale:.0%})",
    )
    y = header
    for cell, row in shots.items():
        painter.drawText(QRect(gap, y, width, header), Qt.AlignmentFlag.AlignVCenter, cell)
        y += header
        for column, state in enumerate(SHEET_STATES):
            if state in row:
                painter.drawImage(gap + column * (THUMB_WIDTH + gap), y, row[state])
        y += tall + gap
    painter.end()
    sheet.save(str(path))


def main(argv: list[str]) -> int:
    """Audit every cell for this process's screen; write the faults (and the contact sheet)."""
    out = Path(argv[1])
    sheet = Path(argv[2]) if len(argv) > 2 else None
    with tempfile.TemporaryDirectory(prefix="layout-audit-") as home:
        for name, sub in (
            ("XDG_CONFIG_HOME", "config"),
            ("XDG_DATA_HOME", "data"),
            ("XDG_STATE_HOME", "state"),
            ("XDG_CACHE_HOME", "cache"),
        ):
            os.environ[name] = str(Path(home) / sub)
        os.environ["HOME"] = home
        qapp = QApplication.instance() or QApplication([])
        assert isinstance(qapp, QApplication)
        QCoreApplication.setApplicationName("nightstretch-layout-audit")
        screen = qapp.primaryScreen()
        screen_name = (
            f"{screen.size().width()}x{screen.size().height()}@{screen.devicePixelRatio():g}"
        )
        rows = []
        shots: dict[str, dict[str, QImage]] = {}
        for cell, scale, language, look in cells():
            row: dict[str, QImage] = {}

            def keep(state: str, window: QWidget, row: dict[str, QImage] = row) -> None:
                if sheet is not None and state in SHEET_STATES:
                    row[state] = _thumbnail(window)

            for state, fault in audit_cell(qapp, scale, language, look, keep):
                rows.append({"cell": cell, "state": state, "fault": fault})
            shots[cell] = row
        if sheet is not None:
            _contact_sheet(sheet, screen_name, shots)
    out.write_text(json.dumps({"screen": screen_name, "faults": rows}, indent=1), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
