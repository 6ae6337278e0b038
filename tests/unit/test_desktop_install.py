"""`stretch-app install-desktop` / `uninstall-desktop`: a launcher for a pip user, and back.

Everything happens in the test's private home (conftest points HOME and XDG_* there).
"""

from __future__ import annotations

import configparser
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from stretch_app import __version__, desktop_install
from stretch_app.cli import main
from stretch_app.desktop_install import (
    DESKTOP_ID,
    METAINFO_NAME,
    data_home,
    exec_value,
    install_desktop,
    launch_command,
    launcher_entry,
    uninstall_desktop,
)
from tests.conftest import ASSETS, REPO

SHIPPED_ENTRY = ASSETS / "desktop" / DESKTOP_ID
SIZES = sorted(p.parent.parent.name for p in (ASSETS / "icons" / "hicolor").glob("*/apps/*.png"))
needs_validator = pytest.mark.skipif(
    shutil.which("desktop-file-validate") is None, reason="needs desktop-file-utils"
)


def data() -> Path:
    return Path(os.environ["XDG_DATA_HOME"])


def expected_files() -> list[Path]:
    home = data()
    icons = home / "icons" / "hicolor"
    return [
        *(icons / size / "apps" / "nightstretch.png" for size in SIZES),
        icons / "scalable" / "apps" / "nightstretch.svg",
        home / "metainfo" / METAINFO_NAME,
        home / "applications" / DESKTOP_ID,
    ]


def files_under(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*") if not p.is_dir()}


def read_entry(path: Path) -> configparser.RawConfigParser:
    parser = configparser.RawConfigParser(delimiters=("=",), interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read_string(path.read_text(encoding="utf-8"))
    return parser


def exec_argv(value: str) -> list[str]:
    """An Exec value as a command line, read as the Desktop Entry spec says: first the
    string escapes, then the double quotes (inside them a backslash escapes the characters
    double quote, backtick, dollar and backslash), then a doubled percent sign is one."""
    unescaped = re.sub(
        r"\\(.)", lambda m: {"s": " ", "n": "\n", "t": "\t", "r": "\r"}.get(m[1], m[1]), value
    )
    words: list[str] = []
    for match in re.finditer(r'"((?:[^"\\]|\\[`$"\\])*)"|([^\s"]+)', unescaped):
        quoted, bare = match.groups()
        word = re.sub(r"\\([`$\"\\])", r"\1", quoted) if quoted is not None else bare
        words.append(word.replace("%%", "%"))
    return words


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "stretch_app", *args],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=REPO,
        env=os.environ.copy(),
        check=False,
    )


