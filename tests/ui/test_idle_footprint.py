"""An app idling for its reminders loads nothing it does not need: no sound stack, no voice."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from stretch_app.core.clock import FakeClock
from stretch_app.ui.app import NightstretchApp
from tests.ui.helpers.probe import run_probe

_PROBE = """
import json, sys
from PySide6.QtWidgets import QApplication
from stretch_app.ui.app import NightstretchApp
qapp = QApplication(["nightstretch"])
app = NightstretchApp(qapp, voice_engine="mock")
idle = sorted(m for m in sys.modules if m in ("PySide6.QtMultimedia", "PySide6.QtTextToSpeech"))
app.start_routine("bedtime")
started = sorted(m for m in sys.modules if m == "PySide6.QtMultimedia")
app.shutdown()
print(json.dumps({"idle": idle, "started": started}))
"""


def test_the_sound_stack_loads_only_when_a_routine_starts() -> None:
    loaded = run_probe(_PROBE)
    assert loaded == {"idle": [], "started": ["PySide6.QtMultimedia"]}


@pytest.fixture
def app(qapp: QApplication, qtbot: QtBot) -> Iterator[NightstretchApp]:
    nightstretch = NightstretchApp(qapp, clock=FakeClock(), voice_engine="mock")
    qtbot.addWidget(nightstretch.window)
    yield nightstretch
    nightstretch.shutdown()


def test_cues_and_voice_wait_for_a_routine_or_a_cramp(app: NightstretchApp, qtbot: QtBot) -> None:
    assert not app.cues.loaded
    assert not app.voice.running
    relief = app.cramp_now()
    assert relief is not None
    # Not before the relief screen is painted (issue 13): right after it.
    assert not app.cues.loaded
    assert not app.voice.running
    with qtbot.waitSignal(relief.settled):
        pass
    assert app.cues.loaded
    assert app.voice.running


def test_settings_made_before_loading_are_kept(app: NightstretchApp) -> None:
    app.cues.set_enabled(False)
    app.cues.set_volume(0.2)
    player = app.cues.warm_up()
    assert player.enabled is False
    assert player.volume == pytest.approx(0.2)
