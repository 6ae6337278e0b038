"""The whole app, built as it runs, driven with a fake clock and the mock speech engine."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from stretch_app import paths
from stretch_app.core.clock import FakeClock
from stretch_app.core.journal import Journal
from stretch_app.core.session import SessionState
from stretch_app.ui.app import NightstretchApp
from stretch_app.ui.controllers.reminders import ReminderClocks
from stretch_app.ui.screens.finish import FinishScreen
from stretch_app.ui.screens.player import PlayerScreen
from tests.ui.helpers.whole_app import open_app


@pytest.fixture
def app(qapp: QApplication, qtbot: QtBot, clock: FakeClock) -> Iterator[NightstretchApp]:
    # The cards' "next reminder" lines read a fixed afternoon, not the computer's clock (a run
    # at 21:45 would see the bedtime reminder due that minute).
    afternoon = datetime(2026, 11, 27, 15, 0, tzinfo=ZoneInfo("Europe/Berlin"))
    clocks = ReminderClocks(lambda: afternoon, time.monotonic, lambda: ZoneInfo("Europe/Berlin"))
    nightstretch = open_app(qapp, qtbot, clock, size=(1280, 800), reminder_clocks=clocks)
    yield nightstretch
    nightstretch.shutdown()


def finish_current(app: NightstretchApp, clock: FakeClock) -> None:
    player = app.player
    assert player is not None
    while not player.ended:
        clock.advance(0.5)
        player.tick()


def screenshot(widget: QWidget, name: str, folder: Path) -> Path:
    """Save a grab of ``widget``; NIGHTSTRETCH_SCREENSHOTS picks a folder to keep them."""
    keep = os.environ.get("NIGHTSTRETCH_SCREENSHOTS")
    target = Path(keep) if keep else folder
    target.mkdir(parents=True, exist_ok=True)
    path = target / f"{name}.png"
    assert widget.grab().save(str(path))
    return path


def mean_brightness(path: Path) -> float:
    image = QImage(str(path)).scaled(64, 40)
    total = sum(QImage.pixelColor(image, x, y).lightnessF() for x in range(64) for y in range(40))
    return total / (64 * 40)


def test_main_window_lists_routines_with_a_cramp_button(app: NightstretchApp) -> None:
    window = app.window
    assert "Nightstretch" in window.windowTitle()
    cards = window.home.cards
    assert [card.routine.id for card in cards] == ["bedtime"]
    card = cards[0]
    assert card.name_label.text() == "Bedtime leg stretches"
    assert "Calf stretch" in card.stretches_label.text()
    assert "Quad stretch" in card.stretches_label.text()
    assert card.length_label.text() == "3 min 45 s in all"
    assert "21:45" in card.reminder_label.text()
    assert window.home.cramp_button.isVisible()


def test_start_runs_the_routine_to_the_finish_and_records_it(
    app: NightstretchApp, clock: FakeClock, qtbot: QtBot, tmp_path: Path
) -> None:
    card = app.window.home.cards[0]
    qtbot.mouseClick(card.start_button, Qt.MouseButton.LeftButton)
    player = app.player
    assert isinstance(player, PlayerScreen)
    assert app.window.current_screen() is player
    assert "Bedtime leg stretches" in app.window.windowTitle()
    finish_current(app, clock)
    screen = app.window.current_screen()
    assert isinstance(screen, FinishScreen)
    assert screen.heading_label.text() == "All done. Good night."
    assert "6 of 6 holds held to the end" in screen.summary_label.text()
    app.shutdown()
    with Journal.open(paths.journal_path()) as journal:
        (record,) = journal.sessions()
    assert record.routine_id == "bedtime"
    assert record.completed
    assert record.holds_done == 6
    qtbot.mouseClick(screen.home_button, Qt.MouseButton.LeftButton)
    assert app.window.current_screen() is app.window.home
    assert app.window.windowTitle() == "Nightstretch"


def test_voice_says_the_guidance_in_order(
    app: NightstretchApp, clock: FakeClock, qtbot: QtBot
) -> None:
    said: list[str] = []
    app.voice.spoken.connect(said.append)
    app.start_routine("bedtime")
    player = app.player
    assert player is not None
    for _ in range(int((5 + 30 + 5 + 30 + 10 + 1) / 0.5)):
        clock.advance(0.5)
        player.tick()
    qtbot.waitUntil(lambda: "Next: lower front leg stretch." in said, timeout=5000)
    qtbot.waitUntil(lambda: len(said) >= 7, timeout=5000)
    assert said[:7] == [
        "Get ready. First: calf stretch.",
        "Calf stretch. Left leg. Hold for 30 seconds.",
        "Halfway.",
        "Switch legs.",
        "Calf stretch. Right leg. Hold for 30 seconds.",
        "Halfway.",
        "Rest.",
    ]
    finish_current(app, clock)
    qtbot.waitUntil(lambda: said[-1] == "All done. Good night.", timeout=5000)


def test_closing_mid_routine_stops_and_records_without_asking(
    app: NightstretchApp, clock: FakeClock
) -> None:
    player = app.start_routine("bedtime")
    assert player is not None
    clock.advance(5 + 31)
    player.tick()
    app.window.close()
    assert player.session.state is SessionState.STOPPED
    assert QApplication.activeModalWidget() is None
    app.shutdown()
    with Journal.open(paths.journal_path()) as journal:
        (record,) = journal.sessions()
    assert (record.completed, record.holds_done) == (False, 1)


def test_cramp_now_from_the_button_and_the_c_key(app: NightstretchApp, qtbot: QtBot) -> None:
    qtbot.mouseClick(app.window.home.cramp_button, Qt.MouseButton.LeftButton)
    assert "Cramp relief" in app.window.windowTitle()
    app.show_home()
    assert "Cramp relief" not in app.window.windowTitle()
    app.window.activateWindow()
    qtbot.keyClick(app.window, Qt.Key.Key_C)
    assert "Cramp relief" in app.window.windowTitle()


def test_an_unknown_routine_is_a_message_not_a_crash(app: NightstretchApp) -> None:
    assert app.start_routine("no-such-routine") is None
    assert "no-such-routine" in app.window.home.notice_label.text()


def test_a_broken_user_routine_is_named_and_the_rest_works(
    qapp: QApplication, qtbot: QtBot, clock: FakeClock
) -> None:
    folder = paths.user_routines_dir()
    folder.mkdir(parents=True)
    (folder / "mine.toml").write_text('schema_version = 1\nid = "mine"\nname = ""\n')
    nightstretch = NightstretchApp(qapp, clock=clock, voice_engine="mock")
    qtbot.addWidget(nightstretch.window)
    text = nightstretch.window.home.notice_label.text()
    assert "mine.toml:3: name:" in text
    assert [c.routine.id for c in nightstretch.window.home.cards] == ["bedtime"]
    nightstretch.shutdown()


def test_without_sound_or_voice_the_routine_completes_and_says_so_once(
    qapp: QApplication, qtbot: QtBot, clock: FakeClock
) -> None:
    nightstretch = NightstretchApp(qapp, clock=clock, voice_engine="no-such-engine")
    qtbot.addWidget(nightstretch.window)
    player = nightstretch.start_routine("bedtime")
    assert player is not None
    # The voice is built in the background; when it turns out missing, the player says so.
    qtbot.waitUntil(lambda: not nightstretch.voice.available)
    qtbot.waitUntil(lambda: "silently" in player.notice_label.text())
    finish_current(nightstretch, clock)
    assert player.session.state is SessionState.FINISHED
    nightstretch.show_home()
    second = nightstretch.start_routine("bedtime")
    assert second is not None and second.notice_label.isHidden()  # told once, not every time
    nightstretch.shutdown()


@pytest.mark.parametrize("look", ["night", "day"])
def test_screenshots_of_each_screen(
    qapp: QApplication, qtbot: QtBot, clock: FakeClock, tmp_path: Path, look: str
) -> None:
    app = open_app(qapp, qtbot, clock, size=(1280, 800), settings=f'look = "{look}"')
    assert app.look.name == look
    shots = [screenshot(app.window, f"main-window-{look}", tmp_path)]
    player = app.start_routine("bedtime")
    assert player is not None
    clock.advance(5 + 12.3)
    player.tick()
    shots.append(screenshot(app.window, f"player-hold-{look}", tmp_path))
    clock.advance(30 - 12.3 + 1.5)
    player.tick()
    assert player.switch_banner.isVisible()
    shots.append(screenshot(app.window, f"player-switch-{look}", tmp_path))
    finish_current(app, clock)
    shots.append(screenshot(app.window, f"finish-{look}", tmp_path))
    for shot in shots:
        assert QImage(str(shot)).width() == app.window.width()
    brightness = [mean_brightness(shot) for shot in shots]
    if look == "night":
        assert max(brightness) < 0.3, brightness
    else:
        assert min(brightness) > 0.6, brightness
    app.shutdown()


def test_a_voice_that_gives_up_mid_routine_is_reported(
    app: NightstretchApp, clock: FakeClock
) -> None:
    player = app.start_routine("bedtime")
    assert player is not None
    app.voice.problem_found.emit("The speech engine is not responding; voice guidance is off.")
    assert "not responding" in player.notice_label.text()
    assert player.notice_label.isVisibleTo(player)
    clock.advance(5 + 30)
    player.tick()
    assert player.session.state is SessionState.RUNNING
