"""On Wayland (headless Weston): the app runs there, and a later launch's token hands over.

Weston grants focus freely and (version 10) offers no xdg-activation at all, so this run
cannot show that a compositor raised the window; it shows that the app comes up on the
Wayland platform, that a later ``--cramp-now`` carrying the launcher's token is handed over
(the running window's title turns to relief: ``WAYLAND_DEBUG`` shows the requests it sends)
and that the app ends cleanly. That the token arrives and is used is tested in
tests/ui/test_activation.py.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.test_signals import REPO, answers_ping, ended
from tests.e2e.waiting import WAIT_S, holds_within, stop_process, wait_for

pytestmark = pytest.mark.skipif(shutil.which("weston") is None, reason="needs weston")


@pytest.fixture
def wayland_env(private_home: Path) -> Iterator[dict[str, str]]:
    """A headless Weston in a private runtime folder, and the app's environment for it."""
    runtime = Path(tempfile.mkdtemp(prefix="ns-wl-"))  # short: AF_UNIX paths are limited
    runtime.chmod(0o700)
    env = dict(os.environ)
    env.pop("DISPLAY", None)
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    env.update(
        XDG_RUNTIME_DIR=str(runtime),
        WAYLAND_DISPLAY="wl-ns",
        QT_QPA_PLATFORM="wayland",
        PYTHONPATH=str(REPO),
    )
    log = (runtime / "weston.log").open("w")
    weston = subprocess.Popen(
        [
            "weston",
            "--backend=headless-backend.so",
            "--socket=wl-ns",
            "--width=1280",
            "--height=800",
            "--idle-time=0",
        ],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        if not holds_within((runtime / "wl-ns").exists, process=weston):
            pytest.skip(f"weston could not start: {(runtime / 'weston.log').read_text()}")
        yield env
    finally:
        stop_process(weston)
        log.close()
        shutil.rmtree(runtime, ignore_errors=True)


@pytest.mark.slow
def test_on_wayland_a_later_cramp_now_with_a_token_is_handed_over(
    wayland_env: dict[str, str], tmp_path: Path
) -> None:
    trace = tmp_path / "wayland-debug.txt"
    with trace.open("w") as sink:
        app = subprocess.Popen(
            [sys.executable, "-m", "stretch_app"],
            env={**wayland_env, "WAYLAND_DEBUG": "client"},
            cwd=REPO,
            stdout=subprocess.DEVNULL,
            stderr=sink,
            text=True,
        )
        try:
            wait_for(lambda: answers_ping(wayland_env), "the app on Wayland to answer", process=app)
            assert 'set_title("Nightstretch' in trace.read_text(errors="replace")
            later = subprocess.run(
                [sys.executable, "-m", "stretch_app", "--cramp-now"],
                env={**wayland_env, "XDG_ACTIVATION_TOKEN": "weston-test-token"},
                cwd=REPO,
                capture_output=True,
                text=True,
                timeout=WAIT_S,
                check=False,
            )
            assert later.returncode == 0, later.stderr
            wait_for(
                lambda: 'set_title("Cramp relief' in trace.read_text(errors="replace"),
                "the running window to show relief",
                process=app,
            )
            app.send_signal(signal.SIGTERM)
        finally:
            output = ended(app)
    assert app.returncode == 0, output
