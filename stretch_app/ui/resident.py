"""The tray-resident app (``stretch-app --tray``): the reminders and the tray icon, and a window
only while one is wanted.

Started at login, it waits hours for bedtime, so it holds what reminding needs and no more:
the reminder book kept in the cache (no pydantic, no routine models), the reminder desk
(timers, tray icon, notifications). The full app — window, screens, library, journal, editor —
is built when a window is first wanted (the tray's Open, Start and Cramp now, a reminder's
"Start now", a later launch handing over) and let go when the window closes to the tray again,
so a long-running tray does not keep its peak. A stale book is compiled again in a child
process, so pydantic's memory is never taken into this one (unless the child fails: then the
full path runs here, once).

Letting the window's objects go gives little back (measured: 98 MB with the window, 96 MB
after): the modules it imported (pydantic, the models, the screens) and Qt's fonts stay. So a
while after the window went, with nothing on show, the resident asks to start afresh
(:attr:`TrayResident.start_afresh_requested`; the launcher re-executes ``stretch-app --tray``,
about 58 MB). What fired, snoozes and skips are on disk already; the tray icon blinks once.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, QProcess, QProcessEnvironment, Signal
from PySide6.QtWidgets import QApplication

import stretch_app
from stretch_app import __version__, paths
from stretch_app.core.reminder_book import BookSource, ReminderBook
from stretch_app.ui.controllers.reminders import ReminderClocks, ReminderDesk
from stretch_app.ui.relief_start import ReliefStart, relief_source
from stretch_app.ui.timers import named_timer

if TYPE_CHECKING:
    from stretch_app.ui.screens.main_window import MainWindow

__all__ = ["TrayResident", "WindowApp", "book_source"]

log = logging.getLogger(__name__)

_COMPILE_TIMEOUT_MS = 60_000  # a child that takes longer is stuck: the full path runs here
AFRESH_AFTER_MS = 10 * 60_000
"""How long after the window went the tray starts afresh (ours: long enough that a person
who closed it by mistake, or comes back for the diary, finds it at once)."""


class WindowApp(Protocol):
    """The full app with its window, as the resident uses it (``NightstretchApp``)."""

    restart_wanted: bool

    def show(self) -> None:
        """Show the main window."""

    def start_routine(self, routine_id: str) -> object:
        """Open the player on a routine and start it."""

    def cramp_now(self) -> object:
        """Start cramp relief at once."""

    def show_home(self) -> None:
        """Show the home screen (relief, if on, ends and is saved)."""

    def reminder_book(self) -> ReminderBook:
        """The reminders in effect, from the models it holds."""

    def let_go(self) -> None:
        """Stop what runs and let the window, screens and models go."""


def book_source(language: str) -> BookSource:
    """Where the app's reminder book comes from and where it is kept."""
    return BookSource(
        folders=[paths.bundled_routines_dir(), paths.user_routines_dir()],
        settings_file=paths.settings_path(),
        language=language,
        version=__version__,
        cache_file=paths.user_cache_dir() / "reminder-book.json",
    )


