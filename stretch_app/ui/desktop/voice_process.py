"""The voice in a process of its own, so the speech engine can never hold up the app.

Building the speech-dispatcher engine blocks for about a second, holding Python's lock the
whole time, and a confused engine can block any call into it. Neither may delay the window, a
routine or a "cramp now". So :class:`ProcessVoice` starts a small helper process when guidance
is first needed (``python -m stretch_app.ui.desktop.voice_process``), sends it one JSON line per
request, and hears back what was spoken. A helper that stops answering is killed, never waited
on. When the routine is over the helper is let go, so an idle app costs nothing.

The helper itself is :func:`main` below: a ``QCoreApplication`` around the
:class:`~stretch_app.ui.desktop.audio.Voice`, which keeps its own watchdog on the engine. It
reports a problem as a code and a detail (:mod:`.sound_problems`); this side makes the
sentence, in the app's language, so the helper never loads a translation. It is told the app's
language (``--language de``) and, unless a voice is chosen, speaks with a voice for it when the
engine has one; its ready report names the locale in use.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QProcess, QTimer, Signal

from stretch_app.ui.desktop import sound_problems as problems
from stretch_app.ui.timers import named_timer

__all__ = ["ProcessVoice", "main"]

log = logging.getLogger(__name__)

READY_TIMEOUT_MS = 10_000
IDLE_STOP_MS = 30_000
QUIT_GRACE_MS = 500
"""How long a released helper has to quit by itself before it gets SIGTERM."""
TERM_GRACE_MS = 500
"""How long it then has before SIGKILL."""


class _HelperEnding(QObject):
    """Ends one released helper without ever waiting for it: it was asked to quit; if it is
    still there after a grace period it gets SIGTERM, and after another one SIGKILL, each from
    a timer. Owned by the application object, so the QProcess lives until the child has been
    reaped (a QProcess destroyed earlier would block to kill and wait for it)."""

    def __init__(self, process: QProcess) -> None:
        app = QCoreApplication.instance()
        super().__init__(app)
        self.setObjectName("voice-helper-ending")
        self.process = process
        process.setParent(self)
        self._terminated = False
        self._timer = named_timer(
            self, "voice-helper-end", self._escalate, interval_ms=QUIT_GRACE_MS, single_shot=True
        )
        process.finished.connect(self._on_finished)
        self._timer.start()

    def _escalate(self) -> None:
        if not self._terminated:
            self._terminated = True
            self.process.terminate()
            self._timer.start(TERM_GRACE_MS)
        else:
            self.process.kill()

    def kill_now(self) -> None:
        """No more grace (the app is quitting): SIGKILL at once; reaped when it has gone."""
        self._timer.stop()
        self.process.kill()

    def _on_finished(self, *_how: object) -> None:
        self._timer.stop()
        self.deleteLater()


class ProcessVoice(QObject):
    """Spoken guidance through a helper process; every call returns at once.

    ``language`` is the app's language (``de``): the helper picks a voice for it when no voice
    is chosen and the engine offers one.
    """

    spoken = Signal(str)
    """Each line as the helper hands it to the engine."""
    problem_found = Signal(str)
    """The voice is unavailable or gave up; the text says why, once."""
    ready = Signal()
    """The helper's engine has been built (or found missing)."""

    helper_module = "stretch_app.ui.desktop.voice_process"
    """What ``python -m`` runs as the helper (tests swap in one that misbehaves)."""

    def __init__(
        self,
        engine: str | None,
        voice_name: str,
        rate: float,
        volume: float,
        enabled: bool,
        parent: QObject | None = None,
        *,
        language: str = "",
    ) -> None:
        super().__init__(parent)
        self.available = True  # until the helper says otherwise
        self.problem: str | None = None
        self.enabled = enabled
        self._engine = engine
        self._language = language
        self.locale_name = ""
        """The helper's speech locale (``de_DE``), known once it is ready; "" before."""
        self._settings: dict[str, Any] = {
            "voice": voice_name,
            "rate": float(rate),
            "volume": float(volume),
            "enabled": enabled,
        }
        self._voices: list[str] = []
        self._buffer = b""
        self._process: QProcess | None = None
        self._endings: list[_HelperEnding] = []  # released helpers not yet gone
        self._ready_timer = self._single_shot(
            "voice-ready-timeout", READY_TIMEOUT_MS, self._on_ready_timeout
        )
        self._idle_timer = self._single_shot("voice-idle-stop", IDLE_STOP_MS, self.release)

    def _single_shot(self, name: str, interval: int, slot: Any) -> QTimer:
        return named_timer(self, name, slot, interval_ms=interval, single_shot=True)

    # --- the helper process -------------------------------------------------------------------

    @property
    def running(self) -> bool:
        """True while a helper process is up."""
        return self._process is not None

    def warm_up(self) -> None:
        """Start the helper now (a routine is about to need it); cheap if it already runs."""
        self._idle_timer.stop()
        if self._process is not None or not self.available or not self.enabled:
            return
        process = QProcess(self)
        process.setObjectName("voice-helper")
        process.setProgram(sys.executable)
        args = ["-m", self.helper_module]
        if self._engine is not None:
            args += ["--engine", self._engine]
        if self._language:
            args += ["--language", self._language]
        process.setArguments(args)
        process.readyReadStandardOutput.connect(self._on_output)
        process.readyReadStandardError.connect(self._on_stderr)
        process.errorOccurred.connect(self._on_error)
        process.finished.connect(self._on_finished)
        self._process = process
        self._buffer = b""
        process.start()
        self._send(self._settings)
        self._ready_timer.start()

    @property
    def ending(self) -> bool:
        """True while a released helper is still being ended (asked, then SIGTERM, SIGKILL)."""
        return bool(self._endings)

    def release(self) -> None:
        """Let the helper go (after a routine); returns at once, the helper is ended by timers.

        It starts again when next needed.
        """
        process, self._process = self._process, None
        self._ready_timer.stop()
        if process is None:
            return
        for signal in (
            process.readyReadStandardOutput,
            process.readyReadStandardError,
            process.errorOccurred,
            process.finished,
        ):
            signal.disconnect()
        if process.state() is QProcess.ProcessState.NotRunning:
            process.deleteLater()
            return
        process.write(b'{"quit": true}\n')
        process.closeWriteChannel()
        ending = _HelperEnding(process)
        self._endings.append(ending)
        ending.destroyed.connect(lambda _=None, e=ending: self._forget_ending(e))

    def _forget_ending(self, ending: _HelperEnding) -> None:
        if ending in self._endings:
            self._endings.remove(ending)

    def release_when_idle(self) -> None:
        """Let the helper go once nothing has been said for a while."""
        if self._process is not None:
            self._idle_timer.start()

    def _send(self, request: dict[str, Any]) -> None:
        if self._process is not None:
            self._process.write((json.dumps(request) + "\n").encode())

    def _on_output(self) -> None:
        if self._process is None:
            return
        self._buffer += bytes(self._process.readAllStandardOutput().data())
        *lines, self._buffer = self._buffer.split(b"\n")
        for raw in lines:
            try:
                message = json.loads(raw)
            except ValueError:
                log.info("voice helper said: %r", raw[:200])
                continue
            if isinstance(message, dict):
                self._on_message(message)

    def _on_message(self, message: dict[str, Any]) -> None:
        if "ready" in message:
            self._ready_timer.stop()
            self._voices = [str(v) for v in message.get("voices", [])]
            self.locale_name = str(message.get("locale") or "")
            if not message["ready"]:
                self._fail_with(message)
            self.ready.emit()
        elif "spoken" in message:
            self.spoken.emit(str(message["spoken"]))
        elif "problem" in message:
            self._fail_with(message)

    def _fail_with(self, message: dict[str, Any]) -> None:
        """Give up for the reason the helper reported (a code and a detail)."""
        code = str(message.get("problem") or problems.VOICE_UNAVAILABLE)
        self._fail(problems.problem_text(code, str(message.get("detail") or "")))

    def _on_stderr(self) -> None:
        if self._process is not None:
            text = bytes(self._process.readAllStandardError().data()).decode(errors="replace")
            for line in text.splitlines():
                log.debug("voice helper: %s", line)

    def _on_error(self, error: QProcess.ProcessError) -> None:
        if error is QProcess.ProcessError.FailedToStart:
            self._fail(problems.problem_text(problems.HELPER_DID_NOT_START))

    def _on_finished(self, code: int, status: QProcess.ExitStatus) -> None:
        del code, status
        self._fail(problems.problem_text(problems.VOICE_STOPPED))

    def _on_ready_timeout(self) -> None:
        self._fail(problems.problem_text(problems.SPEECH_NOT_RESPONDING))

    def _fail(self, problem: str) -> None:
        self.release()
        if not self.available:
            return
        self.available = False
        self.problem = problem
        self.problem_found.emit(problem)

    # --- the interface the app uses -----------------------------------------------------------

    def say_lines(self, lines: Sequence[str]) -> None:
        """Say lines in order, as one utterance; returns at once."""
        if not (self.available and self.enabled and lines):
            return
        self.warm_up()
        self._send({"say": list(lines)})

    def say(self, text: str) -> None:
        """Say one line; returns at once."""
        self.say_lines([text])

    def voices(self) -> list[str]:
        """The voices the system offers (known once the helper has started)."""
        return list(self._voices)

    def set_enabled(self, enabled: bool) -> None:
        """Switch spoken guidance on or off."""
        self.enabled = enabled
        self._update(enabled=enabled)
        if not enabled:
            self.release()

    def set_rate(self, rate: float) -> None:
        """Speaking rate, -1 (slow) to 1 (fast)."""
        self._update(rate=float(rate))

    def set_volume(self, volume: float) -> None:
        """Voice volume, 0 to 1."""
        self._update(volume=float(volume))

    def set_voice(self, name: str) -> None:
        """Use one of :meth:`voices`."""
        self._update(voice=name)

    def _update(self, **changes: Any) -> None:
        self._settings.update(changes)
        self._send(changes)

    def shut_down(self) -> None:
        """Stop the helper for good (the app is quitting): no grace, and no waiting either."""
        self._idle_timer.stop()
        self.release()
        for ending in self._endings:
            ending.kill_now()


