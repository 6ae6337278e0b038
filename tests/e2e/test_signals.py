"""Signals end the real app cleanly, whenever they come: what runs is saved, the exit is 0.

Each test runs ``python -m stretch_app`` (offscreen) in a process of its own with private
folders, and waits on conditions (a socket appearing, the running app answering a ping),
never on a fixed sleep.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from stretch_app.core.journal import Journal
from tests.e2e.waiting import WAIT_S, wait_for

REPO = Path(__file__).resolve().parent.parent.parent


def socket_of(env: dict[str, str]) -> Path:
    return Path(env["XDG_RUNTIME_DIR"]) / "nightstretch" / "instance.sock"


def answers_ping(env: dict[str, str]) -> bool:
    """Whether the app's event loop runs: only it answers a hand-over (so start-up is done)."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
        client.settimeout(2.0)
        try:
            client.connect(str(socket_of(env)))
            client.sendall(b'{"v":1,"action":"ping"}\n')
            return client.recv(16) == b"ok\n"
        except OSError:
            return False


@pytest.fixture
def env(private_home: Path) -> Iterator[dict[str, str]]:
    """The app's environment: offscreen, private folders, no session bus."""
    runtime = Path(tempfile.mkdtemp(prefix="ns-sig-"))  # short: AF_UNIX paths are limited
    runtime.chmod(0o700)
    environment = dict(os.environ)
    environment.pop("DBUS_SESSION_BUS_ADDRESS", None)
    environment.update(
        QT_QPA_PLATFORM="offscreen", XDG_RUNTIME_DIR=str(runtime), PYTHONPATH=str(REPO)
    )
    yield environment
    for path in sorted(runtime.rglob("*"), reverse=True):
        path.rmdir() if path.is_dir() and not path.is_symlink() else path.unlink()
    runtime.rmdir()


def start(env: dict[str, str], *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "stretch_app", *args],
        env=env,
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def ended(app: subprocess.Popen[str]) -> str:
    """Wait for the app to exit and return what it printed."""
    try:
        output, _ = app.communicate(timeout=WAIT_S)
    except subprocess.TimeoutExpired:
        app.kill()
        output, _ = app.communicate()
    return output


def journal_of(env: dict[str, str]) -> Journal:
    return Journal.open(Path(env["XDG_DATA_HOME"]) / "nightstretch" / "journal.sqlite3")


@pytest.mark.slow
@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_in_the_middle_of_start_up_ends_the_app_cleanly(
    env: dict[str, str], number: signal.Signals
) -> None:
    """The socket appears before the slow part of start-up: a signal then must not kill."""
    app = start(env)
    try:
        wait_for(socket_of(env).exists, "the instance socket", process=app)
        app.send_signal(number)
    finally:
        output = ended(app)
    assert app.returncode == 0, output
    assert not socket_of(env).exists()


@pytest.mark.slow
def test_sighup_saves_the_routine_under_way(env: dict[str, str]) -> None:
    app = start(env, "--routine", "bedtime")
    try:
        wait_for(lambda: answers_ping(env), "the app to answer", process=app)
        app.send_signal(signal.SIGHUP)
    finally:
        output = ended(app)
    assert app.returncode == 0, output
    with journal_of(env) as journal:
        (session,) = journal.sessions()
    assert session.routine_id == "bedtime"
    assert not session.completed


@pytest.mark.slow
def test_sighup_saves_the_cramp_under_way(env: dict[str, str]) -> None:
    app = start(env, "--cramp-now")
    try:
        wait_for(lambda: answers_ping(env), "the app to answer", process=app)
        app.send_signal(signal.SIGHUP)
    finally:
        output = ended(app)
    assert app.returncode == 0, output
    with journal_of(env) as journal:
        (episode,) = journal.episodes()
    assert episode.source == "relief"
    assert episode.ended_at is not None
