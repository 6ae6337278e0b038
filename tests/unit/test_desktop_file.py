"""The desktop launcher and the AppStream metadata: both valid by their validators.

The launcher has a "Cramp now" action and names the window's WM class; the metadata describes
the app for software centres and points at that launcher.
"""

from __future__ import annotations

import configparser
import re
import shutil
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from urllib.parse import urlparse

import pytest

from stretch_app import __version__
from tests.conftest import ASSETS, REPO

DESKTOP_FILE = ASSETS / "desktop" / "nightstretch.desktop"
METAINFO_FILE = ASSETS / "desktop" / "io.github.nightstretch.nightstretch.metainfo.xml"


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
    assert main["GenericName"]
    assert main["Comment"]
    assert "Utility" in main["Categories"].split(";")
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


def metainfo() -> ET.Element:
    return ET.parse(METAINFO_FILE).getroot()


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="needs appstream")
def test_appstream_accepts_the_metadata() -> None:
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", "--pedantic", str(METAINFO_FILE)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_metadata_names_the_launcher_and_matches_the_project() -> None:
    root = metainfo()
    assert root.tag == "component"
    assert root.get("type") == "desktop-application"
    component_id = root.findtext("id")
    assert METAINFO_FILE.name == f"{component_id}.metainfo.xml"  # AppStream wants them equal
    launchable = root.find("launchable")
    assert launchable is not None
    assert launchable.get("type") == "desktop-id"
    assert launchable.text == DESKTOP_FILE.name
    assert root.findtext("icon") == read_entry()["Desktop Entry"]["Icon"]
    assert root.findtext("name") == "Nightstretch"
    assert root.findtext("summary")
    assert root.findtext("metadata_license") == "CC0-1.0"
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert root.findtext("project_license") == project["license"]
    assert root.findtext("developer_name")
    assert root.find("developer") is None  # AppStream 1.0 syntax; 0.16 wants developer_name
    rating = root.find("content_rating")
    assert rating is not None
    assert rating.get("type") == "oars-1.1"
    assert list(rating) == []  # no violence, no data sharing, nothing to rate


def test_the_latest_release_is_this_version() -> None:
    releases = metainfo().findall("releases/release")
    assert releases, "no <release>"
    assert releases[0].get("version") == __version__
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", releases[0].get("date") or "")


def test_the_description_says_what_the_app_does_and_is_not() -> None:
    description = metainfo().find("description")
    assert description is not None
    text = " ".join(" ".join(description.itertext()).split())
    for muscle in ("calf", "lower front leg", "hamstring", "quad"):
        assert muscle in text
    assert "Cramp now" in text
    assert "reminders" in text
    assert "diary" in text
    assert "doctor" in text
    assert "not medical advice" in text


def test_every_screenshot_is_one_of_ours() -> None:
    """Each image URL ends in a file of docs/screenshots/, and the sizes given are its own."""
    screenshots = metainfo().findall("screenshots/screenshot")
    assert len(screenshots) >= 3
    assert [s.get("type") for s in screenshots].count("default") == 1
    for screenshot in screenshots:
        assert screenshot.findtext("caption")
        image = screenshot.find("image")
        assert image is not None
        assert image.text is not None
        url = urlparse(image.text)
        assert url.scheme == "https"
        name = url.path.rsplit("/", 1)[-1]
        assert url.path.endswith(f"/docs/screenshots/{name}")
        shot = REPO / "docs" / "screenshots" / name
        assert shot.is_file(), shot
        header = shot.read_bytes()[:24]
        assert header.startswith(b"\x89PNG\r\n\x1a\n")
        width, height = int.from_bytes(header[16:20], "big"), int.from_bytes(header[20:24], "big")
        assert (image.get("width"), image.get("height")) == (str(width), str(height)), name
