"""The main window's size, remembered per screen in a small JSON file.

The file is a convenience: a missing, unreadable or damaged one reads as "nothing remembered",
and a size that cannot be kept is simply not kept. Start-up never fails because of it.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

from stretch_app.core.userfile import write_atomically

__all__ = ["fit_size", "read_window_size", "remember_window_size"]

MAX_SCREENS = 20
"""Screens remembered at most; the oldest are forgotten first."""


def _read_all(path: Path) -> dict[str, list[int]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    sizes = data.get("sizes")
    if not isinstance(sizes, dict):
        return {}
    return {
        key: value
        for key, value in sizes.items()
        if isinstance(key, str)
        and isinstance(value, list)
        and len(value) == 2
        and all(isinstance(v, int) and not isinstance(v, bool) and 0 < v < 100_000 for v in value)
    }


def read_window_size(path: Path, screen: str) -> tuple[int, int] | None:
    """The size last used on ``screen`` (a key naming the screen), or None."""
    size = _read_all(path).get(screen)
    return (size[0], size[1]) if size else None


def remember_window_size(path: Path, screen: str, size: tuple[int, int]) -> None:
    """Keep ``size`` for ``screen``; never raises (a size not kept costs nothing)."""
    sizes = _read_all(path)
    sizes.pop(screen, None)
    sizes[screen] = [int(size[0]), int(size[1])]
    while len(sizes) > MAX_SCREENS:
        sizes.pop(next(iter(sizes)))
    data = json.dumps({"version": 1, "sizes": sizes}).encode("utf-8")
    with contextlib.suppress(OSError):
        write_atomically(path, data, durable=False)  # a size not kept costs nothing


def fit_size(wanted: tuple[int, int], available: tuple[int, int]) -> tuple[int, int]:
    """``wanted`` made no larger than ``available`` (both width, height)."""
    return (max(1, min(wanted[0], available[0])), max(1, min(wanted[1], available[1])))
