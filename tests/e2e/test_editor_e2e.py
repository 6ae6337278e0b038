"""A routine made in the editor of the real app, on a real X server, typed with the keyboard."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.test_real_window import (
    REPO,
    WAIT_S,
    Display,
    app_env,  # noqa: F401  (a fixture)
    display,  # noqa: F401  (a fixture)
    hand_over,
    stretch_app,
    windows_named,
)
from tests.e2e.waiting import wait_for

pytestmark = [
    pytest.mark.xvfb,
    pytest.mark.slow,
    pytest.mark.skipif(
        shutil.which("Xvfb") is None or shutil.which("xdotool") is None,
        reason="needs the Xvfb and xdotool programs",
    ),
]


def xdotool(env: dict[str, str], *args: str) -> str:
    result = subprocess.run(
        ["xdotool", *args], env=env, capture_output=True, text=True, timeout=WAIT_S, check=True
    )
    return result.stdout


def keys(env: dict[str, str], *names: str) -> None:
    for name in names:
        xdotool(env, "key", "--delay", "50", name)


@pytest.fixture
def running_app(app_env: dict[str, str]) -> Iterator[subprocess.Popen[str]]:  # noqa: F811
    app = subprocess.Popen(
        stretch_app(),
        env=app_env,
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        yield app
    finally:
        if app.poll() is None:
            app.send_signal(signal.SIGTERM)
        try:
            app.communicate(timeout=WAIT_S)
        except subprocess.TimeoutExpired:
            app.kill()
            app.communicate()


def test_a_routine_made_in_the_editor_is_listed_and_plays(
    app_env: dict[str, str],  # noqa: F811
    display: Display,  # noqa: F811
    running_app: subprocess.Popen[str],
) -> None:
    (window,) = windows_named("Nightstretch", app_env, sync=True)
    xdotool(app_env, "windowfocus", "--sync", window)
    # From Cramp now (focused at start): the card's Start, Reminders…, Edit…, then New routine…
    keys(app_env, "Tab", "Tab", "Tab", "Tab", "Return")
    # Each look at the screen runs xdotool: a tenth of a second apart is soon enough.
    wait_for(
        lambda: windows_named("New routine", app_env),
        "the editor",
        process=running_app,
        interval=0.1,
    )
    xdotool(app_env, "type", "--delay", "30", "Night calves")
    keys(app_env, "Insert")  # the exercise picker, on its first exercise
    wait_for(
        lambda: windows_named("Add an exercise", app_env),
        "the exercise picker",
        process=running_app,
        interval=0.1,
    )
    keys(app_env, "Return")
    wait_for(
        lambda: not windows_named("Add an exercise", app_env),
        "the picker to close",
        process=running_app,
        interval=0.1,
    )
    # Bare Xvfb has no window manager to give the focus back after the dialog.
    xdotool(app_env, "windowfocus", "--sync", window)
    keys(app_env, "ctrl+s")
    saved = Path(os.environ["XDG_CONFIG_HOME"]) / "nightstretch" / "routines" / "night-calves.toml"
    wait_for(saved.is_file, "the saved routine", process=running_app)

    listed = subprocess.run(
        [sys.executable, "-m", "stretch_app", "list", "--json"],
        env=app_env,
        capture_output=True,
        text=True,
        timeout=WAIT_S,
        check=True,
    )
    (row,) = [r for r in json.loads(listed.stdout) if r["id"] == "night-calves"]
    # The first exercise of the catalog by name is the calf stretch: 30 s on each leg.
    assert row == {
        "id": "night-calves",
        "name": "Night calves",
        "kind": "routine",
        "source": "user",
        "path": str(saved),
        "duration_s": 5 + 30 + 5 + 30,
    }

    hand_over(app_env, display, "--routine", "night-calves")  # exits 0, opens no window itself
    assert len(windows_named("Night calves", app_env, sync=True)) == 1
    assert running_app.poll() is None
