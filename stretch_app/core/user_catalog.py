"""The person's own exercises: written into their own catalog file, pictures copied beside it.

What a person writes is theirs: it is stored as typed (no translations are added), and kept
in ``my-exercises.toml`` in their routines folder, apart from the shipped catalog.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

import tomlkit
from pydantic import ValidationError
from tomlkit.items import AoT

from stretch_app.core.library import field_problems
from stretch_app.core.model import SCHEMA_VERSION, Catalog, Exercise
from stretch_app.core.tomlfile import FileProblem, read_text
from stretch_app.core.userfile import write_atomically

__all__ = [
    "CATALOG_NAME",
    "PICTURES",
    "ExerciseInput",
    "ExerciseProblems",
    "add_exercise",
    "exercise_id",
]

CATALOG_NAME = "my-exercises.toml"
PICTURES = "pictures"
_MAX_PICTURE_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class ExerciseInput:
    """What the person typed and chose for a new exercise."""

    name: str
    muscle: str
    how_to: tuple[str, ...]
    per_side: bool = True
    picture: Path | None = None


class ExerciseProblems(ValueError):
    """The exercise cannot be saved; ``problems`` are ``(field, message)`` like ``validate``."""

    def __init__(self, problems: list[tuple[str, str]]) -> None:
        super().__init__("; ".join(f"{f}: {m}" for f, m in problems))
        self.problems = problems


def exercise_id(name: str, taken: Collection[str]) -> str:
    """A simple id from the name, prefixed ``my-`` so it never takes a shipped one's place."""
    base = "my-" + (re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:40] or "exercise")
    candidate, number = base, 2
    while candidate in taken:
        candidate = f"{base}-{number}"
        number += 1
    return candidate


def _copy_picture(source: Path, user_dir: Path, exercise: str) -> str:
    suffix = source.suffix.lower()
    if suffix not in (".svg", ".png"):
        raise ExerciseProblems([("picture", "a picture must be an .svg or .png file")])
    try:
        if not source.is_file() or source.stat().st_size > _MAX_PICTURE_BYTES:
            raise ExerciseProblems([("picture", "must be a picture file of at most 5 MB")])
        folder = user_dir / PICTURES
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, folder / f"{exercise}{suffix}")
    except OSError as exc:
        raise ExerciseProblems([("picture", f"cannot be copied: {exc.strerror}")]) from exc
    return f"{PICTURES}/{exercise}{suffix}"


def add_exercise(given: ExerciseInput, user_dir: Path, taken: Collection[str]) -> Exercise:
    """Check the exercise, copy its picture in, and append it to the person's catalog file.

    Raises :class:`ExerciseProblems` with the problems (nothing is written then).
    """
    new_id = exercise_id(given.name, taken)
    data: dict[str, object] = {
        "id": new_id,
        "name": given.name.strip(),
        "muscle": given.muscle.strip(),
        "how_to": [line.strip() for line in given.how_to if line.strip()],
        "per_side": given.per_side,
    }
    try:
        Exercise.model_validate(data)
    except ValidationError as exc:
        raise ExerciseProblems(field_problems(exc)) from exc
    path = user_dir / CATALOG_NAME
    try:
        original: str | None = read_text(path) if path.exists() else None
    except FileProblem as problem:
        raise ExerciseProblems([(CATALOG_NAME, problem.message)]) from None
    if given.picture is not None:
        data["picture"] = _copy_picture(given.picture, user_dir, new_id)
    exercise = Exercise.model_validate(data)
    if original is None:
        doc = tomlkit.document()
        doc.add(tomlkit.comment("Your own exercises, added in Nightstretch; see docs/routines.md."))
        doc["schema_version"] = SCHEMA_VERSION
        doc["kind"] = "catalog"
    else:
        doc = tomlkit.parse(original)
    table = tomlkit.table()
    for key in ("id", "name", "muscle", "picture", "per_side"):
        if key in data:
            table[key] = data[key]
    how_to = tomlkit.array()
    how_to.extend(data["how_to"])  # type: ignore[arg-type]
    how_to.multiline(True)
    table["how_to"] = how_to
    exercises = doc.get("exercises")
    if isinstance(exercises, AoT):
        exercises.append(table)
    else:
        tables = tomlkit.aot()
        tables.append(table)
        doc["exercises"] = tables
    text = tomlkit.dumps(doc)
    try:
        Catalog.model_validate(tomlkit.parse(text).unwrap())
    except ValidationError as exc:
        raise ExerciseProblems(field_problems(exc)) from exc
    write_atomically(path, text.encode("utf-8"))
    return exercise
