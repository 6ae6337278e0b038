"""Fakes for the controllers' collaborators: each records what it was asked to do."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from stretch_app.core.guidance import Cue


class FakeHost:
    """A screen host that keeps the screens it was given and the notices it showed."""

    def __init__(self, qtbot: QtBot) -> None:
        self.qtbot = qtbot
        self.shown: list[tuple[QWidget, str]] = []
        self.notices: list[str] = []

    def show_screen(self, screen: QWidget, title: str) -> None:
        if all(screen is not s for s, _ in self.shown):
            self.qtbot.addWidget(screen)
        self.shown.append((screen, title))

    def show_notice(self, text: str, undo: bool = False) -> None:
        self.notices.append(text)

    def screen_parent(self) -> QWidget | None:
        return None


class FakeVoice:
    """Keeps the lines it was asked to say."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.warmed = 0
        self.released = 0
        self.problem: str | None = None

    def warm_up(self) -> None:
        self.warmed += 1

    def say_lines(self, lines: Sequence[str]) -> None:
        self.lines.extend(lines)

    def release_when_idle(self) -> None:
        self.released += 1


class FakeCues:
    """Keeps the cues it was asked to play."""

    def __init__(self) -> None:
        self.played: list[Cue] = []
        self.warmed = 0
        self.problem: str | None = None

    def warm_up(self) -> None:
        self.warmed += 1

    def play(self, cue: Cue) -> None:
        self.played.append(cue)


class FakeInhibitor:
    """Knows whether the screen saver is held off, and why."""

    def __init__(self) -> None:
        self.reason: str | None = None

    def inhibit(self, reason: str) -> None:
        self.reason = reason

    def release(self) -> None:
        self.reason = None
