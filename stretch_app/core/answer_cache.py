"""A small on-disk cache for command-line answers, keyed by the stat of every input file.

``stretch-app list`` and ``validate`` are asked the same question again and again about files
that have not changed. Checking a routine needs pydantic, which alone costs more than our
whole start-up budget, so the answer is kept beside the user's cache and reused while every
file (and folder) it came from still has the same size, mtime, ctime and inode. Anything
unexpected — a missing file, a FIFO, a damaged cache — simply means "compute it again".
"""

from __future__ import annotations

import json
import os
import stat
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

__all__ = ["cached_answer"]


def _fingerprint(paths: Sequence[Path]) -> list[list[Any]] | None:
    prints: list[list[Any]] = []
    for path in paths:
        try:
            info = path.stat()
        except OSError:
            return None
        if not (stat.S_ISREG(info.st_mode) or stat.S_ISDIR(info.st_mode)):
            return None
        prints.append(
            [str(path.resolve()), info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino]
        )
    return prints


def cached_answer(
    cache_file: Path,
    question: list[Any],
    inputs: Sequence[Path],
    compute: Callable[[], Any],
) -> Any:
    """``compute()``'s JSON-able answer, reused while ``question`` and ``inputs`` are unchanged."""
    prints = _fingerprint(inputs)
    key = [question, prints]
    if prints is not None:
        try:
            stored = json.loads(cache_file.read_text(encoding="utf-8"))
            if isinstance(stored, dict) and stored.get("key") == key:
                return stored["answer"]
        except (OSError, ValueError, KeyError):
            pass
    answer = compute()
    # Only keep answers whose inputs did not change while we computed them.
    if prints is not None and _fingerprint(inputs) == prints:
        try:
            cache_file.parent.mkdir(parents=True, exist_ok=True)
            fd, temp = tempfile.mkstemp(dir=cache_file.parent, prefix=".answer-")
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump({"key": key, "answer": answer}, handle)
            Path(temp).replace(cache_file)
        except OSError:
            pass
    return answer
