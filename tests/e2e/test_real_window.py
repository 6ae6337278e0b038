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
from PySide6.QtCore import QRect
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from tests.e2e.waiting import stop_process

REPO = Path(__file__).resolve().parent.parent.parent
IMPORT = Path("/usr/bin/import")  # ImageMagick; a bare `import` may be something else
WAIT_S = 30.0
MIN_COLOURS = 8  # a painted window: background, text, accents and the smoothed edges between

pytestmark = [
    pytest.mark.xvfb,
    pytest.mark.skipif(
        not all(shutil.which(tool) for tool in ("Xvfb", "xdotool", "xwininfo")),
        reason="needs the Xvfb, xdotool and xwininfo programs",
    ),
]


class Display(str):
    """An X display name (``:5``) that also knows where its server logs each client."""

    audit_log: Path

    def clients_from(self, pid: int) -> int:
        """How many X connections the process ``pid`` has made to this server."""
        # Xvfb -audit 2 writes "client N connected from local host ( uid=0 gid=0 pid=P )".
        return self.audit_log.read_text(errors="replace").count(f" pid={pid} )")


@pytest.fixture
def display(tmp_path: Path) -> Iterator[Display]:
    """A private Xvfb server; its display number is picked by Xvfb itself (-displayfd).

    It logs every client connection (``-audit 2``), so a test can tell that a later launch
    handed over without ever opening a window (no X connection at all).
    """
    reader, writer = os.pipe()
    audit_log = tmp_path / "xvfb-audit.log"
    with audit_log.open("wb") as log_file:
        server = subprocess.Popen(
            [
                *("Xvfb", "-displayfd", str(writer), "-screen", "0", "1280x800x24"),
                *("-nolisten", "tcp", "-audit", "2"),
            ],
            pass_fds=(writer,),
            stdout=subprocess.DEVNULL,
            stderr=log_file,
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
        name = Display(f":{number.decode().strip()}")
        name.audit_log = audit_log
        yield name
    finally:
        os.close(reader)
        stop_process(server)


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
    # No bedtime reminder: a run at 21:45 would otherwise get a reminder window of its own.
    settings = Path(env["XDG_CONFIG_HOME"]) / "nightstretch" / "settings.toml"
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text("[reminder_overrides]\nbedtime = []\n", encoding="utf-8")
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


def geometry(window: str, env: dict[str, str]) -> QRect:
    """Where ``window`` is on the screen, as xdotool reports it."""
    result = subprocess.run(
        ["xdotool", "getwindowgeometry", "--shell", window],
        env=env,
        capture_output=True,
        text=True,
        timeout=WAIT_S,
        check=True,
    )
    values = dict(line.split("=", 1) for line in result.stdout.split())
    return QRect(int(values["X"]), int(values["Y"]), int(values["WIDTH"]), int(values["HEIGHT"]))


def root_window(env: dict[str, str]) -> str:
    """The id of the screen's root window, which matches every search."""
    result = subprocess.run(
        ["xwininfo", "-root", "-int"],
        env=env,
        capture_output=True,
        text=True,
        timeout=WAIT_S,
        check=True,
    )
    return result.stdout.split("Window id:", 1)[1].split()[0]


def window_pid(window: str, env: dict[str, str]) -> int:
    """The process that owns ``window`` (_NET_WM_PID, which Qt sets)."""
    result = subprocess.run(
        ["xdotool", "getwindowpid", window],
        env=env,
        capture_output=True,
        text=True,
        timeout=WAIT_S,
        check=True,
    )
    return int(result.stdout)


def colours_in(image: QImage, area: QRect, step: int = 4) -> set[int]:
    """The distinct colours of ``area`` in ``image``, sampled every ``step`` pixels."""
    area = area.intersected(image.rect())
    return {
        image.pixel(x, y)
        for y in range(area.top(), area.bottom() + 1, step)
        for x in range(area.left(), area.right() + 1, step)
    }


def shows_window(shot: Path, area: QRect) -> bool:
    """True when the window's area of the screenshot holds a painted screen: many colours
    (text is drawn with smoothed edges), where bare Xvfb has a single black one."""
    image = QImage(str(shot))
    assert not image.isNull(), f"{shot} is not an image"
    return len(colours_in(image, area)) >= MIN_COLOURS


def painted_screenshot(
    env: dict[str, str], folder: Path, name: str, window: str, qtbot: QtBot
) -> QImage:
    """A screenshot taken once the window has been painted (mapping comes before painting)."""
    area = geometry(window, env)
    assert area.width() >= 600 and area.height() >= 400, area
    shot = folder / f"{name}.png"

    def painted() -> bool:
        nonlocal shot
        shot = screenshot(env, folder, name)
        return shows_window(shot, area)

    qtbot.waitUntil(painted, timeout=int(WAIT_S * 1000))
    return QImage(str(shot)).copy(area)


def our_processes(env: dict[str, str]) -> list[int]:
    """Every running ``python -m stretch_app`` of this test (found by its runtime folder)."""
    marker = f"XDG_RUNTIME_DIR={env['XDG_RUNTIME_DIR']}".encode()
    found = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            argv = (proc / "cmdline").read_bytes().split(b"\0")
            environment = (proc / "environ").read_bytes().split(b"\0")
        except OSError:  # gone meanwhile, or not ours to read
            continue
        if argv[1:3] == [b"-m", b"stretch_app"] and marker in environment:
            state = (proc / "stat").read_text().rsplit(")", 1)[-1].split()[0]
            if state != "Z":  # a finished launch not yet reaped is no app
                found.append(int(proc.name))
    return found


_PING = """
import sys
from stretch_app.instance_client import send_to_running
ping = {"v": 1, "action": "ping"}
sys.exit(0 if send_to_running(ping, connect_timeout=30, reply_timeout=30) else 1)
"""


def wait_until_idle(env: dict[str, str]) -> None:
    """Wait, however long a loaded machine takes, until the running app answers a ping.

    A later launch gives a busy app about a second before it opens a window of its own
    (relief must come up beside a frozen app); this test is about an app that is up.
    """
    answered = subprocess.run(
        [sys.executable, "-c", _PING], env=env, cwd=REPO, timeout=WAIT_S * 2, check=False
    )
    assert answered.returncode == 0, "the running app does not answer a ping"


def hand_over(env: dict[str, str], display: Display, *args: str) -> None:
    """Run a later launch: it must hand over and exit 0 without ever talking to the X server
    (a second app start, even one that hands over after all, opens a window first)."""
    wait_until_idle(env)
    launch = subprocess.Popen(
        stretch_app(*args),
        env=env,
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        _out, err = launch.communicate(timeout=WAIT_S)
    finally:
        if launch.poll() is None:
            launch.kill()
            launch.communicate()
    assert launch.returncode == 0, err
    assert display.clients_from(launch.pid) == 0, f"{args}: a second app started, not a hand-over"


@pytest.mark.slow
def test_cramp_now_opens_relief_and_later_launches_hand_over(
    app_env: dict[str, str], display: Display, tmp_path: Path, qtbot: QtBot
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
        (window,) = relief
        assert window_pid(window, app_env) == app.pid
        assert display.clients_from(app.pid) >= 1  # the audit log sees our connections

        # What the screen shows is our window, painted: not an empty black screen.
        relief_shot = painted_screenshot(app_env, tmp_path, "e2e-cramp-relief", window, qtbot)

        # A routine asked for from the shell shows in the running app: the same window of the
        # same process changes to the routine, and the later launch has exited with 0.
        hand_over(app_env, display, "--routine", "bedtime")
        assert windows_named("Bedtime leg stretches", app_env, sync=True) == relief
        routine_shot = painted_screenshot(app_env, tmp_path, "e2e-routine", window, qtbot)
        assert routine_shot != relief_shot  # the first app repainted for the request

        # ... and a second cramp-now brings relief back, in the same single window.
        hand_over(app_env, display, "--cramp-now")
        assert windows_named("Cramp relief", app_env, sync=True) == relief

        for args in ((), ("--tray",)):
            hand_over(app_env, display, *args)
        assert app.poll() is None  # the first app still runs; every later one has exited
        # One visible window on the whole screen, and it belongs to the first process.
        assert [w for w in windows_named("", app_env) if w != root_window(app_env)] == relief
        assert window_pid(window, app_env) == app.pid
        assert our_processes(app_env) == [app.pid]
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
