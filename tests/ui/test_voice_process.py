"""The voice helper process: lines spoken in order, and every way it can fail is survived."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from stretch_app.ui.desktop.voice_process import ProcessVoice


@pytest.fixture
def voice(qtbot: QtBot) -> Iterator[ProcessVoice]:
    speaker = ProcessVoice("mock", "", 0.0, 1.0, enabled=True)
    yield speaker
    speaker.shut_down()


def test_nothing_runs_until_guidance_is_needed(voice: ProcessVoice) -> None:
    assert not voice.running
    assert voice.available


def test_lines_are_spoken_in_order(voice: ProcessVoice, qtbot: QtBot) -> None:
    said: list[str] = []
    voice.spoken.connect(said.append)
    voice.say_lines(["Calf stretch. Left leg.", "Hold for 30 seconds."])
    assert voice.running
    qtbot.waitUntil(lambda: len(said) == 2, timeout=10_000)
    assert said == ["Calf stretch. Left leg.", "Hold for 30 seconds."]
    voice.say("Halfway.")
    qtbot.waitUntil(lambda: said[-1:] == ["Halfway."], timeout=10_000)


def test_the_helper_is_let_go_when_idle_and_comes_back(voice: ProcessVoice, qtbot: QtBot) -> None:
    said: list[str] = []
    voice.spoken.connect(said.append)
    voice.say("Rest.")
    qtbot.waitUntil(lambda: said == ["Rest."], timeout=10_000)
    voice._idle_timer.setInterval(10)
    voice.release_when_idle()
    qtbot.waitUntil(lambda: not voice.running)
    voice.say("All done. Good night.")
    assert voice.running
    qtbot.waitUntil(lambda: said[-1:] == ["All done. Good night."], timeout=10_000)
    assert voice.available


def test_an_unknown_engine_is_reported_once(qtbot: QtBot) -> None:
    voice = ProcessVoice("no-such-engine", "", 0.0, 1.0, enabled=True)
    problems: list[str] = []
    voice.problem_found.connect(problems.append)
    voice.say("Hello.")
    qtbot.waitUntil(lambda: not voice.available, timeout=10_000)
    assert len(problems) == 1
    assert "no-such-engine" in problems[0]
    voice.say("Anyone?")  # says nothing, starts nothing
    assert not voice.running
    voice.shut_down()


def test_a_helper_that_dies_is_reported(voice: ProcessVoice, qtbot: QtBot) -> None:
    with qtbot.waitSignal(voice.ready, timeout=10_000):
        voice.warm_up()
    assert voice._process is not None
    with qtbot.waitSignal(voice.problem_found, timeout=10_000) as problem:
        voice._process.kill()
    assert "stopped working" in problem.args[0]
    assert not voice.running


def test_a_helper_that_never_answers_is_killed(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ProcessVoice, "helper_module", "tests.ui.helpers.silent_voice_helper")
    voice = ProcessVoice("mock", "", 0.0, 1.0, enabled=True)
    voice._ready_timer.setInterval(300)
    with qtbot.waitSignal(voice.problem_found, timeout=10_000) as problem:
        voice.say("Calf stretch.")
    assert "not responding" in problem.args[0]
    assert not voice.running
    voice.shut_down()


def test_switched_off_says_nothing_and_starts_nothing(voice: ProcessVoice) -> None:
    voice.set_enabled(False)
    voice.say("Calf stretch.")
    assert not voice.running


def test_the_helper_speaks_in_the_app_s_language(qtbot: QtBot) -> None:
    # Qt's mock engine offers Norwegian Bokmål (nb_NO) besides English, but no German.
    norwegian = ProcessVoice("mock", "", 0.0, 1.0, enabled=True, language="nb")
    with qtbot.waitSignal(norwegian.ready, timeout=10_000):
        norwegian.warm_up()
    assert norwegian.locale_name == "nb_NO"
    assert norwegian.voices() == ["Eivind", "Kjersti"]
    norwegian.shut_down()


def test_a_language_the_engine_lacks_leaves_the_default_voice(qtbot: QtBot) -> None:
    german = ProcessVoice("mock", "", 0.0, 1.0, enabled=True, language="de")
    problems: list[str] = []
    german.problem_found.connect(problems.append)
    with qtbot.waitSignal(german.ready, timeout=10_000):
        german.warm_up()
    if german.locale_name.startswith("de"):
        pytest.skip("this mock engine offers German")
    assert german.locale_name == "en_GB"
    said: list[str] = []
    german.spoken.connect(said.append)
    german.say("Wadendehnung.")
    qtbot.waitUntil(lambda: said == ["Wadendehnung."], timeout=10_000)
    assert german.available and problems == []
    german.shut_down()


def _alive(pid: int) -> bool:
    """Whether ``pid`` runs (a child that has died but is not yet reaped does not)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[-1].split()[0] != "Z"


def test_releasing_a_helper_that_ignores_sigterm_never_waits_for_it(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    notes = tmp_path / "notes"
    notes.touch()
    monkeypatch.setenv("NIGHTSTRETCH_TEST_NOTES", str(notes))
    monkeypatch.setattr(ProcessVoice, "helper_module", "tests.ui.helpers.stubborn_voice_helper")
    voice = ProcessVoice("mock", "", 0.0, 1.0, enabled=True)
    with qtbot.waitSignal(voice.ready, timeout=10_000):
        voice.warm_up()
    assert voice._process is not None
    pid = voice._process.processId()
    heartbeat = [0]
    beat = QTimer()
    beat.timeout.connect(lambda: heartbeat.__setitem__(0, heartbeat[0] + 1))
    beat.start(0)
    try:
        voice.release()
        # release() came back while the helper still runs: nothing waited for it to go.
        assert _alive(pid)
        assert not voice.running and voice.ending
        beats = heartbeat[0]
        # The timers end it: SIGTERM (ignored), then SIGKILL; the app runs on meanwhile.
        qtbot.waitUntil(lambda: notes.read_text() == "SIGTERM\n", timeout=10_000)
        assert _alive(pid)
        qtbot.waitUntil(lambda: not _alive(pid), timeout=10_000)
        assert heartbeat[0] > beats
        qtbot.waitUntil(lambda: not voice.ending, timeout=10_000)
    finally:
        beat.stop()
        voice.shut_down()


def test_shutting_down_kills_a_stubborn_helper_at_once_without_waiting(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    notes = tmp_path / "notes"
    notes.touch()
    monkeypatch.setenv("NIGHTSTRETCH_TEST_NOTES", str(notes))
    monkeypatch.setattr(ProcessVoice, "helper_module", "tests.ui.helpers.stubborn_voice_helper")
    voice = ProcessVoice("mock", "", 0.0, 1.0, enabled=True)
    with qtbot.waitSignal(voice.ready, timeout=10_000):
        voice.warm_up()
    assert voice._process is not None
    pid = voice._process.processId()
    voice.shut_down()  # the app is quitting: no grace period
    qtbot.waitUntil(lambda: not _alive(pid), timeout=10_000)
    assert notes.read_text() == ""  # killed outright, not asked with SIGTERM first
    qtbot.waitUntil(lambda: not voice.ending, timeout=10_000)
