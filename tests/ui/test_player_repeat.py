"""The player names each hold of a repeated step: "Hold 2 of 3 · Left leg"."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from stretch_app import paths
from stretch_app.core.clock import FakeClock
from stretch_app.core.library import load_library
from stretch_app.core.model import Routine
from stretch_app.core.session import PhaseKind, Session
from stretch_app.ui.screens.player import PlayerScreen
from tests.conftest import ROUTINES


def repeated_calf_stretch(clock: FakeClock) -> Session:
    """The calf stretch held three times on each leg."""
    library = load_library([ROUTINES])
    routine = Routine.model_validate(
        {
            "schema_version": 1,
            "id": "reps",
            "name": "Reps",
            "steps": [{"exercise": "calf-stretch", "hold": "10s", "repeat": 3}],
        }
    )
    return Session(routine, library.exercises, clock)


def test_each_repetition_and_the_rest_between_are_named(qtbot: QtBot) -> None:
    clock = FakeClock()
    player = PlayerScreen(repeated_calf_stretch(clock), paths.resolve_picture)
    qtbot.addWidget(player)
    player.resize(1024, 600)
    player.show()
    announced: list[str] = []
    player.announced.connect(announced.append)
    shown: list[tuple[str, str]] = []
    player.start()
    relax_lines = set()
    while not player.ended:
        if player.phase_label.text() == "Relax":
            relax_lines.add(player.howto_label.text().splitlines()[0])
        entry = (player.phase_label.text(), player.side_label.text())
        if not shown or shown[-1] != entry:
            shown.append(entry)
        clock.advance(0.5)
        player.tick()
    assert shown[1:6] == [
        ("Hold 1 of 3 · Left leg", "Left leg"),
        ("Relax", "Relax"),
        ("Hold 2 of 3 · Left leg", "Left leg"),
        ("Relax", "Relax"),
        ("Hold 3 of 3 · Left leg", "Left leg"),
    ]
    assert ("Hold 2 of 3 · Right leg", "Right leg") in shown
    assert "Next: Hold 3 of 3 · Right leg" in relax_lines
    assert "Hold 2 of 3 · Left leg. Calf stretch. Left leg" in announced


def test_a_repeated_hold_heading_wraps_rather_than_widen_the_player(qtbot: QtBot) -> None:
    clock = FakeClock()
    player = PlayerScreen(repeated_calf_stretch(clock), paths.resolve_picture)
    qtbot.addWidget(player)
    player.start()
    while player.session.current.kind is not PhaseKind.HOLD:
        clock.advance(0.5)
        player.tick()
    heading = player.phase_label
    assert heading.text() == "Hold 1 of 3 · Left leg"
    one_line = heading.fontMetrics().horizontalAdvance(heading.text())
    assert heading.minimumSizeHint().width() < one_line  # it may take two lines
