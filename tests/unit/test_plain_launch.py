"""The window forms of the command line, read without argparse (a lean hand-over)."""

from __future__ import annotations

import contextlib
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from stretch_app.cli import build_parser, plain_launch


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--cramp-now"],
        ["--tray"],
        ["--cramp-now", "--tray"],
        ["--tray", "--cramp-now"],
        ["--routine", "bedtime"],
        ["--routine", "list"],
        ["--routine", "No Such/Id"],
    ],
)
def test_plain_forms_read_as_argparse_reads_them(argv: list[str]) -> None:
    args = build_parser().parse_args(argv)
    assert args.command is None
    assert plain_launch(argv) == (args.routine, args.cramp_now, args.tray)


@pytest.mark.parametrize(
    "argv",
    [
        ["list"],
        ["--version"],
        ["--help"],
        ["--routine"],
        ["--routine", "--tray"],
        ["--routine", ""],
        ["--routine=bedtime"],
        ["--tray", "--tray"],
        ["--cramp-now", "--routine", "bedtime"],
        ["--cramp-now", "list"],
        ["--cramp"],
    ],
)
def test_everything_else_goes_through_argparse(argv: list[str]) -> None:
    assert plain_launch(argv) is None


@pytest.fixture
def running_app() -> Iterator[tuple[Path, list[bytes]]]:
    """A stand-in for the running app: listens on the instance socket and answers ok."""
    runtime = Path(tempfile.mkdtemp(prefix="ns-run-"))
    runtime.chmod(0o700)
    folder = runtime / "nightstretch"
    folder.mkdir(mode=0o700)
    received: list[bytes] = []
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(str(folder / "instance.sock"))
    listener.listen(1)
    listener.settimeout(60)

    def serve() -> None:
        with contextlib.suppress(OSError):
            connection, _ = listener.accept()
            with connection:
                received.append(connection.makefile("rb").readline())
                connection.sendall(b"ok\n")

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield runtime, received
    listener.close()
    thread.join(timeout=60)
    (folder / "instance.sock").unlink(missing_ok=True)
    folder.rmdir()
    runtime.rmdir()


def test_cramp_now_hands_over_without_importing_argparse(
    running_app: tuple[Path, list[bytes]],
) -> None:
    """A second ``stretch-app --cramp-now`` pays for neither argparse nor Qt."""
    runtime, received = running_app
    code = (
        "import sys; from stretch_app.cli import main; code = main(['--cramp-now']); "
        "print(code, 'argparse' in sys.modules, any(m.startswith('PySide6') for m in sys.modules))"
    )
    env = {**os.environ, "XDG_RUNTIME_DIR": str(runtime)}
    env.pop("XDG_ACTIVATION_TOKEN", None)
    env.pop("DESKTOP_STARTUP_ID", None)
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, env=env
    )
    assert result.stdout.split() == ["0", "False", "False"], result.stderr
    assert [json.loads(line) for line in received] == [{"v": 1, "action": "cramp-now"}]


#: What a hand-over needs none of: each costs it milliseconds (``enum`` alone several, and
#: ``re``, ``socket``, ``signal`` and ``json`` bring it), docs/performance.md.
HEAVY_FOR_A_HAND_OVER = (
    "argparse",
    "contextlib",
    "enum",
    "json",
    "pathlib",
    "re",
    "signal",
    "socket",
    "struct",
    "typing",
)


def test_a_hand_over_imports_only_what_it_uses(running_app: tuple[Path, list[bytes]]) -> None:
    """``stretch-app --cramp-now`` with the app running loads none of the heavier modules."""
    runtime, received = running_app
    code = (
        "import sys; from stretch_app.cli import main; code = main(['--cramp-now']); "
        f"print(code, *sorted(set(sys.modules) & {set(HEAVY_FOR_A_HAND_OVER)!r}))"
    )
    env = {**os.environ, "XDG_RUNTIME_DIR": str(runtime)}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, env=env
    )
    assert result.stdout.split() == ["0"], result.stderr
    assert [json.loads(line)["action"] for line in received] == ["cramp-now"]


def test_a_signal_before_the_socket_pair_still_wakes_the_loop() -> None:
    """The handlers come first and the socket pair only once the hand-over failed: a signal
    in between is noted, and arming puts its byte where the event loop will see it."""
    import signal

    from stretch_app.ui.launch import _SignalCatcher

    catcher = _SignalCatcher()
    try:
        assert catcher.reader is None  # a hand-over never pays for the pair
        os.kill(os.getpid(), signal.SIGTERM)
        assert catcher.received == [signal.SIGTERM]
        catcher.arm()
        assert catcher.reader is not None
        assert catcher.reader.recv(16) == bytes([signal.SIGTERM])
        os.kill(os.getpid(), signal.SIGHUP)  # after arming, Python writes the byte itself
        assert catcher.reader.recv(16) == bytes([signal.SIGHUP])
    finally:
        catcher.close()
    assert signal.getsignal(signal.SIGTERM) == signal.SIG_DFL
