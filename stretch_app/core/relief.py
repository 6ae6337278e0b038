"""Cramp relief: one cramp episode, from the first tap to "it eased", driven by a clock.

The person is in pain, so the engine asks one question ("where is the cramp?") and answers it
itself (the calf, the commonest place) if nothing is chosen within a few seconds. Then it walks
through the relief routine's steps, the stretch for the chosen muscle first. Every step is
open-ended: it counts up until the person says the cramp is easing or asks for the next one.

The clock times the cramp, not the screen: the person may say it began a few minutes before
relief was opened, and opening relief again soon after ending it continues the same cramp and
its clock (:meth:`ReliefEpisode.reopen`), so the emergency threshold can never be reset by
starting over. Nearing the threshold the engine says so; at the threshold it gives the
emergency notice, and again every few minutes while relief runs, without anyone clicking.

Pure Python, like :mod:`stretch_app.core.session`: every command returns the events it caused,
in order, for the screen, the voice and the journal; time only ever comes from the clock.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, time, timedelta
from enum import StrEnum
from typing import Final

from stretch_app.core.clock import Clock
from stretch_app.core.journal_rows import MUSCLE_CHOICES, Muscle
from stretch_app.core.relief_content import ExerciseText, ReliefText
from stretch_app.core.relief_events import (
    Asking,
    Continued,
    EmergencyNear,
    EmergencyReached,
    Ended,
    MuscleChosen,
    ReliefEvent,
    ReliefOutcome,
    ReliefStep,
    StartMoved,
    StepStarted,
    spoken_lines,
    whole_seconds,
)

__all__ = [
    "AUTOMATIC_MUSCLE",
    "EARLIER_CHOICES",
    "MUSCLE_CHOICES",
    "STRETCH_FOR",
    "Asking",
    "Continued",
    "EmergencyNear",
    "EmergencyReached",
    "Ended",
    "MuscleChosen",
    "ReliefEpisode",
    "ReliefEvent",
    "ReliefOutcome",
    "ReliefState",
    "ReliefStep",
    "StartMoved",
    "StepStarted",
    "relief_steps",
    "spoken_lines",
    "whole_seconds",
    "woke_by_default",
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

EARLIER_CHOICES: Final[tuple[int, ...]] = (1, 2, 5, 10)
"""The "it started about N minutes ago" taps offered while relief runs (ours, not the article's)."""

SLEEP_HOURS: Final[tuple[time, time]] = (time(21, 0), time(7, 0))
"""Our own default, not the article's: a cramp starting between these local times most likely
woke the person, so "Did it wake you?" is answered yes unless they change it."""


def woke_by_default(started_local: datetime) -> bool:
    """Whether "Did it wake you?" starts as yes: the cramp began in the sleeping hours."""
    evening, morning = SLEEP_HOURS
    moment = started_local.time()
    return moment >= evening or moment < morning


class ReliefState(StrEnum):
    """Where an episode is: asking where it hurts, going through steps, or over."""

    CHOOSING = "choosing"
    RELIEVING = "relieving"
    ENDED = "ended"


def relief_steps(
    routine: ReliefText, exercises: Mapping[str, ExerciseText], muscle: Muscle
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

    ``opened_at`` is the wall-clock time relief was opened; :attr:`started_at` is when the cramp
    began (earlier, if the person says so). All durations come from ``clock``.
    ``autostart_after`` is how long the question waits before the calf is chosen (0 starts the
    calf at once); ``emergency_after`` is the threshold in seconds, ``highlight_from`` when the
    threshold is said to be near, ``repeat_every`` how often the notice is given again.
    """

    def __init__(
        self,
        routine: ReliefText,
        exercises: Mapping[str, ExerciseText],
        clock: Clock,
        *,
        started_at: datetime,
        autostart_after: float = 5.0,
        emergency_after: float = 600.0,
        highlight_from: float | None = None,
        repeat_every: float = 180.0,
    ) -> None:
        self.routine = routine
        self._exercises = exercises
        self._clock = clock
        self.opened_at = started_at
        self.autostart_after = max(0.0, autostart_after)
        self.emergency_after = emergency_after
        self.highlight_from = emergency_after if highlight_from is None else highlight_from
        self.repeat_every = max(1.0, repeat_every)
        self._start = clock.monotonic()
        self._asked_at = self._start
        self._autostart_on = True
        self.earlier_s = 0.0
        """How long before relief opened the person said the cramp began."""
        self.state = ReliefState.CHOOSING
        self.muscle: Muscle | None = None
        self.steps: tuple[ReliefStep, ...] = ()
        self.index = 0
        self._step_start = self._start
        self.emergency = False
        self.near = False
        self._notices = 0
        self._ended_mono: float | None = None
        self.continued = 0
        """How many times relief was opened again for this same cramp."""
        self.discarded = False
        self.outcome: ReliefOutcome | None = None

    # --- reading ------------------------------------------------------------------------------

    @property
    def started_at(self) -> datetime:
        """When the cramp began: when relief opened, or earlier if the person said so."""
        return self.opened_at - timedelta(seconds=self.earlier_s)

    def elapsed(self) -> float:
        """Seconds since the cramp began (frozen, in whole seconds, once the episode is over)."""
        if self.outcome is not None:
            return self.outcome.duration_s
        return max(0.0, self._clock.monotonic() - self._start + self.earlier_s)

    def emergency_in(self) -> float:
        """Seconds until the emergency threshold (0 once it is reached)."""
        return max(0.0, self.emergency_after - self.elapsed())

    def step_elapsed(self) -> float:
        """Seconds the current step has been going (0 while choosing)."""
        if self.state is not ReliefState.RELIEVING:
            return 0.0
        return max(0.0, self._clock.monotonic() - self._step_start)

    def autostart_remaining(self) -> float | None:
        """Seconds until the calf is chosen automatically; None once a muscle is known."""
        if self.state is not ReliefState.CHOOSING or not self._autostart_on:
            return None
        waited = self._clock.monotonic() - self._asked_at
        return max(0.0, self.autostart_after - waited)

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

    def can_continue(self, within: float) -> bool:
        """True when the episode ended no more than ``within`` seconds ago (and was kept)."""
        if not self.is_over or self.discarded or self._ended_mono is None:
            return False
        return self._clock.monotonic() - self._ended_mono <= within

    def seconds_to_next_event(self) -> float | None:
        """How long until :meth:`tick` has something to report (auto-start, near, emergency)."""
        if self.is_over:
            return None
        waits = [max(0.0, self._next_notice() - self.elapsed())]
        autostart = self.autostart_remaining()
        if autostart is not None:
            waits.append(autostart)
        if not self.near and not self.emergency:
            waits.append(max(0.0, self.highlight_from - self.elapsed()))
        return min(waits)

    # --- commands -----------------------------------------------------------------------------

    def start(self) -> list[ReliefEvent]:
        """The first action: ask where the cramp is (with no wait, the calf relief begins)."""
        events = self.tick()
        if self.state is ReliefState.CHOOSING:
            events.insert(0, Asking(self.autostart_after))
        return events

    def tick(self) -> list[ReliefEvent]:
        """Look at the clock: choose the calf when the wait is over; near and emergency."""
        if self.is_over:
            return []
        events: list[ReliefEvent] = []
        if self.autostart_remaining() == 0.0:
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

    def started_earlier(self, minutes: float) -> list[ReliefEvent]:
        """The cramp began about ``minutes`` before relief opened (replaces an earlier answer)."""
        if self.is_over or minutes < 0:
            return []
        self.earlier_s = minutes * 60.0
        return [StartMoved(self.earlier_s, self.started_at), *self.tick()]

    def next_step(self) -> list[ReliefEvent]:
        """Still cramping: go on to the next step (after the last, start again at the first)."""
        events = self.tick()
        if self.state is ReliefState.CHOOSING:
            events += self._choose(AUTOMATIC_MUSCLE, automatic=True)
        elif self.state is ReliefState.RELIEVING and self.steps:
            events += self._enter((self.index + 1) % len(self.steps))
        return events

    def back(self) -> list[ReliefEvent]:
        """One step back; from the first step, back to "where is the cramp?" (no countdown)."""
        events = self.tick()
        if self.state is not ReliefState.RELIEVING:
            return events
        if self.index > 0:
            return events + self._enter(self.index - 1)
        self.state = ReliefState.CHOOSING
        self.muscle = None
        self.steps = ()
        self._autostart_on = False  # they came back to choose: no one hurries them now
        return [*events, Asking(None)]

    def eased(self) -> list[ReliefEvent]:
        """It is easing or gone: the episode ends, and the step on now is the one that helped."""
        step = self.current
        return self._end(eased=True, helped=step.exercise.id if step is not None else None)

    def stop(self) -> list[ReliefEvent]:
        """End relief without saying it eased (Esc, closing the window, going home)."""
        return self._end(eased=False, helped=None)

    def reopen(self) -> list[ReliefEvent]:
        """The same cramp again (or the end was a mistake): relief goes on, and so does its clock.

        The time since the end counts as cramp time, so the threshold cannot be reset.
        """
        if not self.is_over or self.discarded:
            return []
        self.outcome = None
        self._ended_mono = None
        self.continued += 1
        events: list[ReliefEvent] = [Continued(self.elapsed())]
        if self.steps:
            self.state = ReliefState.RELIEVING
            events += self._enter(self.index)
        else:
            self.state = ReliefState.CHOOSING
            self._asked_at = self._clock.monotonic()
            events.append(Asking(self.autostart_after if self._autostart_on else None))
            events += self.tick()
        return events + self._check_emergency()

    def discard(self) -> None:
        """It was not a cramp: the episode is over and can no longer be continued."""
        if not self.is_over:
            self.stop()
        self.discarded = True

    # --- inside -------------------------------------------------------------------------------

    def _choose(self, muscle: Muscle, *, automatic: bool) -> list[ReliefEvent]:
        self.muscle = muscle
        self.steps = relief_steps(self.routine, self._exercises, muscle)
        self.state = ReliefState.RELIEVING
        events: list[ReliefEvent] = [MuscleChosen(muscle, automatic)]
        if self.steps:
            events += self._enter(0)
        return events

    def _next_notice(self) -> float:
        return self.emergency_after + self._notices * self.repeat_every

    def _check_emergency(self) -> list[ReliefEvent]:
        elapsed = self.elapsed()
        events: list[ReliefEvent] = []
        if not self.near and self.highlight_from <= elapsed < self.emergency_after:
            self.near = True
            events.append(EmergencyNear(self.emergency_after - elapsed))
        if elapsed >= self._next_notice():
            # One notice however late the tick; the next one falls a whole interval later.
            repeat = self._notices
            self._notices = int((elapsed - self.emergency_after) // self.repeat_every) + 1
            self.emergency = self.near = True
            events.append(EmergencyReached(elapsed, 0 if repeat == 0 else self._notices - 1))
        return events

    def _enter(self, index: int) -> list[ReliefEvent]:
        self.index = index
        self._step_start = self._clock.monotonic()
        return [StepStarted(self.steps[index], index, len(self.steps))]

    def _end(self, *, eased: bool, helped: str | None) -> list[ReliefEvent]:
        if self.is_over:
            return []
        events = self.tick()
        duration = whole_seconds(self.elapsed())
        self.state = ReliefState.ENDED
        self._ended_mono = self._clock.monotonic()
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
