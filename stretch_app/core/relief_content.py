"""What cramp relief shows and says, as plain data, and a compiled copy kept in the user's cache.

Mid-cramp the relief screen must work at once. Its content (the relief routine's steps, the
exercises they name, the emergency signs and the prevention tips, in the person's language) and
the few settings it uses come from the routine files, the guidance file and ``settings.toml``
through pydantic models, whose import and building cost a cold start more than the whole bare
window (docs/performance.md, issue 13). So the full app compiles them once into a
:class:`ReliefContent`, kept as JSON beside the reminder book and keyed the same way
(:mod:`.answer_cache`: the app's version, the language, the stat of every routine folder and
file, the guidance file and the settings file); a cramp-now start reads it back with ``json``
alone. A stale key, or anything unexpected in the file, means the models are read again.

Relief code is typed with the small protocols below, which both the pydantic models and the
plain dataclasses here satisfy: the full app passes its models, a relief-only start the plain
copies.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from stretch_app.core.answer_cache import KeptSource, fingerprint, keep_answer, stored_answer
from stretch_app.core.kinds import StepMode

if TYPE_CHECKING:
    from stretch_app.core.library import Library
    from stretch_app.core.safety import SafetyGuide
    from stretch_app.core.settings import Settings

__all__ = [
    "RELIEF_ID",
    "EmergencyText",
    "ExerciseText",
    "PreventionText",
    "ReliefContent",
    "ReliefSource",
    "ReliefText",
    "relief_content_of",
]

RELIEF_ID = "cramp-relief"
_FORMAT = 1


class ExerciseText(Protocol):
    """What relief reads of an exercise (:class:`stretch_app.core.model.Exercise`)."""

    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def how_to(self) -> tuple[str, ...]: ...
    @property
    def picture(self) -> str | None: ...
    @property
    def spoken(self) -> str: ...


class StepText(Protocol):
    """What relief reads of a routine step (:class:`stretch_app.core.model.Step`)."""

    @property
    def exercise(self) -> str: ...
    @property
    def mode(self) -> StepMode: ...
    @property
    def note(self) -> str: ...


class ReliefText(Protocol):
    """What relief reads of the relief routine (:class:`stretch_app.core.model.Routine`)."""

    @property
    def steps(self) -> Sequence[StepText]: ...


class EmergencyText(Protocol):
    """What relief reads of the emergency guidance (:class:`stretch_app.core.safety.Emergency`)."""

    @property
    def title(self) -> str: ...
    @property
    def threshold_minutes(self) -> int: ...
    @property
    def lead(self) -> str: ...
    @property
    def signs(self) -> tuple[str, ...]: ...
    @property
    def panel_title(self) -> str: ...
    @property
    def panel_signs(self) -> tuple[str, ...]: ...
    @property
    def timed_sign(self) -> int: ...
    @property
    def highlight_from_minutes(self) -> float: ...
    @property
    def repeat_every_minutes(self) -> float: ...
    @property
    def same_cramp_within_minutes(self) -> float: ...


class PreventionText(Protocol):
    """The prevention tips shown after relief (:class:`stretch_app.core.safety.Prevention`)."""

    @property
    def title(self) -> str: ...
    @property
    def tips(self) -> tuple[str, ...]: ...


@dataclass(frozen=True)
class _Exercise:
    id: str
    name: str
    how_to: tuple[str, ...]
    picture: str | None
    spoken: str


@dataclass(frozen=True)
class _Step:
    exercise: str
    mode: StepMode
    note: str


@dataclass(frozen=True)
class _Routine:
    steps: tuple[_Step, ...]


@dataclass(frozen=True)
class _Emergency:
    title: str
    threshold_minutes: int
    lead: str
    signs: tuple[str, ...]
    panel_title: str
    panel_signs: tuple[str, ...]
    timed_sign: int
    highlight_from_minutes: float
    repeat_every_minutes: float
    same_cramp_within_minutes: float


@dataclass(frozen=True)
class _Prevention:
    title: str
    tips: tuple[str, ...]


@dataclass(frozen=True)
class ReliefContent:
    """Everything a relief screen and its flow need, read when relief opens."""

    routine: ReliefText
    exercises: Mapping[str, ExerciseText]
    emergency: EmergencyText
    prevention: PreventionText
    autostart_s: float
    text_scale: float
    reduce_motion: bool
    sound_enabled: bool
    voice_enabled: bool
    volume: float
    voice_name: str
    voice_rate: float

    def to_json(self) -> dict[str, Any]:
        """The content as JSON-able data (every exercise: a chosen muscle brings its own)."""
        exercises = [
            _Exercise(e.id, e.name, tuple(e.how_to), e.picture, e.spoken)
            for e in self.exercises.values()
        ]
        e = self.emergency
        return {
            "format": _FORMAT,
            "steps": [[s.exercise, str(s.mode), s.note] for s in self.routine.steps],
            "exercises": [asdict(x) for x in exercises],
            "emergency": asdict(
                _Emergency(e.title, e.threshold_minutes, e.lead, tuple(e.signs), e.panel_title,
                           tuple(e.panel_signs), e.timed_sign, e.highlight_from_minutes,
                           e.repeat_every_minutes, e.same_cramp_within_minutes)
            ),
            "prevention": {"title": self.prevention.title, "tips": list(self.prevention.tips)},
            "settings": [self.autostart_s, self.text_scale, self.reduce_motion,
                         self.sound_enabled, self.voice_enabled, self.volume, self.voice_name,
                         self.voice_rate],
        }  # fmt: skip

    @classmethod
    def from_json(cls, data: object) -> ReliefContent:
        """Read what :meth:`to_json` wrote; ValueError on anything else."""
        try:
            return _from_json(data)
        except (KeyError, TypeError, IndexError) as exc:
            raise ValueError(f"not relief content: {exc!r}") from exc


def _texts(value: object) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError("not a list of texts")
    return tuple(value)


def _of(kind: type, value: object) -> Any:
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
        raise ValueError(f"{value!r} is not a {kind.__name__}")
    return value


def _from_json(data: Any) -> ReliefContent:
    if not isinstance(data, dict) or data.get("format") != _FORMAT:
        raise ValueError("not relief content")
    steps = tuple(
        _Step(_of(str, e), StepMode(_of(str, m)), _of(str, n)) for e, m, n in data["steps"]
    )
    exercises = {}
    for item in data["exercises"]:
        picture = item["picture"]
        exercise = _Exercise(
            _of(str, item["id"]),
            _of(str, item["name"]),
            _texts(item["how_to"]),
            None if picture is None else _of(str, picture),
            _of(str, item["spoken"]),
        )
        exercises[exercise.id] = exercise
    if not steps or steps[0].exercise not in exercises:
        raise ValueError("relief content without its first stretch")
    e = data["emergency"]
    emergency = _Emergency(
        _of(str, e["title"]),
        _of(int, e["threshold_minutes"]),
        _of(str, e["lead"]),
        _texts(e["signs"]),
        _of(str, e["panel_title"]),
        _texts(e["panel_signs"]),
        _of(int, e["timed_sign"]),
        _of(float, e["highlight_from_minutes"]),
        _of(float, e["repeat_every_minutes"]),
        _of(float, e["same_cramp_within_minutes"]),
    )
    if not emergency.signs or len(emergency.panel_signs) != len(emergency.signs):
        raise ValueError("emergency signs missing")
    p = data["prevention"]
    prevention = _Prevention(_of(str, p["title"]), _texts(p["tips"]))
    autostart, scale, motion, sound, voice, volume, voice_name, rate = data["settings"]
    return ReliefContent(
        _Routine(steps),
        exercises,
        emergency,
        prevention,
        autostart_s=_of(float, autostart),
        text_scale=_of(float, scale),
        reduce_motion=_of(bool, motion),
        sound_enabled=_of(bool, sound),
        voice_enabled=_of(bool, voice),
        volume=_of(float, volume),
        voice_name=_of(str, voice_name),
        voice_rate=_of(float, rate),
    )


def relief_content_of(
    library: Library, guide: SafetyGuide, settings: Settings
) -> ReliefContent | None:
    """The relief content from the full app's models; None without a relief routine."""
    routine = library.routines.get(RELIEF_ID)
    if routine is None:
        return None
    return ReliefContent(
        routine,
        library.exercises,
        guide.emergency,
        guide.prevention,
        autostart_s=float(settings.relief_autostart_s),
        text_scale=settings.text_scale,
        reduce_motion=settings.reduce_motion,
        sound_enabled=settings.sound_enabled,
        voice_enabled=settings.voice_enabled,
        volume=settings.volume,
        voice_name=settings.voice_name,
        voice_rate=settings.voice_rate,
    )


