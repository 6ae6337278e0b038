"""The main screen: routines as cards, Start, and the always-visible Cramp now button."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

# ``QtCore.Qt`` when used, not ``from PySide6.QtCore import Qt``: importing that name builds
# all its enums (about 20 ms), which the first paint does without (see make_pressable).
from PySide6 import QtCore
from PySide6.QtCore import Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from stretch_app.ui.widgets.buttons import BigButton, ButtonRow, make_pressable
from stretch_app.ui.widgets.labels import NameLabel, role_label

if TYPE_CHECKING:  # the home screen is shown before the routine models load
    from stretch_app.core.model import Exercise, Routine

__all__ = ["HomeScreen", "RoutineCard"]


class RoutineCard(QFrame):
    """One routine: its name, its stretches, how long it takes, its reminder, and Start."""

    start_requested = Signal(str)
    reminders_requested = Signal(str)
    edit_requested = Signal(str)

    def __init__(
        self,
        routine: Routine,
        exercises: Mapping[str, Exercise],
        reminder_text: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.routine = routine
        self.setProperty("role", "card")
        names = [exercises[s.exercise].name for s in routine.steps if s.exercise in exercises]
        from stretch_app.core.model import format_duration
        from stretch_app.core.session import routine_duration

        length = format_duration(routine_duration(routine, exercises))
        self.name_label = NameLabel(routine.name, "title")
        self.stretches_label = role_label(" · ".join(dict.fromkeys(names)))
        self.length_label = role_label(self.tr("{0} in all").format(length), "muted")
        self.reminder_label = role_label(reminder_text, "muted")
        self.start_button = BigButton(
            self.tr("Start"),
            role="primary",
            accessible_name=self.tr("Start {0}").format(routine.name),
            description=self.tr("Start {0} now ({1})").format(routine.name, length),
        )
        self.start_button.setMinimumSize(180, 80)
        self.start_button.clicked.connect(lambda: self.start_requested.emit(routine.id))
        self.reminders_button = BigButton(
            self.tr("Reminders…"),
            accessible_name=self.tr("Reminders for {0}").format(routine.name),
            description=self.tr("Change when to be reminded of {0}").format(routine.name),
        )
        self.reminders_button.clicked.connect(lambda: self.reminders_requested.emit(routine.id))
        self.edit_button = BigButton(
            self.tr("Edit…"),
            accessible_name=self.tr("Edit routine {0}").format(routine.name),
            description=self.tr("Change the steps and timings of {0}").format(routine.name),
        )
        self.edit_button.clicked.connect(lambda: self.edit_requested.emit(routine.id))
        # The buttons take two rows rather than widen the card past a small window.
        reminder_line = QVBoxLayout()
        reminder_line.addWidget(self.reminder_label)
        reminder_line.addWidget(ButtonRow((self.reminders_button, self.edit_button)))
        layout = QGridLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(self.name_label, 0, 0)
        layout.addWidget(self.stretches_label, 1, 0)
        layout.addWidget(self.length_label, 2, 0)
        layout.addLayout(reminder_line, 3, 0)
        layout.addWidget(self.start_button, 0, 1, 4, 1, QtCore.Qt.AlignmentFlag.AlignVCenter)
        layout.setColumnStretch(0, 1)


class HomeScreen(QWidget):
    """Routine cards and the Cramp now button; the first thing a person sees."""

    start_requested = Signal(str)
    cramp_now_requested = Signal()
    reminders_requested = Signal(str)
    """(routine id) the person wants to change that routine's reminders."""
    settings_requested = Signal()
    history_requested = Signal()
    guidance_requested = Signal()
    new_routine_requested = Signal()
    edit_requested = Signal(str)
    """(routine id) open the routine editor on it."""
    import_requested = Signal(object)
    """(Path or None) import a routine file: one dropped on the window, or None to choose."""
    undo_requested = Signal()
    quit_requested = Signal()
    hide_window_requested = Signal()

    def __init__(self, parent: QWidget | None = None, *, rest_later: bool = False) -> None:
        """Build the screen; with ``rest_later`` only its header (title and Cramp now), for a
        first paint that loads none of Qt's ``Qt`` enums: :meth:`build_rest` adds the rest."""
        super().__init__(parent)
        self.setObjectName("home")
        self.setAcceptDrops(True)
        self.cards: list[RoutineCard] = []
        self._rest_built = False
        title = role_label("Nightstretch", "title", wrap=False)
        subtitle = role_label(
            self.tr("Stretches for the night, and help when a cramp strikes."), "muted"
        )
        self.cramp_button = BigButton(
            self.tr("Cramp now"),
            role="urgent",
            accessible_name=self.tr("Cramp now"),
            description=self.tr("Start cramp relief now (C)"),
            pressable_later=True,
        )
        self.cramp_button.setMinimumHeight(96)
        self.cramp_button.clicked.connect(self.cramp_now_requested.emit)
        self._header = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(title)
        titles.addWidget(subtitle)
        self._header.addLayout(titles, 1)
        # Top-aligned in build_rest: a button of fixed height sits at the top until then too.
        self._header.addWidget(self.cramp_button)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(32, 28, 32, 28)
        self._layout.setSpacing(18)
        self._layout.addLayout(self._header)
        if rest_later:
            self._layout.addStretch(1)  # the header stays where the whole screen puts it
        else:
            self.build_rest()

    def build_rest(self) -> None:
        """Everything under the header: notices, the cards' scrolling area, the buttons."""
        if self._rest_built:
            return
        self._rest_built = True
        if self._layout.count() > 1:  # the stretch held in place of the rest
            self._layout.takeAt(1)
        make_pressable(self.cramp_button)
        self._header.setAlignment(self.cramp_button, QtCore.Qt.AlignmentFlag.AlignTop)
        self.notice_label = role_label("", "notice")
        self.notice_label.hide()
        self.undo_button = BigButton(self.tr("Undo"), accessible_name=self.tr("Undo delete"))
        self.undo_button.clicked.connect(self.undo_requested.emit)
        self.undo_button.hide()
        self._build_close_note()

        self._cards_box = QVBoxLayout()
        self._cards_box.setSpacing(16)
        holder = QWidget()
        holder_layout = QVBoxLayout(holder)
        holder_layout.setContentsMargins(0, 0, 0, 0)
        # In the scrolling part, so the note never makes the window taller than the screen.
        holder_layout.addWidget(self.close_note)
        holder_layout.addLayout(self._cards_box)
        self._own_row = QHBoxLayout()
        holder_layout.addLayout(self._own_row)
        holder_layout.addStretch(1)
        scroll = QScrollArea()
        self._scroll = scroll
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(holder)

        layout = self._layout
        notice_row = QHBoxLayout()
        notice_row.addWidget(self.notice_label, 1)
        notice_row.addWidget(self.undo_button, 0)
        layout.addLayout(notice_row)
        layout.addWidget(scroll, 1)
        self.settings_button = BigButton(
            self.tr("Settings"),
            description=self.tr("Sound, voice, look, text size and language"),
        )
        self.settings_button.clicked.connect(self.settings_requested.emit)
        settings_row = QHBoxLayout()
        self.history_button = BigButton(
            self.tr("History"),
            description=self.tr("Your nights, cramps, and a report to take to the doctor"),
        )
        self.history_button.clicked.connect(self.history_requested.emit)
        self.guidance_button = BigButton(
            self.tr("Guidance"),
            description=self.tr("When to see a doctor, emergency signs, prevention tips"),
        )
        self.guidance_button.clicked.connect(self.guidance_requested.emit)
        self.new_routine_button = BigButton(
            self.tr("New routine…"),
            accessible_name=self.tr("New routine"),
            description=self.tr("Make a routine of your own from the exercises"),
        )
        self.new_routine_button.clicked.connect(self.new_routine_requested.emit)
        self.import_button = BigButton(
            self.tr("Import…"),
            accessible_name=self.tr("Import a routine"),
            description=self.tr("Add a routine file (you can also drop it on the window)"),
        )
        self.import_button.clicked.connect(lambda: self.import_requested.emit(None))
        # Under the cards, so they scroll with them rather than widening the window.
        self._own_row.addWidget(self.new_routine_button)
        self._own_row.addWidget(self.import_button)
        self._own_row.addStretch(1)
        settings_row.addWidget(self.history_button)
        settings_row.addWidget(self.guidance_button)
        settings_row.addStretch(1)
        settings_row.addWidget(self.settings_button)
        layout.addLayout(settings_row)
        self.keys_label = role_label(
            self.tr(
                "Keys: C cramp now · Ctrl+Q quit · F11 full screen. In a routine: Space pause, "
                "← back, → skip, Esc stop. In cramp relief: 1–4 where it cramps."
            ),
            "muted",
        )
        self.keys_label.setAccessibleName(self.tr("Keyboard keys"))
        holder_layout.addWidget(self.keys_label)  # scrolls with the cards on a small screen

    def _build_close_note(self) -> None:
        self.close_note = QFrame()
        self.close_note.setProperty("role", "card")
        self.close_note_label = role_label("", "howto")
        self.hide_button = BigButton(self.tr("Hide window"), role="primary")
        self.hide_button.clicked.connect(self.hide_window_requested.emit)
        self.quit_button = BigButton(
            self.tr("Quit"), description=self.tr("Quit Nightstretch; reminders stop (Ctrl+Q)")
        )
        self.quit_button.clicked.connect(self.quit_requested.emit)
        note = QGridLayout(self.close_note)
        note.setContentsMargins(20, 14, 20, 14)
        note.addWidget(self.close_note_label, 0, 0, 1, 3)
        note.addWidget(self.hide_button, 1, 0)
        note.addWidget(self.quit_button, 1, 1)
        note.setColumnStretch(2, 1)
        self.close_note.hide()

    def show_close_note(self, text: str) -> None:
        """Where the app goes when the window closes, with "Hide window" and "Quit" (no dialog)."""
        self.close_note_label.setText(text)
        self.close_note.show()
        self._scroll.ensureWidgetVisible(self.close_note_label)
        self._scroll.verticalScrollBar().setValue(0)
        self.hide_button.setFocus()

    def show_routines(
        self,
        routines: Sequence[Routine],
        exercises: Mapping[str, Exercise],
        reminder_texts: Mapping[str, str],
    ) -> None:
        """Replace the cards with these routines."""
        for card in self.cards:
            card.setParent(None)
            card.deleteLater()
        self.cards = []
        for routine in routines:
            reminder = reminder_texts.get(routine.id) or self.tr("No reminder")
            card = RoutineCard(routine, exercises, reminder)
            card.start_requested.connect(self.start_requested)
            card.reminders_requested.connect(self.reminders_requested)
            card.edit_requested.connect(self.edit_requested)
            self._cards_box.addWidget(card)
            self.cards.append(card)
        # Cramp now first, then each card's Start and Reminders, then the buttons at the foot.
        previous: QWidget = self.cramp_button
        for card in self.cards:
            for control in (card.start_button, card.reminders_button, card.edit_button):
                self.setTabOrder(previous, control)
                previous = control
        for control in (self.new_routine_button, self.import_button):
            self.setTabOrder(previous, control)
            previous = control
        for control in (self.history_button, self.guidance_button, self.settings_button):
            self.setTabOrder(previous, control)
            previous = control

    def set_reminder_texts(self, texts: Mapping[str, str]) -> None:
        """Update the cards' reminder lines (e.g. "Next reminder: tonight 21:45")."""
        for card in self.cards:
            if card.routine.id in texts:
                card.reminder_label.setText(texts[card.routine.id])

    def show_notice(self, text: str, undo: bool = False) -> None:
        """A calm line under the header, e.g. which routine file was skipped and why."""
        self.notice_label.setText(text)
        self.notice_label.setVisible(bool(text))
        self.undo_button.setVisible(undo and bool(text))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Accept a routine file dragged onto the window."""
        urls = event.mimeData().urls()
        if len(urls) == 1 and urls[0].isLocalFile() and urls[0].toLocalFile().endswith(".toml"):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        """Import the routine file dropped on the window."""
        urls = event.mimeData().urls()
        if urls and urls[0].isLocalFile():
            event.acceptProposedAction()
            self.import_requested.emit(Path(urls[0].toLocalFile()))
