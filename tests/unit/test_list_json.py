"""``stretch-app list --json``: what outside tools read (DESIGN.md's command-line contract)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROUTINES


def run(*code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *code], capture_output=True, text=True, timeout=60, env=os.environ.copy()
    )


def test_list_json_names_every_routine_its_source_path_and_length() -> None:
    folder = Path(os.environ["XDG_CONFIG_HOME"]) / "nightstretch" / "routines"
    folder.mkdir(parents=True)
    (folder / "reps.toml").write_text(
        'schema_version = 1\nid = "reps"\nname = "Calf reps"\nget_ready = "5s"\n'
        'switch_legs = "5s"\n[[steps]]\nexercise = "calf-stretch"\nhold = "10s"\n'
        'repeat = 3\nrest_between = "10s"\n',
        encoding="utf-8",
    )
    (folder / "broken.toml").write_text('schema_version = 1\nid = "Bad Id"\n', encoding="utf-8")
    result = run("-m", "stretch_app", "list", "--json")
    assert result.returncode == 0, result.stderr
    rows = {row["id"]: row for row in json.loads(result.stdout)}
    assert rows["reps"] == {
        "id": "reps",
        "name": "Calf reps",
        "kind": "routine",
        "source": "user",
        "path": str(folder / "reps.toml"),
        "duration_s": 5 + 2 * (3 * 10 + 2 * 10) + 5,
    }
    assert rows["bedtime"]["source"] == "bundled"
    assert rows["bedtime"]["path"] == str(ROUTINES / "bedtime.toml")
    # 6 holds of 30 s (the lower front leg is one hold, both heels), get ready, switch legs
    # and rests: the same total the player and the session engine give.
    assert rows["bedtime"]["duration_s"] == 225
    assert rows["cramp-relief"]["kind"] == "relief"
    assert rows["cramp-relief"]["duration_s"] is None
    assert "broken.toml:2: id:" in result.stderr


def test_a_user_copy_of_a_bundled_routine_is_listed_as_the_users() -> None:
    folder = Path(os.environ["XDG_CONFIG_HOME"]) / "nightstretch" / "routines"
    folder.mkdir(parents=True)
    text = (ROUTINES / "bedtime.toml").read_text(encoding="utf-8")
    (folder / "bedtime.toml").write_text(text.replace('"30s"', '"20s"'), encoding="utf-8")
    rows = json.loads(run("-m", "stretch_app", "list", "--json").stdout)
    (bedtime,) = [row for row in rows if row["id"] == "bedtime"]
    assert (bedtime["source"], bedtime["path"]) == ("user", str(folder / "bedtime.toml"))
    assert bedtime["duration_s"] == 225 - 6 * 10  # six holds, each 10 s shorter


def test_list_json_imports_no_qt() -> None:
    result = run(
        "-c",
        "import sys; from stretch_app.cli import main; main(['list', '--json']);"
        "print(sorted(m for m in sys.modules if m.startswith('PySide6')), file=sys.stderr)",
    )
    assert result.returncode == 0
    assert result.stderr.strip() == "[]"
