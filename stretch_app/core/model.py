"""The routine file format: frozen pydantic models, checked strictly.

A routine file is either a *catalog* of exercises or a *routine* (bedtime stretches, or the
cramp-relief sequence) whose steps name exercises from a catalog. Durations are written as
``"30s"``, ``"1m"``, ``"1m30s"`` or a plain number of seconds, and are held as whole seconds.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath
from typing import Annotated, Literal, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
)

from stretch_app.core.days import Day
from stretch_app.core.kinds import RoutineKind, Side, StepMode, format_duration
from stretch_app.core.language import language_candidates

SCHEMA_VERSION = 1
MAX_DURATION_S = 3600
MAX_REPEAT = 20
"""Our own limit on holds per side in one step (not the article's): enough for any plan."""

__all__ = [
    "MAX_DURATION_S",
    "MAX_REPEAT",
    "SCHEMA_VERSION",
    "Catalog",
    "Day",
    "Exercise",
    "Reminder",
    "Routine",
    "RoutineKind",
    "Side",
    "Step",
    "StepMode",
    "format_duration",
    "parse_duration",
]

# ASCII digits only, matched whole (no "$" before a trailing newline), and no runs of optional
# whitespace next to each other: a long run of spaces must not make the match slow.
_DURATION_RE = re.compile(r"(?:(?P<m>[0-9]{1,4}) ?m(?:in)?)? ?(?:(?P<s>[0-9]{1,5}) ?s(?:ec)?)?")
_DURATION_MAX_CHARS = 20
_TIME_RE = re.compile(r"(?P<h>[0-9]{1,2}):(?P<m>[0-9]{2})")
_ID_PATTERN = r"^[a-z0-9][a-z0-9-]{0,47}$"
_LANGUAGE_PATTERN = r"^[a-z]{2}(-[A-Z]{2})?$"


def parse_duration(value: object) -> object:
    """Turn ``"1m30s"`` or ``90`` into whole seconds; leave other values for pydantic to reject."""
    if isinstance(value, bool):
        raise ValueError("a duration is a number of seconds or text like '30s' or '1m30s'")
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        text = value.strip()
        match = _DURATION_RE.fullmatch(text) if len(text) <= _DURATION_MAX_CHARS else None
        if not match or not (match["m"] or match["s"]):
            shown = (
                value if len(value) <= _DURATION_MAX_CHARS else value[:_DURATION_MAX_CHARS] + "…"
            )
            raise ValueError(f"{shown!r} is not a duration; write it like '30s', '2m' or '1m30s'")
        return int(match["m"] or 0) * 60 + int(match["s"] or 0)
    return value


Seconds = Annotated[
    int,
    BeforeValidator(parse_duration),
    Field(ge=1, le=MAX_DURATION_S, description="Seconds, or text like '30s', '2m', '1m30s'."),
]

Id = Annotated[
    str,
    Field(pattern=_ID_PATTERN, description="A simple name: lower-case letters, digits, dashes."),
]


def _check_time(value: str) -> str:
    match = _TIME_RE.fullmatch(value)
    if not match:
        shown = value if len(value) <= 20 else value[:20] + "…"
        raise ValueError(f"{shown!r} is not a time; write it as HH:MM, like '21:45'")
    hour, minute = int(match["h"]), int(match["m"])
    if hour > 23 or minute > 59:
        raise ValueError(f"{value!r} is not a time of day (00:00 to 23:59)")
    return f"{hour:02d}:{minute:02d}"


def _check_picture(value: str) -> str:
    if "\\" in value or value.startswith("/") or "\x00" in value:
        raise ValueError("a picture is a relative path like 'exercises/calf-stretch.svg'")
    path = PurePosixPath(value)
    if any(part in ("..", "") for part in path.parts) or not path.parts:
        raise ValueError("a picture must stay inside the assets folder or your routines folder")
    if path.suffix.lower() not in (".svg", ".png"):
        raise ValueError("a picture must be an .svg or .png file")
    return value


def _check_sides(value: tuple[Side, ...] | None) -> tuple[Side, ...] | None:
    if value is not None and len(set(value)) != len(value):
        raise ValueError("each leg may be named once, like ['left', 'right']")
    return value


ClockTime = Annotated[str, AfterValidator(_check_time), Field(examples=["21:45"])]
LanguageCode = Annotated[
    str,
    Field(pattern=_LANGUAGE_PATTERN, description="A language code like 'de' or 'de-AT'."),
]
PicturePath = Annotated[str, AfterValidator(_check_picture)]
Text = Annotated[str, Field(min_length=1, max_length=400)]
Name = Annotated[str, Field(min_length=1, max_length=80)]


_M = TypeVar("_M", bound=BaseModel)


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", use_enum_values=False)


class ExerciseText(_Frozen):
    """An exercise's words in another language; what is left out stays as written."""

    name: Name | None = None
    muscle: Name | None = None
    how_to: Annotated[tuple[Text, ...], Field(min_length=1, max_length=12)] | None = None
    spoken: Annotated[str, Field(max_length=200)] | None = None


class Exercise(_Frozen):
    """One stretch or relief action, described once in a catalog."""

    id: Id
    name: Name
    muscle: Name
    how_to: Annotated[tuple[Text, ...], Field(min_length=1, max_length=12)]
    picture: PicturePath | None = None
    hold: Seconds = 30
    per_side: StrictBool = True
    spoken: Annotated[str, Field(max_length=200)] = ""
    """A short phrase for the voice; the name is used when empty."""
    translations: Annotated[dict[LanguageCode, ExerciseText], Field(max_length=40)] = Field(
        default_factory=dict
    )
    """The words in other languages, by language code (``[exercises.translations.de]``)."""

    def in_language(self, language: str) -> Exercise:
        """This exercise with its words in ``language`` where the file has them."""
        return _translated(self, language)


class Catalog(_Frozen):
    """A file of exercises that routines refer to by id."""

    schema_version: StrictInt
    kind: Literal["catalog"]
    exercises: Annotated[tuple[Exercise, ...], Field(min_length=1, max_length=200)]


class Reminder(_Frozen):
    """A time of day, on some days of the week, to be reminded to do the routine."""

    at: ClockTime
    days: Annotated[tuple[Day, ...], Field(min_length=1, max_length=7)] = tuple(Day)
    enabled: StrictBool = True


class StepText(_Frozen):
    """A step's note in another language."""

    note: Annotated[str, Field(max_length=400)] | None = None


class Step(_Frozen):
    """One exercise in a routine, with its hold and the legs it is done for."""

    exercise: Id
    hold: Seconds | None = None
    """Seconds to hold; the exercise's default hold when left out."""
    mode: StepMode = StepMode.TIMED
    sides: Annotated[
        Annotated[tuple[Side, ...], Field(max_length=2)] | None, AfterValidator(_check_sides)
    ] = None
    """Legs in order; both legs for a per-side exercise when left out, none otherwise."""
    repeat: Annotated[StrictInt, Field(ge=1, le=MAX_REPEAT)] = 1
    """How many holds of ``hold`` on each leg, one after another."""
    rest_between: Annotated[
        int, BeforeValidator(parse_duration), Field(ge=0, le=MAX_DURATION_S)
    ] = 10
    """Seconds to relax between two holds of the same leg (only used when ``repeat`` > 1)."""
    note: Annotated[str, Field(max_length=400)] = ""
    translations: Annotated[dict[LanguageCode, StepText], Field(max_length=40)] = Field(
        default_factory=dict
    )
    """The note in other languages (``[steps.translations.de]``)."""

    def in_language(self, language: str) -> Step:
        """This step with its note in ``language`` where the file has it."""
        return _translated(self, language)


class RoutineText(_Frozen):
    """A routine's name and description in another language."""

    name: Name | None = None
    description: Annotated[str, Field(max_length=1000)] | None = None


class Routine(_Frozen):
    """A named sequence of steps, with its lead-in, rests and reminders."""

    schema_version: StrictInt
    id: Id
    name: Annotated[str, Field(min_length=1, max_length=80)]
    kind: RoutineKind = RoutineKind.ROUTINE
    description: Annotated[str, Field(max_length=1000)] = ""
    get_ready: Seconds = 5
    switch_legs: Seconds = 5
    rest: Annotated[int, BeforeValidator(parse_duration), Field(ge=0, le=MAX_DURATION_S)] = 10
    reminders: Annotated[tuple[Reminder, ...], Field(max_length=20)] = ()
    steps: Annotated[tuple[Step, ...], Field(min_length=1, max_length=100)]
    translations: Annotated[dict[LanguageCode, RoutineText], Field(max_length=40)] = Field(
        default_factory=dict
    )
    """The name and description in other languages (``[translations.de]``)."""

    def in_language(self, language: str) -> Routine:
        """This routine, and its steps' notes, in ``language`` where the file has them."""
        routine = _translated(self, language)
        steps = tuple(step.in_language(language) for step in self.steps)
        return routine.model_copy(update={"steps": steps})


def _translated(model: _M, language: str) -> _M:
    """A copy of ``model`` with the fields its ``translations`` give for ``language``."""
    table: dict[str, BaseModel] = getattr(model, "translations", {})
    for code in language_candidates(language):
        text = table.get(code)
        if text is not None:
            update = {k: v for k, v in text.model_dump().items() if v is not None}
            return model.model_copy(update=update)
    return model
