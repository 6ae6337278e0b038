"""Shared test set-up: offscreen Qt, every user folder inside the test's temporary folder,
and no test may leave a Qt timer running or a window open.

The leak rule (fixture ``nothing_left_running``; the logic is in ``tests/leaks.py``): when a
test ends, after pytest-qt has closed the widgets given to ``qtbot.addWidget`` and pending
deletions have run, no timer made by ``stretch_app.ui.timers.named_timer`` (or any named QTimer
in the app's object tree) may still be active, and no top-level window the test showed may
still be visible. Otherwise the test fails with a list of what leaked. Fix the shutdown path in
production code first (a finished or closed screen stops its timers); in the test, end what it
started (``qtbot.addWidget(widget)``, ``app.shutdown()``, ``voice.shut_down()``). Every timer
of the app must be made through ``named_timer`` so this check can see it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
ROUTINES = REPO / "routines"
ASSETS = REPO / "assets"


@pytest.fixture(autouse=True)
def private_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point HOME and every XDG folder at the test's own folder, so nothing touches ``~``."""
    home = tmp_path / "home"
    for name, sub in (
        ("XDG_CONFIG_HOME", ".config"),
        ("XDG_DATA_HOME", ".local/share"),
        ("XDG_STATE_HOME", ".local/state"),
        ("XDG_CACHE_HOME", ".cache"),
    ):
        folder = home / sub
        folder.mkdir(parents=True, exist_ok=True)
        monkeypatch.setenv(name, str(folder))
    monkeypatch.setenv("HOME", str(home))
    yield home


@pytest.fixture(autouse=True)
def nothing_left_running(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Fail a test that leaves a timer of ours running or a window open (rule at the top)."""
    from stretch_app.ui import timers
    from tests import leaks

    recorder = leaks.TimerRecorder()
    monkeypatch.setattr(timers, "QTimer", recorder)
    windows_before = leaks.shown_windows()
    yield
    leaks.check(recorder, windows_before, pytest.fail)
