"""Every phase of the player fits a small window: no instruction cut, nothing pushed out."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
from pytestqt.qtbot import QtBot

from stretch_app import paths
from stretch_app.core.clock import FakeClock
from stretch_app.core.library import load_library
from stretch_app.core.session import Session
from stretch_app.ui.screens.player import PlayerScreen
from stretch_app.ui.theme import NIGHT, apply_look
from tests.conftest import ROUTINES

SIZES = [(1100, 720), (1280, 800)]


def _cut_labels(player: PlayerScreen) -> list[str]:
    cut = []
    for label in player.findChildren(QLabel):
        if label.isVisible() and label.wordWrap() and label.text():
            needed = label.heightForWidth(label.width())
            if label.height() < needed:
                cut.append(f"{label.text()[:40]!r}: {label.height()} < {needed}")
    return cut


@pytest.mark.parametrize("scale", [1.0, 1.5], ids=["large", "largest"])
@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_every_phase_fits_with_the_notice_shown(
    qapp: QApplication, qtbot: QtBot, size: tuple[int, int], scale: float
) -> None:
    apply_look(qapp, NIGHT, scale)
    library = load_library([ROUTINES])
    clock = FakeClock()
    player = PlayerScreen(
        Session(library.routines["bedtime"], library.exercises, clock), paths.resolve_picture
    )
    window = QMainWindow()
    window.setCentralWidget(player)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    player.show_notice("No sound device found; cues are off. The routine runs silently.")
    player.start()
    faults: list[str] = []
    seen = set()
    while not player.ended:
        phase = player.session.current
        key = (phase.kind, phase.exercise.id, phase.side)
        if key not in seen:
            seen.add(key)
            for _ in range(3):  # let the layout settle after the text changed
                QApplication.processEvents()
                window.layout().activate()
            if (window.width(), window.height()) != size:
                faults.append(f"{key}: window grew to {window.width()}x{window.height()}")
            faults += [f"{key}: {fault}" for fault in _cut_labels(player)]
        player.skip()
    assert len(seen) > 10
    assert faults == []
