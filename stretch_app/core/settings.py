"""The user's settings: a frozen pydantic model, read from and written to a TOML file.

Loading never fails: a missing file gives the defaults, and a broken one gives the defaults for
whatever could not be read, a copy of the file beside it (``settings.toml.broken-<time>``) so
the next save loses nothing, and a message located as ``FILE:LINE: field: message``. Saving is
atomic: a temporary file in the same folder is written, flushed and synced, then renamed over
the old one, so a crash leaves either the old settings or the new, never half of each.
"""

from __future__ import annotations

import contextlib
import glob
import math
import re
from datetime import datetime, time
from pathlib import Path
from typing import Annotated, Any, Literal

import tomlkit
from pydantic import BaseModel, ConfigDict, Field, StrictBool, ValidationError

from stretch_app.core.model import ClockTime, Id, Reminder
from stretch_app.core.nightlook import is_night_between, wants_night_look
from stretch_app.core.settings_defaults import (
    DEFAULT_LANGUAGE,
    DEFAULT_LOOK,
    DEFAULT_NIGHT_ENDS,
    DEFAULT_NIGHT_STARTS,
)
from stretch_app.core.tomlfile import LineIndex, parse_toml
from stretch_app.core.userfile import (
    FileProblem,
    decode_text,
    read_bytes,
    set_aside,
    write_atomically,
)

SCHEMA_VERSION = 1

__all__ = [
    "SCHEMA_VERSION",
    "Settings",
    "is_night",
    "load_settings",
    "save_settings",
    "uses_night_look",
]


class Settings(BaseModel):
    """Everything the person can change, with the values a first start uses."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    schema_version: Literal[1] = 1
    sound_enabled: StrictBool = True
    voice_enabled: StrictBool = True
    volume: Annotated[float, Field(ge=0.0, le=1.0)] = 0.6
    voice_name: Annotated[str, Field(max_length=200)] = ""
    """The voice to speak with; empty for the system's default voice."""
    voice_rate: Annotated[float, Field(ge=-1.0, le=1.0)] = -0.1
    look: Literal["auto", "night", "day"] = DEFAULT_LOOK
    night_starts: ClockTime = DEFAULT_NIGHT_STARTS
    night_ends: ClockTime = DEFAULT_NIGHT_ENDS
    text_scale: Annotated[float, Field(ge=0.8, le=2.0)] = 1.0
    high_contrast: StrictBool = False
    reduce_motion: StrictBool = False
    language: Annotated[str, Field(pattern=r"^([a-z]{2}([-_][A-Z]{2})?)?$")] = DEFAULT_LANGUAGE
    """The language of the app, like ``"de"``; empty for the system's language."""
    close_to_tray: StrictBool = False
    start_at_login: StrictBool = False
    resume_lead_in_s: Annotated[int, Field(ge=0, le=60)] = 5
    reminder_overrides: dict[Id, tuple[Reminder, ...]] = Field(default_factory=dict)
    """Reminders the person set for a routine, in place of the ones in its file."""
    snooze_minutes: Annotated[int, Field(ge=1, le=120)] = 10
    skip_if_done_within_hours: Annotated[int, Field(ge=0, le=24)] = 3
    missed_grace_minutes: Annotated[int, Field(ge=0, le=720)] = 60
    relief_autostart_s: Annotated[int, Field(ge=0, le=60)] = 5


def is_night(settings: Settings, local_time: time | datetime) -> bool:
    """Whether ``local_time`` falls in the night window (which may wrap past midnight)."""
    return is_night_between(settings.night_starts, settings.night_ends, local_time)


def uses_night_look(settings: Settings, local_time: time | datetime) -> bool:
    """Whether the night look applies now: chosen outright, or ``auto`` in the night window."""
    return wants_night_look(settings.look, settings.night_starts, settings.night_ends, local_time)


# --- loading ----------------------------------------------------------------------------------

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def _problem(path: Path, line: int, field: str, message: str) -> str:
    return f"{_CONTROL.sub('?', str(path))}:{line}: {field}: {' '.join(message.split())}"


def _back_up(path: Path, raw: bytes) -> Path | None:
    """Keep a copy of a broken settings file, once per content; None if it cannot be kept."""
    for earlier in path.parent.glob(f"{glob.escape(path.name)}.broken-*"):
        with contextlib.suppress(FileProblem):
            if read_bytes(earlier, len(raw)) == raw:
                return earlier
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    backup = path.with_name(f"{path.name}.broken-{stamp}")
    counter = 1
    while backup.exists():
        counter += 1
        backup = path.with_name(f"{path.name}.broken-{stamp}-{counter}")
    try:
        write_atomically(backup, raw)
    except OSError:
        return None
    return backup


