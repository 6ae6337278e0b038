"""A routine as the editor holds it, and its round trip to a TOML file that keeps comments.

The editor changes a :class:`RoutineDraft` (plain frozen values, cheap to keep for undo);
:func:`check_draft` runs the same models as ``stretch-app validate`` over it, and
:func:`draft_to_text` writes it into the file's own TOML document with tomlkit, so comments,
layout and keys the editor does not know (notes, translations, modes) survive a save.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

import tomlkit
from pydantic import ValidationError
from tomlkit.items import AoT, Table

from stretch_app.core.library import field_problems
from stretch_app.core.model import (
    SCHEMA_VERSION,
    Exercise,
    Reminder,
    Routine,
    Side,
    Step,
    parse_duration,
)

__all__ = [
    "HOLD_MAX_S",
    "HOLD_MIN_S",
    "SIDES_CHOICES",
    "RoutineDraft",
    "StepDraft",
    "check_draft",
    "draft_from_routine",
    "draft_to_text",
    "duration_text",
    "new_routine_id",
    "sides_for_file",
]

HOLD_MIN_S = 5
HOLD_MAX_S = 300
"""The editor's hold range, 5 s to 5 min (our own bounds, not the article's)."""

SIDES_CHOICES = ("each", "each-right-first", "left", "right", "both")
"""Which legs: each in turn (left or right first), one leg, or both at once."""

_SIDES_TO_FILE: dict[str, list[str]] = {
    "each": ["left", "right"],
    "each-right-first": ["right", "left"],
    "left": ["left"],
    "right": ["right"],
    "both": [],
}


@dataclass(frozen=True, slots=True)
class StepDraft:
    """One step in the editor; ``origin`` is its table's index in the file it came from."""

    exercise: str
    hold: int = 30
    sides: str = "each"
    repeat: int = 1
    rest_between: int = 10
    origin: int | None = None
    implied_sides: str = ""
    """The choice a file without ``sides`` means for this step; such a file stays without."""


@dataclass(frozen=True, slots=True)
class RoutineDraft:
    """The whole routine in the editor."""

    id: str
    name: str
    get_ready: int = 5
    switch_legs: int = 5
    rest: int = 10
    steps: tuple[StepDraft, ...] = ()
    reminders: tuple[Reminder, ...] = field(default_factory=tuple)

    def with_step(self, index: int, **changes: Any) -> RoutineDraft:
        """A copy with step ``index`` changed."""
        steps = list(self.steps)
        steps[index] = replace(steps[index], **changes)
        return replace(self, steps=tuple(steps))


def _sides_choice(step: Step, exercise: Exercise | None) -> str:
    if step.sides is None:
        per_side = exercise.per_side if exercise is not None else True
        return "each" if per_side else "both"
    for choice, sides in _SIDES_TO_FILE.items():
        if [s.value for s in step.sides] == sides:
            return choice
    return "each"


def draft_from_routine(
    routine: Routine, exercises: Mapping[str, Exercise], name: str | None = None
) -> RoutineDraft:
    """The editor's copy of a routine; ``name`` as shown in the person's language."""
    steps = tuple(
        StepDraft(
            exercise=step.exercise,
            hold=step.hold or (exercises[step.exercise].hold if step.exercise in exercises else 30),
            sides=_sides_choice(step, exercises.get(step.exercise)),
            repeat=step.repeat,
            rest_between=step.rest_between,
            origin=number,
            implied_sides=""
            if step.sides is not None
            else _sides_choice(step, exercises.get(step.exercise)),
        )
        for number, step in enumerate(routine.steps)
    )
    return RoutineDraft(
        id=routine.id,
        name=name or routine.name,
        get_ready=routine.get_ready,
        switch_legs=routine.switch_legs,
        rest=routine.rest,
        steps=steps,
        reminders=routine.reminders,
    )


def duration_text(seconds: int) -> str:
    """Seconds as a routine file writes them: ``"30s"``, ``"2m"``, ``"1m30s"``."""
    minutes, secs = divmod(seconds, 60)
    if minutes and secs:
        return f"{minutes}m{secs}s"
    return f"{minutes}m" if minutes else f"{secs}s"


def _set(table: Any, key: str, value: Any, default: Any = None) -> None:
    """Write ``key`` only when its value changes, so untouched lines keep their spelling."""
    if key in table:
        old = table[key]
        old_value = old.unwrap() if hasattr(old, "unwrap") else old
        try:
            same = parse_duration(old_value) == parse_duration(value)
        except ValueError:
            same = old_value == value
        if same:
            return
    elif value == default:
        return
    table[key] = value


