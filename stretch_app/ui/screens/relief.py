"""The cramp-relief screen: where is it, what to do now, when to get help, and the diary entry.

Built for a person in pain in a dark room with one hand free: one question with four huge
targets (the calf starts by itself), then one step at a time with two big answers, "easing"
and "next". The engine (:class:`~stretch_app.core.relief.ReliefEpisode`) decides; this screen
drives it with timers, renders it, and forwards every event for the voice and the journal.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
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
    MUSCLE_CHOICES,
    Asking,
    EmergencyReached,
    Ended,
    ReliefEpisode,
    ReliefEvent,
    ReliefOutcome,
    ReliefState,
    StepStarted,
)
from stretch_app.core.safety import Emergency, Prevention
from stretch_app.ui.screens.relief_after import EpisodeForm, PreventionTips
from stretch_app.ui.screens.relief_pages import (
    ChoosePage,
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


def _clock_text(seconds: float) -> str:
    minutes, secs = divmod(int(seconds), 60)
    return f"{minutes}:{secs:02d}"


class ReliefScreen(QWidget):
    """Asks where the cramp is, then shows one relief step at a time; times the whole cramp.

    Keys: 1-4 choose the muscle; Enter or E says it is easing; N or Right goes on; Esc ends
    relief (and on the form, saves it as it is).
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
        self.clock_label = relief_label("0:00", "relief-clock", wrap=False)
        self.clock_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.clock_label.setAccessibleName(self.tr("How long the cramp has lasted"))
        self.notice_label = relief_label(role="notice")
        self.notice_label.hide()
        self.emergency_banner = EmergencyBanner(emergency)
        self.pages = QStackedWidget()
        self.choose_page = ChoosePage()
        self.choose_page.chosen.connect(self.choose)
        self.step_page = StepPage()
        self.step_page.eased_button.clicked.connect(self.eased)
        self.step_page.next_button.clicked.connect(self.next_step)
        self.step_page.end_button.clicked.connect(self.stop)
        self._alias_controls()
        self.pages.addWidget(self.choose_page)
        self.pages.addWidget(self.step_page)
        self.form = EpisodeForm()
        self.form.saved.connect(self._on_form_saved)
        self.tips = PreventionTips(prevention)
        self.tips.done_button.clicked.connect(self.done.emit)
        self.pages.addWidget(self.form)
        self.pages.addWidget(self.tips)
        self._page_widgets = [self.pages.widget(n) or self for n in range(self.pages.count())]
        self._turn_to(0)

        top = QHBoxLayout()
        top.addWidget(self.title_label, 1)
        top.addWidget(self.clock_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 12, 28, 16)
        layout.setSpacing(12)
        layout.addLayout(top)
        layout.addWidget(self.notice_label)
        layout.addWidget(self.emergency_banner)
        layout.addWidget(self.pages, 1)
        self._bind_keys()

    # --- building -----------------------------------------------------------------------------

    def _alias_controls(self) -> None:
        """The pages' controls, reachable from the screen as before the pages were split out."""
        choose, step = self.choose_page, self.step_page
        self.question_label = choose.question_label
        self.autostart_label = choose.autostart_label
        self.muscle_buttons = choose.muscle_buttons
        self.step_label, self.exercise_label = step.step_label, step.exercise_label
        self.until_label, self.howto_label = step.until_label, step.howto_label
        self.next_label, self.picture, self.ring = step.next_label, step.picture, step.ring
        self.eased_button, self.next_button = step.eased_button, step.next_button
        self.end_button = step.end_button

    def _bind_keys(self) -> None:
        bindings: list[tuple[str, Callable[[], object]]] = [
            ("E", self._key_eased),
            ("N", self._key_next),
            ("Right", self._key_next),
            ("Escape", self._key_escape),
        ]
        for number, muscle in enumerate(MUSCLE_CHOICES, start=1):
            bindings.append((str(number), partial(self._key_choose, muscle)))
        for key, slot in bindings:
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

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
        self.ring.setMinimumSize(*((110, 110) if compact else (180, 180)))
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
        self.ring.set_colours(look.ring_track, look.accent, look.text)
        self.picture.set_colours(body=look.text, highlight=look.accent)

    def set_reduce_motion(self, calm: bool) -> None:
        """Reduce motion: the clocks move once a second."""
        self._display_timer.setInterval(CALM_DISPLAY_INTERVAL_MS if calm else DISPLAY_INTERVAL_MS)

    def show_notice(self, text: str) -> None:
        """A quiet line at the top (e.g. that voice guidance is off, or the diary failed)."""
        self.notice_label.setText(text)
        self.notice_label.setVisible(bool(text))

    # --- running ------------------------------------------------------------------------------

    def start(self) -> None:
        """The first action: show the question (or the calf relief at once) and start timing."""
        self._display_timer.start()
        self._handle(self.episode.start())

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
        """Keep what the form holds now; used when the window closes or a new cramp starts."""
        if self.episode.is_over and not self.form.is_saved:
            self.form.save()

    @property
    def page(self) -> str:
        """Which page is in front: "choose", "step", "details" or "tips"."""
        return ("choose", "step", "details", "tips")[self.pages.currentIndex()]

    def _key_choose(self, muscle: Muscle) -> None:
        if self.page == "choose":
            self.choose(muscle)

    def _key_eased(self) -> None:
        if self.page == "step":
            self.eased()

    def _key_next(self) -> None:
        if self.page in ("choose", "step"):
            self.next_step()

    def _key_escape(self) -> None:
        if not self.episode.is_over:
            self.stop()
        elif self.page == "details":
            self.form.save()
        else:
            self.done.emit()

    def _handle(self, events: list[ReliefEvent]) -> None:
        focus: QWidget | None = None
        news: list[tuple[str, bool]] = []
        emergency = False
        for event in events:
            self.relief_event.emit(event)
            if isinstance(event, Asking):
                focus = self.muscle_buttons["calf"]
                news.append((self.question_label.text(), False))
            elif isinstance(event, StepStarted):
                focus = self.eased_button  # Enter always means "easing" on a new step
                news.append((self._step_news(event), False))
            elif isinstance(event, EmergencyReached):
                emergency = True
                news.append((self.emergency_banner.accessibleDescription(), True))
            elif isinstance(event, Ended) and not self._ended_sent:
                self._ended_sent = True
                self._display_timer.stop()
                self._moment_timer.stop()
                self.emergency_banner.compact()  # a one-line reminder; the rest was shown
                self._show_form(event.outcome)
                self.ended.emit(event.outcome)
        self._render()
        if emergency:
            # After the page in front is the step page (it may have just started), and with
            # its picture and instructions making room: showing the notice lays the window out
            # at once, and a taller page in front would make the window grow.
            self.step_page.make_room_for_emergency()
            self.emergency_banner.show()
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

    def _step_news(self, event: StepStarted) -> str:
        """A new step in one line, e.g. "Step 2 of 7: Massage the muscle. Hold until it eases."."""
        exercise = event.step.exercise.name
        if event.step.open_ended:
            text = self.tr("Step {0} of {1}: {2}. Hold until it eases.")
        else:
            text = self.tr("Step {0} of {1}: {2}. Try this.")
        return text.format(event.index + 1, event.count, exercise)

    def _render(self) -> None:
        episode = self.episode
        elapsed = _clock_text(episode.elapsed())
        if episode.is_over:
            self.clock_label.setText(self.tr("Lasted {0}").format(elapsed))
        else:
            self.clock_label.setText(self.tr("Cramp {0}").format(elapsed))
        if episode.state is ReliefState.CHOOSING:
            self._turn_to(0)
            wait = max(1, round((episode.autostart_remaining() or 0.0) + 0.49))
            self.autostart_label.setText(self.tr("Calf relief starts in {0} s").format(wait))
            return
        step = episode.current
        if episode.state is not ReliefState.RELIEVING or step is None:
            return
        self._turn_to(1)
        self.step_label.setText(
            self.tr("Step {0} of {1}").format(episode.index + 1, len(episode.steps))
        )
        self.exercise_label.setText(step.exercise.name)
        self.until_label.setText(
            self.tr("Hold until it eases") if step.open_ended else self.tr("Try this")
        )
        # An open-ended step's note only repeats "hold until it eases"; few words in pain.
        lines = [step.note] if step.note and not step.open_ended else []
        self.howto_label.setText("\n".join(f"• {line}" for line in [*lines, *step.exercise.how_to]))
        upcoming = episode.upcoming
        self.next_label.setText(
            self.tr("Next: {0}").format(upcoming.exercise.name) if upcoming else ""
        )
        self.picture.show_picture(self._picture_for(step.exercise.picture))
        self.step_page.fit_words()
        if step.open_ended:
            self.ring.show_elapsed(episode.step_elapsed(), self.tr("holding"))
        else:
            self.ring.show_text(self.tr("Tip"))

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
        self.announced.emit(f"{heading} {self.form.lasted_label.text()}")
        announce(self, f"{heading} {self.form.lasted_label.text()}")
        self._turn_to(2)
        self.form.save_button.setFocus()

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
