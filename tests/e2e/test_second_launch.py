"""A launch while the running app is frozen: relief still opens, reminders never run twice."""

from __future__ import annotations

import signal
import subprocess
import threading
from pathlib import Path

import pytest

from tests.e2e.test_signals import answers_ping, ended, env, start
from tests.e2e.waiting import wait_for

__all__ = ["env"]  # the fixture, shared with the signal tests

MARKER = "Reminders are run by another Nightstretch"


def lock_holders(env: dict[str, str]) -> set[int]:
    """Process ids holding a lock on the reminder lock file (from /proc/locks)."""
    inode = (Path(env["XDG_RUNTIME_DIR"]) / "nightstretch" / "reminders.lock").stat().st_ino
    holders = set()
    for line in Path("/proc/locks").read_text().splitlines():
        fields = line.split()
        # "1: FLOCK  ADVISORY  WRITE 1234 00:2a:5678 0 EOF" (a blocked waiter has "->")
        if "FLOCK" in fields and "->" not in fields and fields[5].split(":")[-1] == str(inode):
            holders.add(int(fields[4]))
    return holders


def collect(app: subprocess.Popen[str], lines: list[str]) -> threading.Thread:
    """Read what the app prints, line by line, into ``lines``."""

    def read() -> None:
        assert app.stdout is not None
        for line in app.stdout:
            lines.append(line)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    return reader


@pytest.mark.slow
def test_a_launch_beside_a_frozen_app_opens_relief_but_no_second_reminder_service(
    env: dict[str, str],
) -> None:
    if not Path("/proc/locks").is_file():
        pytest.skip("needs /proc/locks to see who holds the lock")
    first = start(env)
    second: subprocess.Popen[str] | None = None
    try:
        wait_for(lambda: answers_ping(env), "the first app to answer", process=first)
        assert lock_holders(env) == {first.pid}
        first.send_signal(signal.SIGSTOP)  # frozen: it cannot answer a hand-over
        second = start(env, "--cramp-now")
        lines: list[str] = []
        reader = collect(second, lines)
        state = Path(env["XDG_DATA_HOME"]) / "nightstretch" / "reminders.json"
        saved = state.read_bytes() if state.exists() else None
        wait_for(
            lambda: any(MARKER in line for line in lines), "the second app's word", process=second
        )
        assert lock_holders(env) == {first.pid}
        assert second.poll() is None  # it runs, for relief
        second.send_signal(signal.SIGTERM)
        assert second.wait(timeout=60) == 0, "".join(lines)
        # It kept its hands off the running app's record of what fired.
        assert (state.read_bytes() if state.exists() else None) == saved
        reader.join(timeout=60)
    finally:
        first.send_signal(signal.SIGCONT)
        if second is not None:
            if second.poll() is None:
                second.kill()
                second.wait()
            if second.stdout is not None:
                second.stdout.close()
        if first.poll() is None:
            first.send_signal(signal.SIGTERM)
        output = ended(first)
    assert first.returncode == 0, output
