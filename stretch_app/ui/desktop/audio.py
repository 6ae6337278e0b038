"""Sound cues and spoken guidance for the guided player.

Both are optional and must never hold up a routine. Qt Multimedia and Qt TextToSpeech are
imported only when the objects are made (they fail to import without libpulse0, and loading
them costs start-up time); the ``make_*`` factories fall back to null objects then. An object
that cannot work says why once, in ``problem`` (known at once) or through ``problem_found``
(found later), so the window can tell the person that the routine carries on silently.

The speech-dispatcher engine can sit in "Speaking" forever when there is no sound server, and
its ``stop()`` does not change that, so every line is guarded by a single-shot watchdog.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, QUrl, Signal

from stretch_app.core.guidance import Cue
from stretch_app.paths import assets_dir

if TYPE_CHECKING:
    from PySide6.QtMultimedia import QSoundEffect
    from PySide6.QtTextToSpeech import QTextToSpeech

__all__ = [
    "NO_SOUND_DEVICE",
    "SPEECH_NOT_RESPONDING",
    "Cue",
    "CuePlayer",
    "NullCuePlayer",
    "NullVoice",
    "Voice",
    "make_cue_player",
    "make_voice",
]

NO_SOUND_DEVICE = "No sound device found; cues are off."
NO_MULTIMEDIA = "Sound cues need Qt Multimedia, which could not be loaded; cues are off."
NO_SPEECH = "Voice guidance needs Qt TextToSpeech, which could not be loaded; voice is off."
SPEECH_NOT_RESPONDING = "The speech engine is not responding; voice guidance is off."
STUCK_LINES_BEFORE_GIVING_UP = 2


def _clamp(value: float, low: float, high: float) -> float:
    return max(low, min(high, float(value)))


class CuePlayer(QObject):
    """Plays the short cue tones from ``<folder>/<cue>.wav`` through Qt Multimedia.

    Raises ImportError when Qt Multimedia cannot load; :func:`make_cue_player` handles that.
    """

    problem_found = Signal(str)
    """A problem noticed after construction (a sound that failed to load), sent once."""

    def __init__(
        self,
        folder: Path | None = None,
        *,
        enabled: bool = True,
        volume: float = 1.0,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        from PySide6.QtMultimedia import QMediaDevices, QSoundEffect

        self.enabled = enabled
        self.available = False
        self.problem: str | None = None
        self._volume = _clamp(volume, 0.0, 1.0)
        self._effects: dict[Cue, QSoundEffect] = {}
        if not QMediaDevices.audioOutputs():
            # Without a device QSoundEffect only logs errors; don't even try.
            self.problem = NO_SOUND_DEVICE
            return
        folder = folder if folder is not None else assets_dir() / "sounds"
        missing = []
        for cue in Cue:
            path = folder / f"{cue.value}.wav"
            if not path.is_file():
                missing.append(path.name)
                continue
            effect = QSoundEffect(self)
            effect.setObjectName(f"cue_{cue.value}")
            effect.setVolume(self._volume)
            effect.statusChanged.connect(lambda cue=cue: self._on_status_changed(cue))
            effect.setSource(QUrl.fromLocalFile(str(path)))
            self._effects[cue] = effect
        self.available = bool(self._effects)
        if missing:
            self.problem = f"Missing sound files: {', '.join(missing)}; those cues are off."

    def play(self, cue: Cue) -> None:
        """Start a cue and return at once; does nothing when off, unavailable or failed."""
        effect = self._effects.get(cue) if self.enabled and self.available else None
        if effect is None:
            return
        try:
            # A cue still loading plays as soon as it has loaded.
            effect.play()
        except RuntimeError:  # the Qt object is already gone (window closing)
            self._effects.pop(cue, None)

    def set_enabled(self, enabled: bool) -> None:
        """Turn the cues on or off."""
        self.enabled = enabled
        if not enabled:
            for effect in self._effects.values():
                effect.stop()

    def set_volume(self, volume: float) -> None:
        """Set the cue volume, 0 (silent) to 1 (full)."""
        self._volume = _clamp(volume, 0.0, 1.0)
        for effect in self._effects.values():
            effect.setVolume(self._volume)

    @property
    def volume(self) -> float:
        """The cue volume, 0 to 1."""
        return self._volume

    def _on_status_changed(self, cue: Cue) -> None:
        from PySide6.QtMultimedia import QSoundEffect

        effect = self._effects.get(cue)
        if effect is None or effect.status() is not QSoundEffect.Status.Error:
            return
        del self._effects[cue]
        effect.deleteLater()
        if not self._effects and self.available:
            self.available = False
            self.problem = "The sound device could not play the cues; cues are off."
            self.problem_found.emit(self.problem)


class NullCuePlayer(QObject):
    """A cue player that plays nothing, for when Qt Multimedia is missing."""

    problem_found = Signal(str)

    def __init__(
        self, problem: str | None = None, *, enabled: bool = True, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.enabled = enabled
        self.available = False
        self.problem = problem
        self.volume = 1.0

    def play(self, cue: Cue) -> None:
        """Do nothing."""

    def set_enabled(self, enabled: bool) -> None:
        """Remember the choice; there is still nothing to play."""
        self.enabled = enabled

    def set_volume(self, volume: float) -> None:
        """Remember the volume."""
        self.volume = _clamp(volume, 0.0, 1.0)


class Voice(QObject):
    """Speaks guidance lines through Qt TextToSpeech, newest first, guarded by a watchdog.

    ``engine`` is a TextToSpeech engine name (None for the system default; tests use "mock").
    Raises ImportError when Qt TextToSpeech cannot load; :func:`make_voice` handles that.
    """

    spoken = Signal(str)
    """A line was handed to the engine."""
    problem_found = Signal(str)
    """Voice guidance gave up after construction (engine stuck or failed), sent once."""

    def __init__(
        self,
        engine: str | None = None,
        voice_name: str = "",
        rate: float = 0.0,
        volume: float = 1.0,
        *,
        enabled: bool = True,
        parent: QObject | None = None,
        watchdog_base_ms: int = 2000,
        watchdog_ms_per_char: int = 80,
    ) -> None:
        super().__init__(parent)
        from PySide6.QtTextToSpeech import QTextToSpeech

        self.enabled = enabled
        self.available = False
        self.problem: str | None = None
        self._tts: QTextToSpeech | None = None
        self._stuck_lines = 0
        self._watchdog_base_ms = watchdog_base_ms
        self._watchdog_ms_per_char = watchdog_ms_per_char
        self._watchdog = QTimer(self)
        self._watchdog.setObjectName("speech_watchdog")
        self._watchdog.setSingleShot(True)
        self._watchdog.timeout.connect(self._on_watchdog)
        self._pending: list[str] = []
        self._flush_timer = QTimer(self)
        self._flush_timer.setObjectName("speech_flush")
        self._flush_timer.setSingleShot(True)
        self._flush_timer.setInterval(0)
        self._flush_timer.timeout.connect(self._speak_pending)

        engines = QTextToSpeech.availableEngines()
        if not engines:
            self.problem = "No speech engine is installed; voice guidance is off."
            return
        if engine is not None and engine not in engines:
            # Checked here: Qt logs a critical message for an unknown engine name.
            self.problem = f"The speech engine {engine!r} is not installed; voice guidance is off."
            return
        tts = QTextToSpeech(engine, self) if engine is not None else QTextToSpeech(self)
        if tts.state() is QTextToSpeech.State.Error:
            reason = tts.errorString() or "it failed to start"
            self.problem = f"The speech engine could not start ({reason}); voice guidance is off."
            tts.deleteLater()
            return
        self._tts = tts
        self.available = True
        tts.stateChanged.connect(self._on_state_changed)
        self.set_rate(rate)
        self.set_volume(volume)
        if voice_name:
            self.set_voice(voice_name)

    # --- speaking ----------------------------------------------------------------------------

    def say(self, text: str) -> None:
        """Say a line; returns at once, never blocks.

        Lines said in the same turn of the event loop (the lines of one session event, or of
        one command's events) are spoken together, in order. A new turn's lines cut off
        whatever is still being said: at bedtime the newest instruction is the one that counts.
        """
        line = " ".join(text.split())
        if not (line and self.enabled and self.available):
            return
        self._pending.append(line)
        if not self._flush_timer.isActive():
            self._flush_timer.start()

    def say_lines(self, lines: Sequence[str]) -> None:
        """Say several lines, in order, as one utterance."""
        for line in lines:
            self.say(line)

    def stop(self) -> None:
        """Stop speaking and forget lines not yet said (say, when the routine ends)."""
        self._pending.clear()
        self._flush_timer.stop()
        self._watchdog.stop()
        if self._tts is not None and self.is_speaking:
            self._tts.stop()

    def _speak_pending(self) -> None:
        lines, self._pending = self._pending, []
        tts = self._tts
        if not (lines and self.enabled and self.available and tts is not None):
            return
        if self.is_speaking:
            tts.stop()
        utterance = " ".join(lines)
        tts.say(utterance)
        for line in lines:
            self.spoken.emit(line)
        self._watchdog.start(self._watchdog_base_ms + self._watchdog_ms_per_char * len(utterance))

    @property
    def is_speaking(self) -> bool:
        """True while the engine is busy with a line."""
        from PySide6.QtTextToSpeech import QTextToSpeech

        if self._tts is None:
            return False
        return self._tts.state() in (
            QTextToSpeech.State.Speaking,
            QTextToSpeech.State.Synthesizing,
            QTextToSpeech.State.Paused,
        )

    # --- settings ----------------------------------------------------------------------------

    @property
    def engine_name(self) -> str | None:
        """The engine in use, or None when there is none."""
        return self._tts.engine() if self._tts is not None else None

    def voices(self) -> list[str]:
        """Names of the voices the engine offers for the current language."""
        if self._tts is None:
            return []
        return [voice.name() for voice in self._tts.availableVoices()]

    def set_voice(self, name: str) -> bool:
        """Use the voice with this name; False (and no change) when there is no such voice."""
        if self._tts is None:
            return False
        for voice in self._tts.availableVoices():
            if voice.name() == name:
                self._tts.setVoice(voice)
                return True
        return False

    def set_rate(self, rate: float) -> None:
        """Speaking rate from -1 (slowest) through 0 (normal) to 1 (fastest)."""
        if self._tts is not None:
            self._tts.setRate(_clamp(rate, -1.0, 1.0))

    def set_volume(self, volume: float) -> None:
        """Voice volume, 0 (silent) to 1 (full)."""
        if self._tts is not None:
            self._tts.setVolume(_clamp(volume, 0.0, 1.0))

    def set_enabled(self, enabled: bool) -> None:
        """Turn spoken guidance on or off; off also stops the current line."""
        self.enabled = enabled
        if not enabled:
            self.stop()

    # --- the watchdog ------------------------------------------------------------------------

    def _on_state_changed(self, state: object) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        tts = self._tts
        if tts is None:
            return
        # Ask the engine rather than trust the argument: a Ready from stopping the previous
        # line may arrive after the next line has started.
        now = tts.state()
        if now is QTextToSpeech.State.Ready:
            self._watchdog.stop()
            self._stuck_lines = 0
        elif now is QTextToSpeech.State.Error:
            reason = tts.errorString() or "unknown error"
            self._give_up(f"The speech engine failed ({reason}); voice guidance is off.")

    def _on_watchdog(self) -> None:
        if self._tts is None or not self.is_speaking:
            return
        self._tts.stop()
        self._stuck_lines += 1
        if self._stuck_lines >= STUCK_LINES_BEFORE_GIVING_UP:
            self._give_up(SPEECH_NOT_RESPONDING)

    def _give_up(self, problem: str) -> None:
        if not self.available:
            return
        self._watchdog.stop()
        self._pending.clear()
        self.available = False
        self.problem = problem
        self.problem_found.emit(problem)


class NullVoice(QObject):
    """A voice that says nothing, for when Qt TextToSpeech is missing."""

    spoken = Signal(str)
    problem_found = Signal(str)

    def __init__(
        self, problem: str | None = None, *, enabled: bool = True, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.enabled = enabled
        self.available = False
        self.problem = problem
        self.is_speaking = False
        self.engine_name: str | None = None

    def say(self, text: str) -> None:
        """Do nothing."""

    def say_lines(self, lines: Sequence[str]) -> None:
        """Do nothing."""

    def stop(self) -> None:
        """Do nothing."""

    def voices(self) -> list[str]:
        """No voices."""
        return []

    def set_voice(self, name: str) -> bool:
        """There is no voice to choose."""
        return False

    def set_rate(self, rate: float) -> None:
        """Do nothing."""

    def set_volume(self, volume: float) -> None:
        """Do nothing."""

    def set_enabled(self, enabled: bool) -> None:
        """Remember the choice; there is still nothing to say."""
        self.enabled = enabled


def make_cue_player(
    enabled: bool, volume: float, parent: QObject | None = None, folder: Path | None = None
) -> CuePlayer | NullCuePlayer:
    """The cue player, or a silent one (with ``problem`` set) when Qt Multimedia won't load."""
    try:
        return CuePlayer(folder, enabled=enabled, volume=volume, parent=parent)
    except ImportError:
        return NullCuePlayer(NO_MULTIMEDIA, enabled=enabled, parent=parent)


def make_voice(
    engine: str | None,
    voice_name: str,
    rate: float,
    volume: float,
    enabled: bool,
    parent: QObject | None = None,
) -> Voice | NullVoice:
    """The voice, or a silent one (with ``problem`` set) when Qt TextToSpeech won't load."""
    try:
        return Voice(engine, voice_name, rate, volume, enabled=enabled, parent=parent)
    except ImportError:
        return NullVoice(NO_SPEECH, enabled=enabled, parent=parent)
