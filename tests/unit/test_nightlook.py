"""The quick look decision used for the very first paint agrees with the full settings."""

from __future__ import annotations

from datetime import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from stretch_app.core.nightlook import is_night_between, night_look_from_file
from stretch_app.core.settings import Settings, save_settings, uses_night_look


@pytest.mark.parametrize(
    ("starts", "ends", "at", "night"),
    [
        ("19:00", "07:00", time(23, 0), True),
        ("19:00", "07:00", time(6, 59), True),
        ("19:00", "07:00", time(7, 0), False),
        ("19:00", "07:00", time(19, 0), True),
        ("08:00", "17:00", time(12, 0), True),
        ("08:00", "17:00", time(18, 0), False),
        ("10:00", "10:00", time(10, 0), False),
    ],
)
def test_window(starts: str, ends: str, at: time, night: bool) -> None:
    assert is_night_between(starts, ends, at) is night


@given(
    look=st.sampled_from(["auto", "night", "day"]),
    starts=st.times().map(lambda t: f"{t.hour:02d}:{t.minute:02d}"),
    ends=st.times().map(lambda t: f"{t.hour:02d}:{t.minute:02d}"),
    at=st.times(),
)
def test_file_guess_matches_the_settings_rule(
    tmp_path_factory: pytest.TempPathFactory, look: str, starts: str, ends: str, at: time
) -> None:
    settings = Settings(look=look, night_starts=starts, night_ends=ends)  # type: ignore[arg-type]
    path = tmp_path_factory.mktemp("s") / "settings.toml"
    save_settings(settings, path)
    assert night_look_from_file(path, at) is uses_night_look(settings, at)


def test_a_missing_or_broken_file_means_the_defaults(tmp_path: Path) -> None:
    assert night_look_from_file(tmp_path / "none.toml", time(23, 0)) is True
    broken = tmp_path / "broken.toml"
    broken.write_bytes(b'look = "day\n\xff')
    assert night_look_from_file(broken, time(12, 0)) is False
    odd = tmp_path / "odd.toml"
    odd.write_text('look = "purple"\nnight_starts = "25:99"\n')
    assert night_look_from_file(odd, time(20, 0)) is True


def test_high_contrast_wins_for_the_first_paint(tmp_path: Path) -> None:
    from stretch_app.core.nightlook import look_name_from_file

    path = tmp_path / "settings.toml"
    path.write_text('look = "day"\nhigh_contrast = true\n')
    assert look_name_from_file(path, time(12, 0)) == "high-contrast-day"
    path.write_text('look = "auto"\nhigh_contrast = true\n')
    assert look_name_from_file(path, time(12, 0)) == "high-contrast"
    path.write_text('look = "day"\nhigh_contrast = "yes"\n')  # not a boolean: ignored
    assert look_name_from_file(path, time(12, 0)) == "day"
    assert look_name_from_file(tmp_path / "missing.toml", time(23, 0)) == "night"


@pytest.mark.parametrize("content", ["", 'look = "sideways"\nnight_starts = 7\nlanguage = 3\n'])
def test_quick_readers_fall_back_to_the_settings_models_defaults(
    tmp_path: Path, content: str
) -> None:
    """A file without usable values reads, before pydantic, as the model's own defaults."""
    from stretch_app.core.language import language_from_file

    path = tmp_path / "settings.toml"
    path.write_text(content, encoding="utf-8")
    defaults = Settings()
    assert language_from_file(path) == defaults.language
    for hour in range(24):
        for minute in (0, 30, 59):
            at = time(hour, minute)
            assert night_look_from_file(path, at) is uses_night_look(defaults, at), at


@pytest.mark.parametrize(("hour", "look"), [(23, "night"), (12, "day")])
def test_the_first_paint_reads_the_local_clock_itself(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hour: int, look: str
) -> None:
    """No moment given: the local time now (read without ``datetime``, for the first paint)."""
    import time as clock

    from stretch_app.core import nightlook

    at = clock.struct_time((2026, 11, 29, hour, 30, 0, 6, 333, 0))
    monkeypatch.setattr(nightlook, "localtime", lambda: at)
    assert nightlook.look_name_from_file(tmp_path / "none.toml") == look
