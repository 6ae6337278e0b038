"""Cramp relief: one cramp episode, from the first tap to "it eased", driven by a clock.

The person is in pain, so the engine asks one question ("where is the cramp?") and answers it
itself (the calf, the commonest place) if nothing is chosen within a few seconds. Then it walks
through the relief routine's steps, the stretch for the chosen muscle first. Every step is
open-ended: it counts up until the person says the cramp is easing or asks for the next one.
The whole cramp is timed from the first action; once it reaches the emergency threshold of the
safety guidance the engine says so, once, without waiting for anyone to click.

Pure Python, like :mod:`stretch_app.core.session`: every command returns the events it caused,
in order, for the screen, the voice and the journal; time only ever comes from the clock.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Final

from stretch_app.core.clock import Clock
from stretch_app.core.journal import Muscle
from stretch_app.core.journal_rows import MUSCLE_CHOICES
from stretch_app.core.model import Exercise, Routine, StepMode
from stretch_app.core.phrases import ENGLISH, Phrases

__all__ = [
    "AUTOMATIC_MUSCLE",
    "MUSCLE_CHOICES",
    "STRETCH_FOR",
    "Asking",
    "EmergencyReached",
    "Ended",
    "MuscleChosen",
    "ReliefEpisode",
    "ReliefEvent",
    "ReliefOutcome",
    "ReliefState",
    "ReliefStep",
    "StepStarted",
    "relief_steps",
    "spoken_lines",
]


#: The stretch that goes first for each muscle: an exercise id from the catalog. The article
#: names the calf, hamstring and quad stretches for those muscles; for the foot it names no
#: stretch of its own, but "grab your toes and pull them toward you" stretches the sole.
STRETCH_FOR: Final[Mapping[Muscle, str]] = {
    "calf": "calf-stretch",
    "back-of-thigh": "hamstring-stretch",
    "front-of-thigh": "quad-stretch",
    "foot": "pull-toes",
}

AUTOMATIC_MUSCLE: Final[Muscle] = "calf"


class ReliefState(StrEnum):
    """Where an episode is: asking where it hurts, going through steps, or over."""

    CHOOSING = "choosing"
    RELIEVING = "relieving"
    ENDED = "ended"


@dataclass(frozen=True, slots=True)
class ReliefStep:
    """One thing to do about the cramp: hold a stretch until it eases, or a tip."""

    exercise: Exercise
    mode: StepMode
    note: str = ""

    @property
    def open_ended(self) -> bool:
        """True when the step counts up until the cramp eases (a tip has no timer)."""
        return self.mode is not StepMode.TIP


@dataclass(frozen=True, slots=True)
class Asking:
    """The question is on screen; the calf starts by itself after ``autostart_after`` s."""

    autostart_after: float


@dataclass(frozen=True, slots=True)
class MuscleChosen:
    """The muscle is known: picked by the person, or the calf after the wait (``automatic``)."""

    muscle: Muscle
    automatic: bool


@dataclass(frozen=True, slots=True)
class StepStarted:
    """A relief step began; ``index`` counts from 0 in :attr:`ReliefEpisode.steps`."""

    step: ReliefStep
    index: int
    count: int


@dataclass(frozen=True, slots=True)
class EmergencyReached:
    """The cramp has lasted as long as the guidance says needs emergency care."""

    elapsed: float


@dataclass(frozen=True, slots=True)
class ReliefOutcome:
    """What the journal keeps about an episode once it is over."""

    started_at: datetime
    ended_at: datetime
    duration_s: float
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


ReliefEvent = Asking | MuscleChosen | StepStarted | EmergencyReached | Ended


def relief_steps(
    routine: Routine, exercises: Mapping[str, Exercise], muscle: Muscle
) -> tuple[ReliefStep, ...]:
    """The steps for a cramp in ``muscle``: its stretch first, then the rest of ``routine``.

    The routine's first step stands for "stretch the cramped muscle"; the chosen muscle's
    stretch takes its place (keeping its mode and note), and a later step with that same
    exercise is left out so it does not come twice. Steps naming unknown exercises are skipped.
    """
    first, *rest = routine.steps
    stretch_id = STRETCH_FOR[muscle]
    steps: list[ReliefStep] = []
    stretch = exercises.get(stretch_id) or exercises.get(first.exercise)
    if stretch is not None:
        steps.append(ReliefStep(stretch, first.mode, first.note))
    for step in rest:
        exercise = exercises.get(step.exercise)
        if exercise is not None and exercise.id != stretch_id:
            steps.append(ReliefStep(exercise, step.mode, step.note))
    return tuple(steps)


class ReliefEpisode:
    """One cramp being relieved: the muscle, the current step, and how long it has lasted.

    ``started_at`` is the wall-clock time of the first action (for the journal); all durations
    come from ``clock``. ``autostart_after`` is how long the question waits before the calf is
    chosen (0 starts the calf at once); ``emergency_after`` is the threshold in seconds.
    """

    def __init__(
        self,
        routine: Routine,
        exercises: Mapping[str, Exercise],
        clock: Clock,
        *,
        started_at: datetime,
        autostart_after: float = 5.0,
        emergency_after: float = 600.0,
    ) -> None:
        self.routine = routine
        self._exercises = exercises
        self._clock = clock
        self.started_at = started_at
        self.autostart_after = max(0.0, autostart_after)
        self.emergency_after = emergency_after
        self._start = clock.monotonic()
        self.state = ReliefState.CHOOSING
        self.muscle: Muscle | None = None
        self.steps: tuple[ReliefStep, ...] = ()
        self.index = 0
        self._step_start = self._start
        self.emergency = False
        self.outcome: ReliefOutcome | None = None

    # --- reading ------------------------------------------------------------------------------

    def elapsed(self) -> float:
        """Seconds since the first action (frozen once the episode is over)."""
        if self.outcome is not None:
            return self.outcome.duration_s
        return max(0.0, self._clock.monotonic() - self._start)

    def step_elapsed(self) -> float:
        """Seconds the current step has been going (0 while choosing)."""
        if self.state is not ReliefState.RELIEVING:
            return 0.0
        return max(0.0, self._clock.monotonic() - self._step_start)

    def autostart_remaining(self) -> float | None:
        """Seconds until the calf is chosen automatically; None once a muscle is known."""
        if self.state is not ReliefState.CHOOSING:
            return None
        return max(0.0, self.autostart_after - self.elapsed())

    @property
    def current(self) -> ReliefStep | None:
        """The step on now, or None while choosing (or when the routine has no usable steps)."""
        if self.state is ReliefState.CHOOSING or not self.steps:
            return None
        return self.steps[self.index]

    @property
    def upcoming(self) -> ReliefStep | None:
        """The step "next" leads to (the list starts again after the last one)."""
        if self.state is not ReliefState.RELIEVING or len(self.steps) < 2:
            return None
        return self.steps[(self.index + 1) % len(self.steps)]

    @property
    def is_over(self) -> bool:
        """True once the episode has ended."""
        return self.state is ReliefState.ENDED

    def seconds_to_next_event(self) -> float | None:
        """How long until :meth:`tick` has something to report (auto-start or emergency)."""
        if self.is_over:
            return None
        waits = []
        autostart = self.autostart_remaining()
        if autostart is not None:
            waits.append(autostart)
        if not self.emergency:
            waits.append(max(0.0, self.emergency_after - self.elapsed()))
        return min(waits) if waits else None

    # --- commands -----------------------------------------------------------------------------

    def start(self) -> list[ReliefEvent]:
        """The first action: ask where the cramp is (with no wait, the calf relief begins)."""
        events = self.tick()
        if self.state is ReliefState.CHOOSING:
            events.insert(0, Asking(self.autostart_after))
        return events

    def tick(self) -> list[ReliefEvent]:
        """Look at the clock: choose the calf when the wait is over; flag an emergency."""
        if self.is_over:
            return []
        events: list[ReliefEvent] = []
        if self.state is ReliefState.CHOOSING and self.elapsed() >= self.autostart_after:
            events += self._choose(AUTOMATIC_MUSCLE, automatic=True)
        return events + self._check_emergency()

    def choose(self, muscle: Muscle) -> list[ReliefEvent]:
        """The person pointed at the cramp; ignored once relief is under way."""
        if muscle not in STRETCH_FOR:
            raise ValueError(f"no relief is known for {muscle!r}")
        if self.state is not ReliefState.CHOOSING:
            return self.tick()
        # Chosen by hand, even if the wait ran out a moment ago and no tick has noticed yet.
        return self._choose(muscle, automatic=False) + self._check_emergency()

    def next_step(self) -> list[ReliefEvent]:
        """Still cramping: go on to the next step (after the last, start again at the first)."""
        events = self.tick()
        if self.state is ReliefState.CHOOSING:
            events += self._choose(AUTOMATIC_MUSCLE, automatic=True)
        elif self.state is ReliefState.RELIEVING and self.steps:
            events += self._enter((self.index + 1) % len(self.steps))
        return events

    def eased(self) -> list[ReliefEvent]:
        """It is easing or gone: the episode ends, and the step on now is the one that helped."""
        step = self.current
        return self._end(eased=True, helped=step.exercise.id if step is not None else None)

    def stop(self) -> list[ReliefEvent]:
        """End relief without saying it eased (Esc, closing the window, going home)."""
        return self._end(eased=False, helped=None)

    # --- inside -------------------------------------------------------------------------------

    def _choose(self, muscle: Muscle, *, automatic: bool) -> list[ReliefEvent]:
        self.muscle = muscle
        self.steps = relief_steps(self.routine, self._exercises, muscle)
        self.state = ReliefState.RELIEVING
        events: list[ReliefEvent] = [MuscleChosen(muscle, automatic)]
        if self.steps:
            events += self._enter(0)
        return events

    def _check_emergency(self) -> list[ReliefEvent]:
        if self.emergency or self.elapsed() < self.emergency_after:
            return []
        self.emergency = True
        return [EmergencyReached(self.elapsed())]

    def _enter(self, index: int) -> list[ReliefEvent]:
        self.index = index
        self._step_start = self._clock.monotonic()
        return [StepStarted(self.steps[index], index, len(self.steps))]

    def _end(self, *, eased: bool, helped: str | None) -> list[ReliefEvent]:
        if self.is_over:
            return []
        events = self.tick()
        duration = self.elapsed()
        self.state = ReliefState.ENDED
        self.outcome = ReliefOutcome(
            started_at=self.started_at,
            ended_at=self.started_at + timedelta(seconds=duration),
            duration_s=duration,
            muscle=self.muscle,
            helped=helped,
            eased=eased,
            emergency=self.emergency,
        )
        return [*events, Ended(self.outcome)]


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    if not text:
        return ""
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?" else text + "."


def spoken_lines(event: ReliefEvent, emergency_lead: str, phrases: Phrases = ENGLISH) -> list[str]:
    """What the voice says for one relief event; ``emergency_lead`` comes from the guidance."""
    if isinstance(event, StepStarted):
        exercise = event.step.exercise
        name = _sentence(exercise.spoken or exercise.name)
        if event.step.open_ended:
            return [f"{name} {phrases.say('hold_until_eased')}"]
        return [" ".join(filter(None, [name, _sentence(exercise.how_to[0])]))]
    if isinstance(event, EmergencyReached):
        return [emergency_lead]
    if isinstance(event, Asking):
        return [phrases.say("relief_asking", seconds=round(event.autostart_after))]
    return []
