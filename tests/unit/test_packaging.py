"""The wheel carries the routines and assets, and the app finds them when installed."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import REPO


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            str(REPO),
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
        ],
        check=True,
        timeout=300,
        capture_output=True,
    )
    (built,) = out.glob("nightstretch-*.whl")
    return built


def test_the_wheel_ships_routines_and_assets(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for expected in (
        "stretch_app/_bundled/routines/bedtime.toml",
        "stretch_app/_bundled/routines/cramp-relief.toml",
        "stretch_app/_bundled/routines/exercises.toml",
        "stretch_app/_bundled/assets/exercises/calf-stretch.svg",
        "stretch_app/_bundled/assets/sounds/hold-start.wav",
        "stretch_app/_bundled/assets/desktop/nightstretch.desktop",
        "stretch_app/_bundled/assets/desktop/io.github.nightstretch.nightstretch.metainfo.xml",
        "stretch_app/_bundled/assets/guidance/guidance.toml",
        "stretch_app/py.typed",
    ):
        assert expected in names


def test_installed_app_lists_routines_from_another_folder(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(site)}
    probe = subprocess.run(
        [
            sys.executable,
            "-c",
            "import stretch_app.paths as p; print(p.bundled_routines_dir()); print(p.assets_dir())",
        ],
        capture_output=True,
        text=True,
        cwd=elsewhere,
        env=env,
        timeout=60,
        check=True,
    )
    routines, assets = probe.stdout.splitlines()
    assert Path(routines).is_relative_to(site)
    assert Path(assets).is_relative_to(site)
    result = subprocess.run(
        [sys.executable, "-m", "stretch_app", "list"],
        capture_output=True,
        text=True,
        cwd=elsewhere,
        env=env,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0].startswith("bedtime")
    assert "3 min 45 s" in result.stdout
    assert "cramp-relief" in result.stdout
