"""Cramp relief, wired: the relief screen, its cues and voice, and the episode in the journal.

:class:`~stretch_app.ui.app.NightstretchApp` owns one :class:`ReliefFlow`; "cramp now" from any
way in ends up in :meth:`ReliefFlow.open`.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from stretch_app import paths
from stretch_app.core.guidance import Cue
from stretch_app.core.journal import JournalError
from stretch_app.core.relief import ReliefEpisode, ReliefEvent, ReliefOutcome, StepStarted
from stretch_app.core.relief import spoken_lines as relief_lines
from stretch_app.ui.screens.relief import ReliefScreen, relief_title
from stretch_app.ui.screens.relief_after import EpisodeNotes

if TYPE_CHECKING:
    from stretch_app.ui.app import NightstretchApp

__all__ = ["RELIEF_ID", "ReliefFlow"]

log = logging.getLogger(__name__)

RELIEF_ID = "cramp-relief"


class ReliefFlow(QObject):
    """One cramp at a time: opens the relief screen, speaks its steps, saves the episode."""

    def __init__(self, app: NightstretchApp) -> None:
        super().__init__(app)
        self.app = app
        self.screen: ReliefScreen | None = None
        self._episode_id: int | None = None

    def open(self) -> ReliefScreen | None:
        """Start relief now; raise the screen instead if a cramp is already being eased."""
        app = self.app
        relief = self.screen
        if relief is not None and not relief.episode.is_over:
            app.window.show_screen(relief, relief_title())
            return relief
        routine = app.library.routines.get(RELIEF_ID)
        if routine is None:
            app.window.home.show_notice(self.tr("The cramp-relief routine could not be loaded."))
            return None
        if relief is not None:
            relief.save_details()  # the last cramp's form keeps what it holds
        if app.player is not None and not app.player.ended:
            app.player.stop()  # recorded as a routine left part-way
        guide = app.safety_guide()
        episode = ReliefEpisode(
            routine,
            app.library.exercises,
            app.clock,
            started_at=datetime.now(UTC),
            autostart_after=float(app.settings.relief_autostart_s),
            emergency_after=guide.emergency.threshold_minutes * 60.0,
        )
        relief = ReliefScreen(episode, guide.emergency, guide.prevention, paths.resolve_picture)
        relief.set_look(app.look, app.settings.text_scale)
        relief.set_reduce_motion(app.settings.reduce_motion)
        relief.relief_event.connect(self._on_event)
        relief.ended.connect(self._on_ended)
        relief.details_saved.connect(self._on_details)
        relief.done.connect(app.show_home)
        self.screen = relief
        self._episode_id = None
        app.window.show_screen(relief, relief_title())
        app.voice.warm_up()
        app.cues.warm_up()
        app.inhibitor.inhibit(self.tr("Cramp relief is running"))
        relief.start()
        return relief

    def close(self) -> None:
        """End relief still on (saved), keep what its form holds, and forget the screen."""
        self.end()
        self.screen = None

    def _on_event(self, event: ReliefEvent) -> None:
        if isinstance(event, StepStarted) and event.step.open_ended:
            self.app.cues.play(Cue.HOLD_START)
        lines = relief_lines(event, self.app.safety_guide().emergency.lead, self.app.phrases)
        if lines:
            self.app.voice.say_lines(lines)

    def _on_ended(self, outcome: ReliefOutcome) -> None:
        """Save the episode the moment it ends; the form only adds to it."""
        self.app.inhibitor.release()
        self.app.voice.release_when_idle()
        relief = self.screen
        if self.app.journal is None:
            text = self.tr("The journal cannot be used, so this cramp was not saved.")
        else:
            try:
                self._episode_id = self.app.journal.add_episode(
                    outcome.started_at,
                    ended_at=outcome.ended_at,
                    duration_s=outcome.duration_s,
                    muscle=outcome.muscle,
                    helped=outcome.helped,
                    source="relief",
                )
                text = self.tr("Saved in your diary. Add details if you like, or just press Save.")
            except JournalError as exc:
                text = self.tr("This cramp could not be saved: {0}").format(exc)
        if relief is not None:
            relief.show_saved(text)

    def _on_details(self, notes: EpisodeNotes) -> None:
        if self.app.journal is None or self._episode_id is None:
            return
        try:
            self.app.journal.update_episode(
                self._episode_id, leg=notes.leg, pain=notes.pain, note=notes.note
            )
        except (JournalError, KeyError) as exc:
            log.warning("The cramp's details could not be saved: %s", exc)

    def end(self) -> None:
        """Going home or closing: relief still on ends and is saved, and so is its form."""
        relief = self.screen
        if relief is not None:
            if not relief.episode.is_over:
                relief.stop()
            relief.save_details()
