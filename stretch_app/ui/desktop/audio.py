"""Sound cues for the guided player and relief; they may never hold up a routine.

The voice is in :mod:`.voice`.

Qt Multimedia and Qt TextToSpeech are imported only when the objects are made (without
libpulse0 they fail to import, and they cost start-up time); the ``make_*`` factories then fall
back to silent objects. Each says once why it cannot work: in ``problem`` (known at once) or
through ``problem_found`` (found later), so the window can say the routine runs silently. The
text is in the person's language; ``problem_code`` and ``problem_detail`` say the same for the
voice helper process to report (:mod:`.sound_problems`).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QUrl, Signal

from stretch_app.core.kinds import Cue
from stretch_app.paths import assets_dir
from stretch_app.ui.desktop import sound_problems as problems
from stretch_app.ui.desktop.sound_problems import NO_SOUND_DEVICE

if TYPE_CHECKING:
    from PySide6.QtMultimedia import QSoundEffect

__all__ = [
    "NO_SOUND_DEVICE",
    "Cue",
    "CuePlayer",
    "DeferredCuePlayer",
    "NullCuePlayer",
    "make_cue_player",
]


def _clamp(value: float, low: float, high: float) -> float:
    return max(low, min(high, float(value)))


class CuePlayer(QObject, problems.ProblemReport):
    """Plays the short cue tones from ``<folder>/<cue>.wav`` through Qt Multimedia.

    Raises ImportError when Qt Multimedia cannot load; :func:`make_cue_player` handles that.
    """

    problem_found = Signal(str)
    """A problem noticed after construction (a sound that failed to load), sent once."""

    def _set_up(self, enabled: bool, volume: float, problem: str | None) -> None:
        self.enabled = enabled
        self.available = False
        self._set_problem(problem)
        self._volume = _clamp(volume, 0.0, 1.0)
        self._effects: dict[Cue, QSoundEffect] = {}

    def __init__(
        self,
        folder: Path | None = None,
        *,
        enabled: bool = True,
        volume: float = 1.0,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._set_up(enabled, volume, problem=None)
        from PySide6.QtMultimedia import QMediaDevices, QSoundEffect

        if not QMediaDevices.audioOutputs():
            # Without a device QSoundEffect only logs errors; don't even try.
            self._set_problem(NO_SOUND_DEVICE)
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
            self._effects[cue] = effect  # before loading: a failure may be reported at once
            effect.statusChanged.connect(self._drop_failed_effects)
            effect.setSource(QUrl.fromLocalFile(str(path)))
        self.available = bool(self._effects)
        self._drop_failed_effects()
        if missing and self.problem is None:
            self._set_problem(problems.MISSING_SOUND_FILES, ", ".join(missing))

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

    def _drop_failed_effects(self) -> None:
        from PySide6.QtMultimedia import QSoundEffect

        for cue, effect in list(self._effects.items()):
            if effect.status() is QSoundEffect.Status.Error:
                del self._effects[cue]
                effect.deleteLater()
        if not self._effects and self.available:
            self.available = False
            self._set_problem(problems.CUES_FAILED)
            self.problem_found.emit(self.problem)


class NullCuePlayer(CuePlayer):
    """A cue player that plays nothing, for when Qt Multimedia is missing (``problem``: a code)."""

    def __init__(
        self, problem: str | None = None, *, enabled: bool = True, parent: QObject | None = None
    ) -> None:
        QObject.__init__(self, parent)
        self._set_up(enabled, 1.0, problem)


def make_cue_player(
    enabled: bool, volume: float, parent: QObject | None = None, folder: Path | None = None
) -> CuePlayer:
    """The cue player, or a silent one (with ``problem`` set) when Qt Multimedia won't load."""
    try:
        return CuePlayer(folder, enabled=enabled, volume=volume, parent=parent)
    except ImportError:
        return NullCuePlayer(problems.NO_MULTIMEDIA, enabled=enabled, parent=parent)


class DeferredCuePlayer(QObject):
    """The cue player, made when a routine or relief first needs it.

    Qt Multimedia brings FFmpeg with it: about 40 MB, measured, that an app idling in the tray
    for its reminders has no use for. Until :meth:`warm_up` (or the first cue) nothing loads.
    """

    problem_found = Signal(str)

    def __init__(
        self,
        enabled: bool,
        volume: float,
        parent: QObject | None = None,
        folder: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.enabled = enabled
        self._volume = _clamp(volume, 0.0, 1.0)
        self._folder = folder
        self._player: CuePlayer | None = None

    @property
    def loaded(self) -> bool:
        """True once the real player has been made."""
        return self._player is not None

    @property
    def problem(self) -> str | None:
        """Why cues cannot play (known once loaded), in the person's language."""
        return self._player.problem if self._player is not None else None

    def warm_up(self) -> CuePlayer:
        """Make the real player now (a routine is starting); cheap once made."""
        if self._player is None:
            player = make_cue_player(self.enabled, self._volume, self, self._folder)
            player.problem_found.connect(self.problem_found)
            self._player = player
        return self._player

    def play(self, cue: Cue) -> None:
        """Play a cue, loading the player first if need be; never blocks on a missing device."""
        if self.enabled:
            self.warm_up().play(cue)

    def set_enabled(self, enabled: bool) -> None:
        """Turn the cues on or off."""
        self.enabled = enabled
        if self._player is not None:
            self._player.set_enabled(enabled)

    def set_volume(self, volume: float) -> None:
        """Set the cue volume, 0 (silent) to 1 (full)."""
        self._volume = _clamp(volume, 0.0, 1.0)
        if self._player is not None:
            self._player.set_volume(self._volume)
