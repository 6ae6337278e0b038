"""After a cramp: the optional diary details, then the prevention tips (parts of the relief screen).

Nothing on the form is required: a tired person presses Save (or Enter) and is done, and the
episode itself is already in the diary by the time the form appears.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from stretch_app.core.journal import Leg
from stretch_app.core.relief_content import PreventionText
from stretch_app.ui.widgets.buttons import BigButton

__all__ = ["EpisodeForm", "EpisodeNotes", "PreventionTips"]

NOTE_MAX_CHARS = 500


def _legs() -> tuple[tuple[Leg, str, str], ...]:
    """Each leg choice: (value, button text, accessible name)."""
    return (
        (
            "left",
            QCoreApplication.translate("EpisodeForm", "Left"),
            QCoreApplication.translate("EpisodeForm", "Left leg"),
        ),
        (
            "right",
            QCoreApplication.translate("EpisodeForm", "Right"),
            QCoreApplication.translate("EpisodeForm", "Right leg"),
        ),
        (
            "both",
            QCoreApplication.translate("EpisodeForm", "Both"),
            QCoreApplication.translate("EpisodeForm", "Both legs"),
        ),
    )


@dataclass(frozen=True, slots=True)
class EpisodeNotes:
    """What the person told about a cramp after it; every part may be left out."""

    leg: Leg | None = None
    pain: int | None = None
    note: str = ""
    woke_me: bool | None = None


def _label(text: str, role: str = "", *, wrap: bool = True) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    if role:
        label.setProperty("role", role)
    return label


def _choice(text: str, accessible_name: str, description: str) -> BigButton:
    button = BigButton(text, accessible_name=accessible_name, description=description)
    button.setCheckable(True)
    button.setProperty("relief", "choice")
    return button


class EpisodeForm(QWidget):
    """Which leg, did it wake you, how bad (0–10), a short note, and Save; all optional.

    Mistakes are cheap here: "Not a cramp — discard" takes the episode out of the diary, and
    for a few seconds after the end "Not over — back to relief" carries on the same cramp.
    """

    saved = Signal(object)
    """The :class:`EpisodeNotes`, once."""
    discard_requested = Signal()
    """The person says it was not a cramp."""
    resume_requested = Signal()
    """The person says the cramp is not over (relief goes on, same clock)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("relief-form")
        self._saved = False
        self.heading_label = _label("", "title", wrap=False)  # a few words; the rest wraps
        self.lasted_label = _label("", "howto")
        self.saved_label = _label("", "muted", wrap=True)
        self.lasted_label.setWordWrap(True)

        self.leg_group = QButtonGroup(self)
        self.leg_buttons: dict[Leg, BigButton] = {}
        legs = QHBoxLayout()
        legs.setSpacing(12)
        legs.addWidget(_label(self.tr("Which leg?"), "howto", wrap=True), 2)
        for leg, text, name in _legs():
            button = _choice(text, name, self.tr("Which leg"))
            self.leg_group.addButton(button)
            self.leg_buttons[leg] = button
            legs.addWidget(button, 1)
        legs.addSpacing(8)
        legs.addWidget(_label(self.tr("Did it wake you?"), "howto", wrap=True), 2)
        self.woke_group = QButtonGroup(self)
        self.woke_buttons: dict[bool, BigButton] = {}
        for woke, text, name in (
            (True, self.tr("Yes"), self.tr("Yes, it woke me")),
            (False, self.tr("No"), self.tr("No, I was awake")),
        ):
            button = _choice(text, name, self.tr("Did the cramp wake you"))
            self.woke_group.addButton(button)
            self.woke_buttons[woke] = button
            legs.addWidget(button, 1)

        self.pain_group = QButtonGroup(self)
        self.pain_buttons: list[BigButton] = []
        pain = QGridLayout()
        pain.setHorizontalSpacing(8)
        pain_label = _label(self.tr("How bad? 0–10"), "howto", wrap=True)
        pain_label.setToolTip(self.tr("0 = none, 10 = worst"))
        pain.addWidget(pain_label, 0, 0)
        pain.setColumnStretch(0, 3)
        for value in range(11):
            button = _choice(
                str(value),
                self.tr("Pain {0} of 10").format(value),
                self.tr("How bad the pain was, 0 to 10"),
            )
            self.pain_group.addButton(button, value)
            self.pain_buttons.append(button)
            pain.addWidget(button, 0, value + 1)
            pain.setColumnStretch(value + 1, 1)

        self.note_edit = QLineEdit()
        self.note_edit.setMaxLength(NOTE_MAX_CHARS)
        self.note_edit.setPlaceholderText(self.tr("A short note (optional)"))
        self.note_edit.setAccessibleName(self.tr("Note"))
        self.note_edit.returnPressed.connect(self.save)
        self.save_button = BigButton(
            self.tr("Save"),
            role="primary",
            description=self.tr("Save (nothing here is required)"),
        )
        self.save_button.setProperty("relief", "save")
        self.save_button.setMinimumWidth(240)
        self.save_button.clicked.connect(self.save)
        self.resume_button = BigButton(
            self.tr("Not over — back"),
            accessible_name=self.tr("Not over, back to relief"),
            description=self.tr("The cramp is not over: relief goes on with the same clock"),
        )
        self.resume_button.setProperty("small", True)
        self.resume_button.clicked.connect(self.resume_requested.emit)
        self.resume_button.hide()
        self.discard_button = BigButton(
            self.tr("Not a cramp — discard"),
            accessible_name=self.tr("Not a cramp, discard"),
            description=self.tr("Take this episode out of the diary"),
        )
        self.discard_button.setProperty("small", True)
        self.discard_button.clicked.connect(self.discard_requested.emit)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        # The heading beside what happened; above it on a short screen, so the words keep width.
        self._summary = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._summary.setSpacing(0)
        self._summary.addWidget(self.heading_label)
        told = QVBoxLayout()
        told.setSpacing(0)
        told.addWidget(self.lasted_label)
        told.addWidget(self.saved_label)
        self._summary.addLayout(told, 1)
        layout.addLayout(self._summary)
        layout.addStretch(1)
        layout.addLayout(legs)
        layout.addLayout(pain)
        layout.addStretch(1)
        # The note above Save; side by side on a short screen.
        self._last_row = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self._last_row.setSpacing(12)
        self._last_row.addWidget(self.note_edit, 1)
        self._last_row.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addLayout(self._last_row)

        previous: QWidget = self.save_button
        widgets = (*self.leg_buttons.values(), *self.woke_buttons.values(), *self.pain_buttons)
        for widget in (*widgets, self.note_edit):
            self.setTabOrder(previous, widget)
            previous = widget

    def set_compact(self, compact: bool) -> None:
        """Closer together on a short screen, so Save and the emergency notice stay on it.

        The kind heading ("Glad it is easing.") gives way there; how long it lasted stays.
        """
        self.heading_label.setVisible(not compact)
        layout = self.layout()
        if layout is not None:
            layout.setContentsMargins(*((0, 0, 0, 0) if compact else (9, 9, 9, 9)))
            layout.setSpacing(6 if compact else 12)
        across, down = QBoxLayout.Direction.LeftToRight, QBoxLayout.Direction.TopToBottom
        self._last_row.setDirection(across if compact else down)
        self._summary.setDirection(down if compact else across)

    def set_summary(self, heading: str, lasted: str) -> None:
        """What happened, in two short lines."""
        self.heading_label.setText(heading)
        self.lasted_label.setText(lasted)

    def set_saved_text(self, text: str) -> None:
        """Whether the episode is in the diary already."""
        self.saved_label.setText(text)

    def notes(self) -> EpisodeNotes:
        """What the form holds now."""
        leg = next((leg for leg, b in self.leg_buttons.items() if b.isChecked()), None)
        woke = next((value for value, b in self.woke_buttons.items() if b.isChecked()), None)
        pain = self.pain_group.checkedId()
        note = " ".join(self.note_edit.text().split())
        return EpisodeNotes(leg=leg, pain=pain if pain >= 0 else None, note=note, woke_me=woke)

    def fill(self, notes: EpisodeNotes) -> None:
        """Show what was told before (the same cramp, continued), ready to be saved again."""
        self._saved = False
        for leg, button in self.leg_buttons.items():
            button.setChecked(leg == notes.leg)
        if notes.pain is not None:
            self.pain_buttons[notes.pain].setChecked(True)
        if notes.woke_me is not None:
            self.woke_buttons[notes.woke_me].setChecked(True)
        self.note_edit.setText(notes.note)

    def set_woke_default(self, woke: bool) -> None:
        """Answer "Did it wake you?" from the time of night, unless it is answered already."""
        if not any(b.isChecked() for b in self.woke_buttons.values()):
            self.woke_buttons[woke].setChecked(True)

    def reopen(self) -> None:
        """Relief goes on: the form may be saved again when the cramp ends again."""
        self._saved = False

    @property
    def is_saved(self) -> bool:
        """True once the notes have been handed on."""
        return self._saved

    def save(self) -> None:
        """Hand the notes on (once)."""
        if not self._saved:
            self._saved = True
            self.saved.emit(self.notes())


class PreventionTips(QWidget):
    """The article's ways to prevent cramps, and one button home."""

    def __init__(self, prevention: PreventionText, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("relief-tips")
        self.title_label = _label(prevention.title, "title")
        tips = "\n".join(f"• {tip}" for tip in prevention.tips)
        self.tips_label = _label(tips, "howto", wrap=True)
        self.tips_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.done_button = BigButton(
            self.tr("Done"),
            role="primary",
            description=self.tr("Back to the main screen"),
        )
        self.done_button.setProperty("relief", "save")
        self.done_button.setMinimumWidth(320)
        layout = QVBoxLayout(self)
        layout.setSpacing(18)
        layout.addStretch(1)
        layout.addWidget(self.title_label)
        # The tips scroll on a short screen; Done stays on it.
        self.tips_scroll = QScrollArea()
        self.tips_scroll.setWidget(self.tips_label)
        self.tips_scroll.setWidgetResizable(True)
        self.tips_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.tips_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tips_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.tips_scroll.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        layout.addWidget(self.tips_scroll, 4)  # the room goes to the tips first
        layout.addStretch(1)
        layout.addWidget(self.done_button, 0, Qt.AlignmentFlag.AlignCenter)
