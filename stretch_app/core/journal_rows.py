"""The journal's rows: what a cramp episode, a session and a medicine hold, and their checks.

Kept apart from :mod:`stretch_app.core.journal` (the SQLite side) so each stays small; the
journal re-exports every public name here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Final, Literal, TypedDict, get_args

__all__ = [
    "EPISODE_FIELDS",
    "MUSCLE_CHOICES",
    "YES_NO",
    "CrampEpisode",
    "EpisodeChanges",
    "EpisodeDetails",
    "EpisodeSource",
    "Leg",
    "Medicine",
    "Muscle",
    "SessionRecord",
    "check_episode",
    "episode_from_row",
    "from_text",
    "to_text",
]

Leg = Literal["left", "right", "both"]
Muscle = Literal["calf", "back-of-thigh", "front-of-thigh", "foot", "other"]
EpisodeSource = Literal["relief", "manual"]

_LEGS: Final = frozenset(get_args(Leg))
_MUSCLES: Final = frozenset(get_args(Muscle))
_SOURCES: Final = frozenset(get_args(EpisodeSource))
_CHOICES: Final[dict[str, frozenset[str]]] = {"leg": _LEGS, "muscle": _MUSCLES, "source": _SOURCES}
_NOTE_MAX = 4000


class EpisodeDetails(TypedDict, total=False):
    """What a person may tell about a cramp, besides when it started; all optional."""

    ended_at: datetime | None
    duration_s: float | None
    leg: Leg | None
    muscle: Muscle | None
    pain: int | None
    woke_me: bool | None
    helped: str | None
    """The id of the step or exercise that eased it."""
    swelling_numbness_skin: bool | None
    elsewhere_in_body: bool | None
    note: str
    source: EpisodeSource
    emergency: bool | None
    """True when relief timed the cramp past the emergency threshold (10 minutes)."""


class EpisodeChanges(EpisodeDetails, total=False):
    """Details to change in a recorded episode; those left out stay as they are."""

    started_at: datetime


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
class CrampEpisode:
    """One night-time cramp: when, where, how bad, and what helped."""

    id: int
    started_at: datetime
    ended_at: datetime | None
    duration_s: float | None
    leg: Leg | None
    muscle: Muscle | None
    pain: int | None
    woke_me: bool | None
    helped: str | None
    swelling_numbness_skin: bool | None
    elsewhere_in_body: bool | None
    note: str
    source: EpisodeSource
    emergency: bool | None = None
    """True when relief timed the cramp past the emergency threshold (journal version 3+)."""


@dataclass(frozen=True, slots=True)
class Medicine:
    """A medicine the person takes, as listed in the journal."""

    id: int
    name: str
    added_at: datetime


#: The places a person can point to, in the order the relief screen offers them (keys 1 to 4).
MUSCLE_CHOICES: Final[tuple[Muscle, ...]] = ("calf", "back-of-thigh", "front-of-thigh", "foot")

EPISODE_FIELDS: Final = ("started_at", *EpisodeDetails.__annotations__)
"""The episode columns after ``id``, in table order."""
YES_NO: Final = ("woke_me", "swelling_numbness_skin", "elsewhere_in_body", "emergency")


def to_text(moment: datetime, name: str) -> str:
    """UTC ISO-8601 text of fixed width for an aware datetime (text order is time order)."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{name} must carry a time zone (an aware datetime)")
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def from_text(text: str) -> datetime:
    """The aware UTC datetime that :func:`to_text` wrote."""
    return datetime.fromisoformat(text).astimezone(UTC)


def check_episode(fields: Mapping[str, object]) -> dict[str, object]:
    """Validate episode details and turn them into column values, in the order given."""
    row: dict[str, object] = {}
    for name, value in fields.items():
        if name not in EPISODE_FIELDS:
            raise TypeError(f"a cramp episode has no detail called {name!r}")
        allowed = _CHOICES.get(name)
        if value is None and name not in ("started_at", "note", "source"):
            row[name] = None
        elif name in ("started_at", "ended_at"):
            if not isinstance(value, datetime):
                raise ValueError(f"{name} must be a datetime")
            row[name] = to_text(value, name)
        elif allowed is not None:
            if value not in allowed:
                raise ValueError(f"{name} must be one of {sorted(allowed)}, not {value!r}")
            row[name] = value
        elif name == "duration_s":
            if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
                raise ValueError("duration_s must be a number of seconds, 0 or more")
            row[name] = float(value)
        elif name == "pain":
            if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 10:
                raise ValueError(f"pain must be a whole number from 0 to 10, not {value!r}")
            row[name] = value
        elif name in ("note", "helped"):
            if not isinstance(value, str) or len(value) > _NOTE_MAX:
                raise ValueError(f"{name} must be text of at most {_NOTE_MAX} characters")
            row[name] = value
        else:  # the yes/no questions
            if not isinstance(value, bool):
                raise ValueError(f"{name} must be True, False or None")
            row[name] = int(value)
    return row


def episode_from_row(row: tuple[Any, ...]) -> CrampEpisode:
    """A :class:`CrampEpisode` from a row of ``id`` and :data:`EPISODE_FIELDS`."""
    values = dict(zip(("id", *EPISODE_FIELDS), row, strict=True))
    for name, value in values.items():
        if value is not None and name in ("started_at", "ended_at"):
            values[name] = from_text(value)
        elif value is not None and name in YES_NO:
            values[name] = bool(value)
    return CrampEpisode(**values)
