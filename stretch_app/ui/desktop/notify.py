"""Reminder notifications: D-Bus first, then the tray balloon, then a small window of our own.

A :class:`NotifierChain` tries each notifier in turn and ends in
:class:`~stretch_app.ui.desktop.notify_window.WindowNotifier`, which always works, so a
reminder always ends in something the person sees. A notifier may also fail later (the D-Bus
server answers with an error, or not at all): it emits ``failed`` and the chain moves on to
the next one.

This module holds what every notifier shares (the note, the base class, the chain) and the
tray balloon; the D-Bus notifier lives in :mod:`.notify_dbus` and the window in
:mod:`.notify_window`.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QSystemTrayIcon

__all__ = [
    "SKIP",
    "SNOOZE",
    "START",
    "Notifier",
    "NotifierChain",
    "ReminderNote",
    "TrayNotifier",
]

log = logging.getLogger(__name__)

START, SNOOZE, SKIP = "start", "snooze", "skip"


@dataclass(frozen=True)
class ReminderNote:
    """What a reminder says; ``token`` names it in the ``action_invoked`` signals."""

    token: str
    title: str
    body: str
    snooze_minutes: int = 10

    def actions(self) -> list[tuple[str, str]]:
        """The three choices as (key, label), in the order they are shown."""
        return [
            (START, QCoreApplication.translate("ReminderWindow", "Start now")),
            (
                SNOOZE,
                QCoreApplication.translate("ReminderWindow", "Snooze {0} min").format(
                    self.snooze_minutes
                ),
            ),
            (SKIP, QCoreApplication.translate("ReminderWindow", "Skip tonight")),
        ]


class Notifier(QObject):
    """One way of showing a reminder. ``notify`` returns False when it cannot show it now."""

    action_invoked = Signal(str, str)
    """(token, action key) when the person picks one of the note's actions."""
    failed = Signal(str)
    """(token) when a note that ``notify`` accepted could not be shown after all."""

    name = "notifier"

    def notify(self, note: ReminderNote) -> bool:
        """Show ``note``; False if this notifier cannot (the chain then tries the next)."""
        raise NotImplementedError

    def withdraw(self, token: str) -> None:
        """Take the note away (it was answered elsewhere); nothing if it is not shown."""


class NotifierChain(QObject):
    """Tries notifiers in order until one shows the note; forwards the person's choice."""

    action_invoked = Signal(str, str)
    shown = Signal(str, str)
    """(token, notifier name) once a notifier has accepted a note."""

    def __init__(self, notifiers: Sequence[Notifier], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.notifiers = list(notifiers)
        self._serving: dict[str, int] = {}
        self._notes: dict[str, ReminderNote] = {}
        for index, notifier in enumerate(self.notifiers):
            notifier.action_invoked.connect(self._on_action)
            notifier.failed.connect(lambda token, index=index: self._on_failed(token, index))

    def notify(self, note: ReminderNote) -> str:
        """Show ``note`` with the first notifier that can; returns that notifier's name."""
        self._notes[note.token] = note
        return self._try_from(note, 0)

    def withdraw(self, token: str) -> None:
        """Take the note away wherever it is shown."""
        self._notes.pop(token, None)
        index = self._serving.pop(token, None)
        if index is not None:
            self.notifiers[index].withdraw(token)

    def _try_from(self, note: ReminderNote, start: int) -> str:
        for index in range(start, len(self.notifiers)):
            notifier = self.notifiers[index]
            if notifier.notify(note):
                self._serving[note.token] = index
                self.shown.emit(note.token, notifier.name)
                return notifier.name
        log.error("no notifier could show the reminder %s", note.token)
        return ""

    def _on_failed(self, token: str, index: int) -> None:
        note = self._notes.get(token)
        if note is not None and self._serving.get(token) == index:
            log.info("%s could not show %s; trying the next way", self.notifiers[index].name, token)
            self._try_from(note, index + 1)

    def _on_action(self, token: str, action: str) -> None:
        if token not in self._notes:
            return  # already answered (e.g. on the window while the bus one was open)
        self.withdraw(token)
        self.action_invoked.emit(token, action)


class TrayNotifier(Notifier):
    """The tray icon's balloon; clicking it means "Start now". Needs a tray that shows messages."""

    name = "tray"

    def __init__(self, tray: QSystemTrayIcon | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tray = tray
        self._token = ""
        if tray is not None:
            tray.messageClicked.connect(self._on_clicked)

    def notify(self, note: ReminderNote) -> bool:
        """Show a balloon; False where there is no visible tray icon that supports them."""
        tray = self._tray
        if tray is None or not tray.isVisible() or not QSystemTrayIcon.supportsMessages():
            return False
        self._token = note.token
        text = QCoreApplication.translate("ReminderWindow", "{0}\nClick to start.").format(
            note.body
        )
        tray.showMessage(note.title, text, tray.icon(), 60_000)
        return True

    def _on_clicked(self) -> None:
        if self._token:
            token, self._token = self._token, ""
            self.action_invoked.emit(token, START)
