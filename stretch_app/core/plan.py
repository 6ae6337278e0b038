"""A routine expanded into its timed phases: get ready, hold left, switch legs, hold right, rest.

This is the plan the session engine (:mod:`stretch_app.core.session`) runs; it needs no clock.
"""

from __future__ import annotations

from collections.abc import Mapping

from stretch_app.core.model import Exercise, Routine, Side, Step, StepMode
from stretch_app.core.phases import Phase, PhaseKind

__all__ = ["expand_routine", "routine_duration"]


def _sides_for(exercise: Exercise, step: Step) -> tuple[Side | None, ...]:
    if step.sides is not None:
        return step.sides or (None,)
    # An open-ended relief step is for the leg that cramps, whichever it is.
    both = exercise.per_side and step.mode is StepMode.TIMED
    return (Side.LEFT, Side.RIGHT) if both else (None,)


def expand_routine(routine: Routine, exercises: Mapping[str, Exercise]) -> tuple[Phase, ...]:
    """Turn a routine into its phases: get ready, hold left, switch legs, hold right, rest…

    Raises ``KeyError`` for an exercise id that is not in ``exercises``; the library has already
    rejected such routines, so this only happens when a caller skips it.
    """
    phases: list[Phase] = []
    first = exercises[routine.steps[0].exercise]
    first_side = _sides_for(first, routine.steps[0])[0]
    phases.append(Phase(PhaseKind.GET_READY, 0, first, first_side, float(routine.get_ready)))
    last = len(routine.steps) - 1
    for index, step in enumerate(routine.steps):
        exercise = exercises[step.exercise]
        if step.mode is StepMode.TIP:
            phases.append(Phase(PhaseKind.TIP, index, exercise, None, None, step.mode, step.note))
            continue
        hold = None if step.mode is StepMode.UNTIL_EASED else float(step.hold or exercise.hold)
        # An open-ended hold cannot be repeated: it lasts until the cramp eases.
        count = step.repeat if hold is not None else 1
        for number, side in enumerate(_sides_for(exercise, step)):
            if number:
                phases.append(
                    Phase(PhaseKind.SWITCH_LEGS, index, exercise, side, float(routine.switch_legs))
                )
            for repetition in range(1, count + 1):
                if repetition > 1 and step.rest_between:
                    relax = float(step.rest_between)
                    phases.append(
                        Phase(
                            PhaseKind.RELAX,
                            index,
                            exercise,
                            side,
                            relax,
                            step.mode,
                            step.note,
                            repetition,
                            count,
                        )
                    )
                phases.append(
                    Phase(
                        PhaseKind.HOLD,
                        index,
                        exercise,
                        side,
                        hold,
                        step.mode,
                        step.note,
                        repetition,
                        count,
                    )
                )
        if index < last and routine.rest and hold is not None:
            upcoming = exercises[routine.steps[index + 1].exercise]
            next_side = _sides_for(upcoming, routine.steps[index + 1])[0]
            phases.append(
                Phase(PhaseKind.REST, index + 1, upcoming, next_side, float(routine.rest))
            )
    return tuple(phases)


def routine_duration(routine: Routine, exercises: Mapping[str, Exercise]) -> float:
    """Seconds the timed phases of a routine take, end to end (open-ended steps count 0)."""
    return sum(p.duration or 0.0 for p in expand_routine(routine, exercises))
