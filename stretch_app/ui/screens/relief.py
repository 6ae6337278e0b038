"""The cramp-relief screen: where is it, what to do now, when to get help, and the diary entry.

Built for a person in pain in a dark room with one hand free: one question with four huge
targets (the calf starts by itself), then one step at a time with two big answers, "easing"
and "next". The engine (:class:`~stretch_app.core.relief.ReliefEpisode`) decides; this screen
drives it with timers, renders it, and forwards every event for the voice and the journal.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from stretch_app.core.journal import Muscle
from stretch_app.core.model import format_duration
from stretch_app.core.relief import (
    EARLIER_CHOICES,
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
from stretch_app.core.safety import Emergency, Prevention
from stretch_app.ui.screens.relief_after import EpisodeForm, EpisodeNotes, PreventionTips
from stretch_app.ui.screens.relief_keys import bind_relief_keys
from stretch_app.ui.screens.relief_news import (
    clock_text,
    continued_news,
    earlier_news,
    near_news,
    step_news,
    time_left,
)
from stretch_app.ui.screens.relief_pages import (
    ChoosePage,
    EarlierBar,
    StepPage,
    muscle_labels,
    relief_label,
    relief_title,
)
from stretch_app.ui.screens.relief_parts import EmergencyBanner, relief_style
from stretch_app.ui.theme import Look, set_compact, text_scale
from stretch_app.ui.timers import named_timer
from stretch_app.ui.widgets.announce import announce
from stretch_app.ui.widgets.labels import hold_wrapped_heights

__all__ = ["RELIEF_TITLE", "ReliefScreen", "muscle_labels", "relief_title"]

RELIEF_TITLE = "Cramp relief"
"""The English title (the window title contains it; see :func:`relief_title`)."""
DISPLAY_INTERVAL_MS = 200
COMPACT_BELOW = 620
"""Shorter than this (times the text size): smaller headings (ours, by eye)."""
ROOMY_HEIGHT = 900
"""A screen this tall (at normal text) has room for the relief targets' full height."""
CALM_DISPLAY_INTERVAL_MS = 1000
UNDO_SECONDS = 20
"""How long "Not over — back to relief" stays on the form after the end (ours)."""


