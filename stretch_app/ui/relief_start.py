"""A relief-only start: the working relief screen from the kept relief content, before the app.

Mid-cramp, relief must work at once, and the full app (pydantic, the routine models, every
screen) costs a cold start more than the bare window itself (docs/performance.md, issue 13).
So a cramp-now start (``ui.launch``) and a tray asked for a cramp (``ui.resident``) paint the
first question (:mod:`.first_paint`), then build here a :class:`ReliefFlow` from only the relief
content kept in the cache (:mod:`stretch_app.core.relief_content`, no pydantic), the journal,
the cues, the voice and the inhibitor, and open it. The full app is built after, and adopts
this flow and its parts (``NightstretchApp(relief=...)``), so nothing is built twice.

When the kept content is stale or missing, there is no relief-only start: the caller builds the
full app as before, which keeps the content for the next time.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from stretch_app import __version__, paths
from stretch_app.core.relief_content import ReliefContent, ReliefSource

if TYPE_CHECKING:  # imported by start_relief: the tray imports this module for relief_source
    from PySide6.QtWidgets import QApplication

    from stretch_app.core.journal import Journal
    from stretch_app.ui.controllers.relief import ReliefFlow
    from stretch_app.ui.desktop.audio import DeferredCuePlayer
    from stretch_app.ui.desktop.inhibit import ScreenSaverInhibitor
    from stretch_app.ui.desktop.voice_process import ProcessVoice
    from stretch_app.ui.screens.main_window import MainWindow
    from stretch_app.ui.theme import Look

__all__ = [
    "ReliefStart",
    "keep_relief_content",
    "relief_source",
    "show_working_relief",
    "start_relief",
]

log = logging.getLogger(__name__)


def relief_source(language: str) -> ReliefSource:
    """Where the app's relief content comes from and where it is kept."""
    return ReliefSource(
        folders=[paths.bundled_routines_dir(), paths.user_routines_dir()],
        guidance_file=paths.guidance_path(language),
        settings_file=paths.settings_path(),
        language=language,
        version=__version__,
        cache_file=paths.user_cache_dir() / "relief-content.json",
    )


@dataclass(frozen=True)
class ReliefStart:
    """The relief running before the app, and the parts the app takes over from it."""

    flow: ReliefFlow
    window: MainWindow
    voice: ProcessVoice
    cues: DeferredCuePlayer
    inhibitor: ScreenSaverInhibitor
    journal: Journal | None


def start_relief(
    qapp: QApplication,
    window: MainWindow,
    language: str,
    *,
    content: ReliefContent | None = None,
    look: Look | None = None,
    voice_engine: str | None = None,
) -> ReliefStart | None:
    """Open relief in ``window`` (showing the first question) from the kept content (read
    here unless given); None when there is none current (then the full app opens relief).

    ``look``: the one the window was painted in (read from the settings file if not given).
    """
    if content is None:
        content = relief_source(language).cached()
    if content is None:
        log.info("no current relief content kept: relief opens with the full app")
        return None
    from stretch_app.core.clock import SystemClock
    from stretch_app.core.journal import Journal, JournalError
    from stretch_app.core.phrases import phrases_for
    from stretch_app.ui.controllers.activity import Companions
    from stretch_app.ui.controllers.ports import WindowHost
    from stretch_app.ui.controllers.relief import ReliefFlow
    from stretch_app.ui.desktop.audio import DeferredCuePlayer
    from stretch_app.ui.desktop.inhibit import ScreenSaverInhibitor
    from stretch_app.ui.desktop.voice_process import ProcessVoice
    from stretch_app.ui.first_paint import drop_first_relief_page, look_from_file

    journal: Journal | None
    try:
        journal = Journal.open(paths.journal_path())
    except JournalError as exc:  # the full app says so on its home screen
        log.warning("the journal cannot be used: %s", exc)
        journal = None
    cues = DeferredCuePlayer(content.sound_enabled, content.volume, qapp)
    voice = ProcessVoice(
        voice_engine,
        content.voice_name,
        content.voice_rate,
        content.volume,
        content.voice_enabled,
        qapp,
        language=language,
    )
    inhibitor = ScreenSaverInhibitor()
    if look is None:
        look = look_from_file()
    painted_look = look
    companions = Companions(
        voice,
        cues,
        inhibitor,
        SystemClock(),
        look=lambda: painted_look,
        phrases=phrases_for(language, paths.i18n_dir()),
    )
    flow = ReliefFlow(WindowHost(window), companions, journal=journal, content=lambda: content)
    flow.open()
    drop_first_relief_page(window)
    return ReliefStart(flow, window, voice, cues, inhibitor, journal)


def show_working_relief(
    qapp: QApplication, language: str, content: ReliefContent, *, voice_engine: str | None = None
) -> ReliefStart:
    """A cold cramp-now with the kept content current: the working relief screen is the first
    thing painted, in the first window (no stand-in question, no second build, no swap).

    The window is shown before relief opens, so the relief screen waits for its paint to
    start the voice, the sound and the inhibitor (a hidden one would start them at once);
    the window's keys and the rest of the home screen come after the paint, as in
    :func:`.first_paint.show_first_window`.
    """
    from stretch_app.ui.first_paint import first_window, paint_now

    window, look = first_window(qapp)
    window.bring_to_front()
    relief = start_relief(
        qapp, window, language, content=content, look=look, voice_engine=voice_engine
    )
    assert relief is not None  # the content was given
    paint_now(qapp, window)
    window.build_rest()
    return relief


KEEP_AFTER_MS = 2000
"""When the app keeps its relief content for the next relief-only start: after the start, so
the few ms of writing it delay nothing a person waits for."""


def keep_relief_content(
    language: str, content: Callable[[], ReliefContent | None], parent: QObject
) -> None:
    """Keep the app's relief content in the cache a moment from now, unless the kept one is
    current. Call it before the app reads its files: what it keeps must be theirs, so it is
    kept only if none of them changed since this call."""
    source = relief_source(language)
    before = source.fingerprint()

    def keep() -> None:
        if source.cached() is None and (now := content()) is not None:
            source.keep(now, before)

    QTimer.singleShot(KEEP_AFTER_MS, parent, keep)
