"""Settings → "Restart now": the same process starts the app again, in the new language."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from stretch_app.instance_client import send_to_running

REPO = Path(__file__).resolve().parents[2]
WAIT_MS = 30_000

# The first start presses Restart now as soon as the app is built; the restarted app is the
# plain `python -m stretch_app`, which this snippet no longer patches.
FIRST_START = """
import sys
from PySide6.QtCore import QTimer
import stretch_app.ui.app as ui_app

built = ui_app.NightstretchApp.__init__

def init(self, *args, **kwargs):
    built(self, *args, **kwargs)
    QTimer.singleShot(0, self, lambda: self.open_settings().restart_requested.emit())

ui_app.NightstretchApp.__init__ = init
from stretch_app.cli import main
sys.exit(main([]))
"""


@pytest.fixture
def runtime_dir(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix="ns-restart-"))  # short: AF_UNIX paths are limited
    folder.chmod(0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(folder))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@contextlib.contextmanager
def app_running(snippet: str) -> Iterator[subprocess.Popen[str]]:
    """Run ``python -c snippet`` as the app (offscreen); on leaving, end it with SIGTERM and
    check that it ended cleanly (exit 0), showing what it printed if not."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)}
    app = subprocess.Popen(
        [sys.executable, "-c", snippet],
        env=env,
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
            output, _ = app.communicate(timeout=WAIT_MS / 1000)
        except subprocess.TimeoutExpired:
            app.kill()
            output, _ = app.communicate()
    assert app.returncode == 0, output


def command_line(app: subprocess.Popen[str]) -> list[bytes]:
    """The app's command line now (after an exec, the new program's); empty once it ended."""
    try:
        return Path(f"/proc/{app.pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return []


def test_restart_now_starts_the_app_again_in_the_same_process(
    qtbot: QtBot, runtime_dir: Path
) -> None:
    with app_running(FIRST_START) as app:

        def restarted() -> bool:
            return b"-m" in command_line(app) and send_to_running({"v": 1, "action": "show"})

        qtbot.waitUntil(restarted, timeout=WAIT_MS)
        assert app.poll() is None


# A tray started with --tray asks to start afresh as soon as its event loop runs (as it does
# ten minutes after its window went); the process that follows is a plain `-m stretch_app --tray`.
TRAY_START = """
import sys
from PySide6.QtCore import QTimer
import stretch_app.ui.resident as resident

made = resident.TrayResident.__init__

def init(self, *args, **kwargs):
    made(self, *args, **kwargs)
    QTimer.singleShot(0, self, self.start_afresh_requested.emit)

resident.TrayResident.__init__ = init
from stretch_app.cli import main
sys.exit(main(["--tray"]))
"""


def test_the_tray_starting_afresh_comes_back_in_the_same_process_with_its_reminders(
    qtbot: QtBot, runtime_dir: Path
) -> None:
    """The fresh start that gives the window's memory back must not lose the tray: the same
    process answers a later launch again and holds the reminders' lock again."""
    from stretch_app.instance_client import ReminderLock

    def lock_held_by_the_app() -> bool:
        lock = ReminderLock.take()
        if lock is None:
            return True
        lock.release()
        return False

    with app_running(TRAY_START) as app:

        def started_afresh() -> bool:
            plain_tray = command_line(app)[1:4] == [b"-m", b"stretch_app", b"--tray"]
            return plain_tray and send_to_running({"v": 1, "action": "ping"})

        qtbot.waitUntil(started_afresh, timeout=WAIT_MS)
        assert app.poll() is None
        qtbot.waitUntil(lock_held_by_the_app, timeout=WAIT_MS)


def test_a_tray_whose_python_is_gone_keeps_running_instead_of_starting_afresh(
    qtbot: QtBot, runtime_dir: Path
) -> None:
    """Python upgraded away under a running tray: starting afresh would end the reminders."""
    gone = TRAY_START.replace(
        "import sys\n", "import sys\nsys.executable = '/nonexistent/python3'\n", 1
    )
    with app_running(gone) as app:
        qtbot.waitUntil(lambda: send_to_running({"v": 1, "action": "ping"}), timeout=WAIT_MS)
        # The request to start afresh came at the first turn of the loop, before the ping's
        # answer: the same program still runs and still answers.
        assert app.poll() is None
        assert command_line(app)[1] == b"-c"
        assert send_to_running({"v": 1, "action": "ping"})
