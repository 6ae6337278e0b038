"""Change a routine's reminders — times, days, on or off — without touching its file.

The choice is kept in ``settings.reminder_overrides``; choosing the same reminders the file
has removes the override again, so later edits of the file show through.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, Qt, QTime
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from stretch_app.core.model import Day, Reminder, Routine
from stretch_app.core.settings import Settings
from stretch_app.ui.widgets.buttons import BigButton, ButtonRow
from stretch_app.ui.widgets.fit import fit_on_screen, scrolling, wanted_size

if TYPE_CHECKING:
    from stretch_app.ui.settings_store import SettingsStore

__all__ = ["ReminderRow", "RemindersDialog", "apply_reminder_choice"]

_MAX_REMINDERS = 6
# The shared look has no checked-button state; the day toggles need one that reads at night.
_LOCAL_STYLE = """
QPushButton[role="day"] { padding: 8px 6px; }
QPushButton[role="day"]:checked {
    background: palette(highlight); color: palette(highlighted-text);
    border-color: palette(highlight);
}
QCheckBox { spacing: 12px; font-weight: 600; }
QFrame[role="card"] QCheckBox { background: transparent; }
QCheckBox::indicator {
    width: 26px; height: 26px; border: 3px solid palette(text); border-radius: 6px;
}
QCheckBox::indicator:checked { background: palette(highlight); border-color: palette(highlight); }
QTimeEdit { font-size: 30px; font-weight: 700; padding: 4px 10px; }
"""


def apply_reminder_choice(
    settings: Settings,
    store: SettingsStore,
    routine: Routine,
    reminders: Sequence[Reminder],
) -> Settings:
    """Save ``reminders`` for ``routine`` through the settings store; returns the new settings.

    Reminders equal to the routine file's drop the override. Raises ``OSError`` if the file
    cannot be written.
    """
    overrides = dict(settings.reminder_overrides)
    if tuple(reminders) == tuple(routine.reminders):
        overrides.pop(routine.id, None)
    else:
        overrides[routine.id] = tuple(reminders)
    updated = Settings.model_validate({**settings.model_dump(), "reminder_overrides": overrides})
    store.save(updated)
    return updated


class ReminderRow(QFrame):
    """One reminder: on/off, a time, the days of the week, and Remove."""

    def __init__(self, reminder: Reminder, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self.enabled_box = QCheckBox()
        self.enabled_box.setChecked(reminder.enabled)
        self._show_on_off(reminder.enabled)
        self.enabled_box.toggled.connect(self._show_on_off)
        self.enabled_box.setAccessibleName(self.tr("Reminder on"))
        self.time_edit = QTimeEdit(QTime.fromString(reminder.at, "HH:mm"))
        self.time_edit.setDisplayFormat("HH:mm")
        self.time_edit.setAccessibleName(self.tr("Reminder time"))
        self.time_edit.setMinimumSize(150, 56)
        self.day_buttons: dict[Day, BigButton] = {}
        locale = QLocale()
        for number, day in enumerate(Day, start=1):
            short = locale.standaloneDayName(number, QLocale.FormatType.ShortFormat)
            long = locale.standaloneDayName(number, QLocale.FormatType.LongFormat)
            button = BigButton(
                short, role="day", accessible_name=self.tr("Remind on {0}").format(long)
            )
            button.setCheckable(True)
            button.setChecked(day in reminder.days)
            button.setMinimumSize(72, 56)
            button.toggled.connect(self._keep_one_day)
            self.day_buttons[day] = button
        days = ButtonRow(tuple(self.day_buttons.values()))  # two rows at the largest text
        self.remove_button = BigButton(
            self.tr("Remove"), accessible_name=self.tr("Remove this reminder")
        )
        top = QHBoxLayout()
        top.addWidget(self.enabled_box)
        top.addWidget(self.time_edit)
        top.addStretch(1)
        top.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.addLayout(top)
        layout.addWidget(days)

    def _show_on_off(self, on: bool) -> None:
        self.enabled_box.setText(self.tr("On") if on else self.tr("Off"))

    def _keep_one_day(self, checked: bool) -> None:
        """A reminder needs at least one day: the last one cannot be switched off."""
        if not checked and not any(b.isChecked() for b in self.day_buttons.values()):
            sender = self.sender()
            if isinstance(sender, BigButton):
                sender.setChecked(True)

    def reminder(self) -> Reminder:
        """The reminder as it is set now."""
        return Reminder(
            at=self.time_edit.time().toString("HH:mm"),
            days=tuple(day for day, button in self.day_buttons.items() if button.isChecked()),
            enabled=self.enabled_box.isChecked(),
        )


class RemindersDialog(QDialog):
    """Edit one routine's reminders; :meth:`ask` returns the chosen ones or None."""

    def __init__(
        self, routine: Routine, current: Sequence[Reminder], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reminders-dialog")
        self.setWindowTitle(self.tr("Reminders for {0}").format(routine.name) + " — Nightstretch")
        self.setStyleSheet(_LOCAL_STYLE)
        self.routine = routine
        self.rows: list[ReminderRow] = []
        heading = QLabel(self.tr("Reminders for {0}").format(routine.name))
        heading.setProperty("role", "title")
        heading.setWordWrap(True)
        hint = QLabel(self.tr("When should Nightstretch remind you to stretch?"))
        hint.setProperty("role", "muted")
        hint.setWordWrap(True)
        self.empty_label = QLabel(self.tr("No reminders for this routine."))
        self._rows_box = QVBoxLayout()
        self._rows_box.setSpacing(12)
        self.add_button = BigButton(self.tr("Add a reminder"))
        self.add_button.clicked.connect(lambda: self.add_row(Reminder(at="21:45")))
        self.reset_button = BigButton(
            self.tr("Use the routine's own times"),
            description=self.tr("Go back to the reminders written in the routine file"),
        )
        self.reset_button.clicked.connect(lambda: self.set_reminders(routine.reminders))
        self.save_button = BigButton(self.tr("Save"), role="primary")
        self.save_button.clicked.connect(self.accept)
        self.cancel_button = BigButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.reject)
        tools = ButtonRow((self.add_button, self.reset_button))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        body = QWidget()
        inner = QVBoxLayout(body)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.setSpacing(14)
        inner.addWidget(heading)
        inner.addWidget(hint)
        inner.addWidget(self.empty_label)
        inner.addLayout(self._rows_box)
        inner.addWidget(tools)
        inner.addStretch(1)
        self.body_scroll = scrolling(body)  # the largest text on a small screen: it scrolls
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(14)
        layout.addWidget(self.body_scroll, 1)
        layout.addLayout(buttons)
        self.save_button.setDefault(True)
        self.set_reminders(current)

    def set_reminders(self, reminders: Sequence[Reminder]) -> None:
        """Replace the rows with these reminders."""
        for row in self.rows:
            row.setParent(None)
            row.deleteLater()
        self.rows = []
        for reminder in reminders:
            self.add_row(reminder)
        self._update()

    def add_row(self, reminder: Reminder) -> ReminderRow:
        """Add a row for ``reminder``."""
        row = ReminderRow(reminder, self)
        row.remove_button.clicked.connect(lambda: self.remove_row(row))
        self._rows_box.addWidget(row)
        self.rows.append(row)
        self._update()
        row.time_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        return row

    def remove_row(self, row: ReminderRow) -> None:
        """Take a reminder away."""
        if row in self.rows:
            self.rows.remove(row)
            row.setParent(None)
            row.deleteLater()
        self._update()

    def reminders(self) -> tuple[Reminder, ...]:
        """The reminders as they are set now."""
        return tuple(row.reminder() for row in self.rows)

    def _update(self) -> None:
        self.empty_label.setVisible(not self.rows)
        self.add_button.setEnabled(len(self.rows) < _MAX_REMINDERS)
        if self.isVisible():
            fit_on_screen(self, wanted_size(self, self.body_scroll))

    def showEvent(self, event: QShowEvent) -> None:
        """Open as large as the rows want, but never larger than the screen."""
        super().showEvent(event)
        fit_on_screen(self, wanted_size(self, self.body_scroll))

    @classmethod
    def ask(
        cls, routine: Routine, current: Sequence[Reminder], parent: QWidget | None = None
    ) -> tuple[Reminder, ...] | None:
        """Show the dialog; the reminders chosen, or None if the person cancelled."""
        dialog = cls(routine, current, parent)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.reminders()
            return None
        finally:
            dialog.deleteLater()
