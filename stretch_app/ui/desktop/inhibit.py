"""Keep the screen awake during a routine, through org.freedesktop.ScreenSaver over D-Bus.

Silently does nothing where there is no session bus or no screen saver service: a routine
must never wait on, or fail because of, the desktop.
"""

from __future__ import annotations

import logging
import os
from typing import Any

__all__ = ["ScreenSaverInhibitor"]

log = logging.getLogger(__name__)

_SERVICE = "org.freedesktop.ScreenSaver"
_PATH = "/org/freedesktop/ScreenSaver"
_TIMEOUT_S = 0.5


class ScreenSaverInhibitor:
    """Asks the screen saver not to blank the screen; releases on request or when closed."""

    def __init__(self, app_name: str = "Nightstretch") -> None:
        self._app_name = app_name
        self._cookie: int | None = None
        self._connection: Any = None
        self._unavailable = not os.environ.get("DBUS_SESSION_BUS_ADDRESS")

    @property
    def active(self) -> bool:
        """True while the screen is being kept awake."""
        return self._cookie is not None

    def _call(self, method: str, signature: str, body: tuple[object, ...]) -> tuple[Any, ...]:
        from jeepney import DBusAddress, MessageType, new_method_call
        from jeepney.io.blocking import open_dbus_connection

        if self._connection is None:
            self._connection = open_dbus_connection(bus="SESSION")
        address = DBusAddress(_PATH, bus_name=_SERVICE, interface=_SERVICE)
        message = new_method_call(address, method, signature, body)
        reply = self._connection.send_and_get_reply(message, timeout=_TIMEOUT_S)
        if reply.header.message_type is MessageType.error:
            raise RuntimeError(f"{method} failed: {reply.body}")
        return tuple(reply.body)

    def inhibit(self, reason: str) -> bool:
        """Keep the screen awake; False (quietly) where the desktop cannot."""
        if self._cookie is not None or self._unavailable:
            return self._cookie is not None
        try:
            (cookie,) = self._call("Inhibit", "ss", (self._app_name, reason))
            self._cookie = int(cookie)
        except Exception as exc:  # no bus, no service, timeout: never the routine's problem
            log.info("screen saver inhibit unavailable: %s", exc)
            self._unavailable = True
            self._close()
            return False
        return True

    def release(self) -> None:
        """Let the screen saver work again."""
        if self._cookie is None:
            return
        cookie, self._cookie = self._cookie, None
        try:
            self._call("UnInhibit", "u", (cookie,))
        except Exception as exc:
            log.info("screen saver uninhibit failed: %s", exc)
        self._close()

    def _close(self) -> None:
        if self._connection is not None:
            try:
                self._connection.close()
            finally:
                self._connection = None