class ReliefScreen(QWidget):
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

    def __init__(
        self,
        episode: ReliefEpisode,
        emergency: Emergency,
        prevention: Prevention,
        picture_for: Callable[[str | None], Path | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("relief")
        self.episode = episode
        self._picture_for = picture_for
        self._ended_sent = False

        self._display_timer = named_timer(
            self, "relief-display-timer", self.tick, interval_ms=DISPLAY_INTERVAL_MS
        )
        # A precise single shot at the engine's next moment: the auto-start, the emergency.
        self._moment_timer = named_timer(
            self,
            "relief-moment-timer",
            self.tick,
            single_shot=True,
            timer_type=Qt.TimerType.PreciseTimer,
        )

        self.title_label = relief_label(relief_title(), role="muted", wrap=False)
        # The window title names the screen; up here the room goes to the "started earlier?"
        # taps while relief runs, and to the two ways back from a mistake after it.
        self.title_label.hide()
        self.clock_label = relief_label("0:00", "relief-clock", wrap=False)
        self.clock_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.clock_label.setAccessibleName(self.tr("How long the cramp has lasted"))
        self.notice_label = relief_label(role="notice")
        self.notice_label.hide()
        self.emergency_banner = EmergencyBanner(emergency)
        self.earlier_bar = EarlierBar(EARLIER_CHOICES)
        self.earlier_bar.chosen.connect(self.started_earlier)
        self.pages = QStackedWidget()
        self.choose_page = ChoosePage()
        self.choose_page.chosen.connect(self.choose)
        self.step_page = StepPage()
        self.step_page.eased_button.clicked.connect(self.eased)
        self.step_page.next_button.clicked.connect(self.next_step)
        self.step_page.end_button.clicked.connect(self.stop)
        self.step_page.back_button.clicked.connect(self.back)
        self.pages.addWidget(self.choose_page)
        self.pages.addWidget(self.step_page)
        self.form = EpisodeForm()
        self.form.saved.connect(self._on_form_saved)
        self.form.resume_requested.connect(self.resume)
        self.form.discard_requested.connect(self.discard)
        self._undo_timer = named_timer(
            self, "relief-undo-timer", self.form.resume_button.hide, single_shot=True
        )
        self._undo_timer.setInterval(UNDO_SECONDS * 1000)
        self.form.discard_button.hide()  # shown once the cramp is over
        self.tips = PreventionTips(prevention)
        self.tips.done_button.clicked.connect(self.done.emit)
        self.pages.addWidget(self.form)
        self.pages.addWidget(self.tips)
        self._page_widgets = [self.pages.widget(n) or self for n in range(self.pages.count())]
        self._turn_to(0)

        top = QHBoxLayout()
        top.addWidget(self.title_label)
        top.addWidget(self.earlier_bar, 1)
        # After the cramp the form's two ways back from a mistake sit up here, small.
        top.addWidget(self.form.resume_button)
        top.addWidget(self.form.discard_button)
        top.addStretch(0)
        top.addSpacing(12)
        top.addWidget(self.clock_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 8, 28, 10)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addWidget(self.notice_label)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.emergency_banner)
        bind_relief_keys(self)

    # --- building -----------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        """After each new layout (a page turned, new words), keep the wrapped lines' room."""
        handled = super().event(event)
        if event.type() == QEvent.Type.LayoutRequest:
            hold_wrapped_heights(self)
        return handled

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Wrapped words keep the lines they need at the new width; short: smaller headings."""
        super().resizeEvent(event)
        compact = event.size().height() < COMPACT_BELOW * text_scale()
        set_compact(self, compact)
        self.form.set_compact(compact)
        self.step_page.ring.setMinimumSize(*((110, 110) if compact else (180, 180)))
        outer = self.layout()
        if outer is not None:
            outer.setContentsMargins(*((20, 6, 20, 8) if compact else (28, 12, 28, 16)))
        hold_wrapped_heights(self)

    def set_look(self, look: Look, scale: float = 1.0) -> None:
        """Follow the night or day look (and the person's text size)."""
        # Short screens (a netbook's 600 px) get shorter targets; the words keep their size.
        height = self.screen().availableGeometry().height()
        room = max(0.4, min(1.0, height / (ROOMY_HEIGHT * scale)))
        self.setStyleSheet(relief_style(look, scale, room))
        self.step_page.ring.set_colours(look.ring_track, look.accent, look.text)
        self.step_page.picture.set_colours(body=look.text, highlight=look.accent)

    def set_reduce_motion(self, calm: bool) -> None:
        """Reduce motion: the clocks move once a second."""
        self._display_timer.setInterval(CALM_DISPLAY_INTERVAL_MS if calm else DISPLAY_INTERVAL_MS)

    def show_notice(self, text: str) -> None:
        """A quiet line at the top (e.g. that voice guidance is off, or the diary failed)."""
        self.notice_label.setText(text)
        self.notice_label.setVisible(bool(text))

    # --- running ------------------------------------------------------------------------------

    def start(self) -> None:
        """The first action: show the question (or the calf relief at once) and start timing.

        An episode that is over already is the same cramp again: it goes on, clock and all.
        """
        if self.episode.is_over:
            self.resume()
            return
        self._display_timer.start()
        self._handle(self.episode.start())

    def resume(self) -> None:
        """The cramp is not over after all: relief goes on, with the same clock and entry."""
        if not self.episode.is_over or self.episode.discarded:
            return
        self._ended_sent = False
        self._undo_timer.stop()
        self.form.resume_button.hide()
        self.form.discard_button.hide()
        self.form.reopen()
        self.earlier_bar.show()
        self._display_timer.start()
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
                self._display_timer.stop()
                self._moment_timer.stop()
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
        wait = self.episode.seconds_to_next_event()
        if wait is None:
            self._moment_timer.stop()
        else:
            self._moment_timer.start(max(0, round(wait * 1000)) + 1)

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
            self._turn_to(0)
            remaining = episode.autostart_remaining()
            wait = max(1, round((remaining or 0.0) + 0.49))
            self.choose_page.autostart_label.setText(
                self.tr("Calf relief starts in {0} s").format(wait) if remaining is not None else ""
            )
            return
        if episode.state is not ReliefState.RELIEVING or episode.current is None:
            return
        self._turn_to(1)
        self.step_page.show_step(episode, self._picture_for(episode.current.exercise.picture))
        self.step_page.fit_words()

    def _turn_to(self, index: int) -> None:
        """Bring a page to the front; only the page in front may ask for room."""
        if self.pages.currentIndex() == index:
            return
        for number, page in enumerate(self._page_widgets):
            policy = QSizePolicy.Policy.Preferred if number == index else QSizePolicy.Policy.Ignored
            page.setSizePolicy(policy, policy)
        self.pages.setCurrentIndex(index)

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
        self._turn_to(2)
        self.form.save_button.setFocus()

    def fill_form(self, notes: EpisodeNotes) -> None:
        """What was told about this cramp before (it is being continued)."""
        self.form.fill(notes)

    def _on_form_saved(self, notes: object) -> None:
        self.details_saved.emit(notes)
        self._turn_to(3)
        self.tips.done_button.setFocus()

    def show_saved(self, text: str) -> None:
        """Say on the form whether the episode reached the diary."""
        self.form.set_saved_text(text)

    @property
    def outcome(self) -> ReliefOutcome | None:
        """The episode as it ended, or None while relief goes on."""
        return self.episode.outcome
