"""The guided player driven through a whole routine with a fake clock."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from pytestqt.qtbot import QtBot

from stretch_app import paths
from stretch_app.core.clock import FakeClock
from stretch_app.core.library import load_library
from stretch_app.core.session import (
    Finished,
    PhaseKind,
    PhaseStarted,
    Session,
    SessionState,
    SwitchLegs,
)
from stretch_app.ui.screens.player import PlayerScreen
from tests.conftest import ROUTINES


@pytest.fixture
def library():  # type: ignore[no-untyped-def]
    return load_library([ROUTINES])


@pytest.fixture
def player(qtbot: QtBot, library, clock: FakeClock) -> PlayerScreen:  # type: ignore[no-untyped-def]
    session = Session(library.routines["bedtime"], library.exercises, clock)
    screen = PlayerScreen(session, paths.resolve_picture)
    qtbot.addWidget(screen)
    screen.resize(1100, 700)
    screen.show()
    qtbot.waitExposed(screen)
    return screen


def run_for(player: PlayerScreen, clock: FakeClock, seconds: float, step: float = 0.5) -> None:
    while seconds > 1e-9:
        move = min(step, seconds)
        clock.advance(move)
        seconds -= move
        player.tick()


def test_a_whole_routine_shows_every_phase_in_order(
    player: PlayerScreen, clock: FakeClock, qtbot: QtBot
) -> None:
    shown: list[tuple[str, str, str]] = []
    events: list[object] = []
    player.session_event.connect(events.append)

    def remember() -> None:
        entry = (player.title_label.text(), player.side_label.text(), player.phase_label.text())
        if not shown or shown[-1] != entry:
            shown.append(entry)

    with qtbot.waitSignal(player.finished) as finished:
        player.start()
        remember()
        while not player.ended:
            clock.advance(0.5)
            player.tick()
            if not player.ended:
                remember()
    assert shown[:6] == [
        ("Calf stretch", "Left leg", "Get ready"),
        ("Calf stretch", "Left leg", "Hold"),
        ("Calf stretch", "Now: Right leg", "Switch legs"),
        ("Calf stretch", "Right leg", "Hold"),
        ("Rest", "", "Rest"),
        ("Lower front leg stretch", "", "Hold"),  # both heels at once: no leg, no switch
    ]
    titles = [title for title, _, _ in shown]
    assert [phase for _, _, phase in shown].count("Switch legs") == 2
    assert "Hamstring stretch" in titles
    assert titles[-1] == "Quad stretch"
    assert isinstance(finished.args[0], Finished)
    assert finished.args[0].completed
    started = [e.phase.kind for e in events if isinstance(e, PhaseStarted)]
    assert started == [p.kind for p in player.session.phases]
    assert sum(isinstance(e, SwitchLegs) for e in events) == 2


def test_the_ring_counts_down_whole_seconds(player: PlayerScreen, clock: FakeClock) -> None:
    player.start()
    assert player.ring.text == "5"
    run_for(player, clock, 5)
    assert player.ring.text == "30"
    run_for(player, clock, 0.2)
    assert player.ring.text == "30"
    run_for(player, clock, 0.8)
    assert player.ring.text == "29"
    assert player.ring.fraction == pytest.approx(29 / 30)


def test_right_leg_mirrors_the_picture(player: PlayerScreen, clock: FakeClock) -> None:
    player.start()
    run_for(player, clock, 5 + 1)
    assert not player.picture.mirrored
    run_for(player, clock, 30 + 5)
    assert player.side_label.text() == "Right leg"
    assert player.picture.mirrored


def test_pause_and_resume_keep_the_remaining_time(
    player: PlayerScreen, clock: FakeClock, qtbot: QtBot
) -> None:
    player.start()
    run_for(player, clock, 5 + 10)
    qtbot.keyClick(player, Qt.Key.Key_Space)
    assert player.session.state is SessionState.PAUSED
    assert player.phase_label.text() == "Paused"
    assert player.pause_button.text() == "Resume"
    clock.advance(300)
    player.tick()
    assert player.ring.text == "20"
    qtbot.keyClick(player, Qt.Key.Key_Space)
    assert player.phase_label.text() == "Get ready"  # the lead-in after resuming
    assert player.ring.text == "5"
    run_for(player, clock, 5)
    assert player.phase_label.text() == "Hold"
    assert player.ring.text == "20"


def test_each_shortcut(player: PlayerScreen, clock: FakeClock, qtbot: QtBot) -> None:
    player.start()
    run_for(player, clock, 5)
    qtbot.keyClick(player, Qt.Key.Key_Right)
    assert player.session.current.kind is PhaseKind.SWITCH_LEGS
    qtbot.keyClick(player, Qt.Key.Key_Right)
    assert player.side_label.text() == "Right leg"
    qtbot.keyClick(player, Qt.Key.Key_Left)
    assert player.side_label.text() == "Left leg"
    run_for(player, clock, 12)
    assert player.ring.text == "18"
    qtbot.keyClick(player, Qt.Key.Key_R)
    assert player.ring.text == "30"
    with qtbot.waitSignal(player.fullscreen_toggled):
        qtbot.keyClick(player, Qt.Key.Key_F11)
    qtbot.keyClick(player, Qt.Key.Key_Escape)  # halts, with a few seconds to resume
    assert player.undo_bar.isVisible() and not player.ended
    with qtbot.waitSignal(player.finished) as stopped:
        qtbot.mouseClick(player.undo_bar.end_button, Qt.MouseButton.LeftButton)
    assert stopped.args[0].completed is False


def test_space_pauses_even_when_a_button_has_focus(player: PlayerScreen, qtbot: QtBot) -> None:
    player.start()
    player.skip_button.setFocus()
    qtbot.keyClick(player.skip_button, Qt.Key.Key_Space)
    assert player.session.state is SessionState.PAUSED
    assert player.session.current.kind is PhaseKind.GET_READY  # not skipped


def test_return_presses_the_focused_button(player: PlayerScreen, qtbot: QtBot) -> None:
    player.start()
    player.skip_button.setFocus()
    qtbot.keyClick(player.skip_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: player.session.current.kind is PhaseKind.HOLD)


def test_buttons_drive_the_session(player: PlayerScreen, qtbot: QtBot) -> None:
    player.start()
    qtbot.mouseClick(player.skip_button, Qt.MouseButton.LeftButton)
    assert player.session.current.kind is PhaseKind.HOLD
    qtbot.mouseClick(player.pause_button, Qt.MouseButton.LeftButton)
    assert player.session.state is SessionState.PAUSED
    with qtbot.waitSignal(player.finished):
        qtbot.mouseClick(player.stop_button, Qt.MouseButton.LeftButton)


def test_the_real_timers_end_a_hold(qtbot: QtBot, library) -> None:  # type: ignore[no-untyped-def]
    """With the system clock, the precise timer moves a short routine on by itself."""
    from stretch_app.core.clock import SystemClock
    from stretch_app.core.model import Routine

    routine = Routine.model_validate(
        {
            "schema_version": 1,
            "id": "quick",
            "name": "Quick",
            "get_ready": 1,
            "steps": [{"exercise": "hamstring-stretch", "hold": 1}],
        }
    )
    screen = PlayerScreen(Session(routine, library.exercises, SystemClock()), paths.resolve_picture)
    qtbot.addWidget(screen)
    with qtbot.waitSignal(screen.finished, timeout=5000) as done:
        screen.start()
    assert done.args[0].completed


def _quick_routine():  # type: ignore[no-untyped-def]
    from stretch_app.core.model import Routine

    return Routine.model_validate(
        {
            "schema_version": 1,
            "id": "quick",
            "name": "Quick",
            "get_ready": 1,
            "steps": [{"exercise": "hamstring-stretch", "hold": 1}],
        }
    )


def _timers(screen: PlayerScreen) -> tuple[QTimer, QTimer]:
    moment = screen.findChild(QTimer, "player-moment-timer")
    display = screen.findChild(QTimer, "player-display-timer")
    assert moment is not None and display is not None
    return moment, display


def test_the_precise_timer_is_armed_for_what_is_left(
    player: PlayerScreen, clock: FakeClock
) -> None:
    """After every engine step one precise single shot waits exactly until its next moment."""
    moment, _display = _timers(player)
    assert moment.isSingleShot()
    assert moment.timerType() is Qt.TimerType.PreciseTimer
    player.start()
    for _ in range(40):
        wait = player.session.seconds_to_next_event()
        assert wait is not None
        assert moment.isActive()
        assert round(wait * 1000) <= moment.interval() <= round(wait * 1000) + 2
        clock.advance(0.7)
        player.tick()
    player.toggle_pause()
    assert not moment.isActive()  # paused: nothing is due
    player.toggle_pause()
    assert moment.isActive()


def test_the_precise_timer_alone_ends_a_hold(qtbot: QtBot, library, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    """With the 200 ms display timer stopped, the single shot still moves the routine on."""
    screen = PlayerScreen(
        Session(_quick_routine(), library.exercises, clock), paths.resolve_picture
    )
    qtbot.addWidget(screen)
    _moment, display = _timers(screen)
    screen.start()
    display.stop()
    assert screen.session.current.kind is PhaseKind.GET_READY
    clock.advance(1.0)  # the get-ready is over on the engine's clock; only the single shot knows

    def hold_started(event: object) -> bool:
        return isinstance(event, PhaseStarted) and event.phase.kind is PhaseKind.HOLD

    with qtbot.waitSignal(screen.session_event, check_params_cb=hold_started, timeout=10_000):
        pass
    assert not display.isActive()
    assert screen.session.elapsed() == 0.0  # began at the nominal end, not when the timer fired


def test_every_picture_loads(player: PlayerScreen) -> None:
    for exercise in load_library([ROUTINES]).exercises.values():
        path = paths.resolve_picture(exercise.picture)
        assert path is not None and path.is_file(), exercise.id
        assert player.picture.show_picture(path), exercise.id


def test_a_missing_picture_shows_nothing_and_does_not_fail(player: PlayerScreen) -> None:
    assert player.picture.show_picture(Path("/nonexistent.svg")) is False
    assert player.picture.show_picture(None) is False
