"""The main window: hosts the home screen, the player and the finish screen in one stack."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

# ``QtCore.Qt`` when used, not ``from PySide6.QtCore import Qt``: importing that name builds
# all its enums (about 20 ms), which the first paint does without (see make_pressable).
from PySide6 import QtCore
from PySide6.QtCore import QEvent, QPoint, QRect, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QResizeEvent, QScreen, QShowEvent
from PySide6.QtWidgets import QMainWindow, QSizePolicy, QStackedWidget, QWidget

from stretch_app import paths
from stretch_app.core.window_sizes import fit_size, read_window_size, remember_window_size
from stretch_app.ui.screens.home import HomeScreen
from stretch_app.ui.widgets.labels import hold_wrapped_heights

if TYPE_CHECKING:  # built after the first paint (see MainWindow.build_rest)
    from PySide6.QtGui import QAction

__all__ = ["APP_TITLE", "DEFAULT_SIZE", "MainWindow", "screen_key"]

APP_TITLE = "Nightstretch"
Policy = QSizePolicy.Policy
DEFAULT_SIZE = (1100, 720)
"""The size of a first start, on a screen with room for it."""


def screen_key(screen: QScreen) -> str:
    """The name a window size is remembered under: the screen's name and size."""
    size = screen.geometry().size()
    return f"{screen.name()} {size.width()}x{size.height()}"


