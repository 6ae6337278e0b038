"""The safety guidance and background pages shipped in ``assets/guidance/guidance.toml``.

Health text lives in that data file, never in code. This module only gives it a typed shape
and answers the one question the app asks of it in code: does a medicine a person takes
appear in the article's list?
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Annotated, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from stretch_app.core.tomlfile import load_toml

__all__ = [
    "Emergency",
    "InfoPage",
    "MedicineNote",
    "SafetyGuide",
    "load_safety_guide",
]

Line = Annotated[str, Field(min_length=1, max_length=600)]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Emergency(_Frozen):
    """When a cramp needs emergency care, and how the relief screen keeps it in view.

    ``threshold_minutes`` and the signs are the article's; ``panel_title`` and
    ``short_signs`` say the same signs in fewer words for the panel on screen from the first
    moment of relief. ``highlight_from_minutes``, ``repeat_every_minutes`` and
    ``same_cramp_within_minutes`` are our own defaults, not the article's (see the data file).
    """

    title: Line
    threshold_minutes: Annotated[int, Field(ge=1, le=120)]
    lead: Line
    signs: tuple[Line, ...]
    panel_title: Line = "Get emergency care for:"
    short_signs: tuple[Line, ...] = ()
    timed_sign: Annotated[int, Field(ge=0)] = 1
    """Which of the signs (counting from 0) is the one about the cramp's length."""
    highlight_from_minutes: Annotated[float, Field(ge=0, le=120)] = 8
    repeat_every_minutes: Annotated[float, Field(gt=0, le=120)] = 3
    same_cramp_within_minutes: Annotated[float, Field(ge=0, le=60)] = 5

    @model_validator(mode="after")
    def _signs_match(self) -> Self:
        if self.short_signs and len(self.short_signs) != len(self.signs):
            raise ValueError("short_signs must give each of the signs, in the same order")
        if self.timed_sign >= len(self.signs):
            raise ValueError(f"timed_sign {self.timed_sign} names no sign")
        return self

    @property
    def panel_signs(self) -> tuple[str, ...]:
        """The signs for the always-visible panel: the short forms when given."""
        return self.short_signs or self.signs


class SeeDoctor(_Frozen):
    """When to see a doctor, and what else is worth knowing before the visit."""

    title: Line
    lead: Line
    signs: tuple[Line, ...]
    also: tuple[Line, ...] = ()


class Prevention(_Frozen):
    """Everyday ways to make cramps less likely."""

    title: Line
    tips: tuple[Line, ...]


class MedicineNote(_Frozen):
    """A medicine the article names as a possible cause of night leg cramps."""

    generic: Line
    names: tuple[Line, ...]
    """Names it is matched by and listed under."""
    also_matches: tuple[Line, ...] = ()
    """Spellings of the other language: matched too, but not listed."""
    used_for: Line


class InfoPage(_Frozen):
    """A background page: a title and a few paragraphs."""

    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]{0,47}$")]
    title: Line
    paragraphs: tuple[Annotated[str, Field(min_length=1, max_length=2000)], ...]


class SafetyGuide(_Frozen):
    """All the guidance text, as shipped."""

    schema_version: int
    disclaimer: Line
    emergency: Emergency
    see_doctor: SeeDoctor
    prevention: Prevention
    medicines: tuple[MedicineNote, ...]
    pages: tuple[InfoPage, ...]

    def flag_medicine(self, name: str) -> MedicineNote | None:
        """The article's entry for a medicine a person named, matched on whole words.

        Case does not matter, nor do doses, strengths or punctuation around the name
        ("Atorvastatin 20mg", "Furosemid-ratiopharm® 40"); a name must match whole words, so
        "nystatin" is not taken for a statin.
        """
        words = f" {_words(name)} "
        for note in self.medicines:
            for known in (*note.names, *note.also_matches):
                if f" {_words(known)} " in words:
                    return note
        return None

    def page(self, page_id: str) -> InfoPage | None:
        """A background page by id."""
        return next((p for p in self.pages if p.id == page_id), None)


def _words(text: str) -> str:
    """Letters and numbers only, as separate lower-case words (``20mg`` is ``20 mg``)."""
    return " ".join(re.findall(r"[^\W\d_]+|\d+", text.casefold()))


@cache
def load_safety_guide(path: Path) -> SafetyGuide:
    """Read the guidance file. It ships with the app, so a failure here is a packaging bug."""
    return SafetyGuide.model_validate(load_toml(path)[1])
