"""Relief that forgives: Back, "it started earlier", undo after the end, "not a cramp", and
a diary entry that is written from the first moment and tells one length everywhere."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from stretch_app import paths
from stretch_app.core.clock import FakeClock
from stretch_app.core.doctor import evaluate, load_doctor_rules
from stretch_app.core.history import NightLog, night_of
from stretch_app.core.journal import Journal
from stretch_app.core.relief import ReliefState, woke_by_default
from stretch_app.core.report import build_report, write_csv
from stretch_app.ui.app import NightstretchApp
from stretch_app.ui.screens.history import HistoryScreen
from stretch_app.ui.screens.relief import ReliefScreen

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def window_size() -> tuple[int, int]:
    return (1280, 800)


@pytest.fixture
def app_settings() -> str:
    return 'look = "night"'


def open_relief(app: NightstretchApp) -> ReliefScreen:
    relief = app.cramp_now()
    assert relief is not None
    return relief


def click(qtbot: QtBot, widget: object) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)  # type: ignore[arg-type]


def history_lines(app: NightstretchApp) -> list[str]:
    screen = app.open_history()
    assert isinstance(screen, HistoryScreen)
    lines = [screen.episode_list.item(i).text() for i in range(screen.episode_list.count())]
    app.show_home()
    return lines


def test_back_goes_one_step_back_then_to_the_question(app: NightstretchApp, qtbot: QtBot) -> None:
    relief = open_relief(app)
    relief.choose("back-of-thigh")
    relief.next_step()
    assert relief.step_page.exercise_label.text() != "Hamstring stretch"
    assert relief.step_page.back_button.isVisible()
    click(qtbot, relief.step_page.back_button)
    assert relief.step_page.exercise_label.text() == "Hamstring stretch"
    qtbot.keyClick(relief.step_page.eased_button, Qt.Key.Key_Left)
    assert relief.page == "choose"  # the wrong muscle was picked: choose again
    assert relief.choose_page.autostart_label.text() == ""  # and nobody hurries them this time
    qtbot.keyClick(relief.choose_page.muscle_buttons["foot"], Qt.Key.Key_4)
    assert relief.episode.muscle == "foot"
    assert relief.page == "step"


def test_started_earlier_times_the_cramp_from_its_start(
    app: NightstretchApp, clock: FakeClock, qtbot: QtBot
) -> None:
    relief = open_relief(app)
    opened = relief.episode.started_at
    relief.choose("calf")
    clock.advance(20)
    relief.tick()
    assert relief.earlier_bar.isVisible()
    click(qtbot, relief.earlier_bar.buttons[5])
    assert relief.clock_label.text() == "Cramp 5:20"
    click(qtbot, relief.earlier_bar.buttons[2])  # a second tap replaces the first
    assert relief.clock_label.text() == "Cramp 2:20"
    assert relief.episode.emergency_in() == 10 * 60 - 140
    relief.eased()
    assert relief.clock_label.text() == "Lasted 2:20"
    assert app.journal is not None
    (episode,) = app.journal.episodes()
    assert episode.started_at == opened - timedelta(minutes=2)
    assert episode.duration_s == 140


def test_one_length_everywhere(app: NightstretchApp, clock: FakeClock) -> None:
    relief = open_relief(app)
    relief.choose("calf")
    clock.advance(40.6)  # "Lasted 0:40" beside "The cramp lasted 41 s", once
    relief.eased()
    assert relief.clock_label.text() == "Lasted 0:41"
    assert relief.form.lasted_label.text() == "The cramp lasted 41 s."
    relief.form.save()
    assert app.journal is not None
    (episode,) = app.journal.episodes()
    assert episode.duration_s == 41
    (line,) = history_lines(app)
    assert " · 41 s · " in line
    night = night_of(episode.started_at)
    log = NightLog.build(app.journal.sessions(), app.journal.episodes())
    rules = load_doctor_rules(paths.doctor_rules_path())
    report = build_report(log, night, night, night, [], app.safety_guide(), rules)
    assert ",41.0,41 s," in write_csv(report)


def test_not_a_cramp_leaves_no_trace(app: NightstretchApp, clock: FakeClock, qtbot: QtBot) -> None:
    relief = open_relief(app)
    relief.choose("calf")
    clock.advance(12)
    qtbot.keyClick(relief.step_page.eased_button, Qt.Key.Key_Escape)
    assert relief.page == "details"
    assert relief.form.discard_button.isVisible()
    click(qtbot, relief.form.discard_button)
    assert app.window.current_screen() is app.window.home
    assert "nothing was kept" in app.window.home.notice_label.text()
    assert app.journal is not None
    assert app.journal.episodes() == []
    assert history_lines(app) == []
    log = NightLog.build(app.journal.sessions(), app.journal.episodes())
    assert (
        log.episodes_between(
            night_of(relief.episode.opened_at) - timedelta(1), night_of(relief.episode.opened_at)
        )
        == []
    )
    # Cramp now again soon after is a new cramp: nothing of the discarded one goes on.
    again = open_relief(app)
    assert again.episode is not relief.episode
    assert again.clock_label.text() == "Cramp 0:00"
    assert len(app.journal.episodes()) == 1


def test_undo_after_ending_goes_on_with_the_same_clock_and_entry(
    app: NightstretchApp, clock: FakeClock, qtbot: QtBot
) -> None:
    relief = open_relief(app)
    relief.choose("foot")
    clock.advance(30)
    relief.stop()  # End pressed by mistake
    assert app.journal is not None
    (episode,) = app.journal.episodes()
    assert episode.duration_s == 30
    assert relief.form.resume_button.isVisible()
    clock.advance(4)
    click(qtbot, relief.form.resume_button)
    assert relief.page == "step"
    assert relief.episode.state is ReliefState.RELIEVING
    assert relief.clock_label.text() == "Cramp 0:34"
    (episode,) = app.journal.episodes()
    assert (episode.ended_at, episode.duration_s) == (None, None)
    clock.advance(6)
    relief.eased()
    (episode,) = app.journal.episodes()
    assert episode.duration_s == 40
    # The undo is there only for a few seconds.
    timer = relief.findChild(QTimer, "relief-undo-timer")
    assert timer is not None and timer.isActive()
    timer.timeout.emit()
    assert relief.form.resume_button.isHidden()


def test_did_it_wake_you_is_saved_and_the_woken_often_rule_sees_relief_cramps(
    app: NightstretchApp, clock: FakeClock, qtbot: QtBot
) -> None:
    assert app.journal is not None
    for _ in range(3):
        relief = open_relief(app)
        relief.choose("calf")
        clock.advance(50)
        relief.eased()
        started = relief.episode.started_at.astimezone()
        default = relief.form.woke_buttons[woke_by_default(started)]
        assert default.isChecked()  # answered from the time of night
        click(qtbot, relief.form.woke_buttons[True])
        click(qtbot, relief.form.save_button)
        app.show_home()
        clock.advance(3600)  # past the grace time: the next one is a new cramp
    episodes = app.journal.episodes()
    assert [e.woke_me for e in episodes] == [True, True, True]
    # Three nights in one week (the wall clock of a test run is one night; move them apart).
    for days, episode in enumerate(episodes):
        back = timedelta(days)
        app.journal.update_episode(
            episode.id, lambda e, back=back: replace(e, started_at=e.started_at - back)
        )
    rules = load_doctor_rules(paths.doctor_rules_path())
    findings = evaluate(rules, app.journal.episodes())
    assert "woken-often" in [f.rule_id for f in findings]


def test_the_entry_is_written_when_relief_opens_and_kept_up_to_date(
    app: NightstretchApp, clock: FakeClock, qtbot: QtBot
) -> None:
    relief = open_relief(app)
    with Journal.open(paths.journal_path()) as other:  # as a later start would read it
        (episode,) = other.episodes()
        assert (episode.source, episode.ended_at, episode.duration_s) == ("relief", None, None)
        relief.choose("front-of-thigh")
        assert other.episodes()[0].muscle == "front-of-thigh"
        click(qtbot, relief.earlier_bar.buttons[10])
        assert other.episodes()[0].started_at == relief.episode.started_at
        assert other.episodes()[0].emergency is True  # 10 min ago: the line is passed
    assert "end not recorded" in history_lines(app)[0]
    assert "past the emergency line" in history_lines(app)[0]


@pytest.mark.slow
def test_a_killed_app_leaves_the_cramp_without_an_end(qapp: QApplication, qtbot: QtBot) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO))
    runtime = Path(env.get("XDG_RUNTIME_DIR") or paths.journal_path().parent / "run")
    runtime.mkdir(mode=0o700, parents=True, exist_ok=True)
    env["XDG_RUNTIME_DIR"] = str(runtime)
    settings = paths.settings_path()
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text("schema_version = 1\nrelief_autostart_s = 0\n")
    journal = paths.journal_path()
    app = subprocess.Popen(
        [sys.executable, "-m", "stretch_app", "--cramp-now"],
        env=env,
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )

    def calf_recorded() -> bool:
        if app.poll() is not None or not journal.exists():
            return app.poll() is not None
        with Journal.open(journal) as reader:
            return [e.muscle for e in reader.episodes()] == ["calf"]

    try:
        qtbot.waitUntil(calf_recorded, timeout=60_000)
        assert app.poll() is None
    finally:
        app.send_signal(signal.SIGKILL)  # as a power cut would: no chance to save anything
        app.wait(timeout=30)
    with Journal.open(journal) as reader:
        (episode,) = reader.episodes()
    assert (episode.source, episode.muscle, episode.ended_at) == ("relief", "calf", None)
    nightstretch = NightstretchApp(qapp, clock=FakeClock(), voice_engine="mock")
    try:
        qtbot.addWidget(nightstretch.window)
        (line,) = history_lines(nightstretch)
        assert "end not recorded" in line
    finally:
        nightstretch.shutdown()