def load_settings(path: Path) -> tuple[Settings, str | None]:
    """Read the settings at ``path``: the settings to use, and a message if something was off.

    Never raises. Values that cannot be used fall back to their defaults; the message has one
    ``FILE:LINE: field: message`` line per problem and says where a copy of the file was kept.
    A folder, FIFO or device where the file should be is reported and left alone.
    """
    try:
        raw = read_bytes(path)
    except FileProblem as problem:
        if problem.missing:
            return Settings(), None
        if problem.special:  # reported, never moved: it may not be ours to move
            return Settings(), _problem(path, 1, "file", f"{problem.message}; defaults used")
        backup = set_aside(path)  # too large to keep a copy of
        kept = f"the file was moved to {backup}" if backup else "the file could not be moved"
        return Settings(), "\n".join(
            [
                _problem(path, problem.line, problem.field, problem.message),
                _problem(path, 1, "file", f"default values used; {kept}"),
            ]
        )
    settings, problems = _parse(path, raw)
    if not problems:
        return settings, None
    backup = _back_up(path, raw)
    kept = f"a copy of the file was kept as {backup}" if backup else "no copy could be kept"
    problems = _capped(problems)
    problems.append(_problem(path, 1, "file", f"default values used for these; {kept}"))
    return settings, "\n".join(problems)


_MAX_PROBLEMS = 10
"""Our own limit on the settings problems listed one by one; the rest are counted."""


def _capped(problems: list[str]) -> list[str]:
    if len(problems) <= _MAX_PROBLEMS:
        return problems
    return [*problems[:_MAX_PROBLEMS], f"…and {len(problems) - _MAX_PROBLEMS:,} more"]


def _parse(path: Path, raw: bytes) -> tuple[Settings, list[str]]:
    """The settings in ``raw``, and every problem found on the way."""
    try:
        text = decode_text(raw)
        data = parse_toml(text)
    except FileProblem as problem:
        return Settings(), [_problem(path, problem.line, problem.field, problem.message)]
    try:
        return _validate(path, text, data)
    except (ValueError, TypeError, OverflowError, RecursionError) as exc:  # never seen; kept safe
        return Settings(), [_problem(path, 1, "file", f"cannot be read: {type(exc).__name__}")]


def _validate(path: Path, text: str, data: dict[str, Any]) -> tuple[Settings, list[str]]:
    """Validate, dropping each top-level setting that has a problem; report every problem."""
    lines = LineIndex(text)
    problems: list[str] = []
    for _attempt in range(2):
        try:
            return Settings.model_validate(data), problems
        except ValidationError as exc:
            for error in exc.errors():
                loc = tuple(error["loc"])
                field = ".".join(str(part) for part in loc) or "file"
                problems.append(_problem(path, lines.line_of(loc), field, error["msg"]))
                if loc:
                    data.pop(str(loc[0]), None)
                else:
                    data.clear()
    return Settings(), problems


# --- saving -----------------------------------------------------------------------------------


def _to_toml(settings: Settings) -> str:
    """The settings as a TOML document, written by tomlkit (which does all the quoting)."""
    data = settings.model_dump(mode="json")
    overrides: dict[str, list[dict[str, Any]]] = data.pop("reminder_overrides")
    doc = tomlkit.document()
    doc.add(
        tomlkit.comment("Nightstretch settings. The app rewrites this file when settings change.")
    )
    for key, value in data.items():
        if isinstance(value, float) and not math.isfinite(value):
            raise ValueError(f"{key} = {value!r} cannot be saved")
        doc.add(key, value)
    if overrides:
        table = tomlkit.table(is_super_table=True)
        for routine in [routine for routine, reminders in overrides.items() if not reminders]:
            table.add(routine, tomlkit.array())  # empty lists first: they cannot be [[tables]]
        for routine, reminders in overrides.items():
            if reminders:
                tables = tomlkit.aot()
                for reminder in reminders:
                    tables.append(tomlkit.item(reminder))
                table.add(routine, tables)
        doc.add(tomlkit.nl())
        doc.add("reminder_overrides", table)
    return tomlkit.dumps(doc)


def save_settings(settings: Settings, path: Path) -> None:
    """Write ``settings`` to ``path`` atomically; raises ``OSError`` if it cannot be written."""
    write_atomically(path, _to_toml(settings).encode("utf-8"))
