"""Where bundled data and the user's own files live.

Bundled routines and assets ship inside the wheel under ``stretch_app/_bundled``; in a source
checkout they sit at the top level beside the package. User folders follow the XDG base
directories (through platformdirs), so tests can point them at a temporary folder.
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Callable
from pathlib import Path

from stretch_app.core.language import language_candidates

APP_NAME = "nightstretch"

_PACKAGE_DIR = Path(__file__).resolve().parent

__all__ = [
    "APP_NAME",
    "assets_dir",
    "bundled_routines_dir",
    "config_home",
    "data_home",
    "doctor_rules_path",
    "guidance_path",
    "i18n_dir",
    "journal_path",
    "resolve_picture",
    "settings_path",
    "user_cache_dir",
    "user_config_dir",
    "user_data_dir",
    "user_routines_dir",
]


def _bundled(name: str) -> Path:
    installed = _PACKAGE_DIR / "_bundled" / name
    if installed.is_dir():
        return installed
    return _PACKAGE_DIR.parent / name


def bundled_routines_dir() -> Path:
    """The folder of routine files shipped with the app."""
    return _bundled("routines")


def assets_dir() -> Path:
    """The folder of pictures, sounds, icons and desktop files shipped with the app."""
    return _bundled("assets")


def _in_language(folder: Path, stem: str, language: str) -> Path:
    """``folder/stem.<lang>.toml`` when that translation ships, else ``folder/stem.toml``."""
    for code in language_candidates(language):
        translated = folder / f"{stem}.{code}.toml"
        if translated.is_file():
            return translated
    return folder / f"{stem}.toml"


def guidance_path(language: str = "") -> Path:
    """The safety guidance and background pages shipped with the app, in ``language`` if we can."""
    return _in_language(assets_dir() / "guidance", "guidance", language)


def doctor_rules_path(language: str = "") -> Path:
    """The "worth seeing a doctor" rules, in ``language`` if we can."""
    return _in_language(assets_dir() / "guidance", "doctor_rules", language)


def i18n_dir() -> Path:
    """The compiled translations (``nightstretch_<lang>.qm``) and the voice's phrase files."""
    return assets_dir() / "i18n"


def config_home() -> Path:
    """``$XDG_CONFIG_HOME`` (``~/.config`` when unset or not absolute), for other apps' files
    such as the autostart entry."""
    from platformdirs import user_config_path

    return user_config_path()


def data_home() -> Path:
    """``$XDG_DATA_HOME`` (``~/.local/share`` when unset or not absolute), where the desktop
    looks for launchers and icons."""
    from platformdirs import user_data_path

    return user_data_path()


def _own_folder(variable: str, default: str, ask_platformdirs: Callable[[], Path]) -> Path:
    """Our folder under ``$variable``, or under ``~/default`` when that is unset or relative.

    platformdirs decides; this answers its two everyday cases without importing it (a few ms
    of the first paint, which needs the settings, the window's size and the style's pictures):
    the variable set to an absolute path, or unset with an absolute ``$HOME``.
    ``tests/unit/test_paths.py`` holds the two to the same answers; anything else (no usable
    ``$HOME``, say) is platformdirs' own.
    """
    value = os.environ.get(variable, "")
    if posixpath.isabs(value):
        return Path(value, APP_NAME)
    if posixpath.isabs(os.environ.get("HOME", "")):
        return Path(f"~/{default}").expanduser() / APP_NAME
    return ask_platformdirs()


def user_config_dir() -> Path:
    """The user's configuration folder (``$XDG_CONFIG_HOME/nightstretch``)."""

    def ask() -> Path:
        from platformdirs import user_config_path

        return user_config_path(APP_NAME, appauthor=False)

    return _own_folder("XDG_CONFIG_HOME", ".config", ask)


def user_data_dir() -> Path:
    """The user's data folder (``$XDG_DATA_HOME/nightstretch``)."""

    def ask() -> Path:
        from platformdirs import user_data_path

        return user_data_path(APP_NAME, appauthor=False)

    return _own_folder("XDG_DATA_HOME", ".local/share", ask)


def user_cache_dir() -> Path:
    """The user's cache folder (``$XDG_CACHE_HOME/nightstretch``); safe to delete."""

    def ask() -> Path:
        from platformdirs import user_cache_path

        return user_cache_path(APP_NAME, appauthor=False)

    return _own_folder("XDG_CACHE_HOME", ".cache", ask)


def user_routines_dir() -> Path:
    """Where the user keeps routine files of their own."""
    return user_config_dir() / "routines"


def settings_path() -> Path:
    """The user's settings file."""
    return user_config_dir() / "settings.toml"


def journal_path() -> Path:
    """The SQLite journal of sessions and cramp episodes."""
    return user_data_dir() / "journal.sqlite3"


def resolve_picture(relative: str | None) -> Path | None:
    """The file a routine's picture names: the user's folder first, then the bundled assets."""
    if not relative:
        return None
    for base in (user_routines_dir(), assets_dir()):
        candidate = base / relative
        if candidate.is_file():
            return candidate
    return None
