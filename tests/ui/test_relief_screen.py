"""Cramp relief in the whole app: every way in, the auto-start, the emergency, the diary entry."""

from __future__ import annotations

import os
import shutil
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from stretch_app import paths
from stretch_app.core.clock import FakeClock
from stretch_app.core.guidance import Cue
from stretch_app.core.journal import Journal
from stretch_app.core.relief import ReliefState
from stretch_app.core.safety import load_safety_guide
from stretch_app.core.session import SessionState
from stretch_app.instance_client import send_to_running
from stretch_app.ui.app import NightstretchApp
from stretch_app.ui.desktop.tray import TrayIcon, TrayState
from stretch_app.ui.instance import InstanceServer
from stretch_app.ui.launch import _make_relief_ahead, _on_hand_over
from stretch_app.ui.screens.relief import ReliefScreen
from tests.ui.helpers.whole_app import open_app

SHOTS = os.environ.get("NIGHTSTRETCH_SCREENSHOTS")
NIGHT = 'look = "night"'
"""The settings these tests start from, unless one says otherwise."""
SIZE = (1280, 800)


@pytest.fixture
def window_size() -> tuple[int, int]:
    return SIZE


@pytest.fixture
def app_settings() -> str:
    return NIGHT


def relief_on_screen(app: NightstretchApp) -> ReliefScreen:
    screen = app.window.current_screen()
    assert isinstance(screen, ReliefScreen)
    assert screen is app.relief
    assert "Cramp relief" in app.window.windowTitle()
    return screen


def press(qtbot: QtBot, key: Qt.Key) -> None:
    """A key as a person types it: to whatever has the keyboard focus."""
    target = QApplication.focusWidget()
    assert target is not None
    qtbot.keyClick(target, key)


def shot(widget: QWidget, name: str) -> None:
    """Keep a picture of ``widget`` when NIGHTSTRETCH_SCREENSHOTS names a folder."""
    QApplication.processEvents()  # let the layouts catch up with the last texts
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        assert widget.grab().save(str(Path(SHOTS) / f"{name}.png"))


# --- ways in ----------------------------------------------------------------------------------


def test_the_big_button_opens_relief(app: NightstretchApp, qtbot: QtBot) -> None:
    qtbot.mouseClick(app.window.home.cramp_button, Qt.MouseButton.LeftButton)
    assert relief_on_screen(app).page == "choose"


def test_the_c_key_opens_relief_from_home_and_from_a_running_routine(
    app: NightstretchApp, qtbot: QtBot
) -> None:
    player = app.start_routine("bedtime")
    assert player is not None
    press(qtbot, Qt.Key.Key_C)
    relief = relief_on_screen(app)
    assert player.session.state is SessionState.STOPPED  # stopped, and recorded
    assert app.journal is not None
    assert len(app.journal.sessions()) == 1
    app.show_home()
    assert app.relief is None
    press(qtbot, Qt.Key.Key_C)
    assert relief_on_screen(app) is not relief


def test_the_first_tray_item_opens_relief(app: NightstretchApp) -> None:
    tray = getattr(app, "tray", None)
    if not isinstance(tray, TrayIcon):  # the app builds no tray yet: wire one as it would
        tray = TrayIcon(QIcon(), TrayState, available=False)
        tray.cramp_now_requested.connect(app.cramp_now)
    tray.rebuild_menu()
    first = tray.menu.actions()[0]
    assert first.text() == "Cramp now"
    first.trigger()
    relief_on_screen(app)


