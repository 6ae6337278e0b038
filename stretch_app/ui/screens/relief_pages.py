"""The two pages of the relief screen while a cramp is on: "where is it?" and one step.

They only lay out and name their controls; :class:`~.relief.ReliefScreen` drives them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from stretch_app.core.journal_rows import MUSCLE_CHOICES, Muscle
from stretch_app.ui.widgets.buttons import BigButton, ButtonRow

if TYPE_CHECKING:  # the first "where is the cramp?" page is painted before the models load
    from stretch_app.core.relief import ReliefEpisode
    from stretch_app.ui.widgets.countdown_ring import CountdownRing
    from stretch_app.ui.widgets.picture import ExercisePicture

__all__ = ["ChoosePage", "EarlierBar", "StepPage", "muscle_labels", "relief_label", "relief_title"]


def relief_title() -> str:
    """The relief screen's title in the language in force."""
    return QCoreApplication.translate("ReliefScreen", "Cramp relief")


def muscle_labels() -> dict[Muscle, str]:
    """How each muscle is named on its button (keys 1 to 4 in this order)."""
    return {
        "calf": QCoreApplication.translate("ReliefScreen", "Calf"),
        "back-of-thigh": QCoreApplication.translate("ReliefScreen", "Back of thigh"),
        "front-of-thigh": QCoreApplication.translate("ReliefScreen", "Front of thigh"),
        "foot": QCoreApplication.translate("ReliefScreen", "Foot"),
    }


