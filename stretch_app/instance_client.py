"""The hand-over protocol between a second ``stretch-app`` and the one already running.

Pure standard library and no Qt at all, so that ``stretch-app --cramp-now`` with the app
already running costs an interpreter start and one local socket round trip.

A request is one line of JSON, at most :data:`MAX_MESSAGE_BYTES` with its newline::

    {"v": 1, "action": "cramp-now"}
    {"v": 1, "action": "routine", "routine": "bedtime"}

A request that asks for a window (not ``ping``) may carry what the desktop gave the later
launch to let its window come to the front: ``"activation_token"`` (Wayland's
``XDG_ACTIVATION_TOKEN``) and ``"startup_id"`` (X11's ``DESKTOP_STARTUP_ID``)::

    {"v": 1, "action": "cramp-now", "activation_token": "4d2c…"}

and the running app answers ``ok`` or ``error`` on one line. The socket lives in a folder
only this user can enter (``$XDG_RUNTIME_DIR/nightstretch/``), so only this user can connect.
"""

from __future__ import annotations

# os.path, not pathlib, on the hand-over's path (see the imports below).
# ruff: noqa: PTH101, PTH102, PTH112, PTH117, PTH118, PTH120
# Only modules Python has loaded before ours, and C modules: a hand-over to the running app
# pays for nothing else (``re``, ``json``, ``enum`` via ``socket``/``signal``, ``pathlib`` and
# ``typing`` cost it about 10 ms, a quarter of its budget; docs/performance.md). ``_socket``
# and ``_json`` are the C halves of ``socket`` and ``json`` (whose Python halves import
# ``enum`` and ``re``); what else the server side needs is imported where it is used.
import _socket
import os
import stat
import sys
import time
from _json import encode_basestring_ascii

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any

__all__ = [
    "ACTIONS",
    "ACTIVATION_KEYS",
    "MAX_MESSAGE_BYTES",
    "PROTOCOL_VERSION",
    "InstanceRequestError",
    "ReminderLock",
    "UnsafeSocketFolderError",
    "encode_request",
    "is_listening",
    "parse_request",
    "peer_uid",
    "send_to_running",
    "socket_path",
    "valid_activation_token",
    "valid_routine_id",
]

PROTOCOL_VERSION = 1
MAX_MESSAGE_BYTES = 4096
#: What a request may ask for. ``ping`` only asks "are you there?" (``--tray`` uses it).
ACTIONS = frozenset({"show", "cramp-now", "routine", "ping"})
#: A routine id: a lower-case letter or digit, then up to 47 of those or dashes.
_ID_FIRST = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
_ID_CHARS = _ID_FIRST | {"-"}
_ID_MAX = 48
#: Activation tokens and startup ids: printable ASCII without spaces (``!`` to ``~``), as
#: compositors make them, at most this long.
_TOKEN_MAX = 256
#: The environment variables a launcher sets, and the request keys that carry them.
ACTIVATION_KEYS = {"activation_token": "XDG_ACTIVATION_TOKEN", "startup_id": "DESKTOP_STARTUP_ID"}
_SOCKET_NAME = "instance.sock"
_LOCK_NAME = "reminders.lock"
# sockaddr_un.sun_path is 108 bytes on Linux, the terminating NUL included.
_MAX_SOCKET_PATH = 107


class InstanceRequestError(ValueError):
    """A hand-over message that is not a valid request."""


class UnsafeSocketFolderError(OSError):
    """The socket folder is not a private folder of this user, so it must not be used."""


def valid_routine_id(text: str) -> bool:
    """Whether ``text`` has the form of a routine id (lower-case letters, digits, dashes)."""
    return 0 < len(text) <= _ID_MAX and text[0] in _ID_FIRST and all(c in _ID_CHARS for c in text)


def valid_activation_token(text: object) -> bool:
    """Whether ``text`` can be an activation token or a startup id (checked, never trusted)."""
    return (
        isinstance(text, str) and 0 < len(text) <= _TOKEN_MAX and all("!" <= c <= "~" for c in text)
    )


