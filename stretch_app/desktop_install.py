"""Put the launcher, icons and AppStream metadata under the user's data folder, or take them out.

``stretch-app install-desktop`` gives a pip (or pipx) user what a distribution package would
install under ``/usr/share``, in ``$XDG_DATA_HOME`` (``~/.local/share`` when the variable is
unset or not an absolute path, as the XDG spec says):

- ``applications/nightstretch.desktop``: the shipped desktop entry, with its ``Exec`` and
  ``TryExec`` lines pointing at this install's ``stretch-app`` by its full path (menus do not
  see a virtual environment's ``bin`` folder on ``PATH``);
- ``icons/hicolor/<size>/apps/nightstretch.png`` for every shipped size, and
  ``icons/hicolor/scalable/apps/nightstretch.svg``;
- ``metainfo/io.github.nightstretch.nightstretch.metainfo.xml``.

``uninstall_desktop`` removes exactly these files and nothing else (folders stay). Both are
idempotent. The desktop's caches (``mimeinfo.cache``, ``icon-theme.cache``) are refreshed when
they already exist, and never created: a cache that nothing keeps up to date goes stale and
hides other programs' icons and launchers.

This module never imports Qt, so the commands answer at once.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from stretch_app import paths
from stretch_app.core.userfile import write_atomically
from stretch_app.paths import data_home

__all__ = [
    "DESKTOP_ID",
    "METAINFO_NAME",
    "DesktopInstallError",
    "Placement",
    "data_home",
    "exec_value",
    "install_desktop",
    "launch_command",
    "launcher_entry",
    "placements",
    "uninstall_desktop",
]

DESKTOP_ID = "nightstretch.desktop"
"""The desktop entry's id: its file name, the window's app id and WM class plus ``.desktop``."""

METAINFO_NAME = "io.github.nightstretch.nightstretch.metainfo.xml"
"""The AppStream file, named after its (reverse-DNS) component id as AppStream requires."""

_ICON_NAME = "nightstretch"
_PROGRAM = "stretch-app"
# Characters that make an Exec argument need double quotes (Desktop Entry spec, "The Exec key").
_RESERVED = frozenset(" \t\n\"'\\><~|&;$*?#()`")
_TOOL_TIMEOUT_S = 30


class DesktopInstallError(Exception):
    """A file could not be written or removed; ``path`` names it and ``done`` lists what was."""

    def __init__(self, action: str, path: Path, reason: str, done: Sequence[Path] = ()) -> None:
        super().__init__(f"cannot {action} {path}: {reason}")
        self.path = path
        self.done = list(done)


@dataclass(frozen=True)
class Placement:
    """One shipped file and where it goes under the data folder."""

    source: Path
    target: Path


def placements(home: Path | None = None) -> list[Placement]:
    """Every file installed, in the order written: icons and metadata first, the launcher last.

    The launcher comes last so that a menu watching the folder finds its icon already there.
    """
    home = data_home() if home is None else home
    assets = paths.assets_dir()
    icons = home / "icons" / "hicolor"
    found = [
        Placement(png, icons / png.parent.parent.name / "apps" / png.name)
        for png in sorted((assets / "icons" / "hicolor").glob(f"*/apps/{_ICON_NAME}.png"))
    ]
    found.append(
        Placement(
            assets / "icons" / f"{_ICON_NAME}.svg",
            icons / "scalable" / "apps" / f"{_ICON_NAME}.svg",
        )
    )
    desktop = assets / "desktop"
    found.append(Placement(desktop / METAINFO_NAME, home / "metainfo" / METAINFO_NAME))
    found.append(Placement(desktop / DESKTOP_ID, home / "applications" / DESKTOP_ID))
    return found


def launch_command() -> list[str]:
    """The command line that starts this install of the app, its program as a full path.

    In order: the ``stretch-app`` this process was started as; the one beside this Python
    (a virtual environment's ``bin``); the one on ``PATH``; else ``python -m stretch_app``.
    Paths are made absolute but symlinks are kept, so a ``~/.local/bin`` link survives the
    reinstall of what it points at.
    """
    started_as = sys.argv[0] if sys.argv else ""
    candidates = []
    if Path(started_as).name == _PROGRAM:
        candidates.append(started_as)
    candidates.append(str(Path(sys.executable).parent / _PROGRAM))
    candidates.append(shutil.which(_PROGRAM) or "")
    for candidate in candidates:
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return [str(Path(candidate).absolute())]
    return [str(Path(sys.executable).absolute()), "-m", "stretch_app"]


def _string_escape(value: str) -> str:
    """Escape a value of type string (backslash, newline, tab, carriage return)."""
    return (
        value.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r")
    )


def exec_value(argv: Sequence[str]) -> str:
    """An ``Exec=`` value that runs ``argv`` as is: quoted, ``%`` doubled, string-escaped."""
    words = []
    for arg in argv:
        word = arg.replace("%", "%%")
        if not word or any(char in _RESERVED for char in word):
            for char in '\\"`$':
                word = word.replace(char, "\\" + char)
            word = f'"{word}"'
        words.append(word)
    # A reader undoes the string escapes first, then the quoting, so they are applied last.
    return _string_escape(" ".join(words))


def launcher_entry(shipped: str, command: Sequence[str]) -> str:
    """The shipped desktop entry with every ``stretch-app`` in Exec/TryExec replaced by ``command``.

    ``Exec=stretch-app --cramp-now`` becomes ``Exec=/full/path/stretch-app --cramp-now``;
    ``TryExec`` names the program alone.
    """
    lines = []
    for line in shipped.splitlines():
        key, sep, value = line.partition("=")
        words = value.split(" ")
        if sep and key.strip() in ("Exec", "TryExec") and words[0] == _PROGRAM:
            if key.strip() == "TryExec":
                value = _string_escape(command[0])
            else:
                value = " ".join([exec_value(command), *words[1:]])
            line = f"{key}={value}"
        lines.append(line)
    return "\n".join(lines) + "\n"


def _check_entry(text: str) -> str | None:
    """What ``desktop-file-validate`` says is wrong with an entry (None: fine, or no validator)."""
    validator = shutil.which("desktop-file-validate")
    if validator is None:
        return None
    with tempfile.TemporaryDirectory(prefix="nightstretch-") as folder:
        entry = Path(folder) / DESKTOP_ID
        entry.write_text(text, encoding="utf-8")
        try:
            result = subprocess.run(
                [validator, str(entry)],
                capture_output=True,
                text=True,
                timeout=_TOOL_TIMEOUT_S,
                check=False,
            )
        except (OSError, subprocess.SubprocessError):
            return None  # the validator itself is broken; the entry may be fine
    if result.returncode == 0:
        return None
    return (result.stdout + result.stderr).strip().replace(str(entry), DESKTOP_ID)


def _write(target: Path, data: bytes) -> None:
    """Write a file whole or not at all (a menu watching the folder never sees half a file)."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)  # an error here names the folder
    except FileExistsError as exc:
        raise OSError(exc.errno, "it is a file, not a folder", exc.filename) from None
    try:
        write_atomically(target, data)
    except OSError as exc:
        raise OSError(exc.errno, exc.strerror, str(target)) from None


def _refresh_caches(home: Path) -> None:
    """Bring the desktop's caches up to date, where they exist; failures are ignored."""
    jobs = (
        ("update-desktop-database", home / "applications", "mimeinfo.cache", ["-q"]),
        (
            "gtk-update-icon-cache",
            home / "icons" / "hicolor",
            "icon-theme.cache",
            ["-q", "-t", "-f"],
        ),
    )
    for tool, folder, cache, options in jobs:
        program = shutil.which(tool)
        if program is None or not (folder / cache).is_file():
            continue
        with contextlib.suppress(OSError, subprocess.SubprocessError):
            subprocess.run(
                [program, *options, str(folder)],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                timeout=_TOOL_TIMEOUT_S,
                check=False,
            )


def install_desktop(home: Path | None = None, command: Sequence[str] | None = None) -> list[Path]:
    """Install the launcher, icons and metadata under ``home`` (the data folder); returns them.

    ``command`` is what the launcher runs (default: :func:`launch_command`). Raises
    :class:`DesktopInstallError` naming the file that could not be written.
    """
    home = data_home() if home is None else home
    command = launch_command() if command is None else list(command)
    written: list[Path] = []
    for placement in placements(home):
        try:
            data = placement.source.read_bytes()
        except OSError as exc:
            raise DesktopInstallError(
                "read", placement.source, exc.strerror or str(exc), written
            ) from None
        if placement.target.name == DESKTOP_ID:
            entry = launcher_entry(data.decode("utf-8"), command)
            problem = _check_entry(entry)
            if problem:
                raise DesktopInstallError("write", placement.target, problem, written)
            data = entry.encode("utf-8")
        try:
            _write(placement.target, data)
        except OSError as exc:
            failed = Path(exc.filename) if exc.filename else placement.target
            raise DesktopInstallError("write", failed, exc.strerror or str(exc), written) from None
        written.append(placement.target)
    _refresh_caches(home)
    return written


def uninstall_desktop(home: Path | None = None) -> list[Path]:
    """Remove what :func:`install_desktop` puts under ``home``; returns the files removed.

    Only those files go; folders stay. Raises :class:`DesktopInstallError` naming the file
    that could not be removed.
    """
    home = data_home() if home is None else home
    removed: list[Path] = []
    for placement in reversed(placements(home)):  # the launcher first
        target = placement.target
        if not (target.is_file() or target.is_symlink()):
            continue
        try:
            target.unlink()
        except FileNotFoundError:
            continue
        except OSError as exc:
            raise DesktopInstallError("remove", target, exc.strerror or str(exc), removed) from None
        removed.append(target)
    if removed:
        _refresh_caches(home)
    return removed