def relief_label(text: str = "", name: str = "", role: str = "", *, wrap: bool = True) -> QLabel:
    """A plain-text label with an object name (for the style sheet) and a role."""
    label = QLabel(text)
    if name:
        label.setObjectName(name)
    if role:
        label.setProperty("role", role)
    label.setWordWrap(wrap)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class ChoosePage(QWidget):
    """Where is the cramp? Four huge buttons (keys 1 to 4) and the auto-start countdown."""

    chosen = Signal(str)
    """The muscle the person pointed at."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question_label = relief_label(self.tr("Where is the cramp?"), "relief-question")
        self.question_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.autostart_label = relief_label("", "relief-autostart")
        self.autostart_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for label in (self.question_label, self.autostart_label):
            # The room goes to the four buttons, not to space around the words.
            label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.muscle_buttons: dict[Muscle, BigButton] = {}
        grid = QGridLayout()
        grid.setSpacing(18)
        labels = muscle_labels()
        descriptions = {
            "calf": self.tr("The cramp is in the calf (key 1)"),
            "back-of-thigh": self.tr("The cramp is in the back of the thigh (key 2)"),
            "front-of-thigh": self.tr("The cramp is in the front of the thigh (key 3)"),
            "foot": self.tr("The cramp is in the foot (key 4)"),
        }
        for number, muscle in enumerate(MUSCLE_CHOICES, start=1):
            name = labels[muscle]
            button = BigButton(
                f"{number}  {name}",
                role="primary" if muscle == "calf" else "",
                accessible_name=" ".join(name.split()),  # a translation may break it in two
                description=descriptions[muscle],
            )
            button.setProperty("relief", "muscle")
            # Big targets that take the room there is (a two-line name needs its own height).
            button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
            button.clicked.connect(lambda _=False, m=muscle: self.chosen.emit(m))
            grid.addWidget(button, (number - 1) // 2, (number - 1) % 2)
            self.muscle_buttons[muscle] = button
        self._grid = grid
        self._box = QVBoxLayout(self)
        self._box.setSpacing(18)
        self._box.addWidget(self.question_label)
        self._box.addLayout(grid, 1)
        self._box.addWidget(self.autostart_label)

    def set_compact(self, compact: bool) -> None:
        """Closer and a little smaller on a short screen, so the emergency signs keep room."""
        self._box.setSpacing(6 if compact else 18)
        self._box.setContentsMargins(*((0, 0, 0, 0) if compact else (9, 9, 9, 9)))
        self._grid.setSpacing(10 if compact else 18)
        widgets = (self.question_label, self.autostart_label, *self.muscle_buttons.values())
        for widget in widgets:
            if bool(widget.property("compact")) != compact:
                widget.setProperty("compact", compact)
                widget.style().unpolish(widget)
                widget.style().polish(widget)
                widget.updateGeometry()


class StepPage(QWidget):
    """One relief step: its picture, how long it has lasted, how to do it, and the answers."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._emergency = False
        self.step_label = relief_label(role="muted", wrap=False)
        self.exercise_label = relief_label(role="title")
        self.until_label = relief_label("", "relief-until")
        self.howto_label = relief_label(role="howto")
        # Never squeeze the instructions: the picture and the ring give way instead.
        self.howto_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.next_label = relief_label(role="muted")
        # Imported here: the stand-in "where is the cramp?" of a cold start needs neither.
        from stretch_app.ui.widgets.countdown_ring import CountdownRing
        from stretch_app.ui.widgets.picture import ExercisePicture

        self.picture: ExercisePicture = ExercisePicture()
        self.ring: CountdownRing = CountdownRing()
        self.ring.setAccessibleName(self.tr("How long this step has lasted"))
        self.eased_button = BigButton(
            self.tr("Easing / gone"),
            role="primary",
            accessible_name=self.tr("Easing or gone"),
            description=self.tr("The cramp is easing or gone: end relief (Enter or E)"),
        )
        self.next_button = BigButton(
            self.tr("Still cramping — next"),
            accessible_name=self.tr("Still cramping, next step"),
            description=self.tr("Try the next step (N or Right arrow)"),
        )
        self.end_button = BigButton(
            self.tr("End"),
            accessible_name=self.tr("End relief"),
            description=self.tr("End relief now (Esc)"),
        )
        self.back_button = BigButton(
            self.tr("Back"),
            accessible_name=self.tr("Back one step"),
            description=self.tr("The step before, or back to where the cramp is (Left arrow)"),
        )
        for button in (self.eased_button, self.next_button):
            button.setProperty("relief", "answer")
        for button in (self.back_button, self.end_button):
            button.setProperty("small", True)

        self.words_box = QWidget()
        self.words = words = QVBoxLayout(self.words_box)
        words.setContentsMargins(0, 0, 0, 0)
        for widget in (self.step_label, self.exercise_label, self.until_label, self.howto_label):
            words.addWidget(widget)
        words.addStretch(1)
        words.addWidget(self.next_label)
        # On a short screen the words scroll; the answers below them never leave the window.
        self.words_scroll = QScrollArea()
        self.words_scroll.setWidget(self.words_box)
        self.words_scroll.setWidgetResizable(True)
        self.words_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.words_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.words_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # The words' room also shrinks when the answers below wrap onto two rows (German, large
        # text) with the page's size unchanged: watch the view itself.
        self.words_scroll.viewport().installEventFilter(self)
        self.middle = QGridLayout()
        self.middle.addWidget(self.picture, 0, 0)
        self.middle.addWidget(self.ring, 0, 1)
        self.middle.addWidget(self.words_scroll, 0, 2)
        self.middle.setColumnStretch(0, 3)
        self.middle.setColumnStretch(1, 3)
        self.middle.setColumnStretch(2, 6)
        # Two rows of answers rather than a window wider than the screen.
        self.answers = ButtonRow((self.eased_button, self.next_button))
        others = QVBoxLayout()  # the small ones, one above the other to leave the big ones room
        others.addWidget(self.back_button)
        others.addWidget(self.end_button)
        answers = QHBoxLayout()
        answers.setSpacing(18)
        answers.addWidget(self.answers, 6)
        answers.addLayout(others, 1)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(self.middle, 1)
        box.addLayout(answers)

    def fit_words(self) -> None:
        """The words never narrower than their longest word; the picture gives way first."""
        bar = self.words_scroll.verticalScrollBar().sizeHint().width()
        least = self.words_box.minimumSizeHint().width() + bar
        if least != self.words_scroll.minimumWidth():
            self.words_scroll.setMinimumWidth(least)
        spacing = 2 * max(0, self.middle.horizontalSpacing())
        needed = least + self.ring.minimumWidth() + self.picture.minimumWidth() + spacing
        if not self._emergency:
            self.picture.setVisible(self.width() >= needed)
        self.middle.setColumnStretch(0, 3 if self.picture.isVisibleTo(self) else 0)

    def fit_height(self) -> None:
        """A short window: "Step 1 of 7" goes first, then "Hold until it eases" takes a
        smaller size, so the stretch and what to do stay whole in view where they can (not yet
        in German at 1024×600 and the largest text: two lines of "Halten, bis es nachlässt"
        do not fit beside the ring); the how-to scrolls below them (and the voice says it)."""
        room = self.words_scroll.viewport().height()
        self._set_until_compact(False)
        if room >= self._height_of(self.step_label, self.exercise_label, self.until_label):
            self.step_label.show()
            return
        self.step_label.hide()
        if room < self._height_of(self.exercise_label, self.until_label):
            self._set_until_compact(True)

    def _height_of(self, *labels: QLabel) -> int:
        width = self.words_scroll.viewport().width()
        heights = [
            label.heightForWidth(width) if label.wordWrap() else label.sizeHint().height()
            for label in labels
        ]
        return sum(heights) + max(0, self.words.spacing()) * (len(labels) - 1)

    def _set_until_compact(self, compact: bool) -> None:
        if bool(self.until_label.property("compact")) != compact:
            self.until_label.setProperty("compact", compact)
            self.until_label.style().unpolish(self.until_label)
            self.until_label.style().polish(self.until_label)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The words' view changed size: fit the words to its height again."""
        if event.type() == QEvent.Type.Resize and watched is self.words_scroll.viewport():
            self.fit_height()
        return super().eventFilter(watched, event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Narrow windows: the picture makes way for the words and the clock; short ones lose
        the step count first."""
        super().resizeEvent(event)
        self.fit_words()
        self.fit_height()

    def show_step(self, episode: ReliefEpisode, picture: Path | None) -> None:
        """Render the episode's current step (its name, how to, the ring, what comes next)."""
        step = episode.current
        if step is None:
            return
        self.step_label.setText(
            QCoreApplication.translate("ReliefScreen", "Step {0} of {1}").format(
                episode.index + 1, len(episode.steps)
            )
        )
        self.exercise_label.setText(step.exercise.name)
        self.until_label.setText(
            QCoreApplication.translate("ReliefScreen", "Hold until it eases")
            if step.open_ended
            else QCoreApplication.translate("ReliefScreen", "Try this")
        )
        # An open-ended step's note only repeats "hold until it eases"; few words in pain.
        lines = [step.note] if step.note and not step.open_ended else []
        self.howto_label.setText("\n".join(f"• {line}" for line in [*lines, *step.exercise.how_to]))
        upcoming = episode.upcoming
        self.next_label.setText(
            QCoreApplication.translate("ReliefScreen", "Next: {0}").format(upcoming.exercise.name)
            if upcoming
            else ""
        )
        self.picture.show_picture(picture)
        if step.open_ended:
            self.ring.show_elapsed(
                episode.step_elapsed(), QCoreApplication.translate("ReliefScreen", "holding")
            )
        else:
            self.ring.show_text(QCoreApplication.translate("ReliefScreen", "Tip"))
        self.fit_height()

    def make_room_for_emergency(self) -> None:
        """Give the picture's and the instructions' room to the emergency notice above."""
        self._emergency = True
        self.picture.hide()
        self.howto_label.hide()
        # The stack caches this page's old minimum; tell it now, or the window grows.
        layout = self.layout()
        if layout is not None:
            layout.activate()
        self.updateGeometry()

    def give_way(self) -> bool:
        """The notice still has too little room: the step's name and its clock go too.

        The cramp clock stays at the top and the answers stay. True if anything went.
        """
        if not self._emergency or not self.ring.isVisibleTo(self):
            return False
        self.ring.hide()
        self.words_scroll.hide()
        layout = self.layout()
        if layout is not None:
            layout.activate()
        self.updateGeometry()
        return True


class EarlierBar(QWidget):
    """Started earlier? [1] [2] [5] [10] min ago: one tap sets the cramp's start back.

    The question sits above the taps, so the row leaves the clock beside it its room.
    """

    chosen = Signal(int)
    """The minutes the person tapped."""

    def __init__(self, choices: tuple[int, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = relief_label(self.tr("Started earlier?"), role="muted")
        self.buttons: dict[int, BigButton] = {}
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(self.label)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(10)
        box.addLayout(row)
        for minutes in choices:
            button = BigButton(
                str(minutes),
                accessible_name=self.tr("The cramp started about {0} minutes ago").format(minutes),
                description=self.tr("Time the cramp from when it began"),
            )
            button.setCheckable(True)
            button.setAutoExclusive(True)
            button.setProperty("earlier", True)  # small: not one of the big answers
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # Enter stays on "easing"
            button.clicked.connect(lambda _=False, m=minutes: self.chosen.emit(m))
            row.addWidget(button)
            self.buttons[minutes] = button
        self.unit_label = relief_label(self.tr("min ago"), role="muted", wrap=False)
        row.addWidget(self.unit_label)
        row.addStretch(1)