def _private_folder(folder: str) -> str:
    """Create ``folder`` mode 0700, or check that the existing one is ours and private."""
    try:  # noqa: SIM105 (contextlib is not loaded before a hand-over)
        os.mkdir(folder, 0o700)
    except FileExistsError:
        pass
    info = os.lstat(folder)  # lstat: a symlink planted here is refused, not followed
    if not stat.S_ISDIR(info.st_mode):
        raise UnsafeSocketFolderError(f"{folder} is not a folder")
    if info.st_uid != os.getuid():
        raise UnsafeSocketFolderError(f"{folder} belongs to another user")
    if stat.S_IMODE(info.st_mode) != 0o700:
        os.chmod(folder, 0o700)
    return folder


def _socket_file() -> str:
    """:func:`socket_path` as a plain string (``os.path``: no ``pathlib`` on the hand-over)."""
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    if runtime and os.path.isabs(runtime) and os.path.isdir(runtime):
        folder = os.path.join(runtime, "nightstretch")
    else:
        import tempfile  # only here: it costs a few ms of the hand-over's start-up

        folder = os.path.join(tempfile.gettempdir(), f"nightstretch-{os.getuid()}")
    path = os.path.join(_private_folder(folder), _SOCKET_NAME)
    if len(os.fsencode(path)) > _MAX_SOCKET_PATH:
        raise UnsafeSocketFolderError(f"socket path too long for AF_UNIX: {path}")
    return path


def socket_path() -> Path:
    """Where the running app listens; creates the private folder it lives in.

    ``$XDG_RUNTIME_DIR/nightstretch/instance.sock``, or without a runtime dir
    ``<tmp>/nightstretch-<uid>/instance.sock``. Raises :class:`UnsafeSocketFolderError`
    (an ``OSError``) when the folder exists but is not this user's, or the path is too long.
    """
    from pathlib import Path

    return Path(_socket_file())


class ReminderLock:
    """Held by the one running app that fires the reminders, so no reminder fires twice.

    An exclusive ``flock`` on ``reminders.lock`` next to the socket. A launch that can hand
    nothing over (the running app is frozen or flooded) still opens its window, since relief
    must always come up, but it finds the lock taken and runs no reminders. The kernel frees
    the lock when its holder ends, however it ends (SIGKILL and crashes too).
    """

    def __init__(self, fd: int | None) -> None:
        self._fd = fd

    @classmethod
    def take(cls) -> ReminderLock | None:
        """The lock, or None when another running app holds it.

        When no lock file can be made at all (no private folder), there is nothing to agree
        on and the lock is granted: reminders from two apps beat none.
        """
        import fcntl

        try:
            path = os.path.join(os.path.dirname(_socket_file()), _LOCK_NAME)
            fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600)
        except OSError:
            return cls(None)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            return None
        except OSError:
            os.close(fd)
            return cls(None)
        return cls(fd)

    def release(self) -> None:
        """Let the lock go (closing the file frees it)."""
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


def peer_uid(sock: _socket.socket) -> int | None:
    """The user id of the process at the other end of a local socket (None if unknown)."""
    option = getattr(_socket, "SO_PEERCRED", None)
    if option is None:
        return None
    try:
        # struct ucred: three native ints, pid, uid, gid (read without the struct module).
        credentials = sock.getsockopt(_socket.SOL_SOCKET, option, 12)
    except OSError:
        return None
    return int.from_bytes(credentials[4:8], sys.byteorder, signed=True)


def _reject_constant(name: str) -> Any:
    raise InstanceRequestError(f"not a JSON number: {name}")


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise InstanceRequestError(f"duplicate key {key!r}")
        result[key] = value
    return result


