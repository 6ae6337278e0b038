"""A guided routine, wired: the player screen, its cues and voice, the finish, the journal.

The composition root owns one :class:`RoutineFlow` and gives it what it uses (the journal, the
voice, the cues, the screen-saver inhibitor, the clock, readers of the library and settings).
It speaks back by signals: :attr:`RoutineFlow.activity_starting` (relief still on must end
first), :attr:`RoutineFlow.routine_done` (tonight's reminder need not fire),
:attr:`RoutineFlow.home_requested`, :attr:`RoutineFlow.raise_requested` and
:attr:`RoutineFlow.fullscreen_requested`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import QObject, Signal

from stretch_app import paths
from stretch_app.core.guidance import cue_for, spoken_lines
from stretch_app.core.history import counts_as_done
from stretch_app.core.journal import JournalError
from stretch_app.core.library import Library
from stretch_app.core.model import Routine
from stretch_app.core.session import Event, Finished, Paused, Resumed, Session
from stretch_app.core.settings import Settings
from stretch_app.ui.controllers.activity import Companions, GuidedActivity
from stretch_app.ui.controllers.ports import ScreenHost, SessionJournal
from stretch_app.ui.screens.finish import FinishScreen
from stretch_app.ui.screens.player import PlayerScreen

__all__ = ["RoutineFlow"]


class RoutineFlow(GuidedActivity):
    """One routine at a time: opens the player, speaks and sounds its steps, records it."""

    activity_starting = Signal()
    """A routine is about to take the screen: relief still on must end (and be saved) first."""
    routine_done = Signal(str)
    """(routine id) a routine was done tonight (a trial never is)."""
    home_requested = Signal()
    """The finish screen's Home."""
    raise_requested = Signal()
    """The routine asked for is already running: bring the window to the front."""
    fullscreen_requested = Signal()
    """The player's full-screen key."""

    def __init__(
        self,
        host: ScreenHost,
        companions: Companions,
        *,
        journal: SessionJournal | None,
        library: Callable[[], Library],
        settings: Callable[[], Settings],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(host, companions, parent)
        self._library = library
        self._settings = settings
        self.journal = journal
        """Where routines are recorded; None when the journal cannot be used."""
        self.player: PlayerScreen | None = None
        self._session_started: datetime | None = None
        self._trial = False
        self._audio_notice_shown = False

    @property
    def running(self) -> bool:
        """Whether a routine is on and not yet ended."""
        return self.player is not None and not self.player.ended

    def start(self, routine_id: str) -> PlayerScreen | None:
        """Open the player on a routine and start it; None if there is no such routine."""
        routine = self._library().routines.get(routine_id)
        if routine is None:
            self.host.show_notice(
                self.tr("There is no routine called {0}.").format(repr(routine_id))
            )
            return None
        player = self.player
        if player is not None and not player.ended and player.session.routine.id == routine_id:
            self.raise_requested.emit()
            return player
        return self.play(routine)

    def play(self, routine: Routine, *, trial: bool = False) -> PlayerScreen:
        """Open the player on ``routine`` and start it.

        A ``trial`` (the editor's "Try it", maybe not saved yet) is not kept in the journal and
        does not count as tonight's routine.
        """
        self.stop()
        self.activity_starting.emit()  # a routine asked for mid-relief: the cramp is saved first
        settings = self._settings()
        session = Session(
            routine,
            self._library().exercises,
            self.clock,
            resume_lead_in=float(settings.resume_lead_in_s),
        )
        player = PlayerScreen(session, paths.resolve_picture)
        player.set_look(self._look())
        player.set_reduce_motion(settings.reduce_motion)
        player.session_event.connect(self._on_session_event)
        player.finished.connect(self._on_finished)
        player.fullscreen_toggled.connect(self.fullscreen_requested)
        self.player = player
        self.host.show_screen(player, routine.name)
        self.voice.warm_up()  # the helper starts during the get-ready lead-in
        self.cues.warm_up()
        self._show_audio_notice(player)
        self._session_started = datetime.now(UTC)
        self._trial = trial
        self.inhibitor.inhibit(self.tr("A guided stretching routine is running"))
        player.start()
        return player

    def stop(self) -> None:
        """A routine still running stops (and is recorded as left part-way)."""
        if self.player is not None and not self.player.ended:
            self.player.stop()

    def close(self) -> None:
        """Stop a routine still running and forget the player."""
        self.stop()
        self.player = None

    def _show_audio_notice(self, player: PlayerScreen) -> None:
        if self._audio_notice_shown:
            return
        problems = [p for p in (self.cues.problem, self.voice.problem) if p]
        if problems:
            self._audio_notice_shown = True
            player.show_notice(self.tr("{0} The routine runs silently.").format(" ".join(problems)))

    def on_audio_problem(self, problem: str) -> None:
        """Sound or voice gave up mid-routine: say so once, quietly; the routine carries on."""
        if self.player is not None and not self.player.ended:
            self._audio_notice_shown = True
            self.player.show_notice(self.tr("{0} The routine carries on silently.").format(problem))

    def _on_session_event(self, event: Event) -> None:
        player = self.player
        if player is None:
            return
        cue = cue_for(event)
        if cue is not None:
            self.cues.play(cue)
        lines = spoken_lines(event, player.session, self.phrases)
        if lines:
            self.voice.say_lines(lines)
        if isinstance(event, Paused):
            self.inhibitor.release()
        elif isinstance(event, Resumed):
            self.inhibitor.inhibit(self.tr("A guided stretching routine is running"))

    def _on_finished(self, finished: Finished) -> None:
        self.inhibitor.release()
        self.voice.release_when_idle()
        player = self.player
        if player is None:
            return
        if not self._trial:  # "Try it" from the editor leaves no trace in the diary
            self._record(player.session, finished)
        if counts_as_done(finished) and not self._trial:
            self.routine_done.emit(player.session.routine.id)
        screen = FinishScreen(player.session, finished)
        screen.home_requested.connect(self.home_requested)
        self.host.show_screen(screen, player.session.routine.name)

    def _record(self, session: Session, finished: Finished) -> None:
        if self.journal is None:
            return
        try:
            self.journal.record_session(
                routine_id=session.routine.id,
                started_at=self._session_started or datetime.now(UTC),
                ended_at=datetime.now(UTC),
                completed=counts_as_done(finished),
                holds_done=finished.holds_done,
                last_step_index=finished.last_step_index,
            )
        except JournalError as exc:
            self.host.show_notice(self.tr("This session could not be saved: {0}").format(exc))
