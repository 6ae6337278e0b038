"""Find, read and check routine files, and gather them into a library.

Nothing here raises on a bad file: every problem becomes a :class:`RoutineProblem` located as
``FILE:LINE: field: message``, and the library keeps whatever was valid.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from stretch_app.core.model import (
    MAX_REPEAT,
    SCHEMA_VERSION,
    Catalog,
    Exercise,
    Routine,
    format_duration,
)
from stretch_app.core.tomlfile import (
    MAX_FILE_BYTES,
    FileProblem,
    LineIndex,
    field_name,
    parse_toml,
    read_text,
)

__all__ = [
    "MAX_FILE_BYTES",
    "MAX_PROBLEMS_PER_FILE",
    "Library",
    "RoutineProblem",
    "field_problems",
    "load_library",
    "read_routine_file",
    "validate_files",
]


@dataclass(frozen=True, slots=True)
class RoutineProblem:
    """One thing wrong with one routine file, with the closest location we can name."""

    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        # One problem, one line, whatever the file name or the user's keys hold.
        file = _CONTROL.sub("?", self.file)
        field = _SPACE_OR_CONTROL.sub("?", self.field) or "file"
        message = " ".join(self.message.split()) or "invalid"
        return f"{file}:{self.line}: {field}: {message}"


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_SPACE_OR_CONTROL = re.compile(r"[\s\x00-\x1f\x7f]")


@dataclass(slots=True)
class Library:
    """The exercises and routines that loaded, where each came from, and what was skipped."""

    exercises: dict[str, Exercise] = field(default_factory=dict)
    routines: dict[str, Routine] = field(default_factory=dict)
    sources: dict[str, Path] = field(default_factory=dict)
    problems: list[RoutineProblem] = field(default_factory=list)

    def routines_of_kind(self, kind: str) -> list[Routine]:
        """The routines of one kind (``"routine"`` or ``"relief"``), in name order."""
        return sorted(
            (r for r in self.routines.values() if r.kind == kind), key=lambda r: r.name.lower()
        )

    def in_language(self, language: str) -> Library:
        """The same library with every name, how-to line and note in ``language`` where given."""
        return Library(
            exercises={k: e.in_language(language) for k, e in self.exercises.items()},
            routines={k: r.in_language(language) for k, r in self.routines.items()},
            sources=dict(self.sources),
            problems=list(self.problems),
        )

    @property
    def skipped_files(self) -> list[str]:
        """Files that were left out, each named once."""
        return sorted({p.file for p in self.problems})


# --- checking one file ------------------------------------------------------------------------

_ID_HINT = "must be a simple name: lower-case letters, digits and dashes, like 'calf-stretch'"


def _message(error: ErrorDetails) -> str:
    """A message for a person editing the file, rather than pydantic's wording."""
    kind = error["type"]
    where = error["loc"][-1] if error["loc"] else ""
    if where == "repeat" and kind != "extra_forbidden":
        return f"must be a whole number of holds, from 1 to {MAX_REPEAT}"
    if kind == "extra_forbidden":
        return "unknown key (check the spelling; see `stretch-app schema`)"
    if kind == "missing":
        return "is required but missing"
    if kind == "string_pattern_mismatch":
        return _ID_HINT
    if kind == "greater_than_equal":
        return "must not be negative" if error["ctx"]["ge"] == 0 else "must be at least 1 second"
    if kind == "less_than_equal":
        limit = error["ctx"]["le"]
        return f"must be at most {limit} seconds ({format_duration(limit)})"
    if kind == "bool_type":
        return "must be true or false"
    if kind == "string_too_short" and error.get("ctx", {}).get("min_length") == 1:
        return "must not be empty"
    if kind == "string_type" and isinstance(error.get("input"), dt.date | dt.time):
        return 'must be text in quotes, like "21:45"'
    return error["msg"].removeprefix("Value error, ")


def _problems_from_validation(
    name: str, exc: ValidationError, index: LineIndex
) -> list[RoutineProblem]:
    errors = exc.errors(include_url=False)
    locs = [tuple(e["loc"]) for e in errors]
    # Every place that holds a deeper error, found once: linear in the number of errors.
    holds_deeper = {loc[:depth] for loc in locs for depth in range(len(loc))}
    problems = []
    for error, loc in zip(errors, locs, strict=True):
        if error["type"] == "too_short" and loc in holds_deeper:
            continue  # "no items left" only because the items themselves failed
        problems.append(RoutineProblem(name, index.line_of(loc), field_name(loc), _message(error)))
    return problems


def field_problems(exc: ValidationError) -> list[tuple[str, str]]:
    """``(field, message)`` for each error, in the words ``stretch-app validate`` uses."""
    return [(field_name(tuple(e["loc"])), _message(e)) for e in exc.errors(include_url=False)]


def _check_version(name: str, data: dict[str, Any], index: LineIndex) -> RoutineProblem | None:
    """Refuse a file from a newer app (or with a nonsense version) before reading the rest."""
    if "schema_version" not in data:
        return None  # reported with the other missing keys
    version = data["schema_version"]
    if type(version) is int and version > SCHEMA_VERSION:
        return RoutineProblem(
            name,
            index.line_of(["schema_version"]),
            "schema_version",
            (
                f"version {version} is newer than this Nightstretch understands "
                f"(up to {SCHEMA_VERSION}); update the app to use this file"
            ),
        )
    if type(version) is not int or version != SCHEMA_VERSION:
        return RoutineProblem(
            name,
            index.line_of(["schema_version"]),
            "schema_version",
            f"must be the whole number {SCHEMA_VERSION}",
        )
    return None


