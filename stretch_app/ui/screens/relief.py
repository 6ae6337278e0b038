"""The cramp-relief screen: where is it, what to do now, when to get help, and the diary entry.

Built for a person in pain in a dark room with one hand free: one question with four huge
targets (the calf starts by itself), then one step at a time with two big answers, "easing"
and "next". The engine (:class:`~stretch_app.core.relief.ReliefEpisode`) decides; this screen
drives it with timers, renders it, and forwards every event for the voice and the journal.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QHideEvent, QPaintEvent
from PySide6.QtWidgets import QWidget

from stretch_app.core.journal import Muscle
from stretch_app.core.kinds import format_duration
from stretch_app.core.relief import (
    Asking,
    Continued,
    EmergencyNear,
    EmergencyReached,
    Ended,
    ReliefEpisode,
    ReliefEvent,
    ReliefOutcome,
    ReliefState,
    StartMoved,
    StepStarted,
    woke_by_default,
)
from stretch_app.core.relief_content import EmergencyText, PreventionText
from stretch_app.ui.screens.relief_after import EpisodeNotes
from stretch_app.ui.screens.relief_frame import ReliefFrame
from stretch_app.ui.screens.relief_keys import bind_relief_keys
from stretch_app.ui.screens.relief_news import (
    clock_text,
    continued_news,
    earlier_news,
    near_news,
    step_news,
    time_left,
)
from stretch_app.ui.screens.relief_pages import muscle_labels, relief_title
from stretch_app.ui.timers import MomentTimers, named_timer
from stretch_app.ui.widgets.announce import announce

__all__ = ["RELIEF_TITLE", "ReliefScreen", "muscle_labels", "relief_title"]

RELIEF_TITLE = "Cramp relief"
"""The English title (the window title contains it; see :func:`relief_title`)."""
UNDO_SECONDS = 20
"""How long "Not over — back to relief" stays on the form after the end (ours)."""


class ReliefScreen(ReliefFrame):
    """Asks where the cramp is, then shows one relief step at a time; times the whole cramp.

    Keys: 1-4 choose the muscle; Enter or E says it is easing; N or Right goes on; Left or
    Backspace goes one step back; Esc ends relief (and on the form, saves it as it is).
    """

    relief_event = Signal(object)
    """Each engine event, in order (for the voice)."""
    ended = Signal(object)
    """The :class:`ReliefOutcome`, once, when the cramp is over (to save it at once)."""
    details_saved = Signal(object)
    """What the person added (an :class:`~.relief_after.EpisodeNotes`), once."""
    done = Signal()
    """The person has read the tips and wants the main screen back."""
    announced = Signal(str)
    """What was just told to screen readers (the question, each step, the emergency)."""
    discarded = Signal()
    """The person said it was not a cramp: the episode must leave the diary."""
    settled = Signal()
    """Painted once and built whole: the time for the slower helpers to start (once)."""

    def __init__(
        self,
        episode: ReliefEpisode,
        emergency: EmergencyText,
        prevention: PreventionText,
        picture_for: Callable[[str | None], Path | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(emergency, prevention, parent)
        self.setObjectName("relief")
        self.episode = episode
        self._picture_for = picture_for
        self._ended_sent = False
        self._settled = False
        self._notes_to_fill: EpisodeNotes | None = None

        # A precise single shot at the engine's next moment: the auto-start, the emergency.
        self._timers = MomentTimers(self, "relief", self.tick)

        self.earlier_bar.chosen.connect(self.started_earlier)
        self.choose_page.chosen.connect(self.choose)
        self._undo_timer = named_timer(self, "relief-undo-timer", self._end_undo, single_shot=True)
        self._undo_timer.setInterval(UNDO_SECONDS * 1000)
        self._painted = False
        bind_relief_keys(self)

    def step_page_ready(self) -> None:
        """Wire the step page, once built (after the first paint, or when first needed)."""
        self.step_page.eased_button.clicked.connect(self.eased)
        self.step_page.next_button.clicked.connect(self.next_step)
        self.step_page.end_button.clicked.connect(self.stop)
        self.step_page.back_button.clicked.connect(self.back)

    def after_pages_ready(self) -> None:
        """Wire the form and tips, once built; fill the form with what was told before."""
        self.form.saved.connect(self._on_form_saved)
        self.form.resume_requested.connect(self.resume)
        self.form.discard_requested.connect(self.discard)
        self.tips.done_button.clicked.connect(self.done.emit)
        if self._notes_to_fill is not None:
            self.form.fill(self._notes_to_fill)
            self._notes_to_fill = None

    def paintEvent(self, event: QPaintEvent) -> None:
        """After the first paint, build what is not on screen yet, then say it is settled.

        "Where is the cramp?" and the signs are painted first; the other pages, and what the
        controller defers to :attr:`settled` (the sound, the voice), come a moment later.
        """
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self, self.settle)

    def settle(self) -> None:
        """Build the pages not shown yet and emit :attr:`settled` (once)."""
        if self._settled:
            return
        self._settled = True
        self.build_later_pages()
        self.settled.emit()

    def _end_undo(self) -> None:
        if self.later_pages_built:
            self.form.resume_button.hide()

    def take_episode(self, episode: ReliefEpisode) -> None:
        """The cramp this screen is for, when it was made ahead of it (before :meth:`start`)."""
        self.episode = episode

    def set_reduce_motion(self, calm: bool) -> None:
        """Reduce motion: the clocks move once a second."""
        self._timers.set_calm(calm)

    # --- running ------------------------------------------------------------------------------

    def start(self) -> None:
        """The first action: show the question (or the calf relief at once) and start timing.

        An episode that is over already is the same cramp again: it goes on, clock and all.
        """
        if self.episode.is_over:
            self.resume()
            return
        self._timers.start()
        self._handle(self.episode.start())

    def resume(self) -> None:
        """The cramp is not over after all: relief goes on, with the same clock and entry."""
        if not self.episode.is_over or self.episode.discarded:
            return
        self._ended_sent = False
        self._undo_timer.stop()
        if self.later_pages_built:  # a form built later starts open, its buttons hidden
            self.form.resume_button.hide()
            self.form.discard_button.hide()
            self.form.reopen()
        self.earlier_bar.show()
        self._timers.start()
        self._handle(self.episode.reopen())

    def discard(self) -> None:
        """Not a cramp: the episode is dropped (the diary entry goes) and relief closes."""
        if self.episode.discarded:
            return
        self._handle(self.episode.stop())
        self.episode.discard()
        self._undo_timer.stop()
        self.form.resume_button.hide()
        self.discarded.emit()

    def started_earlier(self, minutes: int) -> None:
        """The cramp began about ``minutes`` before relief was opened."""
        self._handle(self.episode.started_earlier(minutes))

    def back(self) -> None:
        """One step back (from the first step, back to the question)."""
        self._handle(self.episode.back())

    def tick(self) -> None:
        """Ask the engine what time it is; render; plan the next precise moment."""
        self._handle(self.episode.tick())

    def choose(self, muscle: Muscle) -> None:
        """The person pointed at the cramp."""
        self._handle(self.episode.choose(muscle))

    def next_step(self) -> None:
        """Still cramping: the next step."""
        self._handle(self.episode.next_step())

    def eased(self) -> None:
        """Easing or gone: the cramp is over."""
        self._handle(self.episode.eased())

    def stop(self) -> None:
        """End relief now (it is still saved)."""
        self._handle(self.episode.stop())

    def hideEvent(self, event: QHideEvent) -> None:
        """Relief left (home, or the window closed): the undo after the end is over too."""
        super().hideEvent(event)
        self._undo_timer.stop()
        self._end_undo()

    def save_details(self) -> None:
        """Keep what the form holds now; used when the window closes or a new cramp starts.

        Leaving the screen also ends the offer to undo the end: Cramp now again within the
        grace period continues the same cramp instead.
        """
        self._undo_timer.stop()
        if self.episode.is_over and not self.form.is_saved:
            self.form.save()

    @property
    def page(self) -> str:
        """Which page is in front: "choose", "step", "details" or "tips"."""
        return ("choose", "step", "details", "tips")[self.pages.currentIndex()]

    def _handle(self, events: list[ReliefEvent]) -> None:
        focus: QWidget | None = None
        news: list[tuple[str, bool]] = []
        emergency = False
        for event in events:
            self.relief_event.emit(event)
            if isinstance(event, Asking):
                focus = self.choose_page.muscle_buttons["calf"]
                news.append((self.choose_page.question_label.text(), False))
            elif isinstance(event, StepStarted):
                focus = self.step_page.eased_button  # Enter always means "easing" on a new step
                news.append((step_news(event), False))
            elif isinstance(event, StartMoved):
                news.append((earlier_news(event.earlier_s), False))
            elif isinstance(event, EmergencyNear):
                news.append((near_news(self.episode.emergency_in()), False))
            elif isinstance(event, EmergencyReached):
                emergency = True
                news.append((self.emergency_banner.full_text, True))
            elif isinstance(event, Continued):
                text = continued_news(event.elapsed)
                self.show_notice(text)
                news.append((text, False))
            elif isinstance(event, Ended) and not self._ended_sent:
                self._ended_sent = True
                self._timers.stop()
                self.earlier_bar.hide()
                self._show_form(event.outcome)
                self.ended.emit(event.outcome)
        self._render()
        if emergency:
            # After the page in front is the step page (it may have just started), and with
            # its picture and instructions making room: the full notice lays the window out
            # at once, and a taller page in front would make the window grow.
            self.step_page.make_room_for_emergency()
            self.emergency_banner.show_full()
        if self._ended_sent:
            self.emergency_banner.after_cramp()
        for text, urgent in news:
            self.announced.emit(text)
            announce(self, text, urgent=urgent)
        if focus is not None and not self._ended_sent:
            focus.setFocus()
        self._timers.plan(self.episode.seconds_to_next_event())

    # --- rendering ----------------------------------------------------------------------------

    def _render(self) -> None:
        episode = self.episode
        elapsed = clock_text(episode.elapsed())
        if episode.is_over:
            self.clock_label.setText(self.tr("Lasted {0}").format(elapsed))
        else:
            self.clock_label.setText(self.tr("Cramp {0}").format(elapsed))
        if episode.near and not episode.emergency:
            self.emergency_banner.show_near(time_left(episode.emergency_in()))
        if episode.state is ReliefState.CHOOSING:
            self.turn_to(0)
            remaining = episode.autostart_remaining()
            wait = max(1, round((remaining or 0.0) + 0.49))
            self.choose_page.autostart_label.setText(
                self.tr("Calf relief starts in {0} s").format(wait) if remaining is not None else ""
            )
            return
        if episode.state is not ReliefState.RELIEVING or episode.current is None:
            return
        self.turn_to(1)
        self.step_page.show_step(episode, self._picture_for(episode.current.exercise.picture))
        self.step_page.fit_words()

    def _show_form(self, outcome: ReliefOutcome) -> None:
        lasted = format_duration(outcome.duration_s)
        heading = self.tr("Glad it is easing.") if outcome.eased else self.tr("Relief ended.")
        self.form.set_summary(heading, self.tr("The cramp lasted {0}.").format(lasted))
        self.form.set_woke_default(woke_by_default(outcome.started_at.astimezone()))
        self.form.resume_button.show()
        self.form.discard_button.show()
        self._undo_timer.start()
        self.announced.emit(f"{heading} {self.form.lasted_label.text()}")
        announce(self, f"{heading} {self.form.lasted_label.text()}")
        self.turn_to(2)
        self.form.save_button.setFocus()

    def fill_form(self, notes: EpisodeNotes) -> None:
        """What was told about this cramp before (it is being continued)."""
        if self.later_pages_built:
            self.form.fill(notes)
        else:  # filled when the form is built: a continued cramp shows its step first
            self._notes_to_fill = notes

    def _on_form_saved(self, notes: object) -> None:
        self.details_saved.emit(notes)
        self.turn_to(3)
        self.tips.done_button.setFocus()

    def show_saved(self, text: str) -> None:
        """Say on the form whether the episode reached the diary."""
        self.form.set_saved_text(text)

    @property
    def outcome(self) -> ReliefOutcome | None:
        """The episode as it ended, or None while relief goes on."""
        return self.episode.outcome
