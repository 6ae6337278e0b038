"""The main window: hosts the home screen, the player and the finish screen in one stack."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QWidget

from stretch_app.ui.screens.home import HomeScreen

__all__ = ["APP_TITLE", "MainWindow"]

APP_TITLE = "Nightstretch"


class MainWindow(QMainWindow):
    """One window, one screen at a time; the title says which."""

    closing = Signal()
    """Emitted before the window closes, so a running routine can stop and be recorded."""
    cramp_now_requested = Signal()
    quit_requested = Signal()
    """Quit (Ctrl+Q): really end the app, reminders and all."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("main-window")
        self.setWindowTitle(APP_TITLE)
        self.resize(1100, 720)
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.home = HomeScreen()
        self.home.cramp_now_requested.connect(self.cramp_now_requested)
        self.stack.addWidget(self.home)
        cramp_key = QShortcut(QKeySequence("C"), self)
        cramp_key.setContext(Qt.ShortcutContext.WindowShortcut)
        cramp_key.activated.connect(self.cramp_now_requested)
        full_screen = QShortcut(QKeySequence("F11"), self)
        full_screen.activated.connect(self.toggle_full_screen)
        self.quit_action = QAction(self.tr("Quit"), self)
        self.quit_action.setObjectName("quit-action")
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.quit_action.setToolTip(self.tr("Quit Nightstretch; reminders stop until it starts"))
        self.quit_action.triggered.connect(self.quit_requested.emit)
        self.addAction(self.quit_action)

    def show_screen(self, screen: QWidget, title: str | None = None) -> None:
        """Put ``screen`` in front (adding it if new) and retitle the window."""
        if self.stack.indexOf(screen) < 0:
            self.stack.addWidget(screen)
        self.stack.setCurrentWidget(screen)
        self.setWindowTitle(f"{title} — {APP_TITLE}" if title else APP_TITLE)
        screen.setFocus()

    def show_home(self) -> None:
        """Back to the routines, dropping any finished screens."""
        self.show_screen(self.home)
        for index in reversed(range(self.stack.count())):
            widget = self.stack.widget(index)
            if widget is not None and widget is not self.home:
                self.stack.removeWidget(widget)
                widget.deleteLater()
        self.home.cramp_button.setFocus()

    def current_screen(self) -> QWidget:
        """The screen in front."""
        return self.stack.currentWidget() or self.home

    def toggle_full_screen(self) -> None:
        """F11: full screen and back."""
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()

    def bring_to_front(self) -> None:
        """Show, un-minimise, raise and focus the window."""
        self.setWindowState(self.windowState() & ~Qt.WindowState.WindowMinimized)
        self.show()
        self.raise_()
        self.activateWindow()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Close without asking; whatever runs stops cleanly and is recorded."""
        self.closing.emit()
        event.accept()
