"""The guided player: one routine, phase by phase, readable and audible from bed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from stretch_app.core.model import Side
from stretch_app.core.session import (
    Event,
    Finished,
    Phase,
    PhaseKind,
    Session,
    SessionState,
)
from stretch_app.ui.screens.player_fit import fit_height, fit_words
from stretch_app.ui.screens.player_words import phase_words
from stretch_app.ui.theme import Look
from stretch_app.ui.timers import MomentTimers
from stretch_app.ui.widgets.announce import announce
from stretch_app.ui.widgets.buttons import BigButton, ButtonRow
from stretch_app.ui.widgets.countdown_ring import CountdownRing
from stretch_app.ui.widgets.labels import NameLabel
from stretch_app.ui.widgets.picture import ExercisePicture
from stretch_app.ui.widgets.undo_bar import UndoBar

__all__ = ["PlayerScreen"]


def _label(role: str, *, wrap: bool = False) -> QLabel:
    label = QLabel()
    label.setProperty("role", role)
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    return label


class PlayerScreen(QWidget):
    """Shows the current phase of a :class:`Session` and drives it with timers.

    The session decides; this screen only asks it what time it is, renders the answer, and
    forwards every event through :attr:`session_event` for sound, voice and the journal.
    """

    session_event = Signal(object)
    """Each engine event, in order."""
    finished = Signal(object)
    """The :class:`Finished` event, once, when the routine ends or is stopped."""
    fullscreen_toggled = Signal()
    announced = Signal(str)
    """What was just told to screen readers (each new phase, pause and resume)."""

    def __init__(
        self,
        session: Session,
        picture_for: Callable[[str | None], Path | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("player")
        self.session = session
        self._picture_for = picture_for
        self._ended = False
        self._announced_phase: tuple[int, bool, PhaseKind] | None = None
        self._fitted_words: tuple[str, ...] = ()

        self._timers = MomentTimers(self, "player", self.tick)  # holds end on time

        self._build()
        self._bind_keys()

    # --- building -----------------------------------------------------------------------------

    def _build(self) -> None:
        self.routine_label = NameLabel(self.session.routine.name, "muted")
        self.step_label = _label("muted")
        self.step_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName(self.tr("Routine progress"))

        self.phase_label = _label("muted")
        self.title_label = _label("title", wrap=True)
        self.side_label = _label("huge", wrap=True)  # "Jetzt: Rechtes Bein" wraps, never cut
        self.howto_label = _label("howto", wrap=True)
        self.howto_label.setTextFormat(Qt.TextFormat.PlainText)
        # Never squeeze the instructions: the picture and the ring give way instead.
        self.howto_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.next_label = _label("muted", wrap=True)
        self.notice_label = _label("notice", wrap=True)
        self.notice_label.hide()
        self.switch_banner = _label("banner")
        self.switch_banner.setText("⇄  " + self.tr("Switch legs"))
        self.switch_banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.switch_banner.setAccessibleName(self.tr("Switch legs"))
        self.switch_banner.hide()

        self.picture = ExercisePicture()
        self.ring = CountdownRing()
        self.ring.setAccessibleName(self.tr("Time left"))

        self.back_button = BigButton(
            "◀ " + self.tr("Back"),
            accessible_name=self.tr("Back"),
            description=self.tr("Go to the previous stretch (Left arrow)"),
        )
        self.pause_button = BigButton(
            self.tr("Pause"),
            role="primary",
            accessible_name=self.tr("Pause"),
            description=self.tr("Pause or resume (Space)"),
        )
        self.skip_button = BigButton(
            self.tr("Skip") + " ▶",
            accessible_name=self.tr("Skip"),
            description=self.tr("Go on to the next step (Right arrow)"),
        )
        self.restart_button = BigButton(
            "↺ " + self.tr("Restart"),
            accessible_name=self.tr("Restart step"),
            description=self.tr("Start this step again (R)"),
        )
        self.stop_button = BigButton(
            self.tr("Stop"),
            accessible_name=self.tr("Stop"),
            description=self.tr("End the routine now"),
        )
        self.undo_bar = UndoBar(self.tr("Resume"), self.tr("End now"))
        self.undo_bar.undo_requested.connect(self.toggle_pause)
        self.undo_bar.expired.connect(self.stop)
        self.keys_label = _label("muted", wrap=True)
        self.keys_label.setText(
            self.tr("Keys: Space pause · ← back · → skip · R restart · Esc stop · C cramp now")
        )
        self.keys_label.setAccessibleName(self.tr("Keyboard keys"))
        self.back_button.clicked.connect(self.back)
        self.pause_button.clicked.connect(self.toggle_pause)
        self.skip_button.clicked.connect(self.skip)
        self.restart_button.clicked.connect(self.restart_step)
        self.stop_button.clicked.connect(self.stop)

        top = QHBoxLayout()
        top.addWidget(self.routine_label, 1)
        top.addWidget(self.step_label, 1)

        self.words_box = words_box = QWidget()
        words = QVBoxLayout(words_box)
        words.setContentsMargins(0, 0, 0, 0)
        words.addWidget(self.howto_label)
        words.addStretch(1)
        words.addWidget(self.next_label)
        words.addWidget(self.keys_label)  # scrolls with the how-to rather than grow the window
        # Large type on a small screen: the how-to scrolls rather than being cut or pushing the
        # window taller than the screen. What, which leg and the phase always show.
        self.words_scroll = QScrollArea()
        self.words_scroll.setWidget(words_box)
        self.words_scroll.setWidgetResizable(True)
        self.words_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.words_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.words_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        heading = QVBoxLayout()
        heading.addWidget(self.phase_label)
        heading.addWidget(self.title_label)
        heading.addWidget(self.side_label)
        heading.addWidget(self.words_scroll, 1)
        self.middle = middle = QGridLayout()
        middle.addWidget(self.picture, 0, 0)
        middle.addWidget(self.ring, 0, 1)
        middle.addLayout(heading, 0, 2)
        middle.setColumnStretch(0, 2)
        middle.setColumnStretch(1, 2)
        middle.setColumnStretch(2, 5)

        # The controls take two rows rather than leave the window (largest text, German).
        self.controls = ButtonRow(
            (
                self.back_button,
                self.pause_button,
                self.skip_button,
                self.restart_button,
                self.stop_button,
            )
        )

        self.outer = layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 20, 28, 20)
        layout.setSpacing(14)
        layout.addLayout(top)
        layout.addWidget(self.progress)
        layout.addWidget(self.notice_label)
        layout.addWidget(self.switch_banner)
        layout.addLayout(middle, 1)
        layout.addWidget(self.undo_bar)
        layout.addWidget(self.controls)
        self.setTabOrder(self.back_button, self.pause_button)
        self.setTabOrder(self.pause_button, self.skip_button)
        self.setTabOrder(self.skip_button, self.restart_button)
        self.setTabOrder(self.restart_button, self.stop_button)

    def _bind_keys(self) -> None:
        bindings: list[tuple[str | QKeySequence.StandardKey, Callable[[], object]]] = [
            ("Space", self.toggle_pause),
            ("Left", self.back),
            ("Right", self.skip),
            ("R", self.restart_step),
            ("Escape", self.stop_with_undo),
            ("F11", self.fullscreen_toggled.emit),
        ]
        for key, slot in bindings:
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    def set_look(self, look: Look) -> None:
        """Follow the night or day look."""
        self.ring.set_colours(look.ring_track, look.accent, look.text)
        self.picture.set_colours(body=look.text, highlight=look.accent)

    def set_reduce_motion(self, calm: bool) -> None:
        """Reduce motion: the ring steps once a second instead of sweeping smoothly."""
        self.ring.set_whole_seconds(calm)
        self._timers.set_calm(calm)

    def show_notice(self, text: str) -> None:
        """A quiet line at the top (e.g. "No sound device: cues are off")."""
        self.notice_label.setText(text)
        self.notice_label.show()

    # --- running ------------------------------------------------------------------------------

    def start(self) -> None:
        """Begin the routine."""
        self._handle(self.session.start())
        self._timers.start()

    def tick(self) -> None:
        """Ask the engine what time it is; render; plan the next precise moment."""
        self._handle(self.session.tick())

    def toggle_pause(self) -> None:
        """Space: pause or resume."""
        if self.session.state is SessionState.RUNNING:
            self._handle(self.session.pause())
        else:
            self._handle(self.session.resume())

    def back(self) -> None:
        """Left arrow: the previous stretch."""
        self._handle(self.session.back())

    def skip(self) -> None:
        """Right arrow: the next step."""
        self._handle(self.session.skip())

    def restart_step(self) -> None:
        """R: this step again from the start."""
        self._handle(self.session.restart_step())

    def stop(self) -> None:
        """End the routine now (the Stop button, closing the window)."""
        self.undo_bar.withdraw()
        self._handle(self.session.stop())

    def stop_with_undo(self) -> None:
        """Esc: halt at once, but offer Resume for a few seconds before the routine ends."""
        if self._ended or self.undo_bar.active:
            return
        if self.session.state is SessionState.RUNNING:
            self._handle(self.session.pause())
        self.undo_bar.offer(self.tr("Stopped."))
        self.controls.hide()  # the bar's Resume / End now stand in for them

    def _handle(self, events: list[Event]) -> None:
        for event in events:
            self.session_event.emit(event)
            if isinstance(event, Finished) and not self._ended:
                self._ended = True
                self._timers.stop()
                self.finished.emit(event)
        if not self._ended:
            self._render()
            self._announce_phase()
            self._plan_next_moment()

    def _plan_next_moment(self) -> None:
        self._timers.plan(self.session.seconds_to_next_event())

    # --- rendering ----------------------------------------------------------------------------

    def _render(self) -> None:
        session = self.session
        phase = session.current
        paused = session.state is SessionState.PAUSED
        if not paused:
            self.undo_bar.withdraw()  # resumed, by the bar or by Space
        # While the bar offers Resume / End now it stands in for the controls (room at 1024×600).
        self.controls.setVisible(not self.undo_bar.active)
        self.progress.setValue(round(session.progress() * 1000))
        steps = len(session.routine.steps)
        self.step_label.setText(self.tr("Step {0} of {1}").format(phase.step_index + 1, steps))
        self.pause_button.setText(self.tr("Resume") if paused else self.tr("Pause"))
        self.pause_button.setAccessibleName(self.pause_button.text())
        self.switch_banner.setVisible(phase.kind is PhaseKind.SWITCH_LEGS)
        words = phase_words(session, paused=paused)
        if words.phase_wraps:
            self.phase_label.setWordWrap(True)  # long in German, large type, small screens
        self.phase_label.setText(words.phase)
        self.title_label.setText(words.title)
        self.side_label.setText(words.side)
        self.howto_label.setText(words.howto)
        self.next_label.setText(words.following)
        self.next_label.setVisible(bool(words.following))
        self.side_label.setVisible(bool(self.side_label.text()))
        self.phase_label.setHidden(phase.kind is PhaseKind.SWITCH_LEGS)  # the banner says it
        fitted = (words.title, words.side, words.howto)
        if fitted != self._fitted_words:  # new words: find their room once, not every tick
            self._fitted_words = fitted
            fit_words(self, afresh=True)
        self._render_ring(phase, words.caption)
        mirrored = phase.side is Side.RIGHT
        self.picture.show_picture(self._picture_for(phase.exercise.picture), mirrored=mirrored)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Narrow windows: the picture makes way; short ones: smaller headings, same words."""
        super().resizeEvent(event)
        fit_height(self, event.size().height())

    def _render_ring(self, phase: Phase, caption: str) -> None:
        remaining = self.session.remaining()
        if remaining is not None and phase.duration:
            self.ring.show_remaining(remaining, phase.duration, caption)
        elif phase.kind is PhaseKind.TIP:
            self.ring.show_text(self.tr("Tip"))
        else:
            self.ring.show_elapsed(self.session.elapsed(), self.tr("so far"))

    def _announce_phase(self) -> None:
        """Tell screen readers about a new phase, a pause or a resume (once each)."""
        paused = self.session.state is SessionState.PAUSED
        key = (self.session.index, paused, self.session.current.kind)
        if key == self._announced_phase:
            return
        self._announced_phase = key
        words = [self.phase_label.text(), self.title_label.text(), self.side_label.text()]
        text = ". ".join(dict.fromkeys(w for w in words if w))
        self.announced.emit(text)
        announce(self, text)

    # --- leaving ------------------------------------------------------------------------------

    @property
    def ended(self) -> bool:
        """True once the routine has finished or been stopped."""
        return self._ended
