"""The settings file read as plain TOML, for the moments before the settings model loads.

The first paint needs the look and the language; checking the whole file needs pydantic,
which costs more than the paint. Anything unreadable reads as empty (the defaults); the full
check, with its messages, comes moments later in :mod:`stretch_app.core.settings`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from stretch_app.core.userfile import FileProblem, read_text

__all__ = ["read_settings_file"]


def read_settings_file(path: Path) -> dict[str, Any]:
    """The file's top-level table, unchecked; empty when it cannot be read or parsed."""
    try:
        text = read_text(path)
    except FileProblem:  # none yet (a first start), a FIFO, a device, a huge file: never waited on
        return {}
    # Only for a file that is there: tomllib costs a first start's first paint a few ms.
    from stretch_app.core.tomlfile import parse_toml

    try:
        return parse_toml(text)
    except FileProblem:  # broken TOML
        return {}
