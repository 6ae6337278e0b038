"""What a session is made of and what it says: phases, states and events.

The engine (:mod:`stretch_app.core.session`) re-exports all of these; the screen, sound and
voice only ever read them.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from stretch_app.core.model import Exercise, Side, StepMode

__all__ = [
    "Event",
    "Finished",
    "Halfway",
    "LastSeconds",
    "Paused",
    "Phase",
    "PhaseKind",
    "PhaseStarted",
    "Resumed",
    "SessionState",
    "SwitchLegs",
]


class PhaseKind(StrEnum):
    """What the person is doing during a phase."""

    GET_READY = "get-ready"
    HOLD = "hold"
    SWITCH_LEGS = "switch-legs"
    RELAX = "relax"
    """Between two holds of the same leg in a repeated step."""
    REST = "rest"
    TIP = "tip"


class SessionState(StrEnum):
    """Where a session is in its life."""

    NOT_STARTED = "not-started"
    RUNNING = "running"
    PAUSED = "paused"
    FINISHED = "finished"
    STOPPED = "stopped"


@dataclass(frozen=True, slots=True)
class Phase:
    """One stretch of time with one thing to do; ``duration`` is None when open-ended."""

    kind: PhaseKind
    step_index: int
    exercise: Exercise
    side: Side | None
    duration: float | None
    mode: StepMode = StepMode.TIMED
    note: str = ""
    repetition: int = 1
    """Which hold of a repeated step this is (or comes next, for a relax phase), from 1."""
    repetitions: int = 1
    """How many holds of this step each leg gets."""

    @property
    def is_hold(self) -> bool:
        """True for the phases a person is actually stretching in."""
        return self.kind in (PhaseKind.HOLD, PhaseKind.TIP)


@dataclass(frozen=True, slots=True)
class PhaseStarted:
    """A new phase began; ``resumed`` when a paused hold carries on after its lead-in."""

    phase: Phase
    index: int
    resumed: bool = False


@dataclass(frozen=True, slots=True)
class Halfway:
    """Half of a timed hold has passed."""

    phase: Phase


@dataclass(frozen=True, slots=True)
class LastSeconds:
    """The last few seconds of a timed phase have begun."""

    phase: Phase
    seconds: float


@dataclass(frozen=True, slots=True)
class SwitchLegs:
    """Time to change to the other leg."""

    phase: Phase


@dataclass(frozen=True, slots=True)
class Paused:
    """The session was paused."""

    phase: Phase


@dataclass(frozen=True, slots=True)
class Resumed:
    """The session was resumed."""

    phase: Phase


@dataclass(frozen=True, slots=True)
class Finished:
    """The session ended: ``completed`` when it reached the end, not when stopped.

    ``held_share`` is the part of the planned hold time that was actually held (0 to 1);
    skipped holds count nothing. Whether that makes the routine *done* is
    :func:`stretch_app.core.history.counts_as_done`.
    """

    completed: bool
    holds_done: int
    last_step_index: int
    held_share: float = 1.0


Event = PhaseStarted | Halfway | LastSeconds | SwitchLegs | Paused | Resumed | Finished
