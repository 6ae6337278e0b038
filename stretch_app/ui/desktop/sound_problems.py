"""Why sound cues or spoken guidance are off, said in the person's language.

A problem travels as a code and a detail (the missing file names, the engine's own error
text): the voice helper process reports codes, and the app turns them into sentences with its
own translator, so the helper never needs to know the language. :func:`problem_text` makes
the whole translated sentence. The engine's own error text ("Text to speech engine not
initialized") is for the log, never for the person: the sentence says what happened in plain
words and what to install.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication

__all__ = [
    "CUES_FAILED", "ENGINE_DID_NOT_START", "ENGINE_FAILED", "ENGINE_NOT_INSTALLED",
    "HELPER_DID_NOT_START", "MISSING_SOUND_FILES", "NO_ENGINE", "NO_MULTIMEDIA",
    "NO_SOUND_DEVICE", "NO_SPEECH", "SPEECH_NOT_RESPONDING", "VOICE_STOPPED",
    "VOICE_UNAVAILABLE", "ProblemReport", "problem_text",
]  # fmt: skip

log = logging.getLogger(__name__)

# Sound cues.
NO_SOUND_DEVICE = "no-sound-device"
NO_MULTIMEDIA = "no-multimedia"
MISSING_SOUND_FILES = "missing-sound-files"  # detail: the file names
CUES_FAILED = "cues-failed"
# Spoken guidance.
NO_SPEECH = "no-speech"
NO_ENGINE = "no-engine"
ENGINE_NOT_INSTALLED = "engine-not-installed"  # detail: the engine's name
ENGINE_DID_NOT_START = "engine-did-not-start"  # detail: the engine's reason, if any
ENGINE_FAILED = "engine-failed"  # detail: the engine's reason, if any
SPEECH_NOT_RESPONDING = "speech-not-responding"
HELPER_DID_NOT_START = "helper-did-not-start"
VOICE_STOPPED = "voice-stopped"
VOICE_UNAVAILABLE = "voice-unavailable"


def problem_text(code: str, detail: str = "") -> str:
    """The sentence for a problem, in the language in force; an unknown code says voice is off.

    ``detail`` fills in missing file names and an engine's name; an engine's own error text
    is left out (it is logged where the problem is set).
    """
    texts = {
        NO_SOUND_DEVICE: QCoreApplication.translate(
            "SoundProblem", "No sound device found; cues are off."
        ),
        NO_MULTIMEDIA: QCoreApplication.translate(
            "SoundProblem",
            "Sound cues need Qt Multimedia, which could not be loaded; cues are off.",
        ),
        MISSING_SOUND_FILES: QCoreApplication.translate(
            "SoundProblem", "Missing sound files: {0}; those cues are off."
        ),
        CUES_FAILED: QCoreApplication.translate(
            "SoundProblem", "The sound device could not play the cues; cues are off."
        ),
        NO_SPEECH: QCoreApplication.translate(
            "SoundProblem",
            "Voice guidance needs Qt TextToSpeech, which could not be loaded; voice is off.",
        ),
        NO_ENGINE: QCoreApplication.translate(
            "SoundProblem",
            "This computer has no speech service, so there is no spoken guidance. To hear it, "
            "install speech-dispatcher and a voice (espeak-ng), then start Nightstretch again.",
        ),
        ENGINE_NOT_INSTALLED: QCoreApplication.translate(
            "SoundProblem",
            "The speech engine {0} is not installed, so there is no spoken guidance. To hear "
            "it, install speech-dispatcher and a voice (espeak-ng).",
        ),
        ENGINE_DID_NOT_START: QCoreApplication.translate(
            "SoundProblem",
            "The computer's speech service did not start, so there is no spoken guidance. "
            "To hear it, install speech-dispatcher and a voice (espeak-ng), then start "
            "Nightstretch again.",
        ),
        ENGINE_FAILED: QCoreApplication.translate(
            "SoundProblem",
            "The computer's speech service stopped working, so spoken guidance is off. If "
            "this keeps happening, reinstall speech-dispatcher and espeak-ng.",
        ),
        SPEECH_NOT_RESPONDING: QCoreApplication.translate(
            "SoundProblem", "The speech engine is not responding; voice guidance is off."
        ),
        HELPER_DID_NOT_START: QCoreApplication.translate(
            "SoundProblem", "The voice helper could not start; voice guidance is off."
        ),
        VOICE_STOPPED: QCoreApplication.translate(
            "SoundProblem", "The voice stopped working; voice guidance is off."
        ),
    }
    unavailable = QCoreApplication.translate("SoundProblem", "Voice guidance is not available.")
    text = texts.get(code, unavailable)
    return text.format(detail) if "{0}" in text else text


class ProblemReport:
    """Why a sound object is off: ``problem`` (the sentence), ``problem_code``, ``problem_detail``.

    A mix-in for the cue player and the voice; ``problem`` is None while all is well.
    """

    problem: str | None
    problem_code: str | None
    problem_detail: str

    def _set_problem(self, code: str | None, detail: str = "") -> None:
        self.problem_code, self.problem_detail = code, detail
        if code is not None:
            log.info("sound problem %s: %s", code, detail)
        self.problem = problem_text(code, detail) if code is not None else None
