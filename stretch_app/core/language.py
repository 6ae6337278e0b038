"""Language codes: which translation to try for a language the system or the person names.

Kept free of pydantic and Qt, so the start-up paths that only need file names stay fast.
"""

from __future__ import annotations

import re
from pathlib import Path

from stretch_app.core.settings_defaults import DEFAULT_LANGUAGE
from stretch_app.core.settings_file import read_settings_file

__all__ = ["language_candidates", "language_from_file"]

_CODE = re.compile(r"[a-z]{2}([-_][A-Z]{2})?")


def language_candidates(language: str) -> tuple[str, ...]:
    """Codes to try, most specific first: ``de_AT.UTF-8`` → ("de-AT", "de"); "C" → ()."""
    code = language.replace("_", "-").split(".")[0].split("@")[0]
    base = code.split("-")[0].lower()
    if not base or base in ("c", "posix"):
        return ()
    return (code, base) if code != base else (base,)


def language_from_file(path: Path) -> str:
    """The ``language`` setting read straight from the settings file, for the first paint.

    Anything unreadable counts as "" (the system's language); the full check comes later.
    """
    value = read_settings_file(path).get("language", DEFAULT_LANGUAGE)
    return value if isinstance(value, str) and _CODE.fullmatch(value) else DEFAULT_LANGUAGE
