"""Single instance: a later launch hands its request to the running app over a local socket."""

from __future__ import annotations

import json
import logging
import os
import re
import socket
import stat
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from stretch_app.instance_client import (
    MAX_MESSAGE_BYTES,
    UnsafeSocketFolderError,
    encode_request,
    parse_request,
    send_to_running,
    socket_path,
    valid_activation_token,
    valid_routine_id,
)
from stretch_app.ui.instance import InstanceServer
from stretch_app.ui.launch import _hand_over_request, _on_hand_over

CRAMP_NOW = {"v": 1, "action": "cramp-now"}


@pytest.fixture(autouse=True)
def runtime_dir(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A private XDG_RUNTIME_DIR, short enough for an AF_UNIX path (108 bytes)."""
    folder = Path(tempfile.mkdtemp(prefix="ns-run-"))
    folder.chmod(0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(folder))
    yield folder
    for path in sorted(folder.rglob("*"), reverse=True):
        path.rmdir() if path.is_dir() and not path.is_symlink() else path.unlink()
    folder.rmdir()


@pytest.fixture
def pool() -> Iterator[ThreadPoolExecutor]:
    """Runs the blocking client side while the test's thread runs the Qt event loop."""
    with ThreadPoolExecutor(max_workers=2) as executor:
        yield executor


@pytest.fixture
def server(qtbot: QtBot) -> Iterator[InstanceServer]:
    instance = InstanceServer(client_timeout_ms=300)
    assert instance.listen()
    yield instance
    instance.close()


def in_thread(
    qtbot: QtBot, pool: ThreadPoolExecutor, call: Callable[[], Any], *, timeout_ms: int = 5000
) -> Any:
    """Run ``call`` in a worker thread, keeping the event loop running until it is done."""
    future: Future[Any] = pool.submit(call)
    qtbot.waitUntil(future.done, timeout=timeout_ms)
    return future.result()


def raw_exchange(data: bytes, *, wait: float = 3.0) -> bytes:
    """Send raw bytes as a client and return what the server answers before hanging up."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
        client.settimeout(wait)
        client.connect(str(socket_path()))
        if data:
            client.sendall(data)
        answer = b""
        while chunk := client.recv(64):
            answer += chunk
        return answer


def assert_still_serves(qtbot: QtBot, pool: ThreadPoolExecutor, server: InstanceServer) -> None:
    with qtbot.waitSignal(server.request_received, timeout=5000) as blocker:
        assert in_thread(qtbot, pool, lambda: send_to_running(CRAMP_NOW))
    assert blocker.args == [CRAMP_NOW]


def test_cramp_now_request_arrives(
    qtbot: QtBot, pool: ThreadPoolExecutor, server: InstanceServer
) -> None:
    assert_still_serves(qtbot, pool, server)


def test_routine_request_arrives(
    qtbot: QtBot, pool: ThreadPoolExecutor, server: InstanceServer
) -> None:
    request = {"v": 1, "action": "routine", "routine": "bedtime"}
    with qtbot.waitSignal(server.request_received, timeout=5000) as blocker:
        assert in_thread(qtbot, pool, lambda: send_to_running(request))
    assert blocker.args == [request]


def test_ping_is_answered_without_a_request(
    qtbot: QtBot, pool: ThreadPoolExecutor, server: InstanceServer
) -> None:
    with qtbot.assertNotEmitted(server.request_received, wait=100):
        assert in_thread(qtbot, pool, lambda: send_to_running({"v": 1, "action": "ping"}))


@pytest.mark.parametrize(
    "message",
    [
        pytest.param(b"\x00\xff\xfe garbage\n", id="garbage-bytes"),
        pytest.param(b"{not json\n", id="invalid-json"),
        pytest.param(b'["cramp-now"]\n', id="json-list"),
        pytest.param(b'{"v": 1, "action": "explode"}\n', id="unknown-action"),
        pytest.param(b'{"v": 1, "action": "routine", "routine": "../etc"}\n', id="bad-routine"),
        pytest.param(b'{"v": 1, "action": "routine"}\n', id="routine-missing"),
        pytest.param(b'{"v": 2, "action": "cramp-now"}\n', id="v2"),
        pytest.param(b'{"v": true, "action": "cramp-now"}\n', id="v-true"),
        pytest.param(b'{"v": 1, "action": "show", "extra": 1}\n', id="extra-key"),
        pytest.param(b'{"v": 1, "action": "show", "action": "cramp-now"}\n', id="duplicate-key"),
        pytest.param(b"[" * 3000 + b"\n", id="deep-nesting"),
    ],
)
def test_malformed_message_is_answered_error_and_logged(
    qtbot: QtBot,
    pool: ThreadPoolExecutor,
    server: InstanceServer,
    caplog: pytest.LogCaptureFixture,
    message: bytes,
) -> None:
    with (
        caplog.at_level(logging.WARNING, logger="stretch_app.ui.instance"),
        qtbot.assertNotEmitted(server.request_received, wait=50),
    ):
        assert in_thread(qtbot, pool, lambda: raw_exchange(message)) == b"error\n"
    assert any("Ignored" in r.getMessage() for r in caplog.records)
    assert_still_serves(qtbot, pool, server)


def test_oversized_message_is_dropped_and_logged(
    qtbot: QtBot,
    pool: ThreadPoolExecutor,
    server: InstanceServer,
    caplog: pytest.LogCaptureFixture,
) -> None:
    message = b"x" * (MAX_MESSAGE_BYTES * 4)  # no newline at all

    def send() -> bytes:
        try:
            return raw_exchange(message)
        except (BrokenPipeError, ConnectionResetError):
            return b""

    with (
        caplog.at_level(logging.WARNING, logger="stretch_app.ui.instance"),
        qtbot.assertNotEmitted(server.request_received, wait=50),
    ):
        assert in_thread(qtbot, pool, send) == b""
    assert any("longer than" in r.getMessage() for r in caplog.records)
    assert_still_serves(qtbot, pool, server)


def padded_show(length: int) -> bytes:
    """A valid show request padded with spaces to ``length`` bytes (newline not counted)."""
    head, tail = b'{"v": 1, "action": "show"', b"}"
    return head + b" " * (length - len(head) - len(tail)) + tail


def test_longest_message_is_accepted_one_more_byte_is_not(
    qtbot: QtBot, pool: ThreadPoolExecutor, server: InstanceServer
) -> None:
    longest = padded_show(MAX_MESSAGE_BYTES - 1) + b"\n"
    assert len(longest) == MAX_MESSAGE_BYTES
    with qtbot.waitSignal(server.request_received, timeout=5000):
        assert in_thread(qtbot, pool, lambda: raw_exchange(longest)) == b"ok\n"
    too_long = padded_show(MAX_MESSAGE_BYTES) + b"\n"
    with qtbot.assertNotEmitted(server.request_received, wait=50):
        assert in_thread(qtbot, pool, lambda: raw_exchange(too_long)) == b""


def test_silent_client_is_dropped_and_logged(
    qtbot: QtBot,
    pool: ThreadPoolExecutor,
    server: InstanceServer,
    caplog: pytest.LogCaptureFixture,
) -> None:
    with (
        caplog.at_level(logging.WARNING, logger="stretch_app.ui.instance"),
        qtbot.assertNotEmitted(server.request_received, wait=50),
    ):
        assert in_thread(qtbot, pool, lambda: raw_exchange(b"")) == b""
    assert any("sent no request" in r.getMessage() for r in caplog.records)
    assert_still_serves(qtbot, pool, server)


def test_stale_socket_is_cleaned_up(qtbot: QtBot, pool: ThreadPoolExecutor) -> None:
    path = socket_path()
    crashed = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    crashed.bind(str(path))
    crashed.close()  # like a crash: the file stays, nobody listens
    assert stat.S_ISSOCK(path.lstat().st_mode)
    assert not send_to_running(CRAMP_NOW)
    instance = InstanceServer()
    try:
        assert instance.listen()
        assert_still_serves(qtbot, pool, instance)
    finally:
        instance.close()


def test_second_server_does_not_take_over(
    qtbot: QtBot, pool: ThreadPoolExecutor, server: InstanceServer
) -> None:
    second = InstanceServer()
    try:
        assert not second.listen()
        assert second.path is None
    finally:
        second.close()
    assert_still_serves(qtbot, pool, server)


def test_socket_is_owner_only(server: InstanceServer) -> None:
    path = server.path
    assert path is not None
    assert path == socket_path()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert path.parent.stat().st_uid == os.getuid()


def test_close_removes_the_socket(qtbot: QtBot) -> None:
    instance = InstanceServer()
    assert instance.listen()
    path = instance.path
    assert path is not None and path.exists()
    instance.close()
    assert not path.exists()
    assert not send_to_running(CRAMP_NOW)


def test_no_server_answers_false_quickly() -> None:
    start = time.monotonic()
    assert not send_to_running(CRAMP_NOW)
    assert time.monotonic() - start < 0.5


def test_loose_runtime_folder_is_tightened(runtime_dir: Path) -> None:
    folder = runtime_dir / "nightstretch"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    assert socket_path().parent == folder
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_symlinked_socket_folder_is_refused(runtime_dir: Path, tmp_path: Path) -> None:
    (runtime_dir / "nightstretch").symlink_to(tmp_path)
    with pytest.raises(UnsafeSocketFolderError):
        socket_path()
    assert not send_to_running(CRAMP_NOW)


def test_without_runtime_dir_the_folder_has_the_uid(monkeypatch: pytest.MonkeyPatch) -> None:
    private_tmp = Path(tempfile.mkdtemp(prefix="ns-tmp-"))
    monkeypatch.delenv("XDG_RUNTIME_DIR")
    monkeypatch.setattr(tempfile, "tempdir", str(private_tmp))
    folder = private_tmp / f"nightstretch-{os.getuid()}"
    try:
        assert socket_path() == folder / "instance.sock"
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    finally:
        folder.rmdir()
        private_tmp.rmdir()


def test_parse_request_accepts_the_documented_forms() -> None:
    assert parse_request(b'{"v":1,"action":"show"}') == {"v": 1, "action": "show"}
    assert parse_request(b'{"v":1,"action":"routine","routine":"cramp-relief"}')["routine"] == (
        "cramp-relief"
    )


@pytest.mark.parametrize(
    "request_sent",
    [
        CRAMP_NOW,
        {"v": 1, "action": "routine", "routine": "bedtime-2"},
        {"v": 1, "action": "show", "activation_token": 'a"b\\c~!', "startup_id": "x_TIME9"},
        {"v": 1, "action": "show", "note": "Wadenkrampf \u00e4 \n\u2603 \U0001f9b5"},
    ],
)
def test_a_request_line_is_the_compact_json_of_the_request(request_sent: dict[str, Any]) -> None:
    """Written without the json module, it is byte for byte what json.dumps writes."""
    expected = json.dumps(request_sent, separators=(",", ":")).encode() + b"\n"
    assert encode_request(request_sent) == expected
    assert json.loads(encode_request(request_sent)) == request_sent


@pytest.mark.parametrize("value", [True, 1.5, None, ["a"]])
def test_a_request_holds_only_text_and_whole_numbers(value: object) -> None:
    with pytest.raises(TypeError):
        encode_request({"v": 1, "action": value})


@pytest.mark.parametrize(
    "text",
    [
        "a",
        "0",
        "cramp-relief",
        "a" * 48,
        "a" * 49,
        "",
        "-a",
        "A",
        "abc ",
        "\u00e9t\u00e9",
        "\u0661",
        "a_b",
        "a/b",
        "a\n",
        "9-",
    ],
)
def test_routine_ids_are_checked_as_the_pattern_says(text: str) -> None:
    """The plain character test agrees with ``[a-z0-9][a-z0-9-]{0,47}`` matched whole."""
    expected = re.fullmatch(r"[a-z0-9][a-z0-9-]{0,47}", text, flags=re.ASCII) is not None
    assert valid_routine_id(text) is expected


@pytest.mark.parametrize(
    "text",
    ["x", "!~", "a" * 256, "a" * 257, "", "a b", "a\tb", "\u00e9", "\x7f", "tok\n"],
)
def test_tokens_are_checked_as_the_pattern_says(text: str) -> None:
    """The plain character test agrees with ``[\\x21-\\x7e]{1,256}`` matched whole."""
    expected = re.fullmatch(r"[\x21-\x7e]{1,256}", text) is not None
    assert valid_activation_token(text) is expected


def test_client_imports_no_qt() -> None:
    code = (
        "import stretch_app.instance_client, sys; "
        "print(any(m.startswith('PySide6') for m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=30
    )
    assert result.stdout.strip() == "False"


def test_launch_hands_over_without_importing_qt() -> None:
    """What ``stretch-app --cramp-now`` imports before it knows whether an app runs."""
    code = (
        "import sys, stretch_app.cli, stretch_app.ui.launch; "
        "print(any(m.startswith('PySide6') for m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=30
    )
    assert result.stdout.strip() == "False"


@pytest.mark.parametrize(
    ("args", "request_sent"),
    [
        ({"routine": None, "cramp_now": True, "tray": False}, CRAMP_NOW),
        ({"routine": None, "cramp_now": True, "tray": True}, CRAMP_NOW),
        (
            {"routine": "bedtime", "cramp_now": False, "tray": False},
            {"v": 1, "action": "routine", "routine": "bedtime"},
        ),
        ({"routine": "No Such/Id", "cramp_now": False, "tray": False}, {"v": 1, "action": "show"}),
        ({"routine": None, "cramp_now": False, "tray": False}, {"v": 1, "action": "show"}),
        ({"routine": None, "cramp_now": False, "tray": True}, {"v": 1, "action": "ping"}),
    ],
)
def test_launch_asks_the_running_app_for_what_the_command_says(
    args: dict[str, Any], request_sent: dict[str, Any]
) -> None:
    request = _hand_over_request(**args)
    assert request == request_sent
    assert parse_request(json.dumps(request).encode()) == request


class _RecordingApp:
    def __init__(self) -> None:
        self.calls: list[tuple[str, ...]] = []

    def show(self) -> None:
        self.calls.append(("show",))

    def cramp_now(self) -> None:
        self.calls.append(("cramp_now",))

    def start_routine(self, routine_id: str) -> None:
        self.calls.append(("start_routine", routine_id))


@pytest.mark.parametrize(
    ("request_received", "calls"),
    [
        ({"v": 1, "action": "show"}, [("show",)]),
        (CRAMP_NOW, [("cramp_now",)]),
        (
            {"v": 1, "action": "routine", "routine": "bedtime"},
            [("start_routine", "bedtime"), ("show",)],
        ),
    ],
)
def test_running_app_does_what_the_hand_over_asks(
    request_received: dict[str, Any], calls: list[tuple[str, ...]]
) -> None:
    app = _RecordingApp()
    _on_hand_over(app, request_received)  # type: ignore[arg-type]
    assert app.calls == calls


def test_a_busy_app_that_answers_late_still_gets_the_request() -> None:
    """An app still starting (its request waits in the socket until its event loop runs)
    answers late on a loaded machine: the later launch must wait for it, not open a second
    window. The stand-in app answers after 1.5 s; the old 1 s limit gave up on it."""
    import threading

    path = socket_path()
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(str(path))
    listener.listen(1)
    received: list[bytes] = []

    def busy_app() -> None:
        connection, _ = listener.accept()
        with connection:
            received.append(connection.recv(MAX_MESSAGE_BYTES))
            threading.Event().wait(1.5)  # busy: the event loop is not running yet
            connection.sendall(b"ok\n")

    worker = threading.Thread(target=busy_app, daemon=True)
    worker.start()
    try:
        assert send_to_running(CRAMP_NOW)
    finally:
        worker.join(timeout=10)
        listener.close()
    assert json.loads(received[0]) == CRAMP_NOW
