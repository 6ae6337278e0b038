"""What a cramp-relief episode reports: its steps, its events, its outcome, and what is said.

Kept apart from :mod:`stretch_app.core.relief` (the engine) so each stays small; the engine
module re-exports every public name here. Pure Python.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from stretch_app.core.journal_rows import Muscle
from stretch_app.core.kinds import StepMode
from stretch_app.core.phrases import ENGLISH, Phrases
from stretch_app.core.relief_content import ExerciseText

__all__ = [
    "Asking",
    "Continued",
    "EmergencyNear",
    "EmergencyReached",
    "Ended",
    "MuscleChosen",
    "ReliefEvent",
    "ReliefOutcome",
    "ReliefStep",
    "StartMoved",
    "StepStarted",
    "spoken_lines",
    "whole_seconds",
]


def whole_seconds(seconds: float) -> float:
    """A cramp's length as kept and shown everywhere: whole seconds (the one rounding)."""
    return float(round(max(0.0, seconds)))


@dataclass(frozen=True, slots=True)
class ReliefStep:
    """One thing to do about the cramp: hold a stretch until it eases, or a tip."""

    exercise: ExerciseText
    mode: StepMode
    note: str = ""

    @property
    def open_ended(self) -> bool:
        """True when the step counts up until the cramp eases (a tip has no timer)."""
        return self.mode is not StepMode.TIP


@dataclass(frozen=True, slots=True)
class Asking:
    """The question is on screen; the calf starts by itself after ``autostart_after`` s.

    ``autostart_after`` is None when the person came back to the question (no countdown then).
    """

    autostart_after: float | None


@dataclass(frozen=True, slots=True)
class MuscleChosen:
    """The muscle is known: picked by the person, or the calf after the wait (``automatic``)."""

    muscle: Muscle
    automatic: bool


@dataclass(frozen=True, slots=True)
class StepStarted:
    """A relief step began; ``index`` counts from 0 in the episode's steps."""

    step: ReliefStep
    index: int
    count: int


@dataclass(frozen=True, slots=True)
class StartMoved:
    """The person said the cramp began ``earlier_s`` seconds before relief was opened."""

    earlier_s: float
    started_at: datetime


@dataclass(frozen=True, slots=True)
class EmergencyNear:
    """The cramp nears the emergency threshold: ``remaining`` seconds are left."""

    remaining: float


@dataclass(frozen=True, slots=True)
class EmergencyReached:
    """The cramp has lasted as long as the guidance says needs emergency care.

    ``repeat`` is 0 the first time and counts up each time the notice is given again.
    """

    elapsed: float
    repeat: int = 0


@dataclass(frozen=True, slots=True)
class Continued:
    """Relief was opened again for the same cramp: its clock goes on from ``elapsed``."""

    elapsed: float


@dataclass(frozen=True, slots=True)
class ReliefOutcome:
    """What the journal keeps about an episode once it is over."""

    started_at: datetime
    ended_at: datetime
    duration_s: float
    """Whole seconds (:func:`whole_seconds`): the one length shown everywhere."""
    muscle: Muscle | None
    helped: str | None
    """The exercise id of the step that was on when the person said it eased."""
    eased: bool
    """True when the person said it eased; False when relief was ended otherwise."""
    emergency: bool
    """True when the episode reached the emergency threshold."""


@dataclass(frozen=True, slots=True)
class Ended:
    """The episode is over."""

    outcome: ReliefOutcome


ReliefEvent = (
    Asking
    | MuscleChosen
    | StepStarted
    | StartMoved
    | EmergencyNear
    | EmergencyReached
    | Continued
    | Ended
)


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    if not text:
        return ""
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?" else text + "."


def spoken_lines(
    event: ReliefEvent, emergency: str | Sequence[str], phrases: Phrases = ENGLISH
) -> list[str]:
    """What the voice says for one relief event.

    ``emergency`` is the guidance's whole notice (its lead, then every sign), said in full
    each time the notice is given; a single string is one line.
    """
    if isinstance(event, StepStarted):
        exercise = event.step.exercise
        name = _sentence(exercise.spoken or exercise.name)
        if event.step.open_ended:
            return [f"{name} {phrases.say('hold_until_eased')}"]
        return [" ".join(filter(None, [name, _sentence(exercise.how_to[0])]))]
    if isinstance(event, EmergencyReached):
        return [emergency] if isinstance(emergency, str) else list(emergency)
    if isinstance(event, Asking) and event.autostart_after is not None:
        return [phrases.say("relief_asking", seconds=round(event.autostart_after))]
    return []