class TrayResident(QObject):
    """Owns the reminder desk for the whole run, and the full app while a window is open."""

    start_afresh_requested = Signal()
    """The window's modules are loaded, though no window has been open for a while and nothing
    is on show: start this tray again as a new process, to give their memory back."""

    def __init__(
        self,
        source: BookSource,
        build_app: Callable[[ReminderDesk, MainWindow | None, ReliefStart | None], WindowApp],
        *,
        compile_aside: bool = True,
        tray_available: bool | None = None,
        clocks: ReminderClocks | None = None,
        afresh_after_ms: int = AFRESH_AFTER_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.source = source
        self._afresh_after_ms = afresh_after_ms
        self._build_app = build_app
        self.app: WindowApp | None = None
        self.relief: ReliefStart | None = None
        """Relief running in a window without the full app (a cramp reported to the tray)."""
        self.restart_wanted = False
        # The window goes once its close has been handled, not from inside the close.
        self._let_go_timer = named_timer(
            self, "tray-let-window-go", self.let_go_of_window, single_shot=True
        )
        self._afresh_timer = named_timer(
            self, "tray-start-afresh", self._start_afresh_if_idle, single_shot=True
        )
        self.compiler: QProcess | None = None
        self.relief_compiler: QProcess | None = None
        self._compile_aside_on = compile_aside
        self._compile_timer = named_timer(
            self, "tray-book-compile-timeout", self._compile_failed, single_shot=True
        )
        kept = source.cached()
        self._book = kept or ReminderBook()
        self.desk = ReminderDesk(
            self.book, tray_available=tray_available, clocks=clocks, parent=self
        )
        self.desk.open_requested.connect(self.open)
        self.desk.start_requested.connect(self.start_routine)
        self.desk.cramp_now_requested.connect(self.cramp_now)
        self.desk.window_hidden.connect(lambda: self._let_go_timer.start(0))
        if kept is None:
            if compile_aside:
                self._compile_aside()
            else:
                self._use_book(source.compile())
        self.keep_relief_content()

    # --- the reminder book --------------------------------------------------------------------

    def book(self) -> ReminderBook:
        """The reminders in effect: the open app's, else the kept (or compiled) book."""
        return self.app.reminder_book() if self.app is not None else self._book

    def _use_book(self, book: ReminderBook) -> None:
        self._book = book
        self.desk.reload()

    def _compile_aside(self) -> None:
        """Compile the book in a child process (pydantic's memory stays there)."""
        log.info("the kept reminder book is stale: compiling it in a child process")
        self.compiler = self._child("tray-book-compiler")
        self.compiler.finished.connect(self._compiled)
        self.compiler.errorOccurred.connect(self._compiler_error)
        self._compile_timer.start(_COMPILE_TIMEOUT_MS)
        self.compiler.start(
            sys.executable,
            ["-m", "stretch_app.core.reminder_book", self.source.to_argument()],
        )

    def _child(self, name: str) -> QProcess:
        """A child process of this very copy of the app, wherever it was started from."""
        child = QProcess(self)
        child.setObjectName(name)
        child.setProcessChannelMode(QProcess.ProcessChannelMode.ForwardedChannels)
        environment = QProcessEnvironment.systemEnvironment()
        ours = str(Path(stretch_app.__file__).resolve().parent.parent)
        others = environment.value("PYTHONPATH")
        environment.insert("PYTHONPATH", os.pathsep.join(filter(None, [ours, others])))
        child.setProcessEnvironment(environment)
        return child

    def keep_relief_content(self) -> None:
        """Have the relief content kept current for a cramp reported to the tray (then relief
        works without the full app, :mod:`.relief_start`): when stale, it is compiled in a child
        process, so pydantic's memory stays there. Not when compiling aside is off (tests)."""
        source = relief_source(self.source.language)
        if not self._compile_aside_on or self.relief_compiler is not None or source.cached():
            return
        log.info("the kept relief content is stale: compiling it in a child process")
        self.relief_compiler = self._child("tray-relief-compiler")
        self.relief_compiler.finished.connect(lambda *_: self._drop_relief_compiler())
        self.relief_compiler.errorOccurred.connect(lambda *_: self._drop_relief_compiler())
        self.relief_compiler.start(
            sys.executable, ["-m", "stretch_app.core.relief_content", source.to_argument()]
        )

    def _drop_relief_compiler(self) -> None:
        if self.relief_compiler is not None:  # a failure only leaves relief to the full app
            self.relief_compiler.deleteLater()
            self.relief_compiler = None

    def _compiler_error(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart:  # no finished() will follow
            self._compile_failed()

    def _compiled(self, code: int, status: QProcess.ExitStatus) -> None:
        self._compile_timer.stop()
        self._drop_compiler()
        book = self.source.cached() if status == QProcess.ExitStatus.NormalExit else None
        if book is None:
            log.warning("the reminder book child gave nothing usable (exit %s)", code)
            book = self.source.compile()  # the full path, here
        self._use_book(book)

    def _compile_failed(self) -> None:
        if self.compiler is None:
            return  # already done
        log.warning("the reminder book child failed or hung: the full path runs here")
        self._compile_timer.stop()
        self.compiler.finished.disconnect(self._compiled)
        self.compiler.kill()
        self._drop_compiler()
        self._use_book(self.source.compile())

    def _drop_compiler(self) -> None:
        if self.compiler is not None:
            self.compiler.deleteLater()
            self.compiler = None

    # --- the window ---------------------------------------------------------------------------

    def window_app(self, window: MainWindow | None = None) -> WindowApp:
        """The full app with its window, built now if there is none (in ``window``, if given:
        one painted already)."""
        self._afresh_timer.stop()
        if self.app is None:
            relief, self.relief = self.relief, None  # the app takes it over
            if relief is not None:
                window = relief.window
                window.closing.disconnect(self._relief_window_closing)
            self.app = self._build_app(self.desk, window, relief)
            self.desk.reload()  # the reminders as the app just read them from the files
        return self.app

    def open(self) -> None:
        """The tray's "Open": show the window."""
        self.window_app().show()

    def start_routine(self, routine_id: str) -> None:
        """A reminder's "Start now", or the tray's Start: the window, on that routine."""
        app = self.window_app()
        app.show()
        app.start_routine(routine_id)

    def cramp_now(self) -> None:
        """The tray's "Cramp now", or a later launch's: relief, at once.

        With no window yet, the relief screen's first question ("Where is the cramp?") is
        painted in a new window first, without the models (:mod:`.first_paint`); then relief
        starts in it from the kept relief content (:mod:`.relief_start`), and the full app is
        built only when the person goes home or asks the tray for anything else. A tap or a
        key 1-4 made on the question lands on the working relief screen (the events wait in
        the queue). Without current kept content, the full app is built in that window now.
        """
        if self.app is not None:
            self.app.cramp_now()
            return
        if self.relief is not None:  # relief is on already: raise it (or open it again)
            self.relief.window.bring_to_front()
            self.relief.flow.open()
            return
        from stretch_app.ui import first_paint
        from stretch_app.ui.relief_start import start_relief

        self._afresh_timer.stop()
        qapp = QApplication.instance()
        assert isinstance(qapp, QApplication)
        window = first_paint.show_first_window(qapp, cramp_now=True)
        self.relief = start_relief(qapp, window, self.source.language)
        if self.relief is None:  # no current relief content kept: the full app opens relief
            self.window_app(window).cramp_now()
            first_paint.drop_first_relief_page(window)
            return
        # The full app only when the person leaves relief for the home screen (or asks the
        # tray for something else): mid-cramp nothing else is built.
        self.relief.flow.home_requested.connect(self._home_from_relief)
        window.closing.connect(self._relief_window_closing)

    def _home_from_relief(self) -> None:
        if self.relief is not None:
            self.window_app().show_home()

    def _relief_window_closing(self) -> None:
        """The window of a relief without the app closed: end relief (saved) and let it go."""
        relief, self.relief = self.relief, None
        if relief is None:
            return
        relief.flow.end()
        relief.inhibitor.release()
        relief.voice.shut_down()
        if relief.journal is not None:
            relief.journal.close()
        for part in (relief.flow, relief.cues, relief.voice, relief.window):
            part.deleteLater()
        self._afresh_timer.start(self._afresh_after_ms)

    def let_go_of_window(self) -> None:
        """The window went to the tray: keep the app's book in memory, and let the app go.

        Not in the cache: only a book compiled from the files is kept there, keyed by them (the
        app does not watch the files, so its book may be older than a file edited meanwhile).
        """
        app, self.app = self.app, None
        if app is None:
            return
        self._book = app.reminder_book()
        self.restart_wanted = self.restart_wanted or app.restart_wanted
        app.let_go()
        self._afresh_timer.start(self._afresh_after_ms)
        self.keep_relief_content()  # the window may have changed the settings it depends on

    def _start_afresh_if_idle(self) -> None:
        if self.app is not None or self.relief is not None:
            return
        if self.desk.notifications.on_screen() or self.compiler is not None:
            # A reminder on show would lose its answer (its D-Bus actions come to this
            # process); a compile would be cut short. Look again later.
            self._afresh_timer.start(self._afresh_after_ms)
            return
        log.info("no window for a while: starting the tray afresh to give its memory back")
        self.start_afresh_requested.emit()

    def shutdown(self) -> None:
        """The app quits: let the window go (the journal closes), stop the reminders."""
        self._compile_timer.stop()
        if self.compiler is not None:
            self.compiler.finished.disconnect(self._compiled)
            self.compiler.kill()
            self.compiler.waitForFinished(1000)  # quitting: reap the killed child, briefly
            self._drop_compiler()
        if self.relief_compiler is not None:
            self.relief_compiler.kill()
            self.relief_compiler.waitForFinished(1000)  # quitting: reap it, briefly
            self._drop_relief_compiler()
        self._relief_window_closing()  # relief still on ends and is saved
        self.let_go_of_window()
        self._afresh_timer.stop()  # after letting go, which arms it
        self.desk.shutdown()