@dataclass(frozen=True, kw_only=True)
class ReliefSource(KeptSource):
    """Where relief content comes from (routine folders, guidance and settings files, the
    language, the app's version) and the cache file it is kept in."""

    guidance_file: Path

    def _inputs(self) -> list[Path]:
        return [*self._routine_inputs(), self.guidance_file, *self._settings_inputs()]

    def cached(self) -> ReliefContent | None:
        """The kept content, while nothing it was compiled from has changed; else None."""
        stored = stored_answer(self.cache_file, self._question("relief"), self._inputs())
        if stored is None:
            return None
        try:
            return ReliefContent.from_json(stored)
        except ValueError:  # garbage in the cache: the models are read again
            return None

    def keep(self, content: ReliefContent, before: list[list[Any]] | None) -> None:
        """Keep ``content`` if no input changed since ``before`` (its fingerprint when it was
        read): it must be the content of the files it is keyed by. Never raises."""
        if before is not None and fingerprint(self._inputs()) == before:
            keep_answer(
                self.cache_file, self._question("relief"), self._inputs(), content.to_json()
            )

    def compile(self) -> ReliefContent | None:
        """The full path: read the files with their models, and keep the content."""
        from stretch_app.core.library import load_library
        from stretch_app.core.safety import load_safety_guide
        from stretch_app.core.settings import load_settings

        before = fingerprint(self._inputs())
        library = load_library(self.folders).in_language(self.language)
        settings, _problem = load_settings(self.settings_file)
        content = relief_content_of(library, load_safety_guide(self.guidance_file), settings)
        if content is not None:
            self.keep(content, before)
        return content

    def fingerprint(self) -> list[list[Any]] | None:
        """The inputs' stat now (taken before the full app reads them, for :meth:`keep`)."""
        return fingerprint(self._inputs())


def main(argv: Sequence[str]) -> int:
    """``python -m stretch_app.core.relief_content SOURCE``: compile and keep the content.

    The tray runs this in a child process when the kept content is stale, so pydantic and the
    models are loaded (and their memory held) there, not in the long-lived tray.
    """
    source: ReliefSource = ReliefSource.from_argument(argv[1])
    source.compile()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
