"""Spoken guidance through Qt TextToSpeech, guarded so a stuck engine never blocks anything.

Made inside the voice helper process (:mod:`.voice_process`); Qt TextToSpeech is imported only
when a :class:`Voice` is made, and :func:`make_voice` falls back to a silent one when it won't
load. The problem text is in the person's language; ``problem_code`` and ``problem_detail`` say
the same for the helper to report (:mod:`.sound_problems`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QObject, QTimer, Signal

from stretch_app.ui.desktop import sound_problems as problems
from stretch_app.ui.desktop.sound_problems import SPEECH_NOT_RESPONDING
from stretch_app.ui.timers import named_timer

if TYPE_CHECKING:
    from PySide6.QtTextToSpeech import QTextToSpeech

__all__ = ["SPEECH_NOT_RESPONDING", "NullVoice", "Voice", "make_voice"]

STUCK_LINES_BEFORE_GIVING_UP = 2


def _clamp(value: float, low: float, high: float) -> float:
    return max(low, min(high, float(value)))


class Voice(QObject, problems.ProblemReport):
    """Speaks guidance lines through Qt TextToSpeech, newest first, guarded by a watchdog.

    ``engine`` is a TextToSpeech engine name (None for the system default; tests use "mock").
    ``language`` (``de``) picks the engine's voice for that language unless ``voice_name`` names
    a voice; an engine without that language keeps its default.
    Raises ImportError when Qt TextToSpeech cannot load; :func:`make_voice` handles that.

    The engine never gets a line while an earlier one is unconfirmed (no Ready since): with no
    sound server speech-dispatcher never confirms, and after two such lines any call into it,
    even deleting it, blocks for ever. So a new line stops the old one and waits for Ready; a
    line that times out is stopped once and counts as stuck; two stuck lines in a row (the
    second never starts) turn the voice off for good.
    """

    spoken = Signal(str)
    """A line was handed to the engine."""
    problem_found = Signal(str)
    """Voice guidance gave up after construction (engine stuck or failed), sent once."""

    def _set_up(self, enabled: bool, problem: str | None, watchdog_ms: tuple[int, int]) -> None:
        self.enabled = enabled
        self.available = False
        self._set_problem(problem)
        self._tts: QTextToSpeech | None = None
        self._pending: list[str] = []
        self._unconfirmed = False  # a line was said and no Ready has come since
        self._stop_sent = False  # that line has been stopped (once is all it gets)
        self._stuck_lines = 0
        self._watchdog_ms = watchdog_ms
        self._watchdog = self._single_shot("speech_watchdog", self._on_watchdog)
        # Lines said in one turn of the event loop are spoken together.
        self._flush_timer = self._single_shot("speech_flush", self._speak_pending)

    def __init__(
        self,
        engine: str | None = None,
        voice_name: str = "",
        rate: float = 0.0,
        volume: float = 1.0,
        *,
        enabled: bool = True,
        language: str = "",
        parent: QObject | None = None,
        watchdog_base_ms: int = 2000,
        watchdog_ms_per_char: int = 80,
    ) -> None:
        super().__init__(parent)
        self._set_up(enabled, None, (watchdog_base_ms, watchdog_ms_per_char))
        from PySide6.QtTextToSpeech import QTextToSpeech

        engines = QTextToSpeech.availableEngines()
        if not engines:
            self._set_problem(problems.NO_ENGINE)
            return
        if engine is not None and engine not in engines:
            # Checked here: Qt logs a critical message for an unknown engine name.
            self._set_problem(problems.ENGINE_NOT_INSTALLED, repr(engine))
            return
        tts = QTextToSpeech(engine, self) if engine is not None else QTextToSpeech(self)
        if tts.state() is QTextToSpeech.State.Error:
            self._set_problem(problems.ENGINE_DID_NOT_START, tts.errorString())
            tts.deleteLater()
            return
        self._tts = tts
        self.available = True
        tts.stateChanged.connect(self._on_state_changed)
        self.set_rate(rate)
        self.set_volume(volume)
        if not (voice_name and self.set_voice(voice_name)):
            self._use_language(language)

    def _single_shot(self, name: str, slot: Callable[[], None]) -> QTimer:
        return named_timer(self, name, slot, single_shot=True)

    # --- speaking ----------------------------------------------------------------------------

    def say(self, text: str) -> None:
        """Say a line; returns at once, never blocks.

        Lines said in one turn of the event loop (one command's events) are spoken together, in
        order; a later line cuts off an earlier one: the newest instruction is the one that counts.
        """
        line = " ".join(text.split())
        if not (line and self.enabled and self.available):
            return
        if not self._flush_timer.isActive():
            self._pending.clear()  # lines still waiting from an earlier turn are stale now
            self._flush_timer.start(0)
        self._pending.append(line)

    def say_lines(self, lines: Sequence[str]) -> None:
        """Say several lines, in order, as one utterance."""
        for line in lines:
            self.say(line)

    def stop(self) -> None:
        """Stop speaking and forget lines not yet said (say, when the routine ends)."""
        self._pending.clear()
        self._flush_timer.stop()
        self._stop_current()

    @property
    def is_speaking(self) -> bool:
        """True while the engine is busy with a line."""
        if self._tts is None:
            return False
        from PySide6.QtTextToSpeech import QTextToSpeech

        busy = (QTextToSpeech.State.Speaking, QTextToSpeech.State.Synthesizing)
        return self._tts.state() in busy

    def _stop_current(self) -> None:
        if self._tts is not None and self._unconfirmed and not self._stop_sent:
            self._stop_sent = True
            self._tts.stop()  # may report Ready at once (and so speak what is pending)

    def _start_watchdog(self, text: str) -> None:
        base, per_char = self._watchdog_ms
        self._watchdog.start(base + per_char * len(text))

    def _speak_pending(self) -> None:
        tts = self._tts
        if not (self._pending and self.enabled and self.available and tts is not None):
            self._pending.clear()
            return
        if self._unconfirmed or self.is_speaking:
            self._unconfirmed = True
            self._stop_current()
        if self._unconfirmed:
            # Wait for Ready; if it does not come in time, this line is stuck too.
            if not self._watchdog.isActive():
                self._start_watchdog(" ".join(self._pending))
            return
        lines, self._pending = self._pending, []
        utterance = " ".join(lines)
        self._unconfirmed, self._stop_sent = True, False
        tts.say(utterance)
        for line in lines:
            self.spoken.emit(line)
        self._start_watchdog(utterance)

    def _on_state_changed(self, _state: object) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        tts = self._tts
        if tts is None or not self.available:
            return
        # Ask the engine rather than trust the argument, which may be stale.
        now = tts.state()
        if now is QTextToSpeech.State.Ready:
            self._watchdog.stop()
            self._unconfirmed = self._stop_sent = False
            self._stuck_lines = 0
            if self._pending:
                self._speak_pending()
        elif now is QTextToSpeech.State.Error:
            self._give_up(problems.ENGINE_FAILED, tts.errorString())

    def _on_watchdog(self) -> None:
        if self._tts is None or not self.available:
            return
        if not self.is_speaking:
            self._on_state_changed(None)  # the Ready was missed
            return
        self._stuck_lines += 1
        if self._stuck_lines >= STUCK_LINES_BEFORE_GIVING_UP:
            self._give_up(SPEECH_NOT_RESPONDING)
            return
        self._stop_current()
        if self._pending and self._unconfirmed:
            self._start_watchdog(" ".join(self._pending))

    def _give_up(self, code: str, detail: str = "") -> None:
        if not self.available:
            return
        # No call into the engine from here on: it may never answer.
        self._watchdog.stop()
        self._flush_timer.stop()
        self._pending.clear()
        self.available = False
        self._set_problem(code, detail)
        self.problem_found.emit(self.problem)

    # --- settings ----------------------------------------------------------------------------

    @property
    def engine_name(self) -> str | None:
        """The engine in use, or None when there is none."""
        return self._tts.engine() if self._tts is not None else None

    @property
    def locale_name(self) -> str:
        """The engine's language and country (``de_DE``), or "" when there is no engine."""
        return self._tts.locale().name() if self._tts is not None else ""

    def _use_language(self, language: str) -> None:
        """Speak with the engine's locale for ``language`` if it has one; else change nothing."""
        tts = self._tts
        if tts is None or not language:
            return
        wanted = QLocale(language)
        if tts.locale().language() == wanted.language():
            return
        offered = [loc for loc in tts.availableLocales() if loc.language() == wanted.language()]
        if offered:
            tts.setLocale(wanted if wanted in offered else offered[0])

    def voices(self) -> list[str]:
        """Names of the voices the engine offers for the current language."""
        return [v.name() for v in self._tts.availableVoices()] if self._tts is not None else []

    def set_voice(self, name: str) -> bool:
        """Use the voice with this name; False (and no change) when there is no such voice.

        A voice of the current language is looked for first, then one of any language (a chosen
        voice wins over the language's default; the engine's locale follows it).
        """
        tts = self._tts
        if tts is None or not self.available:
            return False
        start, before = tts.locale(), tts.voice()
        for locale in [start, *(loc for loc in tts.availableLocales() if loc != start)]:
            if locale != tts.locale():
                tts.setLocale(locale)
            for voice in tts.availableVoices():
                if voice.name() == name:
                    tts.setVoice(voice)
                    return True
        if tts.locale() != start:
            tts.setLocale(start)
            tts.setVoice(before)
        return False

    def set_rate(self, rate: float) -> None:
        """Speaking rate from -1 (slowest) through 0 (normal) to 1 (fastest)."""
        if self._tts is not None and self.available:
            self._tts.setRate(_clamp(rate, -1.0, 1.0))

    def set_volume(self, volume: float) -> None:
        """Voice volume, 0 (silent) to 1 (full)."""
        if self._tts is not None and self.available:
            self._tts.setVolume(_clamp(volume, 0.0, 1.0))

    def set_enabled(self, enabled: bool) -> None:
        """Turn spoken guidance on or off; off also stops the current line."""
        self.enabled = enabled
        if not enabled:
            self.stop()


class NullVoice(Voice):
    """A voice that says nothing, for when Qt TextToSpeech is missing (``problem``: a code)."""

    def __init__(
        self, problem: str | None = None, *, enabled: bool = True, parent: QObject | None = None
    ) -> None:
        QObject.__init__(self, parent)
        self._set_up(enabled, problem, (0, 0))


def make_voice(
    engine: str | None,
    voice_name: str,
    rate: float,
    volume: float,
    enabled: bool,
    parent: QObject | None = None,
) -> Voice:
    """The voice, or a silent one (with ``problem`` set) when Qt TextToSpeech won't load."""
    try:
        return Voice(engine, voice_name, rate, volume, enabled=enabled, parent=parent)
    except ImportError:
        return NullVoice(problems.NO_SPEECH, enabled=enabled, parent=parent)
