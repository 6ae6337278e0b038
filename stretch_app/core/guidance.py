"""What the guided player says and which tone it plays for each session event.

Pure Python: the sound and voice objects in ``ui/desktop/audio.py`` only carry out what this
module decides, so every line a person hears at bedtime is tested without Qt.

Lines are built from the exercise names in the routine files (``spoken`` when set, else
``name``) and the short prompts of :mod:`stretch_app.core.phrases`, in the person's language.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from stretch_app.core.kinds import Cue, Side, StepMode
from stretch_app.core.model import Exercise
from stretch_app.core.phrases import ENGLISH, Phrases
from stretch_app.core.session import (
    Event,
    Finished,
    Halfway,
    LastSeconds,
    Paused,
    Phase,
    PhaseKind,
    PhaseStarted,
    Resumed,
    SwitchLegs,
)

__all__ = [
    "Cue",
    "GuidanceContext",
    "NextUp",
    "cue_for",
    "next_up",
    "spoken_lines",
    "spoken_lines_for",
]


class GuidanceContext(Protocol):
    """What guidance may ask of the session (a :class:`~stretch_app.core.session.Session`)."""

    def remaining(self) -> float | None:
        """Seconds left in the current phase, or None when it is open-ended."""
        ...


@dataclass(frozen=True, slots=True)
class NextUp:
    """What comes after the current phase, for the player's "Next:" line.

    ``other_leg`` is True when it is the same stretch on the other leg (then ``side`` names
    that leg); otherwise it is the next stretch.
    """

    exercise: Exercise
    side: Side | None
    other_leg: bool


def next_up(phases: Sequence[Phase], index: int) -> NextUp | None:
    """What the "Next:" line names while ``phases[index]`` runs; None on the last stretch.

    During the first leg's hold it is the other leg; otherwise the next different stretch.
    A rest page already says what is coming, so it has no "Next:" (None).
    """
    current = phases[index]
    if current.kind is PhaseKind.REST:
        return None
    later = phases[index + 1 :]
    if current.kind is PhaseKind.HOLD and current.side is not None:
        for phase in later:
            if phase.step_index != current.step_index:
                break
            if phase.kind is PhaseKind.HOLD and phase.side not in (None, current.side):
                return NextUp(phase.exercise, phase.side, other_leg=True)
    for phase in later:
        if phase.step_index != current.step_index and phase.is_hold:
            return NextUp(phase.exercise, phase.side, other_leg=False)
    return None


def _sentence(text: str) -> str:
    """Capitalise the first letter and end with a full stop (unless it already ends a sentence)."""
    text = " ".join(text.split())
    if not text:
        return ""
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?" else text + "."


def _spoken_name(exercise: Exercise) -> str:
    return " ".join((exercise.spoken or exercise.name).split())


def _exercise_and_leg(phase: Phase, phrases: Phrases) -> list[str]:
    parts = [_sentence(_spoken_name(phase.exercise))]
    if phase.side is not None:
        parts.append(phrases.say("left_leg" if phase.side is Side.LEFT else "right_leg"))
    return parts


def _phase_started(
    event: PhaseStarted, context: GuidanceContext | None, phrases: Phrases
) -> list[str]:
    phase = event.phase
    if phase.kind is PhaseKind.GET_READY:
        if event.index == 0:
            # The first phase of every session is its get-ready.
            first = phrases.in_a_sentence(_spoken_name(phase.exercise))
            return [phrases.say("get_ready_first", name=first)]
        # A lead-in before a paused hold carries on.
        return [" ".join([phrases.say("get_ready"), *_exercise_and_leg(phase, phrases)])]
    if phase.kind is PhaseKind.HOLD:
        if event.resumed:
            left = context.remaining() if context is not None else None
            if left is None or left < 1:
                return [phrases.say("carry_on")]
            return [phrases.say("carry_on_left", duration=phrases.duration(left))]
        if phase.mode is StepMode.UNTIL_EASED or phase.duration is None:
            until = phrases.say("hold_until_eased")
            return [" ".join([*_exercise_and_leg(phase, phrases), until])]
        hold = phrases.say("hold_for", duration=phrases.duration(phase.duration))
        if phase.repetitions > 1:
            count = phrases.say("hold_n_of", n=phase.repetition, count=phase.repetitions)
            if phase.repetition > 1:
                # The name and the length were said with the first hold of this leg.
                return [" ".join([count, *_exercise_and_leg(phase, phrases)[1:]])]
            return [" ".join([*_exercise_and_leg(phase, phrases), count, hold])]
        return [" ".join([*_exercise_and_leg(phase, phrases), hold])]
    if phase.kind is PhaseKind.RELAX:
        return [phrases.say("relax")]
    if phase.kind is PhaseKind.TIP:
        note = _sentence(phase.note)
        return [" ".join(filter(None, [_sentence(_spoken_name(phase.exercise)), note]))]
    if phase.kind is PhaseKind.REST:
        # A rest phase carries the exercise that comes after it.
        upcoming = phrases.in_a_sentence(_spoken_name(phase.exercise))
        return [phrases.say("rest"), phrases.say("next", name=upcoming)]
    # SWITCH_LEGS: the SwitchLegs event that follows says it.
    return []


def spoken_lines(
    event: Event, context: GuidanceContext | None = None, phrases: Phrases = ENGLISH
) -> list[str]:
    """The lines to say for one session event, in order (often none).

    ``context`` is the session, asked for the time left when a paused hold carries on;
    ``phrases`` are the prompts in the person's language.
    """
    if isinstance(event, PhaseStarted):
        return _phase_started(event, context, phrases)
    if isinstance(event, Halfway):
        # Short repeated holds would hear "Halfway" every few seconds.
        repeated = getattr(event.phase, "repetitions", 1) > 1
        return [] if repeated else [phrases.say("halfway")]
    if isinstance(event, SwitchLegs):
        return [phrases.say("switch_legs")]
    if isinstance(event, Paused):
        return [phrases.say("paused")]
    if isinstance(event, Resumed):
        # A timed hold gets a lead-in, whose get-ready line is said instead.
        timed_hold = event.phase.kind is PhaseKind.HOLD and event.phase.duration is not None
        return [] if timed_hold else [phrases.say("carry_on")]
    if isinstance(event, Finished):
        return [phrases.say("all_done" if event.completed else "stopped")]
    # LastSeconds: a tone only, so the count-down is not talked over.
    return []


def spoken_lines_for(
    events: Iterable[Event], context: GuidanceContext | None = None, phrases: Phrases = ENGLISH
) -> list[str]:
    """The lines for a batch of events, as one session command returns them, in order."""
    return [line for event in events for line in spoken_lines(event, context, phrases)]


def cue_for(event: Event) -> Cue | None:
    """The tone for one session event, or None.

    Last-seconds sounds only near the end of a hold: before a hold begins, its own start tone
    follows a moment later and a second tone would only add noise at bedtime.
    """
    if isinstance(event, PhaseStarted) and event.phase.kind is PhaseKind.HOLD:
        return Cue.HOLD_START
    if isinstance(event, LastSeconds) and event.phase.kind is PhaseKind.HOLD:
        return Cue.LAST_SECONDS
    if isinstance(event, SwitchLegs):
        return Cue.SWITCH_LEGS
    if isinstance(event, Finished) and event.completed:
        return Cue.DONE
    return None
