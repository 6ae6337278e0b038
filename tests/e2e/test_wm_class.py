"""Docks and taskbars group the window under the launcher: WM class and app id match it.

On X11 a dock matches a window's WM_CLASS (class, then instance) against the launcher's
StartupWMClass; KDE and GTK also read the app id Qt puts in ``_KDE_NET_WM_DESKTOP_FILE`` and
``_GTK_APPLICATION_ID``. That id is ``QGuiApplication.desktopFileName``, which QtWayland sends
as the Wayland app id too, so checking it here covers Wayland's grouping as well.
"""

from __future__ import annotations

import configparser
import re
import shlex
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e import test_real_window as real_window
from tests.e2e.test_real_window import REPO, WAIT_S, windows_named
from tests.e2e.test_signals import answers_ping
from tests.e2e.waiting import wait_for

# The private Xvfb server and a session's environment, shared with test_real_window.
display = real_window.display
app_env = real_window.app_env

pytestmark = [
    pytest.mark.xvfb,
    pytest.mark.skipif(
        any(shutil.which(tool) is None for tool in ("Xvfb", "xdotool", "xprop")),
        reason="needs the Xvfb, xdotool and xprop programs (xvfb, xdotool, x11-utils)",
    ),
]

SHIPPED = REPO / "assets" / "desktop" / "nightstretch.desktop"


def desktop_entry(path: Path) -> configparser.RawConfigParser:
    parser = configparser.RawConfigParser(delimiters=("=",), interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read_string(path.read_text(encoding="utf-8"))
    return parser


def exec_argv(value: str) -> list[str]:
    """An Exec value as a command line (string escapes, then quoting, then ``%%``)."""
    unescaped = re.sub(r"\\(.)", lambda m: {"s": " ", "n": "\n", "t": "\t"}.get(m[1], m[1]), value)
    return [word.replace("%%", "%") for word in shlex.split(unescaped)]


def x_property(window: str, name: str, env: dict[str, str]) -> list[str]:
    """The strings of one property of an X window, as ``xprop`` shows them."""
    result = subprocess.run(
        ["xprop", "-id", window, name],
        env=env,
        capture_output=True,
        text=True,
        timeout=WAIT_S,
        check=True,
    )
    return re.findall(r'"((?:[^"\\]|\\.)*)"', result.stdout)


def window_ids_of(command: list[str], env: dict[str, str]) -> dict[str, list[str]]:
    """Start the app with ``command``, and read its main window's class and app id."""
    app = subprocess.Popen(
        command,
        env=env,
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        windows = windows_named("Nightstretch", env, sync=True)
        assert app.poll() is None, app.communicate()[0]
        # Mapped is not started: the window is painted before the rest loads. The app answers
        # a hand-over only once its event loop runs, so the SIGTERM below meets a started app.
        wait_for(lambda: answers_ping(env), "the app to answer", process=app)
        assert len(windows) == 1
        (window,) = windows
        found = {
            name: x_property(window, name, env)
            for name in ("WM_CLASS", "_GTK_APPLICATION_ID", "_KDE_NET_WM_DESKTOP_FILE")
        }
    finally:
        if app.poll() is None:
            app.send_signal(signal.SIGTERM)
        try:
            output, _ = app.communicate(timeout=WAIT_S)
        except subprocess.TimeoutExpired:
            app.kill()
            output, _ = app.communicate()
    assert app.returncode == 0, output
    return found


def assert_grouped_under_the_launcher(found: dict[str, list[str]]) -> None:
    entry = desktop_entry(SHIPPED)["Desktop Entry"]
    wm_class = entry["StartupWMClass"]
    desktop_id = SHIPPED.name.removesuffix(".desktop")
    assert found["WM_CLASS"] == [wm_class, wm_class]  # instance and class
    assert found["_GTK_APPLICATION_ID"] == [desktop_id]
    assert found["_KDE_NET_WM_DESKTOP_FILE"] == [desktop_id]


@pytest.mark.slow
def test_python_dash_m_window_matches_the_launcher(app_env: dict[str, str]) -> None:
    assert_grouped_under_the_launcher(window_ids_of([sys.executable, "-m", "stretch_app"], app_env))


@pytest.mark.slow
def test_the_installed_launchers_window_matches_it(app_env: dict[str, str]) -> None:
    """Install the launcher, then start the app exactly as its Exec line says."""
    script = Path(sys.executable).parent / "stretch-app"
    if not script.is_file():
        pytest.skip("needs the stretch-app console script (pip install -e .)")
    done = subprocess.run(
        [str(script), "install-desktop"],
        env=app_env,
        capture_output=True,
        text=True,
        timeout=WAIT_S,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    data_home = Path(app_env["XDG_DATA_HOME"])
    installed = desktop_entry(data_home / "applications" / "nightstretch.desktop")
    command = exec_argv(installed["Desktop Entry"]["Exec"])
    assert command == [str(script)]
    assert_grouped_under_the_launcher(window_ids_of(command, app_env))
