"""The instance socket under a flood, and torn down with clients still on it: nothing is kept."""

from __future__ import annotations

import gc
import socket
from concurrent.futures import ThreadPoolExecutor

from PySide6.QtCore import QCoreApplication, QEvent, QTimer
from PySide6.QtNetwork import QLocalSocket
from pytestqt.qtbot import QtBot

from stretch_app.instance_client import socket_path
from stretch_app.ui.instance import InstanceServer
from tests.ui import test_instance as base
from tests.ui.test_instance import assert_still_serves, in_thread

# The fixtures of the hand-over tests: a private runtime folder, a worker thread, a server.
runtime_dir = base.runtime_dir
pool = base.pool
server = base.server

FLOOD = 2000


def live_sockets() -> int:
    """QLocalSocket wrappers Python still holds (a leaked one stays here, dead or alive)."""
    gc.collect()
    return sum(1 for thing in gc.get_objects() if isinstance(thing, QLocalSocket))


def flush_deletions() -> None:
    """Run what deleteLater and zero-time timers left for the next turn of the event loop."""
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
        QCoreApplication.processEvents()


def one_client(kind: int) -> None:
    """One of the ways a client can come and go: garbage, half-open, at once, a ping, rude."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
        client.settimeout(5.0)
        try:
            client.connect(str(socket_path()))
            if kind == 0:
                client.sendall(b"\x00garbage\n")
                client.recv(64)
            elif kind == 1:
                client.sendall(b'{"v": 1, "act')
                client.shutdown(socket.SHUT_WR)  # half-open: says no more, waits
                client.recv(64)
            elif kind == 3:
                client.sendall(b'{"v": 1, "action": "ping"}\n')
                client.recv(64)
            elif kind == 4:
                client.sendall(b'{"v": 1, "action": "ping"}\n')  # and hangs up unread
            # kind 2: connects and closes at once
        except OSError:
            pass  # the server may drop a rude client first; that is its right


def test_a_flood_of_connections_leaves_nothing_behind(
    qtbot: QtBot, pool: ThreadPoolExecutor, server: InstanceServer
) -> None:
    before = live_sockets()

    def flood() -> None:
        for number in range(FLOOD):
            one_client(number % 5)

    in_thread(qtbot, pool, flood, timeout_ms=120_000)  # a loaded machine is slow, not wrong
    qtbot.waitUntil(lambda: not server._connections, timeout=20_000)
    flush_deletions()
    assert server.findChildren(QLocalSocket) == []
    assert server.findChildren(QTimer) == []  # every client's timeout timer is gone too
    assert live_sockets() - before == 0
    assert_still_serves(qtbot, pool, server)


def test_dropping_the_server_with_clients_on_it_is_safe(
    qtbot: QtBot, pool: ThreadPoolExecutor
) -> None:
    instance = InstanceServer(client_timeout_ms=60_000)
    assert instance.listen()
    connections = instance._connections
    waiting = [socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) for _ in range(5)]
    try:
        for client in waiting:
            client.connect(str(socket_path()))
            client.sendall(b'{"v": 1,')
        qtbot.waitUntil(lambda: len(connections) == len(waiting))
        waiting[0].close()  # one hangs up: its socket is buried, not yet deleted
        qtbot.waitUntil(lambda: len(connections) == len(waiting) - 1)
        instance.close()
        del instance
        gc.collect()
        flush_deletions()  # a deletion queued for a server that is gone must not crash
    finally:
        for client in waiting:
            client.close()
    assert live_sockets() == 0