def parse_request(line: bytes) -> dict[str, Any]:
    """Check one request line (without its newline) strictly; raises InstanceRequestError."""
    if len(line) >= MAX_MESSAGE_BYTES:  # the newline after it counts too
        raise InstanceRequestError(f"message longer than {MAX_MESSAGE_BYTES} bytes")
    import json  # the running app's side only: the hand-over never reads JSON

    try:
        text = line.decode("utf-8")
        request = json.loads(
            text, object_pairs_hook=_no_duplicate_keys, parse_constant=_reject_constant
        )
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise InstanceRequestError(f"not JSON: {exc}") from None
    if not isinstance(request, dict):
        raise InstanceRequestError(f"not a JSON object but {type(request).__name__}")
    version = request.get("v")
    if type(version) is not int or version != PROTOCOL_VERSION:
        raise InstanceRequestError(f"unknown protocol version {version!r}")
    action = request.get("action")
    if not isinstance(action, str) or action not in ACTIONS:
        raise InstanceRequestError(f"unknown action {action!r}")
    allowed = {"v", "action", "routine"} if action == "routine" else {"v", "action"}
    if action != "ping":
        allowed |= set(ACTIVATION_KEYS)
    extra = set(request) - allowed
    if extra:
        raise InstanceRequestError(f"unexpected keys {sorted(extra)!r}")
    for key in ACTIVATION_KEYS:
        if key in request and not valid_activation_token(request[key]):
            raise InstanceRequestError(f"bad {key} {request[key]!r:.80}")
    if action == "routine":
        routine = request.get("routine")
        if not isinstance(routine, str) or not valid_routine_id(routine):
            raise InstanceRequestError(f"bad routine id {routine!r}")
    return request


def _read_reply(sock: _socket.socket, deadline: float) -> bytes:
    reply = b""
    while b"\n" not in reply and len(reply) < 64:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError("no reply from the running app")
        sock.settimeout(remaining)
        chunk = sock.recv(64)
        if not chunk:
            break
        reply += chunk
    return reply


def is_listening(path: Path, *, timeout: float = 0.3) -> bool:
    """Whether something accepts connections on the socket at ``path``.

    A refused connection means a stale socket file left by a crashed app; a missing file, no
    app. Connecting sends nothing: the app that listens just sees a client that hung up.
    """
    sock = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
    try:
        sock.settimeout(timeout)
        sock.connect(os.fsencode(path))
    except (ConnectionRefusedError, FileNotFoundError):
        return False
    except OSError:  # a timeout or a full backlog: an app is there, but busy
        return True
    finally:
        sock.close()
    return True


REPLY_TIMEOUT_S = 3.0
"""How long a later launch waits for the running app's answer (ours).

The running app listens before its slow part of start-up, so a request may wait in the socket
until its event loop runs: on a loaded machine that took over a second, and a 1 s limit made
the later launch open a second window. A frozen app still costs at most these few seconds
before this launch opens relief itself (without a second reminder service).
"""


def send_to_running(
    request: dict[str, Any],
    *,
    connect_timeout: float = 0.3,
    reply_timeout: float = REPLY_TIMEOUT_S,
) -> bool:
    """Hand ``request`` to the running app; True if it answered ``ok``.

    False when no app runs (no socket, or a stale one: connection refused), when the socket
    folder is not private, or when the app does not answer ``ok`` within ``reply_timeout``.
    """
    payload = encode_request(request)
    if len(payload) > MAX_MESSAGE_BYTES:
        return False
    try:
        path = _socket_file()
        sock = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
    except OSError:  # an unsafe folder, or no socket to be had
        return False
    try:
        sock.settimeout(connect_timeout)
        sock.connect(os.fsencode(path))
        uid = peer_uid(sock)
        if uid is not None and uid != os.getuid():
            return False
        deadline = time.monotonic() + reply_timeout
        sock.settimeout(reply_timeout)
        sock.sendall(payload)
        return _read_reply(sock, deadline) == b"ok\n"
    except OSError:  # ENOENT, ECONNREFUSED (stale), timeouts
        return False
    finally:
        sock.close()


def encode_request(request: dict[str, Any]) -> bytes:
    """One request line, newline included: compact JSON, as ``json.dumps`` writes it.

    Written by hand because ``json`` (with ``re`` and ``enum``) would cost the hand-over more
    than the rest of it; a request only ever holds text and whole numbers.
    """
    fields = []
    for key, value in request.items():
        if isinstance(value, str):
            text = encode_basestring_ascii(value)
        elif type(value) is int:
            text = str(value)
        else:
            raise TypeError(f"a request holds text and whole numbers, not {value!r}")
        fields.append(f"{encode_basestring_ascii(key)}:{text}")
    return ("{" + ",".join(fields) + "}\n").encode("ascii")
