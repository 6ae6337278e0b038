"""Parsing a TOML file safely and naming the line behind any value in it.

Files are read through :mod:`stretch_app.core.userfile` (never blocking on a FIFO or a
device, never past a size limit); every parse failure becomes a :class:`FileProblem` with the
closest line it can name. :class:`LineIndex` maps a value's path in the parsed document back
to the line it was written on, since ``tomllib`` keeps no positions.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from stretch_app.core.userfile import MAX_FILE_BYTES, FileProblem, check_nesting, read_text

__all__ = [
    "MAX_FILE_BYTES",
    "FileProblem",
    "LineIndex",
    "field_name",
    "load_toml",
    "parse_toml",
    "read_text",
    "toml_error_line",
]


_TOML_POS = re.compile(r"\s*\(at line (\d+), column (\d+)\)")
_TOML_EOF = re.compile(r"\s*\(at end of document\)")


def toml_error_line(error: tomllib.TOMLDecodeError, text: str) -> tuple[int, str]:
    """The line a TOML syntax error names, and its message without the position."""
    message = str(error)
    match = _TOML_POS.search(message)
    line = int(match[1]) if match else text.count("\n") + 1
    return line, _TOML_EOF.sub("", _TOML_POS.sub("", message)).strip()


def parse_toml(text: str) -> dict[str, Any]:
    """Parse TOML text, turning every failure into a located :class:`FileProblem`."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line, message = toml_error_line(exc, text)
        raise FileProblem(f"TOML syntax error: {message}", line=line, field="toml") from None
    except RecursionError:
        raise FileProblem(
            "nested too deeply to read (too many brackets or braces inside each other)",
            field="toml",
        ) from None
    except ValueError as exc:  # e.g. an integer past Python's digit limit
        message = str(exc).split(":", 1)[0]
        long_number = _LONG_NUMBER.search(text)
        line = text.count("\n", 0, long_number.start()) + 1 if long_number else 1
        raise FileProblem(f"value cannot be read: {message}", line=line, field="toml") from None
    check_nesting(data)
    return data


def load_toml(path: Path, limit: int = MAX_FILE_BYTES) -> tuple[str, dict[str, Any]]:
    """A small TOML file's text and document; :class:`FileProblem` if it cannot be used."""
    text = read_text(path, limit)
    return text, parse_toml(text)


# --- locating ---------------------------------------------------------------------------------

_KEY = re.compile(r"""\s*(["']?)([A-Za-z0-9_-]+)\1\s*=""")
_LONG_NUMBER = re.compile(r"[0-9_]{4000}")


def _statement_lines(text: str) -> Iterator[tuple[int, str]]:
    """The lines that start a statement: not inside a multi-line string, array or inline table.

    The text has already parsed as TOML, so a simple scan (strings, comments, brackets) is
    enough; it is linear, so a long line cannot make it slow.
    """
    open_quote = ""  # '\"\"\"' or "'''" while inside a multi-line string
    depth = 0  # brackets and braces open around the current position
    for number, line in enumerate(text.split("\n"), start=1):
        if not open_quote and depth == 0:
            yield number, line
        i, end = 0, len(line)
        while i < end:
            if open_quote:
                if open_quote[0] == '"' and line[i] == "\\":
                    i += 2
                elif line.startswith(open_quote, i):
                    i += 3
                    while i < end and line[i] == open_quote[0]:  # up to two quotes may close it
                        i += 1
                    open_quote = ""
                else:
                    i += 1
                continue
            char = line[i]
            if char == "#":
                break
            if line.startswith(('"""', "'''"), i):
                open_quote = line[i : i + 3]
                i += 3
            elif char == '"':
                i += 1
                while i < end and line[i] != '"':
                    i += 2 if line[i] == "\\" else 1
                i += 1
            elif char == "'":
                close = line.find("'", i + 1)
                i = end if close < 0 else close + 1
            else:
                depth += (char in "[{") - (char in "]}")
                i += 1


def _table_header(line: str) -> tuple[bool, tuple[str, ...]] | None:
    """``(is_array, names)`` for a ``[table]`` or ``[[array.of.tables]]`` line, else None."""
    text = line.strip()
    is_array = text.startswith("[[")
    if not text.startswith("["):
        return None
    opener = "[[" if is_array else "["
    closer = "]]" if is_array else "]"
    close = text.find(closer)
    if close < 0:
        return None
    rest = text[close + len(closer) :].strip()
    if rest and not rest.startswith("#"):
        return None
    names = tuple(part.strip().strip("\"'") for part in text[len(opener) : close].split("."))
    return is_array, names


class LineIndex:
    """Maps a value's path in the document (``("steps", 2, "hold")``) to a line number.

    The text is scanned only when a line is first asked for: a file without problems (nearly
    every file, nearly every start) never pays for it.
    """

    def __init__(self, text: str) -> None:
        self._text = text
        self._built: dict[tuple[str | int, ...], int] | None = None

    def line_of(self, loc: Sequence[str | int]) -> int:
        """The line of the longest known prefix of ``loc``; line 1 if none is known."""
        if self._built is None:
            self._built = _index_lines(self._text)
        path = tuple(loc)
        while path:
            if path in self._built:
                return self._built[path]
            path = path[:-1]
        return 1


def _index_lines(text: str) -> dict[tuple[str | int, ...], int]:
    """The line each table, array entry and key of a parsed TOML text starts on."""
    lines: dict[tuple[str | int, ...], int] = {}
    counters: dict[tuple[str, ...], int] = {}
    current: tuple[str | int, ...] = ()
    for number, line in _statement_lines(text):
        header = _table_header(line)
        if header:
            is_array, names = header
            lines.setdefault(names, number)
            if is_array:
                index = counters.get(names, 0)
                counters[names] = index + 1
                current = (*names, index)
            else:
                current = names
            lines.setdefault(current, number)
            continue
        key = _KEY.match(line)
        if key:
            lines.setdefault((*current, key[2]), number)
    return lines


_SIMPLE_KEY = re.compile(r"[A-Za-z0-9_-]{1,60}")


def field_name(loc: Sequence[str | int]) -> str:
    """A path in the document written as people read it: ``steps[2].hold``."""
    name = ""
    for part in loc:
        if isinstance(part, int):
            name += f"[{part}]"
        elif _SIMPLE_KEY.fullmatch(part):
            name += f".{part}" if name else part
        else:  # a key of the user's own, written so it stays one word
            name += "[" + ascii(part[:40]).replace(" ", "\\x20") + "]"
    return name or "file"
