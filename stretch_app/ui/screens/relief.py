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

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
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
from stretch_app.ui.screens.relief_parts import EmergencyBanner, relief_style
from stretch_app.ui.theme import Look
from stretch_app.ui.widgets.buttons import BigButton
from stretch_app.ui.widgets.countdown_ring import CountdownRing
from stretch_app.ui.widgets.picture import ExercisePicture

__all__ = ["MUSCLE_LABELS", "RELIEF_TITLE", "ReliefScreen"]

RELIEF_TITLE = "Cramp relief"
DISPLAY_INTERVAL_MS = 200

#: How each muscle is named on its button (keys 1 to 4 in this order).
MUSCLE_LABELS: dict[Muscle, str] = {
    "calf": "Calf",
    "back-of-thigh": "Back of thigh",
    "front-of-thigh": "Front of thigh",
    "foot": "Foot",
}


def _label(text: str = "", name: str = "", role: str = "", *, wrap: bool = True) -> QLabel:
    label = QLabel(text)
    if name:
        label.setObjectName(name)
    if role:
        label.setProperty("role", role)
    label.setWordWrap(wrap)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


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

        self._display_timer = QTimer(self)
        self._display_timer.setObjectName("relief-display-timer")
        self._display_timer.setInterval(DISPLAY_INTERVAL_MS)
        self._display_timer.timeout.connect(self.tick)
        # A precise single shot at the engine's next moment: the auto-start, the emergency.
        self._moment_timer = QTimer(self)
        self._moment_timer.setObjectName("relief-moment-timer")
        self._moment_timer.setSingleShot(True)
        self._moment_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._moment_timer.timeout.connect(self.tick)

        self.title_label = _label(RELIEF_TITLE, role="muted", wrap=False)
        self.clock_label = _label("0:00", "relief-clock", wrap=False)
        self.clock_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.clock_label.setAccessibleName("How long the cramp has lasted")
        self.notice_label = _label(role="notice")
        self.notice_label.hide()
        self.emergency_banner = EmergencyBanner(emergency)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._build_choose_page())
        self.pages.addWidget(self._build_step_page())
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
        layout.setContentsMargins(28, 16, 28, 20)
        layout.setSpacing(12)
        layout.addLayout(top)
        layout.addWidget(self.notice_label)
        layout.addWidget(self.emergency_banner)
        layout.addWidget(self.pages, 1)
        self._bind_keys()

    # --- building -----------------------------------------------------------------------------

    def _build_choose_page(self) -> QWidget:
        page = QWidget()
        self.question_label = _label("Where is the cramp?", "relief-question")
        self.question_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.autostart_label = _label("", "relief-autostart")
        self.autostart_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.muscle_buttons: dict[Muscle, BigButton] = {}
        grid = QGridLayout()
        grid.setSpacing(18)
        for number, muscle in enumerate(MUSCLE_CHOICES, start=1):
            name = MUSCLE_LABELS[muscle]
            button = BigButton(
                f"{number}  {name}",
                role="primary" if muscle == "calf" else "",
                accessible_name=name,
                description=f"The cramp is in the {name.lower()} (key {number})",
            )
            button.setProperty("relief", "muscle")
            button.clicked.connect(lambda _=False, m=muscle: self.choose(m))
            grid.addWidget(button, (number - 1) // 2, (number - 1) % 2)
            self.muscle_buttons[muscle] = button
        box = QVBoxLayout(page)
        box.setSpacing(18)
        box.addWidget(self.question_label)
        box.addLayout(grid, 1)
        box.addWidget(self.autostart_label)
        return page

    def _build_step_page(self) -> QWidget:
        page = QWidget()
        self.step_label = _label(role="muted", wrap=False)
        self.exercise_label = _label(role="title")
        self.until_label = _label("", "relief-until")
        self.howto_label = _label(role="howto")
        # Never squeeze the instructions: the picture and the ring give way instead.
        self.howto_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.next_label = _label(role="muted")
        self.picture = ExercisePicture()
        self.ring = CountdownRing()
        self.ring.setAccessibleName("How long this step has lasted")
        self.eased_button = BigButton(
            "Easing / gone",
            role="primary",
            description="The cramp is easing or gone: end relief (Enter or E)",
        )
        self.next_button = BigButton(
            "Still cramping — next",
            accessible_name="Still cramping, next step",
            description="Try the next step (N or Right arrow)",
        )
        self.end_button = BigButton("End", description="End relief now (Esc)")
        for button in (self.eased_button, self.next_button):
            button.setProperty("relief", "answer")
        self.eased_button.clicked.connect(self.eased)
        self.next_button.clicked.connect(self.next_step)
        self.end_button.clicked.connect(self.stop)

        words = QVBoxLayout()
        for widget in (self.step_label, self.exercise_label, self.until_label, self.howto_label):
            words.addWidget(widget)
        words.addStretch(1)
        words.addWidget(self.next_label)
        middle = QGridLayout()
        middle.addWidget(self.picture, 0, 0)
        middle.addWidget(self.ring, 0, 1)
        middle.addLayout(words, 0, 2)
        middle.setColumnStretch(0, 3)
        middle.setColumnStretch(1, 3)
        middle.setColumnStretch(2, 6)
        answers = QHBoxLayout()
        answers.setSpacing(18)
        answers.addWidget(self.eased_button, 3)
        answers.addWidget(self.next_button, 3)
        answers.addWidget(self.end_button, 1)
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(middle, 1)
        box.addLayout(answers)
        return page

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

    def set_look(self, look: Look, scale: float = 1.0) -> None:
        """Follow the night or day look (and the person's text size)."""
        self.setStyleSheet(relief_style(look, scale))
        self.ring.set_colours(look.ring_track, look.accent, look.text)
        self.picture.set_colours(body=look.text, highlight=look.accent)

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
        for event in events:
            self.relief_event.emit(event)
            if isinstance(event, Asking):
                focus = self.muscle_buttons["calf"]
            elif isinstance(event, StepStarted):
                focus = self.eased_button  # Enter always means "easing" on a new step
            elif isinstance(event, EmergencyReached):
                # The notice takes the room of the picture and the instructions.
                self.emergency_banner.show()
                self.picture.hide()
                self.howto_label.hide()
            elif isinstance(event, Ended) and not self._ended_sent:
                self._ended_sent = True
                self._display_timer.stop()
                self._moment_timer.stop()
                self.emergency_banner.hide_signs()  # title and lead stay; the signs were shown
                self._show_form(event.outcome)
                self.ended.emit(event.outcome)
        self._render()
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
        word = "Lasted" if episode.is_over else "Cramp"
        self.clock_label.setText(f"{word} {_clock_text(episode.elapsed())}")
        if episode.state is ReliefState.CHOOSING:
            self._turn_to(0)
            wait = episode.autostart_remaining() or 0.0
            self.autostart_label.setText(f"Calf relief starts in {max(1, round(wait + 0.49))} s")
            return
        step = episode.current
        if episode.state is not ReliefState.RELIEVING or step is None:
            return
        self._turn_to(1)
        self.step_label.setText(f"Step {episode.index + 1} of {len(episode.steps)}")
        self.exercise_label.setText(step.exercise.name)
        self.until_label.setText("Hold until it eases" if step.open_ended else "Try this")
        # An open-ended step's note only repeats "hold until it eases"; few words in pain.
        lines = [step.note] if step.note and not step.open_ended else []
        self.howto_label.setText("\n".join(f"• {line}" for line in [*lines, *step.exercise.how_to]))
        upcoming = episode.upcoming
        self.next_label.setText(f"Next: {upcoming.exercise.name}" if upcoming else "")
        self.picture.show_picture(self._picture_for(step.exercise.picture))
        if step.open_ended:
            self.ring.show_elapsed(episode.step_elapsed(), "holding")
        else:
            self.ring.show_text("Tip")

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
        heading = "Glad it is easing." if outcome.eased else "Relief ended."
        self.form.set_summary(heading, f"The cramp lasted {lasted}.")
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