# --- the helper process -------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    """Run the helper: JSON requests on stdin, JSON reports on stdout."""
    parser = argparse.ArgumentParser(prog="nightstretch-voice")
    parser.add_argument("--engine", default=None)
    parser.add_argument("--language", default="", help="the app's language, such as de")
    args = parser.parse_args(argv)

    from PySide6.QtCore import QCoreApplication, QSocketNotifier

    from stretch_app.ui.desktop.voice import Voice

    app = QCoreApplication([sys.argv[0]])

    def report(message: dict[str, Any]) -> None:
        sys.stdout.write(json.dumps(message) + "\n")
        sys.stdout.flush()

    voice = Voice(args.engine, language=args.language)
    voice.spoken.connect(lambda line: report({"spoken": line}))

    def report_problem(_text: str) -> None:
        report({"problem": voice.problem_code, "detail": voice.problem_detail})

    voice.problem_found.connect(report_problem)
    report(
        {
            "ready": voice.available,
            "problem": voice.problem_code or "",
            "detail": voice.problem_detail,
            "voices": voice.voices(),
            "locale": voice.locale_name,
        }
    )

    pending = b""

    def handle(request: dict[str, Any]) -> None:
        if request.get("quit"):
            voice.stop()
            app.quit()
            return
        if "enabled" in request:
            voice.set_enabled(bool(request["enabled"]))
        if "rate" in request:
            voice.set_rate(float(request["rate"]))
        if "volume" in request:
            voice.set_volume(float(request["volume"]))
        if request.get("voice"):
            voice.set_voice(str(request["voice"]))
        if isinstance(request.get("say"), list):
            voice.say_lines([str(line) for line in request["say"]])

    def on_input() -> None:
        nonlocal pending
        chunk = os.read(0, 65536)
        if not chunk:  # the app has gone: so do we
            app.quit()
            return
        pending += chunk
        *lines, pending = pending.split(b"\n")
        for raw in lines:
            try:
                request = json.loads(raw)
            except ValueError:
                continue
            if isinstance(request, dict):
                handle(request)

    notifier = QSocketNotifier(0, QSocketNotifier.Type.Read)
    notifier.activated.connect(on_input)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
