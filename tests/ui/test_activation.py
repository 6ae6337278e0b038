"""The launcher's activation token travels with the hand-over and raises the running window.

GNOME and KDE on Wayland only let a window come to the front with the token the launcher gave
the process that asked (``XDG_ACTIVATION_TOKEN``); X11 desktops use ``DESKTOP_STARTUP_ID``.
A later launch forwards both, the running app checks them like the rest of the message, and
sets the token in its environment just while it raises the window (Qt's Wayland plugin reads
it there when a window asks to be activated).
"""

from __future__ import annotations

import json
import os
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from stretch_app.instance_client import InstanceRequestError, parse_request, send_to_running
from stretch_app.ui.instance import InstanceServer
from stretch_app.ui.launch import _hand_over_request, _on_hand_over
from tests.ui import test_instance as base
from tests.ui.test_instance import in_thread

runtime_dir = base.runtime_dir
pool = base.pool
server = base.server

TOKEN = "kwin-4d2c9f7e_TIME123"
LAUNCHER = {"XDG_ACTIVATION_TOKEN": TOKEN, "DESKTOP_STARTUP_ID": "gnome-shell-1234_TIME9"}


@pytest.fixture(autouse=True)
def no_token_around(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("XDG_ACTIVATION_TOKEN", raising=False)


@pytest.mark.parametrize(
    "args",
    [
        {"routine": None, "cramp_now": True, "tray": False},
        {"routine": "bedtime", "cramp_now": False, "tray": False},
        {"routine": None, "cramp_now": False, "tray": False},
    ],
)
def test_a_later_launch_forwards_its_tokens(args: dict[str, Any]) -> None:
    request = _hand_over_request(**args, environ=LAUNCHER)
    assert request["activation_token"] == TOKEN
    assert request["startup_id"] == "gnome-shell-1234_TIME9"
    assert parse_request(json.dumps(request).encode()) == request


def test_a_ping_carries_no_token_and_a_bad_one_is_not_sent() -> None:
    ping = _hand_over_request(routine=None, cramp_now=False, tray=True, environ=LAUNCHER)
    assert ping == {"v": 1, "action": "ping"}
    odd = {"XDG_ACTIVATION_TOKEN": "has space\n", "DESKTOP_STARTUP_ID": ""}
    request = _hand_over_request(routine=None, cramp_now=True, tray=False, environ=odd)
    assert request == {"v": 1, "action": "cramp-now"}


@pytest.mark.parametrize(
    "message",
    [
        {"v": 1, "action": "ping", "activation_token": TOKEN},
        {"v": 1, "action": "show", "activation_token": ""},
        {"v": 1, "action": "show", "activation_token": "x" * 257},
        {"v": 1, "action": "show", "activation_token": "line\nbreak"},
        {"v": 1, "action": "show", "activation_token": "\u00e9t\u00e9"},
        {"v": 1, "action": "show", "activation_token": 12},
        {"v": 1, "action": "show", "startup_id": ["x"]},
        {"v": 1, "action": "show", "activation_token": TOKEN, "token": TOKEN},
    ],
)
def test_bad_tokens_are_refused_like_any_bad_message(message: dict[str, Any]) -> None:
    with pytest.raises(InstanceRequestError):
        parse_request(json.dumps(message).encode())


class _RaisingApp:
    """Notes the token the environment holds at the moment the window would be raised."""

    def __init__(self) -> None:
        self.tokens: list[str | None] = []

    def show(self) -> None:
        self.tokens.append(os.environ.get("XDG_ACTIVATION_TOKEN"))

    def cramp_now(self) -> None:
        self.tokens.append(os.environ.get("XDG_ACTIVATION_TOKEN"))

    def start_routine(self, routine_id: str) -> None:
        pass


def test_the_token_arrives_and_is_set_just_while_the_window_is_raised(
    qtbot: QtBot, pool: ThreadPoolExecutor, server: InstanceServer
) -> None:
    app = _RaisingApp()
    server.request_received.connect(lambda asked: _on_hand_over(app, asked))  # type: ignore[arg-type]
    request = _hand_over_request(routine=None, cramp_now=True, tray=False, environ=LAUNCHER)
    with qtbot.waitSignal(server.request_received, timeout=5000) as blocker:
        assert in_thread(qtbot, pool, lambda: send_to_running(request))
    assert blocker.args[0]["activation_token"] == TOKEN
    assert app.tokens == [TOKEN]
    assert "XDG_ACTIVATION_TOKEN" not in os.environ  # cleared: never reused for a later raise
    _on_hand_over(app, {"v": 1, "action": "show"})  # type: ignore[arg-type]
    assert app.tokens == [TOKEN, None]
