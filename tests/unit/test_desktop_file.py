"""The desktop launcher: valid by the freedesktop validator, with a "Cramp now" action."""

from __future__ import annotations

import configparser
import shutil
import subprocess

import pytest

from tests.conftest import ASSETS

DESKTOP_FILE = ASSETS / "desktop" / "nightstretch.desktop"


def read_entry() -> configparser.RawConfigParser:
    parser = configparser.RawConfigParser(delimiters=("=",), interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read_string(DESKTOP_FILE.read_text(encoding="utf-8"))
    return parser


@pytest.mark.skipif(
    shutil.which("desktop-file-validate") is None, reason="needs desktop-file-utils"
)
def test_the_validator_accepts_it() -> None:
    result = subprocess.run(
        ["desktop-file-validate", str(DESKTOP_FILE)],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout + result.stderr


def test_it_starts_the_app_and_offers_cramp_now() -> None:
    entry = read_entry()
    main = entry["Desktop Entry"]
    assert main["Type"] == "Application"
    assert main["Name"] == "Nightstretch"
    assert main["Exec"] == "stretch-app"
    assert main["Icon"] == "nightstretch"
    assert main["StartupWMClass"] == "nightstretch"  # QApplication.setDesktopFileName's value
    assert "cramp" in main["Keywords"].split(";")
    assert main["Actions"].rstrip(";").split(";") == ["cramp-now"]
    action = entry["Desktop Action cramp-now"]
    assert action["Name"] == "Cramp now"
    assert action["Exec"] == "stretch-app --cramp-now"


def test_the_icon_it_names_is_shipped() -> None:
    assert (ASSETS / "icons" / "hicolor" / "48x48" / "apps" / "nightstretch.png").is_file()
    assert (ASSETS / "icons" / "nightstretch.svg").is_file()
