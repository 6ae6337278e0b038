"""Waiting for what another process does: poll a condition until a deadline, never a fixed sleep.

This is for conditions only another process, the X server or the file system can make true: a
socket appears, a window is mapped, the app answers a ping, a file is saved. Where the test's
own process runs the Qt event loop (an app or a D-Bus service built in the test), wait with
``qtbot.waitUntil`` instead: it keeps that loop turning while it waits.
"""

from __future__ import annotations

import subprocess
import time
from collections.abc import Callable
from typing import Any

import pytest

__all__ = ["WAIT_S", "holds_within", "stop_process", "wait_for"]

WAIT_S = 60.0
"""Generous: these machines are shared, and a budget met only when idle is a broken test."""


def holds_within(
    condition: Callable[[], object],
    seconds: float = WAIT_S,
    *,
    process: subprocess.Popen[Any] | None = None,
    interval: float = 0.01,
) -> bool:
    """Whether ``condition`` came true within ``seconds`` (and before ``process`` ended)."""
    deadline = time.monotonic() + seconds
    while not condition():
        if process is not None and process.poll() is not None:
            return bool(condition())  # it may have come true just as the process ended
        if time.monotonic() > deadline:
            return False
        time.sleep(interval)  # the one sleep of the tests: a poll, not a wait for luck
    return True


def wait_for(
    condition: Callable[[], object],
    what: str,
    *,
    process: subprocess.Popen[Any] | None = None,
    seconds: float = WAIT_S,
    interval: float = 0.01,
) -> None:
    """Poll ``condition`` until it holds; fail, saying ``what`` was awaited, if it does not.

    With ``process``, fail at once when that process exits first, with what it printed.
    """
    if holds_within(condition, seconds, process=process, interval=interval):
        return
    if process is not None and process.poll() is not None:
        output = process.communicate()[0] or ""
        pytest.fail(f"the process exited ({process.returncode}) before {what}: {output}")
    pytest.fail(f"timed out after {seconds:g} s waiting for {what}")


def stop_process(process: subprocess.Popen[Any], seconds: float = 10.0) -> None:
    """End a helper the test started (a bus, an X server, a compositor): asked, then killed.

    SIGTERM first, so it can clean up; SIGKILL if it has not ended within ``seconds``.
    """
    process.terminate()
    try:
        process.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=seconds)  # SIGKILL cannot be refused: a hang here is a finding
