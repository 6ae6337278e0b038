"""The journal's rows: what a cramp episode, a session and a medicine hold, and their checks.

Kept apart from :mod:`stretch_app.core.journal` (the SQLite side) so each stays small; the
journal re-exports every public name here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import KW_ONLY, dataclass, fields
from datetime import UTC, datetime
from types import UnionType
from typing import Any, Final, Literal, Union, get_args, get_origin, get_type_hints

__all__ = [
    "EPISODE_DETAILS",
    "EPISODE_FIELDS",
    "MUSCLE_CHOICES",
    "CrampEpisode",
    "EpisodeDetails",
    "EpisodeField",
    "EpisodeSource",
    "Leg",
    "Medicine",
    "Muscle",
    "SessionRecord",
    "check_episode",
    "details_from_row",
    "episode_from_row",
    "from_text",
    "to_text",
]

Leg = Literal["left", "right", "both"]
Muscle = Literal["calf", "back-of-thigh", "front-of-thigh", "foot", "other"]
EpisodeSource = Literal["relief", "manual"]

_TEXT_MAX = 4000
_PAIN_SCALE: Final = range(11)


@dataclass(frozen=True, slots=True)
class SessionRecord:
    """One routine done (or begun and left), as kept in the journal."""

    id: int
    routine_id: str
    started_at: datetime
    ended_at: datetime
    completed: bool
    holds_done: int
    last_step_index: int


@dataclass(frozen=True, slots=True)
class EpisodeDetails:
    """What a person may tell about a cramp: when it started, and the rest optional.

    The one declaration of an episode's details: the journal's columns (after ``id``), their
    checks, the row reader and the report's CSV columns are all read off these fields.
    Change one with :func:`dataclasses.replace`.
    """

    started_at: datetime
    _: KW_ONLY
    ended_at: datetime | None = None
    duration_s: float | None = None
    leg: Leg | None = None
    muscle: Muscle | None = None
    pain: int | None = None
    """On the 0 to 10 scale."""
    woke_me: bool | None = None
    helped: str | None = None
    """The id of the step or exercise that eased it."""
    swelling_numbness_skin: bool | None = None
    elsewhere_in_body: bool | None = None
    note: str = ""
    source: EpisodeSource = "manual"
    emergency: bool | None = None
    """True when relief timed the cramp past the emergency threshold (journal version 3+)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class CrampEpisode(EpisodeDetails):
    """One night-time cramp as the journal keeps it: its details, and its row's ``id``."""

    id: int


@dataclass(frozen=True, slots=True)
class Medicine:
    """A medicine the person takes, as listed in the journal."""

    id: int
    name: str
    added_at: datetime


#: The places a person can point to, in the order the relief screen offers them (keys 1 to 4).
MUSCLE_CHOICES: Final[tuple[Muscle, ...]] = ("calf", "back-of-thigh", "front-of-thigh", "foot")


@dataclass(frozen=True, slots=True)
class EpisodeField:
    """One detail of an episode as its annotation declares it, for the checks and the readers.

    ``kind`` is the plain type (``datetime``, ``float``, ``int``, ``bool`` or ``str``);
    ``choices`` holds a ``Literal``'s values; ``optional`` says whether ``None`` is allowed.
    """

    name: str
    kind: type
    optional: bool
    choices: frozenset[str] = frozenset()


def _describe(name: str, annotation: Any) -> EpisodeField:
    parts = get_args(annotation) if get_origin(annotation) in (Union, UnionType) else ()
    plain = [part for part in parts or (annotation,) if part is not type(None)]
    if len(plain) != 1:
        raise TypeError(f"{name}: an episode detail has one type (or None), not {annotation}")
    (kind,) = plain
    optional = len(plain) < len(parts)
    if get_origin(kind) is Literal:
        return EpisodeField(name, str, optional, frozenset(get_args(kind)))
    if kind not in (datetime, float, int, bool, str):
        raise TypeError(f"{name}: the journal cannot keep a {kind}")
    return EpisodeField(name, kind, optional)


EPISODE_DETAILS: Final = tuple(
    _describe(f.name, get_type_hints(EpisodeDetails)[f.name]) for f in fields(EpisodeDetails)
)
"""Every detail of an episode, in table order (after ``id``)."""
EPISODE_FIELDS: Final = tuple(detail.name for detail in EPISODE_DETAILS)
"""The episode columns after ``id``, in table order."""


def to_text(moment: datetime, name: str) -> str:
    """UTC ISO-8601 text of fixed width for an aware datetime (text order is time order)."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{name} must carry a time zone (an aware datetime)")
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def from_text(text: str) -> datetime:
    """The aware UTC datetime that :func:`to_text` wrote."""
    return datetime.fromisoformat(text).astimezone(UTC)


def _column(detail: EpisodeField, value: object) -> object:
    """One detail checked and turned into its column value; ``ValueError`` names it."""
    name = detail.name
    if value is None and detail.optional:
        return None
    if detail.choices:
        if value not in detail.choices:
            raise ValueError(f"{name} must be one of {sorted(detail.choices)}, not {value!r}")
        return value
    if detail.kind is datetime:
        if not isinstance(value, datetime):
            raise ValueError(f"{name} must be a datetime")
        return to_text(value, name)
    if detail.kind is bool:
        if not isinstance(value, bool):
            raise ValueError(f"{name} must be True, False or None")
        return int(value)
    if detail.kind is str:
        if not isinstance(value, str) or len(value) > _TEXT_MAX:
            raise ValueError(f"{name} must be text of at most {_TEXT_MAX} characters")
        return value
    if isinstance(value, bool):  # a bool is an int to Python, never a number here
        raise ValueError(f"{name} must be a number, not {value!r}")
    if detail.kind is float:
        if not isinstance(value, int | float) or value < 0:
            raise ValueError(f"{name} must be a number of seconds, 0 or more")
        return float(value)
    # The one whole number an episode keeps is the pain, on its 0 to 10 scale.
    if not isinstance(value, int) or value not in _PAIN_SCALE:
        raise ValueError(f"{name} must be a whole number from 0 to 10, not {value!r}")
    return value


def check_episode(details: EpisodeDetails) -> tuple[object, ...]:
    """Validate an episode's details and turn them into column values, in table order."""
    return tuple(_column(d, getattr(details, d.name)) for d in EPISODE_DETAILS)


def _values(row: Sequence[Any]) -> dict[str, Any]:
    values = dict(zip(EPISODE_FIELDS, row, strict=True))
    for detail in EPISODE_DETAILS:
        value = values[detail.name]
        if value is not None and detail.kind is datetime:
            values[detail.name] = from_text(value)
        elif value is not None and detail.kind is bool:
            values[detail.name] = bool(value)
    return values


def details_from_row(row: Sequence[Any]) -> EpisodeDetails:
    """The :class:`EpisodeDetails` of a row of :data:`EPISODE_FIELDS`."""
    return EpisodeDetails(**_values(row))


def episode_from_row(row: Sequence[Any]) -> CrampEpisode:
    """A :class:`CrampEpisode` from a row of ``id`` and :data:`EPISODE_FIELDS`."""
    return CrampEpisode(id=row[0], **_values(row[1:]))
