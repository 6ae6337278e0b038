"""The article's "see a doctor" signs as rules kept in data, checked against the cramp diary.

The rules live in ``assets/guidance/doctor_rules.toml``: each names one of a small, closed set
of *kinds* this module knows how to count, its thresholds, and the words to show (``found``,
a template filled with plain numbers, and ``advice``, the article's advice in our own words).
Each rule also quotes the article sentence it rests on (``source``) and names the thresholds
that are our choice rather than the article's (``ours``).
:func:`evaluate` returns a :class:`Finding` for each rule the episodes of a period meet.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta, tzinfo
from functools import cache
from pathlib import Path
from typing import Annotated, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from stretch_app.core.history import format_minutes, night_of
from stretch_app.core.journal import CrampEpisode
from stretch_app.core.tomlfile import load_toml

__all__ = [
    "DoctorRule",
    "DoctorRules",
    "EpisodeLongerThan",
    "Finding",
    "FlagTicked",
    "NightsWokenInWeek",
    "NotEased",
    "PainAtLeast",
    "evaluate",
    "format_night",
    "load_doctor_rules",
]

Text = Annotated[str, Field(min_length=1, max_length=600)]

# Values the ``found`` template of each kind may use, for checking templates at load time.
_PLACEHOLDERS: dict[str, dict[str, object]] = {
    "nights_woken_in_week": {"nights": 3, "first": "", "last": ""},
    "episode_longer_than": {"count": 1, "longest": "", "night": ""},
    "flag_ticked": {"count": 1, "night": ""},
    "pain_at_least": {"count": 2, "value": 8, "night": ""},
    "not_eased": {"count": 1, "minutes": 5, "night": ""},
}

# The numbers each kind is set by: the only names ``ours`` may list.
_THRESHOLDS: dict[str, frozenset[str]] = {
    "nights_woken_in_week": frozenset({"min_nights"}),
    "episode_longer_than": frozenset({"minutes"}),
    "flag_ticked": frozenset(),
    "pain_at_least": frozenset({"value", "min_episodes"}),
    "not_eased": frozenset({"minutes", "min_episodes"}),
}


def format_night(night: date) -> str:
    """A night as people say it: ``Mon 3 Mar``."""
    return f"{night:%a} {night.day} {night:%b}"


class _RuleBase(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]{0,47}$")]
    found: Text
    """What the diary shows, with the kind's placeholders filled in."""
    advice: Text
    """The article's advice, in our own words."""
    urgent: bool = False
    """Whether the advice is about emergency care rather than a routine visit."""
    source: Text
    """The article's sentence (or list item) the rule rests on, quoted word for word."""
    ours: tuple[str, ...] = ()
    """The rule's thresholds that are our choice, not the article's (names of its fields)."""

    @model_validator(mode="after")
    def _template_fits(self) -> Self:
        kind = str(getattr(self, "kind", ""))
        try:
            self.found.format(**_PLACEHOLDERS[kind])
        except (KeyError, IndexError, ValueError) as exc:
            message = f"found: unknown or broken placeholder {exc} for kind {kind}"
            raise ValueError(message) from None
        unknown = sorted(set(self.ours) - _THRESHOLDS[kind])
        if unknown:
            known = ", ".join(sorted(_THRESHOLDS[kind])) or "none"
            message = f"ours: {', '.join(unknown)} is not a threshold of kind {kind} ({known})"
            raise ValueError(message)
        return self


class NightsWokenInWeek(_RuleBase):
    """Cramps woke the person on at least ``min_nights`` nights within seven nights."""

    kind: Literal["nights_woken_in_week"]
    min_nights: Annotated[int, Field(ge=1, le=7)]


class EpisodeLongerThan(_RuleBase):
    """A cramp lasted more than ``minutes``."""

    kind: Literal["episode_longer_than"]
    minutes: Annotated[float, Field(gt=0, le=600)]


class FlagTicked(_RuleBase):
    """A yes/no question about a cramp was answered yes."""

    kind: Literal["flag_ticked"]
    field: Literal["swelling_numbness_skin", "elsewhere_in_body", "woke_me"]


class PainAtLeast(_RuleBase):
    """At least ``min_episodes`` cramps had pain ``value`` or more out of 10."""

    kind: Literal["pain_at_least"]
    value: Annotated[int, Field(ge=0, le=10)]
    min_episodes: Annotated[int, Field(ge=1, le=100)] = 1


class NotEased(_RuleBase):
    """Cramps that did not go away: relief ran ``minutes`` or more and never heard "it eased".

    Only episodes recorded by the relief screen count (``source = "relief"``): one whose
    relief was ended without the person saying it eased, and without anything noted later as
    having helped, after at least ``minutes``. At least ``min_episodes`` such cramps fire it.
    """

    kind: Literal["not_eased"]
    minutes: Annotated[float, Field(gt=0, le=600)]
    min_episodes: Annotated[int, Field(ge=1, le=100)] = 1


