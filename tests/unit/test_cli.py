"""The command line as a person types it: list, validate, schema, --version."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from stretch_app import __version__
from stretch_app.cli import main
from tests.conftest import ROUTINES


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "stretch_app", *args],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=cwd,
        env=os.environ.copy(),
    )


def test_list_shows_both_bundled_routines_with_durations(tmp_path: Path) -> None:
    result = run_cli("list", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split()[0] == "bedtime"
    assert "3 min 45 s" in lines[0]
    assert lines[1].startswith("cramp-relief")
    assert "open-ended" in lines[1]
    assert result.stderr == ""


def test_list_includes_user_routines_and_names_skipped_files(
    private_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = Path(os.environ["XDG_CONFIG_HOME"]) / "nightstretch" / "routines"
    folder.mkdir(parents=True)
    (folder / "mine.toml").write_text(
        'schema_version = 1\nid = "mine"\nname = "Quick calves"\n'
        '[[steps]]\nexercise = "calf-stretch"\nhold = "20s"\n'
    )
    (folder / "broken.toml").write_text('schema_version = 1\nid = "Bad Id"\n')
    assert main(["list"]) == 0
    out, err = capsys.readouterr()
    mine = next(line for line in out.splitlines() if line.startswith("mine"))
    assert "Quick calves" in mine
    assert "yours" in mine
    assert "broken.toml:2: id:" in err


def test_validate_accepts_every_shipped_file() -> None:
    files = sorted(str(p) for p in ROUTINES.glob("*.toml"))
    assert len(files) == 3
    result = run_cli("validate", *files)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_validate_reports_located_problems_and_exit_1(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(
        'schema_version = 1\nid = "late"\nname = "Late"\n'
        '[[reminders]]\nat = "25:99"\n[[steps]]\nexercise = "nope"\n'
    )
    result = run_cli("validate", str(bad))
    assert result.returncode == 1
    assert f"{bad}:5: reminders[0].at: '25:99' is not a time of day" in result.stdout
    assert "Traceback" not in result.stderr


def test_schema_is_json_for_routines_and_catalogs() -> None:
    result = run_cli("schema")
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    assert set(schema["$defs"]) >= {"Routine", "Catalog", "Step", "Exercise", "Reminder"}
    assert schema["$defs"]["Routine"]["additionalProperties"] is False


def test_version() -> None:
    result = run_cli("--version")
    assert result.stdout.strip() == f"stretch-app {__version__}"


def test_start_options_are_accepted_together_but_not_both_starts() -> None:
    result = run_cli("--routine", "bedtime", "--cramp-now")
    assert result.returncode == 2
    assert "not allowed with" in result.stderr


def test_cached_answers_follow_edits(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A repeated validate or list is answered from the cache, but never a stale answer."""
    routine = tmp_path / "mine.toml"
    good = 'schema_version = 1\nid = "mine"\nname = "Mine"\n[[steps]]\nexercise = "calf-stretch"\n'
    routine.write_text(good)
    assert main(["validate", str(routine)]) == 0
    assert main(["validate", str(routine)]) == 0
    routine.write_text(good.replace("calf-stretch", "calf-stretcx"))  # same size, new content
    assert main(["validate", str(routine)]) == 1
    assert "unknown exercise 'calf-stretcx'" in capsys.readouterr().out

    assert main(["list"]) == 0
    before = capsys.readouterr().out
    folder = Path(os.environ["XDG_CONFIG_HOME"]) / "nightstretch" / "routines"
    folder.mkdir(parents=True)
    assert main(["list"]) == 0
    assert capsys.readouterr().out == before
    (folder / "mine.toml").write_text(good)
    assert main(["list"]) == 0
    assert "mine" in capsys.readouterr().out


def test_a_damaged_cache_is_recomputed(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list"]) == 0
    first = capsys.readouterr().out
    cache = Path(os.environ["XDG_CACHE_HOME"]) / "nightstretch" / "list.json"
    assert cache.is_file()
    cache.write_text("{not json")
    assert main(["list"]) == 0
    assert capsys.readouterr().out == first