def _duplicate_exercises(name: str, catalog: Catalog, index: LineIndex) -> list[RoutineProblem]:
    seen: set[str] = set()
    problems = []
    for number, exercise in enumerate(catalog.exercises):
        if exercise.id in seen:
            loc = ("exercises", number, "id")
            problems.append(
                RoutineProblem(
                    name,
                    index.line_of(loc),
                    field_name(loc),
                    f"{exercise.id!r} is already used by an earlier exercise in this file",
                )
            )
        seen.add(exercise.id)
    return problems


def _read_file(
    path: Path, name: str
) -> tuple[Catalog | Routine | None, list[RoutineProblem], LineIndex | None, dict[str, Any]]:
    """Like :func:`read_routine_file`, also handing back the parsed document (empty if none)."""
    try:
        text = read_text(path)
        data = parse_toml(text)
    except FileProblem as problem:
        return None, [RoutineProblem(name, problem.line, problem.field, problem.message)], None, {}
    index = LineIndex(text)
    version_problem = _check_version(name, data, index)
    if version_problem:
        return None, [version_problem], index, {}
    model: type[Catalog] | type[Routine] = Catalog if data.get("kind") == "catalog" else Routine
    try:
        result = model.model_validate(data)
    except ValidationError as exc:
        return None, _problems_from_validation(name, exc, index), index, data
    except RecursionError:
        return None, [RoutineProblem(name, 1, "file", "nested too deeply to check")], index, {}
    if isinstance(result, Catalog):
        problems = _duplicate_exercises(name, result, index)
        if problems:
            return None, problems, index, data
    return result, [], index, data


def read_routine_file(
    path: Path, display_name: str | None = None
) -> tuple[Catalog | Routine | None, list[RoutineProblem], LineIndex | None]:
    """Read and check one file on its own (exercise ids are checked by the library)."""
    result, problems, index, _ = _read_file(path, display_name or str(path))
    return result, problems, index


def _step_exercises(data: dict[str, Any]) -> list[tuple[int, str]]:
    """``(step number, exercise id)`` for each step of a routine document that names one."""
    if data.get("kind") == "catalog" or not isinstance(data.get("steps"), list):
        return []
    return [
        (number, step["exercise"])
        for number, step in enumerate(data["steps"])
        if isinstance(step, dict) and isinstance(step.get("exercise"), str)
    ]


def _unknown_exercises(
    name: str,
    steps: Iterable[tuple[int, str]],
    known: dict[str, Exercise],
    index: LineIndex | None,
    already: Iterable[RoutineProblem] = (),
) -> list[RoutineProblem]:
    reported = {problem.field for problem in already}
    problems = []
    for number, exercise in steps:
        loc = ("steps", number, "exercise")
        if exercise in known or field_name(loc) in reported:
            continue
        shown = exercise if len(exercise) <= 50 else exercise[:50] + "…"
        problems.append(
            RoutineProblem(
                name,
                index.line_of(loc) if index else 1,
                field_name(loc),
                f"unknown exercise {shown!r} (not in any exercise catalog)",
            )
        )
    return problems


# --- whole folders ----------------------------------------------------------------------------


def _toml_files(folder: Path) -> list[Path]:
    """The ``*.toml`` files in a folder, leaving out hidden ones (editor lock and backup files)."""
    try:
        return sorted(
            p for p in folder.iterdir() if p.suffix == ".toml" and not p.name.startswith(".")
        )
    except (OSError, ValueError):
        return []


MAX_PROBLEMS_PER_FILE = 10
"""Our own limit on the problems listed one by one for a file; the rest are counted."""


def _capped(problems: list[RoutineProblem]) -> list[RoutineProblem]:
    """The first problems of one file, then one line counting the rest (at the next's line)."""
    if len(problems) <= MAX_PROBLEMS_PER_FILE:
        return problems
    rest = problems[MAX_PROBLEMS_PER_FILE]
    more = len(problems) - MAX_PROBLEMS_PER_FILE
    summary = f"…and {more:,} more problem{'s' if more != 1 else ''} in this file"
    return [
        *problems[:MAX_PROBLEMS_PER_FILE],
        RoutineProblem(rest.file, rest.line, "file", summary),
    ]


def _check_and_collect(paths: Iterable[Path], library: Library) -> None:
    """Read every file, then check routines against all the catalogs read.

    Problems are kept in file order, and by line within a file, so a person can work down them.
    """
    checked = []
    for path in paths:
        result, problems, index, data = _read_file(path, str(path))
        if isinstance(result, Catalog):
            for exercise in result.exercises:
                library.exercises[exercise.id] = exercise
        checked.append((path, result, problems, index, data))
    for path, result, problems, index, data in checked:
        problems += _unknown_exercises(
            str(path), _step_exercises(data), library.exercises, index, problems
        )
        library.problems.extend(_capped(sorted(problems, key=lambda problem: problem.line)))
        if isinstance(result, Routine) and not problems:
            library.routines[result.id] = result
            library.sources[result.id] = path


def load_library(folders: Sequence[Path]) -> Library:
    """Load every ``*.toml`` in the folders; a later folder overrides an earlier one by id.

    Catalogs from every folder are read before any routine is checked, so a user routine may
    use the bundled exercises and a user catalog may add its own.
    """
    library = Library()
    _check_and_collect([p for folder in folders for p in _toml_files(folder)], library)
    return library


def validate_files(
    paths: Sequence[Path], catalogs_from: Sequence[Path] = ()
) -> list[RoutineProblem]:
    """Check files as ``stretch-app validate`` does; exercises may come from ``catalogs_from``."""
    library = Library()
    for folder in catalogs_from:
        for path in _toml_files(folder):
            result, _, _ = read_routine_file(path)
            if isinstance(result, Catalog):
                library.exercises.update({e.id: e for e in result.exercises})
    _check_and_collect(paths, library)
    return library.problems
