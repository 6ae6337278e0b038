"""Sound cues and the voice: what is said, that nothing blocks, and what happens without sound."""

from __future__ import annotations

import json
import math
import os
import re
import shutil
import struct
import subprocess
import sys
import wave
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QObject, QTimer

# Loading these logs "Couldn't load pipewire" warnings once per process; loading them here, at
# collection, keeps those out of the first test that builds a cue player or a voice.
from PySide6.QtMultimedia import QAudioDevice, QMediaDevices
from PySide6.QtTextToSpeech import QTextToSpeech
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from stretch_app.ui.desktop.audio import (
    NO_SOUND_DEVICE,
    Cue,
    CuePlayer,
    NullCuePlayer,
    make_cue_player,
)
from stretch_app.ui.desktop.sound_problems import problem_text
from stretch_app.ui.desktop.voice import SPEECH_NOT_RESPONDING, NullVoice, Voice, make_voice
from tests.conftest import ASSETS, REPO

# Qt logs these where there is no sound server; the tests that meet one say so.
NO_PULSE_LOG = r"PulseAudioService: pa_context_connect\(\) failed"
NO_DEVICE_LOG = r"QSoundEffect: playback of this format is not supported"

pytestmark = pytest.mark.skipif(
    "mock" not in QTextToSpeech.availableEngines(), reason="Qt's mock speech engine is missing"
)


def write_tone(path: Path, seconds: float = 0.3, hz: float = 660.0) -> Path:
    """A short 16-bit mono sine tone, loud enough to measure."""
    rate = 22050
    frames = b"".join(
        struct.pack("<h", int(12000 * math.sin(2 * math.pi * hz * i / rate)))
        for i in range(int(seconds * rate))
    )
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(frames)
    return path


def sound_folder(tmp_path: Path) -> Path:
    """The shipped sounds when all are there, else temporary tones of the same names."""
    shipped = ASSETS / "sounds"
    if all((shipped / f"{cue.value}.wav").is_file() for cue in Cue):
        return shipped
    folder = tmp_path / "sounds"
    folder.mkdir(exist_ok=True)
    for cue in Cue:
        write_tone(folder / f"{cue.value}.wav")
    return folder


def timer(owner: QObject, name: str) -> QTimer:
    found = owner.findChild(QTimer, name)
    assert found is not None
    return found


@pytest.fixture
def spoken() -> list[str]:
    return []


@pytest.fixture
def mock_voice(qapp: QApplication, spoken: list[str]) -> Iterator[Voice]:
    voice = Voice("mock")
    voice.spoken.connect(spoken.append)
    yield voice
    voice.stop()


# --- the voice, with Qt's mock engine ---------------------------------------------------------


def test_the_mock_voice_says_lines_in_order(
    qtbot: QtBot, mock_voice: Voice, spoken: list[str]
) -> None:
    assert mock_voice.available
    assert mock_voice.problem is None
    assert mock_voice.engine_name == "mock"
    lines = ["Calf stretch. Left leg. Hold for 30 seconds.", "Halfway.", "Switch legs."]
    for number, line in enumerate(lines, start=1):
        mock_voice.say(line)
        qtbot.waitUntil(lambda n=number: len(spoken) == n and not mock_voice.is_speaking)
    assert spoken == lines
    # Each line finished in time: the watchdog was stopped, never fired.
    assert not timer(mock_voice, "speech_watchdog").isActive()
    assert mock_voice.available


def test_lines_of_one_event_are_said_together_in_order(
    qtbot: QtBot, mock_voice: Voice, spoken: list[str]
) -> None:
    with qtbot.waitSignals([mock_voice.spoken, mock_voice.spoken]):
        mock_voice.say_lines(["Rest.", "Next: hamstring stretch."])
    assert spoken == ["Rest.", "Next: hamstring stretch."]
    qtbot.waitUntil(lambda: not mock_voice.is_speaking)


def test_a_newer_line_cuts_off_an_older_one(
    qtbot: QtBot, mock_voice: Voice, spoken: list[str]
) -> None:
    with qtbot.waitSignal(mock_voice.spoken):
        mock_voice.say("Get ready. First: calf stretch, then lower front leg stretch.")
    assert mock_voice.is_speaking
    with qtbot.waitSignal(mock_voice.spoken):
        mock_voice.say("Calf stretch. Left leg. Hold for 30 seconds.")
    qtbot.waitUntil(lambda: not mock_voice.is_speaking)
    assert spoken[-1] == "Calf stretch. Left leg. Hold for 30 seconds."
    assert mock_voice.available