def test_cramp_now_from_the_shell_is_handed_over(
    app: NightstretchApp, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    runtime = Path(tempfile.mkdtemp(prefix="ns-relief-"))
    runtime.chmod(0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    server = InstanceServer()
    assert server.listen()
    server.request_received.connect(lambda asked: _on_hand_over(app, asked))
    try:
        with ThreadPoolExecutor(max_workers=1) as pool:
            sent = pool.submit(send_to_running, {"v": 1, "action": "cramp-now"})
            qtbot.waitUntil(lambda: isinstance(app.window.current_screen(), ReliefScreen))
            assert sent.result(timeout=5)
        relief = relief_on_screen(app)
        # A second request while relief is on only raises it: same screen, same cramp clock.
        _on_hand_over(app, {"v": 1, "action": "cramp-now"})
        assert relief_on_screen(app) is relief
    finally:
        server.close()
        # Delete the dropped client sockets now, while their server is still alive, rather
        # than in whichever later test runs the event loop (a crash, depending on timing).
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
        shutil.rmtree(runtime, ignore_errors=True)


def test_cramp_now_while_relief_is_on_raises_it(app: NightstretchApp, clock: FakeClock) -> None:
    first = app.cramp_now()
    assert first is not None
    clock.advance(30)
    first.tick()
    assert app.cramp_now() is first
    assert first.episode.elapsed() == 30
    assert app.window.stack.count() == 2  # home and relief, nothing piled up


# --- the relief screen ------------------------------------------------------------------------


def test_calf_relief_starts_by_itself(app: NightstretchApp, clock: FakeClock, qtbot: QtBot) -> None:
    said: list[str] = []
    app.voice.spoken.connect(said.append)
    relief = app.cramp_now()
    assert relief is not None
    assert relief.choose_page.question_label.text() == "Where is the cramp?"
    assert relief.choose_page.autostart_label.text() == "Calf relief starts in 5 s"
    shot(app.window, "relief-choose-night")
    clock.advance(3)
    relief.tick()
    assert relief.page == "choose"
    assert relief.choose_page.autostart_label.text() == "Calf relief starts in 2 s"
    clock.advance(2)
    relief.tick()
    assert relief.page == "step"
    assert relief.episode.muscle == "calf"
    assert relief.step_page.exercise_label.text() == "Calf stretch"
    assert relief.step_page.until_label.text() == "Hold until it eases"
    clock.advance(14)
    relief.tick()
    assert relief.step_page.ring.text == "0:14"
    assert relief.clock_label.text() == "Cramp 0:19"
    assert QApplication.focusWidget() is relief.step_page.eased_button
    shot(app.window, "relief-step-night")
    qtbot.waitUntil(lambda: "Calf stretch. Hold until it eases." in said, timeout=10000)
    assert said[0] == "Where is the cramp? Calf relief starts in 5 seconds."


def test_the_auto_start_wait_comes_from_the_settings(
    qapp: QApplication, qtbot: QtBot, clock: FakeClock
) -> None:
    nightstretch = open_app(qapp, qtbot, clock, size=SIZE, settings="relief_autostart_s = 0")
    relief = nightstretch.cramp_now()
    assert relief is not None
    assert relief.page == "step"
    assert relief.episode.muscle == "calf"
    nightstretch.shutdown()


def test_keys_choose_the_muscle_go_on_and_say_it_eased(
    app: NightstretchApp, clock: FakeClock, qtbot: QtBot
) -> None:
    relief = app.cramp_now()
    assert relief is not None
    press(qtbot, Qt.Key.Key_2)
    assert relief.episode.muscle == "back-of-thigh"
    assert relief.step_page.exercise_label.text() == "Hamstring stretch"
    press(qtbot, Qt.Key.Key_N)
    assert relief.episode.index == 1
    press(qtbot, Qt.Key.Key_Right)
    assert relief.episode.index == 2
    assert relief.step_page.exercise_label.text() == "Massage the muscle"
    clock.advance(20)
    press(qtbot, Qt.Key.Key_Return)  # Enter means "easing" (the button shows it is pressed)
    qtbot.waitUntil(lambda: relief.page == "details")
    assert relief.outcome is not None
    assert relief.outcome.helped == "massage"


def test_every_control_has_an_accessible_name(app: NightstretchApp) -> None:
    relief = app.cramp_now()
    assert relief is not None
    names = {b.accessibleName() for b in relief.choose_page.muscle_buttons.values()}
    assert names == {"Calf", "Back of thigh", "Front of thigh", "Foot"}
    controls = [
        relief.step_page.eased_button,
        relief.step_page.next_button,
        relief.step_page.end_button,
        relief.step_page.ring,
    ]
    controls += [relief.form.save_button, relief.form.note_edit, relief.tips.done_button]
    controls += [*relief.form.leg_buttons.values(), *relief.form.pain_buttons]
    assert all(c.accessibleName() for c in controls)


def test_relief_through_twelve_minutes_keeps_the_emergency_signs_in_view(
    app: NightstretchApp, clock: FakeClock, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Done-when test of issue 10: signs from 0:01, highlight at 8:00, notice at 10:00."""
    said: list[str] = []
    app.voice.spoken.connect(said.append)
    cues: list[Cue] = []
    monkeypatch.setattr(app.cues, "play", cues.append)
    emergency = load_safety_guide(paths.guidance_path()).emergency
    relief = app.cramp_now()
    assert relief is not None
    banner = relief.emergency_banner
    told: list[str] = []
    relief.announced.connect(told.append)

    def every_sign_visible() -> bool:
        return banner.isVisible() and all(label.isVisible() for label in banner.sign_labels)

    clock.advance(1)
    relief.tick()
    assert relief.page == "choose"  # "Where is the cramp?" shows them too
    assert every_sign_visible()
    assert len(banner.sign_labels) == len(emergency.signs) == 4
    for label, sign in zip(banner.sign_labels, emergency.panel_signs, strict=True):
        assert sign in label.text()
    for sign in emergency.signs:  # screen readers get every sign in full
        assert sign in banner.accessibleDescription()
    assert banner.state == "calm"
    clock.advance(4)
    relief.tick()
    assert relief.page == "step"
    assert every_sign_visible()
    shot(app.window, "relief-0-05-night")
    timed = banner.timed_label
    assert timed is not None

    clock.advance(7 * 60 + 54)
    relief.tick()
    assert banner.state == "calm"  # 7:59
    clock.advance(1)
    relief.tick()  # 8:00, what the precise timer does; nobody clicks anything
    assert banner.state == "near"
    assert timed.property("near") is True
    assert "2:00 left" in timed.text()
    assert every_sign_visible()
    assert any("emergency line" in text for text in told)
    shot(app.window, "relief-8-00-night")
    clock.advance(61)
    relief.tick()
    assert "0:59 left" in timed.text()
    assert Cue.EMERGENCY not in cues

    said.clear()
    clock.advance(59)
    relief.tick()  # 10:00
    assert banner.state == "urgent"
    assert banner.lead_label.isVisible()
    assert banner.lead_label.text() == emergency.lead
    assert every_sign_visible()
    for label, sign in zip(banner.sign_labels, emergency.panel_signs, strict=True):
        assert sign in label.text()
    for sign in emergency.signs:  # told in full
        assert sign in banner.accessibleDescription()
    assert cues.count(Cue.EMERGENCY) == 1
    assert told[-1] == banner.full_text
    qtbot.waitUntil(lambda: all(line in said for line in emergency.signs), timeout=10000)
    assert emergency.lead in said
    shot(app.window, "relief-10-00-night")

    said.clear()
    clock.advance(emergency.repeat_every_minutes * 60 - 1)
    relief.tick()
    assert cues.count(Cue.EMERGENCY) == 1
    clock.advance(1)
    relief.tick()  # 13:00 with the shipped 3 minutes: again, in full
    assert cues.count(Cue.EMERGENCY) == 2
    assert told[-1] == banner.full_text
    qtbot.waitUntil(lambda: all(line in said for line in emergency.signs), timeout=10000)

    relief.stop()
    assert relief.page == "details"
    assert banner.isVisible() and banner.state == "urgent"  # kept on the after-page
    assert banner.lead_label.isVisible() and every_sign_visible()
    shot(app.window, "relief-after-emergency-night")
    assert relief.clock_label.text() == "Lasted 13:00"
    app.show_home()

    # Reopening within the grace period continues the same cramp and its clock.
    clock.advance(emergency.same_cramp_within_minutes * 60 - 10)
    again = app.cramp_now()
    assert again is not None and again is not relief
    assert again.episode is relief.episode
    assert again.page == "step"
    assert "The same cramp" in again.notice_label.text()
    assert again.clock_label.text().startswith("Cramp 17:")
    assert again.emergency_banner.state == "urgent"
    assert cues.count(Cue.EMERGENCY) == 3  # 17:50 is past the 16:00 repeat: at once
    again.eased()
    assert app.journal is not None
    (episode,) = app.journal.episodes()
    assert episode.emergency is True
    assert episode.duration_s == 17 * 60 + 50


def test_the_moment_timer_is_armed_for_the_auto_start_and_the_emergency(
    app: NightstretchApp, clock: FakeClock
) -> None:
    relief = app.cramp_now()
    assert relief is not None
    timer = relief.findChild(QTimer, "relief-moment-timer")
    assert timer is not None and timer.isActive()
    assert 5000 <= timer.interval() <= 5002
    clock.advance(5)
    relief.tick()
    assert 475_000 <= timer.interval() <= 475_002  # 8:00, when the 10-minute sign is lit
    clock.advance(475)
    relief.tick()
    assert 120_000 <= timer.interval() <= 120_002  # 10:00
    clock.advance(120)
    relief.tick()
    assert 180_000 <= timer.interval() <= 180_002  # the notice again, 3 minutes on


# --- the diary entry --------------------------------------------------------------------------


def test_an_episode_is_saved_and_read_back_after_a_restart(
    qapp: QApplication, qtbot: QtBot, clock: FakeClock
) -> None:
    first = open_app(qapp, qtbot, clock, size=SIZE, settings=NIGHT)
    relief = first.cramp_now()
    assert relief is not None
    relief.choose("foot")
    clock.advance(40)
    relief.next_step()
    clock.advance(50)
    qtbot.mouseClick(relief.step_page.eased_button, Qt.MouseButton.LeftButton)
    assert relief.form.saved_label.text().startswith("Saved in your diary.")
    assert "1 min 30 s" in relief.form.lasted_label.text()
    qtbot.mouseClick(relief.form.leg_buttons["left"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(relief.form.pain_buttons[7], Qt.MouseButton.LeftButton)
    qtbot.keyClicks(relief.form.note_edit, "woke me at 3")
    shot(first.window, "relief-form-night")
    qtbot.mouseClick(relief.form.save_button, Qt.MouseButton.LeftButton)
    assert relief.page == "tips"
    assert "Drink plenty of water." in relief.tips.tips_label.text()
    shot(first.window, "relief-tips-night")
    qtbot.mouseClick(relief.tips.done_button, Qt.MouseButton.LeftButton)
    assert first.window.current_screen() is first.window.home
    first.shutdown()

    again = open_app(qapp, qtbot, clock, size=SIZE, settings=NIGHT)
    assert again.journal is not None
    (episode,) = again.journal.episodes()
    assert episode.source == "relief"
    assert episode.muscle == "foot"
    assert episode.helped == "press-foot-flat"
    assert episode.duration_s == 90
    assert episode.ended_at is not None
    assert (episode.ended_at - episode.started_at).total_seconds() == 90
    assert (episode.leg, episode.pain, episode.note) == ("left", 7, "woke me at 3")
    again.shutdown()


def test_save_with_nothing_chosen_and_enter(
    app: NightstretchApp, clock: FakeClock, qtbot: QtBot
) -> None:
    relief = app.cramp_now()
    assert relief is not None
    clock.advance(8)
    relief.tick()
    press(qtbot, Qt.Key.Key_E)
    assert QApplication.focusWidget() is relief.form.save_button
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: relief.page == "tips")
    app.shutdown()
    with Journal.open(paths.journal_path()) as journal:
        (episode,) = journal.episodes()
    assert (episode.muscle, episode.helped, episode.duration_s) == ("calf", "calf-stretch", 8)
    assert (episode.leg, episode.pain, episode.note) == (None, None, "")


def test_closing_mid_cramp_saves_the_episode(app: NightstretchApp, clock: FakeClock) -> None:
    relief = app.cramp_now()
    assert relief is not None
    relief.choose("front-of-thigh")
    clock.advance(65)
    app.window.close()
    assert relief.episode.state is ReliefState.ENDED
    app.shutdown()
    with Journal.open(paths.journal_path()) as journal:
        (episode,) = journal.episodes()
    assert (episode.muscle, episode.helped, episode.duration_s) == ("front-of-thigh", None, 65)


def test_closing_on_the_form_keeps_what_was_entered(
    app: NightstretchApp, clock: FakeClock, qtbot: QtBot
) -> None:
    relief = app.cramp_now()
    assert relief is not None
    relief.choose("calf")
    clock.advance(20)
    relief.eased()
    qtbot.mouseClick(relief.form.leg_buttons["right"], Qt.MouseButton.LeftButton)
    app.window.close()
    app.shutdown()
    with Journal.open(paths.journal_path()) as journal:
        (episode,) = journal.episodes()
    assert episode.leg == "right"


def test_escape_ends_relief_then_saves_then_goes_home(
    app: NightstretchApp, clock: FakeClock, qtbot: QtBot
) -> None:
    relief = app.cramp_now()
    assert relief is not None
    press(qtbot, Qt.Key.Key_1)
    clock.advance(12)
    press(qtbot, Qt.Key.Key_Escape)
    assert relief.page == "details"
    assert relief.form.heading_label.text() == "Relief ended."
    press(qtbot, Qt.Key.Key_Escape)
    assert relief.page == "tips"
    press(qtbot, Qt.Key.Key_Escape)
    assert app.window.current_screen() is app.window.home
    assert app.journal is not None
    (episode,) = app.journal.episodes()
    assert episode.helped is None


SHOT_SIZES = [(1280, 800), (1024, 600), (1920, 1080)]


@pytest.mark.parametrize("size", SHOT_SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize("language", ["en", "de"])
@pytest.mark.parametrize("scale", [1.0, 2.0], ids=["normal-text", "largest-text"])
def test_relief_pictures_at_five_seconds_eight_and_ten_minutes_and_after(
    qapp: QApplication,
    qtbot: QtBot,
    clock: FakeClock,
    size: tuple[int, int],
    language: str,
    scale: float,
) -> None:
    """The pages the issue asks to be looked at; kept when NIGHTSTRETCH_SCREENSHOTS is set."""
    settings = f'language = "{language}"\nlook = "night"\ntext_scale = {scale}'
    nightstretch = open_app(qapp, qtbot, clock, size=SIZE, settings=settings)
    nightstretch.window.resize(*size)
    suffix = (
        ""
        if (size, language, scale) == ((1280, 800), "en", 1.0)
        else "-"
        + "-".join([f"{size[0]}x{size[1]}", language, *(["largest-text"] if scale > 1 else [])])
    )
    relief = nightstretch.cramp_now()
    assert relief is not None
    banner = relief.emergency_banner
    clock.advance(5)
    relief.tick()
    assert banner.isVisible() and banner.state == "calm"
    shot(nightstretch.window, f"relief-0-05-night{suffix}")
    clock.advance(8 * 60 - 5)
    relief.tick()
    assert banner.state == "near"
    shot(nightstretch.window, f"relief-8-00-night{suffix}")
    clock.advance(2 * 60)
    relief.tick()
    assert banner.state == "urgent"
    shot(nightstretch.window, f"relief-10-00-night{suffix}")
    relief.eased()
    assert relief.page == "details" and banner.isVisible()
    shot(nightstretch.window, f"relief-after-night{suffix}")
    nightstretch.shutdown()


def test_a_plain_start_has_the_relief_screen_ready_for_a_hand_over(
    app: NightstretchApp, qtbot: QtBot
) -> None:
    """Issue 13: once the window is up, "cramp now" finds its screen made and only shows it."""
    app.show()
    _make_relief_ahead(app)
    qtbot.waitUntil(lambda: app.window.stack.findChild(ReliefScreen) is not None)
    made = app.window.stack.findChild(ReliefScreen)
    assert made is not None and not made.isVisible()
    relief = app.cramp_now()
    assert relief is made
    assert relief_on_screen(app) is made
    assert relief.page == "choose"
