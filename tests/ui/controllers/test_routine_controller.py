"""RoutineFlow on its own: fakes for voice, cues, inhibitor and window, a real journal file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from stretch_app import paths
from stretch_app.core.clock import FakeClock
from stretch_app.core.journal import Journal
from stretch_app.core.library import Library, load_library
from stretch_app.core.phrases import phrases_for
from stretch_app.core.session import Finished
from stretch_app.core.settings import Settings
from stretch_app.ui.controllers.activity import Companions
from stretch_app.ui.controllers.routine import RoutineFlow
from stretch_app.ui.screens.finish import FinishScreen
from stretch_app.ui.theme import NIGHT
from tests.ui.controllers.fakes import FakeCues, FakeHost, FakeInhibitor, FakeVoice


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Journal]:
    opened = Journal.open(tmp_path / "journal.sqlite3")
    yield opened
    opened.close()


class Parts:
    """One routine controller, the fakes it was given, and what it asked of the root."""

    def __init__(self, qtbot: QtBot, journal: Journal | None) -> None:
        self.host = FakeHost(qtbot)
        self.voice = FakeVoice()
        self.cues = FakeCues()
        self.inhibitor = FakeInhibitor()
        library: Library = load_library([paths.bundled_routines_dir()]).in_language("en")
        companions = Companions(
            self.voice,
            self.cues,
            self.inhibitor,
            FakeClock(),
            look=lambda: NIGHT,
            phrases=phrases_for("en", paths.i18n_dir()),
        )
        self.flow = RoutineFlow(
            self.host, companions, journal=journal, library=lambda: library, settings=Settings
        )
        self.asked: list[str] = []
        self.flow.activity_starting.connect(lambda: self.asked.append("starting"))
        self.flow.routine_done.connect(lambda rid: self.asked.append(f"done {rid}"))
        self.flow.raise_requested.connect(lambda: self.asked.append("raise"))
        self.flow.home_requested.connect(lambda: self.asked.append("home"))


def test_a_routine_asks_the_root_to_end_relief_first_and_holds_off_the_screen_saver(
    qtbot: QtBot, journal: Journal
) -> None:
    parts = Parts(qtbot, journal)
    player = parts.flow.start("bedtime")
    assert player is not None and parts.flow.running
    assert parts.asked == ["starting"]
    assert parts.host.shown[-1][0] is player
    assert parts.inhibitor.reason == "A guided stretching routine is running"
    assert parts.voice.warmed == 1 and parts.cues.warmed == 1
    assert parts.flow.start("bedtime") is player  # asked again: raised, not restarted
    assert parts.asked == ["starting", "raise"]
    parts.flow.close()
    assert not parts.flow.running and parts.inhibitor.reason is None


def test_a_finished_routine_is_recorded_and_reported_done(qtbot: QtBot, journal: Journal) -> None:
    parts = Parts(qtbot, journal)
    player = parts.flow.start("bedtime")
    assert player is not None
    player.finished.emit(Finished(True, holds_done=7, last_step_index=3, held_share=1.0))
    assert parts.asked == ["starting", "done bedtime"]
    assert [s.routine_id for s in journal.sessions()] == ["bedtime"]
    finish = parts.host.shown[-1][0]
    assert isinstance(finish, FinishScreen)
    finish.home_requested.emit()
    assert parts.asked[-1] == "home"


def test_a_trial_leaves_no_trace(qtbot: QtBot, journal: Journal) -> None:
    parts = Parts(qtbot, journal)
    library = load_library([paths.bundled_routines_dir()]).in_language("en")
    player = parts.flow.play(library.routines["bedtime"], trial=True)
    player.finished.emit(Finished(True, holds_done=7, last_step_index=3, held_share=1.0))
    assert journal.sessions() == []
    assert parts.asked == ["starting"]


def test_an_unknown_routine_is_a_notice(qtbot: QtBot) -> None:
    parts = Parts(qtbot, None)
    assert parts.flow.start("no-such") is None
    assert parts.host.notices == ["There is no routine called 'no-such'."]
    assert parts.asked == []
