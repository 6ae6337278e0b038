"""The first paint: the main window (or, mid-cramp, the relief screen's first question) on
screen before the rest of the app loads.

Only what that paint needs is imported here: no routine models (pydantic), no ``Qt``
namespace (docs/performance.md, "First window"). :mod:`stretch_app.ui.launch` calls it at
start; the tray resident calls it when a cramp is reported to an app with no window.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing
if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from stretch_app.ui.i18n import Translation
    from stretch_app.ui.screens.main_window import MainWindow
    from stretch_app.ui.theme import Look

__all__ = [
    "FIRST_PAINT_WAIT_MS",
    "FIRST_RELIEF_PAGE",
    "drop_first_relief_page",
    "first_window",
    "install_language",
    "look_from_file",
    "paint_now",
    "show_first_window",
]


def install_language(qapp: QApplication) -> Translation:
    """Install the translation the settings file asks for (read without pydantic: it is quick)."""
    from stretch_app import paths
    from stretch_app.core.language import language_from_file
    from stretch_app.ui.i18n import install_translator

    return install_translator(qapp, language_from_file(paths.settings_path()))


FIRST_RELIEF_PAGE = "relief-first-page"


def show_first_window(qapp: QApplication, *, cramp_now: bool = False) -> MainWindow:
    """Paint the main window before the rest of the app loads.

    The window, its look and the Cramp now button need none of the routine models, so a
    person sees the app at once; the routine cards fill in a moment later. Mid-cramp, the
    first thing painted is the relief screen's own first question; the relief screen takes
    its place once the app has loaded, and a tap or a key 1-4 made meanwhile lands there.
    """
    window, look = first_window(qapp)
    if cramp_now:
        from stretch_app.ui.screens.relief_pages import ChoosePage, relief_title
        from stretch_app.ui.screens.relief_parts import relief_style

        page = ChoosePage()
        page.setObjectName(FIRST_RELIEF_PAGE)
        page.setStyleSheet(relief_style(look, 1.0))
        window.show_screen(page, relief_title())
    window.bring_to_front()
    paint_now(qapp, window)
    window.build_rest()
    return window


def first_window(qapp: QApplication) -> tuple[MainWindow, Look]:
    """The main window in the settings' look, not shown yet, with only what a first paint
    needs (title, home screen's header); and that look. ``build_rest`` after the paint."""
    from stretch_app.ui.screens.main_window import MainWindow
    from stretch_app.ui.theme import apply_look

    look = look_from_file()
    apply_look(qapp, look)
    return MainWindow(rest_later=True), look  # title and Cramp now first: the rest later


def look_from_file() -> Look:
    """The look the settings file asks for now (read without pydantic: it is quick)."""
    from stretch_app import paths
    from stretch_app.core.nightlook import look_name_from_file
    from stretch_app.ui.theme import DAY, HIGH_CONTRAST, HIGH_CONTRAST_DAY, NIGHT

    looks = {
        "night": NIGHT,
        "day": DAY,
        "high-contrast": HIGH_CONTRAST,
        "high-contrast-day": HIGH_CONTRAST_DAY,
    }
    return looks[look_name_from_file(paths.settings_path())]


FIRST_PAINT_WAIT_MS = 250
"""The longest the start waits for the window system to show the first window."""


def paint_now(qapp: QApplication, window: MainWindow) -> None:
    """Run the events until the window is shown on screen, so it is painted before the rest of
    the app loads. One ``processEvents()`` was not enough: on a busy machine the window
    system's answer sometimes came after it (1 start in 10 here, load average 3), and the
    window then stayed blank until the whole app had loaded.

    At most :data:`FIRST_PAINT_WAIT_MS`: a slow window manager must not hold the start back.
    """
    from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer

    handle = window.windowHandle()
    if handle is None or handle.isExposed():
        qapp.processEvents()
        return
    loop = QEventLoop()

    class _Exposed(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Expose and handle.isExposed():
                loop.quit()  # once this expose has been handled: the window is painted
            return False

    watcher = _Exposed(loop)
    handle.installEventFilter(watcher)
    guard = QTimer(loop)
    guard.setObjectName("first-paint-guard-timer")
    guard.setSingleShot(True)
    guard.timeout.connect(loop.quit)
    guard.start(FIRST_PAINT_WAIT_MS)
    loop.exec()
    guard.stop()
    handle.removeEventFilter(watcher)


def drop_first_relief_page(window: MainWindow) -> None:
    """The real relief screen is up: the stand-in painted at start goes."""
    from stretch_app.ui.screens.relief_pages import ChoosePage

    page = window.stack.findChild(ChoosePage, FIRST_RELIEF_PAGE)
    if page is not None:
        window.stack.removeWidget(page)
        page.deleteLater()
