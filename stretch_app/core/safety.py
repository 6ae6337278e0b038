"""The safety guidance and background pages shipped in ``assets/guidance/guidance.toml``.

Health text lives in that data file, never in code. This module only gives it a typed shape
and answers the one question the app asks of it in code: does a medicine a person takes
appear in the article's list?
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

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
    """When a cramp needs emergency care."""

    title: Line
    threshold_minutes: Annotated[int, Field(ge=1, le=120)]
    lead: Line
    signs: tuple[Line, ...]


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
        """The article's entry for a medicine a person named, matched on whole words."""
        words = " ".join(re.findall(r"[a-z0-9]+", name.lower()))
        for note in self.medicines:
            for known in note.names:
                pattern = r"\b" + r"\s+".join(map(re.escape, known.lower().split())) + r"\b"
                if re.search(pattern, words):
                    return note
        return None

    def page(self, page_id: str) -> InfoPage | None:
        """A background page by id."""
        return next((p for p in self.pages if p.id == page_id), None)


@cache
def load_safety_guide(path: Path) -> SafetyGuide:
    """Read the guidance file. It ships with the app, so a failure here is a packaging bug."""
    return SafetyGuide.model_validate(load_toml(path)[1])
