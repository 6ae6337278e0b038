"""The settings file read as plain TOML, for the moments before the settings model loads.

The first paint needs the look and the language; checking the whole file needs pydantic,
which costs more than the paint. Anything unreadable reads as empty (the defaults); the full
check, with its messages, comes moments later in :mod:`stretch_app.core.settings`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from stretch_app.core.tomlfile import FileProblem, load_toml

__all__ = ["read_settings_file"]


def read_settings_file(path: Path) -> dict[str, Any]:
    """The file's top-level table, unchecked; empty when it cannot be read or parsed."""
    try:
        return load_toml(path)[1]
    except FileProblem:  # a FIFO, a device, a huge or broken file: never waited on
        return {}