def test_the_mock_voice_offers_voices_rate_and_volume(mock_voice: Voice) -> None:
    names = mock_voice.voices()
    assert names
    assert mock_voice.set_voice(names[-1])
    assert not mock_voice.set_voice("Nobody at all")
    mock_voice.set_rate(5.0)  # clamped, not rejected
    mock_voice.set_volume(-1.0)


def test_the_voice_speaks_in_the_app_s_language_when_the_engine_has_it(
    qapp: QApplication,
) -> None:
    # Qt's mock engine offers en_GB (its default), en_US, nb_NO, nn_NO and fi_FI.
    norwegian = Voice("mock", language="nb")
    assert norwegian.locale_name == "nb_NO"
    assert norwegian.voices() == ["Eivind", "Kjersti"]
    assert Voice("mock", language="en").locale_name == "en_GB"  # already English: left alone


def test_a_language_the_engine_lacks_keeps_its_default_voice(qapp: QApplication) -> None:
    voice = Voice("mock", language="de")
    assert voice._tts is not None
    if any(loc.language() == QLocale.Language.German for loc in voice._tts.availableLocales()):
        pytest.skip("this mock engine offers German")
    assert voice.available and voice.problem is None
    assert voice.locale_name == "en_GB"
    assert voice.voices() == ["Bob", "Anne"]
    assert Voice("mock", language="xx-nonsense").locale_name == "en_GB"


def test_a_chosen_voice_wins_over_the_language(qapp: QApplication) -> None:
    voice = Voice("mock", "Anne", language="nb")
    assert voice.locale_name == "en_GB"
    assert voice.set_voice("Kari")  # a voice of another language: the locale follows it
    assert voice.locale_name == "fi_FI"
    assert not voice.set_voice("Nobody at all")
    assert voice.locale_name == "fi_FI"
    assert voice._tts is not None and voice._tts.voice().name() == "Kari"


def test_a_disabled_voice_says_nothing(qtbot: QtBot, spoken: list[str]) -> None:
    voice = Voice("mock", enabled=False)
    voice.spoken.connect(spoken.append)
    voice.say("Halfway.")
    # Nothing was even queued for the next turn of the event loop.
    assert not timer(voice, "speech_flush").isActive()
    assert spoken == []
    voice.set_enabled(True)
    with qtbot.waitSignal(voice.spoken):
        voice.say("Switch legs.")
    voice.set_enabled(False)
    assert spoken == ["Switch legs."]
    qtbot.waitUntil(lambda: not voice.is_speaking)


def test_an_unknown_engine_turns_the_voice_off_with_a_reason(qapp: QApplication) -> None:
    voice = Voice("no-such-engine")
    assert not voice.available
    assert voice.problem is not None
    assert "no-such-engine" in voice.problem
    voice.say("Halfway.")
    assert voice.voices() == []
    assert voice.engine_name is None
    assert not voice.set_voice("Anne")


def test_the_factory_makes_a_working_voice(qtbot: QtBot) -> None:
    voice = make_voice("mock", "", 0.0, 0.5, True)
    assert isinstance(voice, Voice)
    assert voice.available
    with qtbot.waitSignal(voice.spoken):
        voice.say("All done. Good night.")
    qtbot.waitUntil(lambda: not voice.is_speaking)


# --- a stuck engine ---------------------------------------------------------------------------


class StuckEngine(QTextToSpeech):
    """Behaves like speech-dispatcher with no sound server: says "Speaking" and never stops.

    It also holds the rule found by trying the real one: once a line is unconfirmed, a second
    line wedges the daemon, and every later call (even deleting it) would block for ever.
    """

    made: list[StuckEngine] = []  # noqa: RUF012 - a test's own record

    def __init__(self, engine: str, parent: QObject | None = None) -> None:
        super().__init__(engine, parent)
        self.calls: list[str] = []
        self.says_in_flight = 0
        self.wedged_by: str | None = None
        self._state = QTextToSpeech.State.Ready
        StuckEngine.made.append(self)

    def _call(self, name: str) -> None:
        if self.says_in_flight >= 2 and self.wedged_by is None:
            self.wedged_by = name
        self.calls.append(name)

    def state(self) -> QTextToSpeech.State:
        return self._state

    def say(self, text: str) -> None:
        self._call("say")
        self.says_in_flight += 1
        self._state = QTextToSpeech.State.Speaking
        self.stateChanged.emit(self._state)

    def stop(
        self, boundary: QTextToSpeech.BoundaryHint = QTextToSpeech.BoundaryHint.Default
    ) -> None:
        self._call("stop")


