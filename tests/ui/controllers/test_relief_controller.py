"""ReliefFlow on its own: fakes for voice, cues, inhibitor and window, a real journal file.

No ``NightstretchApp`` is built here: the controller gets what it uses in its constructor.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from stretch_app import paths
from stretch_app.core.clock import FakeClock
from stretch_app.core.journal import Journal
from stretch_app.core.journal_rows import MUSCLE_CHOICES
from stretch_app.core.library import Library, load_library
from stretch_app.core.phrases import phrases_for
from stretch_app.core.relief_content import relief_content_of
from stretch_app.core.safety import SafetyGuide, load_safety_guide
from stretch_app.core.settings import Settings
from stretch_app.ui.controllers.activity import Companions
from stretch_app.ui.controllers.relief import ReliefFlow
from stretch_app.ui.screens.relief import ReliefScreen
from stretch_app.ui.theme import DAY, NIGHT
from tests.ui.controllers.fakes import FakeCues, FakeHost, FakeInhibitor, FakeVoice


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Journal]:
    opened = Journal.open(tmp_path / "journal.sqlite3")
    yield opened
    opened.close()


class Parts:
    """One relief controller and the fakes it was given."""

    def __init__(
        self,
        qtbot: QtBot,
        journal: Journal | None,
        library: Library,
        *,
        autostart_s: int = 0,
        host: FakeHost | None = None,
    ) -> None:
        self.host = host or FakeHost(qtbot)
        self.voice = FakeVoice()
        self.cues = FakeCues()
        self.inhibitor = FakeInhibitor()
        self.clock = FakeClock()
        guide: SafetyGuide = load_safety_guide(paths.guidance_path("en"))
        companions = Companions(
            self.voice,
            self.cues,
            self.inhibitor,
            self.clock,
            look=lambda: NIGHT,
            phrases=phrases_for("en", paths.i18n_dir()),
        )
        settings = Settings(relief_autostart_s=autostart_s)
        self.flow = ReliefFlow(
            self.host,
            companions,
            journal=journal,
            content=lambda: relief_content_of(library, guide, settings),
        )
        self.starting: list[None] = []
        self.home: list[None] = []
        self.flow.activity_starting.connect(lambda: self.starting.append(None))
        self.flow.home_requested.connect(lambda: self.home.append(None))


def bundled() -> Library:
    return load_library([paths.bundled_routines_dir()]).in_language("en")


def test_opening_relief_asks_the_root_to_stop_others_and_records_the_cramp_at_once(
    qtbot: QtBot, journal: Journal
) -> None:
    parts = Parts(qtbot, journal, bundled())
    relief = parts.flow.open()
    assert relief is not None
    assert parts.starting == [None]  # the root stops a running routine on this signal
    assert parts.host.shown[-1][0] is relief
    assert parts.voice.warmed == 1 and parts.cues.warmed == 1
    assert parts.inhibitor.reason == "Cramp relief is running"
    [episode] = journal.episodes()
    assert episode.source == "relief" and episode.ended_at is None
    assert relief.page == "step"  # the settings reader said: no wait before calf relief
    assert any("Calf stretch" in line for line in parts.voice.lines)
    assert parts.flow.open() is relief  # again while it runs: the same screen, raised
    assert parts.starting == [None]
    parts.flow.end()


def test_the_end_is_saved_and_the_screen_saver_and_voice_let_go(
    qtbot: QtBot, journal: Journal
) -> None:
    parts = Parts(qtbot, journal, bundled())
    relief = parts.flow.open()
    assert relief is not None
    parts.clock.advance(30)
    relief.eased()
    [episode] = journal.episodes()
    assert episode.ended_at is not None and episode.muscle == "calf"
    assert parts.inhibitor.reason is None
    assert parts.voice.released == 1
    assert "Saved in your diary" in relief.form.saved_label.text()
    parts.flow.end()


def test_not_a_cramp_removes_the_entry_and_asks_to_go_home(qtbot: QtBot, journal: Journal) -> None:
    parts = Parts(qtbot, journal, bundled())
    relief = parts.flow.open()
    assert relief is not None
    relief.discard()
    assert journal.episodes() == []
    assert parts.home == [None]
    assert parts.host.notices == ["Not a cramp: nothing was kept in your diary."]
    assert parts.flow.screen is None


def test_without_a_journal_the_person_is_told_nothing_was_saved(qtbot: QtBot) -> None:
    parts = Parts(qtbot, None, bundled())
    relief = parts.flow.open()
    assert relief is not None
    relief.eased()
    assert "not saved" in relief.form.saved_label.text()
    parts.flow.end()


def test_no_relief_routine_is_a_notice_and_nothing_else_stops(qtbot: QtBot) -> None:
    parts = Parts(qtbot, None, load_library([]))
    assert parts.flow.open() is None
    assert parts.starting == []
    assert parts.host.notices == ["The cramp-relief routine could not be loaded."]


class ShowingHost(FakeHost):
    """A host that puts the screen on screen, as the main window does (so it gets painted)."""

    def show_screen(self, screen: QWidget, title: str) -> None:
        super().show_screen(screen, title)
        screen.show()


def test_the_question_is_painted_before_the_voice_sound_and_inhibitor_start(
    qtbot: QtBot, journal: Journal
) -> None:
    """Issue 13: the hand-over's relief is painted first; the slower helpers start after."""
    parts = Parts(qtbot, journal, bundled(), autostart_s=5, host=ShowingHost(qtbot))
    relief = parts.flow.open()
    assert relief is not None
    [episode] = journal.episodes()  # written before the paint: a SIGKILL now still leaves it
    assert episode.ended_at is None
    assert relief.page == "choose"
    assert relief.emergency_banner.isVisibleTo(relief)  # the signs from 0:00
    assert not relief.later_pages_built
    assert (parts.voice.warmed, parts.cues.warmed, parts.inhibitor.reason) == (0, 0, None)
    assert parts.voice.lines == []  # "where is the cramp?" is said once the helper starts
    with qtbot.waitSignal(relief.settled):
        pass  # the first paint, then a zero timer
    assert relief.later_pages_built
    assert (parts.voice.warmed, parts.cues.warmed) == (1, 1)
    assert parts.inhibitor.reason == "Cramp relief is running"
    assert len(parts.voice.lines) == 1


