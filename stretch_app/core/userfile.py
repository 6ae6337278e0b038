"""The one guarded way to read a file from the user's folders, and the one way to write one.

Whatever sits where a file should be — a FIFO, a symlink to ``/dev/zero``, a folder, a huge
file, bytes that are not UTF-8, JSON nested ten thousand deep — reading it never blocks, never
takes more than a size limit of memory, and never raises anything but :class:`FileProblem`,
whose message names the trouble in plain words. A file whose *content* is bad may be set
aside (:func:`set_aside`) so the next start is clean; a special file is only reported.

Writing is atomic (:func:`write_atomically`): a temporary file in the same folder is written,
flushed, synced and checked, then renamed over the old one, so a crash or a full disk leaves
the old file or the new one whole, never half of each, and a failure is an ``OSError``.
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import json
import os
import stat
import tempfile
import time
from pathlib import Path
from typing import Any

__all__ = [
    "MAX_FILE_BYTES",
    "MAX_NESTING",
    "FileProblem",
    "NotAFileError",
    "check_nesting",
    "decode_text",
    "load_json",
    "read_bytes",
    "read_text",
    "set_aside",
    "write_atomically",
]

MAX_FILE_BYTES = 256 * 1024
"""Our own limit for a settings or routine file: far above any real one."""
MAX_NESTING = 32
"""Our own limit on lists and tables inside each other: real files use three or four."""


class FileProblem(Exception):
    """Why a file could not be used, with the closest line and field.

    ``missing`` is set when there is no file at all (usually not a problem: the defaults
    apply); ``special`` when the path is not a regular file (a folder, FIFO, device or
    socket), which is reported but never moved or read.
    """

    def __init__(
        self,
        message: str,
        line: int = 1,
        field: str = "file",
        *,
        missing: bool = False,
        special: bool = False,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.field = field
        self.missing = missing
        self.special = special


# --- reading ----------------------------------------------------------------------------------


def _open(path: Path) -> int:
    """A read-only descriptor that cannot block, even on a FIFO with no writer."""
    try:
        return os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise FileProblem("no such file", missing=True) from None
    except IsADirectoryError:
        raise FileProblem("is a folder, not a file", special=True) from None
    except PermissionError:
        raise FileProblem("cannot be read: permission denied", special=True) from None
    except OSError as exc:
        if exc.errno == errno.ENXIO:  # a socket, or a device with nothing behind it
            raise FileProblem("is not a regular file", special=True) from None
        if exc.errno == errno.ENOTDIR:  # a file where a folder on the way should be
            raise FileProblem("no such file (a part of its path is not a folder)") from None
        if exc.errno == errno.ELOOP:
            raise FileProblem("is a loop of symbolic links", special=True) from None
        raise FileProblem(f"cannot be opened: {exc.strerror}", special=True) from None
    except ValueError:  # a NUL byte in the path
        raise FileProblem("is not a usable file name", special=True) from None


def read_bytes(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes; else :class:`FileProblem`."""
    fd = _open(path)
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise FileProblem("is a folder, not a file", special=True)
        if not stat.S_ISREG(info.st_mode):
            raise FileProblem("is not a regular file (a device, pipe or socket)", special=True)
        if info.st_size > limit:
            raise FileProblem(f"is too large ({info.st_size} bytes; the limit is {limit})")
        chunks: list[bytes] = []
        size = 0
        while size <= limit:  # a file may grow while we read it: never past the limit
            chunk = os.read(fd, 65536)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:
            raise FileProblem(f"is too large (over {limit} bytes)")
    except OSError as exc:
        raise FileProblem(f"cannot be read: {exc.strerror}", special=True) from None
    finally:
        os.close(fd)
    return b"".join(chunks)


def decode_text(raw: bytes) -> str:
    """UTF-8 text (without the byte-order mark some editors write); else :class:`FileProblem`."""
    raw = raw.removeprefix(codecs.BOM_UTF8)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise FileProblem(
            f"is not UTF-8 text (bad byte 0x{raw[exc.start]:02x})", line=line, field="encoding"
        ) from None


def read_text(path: Path, limit: int = MAX_FILE_BYTES) -> str:
    """A small regular UTF-8 file's text, read without ever blocking on a FIFO or a device."""
    return decode_text(read_bytes(path, limit))


def check_nesting(data: object, limit: int = MAX_NESTING) -> None:
    """Raise :class:`FileProblem` if lists and tables sit more than ``limit`` deep.

    Walks the parsed document without recursion, so no depth can overflow the stack here or
    in whatever reads the document next.
    """
    stack: list[tuple[object, int]] = [(data, 0)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict):
            children: Any = value.values()
        elif isinstance(value, list):
            children = value
        else:
            continue
        if depth >= limit:
            raise FileProblem(
                f"is nested too deeply (more than {limit} lists or tables inside each other)"
            )
        stack.extend((child, depth + 1) for child in children)


def load_json(path: Path, limit: int = MAX_FILE_BYTES) -> Any:
    """A small JSON file's document, checked for size, encoding and nesting."""
    text = read_text(path, limit)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise FileProblem(f"is not valid JSON: {exc.msg}", line=exc.lineno, field="json") from None
    except RecursionError:
        raise FileProblem("is nested too deeply to read", field="json") from None
    except ValueError as exc:  # e.g. an integer past Python's digit limit
        raise FileProblem(f"value cannot be read: {str(exc).split(':')[0]}", field="json") from None
    check_nesting(data)
    return data


# --- setting aside and writing ----------------------------------------------------------------


def set_aside(path: Path) -> Path | None:
    """Move a broken file out of the way as ``NAME.broken-<time>``; None if it cannot be moved.

    Only call this for a regular file whose content is bad (never for a FIFO or a device).
    """
    stamp = time.strftime("%Y%m%d-%H%M%S")  # local time; not datetime, which the first paint skips
    target = path.with_name(f"{path.name}.broken-{stamp}")
    counter = 1
    while os.path.lexists(target):
        counter += 1
        target = path.with_name(f"{path.name}.broken-{stamp}-{counter}")
    try:
        path.rename(target)
    except OSError:
        return None
    return target


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return  # not every platform lets a folder be opened; the rename is done either way
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


class NotAFileError(OSError):
    """The place to write holds a device, FIFO or socket, which a file must not replace."""


def write_atomically(path: Path, content: bytes, *, durable: bool = True) -> None:
    """Replace ``path`` with ``content`` so a crash leaves the old file or the new, whole.

    Raises ``OSError`` (``ENOSPC`` for a full disk) when the new file could not be written
    whole; the old file is then untouched and no temporary file is left behind. A cache that
    may be lost passes ``durable=False`` and skips the syncs to disk.
    """
    with contextlib.suppress(FileNotFoundError):
        mode = path.stat().st_mode
        if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):  # a folder fails on its own below
            raise NotAFileError(errno.EEXIST, "is a device or a pipe, not a file", str(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(content)
            stream.flush()
            if durable:
                os.fsync(stream.fileno())
            written = os.fstat(stream.fileno()).st_size
        if written != len(content):  # a file system that lost bytes without saying so
            raise OSError(errno.EIO, f"only {written} of {len(content)} bytes were written")
        temp.replace(path)  # os.replace: atomic on POSIX and Windows
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    if durable:
        _fsync_folder(path.parent)
