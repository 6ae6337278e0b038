"""The real app on a real X server (Xvfb): cramp relief at once, and later launches hand over."""

from __future__ import annotations

import os
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent.parent
IMPORT = Path("/usr/bin/import")  # ImageMagick; a bare `import` may be something else
WAIT_S = 30.0

pytestmark = [
    pytest.mark.xvfb,
    pytest.mark.skipif(
        shutil.which("Xvfb") is None or shutil.which("xdotool") is None,
        reason="needs the Xvfb and xdotool programs",
    ),
]


@pytest.fixture
def display() -> Iterator[str]:
    """A private Xvfb server; its display number is picked by Xvfb itself (-displayfd)."""
    reader, writer = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(writer), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(writer,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(writer)
    try:
        number = b""
        deadline = time.monotonic() + WAIT_S
        while not number.endswith(b"\n"):
            remaining = deadline - time.monotonic()
            ready, _, _ = select.select([reader], [], [], max(remaining, 0))
            if not ready:
                pytest.fail("Xvfb did not start")
            chunk = os.read(reader, 16)
            if not chunk:
                pytest.fail(f"Xvfb exited with {server.wait()}")
            number += chunk
        yield f":{number.decode().strip()}"
    finally:
        os.close(reader)
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


@pytest.fixture
def app_env(display: str, private_home: Path) -> Iterator[dict[str, str]]:
    """The environment of a person's session: the display, private XDG folders."""
    runtime = Path(tempfile.mkdtemp(prefix="ns-e2e-"))  # short: AF_UNIX paths are limited
    runtime.chmod(0o700)
    env = dict(os.environ)  # HOME and XDG_* already point into the test's folder
    env.update(
        DISPLAY=display,
        QT_QPA_PLATFORM="xcb",
        XDG_RUNTIME_DIR=str(runtime),
        PYTHONPATH=str(REPO),
    )
    yield env
    shutil.rmtree(runtime, ignore_errors=True)


def stretch_app(*args: str) -> list[str]:
    return [sys.executable, "-m", "stretch_app", *args]


def windows_named(title: str, env: dict[str, str], *, sync: bool = False) -> list[str]:
    """Visible X windows whose title matches; with ``sync``, wait until there is one.

    Only visible ones: Qt keeps a few unmapped helper windows named after the app.
    """
    command = ["xdotool", "search", "--onlyvisible", *(["--sync"] if sync else [])]
    command += ["--name", title]
    result = subprocess.run(
        command, env=env, capture_output=True, text=True, timeout=WAIT_S, check=False
    )
    return result.stdout.split()


def screenshot(env: dict[str, str], folder: Path, name: str) -> Path:
    """The whole screen as a PNG; NIGHTSTRETCH_SCREENSHOTS picks a folder to keep it."""
    keep = os.environ.get("NIGHTSTRETCH_SCREENSHOTS")
    target = Path(keep) if keep else folder
    target.mkdir(parents=True, exist_ok=True)
    shot = target / f"{name}.png"
    subprocess.run([str(IMPORT), "-window", "root", str(shot)], env=env, check=True, timeout=WAIT_S)
    return shot


def hand_over(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    """Run a later launch; it must hand over and exit, not open a second app."""
    return subprocess.run(
        stretch_app(*args),
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=WAIT_S,
        check=False,
    )


@pytest.mark.slow
def test_cramp_now_opens_relief_and_later_launches_hand_over(
    app_env: dict[str, str], tmp_path: Path
) -> None:
    if not IMPORT.exists():
        pytest.skip("needs ImageMagick's import")
    app = subprocess.Popen(
        stretch_app("--cramp-now"),
        env=app_env,
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        relief = windows_named("Cramp relief", app_env, sync=True)
        assert app.poll() is None, app.communicate()[0]
        assert len(relief) == 1

        shot = screenshot(app_env, tmp_path, "e2e-cramp-relief")
        data = shot.read_bytes()
        assert data.startswith(b"\x89PNG\r\n\x1a\n")
        assert len(data) > 1000

        # A routine asked for from the shell shows in the running app...
        done = hand_over(app_env, "--routine", "bedtime")
        assert done.returncode == 0, done.stderr
        assert len(windows_named("Bedtime leg stretches", app_env, sync=True)) == 1
        # ... and a second cramp-now brings relief back, in the same single window.
        start = time.monotonic()
        done = hand_over(app_env, "--cramp-now")
        assert done.returncode == 0, done.stderr
        assert time.monotonic() - start < 10  # a hand-over, not a second app start-up
        assert windows_named("Cramp relief", app_env, sync=True) == relief

        for args in ((), ("--tray",)):
            done = hand_over(app_env, *args)
            assert done.returncode == 0, done.stderr
        assert app.poll() is None  # the first app still runs; every later one has exited
        assert windows_named("Nightstretch", app_env) == relief
    finally:
        if app.poll() is None:
            app.send_signal(signal.SIGTERM)
        try:
            output, _ = app.communicate(timeout=WAIT_S)
        except subprocess.TimeoutExpired:
            app.kill()
            output, _ = app.communicate()
    assert app.returncode == 0, output
    assert not (Path(app_env["XDG_RUNTIME_DIR"]) / "nightstretch" / "instance.sock").exists()
