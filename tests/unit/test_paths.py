"""Our user folders: the quick answer the first paint uses is platformdirs' own answer."""

from __future__ import annotations

from pathlib import Path

import platformdirs
import pytest

from stretch_app import paths

_CASES = {
    "the variable absolute": ("/srv/me/xdg", "/home/me"),
    "the variable with a trailing slash": ("/srv/me/xdg/", "/home/me"),
    "the variable unset": (None, "/home/me"),
    "the variable empty": ("", "/home/me"),
    "the variable relative": ("relative/xdg", "/home/me"),
    "HOME with a trailing slash": (None, "/home/me/"),
    "HOME relative": (None, "relative-home"),
    "HOME unset": (None, None),
}


@pytest.mark.parametrize("case", list(_CASES))
@pytest.mark.parametrize(
    ("variable", "ours", "theirs"),
    [
        ("XDG_CONFIG_HOME", paths.user_config_dir, platformdirs.user_config_path),
        ("XDG_DATA_HOME", paths.user_data_dir, platformdirs.user_data_path),
        ("XDG_CACHE_HOME", paths.user_cache_dir, platformdirs.user_cache_path),
    ],
)
def test_our_folders_are_platformdirs_folders(
    monkeypatch: pytest.MonkeyPatch,
    case: str,
    variable: str,
    ours: object,
    theirs: object,
) -> None:
    value, home = _CASES[case]
    for name, setting in ((variable, value), ("HOME", home)):
        if setting is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, setting)
    assert callable(ours) and callable(theirs)
    assert ours() == theirs(paths.APP_NAME, appauthor=False)


def test_the_everyday_cases_need_no_platformdirs(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The first paint's folders come without importing platformdirs (a few ms)."""
    monkeypatch.setattr(platformdirs, "user_config_path", _never)
    monkeypatch.setattr(platformdirs, "user_data_path", _never)
    monkeypatch.setattr(platformdirs, "user_cache_path", _never)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("XDG_DATA_HOME")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert paths.settings_path() == tmp_path / "config" / "nightstretch" / "settings.toml"
    assert paths.user_data_dir() == tmp_path / ".local" / "share" / "nightstretch"


def _never(*_args: object, **_kwargs: object) -> Path:
    raise AssertionError("platformdirs was asked")
