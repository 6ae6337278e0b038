"""The tray icon: Cramp now first, each routine, the next reminder, pause tonight, quit.

The menu is rebuilt from the app's current state each time it opens (``aboutToShow``), so it
never shows a stale next reminder. Where the desktop has no tray (GNOME without extensions,
a bare X server) :class:`TrayIcon` does nothing and says so through ``available``; the app
still runs, and reminders still reach the person through the other notifiers.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

__all__ = ["TrayIcon", "TrayState"]


@dataclass(frozen=True)
class TrayState:
    """What the menu shows: the routines (id, name), the next reminder, whether paused."""

    routines: Sequence[tuple[str, str]] = ()
    next_reminder: str = "Reminders off"
    paused_tonight: bool = False


class TrayIcon(QObject):
    """A tray icon with a menu rebuilt on every opening; a silent no-op where no tray exists."""

    cramp_now_requested = Signal()
    start_requested = Signal(str)
    open_requested = Signal()
    pause_tonight_requested = Signal()
    quit_requested = Signal()

    def __init__(
        self,
        icon: QIcon,
        state: Callable[[], TrayState],
        parent: QObject | None = None,
        *,
        available: bool | None = None,
    ) -> None:
        super().__init__(parent)
        self._state = state
        if available is None:
            available = QSystemTrayIcon.isSystemTrayAvailable()
        self.available = available
        self.menu = QMenu()
        self.menu.setObjectName("tray-menu")
        self.menu.aboutToShow.connect(self.rebuild_menu)
        self.icon: QSystemTrayIcon | None = None
        if available:
            self.icon = QSystemTrayIcon(icon, self)
            self.icon.setContextMenu(self.menu)
            self.icon.activated.connect(self._on_activated)
        self.rebuild_menu()

    def show(self) -> None:
        """Put the icon in the tray (nothing where there is no tray)."""
        if self.icon is not None:
            self.icon.show()

    def hide(self) -> None:
        """Take the icon out of the tray."""
        if self.icon is not None:
            self.icon.hide()

    @property
    def visible(self) -> bool:
        """Whether the icon is in the tray."""
        return self.icon is not None and self.icon.isVisible()

    def set_tooltip(self, text: str) -> None:
        """The text shown when the pointer rests on the icon."""
        if self.icon is not None:
            self.icon.setToolTip(text)

    def tooltip(self) -> str:
        """The icon's tooltip ("" where there is no tray)."""
        return self.icon.toolTip() if self.icon is not None else ""

    def rebuild_menu(self) -> None:
        """Fill the menu from the app's current state."""
        state = self._state()
        menu = self.menu
        menu.clear()
        self._add(menu, self.tr("Cramp now"), self.cramp_now_requested.emit)
        start = menu.addMenu(self.tr("Start"))
        start.setObjectName("tray-start-menu")
        for routine_id, name in state.routines:
            self._add(start, name, partial(self.start_requested.emit, routine_id))
        start.setEnabled(bool(state.routines))
        menu.addSeparator()
        next_line = menu.addAction(state.next_reminder)
        next_line.setEnabled(False)
        pause = self._add(
            menu, self.tr("Pause reminders tonight"), self.pause_tonight_requested.emit
        )
        pause.setEnabled(not state.paused_tonight)
        menu.addSeparator()
        self._add(menu, self.tr("Open Nightstretch"), self.open_requested.emit)
        self._add(menu, self.tr("Quit"), self.quit_requested.emit)

    def actions(self) -> list[str]:
        """The menu's item texts, top to bottom (separators left out); for tests and logs."""
        return [a.text() for a in self.menu.actions() if not a.isSeparator()]

    def _add(self, menu: QMenu, text: str, slot: Callable[[], None]) -> QAction:
        action = menu.addAction(text)
        action.triggered.connect(lambda _=False: slot())
        return action

    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.open_requested.emit()

    def close(self) -> None:
        """Remove the icon and free the menu."""
        self.hide()
        self.menu.deleteLater()
