"""Hostile routine files at the command line: thousands of errors, and names that hold escapes."""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter
from pathlib import Path
from types import FrameType
from typing import Any

import pytest

from stretch_app.core import tomlfile
from stretch_app.core.library import MAX_PROBLEMS_PER_FILE, load_library, validate_files
from tests.conftest import ROUTINES


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "stretch_app", *args],
        capture_output=True,
        text=True,
        timeout=300,  # a hang guard only: the quadratic check took minutes here
        env=os.environ.copy(),
    )


def many_errors_file(path: Path, errors: int) -> Path:
    """A routine whose every step has five errors: no exercise, and four unknown keys."""
    steps = "{a=1,b=1,c=1,d=1},\n" * (errors // 5)
    path.write_text(f'schema_version = 1\nid = "many"\nname = "Many"\nsteps = [\n{steps}]\n')
    return path


def user_routines() -> Path:
    folder = Path(os.environ["XDG_CONFIG_HOME"]) / "nightstretch" / "routines"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_validate_prints_a_capped_list_of_twelve_thousand_problems(tmp_path: Path) -> None:
    path = many_errors_file(tmp_path / "many.toml", 12_000)
    result = run_cli("validate", str(path))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert len(lines) == MAX_PROBLEMS_PER_FILE + 1
    assert all(line.startswith(f"{path}:") for line in lines)
    assert lines[-1].endswith("file: …and 11,990 more problems in this file")


def test_list_and_the_library_cap_the_problems_of_each_file() -> None:
    many_errors_file(user_routines() / "many.toml", 12_000)
    library = load_library([user_routines()])
    assert len(library.problems) == MAX_PROBLEMS_PER_FILE + 1  # what the app's notice shows
    result = run_cli("list")
    assert result.returncode == 0
    skipped = [line for line in result.stderr.splitlines() if line.startswith("skipped:")]
    assert len(skipped) == MAX_PROBLEMS_PER_FILE + 1
    assert "…and 11,990 more problems" in skipped[-1]
    assert result.stdout.splitlines()[0].startswith("bedtime")  # the rest still listed


def _calls_to_check(path: Path) -> int:
    """Python-level calls made while checking ``path``: a count, not a time, so never flaky."""
    calls: Counter[str] = Counter()

    def count(frame: FrameType, event: str, arg: Any) -> None:
        if event == "call":
            calls["call"] += 1

    sys.setprofile(count)
    try:
        validate_files([path])
    finally:
        sys.setprofile(None)
    return calls["call"]


def test_checking_grows_linearly_with_the_number_of_errors(tmp_path: Path) -> None:
    small = _calls_to_check(many_errors_file(tmp_path / "small.toml", 1_000))
    large = _calls_to_check(many_errors_file(tmp_path / "large.toml", 4_000))
    # Four times the errors: linear work is about four times the calls, quadratic sixteen.
    assert large < 6 * small, (small, large)


def test_list_prints_each_name_on_one_line_without_escapes() -> None:
    (user_routines() / "evil.toml").write_text(
        'schema_version = 1\nid = "evil"\n'
        'name = "Red\\u001b[31m alert\\u001b]0;owned\\u0007\\nsecond line\\r\\u009b2J"\n'
        '[[steps]]\nexercise = "calf-stretch"\nhold = "20s"\n'
    )
    result = run_cli("list")
    assert result.returncode == 0, result.stderr
    assert not any(char in result.stdout for char in "\x1b\x07\r\x9b")
    lines = result.stdout.splitlines()
    evil = [line for line in lines if line.startswith("evil")]
    assert len(evil) == 1 and "second line" in evil[0] and "yours" in evil[0]
    assert len(lines) == 3  # bedtime, cramp-relief and evil: one line each


def test_the_line_index_is_built_only_for_a_file_with_problems(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    scanned: list[str] = []
    real = tomlfile._index_lines
    monkeypatch.setattr(tomlfile, "_index_lines", lambda text: scanned.append(text) or real(text))
    library = load_library([ROUTINES])
    assert library.routines and not library.problems
    assert scanned == []  # every shipped file is fine: no file was scanned for lines
    bad = many_errors_file(tmp_path / "bad.toml", 10)
    problems = validate_files([bad], catalogs_from=[ROUTINES])
    assert problems and problems[0].line == 4
    assert len(scanned) == 1