@pytest.fixture
def stuck_engine(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> Iterator[type[StuckEngine]]:
    import PySide6.QtTextToSpeech

    StuckEngine.made = []
    monkeypatch.setattr(PySide6.QtTextToSpeech, "QTextToSpeech", StuckEngine)
    yield StuckEngine
    for engine in StuckEngine.made:
        assert engine.wedged_by is None, f"{engine.wedged_by}() called on a wedged engine"


def quick_voice() -> Voice:
    return Voice("mock", watchdog_base_ms=150, watchdog_ms_per_char=1)


def test_a_stuck_engine_is_given_up_after_two_lines_without_blocking(
    qtbot: QtBot, stuck_engine: type[StuckEngine], spoken: list[str]
) -> None:
    voice = quick_voice()
    voice.spoken.connect(spoken.append)
    problems: list[str] = []
    voice.problem_found.connect(problems.append)
    (engine,) = stuck_engine.made

    voice.say("Calf stretch. Left leg. Hold for 30 seconds.")
    assert engine.calls == []  # say() returned before the engine was called: nothing to wait on
    qtbot.waitUntil(lambda: engine.calls == ["say", "stop"])  # the watchdog stopped it
    assert voice.available  # one stuck line is not enough

    voice.say("Halfway.")
    assert engine.calls == ["say", "stop"]  # returned without touching the stuck engine
    with qtbot.waitSignal(voice.problem_found, timeout=5000):
        pass
    assert problems == [problem_text(SPEECH_NOT_RESPONDING)]
    assert not voice.available
    assert voice.problem_code == SPEECH_NOT_RESPONDING
    assert voice.problem == "The speech engine is not responding; voice guidance is off."
    # The second line never reached the wedged engine.
    assert spoken == ["Calf stretch. Left leg. Hold for 30 seconds."]
    assert engine.calls == ["say", "stop"]

    voice.say("Switch legs.")
    voice.stop()
    voice.set_enabled(False)
    assert not timer(voice, "speech_flush").isActive()
    assert not timer(voice, "speech_watchdog").isActive()
    assert problems == [problem_text(SPEECH_NOT_RESPONDING)]
    assert engine.calls == ["say", "stop"]


def test_lines_that_pile_up_on_a_stuck_engine_never_wedge_it(
    qtbot: QtBot, stuck_engine: type[StuckEngine], spoken: list[str]
) -> None:
    voice = quick_voice()
    voice.spoken.connect(spoken.append)
    (engine,) = stuck_engine.made
    with qtbot.waitSignal(voice.spoken):
        voice.say("Get ready. First: calf stretch.")
    for line in ("Calf stretch. Left leg.", "Halfway.", "Switch legs."):
        voice.say(line)
        qtbot.waitUntil(lambda: not timer(voice, "speech_flush").isActive())
    with qtbot.waitSignal(voice.problem_found, timeout=5000):
        pass
    assert spoken == ["Get ready. First: calf stretch."]
    assert engine.calls == ["say", "stop"]


def test_an_engine_error_turns_the_voice_off_once(
    qtbot: QtBot, stuck_engine: type[StuckEngine]
) -> None:
    voice = quick_voice()
    (engine,) = stuck_engine.made
    with qtbot.waitSignal(voice.spoken):
        voice.say("Halfway.")
    with qtbot.waitSignal(voice.problem_found) as failed:
        engine._state = QTextToSpeech.State.Error
        engine.stateChanged.emit(engine._state)
    assert "stopped working" in failed.args[0]
    assert not voice.available


def test_without_qt_texttospeech_the_factory_gives_a_silent_voice(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "PySide6.QtTextToSpeech", None)
    voice = make_voice(None, "Anne", 0.0, 1.0, True)
    assert isinstance(voice, NullVoice)
    assert not voice.available
    assert voice.problem is not None
    voice.say("Halfway.")
    voice.set_rate(0.5)
    assert not voice.is_speaking
    assert voice.voices() == []


# --- cues without a sound device -------------------------------------------------------------


_REPORT_CUES = """
import json, sys
from pathlib import Path
from PySide6.QtCore import QCoreApplication
from PySide6.QtMultimedia import QMediaDevices
from stretch_app.ui.desktop.audio import make_cue_player

app = QCoreApplication([])
player = make_cue_player(True, 1.0, None, Path(sys.argv[1]))
print(json.dumps({
    "outputs": len(QMediaDevices.audioOutputs()),
    "available": player.available,
    "code": player.problem_code,
    "problem": player.problem,
}), flush=True)
"""


def report_cues(env: dict[str, str], folder: Path) -> dict[str, object]:
    """What a cue player says about sound in a fresh process with ``env`` (a Qt Multimedia
    process sees the sound server it met first, so each condition gets its own process)."""
    done = subprocess.run(
        [sys.executable, "-c", _REPORT_CUES, str(folder)],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    report: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return report


@pytest.fixture
def no_sound_server(tmp_path: Path) -> dict[str, str]:
    """An environment where no sound server can be reached or started."""
    runtime = tmp_path / "empty-run"
    runtime.mkdir(mode=0o700)
    client_conf = tmp_path / "client.conf"
    client_conf.write_text("autospawn = no\n")
    env = {
        **os.environ,
        "XDG_RUNTIME_DIR": str(runtime),  # no pipewire-0, no pulse/native in here
        "PULSE_SERVER": f"unix:{runtime}/pulse/native",
        "PULSE_CLIENTCONFIG": str(client_conf),
        "QT_QPA_PLATFORM": "offscreen",
    }
    env.pop("PIPEWIRE_REMOTE", None)
    return env


def test_with_no_sound_server_cues_are_off_and_say_why(
    tmp_path: Path, no_sound_server: dict[str, str]
) -> None:
    report = report_cues(no_sound_server, sound_folder(tmp_path))
    assert report == {
        "outputs": 0,
        "available": False,
        "code": NO_SOUND_DEVICE,
        "problem": "No sound device found; cues are off.",
    }


@pytest.mark.qt_log_ignore(NO_PULSE_LOG)
def test_with_no_sound_device_cues_are_off_and_play_returns_at_once(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QMediaDevices, "audioOutputs", staticmethod(list))
    player = make_cue_player(True, 0.8, None, sound_folder(tmp_path))
    assert isinstance(player, CuePlayer)
    assert not player.available
    assert player.problem_code == NO_SOUND_DEVICE
    assert player.problem == "No sound device found; cues are off."
    for cue in Cue:
        player.play(cue)
    assert player._effects == {}  # no sound object was even made: nothing can wait on a device
    player.set_volume(2.0)
    assert player.volume == 1.0


@pytest.mark.qt_log_ignore(NO_PULSE_LOG, NO_DEVICE_LOG)
def test_a_device_that_cannot_play_turns_cues_off_once(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if QMediaDevices.audioOutputs():
        pytest.skip("this machine has a real sound device")
    monkeypatch.setattr(QMediaDevices, "audioOutputs", staticmethod(lambda: [QAudioDevice()]))
    problems: list[str] = []
    player = CuePlayer(sound_folder(tmp_path))
    player.problem_found.connect(problems.append)
    player.play(Cue.HOLD_START)
    qtbot.waitUntil(lambda: not player.available)
    assert problems == [player.problem]
    player.play(Cue.DONE)
    with qtbot.waitSignal(player.destroyed):
        player.deleteLater()


@pytest.mark.qt_log_ignore(NO_PULSE_LOG)
def test_missing_sound_files_are_named(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QMediaDevices, "audioOutputs", staticmethod(lambda: [QAudioDevice()]))
    player = CuePlayer(tmp_path / "no-sounds-here")
    assert not player.available
    assert player.problem is not None
    for cue in Cue:
        assert f"{cue.value}.wav" in player.problem
    player.play(Cue.SWITCH_LEGS)  # nothing to play, nothing happens


def test_without_qt_multimedia_the_factory_gives_silent_cues(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "PySide6.QtMultimedia", None)
    player = make_cue_player(True, 1.0)
    assert isinstance(player, NullCuePlayer)
    assert not player.available
    assert player.problem is not None
    player.play(Cue.DONE)
    player.set_enabled(False)
    player.set_volume(0.3)


# --- real sound, through a private PulseAudio with a null sink -------------------------------

_PLAY_ONE_CUE = """
import json, sys
from pathlib import Path
from PySide6.QtCore import QCoreApplication, QTimer
from stretch_app.ui.desktop.audio import Cue, make_cue_player

app = QCoreApplication([])
player = make_cue_player(True, 1.0, None, Path(sys.argv[1]))
result = {"available": player.available, "problem": player.problem, "played": False}
effect = getattr(player, "_effects", {}).get(Cue.HOLD_START)

def finish() -> None:
    print(json.dumps(result), flush=True)
    app.quit()

if effect is None:
    QTimer.singleShot(0, finish)
else:
    def on_playing() -> None:
        if effect.isPlaying():
            result["played"] = True
        elif result["played"]:
            finish()
    effect.playingChanged.connect(on_playing)
    player.play(Cue.HOLD_START)
    QTimer.singleShot(10000, finish)
app.exec()
"""


@pytest.fixture
def private_pulse(tmp_path: Path, qtbot: QtBot) -> Iterator[dict[str, str]]:
    """A PulseAudio server of the test's own, with one null sink; stopped afterwards.

    It runs in the foreground as our child (not ``-D``), so the test holds its handle and
    always stops it, whatever happens in between.
    """
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    env = {
        **os.environ,
        "XDG_RUNTIME_DIR": str(runtime),
        "PULSE_SERVER": f"unix:{runtime}/pulse/native",
        "QT_QPA_PLATFORM": "offscreen",
    }
    server = subprocess.Popen(
        [
            "pulseaudio", "-n", "--daemonize=no", "--exit-idle-time=-1", "--log-target=stderr",
            "--load=module-native-protocol-unix",
            "--load=module-null-sink sink_name=null",
            "--load=module-always-sink",
        ],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:

        def ready() -> bool:
            assert server.poll() is None, "PulseAudio exited at start-up"
            info = subprocess.run(["pactl", "info"], env=env, capture_output=True, timeout=10)
            return info.returncode == 0

        qtbot.waitUntil(ready, timeout=20_000)  # PulseAudio accepts clients
        yield env
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=10)


@pytest.mark.skipif(
    shutil.which("pulseaudio") is None or shutil.which("pactl") is None,
    reason="needs pulseaudio and pactl for a fake sound card",
)
def test_with_a_sound_card_cues_are_on(tmp_path: Path, private_pulse: dict[str, str]) -> None:
    report = report_cues(private_pulse, sound_folder(tmp_path))
    assert report["outputs"] == 1  # the null sink
    assert report["available"] is True
    assert report["code"] is None and report["problem"] is None


def _peak(recording: Path) -> float:
    stat = subprocess.run(
        ["sox", str(recording), "-n", "stat"], capture_output=True, text=True, timeout=30
    )
    match = re.search(r"Maximum amplitude:\s*([0-9.]+)", stat.stderr)
    assert match, stat.stderr
    return float(match[1])


@pytest.mark.skipif(
    not all(shutil.which(tool) for tool in ("pulseaudio", "pactl", "parec", "sox")),
    reason="needs pulseaudio, pulseaudio-utils and sox for a fake sound card",
)
def test_a_cue_is_really_heard_on_a_sound_card(
    tmp_path: Path, private_pulse: dict[str, str], qtbot: QtBot
) -> None:
    recording = tmp_path / "heard.wav"
    recorder = subprocess.Popen(
        ["parec", "-d", "null.monitor", "--file-format=wav", str(recording)],
        env=private_pulse,
        stderr=subprocess.DEVNULL,
    )
    try:
        # parec is recording once the WAV header is written.
        qtbot.waitUntil(
            lambda: recording.is_file() and recording.stat().st_size > 44, timeout=10_000
        )
        played = subprocess.run(
            [sys.executable, "-c", _PLAY_ONE_CUE, str(sound_folder(tmp_path))],
            env=private_pulse,
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        recorder.terminate()
        recorder.wait(timeout=10)
    assert played.returncode == 0, played.stderr
    result = json.loads(played.stdout.strip().splitlines()[-1])
    assert result == {"available": True, "problem": None, "played": True}
    assert _peak(recording) > 0.05
