"""The small protocols controllers are given their collaborators as.

Each names only what a controller calls, so a test can pass a fake and the real part
(``ProcessVoice``, ``DeferredCuePlayer``, ``ScreenSaverInhibitor``, ``Journal``, the main window)
fits without knowing about it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Protocol

from PySide6.QtWidgets import QWidget

from stretch_app.core.journal import EpisodeDetails
from stretch_app.core.kinds import Cue
from stretch_app.ui.screens.main_window import MainWindow

__all__ = [
    "Cues",
    "EpisodeJournal",
    "Inhibitor",
    "ScreenHost",
    "SessionJournal",
    "Voice",
    "WindowHost",
]


class Voice(Protocol):
    """Speaks lines aloud (or does nothing, quietly, when it cannot)."""

    def warm_up(self) -> None:
        """Start the speech helper ahead of the first line."""

    def say_lines(self, lines: Sequence[str]) -> None:
        """Speak ``lines`` one after another."""

    def release_when_idle(self) -> None:
        """Let the helper go once it has finished speaking."""

    @property
    def problem(self) -> str | None:
        """Why it cannot speak, or None."""


class Cues(Protocol):
    """Plays the short sound cues."""

    def warm_up(self) -> object:
        """Load the sounds ahead of the first cue."""

    def play(self, cue: Cue) -> None:
        """Play one cue."""

    @property
    def problem(self) -> str | None:
        """Why it cannot play, or None."""


class SessionJournal(Protocol):
    """The part of the journal that keeps routines done (or left part-way)."""

    def record_session(
        self,
        routine_id: str,
        started_at: datetime,
        ended_at: datetime,
        *,
        completed: bool,
        holds_done: int = 0,
        last_step_index: int = 0,
    ) -> int:
        """Record one routine; return its id."""


class Inhibitor(Protocol):
    """Keeps the screen saver away while something runs."""

    def inhibit(self, reason: str) -> None:
        """Ask the desktop not to blank the screen, saying why."""

    def release(self) -> None:
        """Let the screen saver work again."""


class EpisodeJournal(Protocol):
    """The part of the journal that keeps cramp episodes."""

    def add_episode(self, details: EpisodeDetails) -> int:
        """Record an episode; return its id."""

    def update_episode(
        self, episode_id: int, edit: Callable[[EpisodeDetails], EpisodeDetails]
    ) -> None:
        """Change an episode's details by ``edit``; ``KeyError`` when there is no such one."""

    def delete_episode(self, episode_id: int) -> bool:
        """Remove an episode; whether there was one."""


class ScreenHost(Protocol):
    """Where a controller puts its screens and its one-line notices (the main window)."""

    def show_screen(self, screen: QWidget, title: str) -> None:
        """Show ``screen`` with ``title`` in the window's title."""

    def show_notice(self, text: str, undo: bool = False) -> None:
        """Show a short notice on the home screen (with an Undo button when ``undo``)."""

    def screen_parent(self) -> QWidget | None:
        """Where a new screen will live, to build it there (or None)."""


class WindowHost:
    """The main window as a :class:`ScreenHost`: screens in its stack, notices on its home."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window

    def show_screen(self, screen: QWidget, title: str) -> None:
        """Show ``screen`` in the window."""
        self.window.show_screen(screen, title)

    def show_notice(self, text: str, undo: bool = False) -> None:
        """Show ``text`` on the home screen."""
        self.window.home.show_notice(text, undo=undo)

    def screen_parent(self) -> QWidget:
        """The window's stack: a screen built inside it gets its style once, not twice.

        (Built loose and then added, Qt styles every widget of it again: about 10 ms of a
        hand-over's relief screen, docs/performance.md.)
        """
        return self.window.stack
