"""A small on-disk cache for command-line answers, keyed by the stat of every input file.

``stretch-app list`` and ``validate`` are asked the same question again and again about files
that have not changed. Checking a routine needs pydantic, which alone costs more than our
whole start-up budget, so the answer is kept beside the user's cache and reused while every
file (and folder) it came from still has the same size, mtime, ctime and inode. Anything
unexpected — a missing file, a FIFO, a damaged cache — simply means "compute it again".
"""

from __future__ import annotations

import contextlib
import json
import stat
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from stretch_app.core.userfile import FileProblem, load_json, write_atomically

__all__ = ["cached_answer", "fingerprint", "keep_answer", "stored_answer"]

MAX_CACHE_BYTES = 4 * 1024 * 1024
"""Our own limit on one kept answer (a few kilobytes in real use)."""


def fingerprint(paths: Sequence[Path]) -> list[list[Any]] | None:
    """Each file's (or folder's) resolved path, size, mtime, ctime and inode; None if one is
    missing or not a plain file or folder."""
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


def stored_answer(cache_file: Path, question: list[Any], inputs: Sequence[Path]) -> Any:
    """The answer kept for ``question`` while ``inputs`` are unchanged; None when there is none."""
    prints = fingerprint(inputs)
    if prints is None:
        return None
    try:
        stored = load_json(cache_file, MAX_CACHE_BYTES)
    except FileProblem:  # a FIFO, a device, a huge or damaged cache: compute it again
        return None
    if isinstance(stored, dict) and stored.get("key") == [question, prints]:
        return stored.get("answer")
    return None


def keep_answer(cache_file: Path, question: list[Any], inputs: Sequence[Path], answer: Any) -> None:
    """Keep ``answer`` for ``question`` and the ``inputs`` as they are now (never raises)."""
    prints = fingerprint(inputs)
    if prints is None:
        return
    with contextlib.suppress(OSError):  # a cache that cannot be kept is only slower
        write_atomically(
            cache_file,
            json.dumps({"key": [question, prints], "answer": answer}).encode(),
            durable=False,
        )


def cached_answer(
    cache_file: Path,
    question: list[Any],
    inputs: Sequence[Path],
    compute: Callable[[], Any],
) -> Any:
    """``compute()``'s JSON-able answer, reused while ``question`` and ``inputs`` are unchanged."""
    prints = fingerprint(inputs)
    if prints is not None:
        stored = stored_answer(cache_file, question, inputs)
        if stored is not None:
            return stored
    answer = compute()
    # Only keep answers whose inputs did not change while we computed them.
    if prints is not None and fingerprint(inputs) == prints:
        keep_answer(cache_file, question, inputs, answer)
    return answer


@dataclass(frozen=True)
class KeptSource:
    """Where an answer compiled from the routine files and the settings comes from (the
    folders, the settings file, the language, the app's version) and the cache file it is
    kept in; a child process gets it as one argument (:meth:`to_argument`).

    :class:`~stretch_app.core.reminder_book.BookSource` and
    :class:`~stretch_app.core.relief_content.ReliefSource` add what each needs.
    """

    folders: Sequence[Path]
    settings_file: Path
    language: str
    version: str
    cache_file: Path

    def _settings_inputs(self) -> list[Path]:
        return [self.settings_file] if self.settings_file.exists() else []

    def _routine_inputs(self) -> list[Path]:
        """Each routine folder (a new file changes it) and its files."""
        inputs: list[Path] = []
        for folder in self.folders:
            if folder.is_dir():
                inputs.append(folder)
                inputs.extend(sorted(folder.glob("*.toml")))
        return inputs

    def _question(self, kind: str) -> list[Any]:
        folders = [str(f) for f in self.folders if f.is_dir()]
        return [kind, self.version, self.language, folders, self._settings_inputs() != []]

    def to_argument(self) -> str:
        """This source as one command-line argument (paths as text)."""
        return json.dumps({f.name: _plain(getattr(self, f.name)) for f in fields(self)})

    @classmethod
    def from_argument(cls, argument: str) -> Any:
        """Read what :meth:`to_argument` wrote (an instance of the class it is called on)."""
        data = json.loads(argument)
        values: dict[str, Any] = {}
        for field in fields(cls):
            value = data[field.name]
            if field.type == "Path":
                value = Path(value)
            elif field.type == "Sequence[Path]":
                value = [Path(item) for item in value]
            values[field.name] = value
        return cls(**values)


def _plain(value: object) -> object:
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, list | tuple):
        return [str(item) for item in value]
    return value
