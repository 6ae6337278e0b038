"""Single instance: the running app listens on a user-only local socket for hand-overs.

A second ``stretch-app`` (or ``--cramp-now``) sends one request line (see
:mod:`stretch_app.instance_client`); this server checks it and emits
:attr:`InstanceServer.request_received`. Nothing a client sends can raise here or block the
event loop: every connection is read through ``readyRead`` into its own capped buffer, and a
client that stays silent is dropped by a timer.
"""

from __future__ import annotations

import logging
import os
import socket
import weakref
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from shiboken6 import isValid

from stretch_app.instance_client import (
    MAX_MESSAGE_BYTES,
    InstanceRequestError,
    is_listening,
    parse_request,
    peer_uid,
    socket_path,
)

__all__ = ["InstanceServer"]

log = logging.getLogger(__name__)

_CLIENT_TIMEOUT_MS = 2000


class _Connection:
    """One client: its socket, what it sent so far, and the timer that drops it if silent."""

    def __init__(self, client: QLocalSocket, timer: QTimer) -> None:
        self.client = client
        self.timer = timer
        self.buffer = b""
        self.done = False


def _same_user(client: QLocalSocket) -> bool:
    """Whether the client runs as this user (the socket's permissions already ensure it)."""
    descriptor = int(client.socketDescriptor())
    if descriptor < 0:
        return False
    try:
        with socket.socket(fileno=os.dup(descriptor)) as probe:
            uid = peer_uid(probe)
    except OSError:
        return False
    return uid is None or uid == os.getuid()


class InstanceServer(QObject):
    """Listens for hand-over requests from later launches of the app."""

    request_received = Signal(dict)
    """A valid request: ``{"v": 1, "action": "show" | "cramp-now" | "routine", ...}``."""

    def __init__(
        self, parent: QObject | None = None, *, client_timeout_ms: int = _CLIENT_TIMEOUT_MS
    ) -> None:
        super().__init__(parent)
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._on_new_connection)
        self._client_timeout_ms = client_timeout_ms
        self._connections: list[_Connection] = []
        self._path: Path | None = None
        # Sockets of finished clients, deleted on the next turn of the event loop (never in
        # their own signal handlers). Qt creates them as children of the QLocalServer, and
        # PySide keeps their wrappers there for as long as the server lives: deleteLater
        # alone left one dead wrapper (about 1 KB) per connection, for ever.
        self._closing: list[QLocalSocket] = []
        self._reap_pending = False

    @property
    def path(self) -> Path | None:
        """The socket file while listening, else None."""
        return self._path if self._server.isListening() else None

    def listen(self) -> bool:
        """Start listening; False if another live instance already listens (or no socket)."""
        try:
            path = socket_path()
        except OSError as exc:
            log.warning("No single-instance socket: %s", exc)
            return False
        if path.exists() or path.is_symlink():
            if is_listening(path):
                return False
            log.info("Removing a stale instance socket %s", path)
            QLocalServer.removeServer(str(path))
        if not self._server.listen(str(path)):
            log.warning("Cannot listen on %s: %s", path, self._server.errorString())
            return False
        try:
            path.chmod(0o600)
        except OSError as exc:
            log.warning("Cannot restrict %s: %s", path, exc)
        self._path = path
        return True

    def close(self) -> None:
        """Stop listening, drop every client and remove the socket file."""
        for connection in list(self._connections):
            self._drop(connection)
        if self._server.isListening():
            # On Unix this removes the socket file too; nothing else is removed here, as the
            # path may already belong to a newer instance.
            self._server.close()
        self._path = None

    # --- connections --------------------------------------------------------------------------

    def _on_new_connection(self) -> None:
        while self._server.hasPendingConnections():
            client = self._server.nextPendingConnection()
            if client is None:
                break
            if not _same_user(client):
                log.warning("Refused an instance connection from another user")
                client.abort()
                self._bury(client)
                continue
            timer = QTimer(self)
            timer.setObjectName("instance-client-timeout")
            timer.setSingleShot(True)
            connection = _Connection(client, timer)
            self._connections.append(connection)
            # The handlers hold the connection weakly: a strong hold from the socket's own
            # signals would keep the socket alive through its connection for ever.
            ref = weakref.ref(connection)
            timer.timeout.connect(lambda r=ref: self._for(r, self._on_silent))
            client.readyRead.connect(lambda r=ref: self._for(r, self._on_ready_read))
            client.disconnected.connect(lambda r=ref: self._for(r, self._on_disconnected))
            timer.start(self._client_timeout_ms)
            if client.bytesAvailable() > 0:
                self._on_ready_read(connection)

    @staticmethod
    def _for(
        ref: weakref.ReferenceType[_Connection], handler: Callable[[_Connection], None]
    ) -> None:
        connection = ref()
        if connection is not None:
            handler(connection)

    def _on_ready_read(self, connection: _Connection) -> None:
        if connection.done:
            return
        # Never hold more than one message's worth: the newline counts towards the cap.
        room = MAX_MESSAGE_BYTES - len(connection.buffer)
        connection.buffer += bytes(connection.client.read(room).data())
        line, newline, _rest = connection.buffer.partition(b"\n")
        if not newline:
            if len(connection.buffer) >= MAX_MESSAGE_BYTES:
                log.warning("Ignored an instance message longer than %d bytes", MAX_MESSAGE_BYTES)
                self._drop(connection)
            return
        self._answer(connection, line)

    def _answer(self, connection: _Connection, line: bytes) -> None:
        try:
            request = parse_request(line)
        except InstanceRequestError as exc:
            log.warning("Ignored an instance message (%s): %.80r", str(exc), line)
            self._reply(connection, b"error\n")
            return
        self._reply(connection, b"ok\n")
        if request["action"] != "ping":
            log.debug("Hand-over request %r", request)
            self.request_received.emit(request)

    def _reply(self, connection: _Connection, answer: bytes) -> None:
        connection.done = True
        connection.timer.stop()
        client = connection.client
        client.write(answer)
        client.flush()
        client.disconnectFromServer()  # writes what is pending, then emits disconnected
        if client.state() == QLocalSocket.LocalSocketState.UnconnectedState:
            self._forget(connection)

    def _on_silent(self, connection: _Connection) -> None:
        log.warning("Dropped an instance client that sent no request in time")
        self._drop(connection)

    def _on_disconnected(self, connection: _Connection) -> None:
        if not connection.done and connection.buffer:
            log.warning("Ignored an unfinished instance message: %.80r", connection.buffer)
        self._forget(connection)

    def _drop(self, connection: _Connection) -> None:
        connection.done = True
        if isValid(connection.client):
            connection.client.abort()
        self._forget(connection)

    def _forget(self, connection: _Connection) -> None:
        connection.done = True
        if connection not in self._connections:
            return
        self._connections.remove(connection)
        # At teardown Qt may already have deleted these along with the server.
        if isValid(connection.timer):
            connection.timer.stop()
            connection.timer.deleteLater()
        if isValid(connection.client):
            self._bury(connection.client)

    def _bury(self, client: QLocalSocket) -> None:
        """Delete ``client`` soon, once its signal handlers have returned."""
        self._closing.append(client)
        if not self._reap_pending:
            self._reap_pending = True
            QTimer.singleShot(0, self, self._reap)  # dropped if the server is gone by then

    def _reap(self) -> None:
        self._reap_pending = False
        closing, self._closing = self._closing, []
        for client in closing:
            if isValid(client):
                # Without a parent the wrapper owns the socket: dropping the last reference
                # (the list, just below) deletes both; deleteLater would leave the wrapper.
                client.setParent(None)
        closing.clear()
