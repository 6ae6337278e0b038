"""The tray-resident app: reminders from the kept book, a window only while one is wanted."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from stretch_app.core.clock import FakeClock
from stretch_app.core.schedule import Due
from stretch_app.ui.app import NightstretchApp
from stretch_app.ui.controllers.reminders import ReminderClocks, ReminderDesk
from stretch_app.ui.desktop.notify import ReminderNote
from stretch_app.ui.first_paint import FIRST_RELIEF_PAGE
from stretch_app.ui.launch import _hand_over_to_tray
from stretch_app.ui.relief_start import ReliefStart
from stretch_app.ui.resident import TrayResident, book_source
from stretch_app.ui.screens.main_window import MainWindow
from tests.ui.helpers.probe import run_probe
from tests.ui.test_reminders import LONDON, FakeTime, london

Shown = list[tuple[str, ReminderNote]]


def all_main_windows() -> list[MainWindow]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]


class Built:
    """The full apps the resident built, each a real NightstretchApp on a fake clock."""

    def __init__(self, qapp: QApplication, clocks: ReminderClocks) -> None:
        self.qapp = qapp
        self.clocks = clocks
        self.apps: list[NightstretchApp] = []
        self.earlier = all_main_windows()  # left by earlier tests, waiting for deletion
        self.given_windows: list[MainWindow | None] = []
        self.stand_in_on_screen: list[bool] = []

    def main_windows(self) -> list[MainWindow]:
        """The main windows made since (the tray's own)."""
        return [w for w in all_main_windows() if w not in self.earlier]

    def __call__(
        self,
        desk: ReminderDesk,
        window: MainWindow | None = None,
        relief: ReliefStart | None = None,
    ) -> NightstretchApp:
        self.given_windows.append(window)
        if window is not None:  # what was on screen when the full app began to be built
            page = window.stack.findChild(QWidget, FIRST_RELIEF_PAGE)
            self.stand_in_on_screen.append(page is not None and page.isVisible())
        app = NightstretchApp(
            self.qapp,
            clock=FakeClock(),
            voice_engine="mock",
            window=window,
            translation=None,
            reminder_desk=desk,
            relief=relief,
        )
        self.apps.append(app)
        return app


@pytest.fixture
def fake() -> FakeTime:
    return FakeTime(london(21, 0))


@pytest.fixture
def clocks(fake: FakeTime) -> ReminderClocks:
    return ReminderClocks(fake.now, fake.monotonic, lambda: LONDON)


@pytest.fixture
def built(qapp: QApplication, clocks: ReminderClocks) -> Built:
    return Built(qapp, clocks)


@pytest.fixture
def afresh_after_ms() -> int:
    return 10 * 60_000


@pytest.fixture
def resident(
    qapp: QApplication,
    built: Built,
    clocks: ReminderClocks,
    monkeypatch: pytest.MonkeyPatch,
    afresh_after_ms: int,
) -> Iterator[TrayResident]:
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    tray = TrayResident(
        book_source("en"),
        built,
        compile_aside=False,
        tray_available=False,
        clocks=clocks,
        afresh_after_ms=afresh_after_ms,
    )
    tray.desk.start(tray_mode=True)
    yield tray
    tray.shutdown()
    for app in built.apps:
        if isValid(app.window):
            app.window.deleteLater()
        app.translation.remove()
    QApplication.setQuitOnLastWindowClosed(True)


def shown_notes(desk: ReminderDesk, monkeypatch: pytest.MonkeyPatch) -> Shown:
    """Record what the desk sends to its notifiers (and send nothing)."""
    notes: Shown = []

    def show(due: Due, note: ReminderNote) -> None:
        notes.append((due.routine_id, note))

    monkeypatch.setattr(desk.notifications, "show", show)
    return notes


def test_the_tray_builds_no_window_until_asked(resident: TrayResident, built: Built) -> None:
    assert built.apps == [] and resident.app is None
    assert built.main_windows() == []
    assert resident.desk.window is None
    resident.desk.tray.menu.aboutToShow.emit()  # the menu is made from the book alone
    assert "Bedtime leg stretches" in [
        a.text() for a in resident.desk.tray.menu.actions()[1].menu().actions()
    ]
    assert resident.desk.service.running


def test_open_from_the_tray_builds_and_shows_the_window(
    resident: TrayResident, built: Built, qtbot: QtBot
) -> None:
    resident.desk.tray.open_requested.emit()
    assert resident.app is built.apps[0]
    window = built.apps[0].window
    qtbot.waitExposed(window)
    assert window.isVisible()
    assert built.main_windows() == [window]
    resident.desk.tray.open_requested.emit()  # again: the same window, not a second one
    assert len(built.apps) == 1


def test_closing_to_the_tray_lets_the_window_go(
    resident: TrayResident, built: Built, qtbot: QtBot
) -> None:
    resident.open()
    app = built.apps[0]
    window = app.window
    qtbot.waitExposed(window)
    window.close()  # no tray offscreen: the first close says where the app goes
    window.close()
    qtbot.waitUntil(lambda: resident.app is None)
    qtbot.waitUntil(lambda: not isValid(window) and not isValid(app))
    assert built.main_windows() == []
    assert resident.desk.window is None
    assert resident.desk.service.running  # still reminding
    assert resident.book().name_of("bedtime") == "Bedtime leg stretches"
    resident.open()  # and a window comes back when asked
    assert len(built.apps) == 2
    qtbot.waitExposed(built.apps[1].window)
    keep_running = resident.desk.keep_running
    assert keep_running is not None and keep_running.told  # said once a run, not per window


def close_to_tray(resident: TrayResident, qtbot: QtBot) -> None:
    """Open the window, then close it (twice: offscreen has no tray) and wait till it goes."""
    resident.open()
    app = resident.app
    assert isinstance(app, NightstretchApp)
    qtbot.waitExposed(app.window)
    app.window.close()
    app.window.close()
    qtbot.waitUntil(lambda: resident.app is None)


@pytest.mark.parametrize("afresh_after_ms", [50])
def test_a_while_after_the_window_went_the_tray_starts_afresh(
    resident: TrayResident, qtbot: QtBot
) -> None:
    with qtbot.assertNotEmitted(resident.start_afresh_requested, wait=200):
        pass  # never before a window was opened: nothing to give back
    close_to_tray(resident, qtbot)
    with qtbot.waitSignal(resident.start_afresh_requested, timeout=5_000):
        pass


@pytest.mark.parametrize("afresh_after_ms", [50])
def test_not_while_a_reminder_is_on_show_nor_once_the_window_is_back(
    resident: TrayResident, qtbot: QtBot
) -> None:
    close_to_tray(resident, qtbot)
    resident.desk.show_reminder(Due("bedtime", "21:45", london(21, 45).date(), london(21, 45)))
    assert resident.desk.shown
    with qtbot.assertNotEmitted(resident.start_afresh_requested, wait=300):
        pass
    resident.desk.routine_done("bedtime")  # the reminder is taken back
    resident.open()  # and the window is wanted again before the tray would start afresh
    with qtbot.assertNotEmitted(resident.start_afresh_requested, wait=300):
        pass
    close_to_tray(resident, qtbot)
    with qtbot.waitSignal(resident.start_afresh_requested, timeout=5_000):
        pass


def test_a_reminder_fires_from_the_tray_as_from_the_full_app(
    resident: TrayResident,
    qapp: QApplication,
    clocks: ReminderClocks,
    fake: FakeTime,
    monkeypatch: pytest.MonkeyPatch,
    qtbot: QtBot,
) -> None:
    from_tray = shown_notes(resident.desk, monkeypatch)
    fake.advance(46 * 60)
    resident.desk.service.check()
    assert resident.app is None  # a reminder needs no window
    full = NightstretchApp(qapp, clock=FakeClock(), voice_engine="mock", reminder_clocks=clocks)
    qtbot.addWidget(full.window)
    try:
        from_app = shown_notes(full.reminder_desk, monkeypatch)
        full.reminder_desk.service.scheduler.state = type(resident.desk.service.scheduler.state)()
        full.reminder_desk.start()
        assert from_tray and from_tray == from_app
        assert from_tray[0][0] == "bedtime"
        assert "Bedtime leg stretches" in from_tray[0][1].body
    finally:
        full.shutdown()


def test_start_now_on_a_reminder_builds_the_window_on_that_routine(
    resident: TrayResident, built: Built, qtbot: QtBot
) -> None:
    resident.desk.start_requested.emit("bedtime")
    app = built.apps[0]
    qtbot.waitExposed(app.window)
    assert app.player is not None
    assert "Bedtime leg stretches" in app.window.windowTitle()


def test_a_later_launch_gets_a_window_but_a_ping_does_not(
    resident: TrayResident, built: Built, qtbot: QtBot
) -> None:
    _hand_over_to_tray(resident, {"v": 1, "action": "ping"})
    assert built.apps == []
    _hand_over_to_tray(resident, {"v": 1, "action": "cramp-now"})
    assert built.apps[0].relief is not None
    qtbot.waitExposed(built.apps[0].window)


def test_a_cramp_from_the_tray_paints_the_first_question_before_the_full_app(
    resident: TrayResident, built: Built, qtbot: QtBot
) -> None:
    resident.desk.cramp_now_requested.emit()  # the tray menu's "Cramp now"
    window = built.given_windows[0]
    assert window is not None  # the full app was built in the window painted first
    assert built.stand_in_on_screen == [True]
    app = built.apps[0]
    relief = app.relief
    assert relief is not None
    assert app.window is window
    qtbot.waitExposed(window)
    assert window.stack.currentWidget() is relief
    qtbot.waitUntil(lambda: window.stack.findChild(QWidget, FIRST_RELIEF_PAGE) is None)
    assert relief.episode.muscle is None  # still asking "where is the cramp?"
    qtbot.keyClick(relief, Qt.Key.Key_2)  # a key as on the stand-in: the working screen acts
    assert relief.episode.muscle is not None
    assert app.relief_flow._episode_id is not None  # written when relief opened


def test_a_stale_book_is_compiled_in_a_child_and_read_back(
    qapp: QApplication, built: Built, qtbot: QtBot
) -> None:
    source = book_source("en")
    assert source.cached() is None
    tray = TrayResident(source, built, tray_available=False)
    try:
        assert tray.compiler is not None
        assert tray.book().routines == ()  # until the child is done
        qtbot.waitUntil(lambda: tray.compiler is None, timeout=30_000)
        assert tray.book().name_of("bedtime") == "Bedtime leg stretches"
        assert "bedtime" in tray.desk.service.scheduler.reminders
        assert source.cached() is not None
    finally:
        tray.shutdown()


def test_stale_relief_content_is_compiled_in_a_child_for_the_next_cramp(
    qapp: QApplication, built: Built, qtbot: QtBot
) -> None:
    from stretch_app.ui.relief_start import relief_source

    source = relief_source("en")
    assert source.cached() is None
    tray = TrayResident(book_source("en"), built, tray_available=False)
    try:
        assert tray.relief_compiler is not None
        qtbot.waitUntil(lambda: tray.relief_compiler is None, timeout=30_000)
        assert source.cached() is not None
        assert built.apps == []  # compiled there, not here
    finally:
        tray.shutdown()


def test_when_the_child_cannot_run_the_full_path_runs_here(
    qapp: QApplication, built: Built, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "executable", "/nonexistent/python")
    tray = TrayResident(book_source("en"), built, tray_available=False)
    try:
        qtbot.waitUntil(lambda: tray.compiler is None, timeout=10_000)
        assert tray.book().name_of("bedtime") == "Bedtime leg stretches"
    finally:
        tray.shutdown()


_PROBE = """
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget
import stretch_app.ui.launch as launch

def look():
    windows = [type(w).__name__ for w in QApplication.topLevelWidgets()]
    print(json.dumps({
        "pydantic": "pydantic" in sys.modules,
        "app": "stretch_app.ui.app" in sys.modules,
        "screens": sorted(m for m in sys.modules if m.startswith("stretch_app.ui.screens")),
        "windows": windows,
    }))
    QApplication.exit(0)

run_in_tray = launch._run_in_tray
def watched(qapp, *args):
    QTimer.singleShot(1500, look)
    return run_in_tray(qapp, *args)
launch._run_in_tray = watched
from stretch_app.cli import main
sys.exit(main(["--tray"]))
"""


def test_the_tray_path_loads_no_pydantic_no_window_no_screens(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    monkeypatch.setenv("PYTHONPATH", str(Path(__file__).resolve().parents[2]))
    loaded = run_probe(_PROBE)
    assert set(loaded.pop("windows")) == {"QMenu"}  # the tray menu and its Start submenu
    assert loaded == {"pydantic": False, "app": False, "screens": []}


def keep_relief_content(language: str) -> None:
    """What an earlier run of the full app leaves in the cache for a relief-only start."""
    from stretch_app.ui.relief_start import relief_source

    assert relief_source(language).compile() is not None


@pytest.mark.parametrize("language", ["en", "de"])
def test_with_the_relief_content_kept_a_cramp_from_the_tray_needs_no_full_app(
    language: str, qapp: QApplication, built: Built, clocks: ReminderClocks, qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    from stretch_app import paths
    from stretch_app.core.journal import Journal
    from stretch_app.core.library import load_library
    from stretch_app.core.relief_content import relief_content_of
    from stretch_app.core.safety import load_safety_guide
    from stretch_app.core.settings import Settings
    from stretch_app.ui import first_paint
    from stretch_app.ui.i18n import install_translator
    from stretch_app.ui.screens.relief import ReliefScreen
    from stretch_app.ui.screens.relief_parts import EmergencyBanner

    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    keep_relief_content(language)
    translation = install_translator(qapp, language)
    painted = first_paint.show_first_window

    def stand_in_then_a_key(qapp: QApplication, *, cramp_now: bool = False) -> MainWindow:
        window = painted(qapp, cramp_now=cramp_now)
        # "2" pressed on the stand-in: handled once the event loop runs again.
        QTimer.singleShot(0, lambda: qtbot.keyClick(window, Qt.Key.Key_2))
        return window

    monkeypatch.setattr(first_paint, "show_first_window", stand_in_then_a_key)
    tray = TrayResident(
        book_source(language), built, compile_aside=False, tray_available=False, clocks=clocks
    )
    tray.desk.start(tray_mode=True)
    try:
        _hand_over_to_tray(tray, {"v": 1, "action": "cramp-now"})
        assert built.apps == []  # no NightstretchApp: relief works without it
        assert tray.relief is not None
        relief = tray.relief.flow.screen
        assert isinstance(relief, ReliefScreen)
        window = tray.relief.window
        qtbot.waitExposed(window)
        assert window.current_screen() is relief
        # The emergency signs, in the person's language, from 0:00.
        emergency = load_safety_guide(paths.guidance_path(language)).emergency
        banner = relief.findChild(EmergencyBanner)
        assert banner is not None and banner.isVisible()
        assert [label.text() for label in banner.sign_labels] == [
            f"• {sign}" for sign in emergency.panel_signs
        ]
        library = load_library([paths.bundled_routines_dir()]).in_language(language)
        models = relief_content_of(
            library, load_safety_guide(paths.guidance_path(language)), Settings()
        )
        assert models is not None
        assert [s.note for s in relief.episode.routine.steps] == [
            s.note for s in models.routine.steps
        ]
        # The key pressed on the stand-in landed on the working screen: the thigh's stretch.
        qtbot.waitUntil(lambda: relief.episode.muscle == "back-of-thigh")
        # The episode was written when relief opened.
        journal = tray.relief.journal
        assert journal is not None
        assert len(journal.episodes()) == 1
        # Home from relief: now the full app is built, in this window, and shows home.
        relief.done.emit()
        assert len(built.apps) == 1
        app = built.apps[0]
        assert app.window is window and tray.relief is None
        assert app.relief_flow.screen is None  # relief ended, saved
        assert window.current_screen() is window.home
        assert app.journal is journal  # adopted, not opened twice
        assert app.relief_flow.voice is app.voice and app.relief_flow.cues is app.cues
        from stretch_app.ui.theme import DAY, NIGHT

        app.look = DAY if app.look is NIGHT else NIGHT  # the app's look, from now on
        assert app.relief_flow._look() is app.look
        content = app.relief_flow._content()  # the app's models, from now on
        assert content is not None and content.emergency is app.safety_guide().emergency
        assert isinstance(journal, Journal)
    finally:
        tray.shutdown()
        for app in built.apps:
            if isValid(app.window):
                app.window.deleteLater()
        translation.remove()
        QApplication.setQuitOnLastWindowClosed(True)


def test_closing_a_relief_window_from_the_tray_ends_relief_and_saves_it(
    qapp: QApplication, built: Built, clocks: ReminderClocks, qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    keep_relief_content("en")
    tray = TrayResident(
        book_source("en"), built, compile_aside=False, tray_available=False, clocks=clocks
    )
    tray.desk.start(tray_mode=True)
    try:
        tray.cramp_now()
        relief = tray.relief
        assert relief is not None and relief.journal is not None
        journal_file = relief.journal.path
        qtbot.waitExposed(relief.window)
        relief.window.close()
        assert tray.relief is None and built.apps == []
        from stretch_app.core.journal import Journal

        reopened = Journal.open(journal_file)
        try:
            (episode,) = reopened.episodes()
            assert episode.ended_at is not None  # ended and saved
        finally:
            reopened.close()
    finally:
        tray.shutdown()
        QApplication.setQuitOnLastWindowClosed(True)


def test_quitting_during_a_relief_from_the_tray_saves_it(
    qapp: QApplication, built: Built, clocks: ReminderClocks, qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    from stretch_app.core.journal import Journal

    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    keep_relief_content("en")
    tray = TrayResident(
        book_source("en"), built, compile_aside=False, tray_available=False, clocks=clocks
    )
    tray.desk.start(tray_mode=True)
    tray.cramp_now()
    assert tray.relief is not None and tray.relief.journal is not None
    journal_file = tray.relief.journal.path
    tray.shutdown()
    QApplication.setQuitOnLastWindowClosed(True)
    assert tray.relief is None and built.apps == []
    reopened = Journal.open(journal_file)
    try:
        (episode,) = reopened.episodes()
        assert episode.ended_at is not None
    finally:
        reopened.close()