class MainWindow(QMainWindow):
    """One window, one screen at a time; the title says which."""

    closing = Signal()
    """Emitted before the window closes, so a running routine can stop and be recorded."""
    cramp_now_requested = Signal()
    quit_requested = Signal()
    """Quit (Ctrl+Q): really end the app, reminders and all."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        sizes_file: Path | None = None,
        rest_later: bool = False,
    ) -> None:
        """``rest_later``: for a first paint, only the window and the home screen's header;
        :meth:`build_rest` adds the keys and the rest of the home screen."""
        super().__init__(parent)
        self.setObjectName("main-window")
        self.setWindowTitle(APP_TITLE)
        self.sizes_file = sizes_file or paths.user_data_dir() / "window.json"
        self._fitted: tuple[int, int] | None = None
        self._keep_fitting = True
        self.fit_to_screen()
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.home = HomeScreen(rest_later=rest_later)
        self.home.cramp_now_requested.connect(self.cramp_now_requested)
        self.stack.addWidget(self.home)
        self._rest_built = False
        if not rest_later:
            self.build_rest()

    def build_rest(self) -> None:
        """The window's keys (C, F11, Ctrl+Q) and the rest of the home screen.

        Apart for the first paint: the key classes' Python types (and their enums) take a few
        ms to build, and no key reaches the window before the event loop runs.
        """
        if self._rest_built:
            return
        self._rest_built = True
        from PySide6.QtGui import QAction, QKeySequence, QShortcut

        # All three work in this window only: Qt's default context, so it is not set here.
        cramp_key = QShortcut(QKeySequence("C"), self)
        cramp_key.activated.connect(self.cramp_now_requested)
        full_screen = QShortcut(QKeySequence("F11"), self)
        full_screen.activated.connect(self.toggle_full_screen)
        self.quit_action: QAction = QAction(self.tr("Quit"), self)
        self.quit_action.setObjectName("quit-action")
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.setToolTip(self.tr("Quit Nightstretch; reminders stop until it starts"))
        self.quit_action.triggered.connect(self.quit_requested.emit)
        self.addAction(self.quit_action)
        self.home.build_rest()

    def _screen(self) -> QScreen:
        return self.screen() or QGuiApplication.primaryScreen()

    def fit_to_screen(self) -> None:
        """Take the size last used on this screen (or the default), no larger than the screen."""
        screen = self._screen()
        available = screen.availableGeometry()
        frame = self.frameGeometry().size() - self.geometry().size()  # known once shown
        room = (available.width() - frame.width(), available.height() - frame.height())
        wanted = read_window_size(self.sizes_file, screen_key(screen)) or DEFAULT_SIZE
        size = fit_size(wanted, room)
        self.resize(*size)
        self._fitted = size
        outer = QRect(QPoint(0, 0), self.frameGeometry().size() if frame.width() else self.size())
        outer.moveCenter(available.center())
        self.move(outer.topLeft().x(), outer.topLeft().y())

    def showEvent(self, event: QShowEvent) -> None:
        """On the first showing the frame is known: fit again, unless someone chose a size."""
        if self._fitted is not None and self.size().toTuple() == self._fitted:
            self.fit_to_screen()
        self._fitted = None
        super().showEvent(event)

    def _hold_wrapped_heights(self) -> None:
        """Wrapped words in the screen in front keep the lines they need at their width."""
        screen = self.stack.currentWidget()
        layout = screen.layout() if screen is not None else None
        # Only once the screen has its place in the stack: at a passing width the lines differ.
        if screen is not None and layout is not None and screen.size() == self.stack.size():
            layout.activate()
            hold_wrapped_heights(screen)

    def event(self, event: QEvent) -> bool:
        """A screen's new words may ask for more room for a moment: give it back after."""
        handled = super().event(event)
        if event.type() == QEvent.Type.LayoutRequest and self._keep_fitting:
            self.keep_on_screen()
        return handled

    def resizeEvent(self, event: QResizeEvent) -> None:
        """A new width wraps words anew."""
        super().resizeEvent(event)
        if not self.isVisible():  # a size chosen before showing is kept, even past the screen
            self._keep_fitting = self._fits(event.size().toTuple())
        self._hold_wrapped_heights()

    def _fits(self, size: tuple[int, int]) -> bool:
        available = self._screen().availableGeometry()
        return size[0] <= available.width() and size[1] <= available.height()

    def keep_on_screen(self) -> None:
        """A window larger than its screen (a screen before made it grow) shrinks back onto it."""
        if self.isMaximized() or self.isFullScreen() or not self.isVisible():
            return
        available = self._screen().availableGeometry()
        frame = self.frameGeometry()
        if available.contains(frame):
            return
        extra = frame.size() - self.size()
        room = (available.width() - extra.width(), available.height() - extra.height())
        self.resize(*fit_size(self.size().toTuple(), room))
        frame = self.frameGeometry()
        x = min(max(frame.x(), available.left()), available.right() + 1 - frame.width())
        y = min(max(frame.y(), available.top()), available.bottom() + 1 - frame.height())
        self.move(max(x, available.left()), max(y, available.top()))

    def remember_size(self) -> None:
        """Keep the window's (normal, not maximised) size for this screen."""
        geometry = self.normalGeometry() if self.isMaximized() or self.isFullScreen() else None
        size = geometry.size() if geometry is not None and geometry.isValid() else self.size()
        remember_window_size(self.sizes_file, screen_key(self._screen()), size.toTuple())

    def show_screen(self, screen: QWidget, title: str | None = None) -> None:
        """Put ``screen`` in front (adding it if new) and retitle the window."""
        if self.stack.indexOf(screen) < 0:
            self.stack.addWidget(screen)
        frame, available = self.frameGeometry(), self._screen().availableGeometry()
        fitted = self.isVisible() and available.contains(frame)
        self.stack.setCurrentWidget(screen)
        for index in range(self.stack.count()):  # only the screen in front may ask for room
            page = self.stack.widget(index)
            if page is not None:
                policy = Policy.Preferred if page is screen else Policy.Ignored
                page.setSizePolicy(policy, policy)
        self._hold_wrapped_heights()
        if fitted:
            self.keep_on_screen()  # never let a new screen push the window off the screen
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
        self.keep_on_screen()
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
        if self.isMinimized():  # asked first: the first paint needs no Qt enum
            self.setWindowState(self.windowState() & ~QtCore.Qt.WindowState.WindowMinimized)
        self.show()
        self.raise_()
        self.activateWindow()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Close without asking; whatever runs stops cleanly and is recorded."""
        self.remember_size()
        self.closing.emit()
        event.accept()
