"""The e2e poll helper: it returns once the condition holds, and its failures say why."""

from __future__ import annotations

import signal
import subprocess
import sys
from itertools import count

import pytest

from tests.e2e.waiting import holds_within, stop_process, wait_for


def test_it_returns_once_the_condition_holds() -> None:
    polls = count(1)
    wait_for(lambda: next(polls) >= 3, "the third look")
    assert next(polls) == 4  # it looked three times and stopped


def test_a_condition_that_never_holds_fails_naming_what_was_awaited() -> None:
    with pytest.raises(pytest.fail.Exception, match=r"timed out after 0\.05 s waiting for a sign"):
        wait_for(lambda: False, "a sign", seconds=0.05)
    assert not holds_within(lambda: False, 0.05)


def test_a_process_that_ends_first_fails_at_once_with_what_it_printed() -> None:
    process = subprocess.Popen(
        [sys.executable, "-c", "print('gone to bed'); raise SystemExit(3)"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    process.wait()
    looks = count(1)
    with pytest.raises(pytest.fail.Exception, match=r"exited \(3\) before the ping: gone to bed"):
        wait_for(lambda: next(looks) < 0, "the ping", process=process, seconds=5)
    assert next(looks) == 3  # a look, and one more as it ended: the deadline not waited out


def test_a_helper_that_ignores_sigterm_is_killed() -> None:
    deaf = (
        "import signal\nsignal.signal(signal.SIGTERM, signal.SIG_IGN)\nprint('deaf', flush=True)\n"
    )
    stubborn = subprocess.Popen(
        [sys.executable, "-c", deaf + "signal.pause()"], stdout=subprocess.PIPE, text=True
    )
    assert stubborn.stdout is not None
    try:
        assert stubborn.stdout.readline() == "deaf\n"  # SIGTERM is ignored from here on
        stop_process(stubborn, seconds=0.2)
        assert stubborn.returncode == -signal.SIGKILL
    finally:
        if stubborn.poll() is None:
            stubborn.kill()
            stubborn.wait()
        stubborn.stdout.close()
    willing = subprocess.Popen([sys.executable, "-c", "import signal; signal.pause()"])
    stop_process(willing)
    assert willing.returncode == -signal.SIGTERM
