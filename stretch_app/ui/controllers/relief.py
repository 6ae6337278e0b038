"""Cramp relief, wired: the relief screen, its cues and voice, and the episode in the journal.

The composition root owns one :class:`ReliefFlow` and gives it what it uses (the journal, the
voice, the cues, the screen-saver inhibitor, the clock, a reader of the relief content: the
models' own, or a plain copy from the cache in a relief-only start, :mod:`.relief_content`);
"cramp now" from any way in ends up in :meth:`ReliefFlow.open`. It speaks back by signals:
:attr:`ReliefFlow.activity_starting` (a running routine must stop) and
:attr:`ReliefFlow.home_requested`.

The episode is written to the journal the moment relief opens and updated as it goes (the
muscle, an earlier start, the emergency line, the end), so a killed app or a power cut leaves
at worst a cramp without an end time. "Cramp now" again soon after the end continues the same
episode, clock and diary entry; "Not a cramp" takes the entry out again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime

from PySide6.QtCore import QObject, QTimer, Signal
from shiboken6 import isValid

from stretch_app import paths
from stretch_app.core.journal import EpisodeDetails, JournalError
from stretch_app.core.kinds import Cue
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
from stretch_app.core.relief_content import RELIEF_ID, ReliefContent
from stretch_app.ui.controllers.activity import Companions, GuidedActivity
from stretch_app.ui.controllers.ports import EpisodeJournal, ScreenHost
from stretch_app.ui.screens.relief import ReliefScreen, relief_title
from stretch_app.ui.screens.relief_after import EpisodeNotes
from stretch_app.ui.theme import Look

__all__ = ["RELIEF_ID", "ReliefFlow"]

log = logging.getLogger(__name__)


class ReliefFlow(GuidedActivity):
    """One cramp at a time: opens the relief screen, speaks its steps, saves the episode."""

    activity_starting = Signal()
    """Relief is about to take the screen: a routine still running must stop (and be kept)."""
    home_requested = Signal()
    """The person is done with relief (or it was not a cramp): back to the routines."""

    def __init__(
        self,
        host: ScreenHost,
        companions: Companions,
        *,
        journal: EpisodeJournal | None,
        content: Callable[[], ReliefContent | None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(host, companions, parent)
        self.journal = journal
        """The diary the episode is kept in; None when it cannot be used (nothing is saved)."""
        self._content = content
        """The relief routine, its exercises, the guidance and settings it uses; None when the
        relief routine could not be loaded."""
        self.screen: ReliefScreen | None = None
        self._episode_id: int | None = None
        self._last: ReliefEpisode | None = None
        """The latest episode, kept after going home so it can be continued."""
        self._last_notes: EpisodeNotes | None = None
        self._unsettled: list[Callable[[], None]] | None = None
        """Sounds and lines held until the screen is painted (None: play them at once)."""
        self._ahead: tuple[ReliefScreen, tuple[object, ...]] | None = None
        """A relief screen made ahead (:meth:`make_ahead`), and what it was made for."""

    def adopt(
        self,
        host: ScreenHost,
        content: Callable[[], ReliefContent | None],
        look: Callable[[], Look],
    ) -> None:
        """The full app takes over this flow (built before it, in a relief-only start): its
        screen host, its models as the relief content and its look from now on."""
        self.host = host
        self._content = content
        self._look = look

    def open(self) -> ReliefScreen | None:
        """Start relief now; raise the screen instead if a cramp is already being eased.

        Within the guidance's grace time after the last relief ended, this is the same cramp:
        its clock, its emergency line and its diary entry go on.
        """
        relief = self.screen
        if relief is not None and not relief.episode.is_over:
            self.host.show_screen(relief, relief_title())
            return relief
        content = self._content()
        if content is None:
            self.host.show_notice(self.tr("The cramp-relief routine could not be loaded."))
            return None
        if relief is not None:
            relief.save_details()  # the last cramp's form keeps what it holds
        self.activity_starting.emit()  # a routine still running is recorded as left part-way
        emergency = content.emergency
        last = self._last
        if last is not None and last.can_continue(emergency.same_cramp_within_minutes * 60.0):
            episode = last
        else:
            episode = ReliefEpisode(
                content.routine,
                content.exercises,
                self.clock,
                started_at=datetime.now(UTC),
                autostart_after=content.autostart_s,
                emergency_after=emergency.threshold_minutes * 60.0,
                highlight_from=emergency.highlight_from_minutes * 60.0,
                repeat_every=emergency.repeat_every_minutes * 60.0,
            )
            self._episode_id = None
            self._last_notes = None
        relief = self._take_ahead(episode, content)
        if relief is None:
            relief = ReliefScreen(
                episode,
                emergency,
                content.prevention,
                paths.resolve_picture,
                parent=self.host.screen_parent(),
            )
            relief.set_look(self._look(), content.text_scale)
        relief.set_reduce_motion(content.reduce_motion)
        relief.relief_event.connect(self._on_event)
        relief.ended.connect(self._on_ended)
        relief.details_saved.connect(self._on_details)
        relief.discarded.connect(self._on_discarded)
        relief.done.connect(self.home_requested)
        if episode is last and self._last_notes is not None:
            relief.fill_form(self._last_notes)
        self.screen = relief
        self._last = episode
        if self._episode_id is None:
            self._record_start(episode)
        # The screen is painted first; the voice helper (a process), the sound stack (tens of
        # ms the first time) and the inhibitor start right after, and what relief says or
        # plays meanwhile waits for them (docs/performance.md, issue 13).
        self._unsettled = []
        relief.settled.connect(lambda: self._settle(relief))
        self.host.show_screen(relief, relief_title())
        relief.start()
        if not relief.isVisible():  # in a hidden window: no paint to wait for
            relief.settle()
        return relief

    def _settle(self, relief: ReliefScreen) -> None:
        """The relief screen is on screen: start the helpers, then what waited for them."""
        if relief is not self.screen or self._unsettled is None:
            return
        waiting, self._unsettled = self._unsettled, None
        if relief.episode.is_over:  # ended (or the app closed) before its first paint
            return
        self.voice.warm_up()
        self.cues.warm_up()
        self.inhibitor.inhibit(self.tr("Cramp relief is running"))
        for action in waiting:
            action()

    def _soon(self, action: Callable[[], None], *, urgent: bool = False) -> None:
        """Do ``action`` now, or once the screen has settled if it has not yet.

        The emergency notice (``urgent``) never waits, not even the few ms to the first paint.
        """
        if self._unsettled is None or urgent:
            action()
        else:
            self._unsettled.append(action)

    def close(self) -> None:
        """End relief still on (saved), keep what its form holds, and forget the screen."""
        self.end()
        self.screen = None
        QTimer.singleShot(0, self, self.make_ahead)  # the next cramp's screen, once home is up

    def make_ahead(self) -> None:
        """Build the next cramp's relief screen now, while the window is open and idle.

        A "cramp now" (a hand-over from a later launch above all) then only gives it its
        episode and shows it: building it was most of the running app's part of a hand-over
        (docs/performance.md, issue 13). Only while the window is shown: hidden in the tray,
        the screen (~0.9 MB) would only hold memory.
        """
        parent = self.host.screen_parent()
        if parent is None or not parent.isVisible() or self.screen is not None:
            return
        if self._ahead is not None and isValid(self._ahead[0]):
            return
        content = self._content()
        if content is None:
            return
        # Never started: open() gives the screen the real episode, made when the cramp is.
        unused = ReliefEpisode(
            content.routine, content.exercises, self.clock, started_at=datetime.now(UTC)
        )
        relief = ReliefScreen(
            unused, content.emergency, content.prevention, paths.resolve_picture, parent=parent
        )
        relief.hide()
        relief.set_look(self._look(), content.text_scale)
        relief.ensurePolished()  # styled now, not when it is shown
        self._ahead = (relief, self._made_for(content))

    def _made_for(self, content: ReliefContent) -> tuple[object, ...]:
        """What a screen made ahead depends on: the guidance, the look, the screen's height."""
        parent = self.host.screen_parent()
        height = parent.screen().availableGeometry().height() if parent is not None else 0
        return (content.emergency, content.prevention, self._look(), content.text_scale, height)

    def _take_ahead(self, episode: ReliefEpisode, content: ReliefContent) -> ReliefScreen | None:
        """The screen made ahead, given ``episode``; None when there is none (or it is stale)."""
        ahead, self._ahead = self._ahead, None
        if ahead is None or not isValid(ahead[0]):
            return None
        relief, made_for = ahead
        now = self._made_for(content)
        if made_for[:2] != now[:2]:  # other guidance (another language): not this screen
            relief.deleteLater()
            return None
        if made_for != now:  # the look, the text size or the screen changed since
            relief.set_look(self._look(), content.text_scale)
        relief.take_episode(episode)
        return relief

    def _record_start(self, episode: ReliefEpisode) -> None:
        """The episode goes into the journal now, without an end, so nothing can lose it."""
        if self.journal is None:
            return
        try:
            entry = EpisodeDetails(episode.started_at, source="relief")
            self._episode_id = self.journal.add_episode(entry)
        except JournalError as exc:
            log.warning("The cramp could not be recorded as it began: %s", exc)

    def _update(self, edit: Callable[[EpisodeDetails], EpisodeDetails]) -> bool:
        """Change the journal's entry of this episode; False when it cannot be written."""
        if self.journal is None or self._episode_id is None:
            return False
        try:
            self.journal.update_episode(self._episode_id, edit)
        except (JournalError, KeyError) as exc:
            log.warning("The cramp's entry could not be updated: %s", exc)
            return False
        return True

    def _on_event(self, event: ReliefEvent) -> None:
        content = self._content()
        if content is None:
            return
        emergency = content.emergency
        if isinstance(event, StepStarted) and event.step.open_ended:
            self._soon(lambda: self.cues.play(Cue.HOLD_START))
        elif isinstance(event, EmergencyReached):
            self.cues.play(Cue.EMERGENCY)
            self._update(lambda entry: replace(entry, emergency=True))
        elif isinstance(event, MuscleChosen):
            self._update(lambda entry: replace(entry, muscle=event.muscle))
        elif isinstance(event, StartMoved):
            self._update(lambda entry: replace(entry, started_at=event.started_at))
        elif isinstance(event, Continued):
            self._update(lambda entry: replace(entry, ended_at=None, duration_s=None))
            self.inhibitor.inhibit(self.tr("Cramp relief is running"))
        lines = relief_lines(event, [emergency.lead, *emergency.signs], self.phrases)
        if lines:
            self._soon(
                lambda: self.voice.say_lines(lines), urgent=isinstance(event, EmergencyReached)
            )

    def _on_ended(self, outcome: ReliefOutcome) -> None:
        """Complete the episode's entry the moment it ends; the form only adds to it."""
        self.inhibitor.release()
        self.voice.release_when_idle()
        relief = self.screen

        def ended(entry: EpisodeDetails) -> EpisodeDetails:
            return replace(
                entry,
                started_at=outcome.started_at,
                ended_at=outcome.ended_at,
                duration_s=outcome.duration_s,
                muscle=outcome.muscle,
                helped=outcome.helped,
                emergency=outcome.emergency,
            )

        journal = self.journal
        if journal is None:
            text = self.tr("The journal cannot be used, so this cramp was not saved.")
        else:
            try:
                if self._episode_id is None:  # it could not be recorded when it began
                    entry = EpisodeDetails(outcome.started_at, source="relief")
                    self._episode_id = journal.add_episode(ended(entry))
                else:
                    journal.update_episode(self._episode_id, ended)
                text = self.tr("Saved in your diary. Add details if you like, or just press Save.")
            except (JournalError, KeyError) as exc:
                text = self.tr("This cramp could not be saved: {0}").format(exc)
        if relief is not None:
            relief.show_saved(text)

    def _on_details(self, notes: EpisodeNotes) -> None:
        self._last_notes = notes
        self._update(
            lambda entry: replace(
                entry, leg=notes.leg, pain=notes.pain, note=notes.note, woke_me=notes.woke_me
            )
        )

    def _on_discarded(self) -> None:
        """Not a cramp: its entry leaves the journal, and it can no longer be continued."""
        if self.journal is not None and self._episode_id is not None:
            try:
                self.journal.delete_episode(self._episode_id)
            except JournalError as exc:
                log.warning("The discarded cramp could not be removed: %s", exc)
        self._episode_id = None
        self._last = None
        self._last_notes = None
        self.screen = None
        self.home_requested.emit()
        self.host.show_notice(self.tr("Not a cramp: nothing was kept in your diary."))

    def end(self) -> None:
        """Going home or closing: relief still on ends and is saved, and so is its form."""
        relief = self.screen
        if relief is not None:
            if not relief.episode.is_over:
                relief.stop()
            relief.save_details()