@pytest.mark.parametrize("muscle", MUSCLE_CHOICES)
def test_a_tap_before_the_first_paint_lands_on_its_stretch(
    qtbot: QtBot, journal: Journal, muscle: str
) -> None:
    """Nothing pressed while the later pages are not built yet is lost."""
    parts = Parts(qtbot, journal, bundled(), autostart_s=5, host=ShowingHost(qtbot))
    relief = parts.flow.open()
    assert relief is not None and not relief.later_pages_built
    qtbot.mouseClick(relief.choose_page.muscle_buttons[muscle], Qt.MouseButton.LeftButton)
    assert relief.page == "step"
    assert relief.episode.muscle == muscle
    assert relief.step_page.isVisibleTo(relief)
    [episode] = journal.episodes()
    assert episode.muscle == muscle
    qtbot.mouseClick(relief.step_page.eased_button, Qt.MouseButton.LeftButton)
    assert relief.page == "details"
    assert journal.episodes()[0].ended_at is not None


class ParentingHost(FakeHost):
    """A host whose screens live in one widget, as the main window's stack."""

    def __init__(self, qtbot: QtBot) -> None:
        super().__init__(qtbot)
        self.stack = QWidget()
        qtbot.addWidget(self.stack)

    def screen_parent(self) -> QWidget | None:
        return self.stack


def test_the_relief_screen_is_built_inside_the_host(qtbot: QtBot, journal: Journal) -> None:
    """Built where it will live, Qt styles its widgets once (not again when it is added)."""
    host = ParentingHost(qtbot)
    parts = Parts(qtbot, journal, bundled(), host=host)
    relief = parts.flow.open()
    assert relief is not None
    assert relief.parentWidget() is host.stack


class WindowLikeHost(ParentingHost):
    """A host whose stack is on screen, like the main window's, and shows screens in it."""

    def __init__(self, qtbot: QtBot) -> None:
        super().__init__(qtbot)
        self.stack.show()

    def show_screen(self, screen: QWidget, title: str) -> None:
        super().show_screen(screen, title)
        screen.show()


def test_a_screen_made_ahead_is_the_next_cramps_and_works(qtbot: QtBot, journal: Journal) -> None:
    """Issue 13: a hand-over shows a relief screen built while the window was idle."""
    host = WindowLikeHost(qtbot)
    parts = Parts(qtbot, journal, bundled(), autostart_s=5, host=host)
    parts.flow.make_ahead()
    ahead = host.stack.findChild(ReliefScreen)
    assert ahead is not None and not ahead.isVisible()
    parts.clock.advance(120)  # the cramp comes later: its clock starts at open, not before
    relief = parts.flow.open()
    assert relief is ahead
    assert relief.episode.elapsed() == 0.0
    assert relief.isVisible() and relief.page == "choose"
    [episode] = journal.episodes()
    assert episode.ended_at is None
    qtbot.mouseClick(relief.choose_page.muscle_buttons["foot"], Qt.MouseButton.LeftButton)
    assert relief.page == "step" and journal.episodes()[0].muscle == "foot"
    parts.flow.close()
    qtbot.waitUntil(lambda: len(host.stack.findChildren(ReliefScreen)) == 2)  # the next one
    assert parts.flow.open() is not relief


def test_nothing_is_made_ahead_in_the_tray(qtbot: QtBot, journal: Journal) -> None:
    """A hidden window (in the tray) keeps no relief screen in memory."""
    host = ParentingHost(qtbot)  # its stack is not shown
    parts = Parts(qtbot, journal, bundled(), host=host)
    parts.flow.make_ahead()
    assert host.stack.findChild(ReliefScreen) is None


def test_a_screen_made_ahead_follows_a_new_look(qtbot: QtBot, journal: Journal) -> None:
    """Made at night, opened in the day look: it takes the day look."""
    host = WindowLikeHost(qtbot)
    parts = Parts(qtbot, journal, bundled(), autostart_s=5, host=host)
    parts.flow.make_ahead()
    night_style = host.stack.findChild(ReliefScreen).styleSheet()
    parts.flow._look = lambda: DAY  # the reader the root gives: the look in force now
    relief = parts.flow.open()
    assert relief is not None
    assert relief.styleSheet() != night_style
    fresh = Parts(qtbot, None, bundled(), host=FakeHost(qtbot))
    fresh.flow._look = lambda: DAY
    built = fresh.flow.open()
    assert built is not None
    built.set_look(DAY, 1.0)
    assert relief.styleSheet() == built.styleSheet()
