"""Cramp relief, wired: the relief screen, its cues and voice, and the episode in the journal.

:class:`~stretch_app.ui.app.NightstretchApp` owns one :class:`ReliefFlow`; "cramp now" from any
way in ends up in :meth:`ReliefFlow.open`.

The episode is written to the journal the moment relief opens and updated as it goes (the
muscle, an earlier start, the emergency line, the end), so a killed app or a power cut leaves
at worst a cramp without an end time. "Cramp now" again soon after the end continues the same
episode, clock and diary entry; "Not a cramp" takes the entry out again.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Unpack

from PySide6.QtCore import QObject

from stretch_app import paths
from stretch_app.core.guidance import Cue
from stretch_app.core.journal import EpisodeChanges, JournalError
from stretch_app.core.relief import (
    Continued,
    EmergencyReached,
    MuscleChosen,
    ReliefEpisode,
    ReliefEvent,
    ReliefOutcome,
    StartMoved,
    StepStarted,
)
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
        self._last: ReliefEpisode | None = None
        """The latest episode, kept after going home so it can be continued."""
        self._last_notes: EpisodeNotes | None = None

    def open(self) -> ReliefScreen | None:
        """Start relief now; raise the screen instead if a cramp is already being eased.

        Within the guidance's grace time after the last relief ended, this is the same cramp:
        its clock, its emergency line and its diary entry go on.
        """
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
        emergency = guide.emergency
        last = self._last
        if last is not None and last.can_continue(emergency.same_cramp_within_minutes * 60.0):
            episode = last
        else:
            episode = ReliefEpisode(
                routine,
                app.library.exercises,
                app.clock,
                started_at=datetime.now(UTC),
                autostart_after=float(app.settings.relief_autostart_s),
                emergency_after=emergency.threshold_minutes * 60.0,
                highlight_from=emergency.highlight_from_minutes * 60.0,
                repeat_every=emergency.repeat_every_minutes * 60.0,
            )
            self._episode_id = None
            self._last_notes = None
        relief = ReliefScreen(episode, emergency, guide.prevention, paths.resolve_picture)
        relief.set_look(app.look, app.settings.text_scale)
        relief.set_reduce_motion(app.settings.reduce_motion)
        relief.relief_event.connect(self._on_event)
        relief.ended.connect(self._on_ended)
        relief.details_saved.connect(self._on_details)
        relief.discarded.connect(self._on_discarded)
        relief.done.connect(app.show_home)
        if episode is last and self._last_notes is not None:
            relief.fill_form(self._last_notes)
        self.screen = relief
        self._last = episode
        if self._episode_id is None:
            self._record_start(episode)
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

    def _record_start(self, episode: ReliefEpisode) -> None:
        """The episode goes into the journal now, without an end, so nothing can lose it."""
        if self.app.journal is None:
            return
        try:
            self._episode_id = self.app.journal.add_episode(episode.started_at, source="relief")
        except JournalError as exc:
            log.warning("The cramp could not be recorded as it began: %s", exc)

    def _update(self, **changes: Unpack[EpisodeChanges]) -> bool:
        """Change the journal's entry of this episode; False when it cannot be written."""
        if self.app.journal is None or self._episode_id is None:
            return False
        try:
            self.app.journal.update_episode(self._episode_id, **changes)
        except (JournalError, KeyError) as exc:
            log.warning("The cramp's entry could not be updated: %s", exc)
            return False
        return True

    def _on_event(self, event: ReliefEvent) -> None:
        app = self.app
        emergency = app.safety_guide().emergency
        if isinstance(event, StepStarted) and event.step.open_ended:
            app.cues.play(Cue.HOLD_START)
        elif isinstance(event, EmergencyReached):
            app.cues.play(Cue.EMERGENCY)
            self._update(emergency=True)
        elif isinstance(event, MuscleChosen):
            self._update(muscle=event.muscle)
        elif isinstance(event, StartMoved):
            self._update(started_at=event.started_at)
        elif isinstance(event, Continued):
            self._update(ended_at=None, duration_s=None)
            app.inhibitor.inhibit(self.tr("Cramp relief is running"))
        lines = relief_lines(event, [emergency.lead, *emergency.signs], app.phrases)
        if lines:
            app.voice.say_lines(lines)

    def _on_ended(self, outcome: ReliefOutcome) -> None:
        """Complete the episode's entry the moment it ends; the form only adds to it."""
        self.app.inhibitor.release()
        self.app.voice.release_when_idle()
        relief = self.screen
        details: EpisodeChanges = {
            "started_at": outcome.started_at,
            "ended_at": outcome.ended_at,
            "duration_s": outcome.duration_s,
            "muscle": outcome.muscle,
            "helped": outcome.helped,
            "emergency": outcome.emergency,
        }
        if self.app.journal is None:
            text = self.tr("The journal cannot be used, so this cramp was not saved.")
        else:
            try:
                if self._episode_id is None:  # it could not be recorded when it began
                    fields = {k: v for k, v in details.items() if k != "started_at"}
                    self._episode_id = self.app.journal.add_episode(
                        outcome.started_at,
                        source="relief",
                        **fields,  # type: ignore[arg-type]
                    )
                else:
                    self.app.journal.update_episode(self._episode_id, **details)
                text = self.tr("Saved in your diary. Add details if you like, or just press Save.")
            except (JournalError, KeyError) as exc:
                text = self.tr("This cramp could not be saved: {0}").format(exc)
        if relief is not None:
            relief.show_saved(text)

    def _on_details(self, notes: EpisodeNotes) -> None:
        self._last_notes = notes
        self._update(leg=notes.leg, pain=notes.pain, note=notes.note, woke_me=notes.woke_me)

    def _on_discarded(self) -> None:
        """Not a cramp: its entry leaves the journal, and it can no longer be continued."""
        app = self.app
        if app.journal is not None and self._episode_id is not None:
            try:
                app.journal.delete_episode(self._episode_id)
            except JournalError as exc:
                log.warning("The discarded cramp could not be removed: %s", exc)
        self._episode_id = None
        self._last = None
        self._last_notes = None
        self.screen = None
        app.show_home()
        app.window.home.show_notice(self.tr("Not a cramp: nothing was kept in your diary."))

    def end(self) -> None:
        """Going home or closing: relief still on ends and is saved, and so is its form."""
        relief = self.screen
        if relief is not None:
            if not relief.episode.is_over:
                relief.stop()
            relief.save_details()