def test_data_home_follows_xdg_and_falls_back_to_local_share(
    private_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert data_home() == private_home / ".local" / "share"
    monkeypatch.setenv("XDG_DATA_HOME", str(private_home / "elsewhere"))
    assert data_home() == private_home / "elsewhere"
    for ignored in ("", "relative/share"):  # the XDG spec: not absolute means unset
        monkeypatch.setenv("XDG_DATA_HOME", ignored)
        assert data_home() == private_home / ".local" / "share"
    monkeypatch.delenv("XDG_DATA_HOME")
    assert data_home() == private_home / ".local" / "share"


def test_round_trip_through_main(private_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = files_under(private_home)
    assert main(["install-desktop"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    wanted = expected_files()
    assert out.splitlines() == [f"installed {path}" for path in wanted]
    assert files_under(private_home) == before | set(wanted)  # nothing else, no caches
    for size in SIZES:
        icon = data() / "icons" / "hicolor" / size / "apps" / "nightstretch.png"
        assert (
            icon.read_bytes()
            == (ASSETS / "icons" / "hicolor" / size / "apps" / icon.name).read_bytes()
        )
    svg = data() / "icons" / "hicolor" / "scalable" / "apps" / "nightstretch.svg"
    assert svg.read_bytes() == (ASSETS / "icons" / "nightstretch.svg").read_bytes()
    metainfo = data() / "metainfo" / METAINFO_NAME
    assert metainfo.read_bytes() == (ASSETS / "desktop" / METAINFO_NAME).read_bytes()

    # Twice is fine, and writes the same files.
    assert main(["install-desktop"]) == 0
    assert capsys.readouterr().out == out

    assert main(["uninstall-desktop"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert sorted(out.splitlines()) == sorted(f"removed {path}" for path in wanted)
    assert files_under(private_home) == before
    assert (data() / "applications").is_dir()  # folders stay: they may hold other programs'

    assert main(["uninstall-desktop"]) == 0
    out, _ = capsys.readouterr()
    assert out.startswith("nothing to remove")


def test_the_installed_launcher_starts_this_install(private_home: Path) -> None:
    install_desktop()
    installed = data() / "applications" / DESKTOP_ID
    entry = read_entry(installed)
    shipped = read_entry(SHIPPED_ENTRY)
    # Everything but the command lines is as shipped.
    for group in shipped.sections():
        for key, value in shipped[group].items():
            if key not in ("Exec", "TryExec"):
                assert entry[group][key] == value, (group, key)
    command = exec_argv(entry["Desktop Entry"]["Exec"])
    assert command == launch_command()
    assert Path(command[0]).is_absolute()
    assert os.access(command[0], os.X_OK)
    assert entry["Desktop Entry"]["TryExec"] == command[0]
    assert exec_argv(entry["Desktop Action cramp-now"]["Exec"]) == [*command, "--cramp-now"]
    version = subprocess.run(
        [*command, "--version"], capture_output=True, text=True, timeout=60, check=False
    )
    assert version.returncode == 0, version.stderr
    assert version.stdout.strip() == f"stretch-app {__version__}"


@needs_validator
def test_the_installed_launcher_validates(private_home: Path) -> None:
    install_desktop()
    result = subprocess.run(
        ["desktop-file-validate", str(data() / "applications" / DESKTOP_ID)],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout + result.stderr == ""


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="needs appstream")
def test_the_installed_metadata_and_launcher_validate_together(
    private_home: Path, tmp_path: Path
) -> None:
    """As a software centre sees them: the metainfo names the launcher, and it is there."""
    install_desktop()
    root = tmp_path / "root"
    (root / "usr").mkdir(parents=True)
    (root / "usr" / "share").symlink_to(data())
    result = subprocess.run(
        ["appstreamcli", "validate-tree", "--no-net", "--pedantic", str(root)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    uninstall_desktop()
    result = subprocess.run(
        ["appstreamcli", "validate-tree", "--no-net", str(root)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert "io.github.nightstretch.nightstretch" not in result.stdout  # no metainfo left


def test_round_trip_through_the_command(private_home: Path) -> None:
    installed = run_cli("install-desktop")
    assert installed.returncode == 0, installed.stderr
    assert installed.stdout.splitlines() == [f"installed {path}" for path in expected_files()]
    assert all(path.is_file() for path in expected_files())
    removed = run_cli("uninstall-desktop")
    assert removed.returncode == 0, removed.stderr
    assert len(removed.stdout.splitlines()) == len(expected_files())
    assert not any(path.exists() for path in expected_files())


def test_the_console_script_installs_itself(private_home: Path) -> None:
    script = Path(sys.executable).parent / "stretch-app"
    if not script.is_file():
        pytest.skip("needs the stretch-app console script (pip install -e .)")
    result = subprocess.run(
        [str(script), "install-desktop"],
        capture_output=True,
        text=True,
        timeout=60,
        env=os.environ.copy(),
        check=False,
    )
    assert result.returncode == 0, result.stderr
    entry = read_entry(data() / "applications" / DESKTOP_ID)
    assert exec_argv(entry["Desktop Entry"]["Exec"]) == [str(script)]


def test_the_commands_never_import_qt(private_home: Path) -> None:
    probe = (
        "import sys\n"
        "from stretch_app.cli import main\n"
        "assert main(['install-desktop']) == 0\n"
        "assert main(['uninstall-desktop']) == 0\n"
        "qt = sorted(m for m in sys.modules if m.startswith('PySide6'))\n"
        "assert not qt, qt\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=REPO,
        env=os.environ.copy(),
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_uninstall_removes_only_ours(private_home: Path) -> None:
    install_desktop()
    theirs = [
        data() / "applications" / "someone-else.desktop",
        data() / "icons" / "hicolor" / "48x48" / "apps" / "someone-else.png",
        data() / "metainfo" / "org.example.Other.metainfo.xml",
        data() / "icons" / "hicolor" / "48x48" / "apps" / "nightstretch-extra.png",
    ]
    for path in theirs:
        path.write_text("not ours")
    uninstall_desktop()
    assert all(path.read_text() == "not ours" for path in theirs)
    assert not any(path.exists() for path in expected_files())


def test_an_unwritable_folder_is_named_with_exit_1(
    private_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocked = data() / "applications"
    blocked.write_text("a file where the folder should be")  # blocks even root
    assert main(["install-desktop"]) == 1
    out, err = capsys.readouterr()
    assert f"cannot write {blocked}: it is a file, not a folder" in err
    assert "uninstall-desktop" in err  # how to take back what was written before the failure
    assert "Traceback" not in err
    assert len(out.splitlines()) == len(expected_files()) - 1  # all but the launcher

    result = run_cli("install-desktop")
    assert result.returncode == 1
    assert str(blocked) in result.stderr
    assert "Traceback" not in result.stderr

    blocked.unlink()
    (data() / "applications" / DESKTOP_ID).mkdir(parents=True)
    assert main(["install-desktop"]) == 1
    err = capsys.readouterr().err
    assert f"cannot write {data() / 'applications' / DESKTOP_ID}: " in err
    assert not list((data() / "applications").glob(".*.tmp"))  # no half-written file left


def test_a_file_that_cannot_be_removed_is_named_with_exit_1(
    private_home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    install_desktop()
    stuck = data() / "metainfo" / METAINFO_NAME
    real_unlink = Path.unlink

    def unlink(self: Path, missing_ok: bool = False) -> None:
        if self == stuck:
            raise PermissionError(13, "Permission denied", str(self))
        real_unlink(self, missing_ok=missing_ok)

    monkeypatch.setattr(Path, "unlink", unlink)
    assert main(["uninstall-desktop"]) == 1
    out, err = capsys.readouterr()
    assert err.strip() == f"stretch-app: cannot remove {stuck}: Permission denied"
    assert out.splitlines() == [f"removed {data() / 'applications' / DESKTOP_ID}"]


def test_launch_command_prefers_the_script_it_was_started_as(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    script = bin_dir / "stretch-app"
    script.write_text("#!/bin/sh\n")
    script.chmod(0o755)
    python = tmp_path / "python" / "python3"
    monkeypatch.setattr(sys, "executable", str(python))
    monkeypatch.setenv("PATH", "")
    monkeypatch.chdir(bin_dir)
    monkeypatch.setattr(sys, "argv", ["./stretch-app", "install-desktop"])
    assert launch_command() == [str(script)]  # made absolute
    # Started as `python -m stretch_app`: the script beside this Python, else on PATH...
    monkeypatch.setattr(sys, "argv", [str(REPO / "stretch_app" / "__main__.py")])
    monkeypatch.setenv("PATH", str(bin_dir))
    assert launch_command() == [str(script)]
    # ... else this Python runs the package.
    monkeypatch.setenv("PATH", "")
    assert launch_command() == [str(python), "-m", "stretch_app"]


def test_without_a_script_the_launcher_runs_python_dash_m(private_home: Path) -> None:
    python = Path(sys.executable)
    install_desktop(command=[str(python), "-m", "stretch_app"])
    entry = read_entry(data() / "applications" / DESKTOP_ID)["Desktop Entry"]
    assert exec_argv(entry["Exec"]) == [str(python), "-m", "stretch_app"]
    assert entry["TryExec"] == str(python)


ODD_FOLDERS = ["with space", "dollar$HOME", 'double"quote', "single'quote", "back\\slash", "tick`s"]


@pytest.mark.parametrize("folder", ODD_FOLDERS)
def test_exec_quoting_survives_odd_paths(folder: str) -> None:
    program = f"/opt/{folder}/stretch-app"
    assert exec_argv(exec_value([program, "--cramp-now"])) == [program, "--cramp-now"]
    assert exec_value(["/usr/bin/stretch-app"]) == "/usr/bin/stretch-app"  # plain stays plain
    assert exec_value(["/opt/100%/stretch-app"]) == "/opt/100%%/stretch-app"


@needs_validator
def test_an_entry_for_an_odd_path_validates(tmp_path: Path) -> None:
    program = tmp_path / "".join(ODD_FOLDERS) / "stretch-app"
    entry = tmp_path / DESKTOP_ID
    entry.write_text(launcher_entry(SHIPPED_ENTRY.read_text(encoding="utf-8"), [str(program)]))
    result = subprocess.run(
        ["desktop-file-validate", str(entry)], capture_output=True, text=True, timeout=30
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.skipif(shutil.which("gio") is None, reason="needs GLib's gio tool")
def test_glib_starts_the_program_at_an_odd_path(tmp_path: Path, qtbot: QtBot) -> None:
    """GLib (GNOME, Xfce, Cinnamon menus) parses the Exec line back to the very program."""
    folder = tmp_path / "odd \"'$\\`x; (a)|&<>~*?#"
    folder.mkdir()
    said = tmp_path / "said"
    program = folder / "stretch-app"
    program.write_text(
        f'#!/bin/sh\nprintf "%s\\n" "$0" "$@" > "{said}.tmp" && mv "{said}.tmp" "{said}"\n'
    )
    program.chmod(0o755)
    entry = tmp_path / DESKTOP_ID
    entry.write_text(launcher_entry(SHIPPED_ENTRY.read_text(encoding="utf-8"), [str(program)]))
    result = subprocess.run(
        ["gio", "launch", str(entry)], capture_output=True, text=True, timeout=30, check=False
    )
    assert result.returncode == 0, result.stderr
    qtbot.waitUntil(said.exists, timeout=10_000)  # gio launch returns before the program ran
    assert said.read_text().splitlines() == [str(program)]


def test_caches_are_refreshed_when_they_exist_and_never_created(private_home: Path) -> None:
    install_desktop()
    assert not (data() / "applications" / "mimeinfo.cache").exists()
    assert not (data() / "icons" / "hicolor" / "icon-theme.cache").exists()
    tool = shutil.which("gtk-update-icon-cache")
    if tool is None:
        return
    hicolor = data() / "icons" / "hicolor"
    uninstall_desktop()
    (hicolor / "48x48" / "apps" / "someone-else.png").write_bytes(
        (ASSETS / "icons" / "hicolor" / "48x48" / "apps" / "nightstretch.png").read_bytes()
    )
    subprocess.run([tool, "-q", "-t", str(hicolor)], check=True, timeout=30)
    cache = hicolor / "icon-theme.cache"
    assert b"nightstretch" not in cache.read_bytes()
    install_desktop()
    assert b"nightstretch" in cache.read_bytes()
    uninstall_desktop()
    assert b"nightstretch" not in cache.read_bytes()
    assert cache.is_file()  # not ours to remove


def test_every_shipped_file_is_placed() -> None:
    sources = {placement.source for placement in desktop_install.placements()}
    assert SHIPPED_ENTRY in sources
    assert ASSETS / "desktop" / METAINFO_NAME in sources
    assert set((ASSETS / "icons" / "hicolor").glob("*/apps/nightstretch.png")) <= sources
    assert all(source.is_file() for source in sources)
    assert "16x16" in SIZES and "128x128" in SIZES  # a tray and a launcher