_AnyRule = NightsWokenInWeek | EpisodeLongerThan | FlagTicked | PainAtLeast | NotEased
DoctorRule = Annotated[_AnyRule, Field(discriminator="kind")]


class DoctorRules(BaseModel):
    """The rules file: a heading and lead for the notice, and the rules."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    schema_version: Literal[1]
    title: Text
    lead: Text
    rules: tuple[DoctorRule, ...]

    @model_validator(mode="after")
    def _ids_unique(self) -> Self:
        ids = [rule.id for rule in self.rules]
        repeated = sorted({i for i in ids if ids.count(i) > 1})
        if repeated:
            raise ValueError(f"rule ids must be unique; repeated: {', '.join(repeated)}")
        return self


@cache
def load_doctor_rules(path: Path) -> DoctorRules:
    """Read and validate the rules file (it ships with the app: a failure is a packaging bug)."""
    return DoctorRules.model_validate(load_toml(path)[1])


@dataclass(frozen=True, slots=True)
class Finding:
    """A rule the diary meets: what it shows, and the article's advice."""

    rule_id: str
    found: str
    advice: str
    urgent: bool
    nights: tuple[date, ...]
    """The nights that made the rule fire, oldest first."""


def evaluate(
    rules: DoctorRules,
    episodes: Sequence[CrampEpisode],
    tz: tzinfo | None = None,
    night_text: Callable[[date], str] = format_night,
) -> list[Finding]:
    """Check the episodes of a period against every rule; urgent findings come first.

    ``night_text`` writes a night in the findings (the screen passes one in its language).
    """
    findings = [
        f for rule in rules.rules if (f := _check(rule, episodes, tz, night_text)) is not None
    ]
    return sorted(findings, key=lambda f: not f.urgent)


def _check(
    rule: _AnyRule,
    episodes: Sequence[CrampEpisode],
    tz: tzinfo | None,
    format_night: Callable[[date], str],
) -> Finding | None:
    def finding(involved: Sequence[date], /, **facts: object) -> Finding:
        text = rule.found.format(**facts)
        return Finding(rule.id, text, rule.advice, rule.urgent, tuple(sorted(set(involved))))

    ordered = sorted(episodes, key=lambda e: (e.started_at, e.id))
    if isinstance(rule, NightsWokenInWeek):
        window = _busiest_week(sorted({night_of(e.started_at, tz) for e in ordered if e.woke_me}))
        if len(window) < rule.min_nights:
            return None
        first, last = format_night(window[0]), format_night(window[-1])
        return finding(window, nights=len(window), first=first, last=last)
    if isinstance(rule, EpisodeLongerThan):
        long = [e for e in ordered if e.duration_s is not None and e.duration_s > rule.minutes * 60]
        if not long:
            return None
        longest = max(long, key=lambda e: e.duration_s or 0.0)
        nights = [night_of(e.started_at, tz) for e in long]
        return finding(
            nights,
            count=len(long),
            longest=format_minutes(longest.duration_s or 0.0),
            night=format_night(night_of(longest.started_at, tz)),
        )
    if isinstance(rule, FlagTicked):
        ticked = [e for e in ordered if getattr(e, rule.field) is True]
        if not ticked:
            return None
        nights = [night_of(e.started_at, tz) for e in ticked]
        return finding(nights, count=len(ticked), night=format_night(nights[-1]))
    if isinstance(rule, NotEased):
        lasting = [e for e in ordered if _not_eased(e, rule.minutes * 60)]
        if len(lasting) < rule.min_episodes:
            return None
        nights = [night_of(e.started_at, tz) for e in lasting]
        minutes = f"{rule.minutes:g}"
        return finding(nights, count=len(lasting), minutes=minutes, night=format_night(nights[-1]))
    painful = [e for e in ordered if e.pain is not None and e.pain >= rule.value]
    if len(painful) < rule.min_episodes:
        return None
    nights = [night_of(e.started_at, tz) for e in painful]
    return finding(nights, count=len(painful), value=rule.value, night=format_night(nights[-1]))


def _not_eased(episode: CrampEpisode, seconds: float) -> bool:
    """Relief ran at least ``seconds`` and ended without "it eased" or anything that helped."""
    return (
        episode.source == "relief"
        and not episode.helped
        and episode.duration_s is not None
        and episode.duration_s >= seconds
    )


def _busiest_week(nights: Sequence[date]) -> list[date]:
    """The most nights found within any seven nights in a row (the latest such run on ties)."""
    best: list[date] = []
    for i, first in enumerate(nights):
        window = [n for n in nights[i:] if n - first < timedelta(days=7)]
        if len(window) >= len(best):
            best = window
    return best