def _set_duration(table: Any, key: str, seconds: int, default: int) -> None:
    _set(table, key, duration_text(seconds) if seconds else "0s", duration_text(default))


def _step_table(table: Table, step: StepDraft) -> Table:
    _set(table, "exercise", step.exercise)
    _set_duration(table, "hold", step.hold, -1)
    sides = _SIDES_TO_FILE[step.sides]
    if "sides" not in table and step.sides == step.implied_sides:
        pass
    elif "sides" not in table or [str(s) for s in table["sides"]] != sides:
        table["sides"] = sides
    _set(table, "repeat", step.repeat, 1)
    if step.repeat > 1 or "rest_between" in table:
        _set_duration(table, "rest_between", step.rest_between, -1)
    return table


def _reminder_tables(reminders: tuple[Reminder, ...]) -> AoT:
    tables = tomlkit.aot()
    for reminder in reminders:
        table = tomlkit.table()
        table["at"] = reminder.at
        table["days"] = [day.value for day in reminder.days]
        if not reminder.enabled:
            table["enabled"] = False
        tables.append(table)
    return tables


def _file_reminders(doc: Any) -> tuple[Reminder, ...]:
    try:
        routine = Routine.model_validate(doc.unwrap())
    except ValidationError:
        return ()
    return routine.reminders


def draft_to_text(draft: RoutineDraft, original: str | None, language: str = "en") -> str:
    """The file's text with the draft written in; ``original`` is the file as it was, if any.

    A name shown in a language the file translates is saved in that translation, so the
    person sees the name they typed.
    """
    if original is None:
        doc = tomlkit.document()
        doc.add(tomlkit.comment("Made in Nightstretch's routine editor; see docs/routines.md."))
        doc["schema_version"] = SCHEMA_VERSION
        doc["id"] = draft.id
        doc["name"] = draft.name
        doc["kind"] = "routine"
    else:
        doc = tomlkit.parse(original)
    _set(doc, "id", draft.id)
    translated = doc.get("translations", {}).get(language, {})
    if "name" in translated and language != "en":
        _set(translated, "name", draft.name)
    else:
        _set(doc, "name", draft.name)
    _set_duration(doc, "get_ready", draft.get_ready, 5)
    _set_duration(doc, "switch_legs", draft.switch_legs, 5)
    _set_duration(doc, "rest", draft.rest, 10)
    if draft.reminders != _file_reminders(doc):
        if draft.reminders:
            doc["reminders"] = _reminder_tables(draft.reminders)
        elif "reminders" in doc:
            del doc["reminders"]
    old_steps = list(doc["steps"]) if isinstance(doc.get("steps"), AoT | list) else []
    origins = [step.origin for step in draft.steps]
    if origins == list(range(len(old_steps))):
        for table, step in zip(old_steps, draft.steps, strict=True):
            _step_table(table, step)
    else:
        steps = tomlkit.aot()
        for step in draft.steps:
            known = step.origin is not None and step.origin < len(old_steps)
            table = old_steps[step.origin] if known and step.origin is not None else None
            steps.append(_step_table(table if table is not None else tomlkit.table(), step))
        if "steps" in doc:
            del doc["steps"]
        doc.append("steps", steps)
    return tomlkit.dumps(doc)


def check_draft(
    draft: RoutineDraft, known_exercises: Collection[str]
) -> tuple[Routine | None, list[tuple[str, str]]]:
    """The routine the draft makes, or the problems as ``(field, message)`` like ``validate``."""
    text = draft_to_text(draft, None)
    problems: list[tuple[str, str]] = []
    routine: Routine | None = None
    try:
        routine = Routine.model_validate(tomlkit.parse(text).unwrap())
    except ValidationError as exc:
        problems = field_problems(exc)
    for number, step in enumerate(draft.steps):
        if step.exercise not in known_exercises:
            problems.append(
                (
                    f"steps[{number}].exercise",
                    f"unknown exercise {step.exercise!r} (not in any exercise catalog)",
                )
            )
    return (routine if not problems else None), problems


def new_routine_id(name: str, taken: Collection[str]) -> str:
    """A simple id from a name (``"My calves!"`` → ``my-calves``), not one of ``taken``."""
    base = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:40] or "my-routine"
    if not base[0].isalnum():
        base = "r-" + base
    candidate, number = base, 2
    while candidate in taken:
        candidate = f"{base}-{number}"
        number += 1
    return candidate


def sides_for_file(choice: str) -> list[Side]:
    """The ``sides`` list a choice writes."""
    return [Side(s) for s in _SIDES_TO_FILE[choice]]
