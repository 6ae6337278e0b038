"""The medicine list: what the person takes, with the article's medicines marked for the doctor."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from stretch_app.core.journal import Journal, JournalError
from stretch_app.core.report import MEDICINE_FLAG
from stretch_app.core.safety import SafetyGuide
from stretch_app.ui.widgets.buttons import BigButton

__all__ = ["MedicinesScreen"]


def _label(text: str, role: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    if role:
        label.setProperty("role", role)
    return label


class MedicinesScreen(QWidget):
    """List, add and remove medicines; never advice to stop one, only "worth mentioning"."""

    back_requested = Signal()
    changed = Signal()

    def __init__(self, journal: Journal, guide: SafetyGuide, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("medicines")
        self.journal = journal
        self.guide = guide
        self.back_button = BigButton("Back", accessible_name="Back")
        self.back_button.clicked.connect(self.back_requested.emit)
        header = QHBoxLayout()
        header.addWidget(self.back_button)
        header.addSpacing(16)
        header.addWidget(_label("My medicines", "title"), 1)
        intro = _label(
            "Your doctor will ask what you take. List your medicines here; those the article"
            " names as a possible cause of night leg cramps are marked"
            f" “{MEDICINE_FLAG}”.",
            "muted",
        )
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText("A medicine's name, e.g. from the box")
        self.name_edit.setAccessibleName("Medicine name")
        self.name_edit.setMaxLength(200)
        self.name_edit.returnPressed.connect(self.add_from_field)
        self.add_button = BigButton("Add", role="primary", accessible_name="Add this medicine")
        self.add_button.clicked.connect(self.add_from_field)
        adding = QHBoxLayout()
        adding.addWidget(self.name_edit, 1)
        adding.addWidget(self.add_button)
        self.medicine_list = QListWidget()
        self.medicine_list.setAccessibleName("Medicines I take")
        self.medicine_list.setWordWrap(True)
        self.remove_button = BigButton("Remove", accessible_name="Remove the chosen medicine")
        self.remove_button.clicked.connect(self.remove_chosen)
        delete_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.medicine_list)
        delete_key.activated.connect(self.remove_chosen)
        self.message_label = _label("", "notice")
        self.message_label.hide()
        self.disclaimer_label = _label(guide.disclaimer, "notice")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 20, 32, 20)
        layout.setSpacing(16)
        layout.addLayout(header)
        layout.addWidget(intro)
        layout.addLayout(adding)
        layout.addWidget(self.message_label)
        layout.addWidget(self.medicine_list, 1)
        layout.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.disclaimer_label)
        escape = QShortcut(QKeySequence("Escape"), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.back_requested.emit)
        self.setFocusProxy(self.name_edit)
        self.refresh()

    def describe(self, name: str) -> str:
        """A medicine's line: its name, and the article's note when the article names it."""
        note = self.guide.flag_medicine(name)
        if note is None:
            return name
        return f"{name} — {MEDICINE_FLAG} ({note.generic}, used for {note.used_for})"

    def refresh(self) -> None:
        """Read the list again."""
        self.medicine_list.clear()
        try:
            medicines = self.journal.medicines()
        except JournalError as exc:
            self.show_message(f"The list could not be read: {exc}")
            return
        for medicine in medicines:
            item = QListWidgetItem(self.describe(medicine.name))
            item.setData(Qt.ItemDataRole.UserRole, medicine.id)
            item.setData(Qt.ItemDataRole.UserRole + 1, self.guide.flag_medicine(medicine.name))
            self.medicine_list.addItem(item)
        self.remove_button.setEnabled(bool(medicines))

    def flagged_rows(self) -> list[str]:
        """The lines of the medicines the article names."""
        items = [self.medicine_list.item(i) for i in range(self.medicine_list.count())]
        return [i.text() for i in items if i.data(Qt.ItemDataRole.UserRole + 1) is not None]

    def show_message(self, text: str) -> None:
        """A calm line: what was added, or what went wrong."""
        self.message_label.setText(text)
        self.message_label.setVisible(bool(text))

    def add_from_field(self) -> None:
        """Add the medicine typed in the field."""
        name = " ".join(self.name_edit.text().split())
        if not name:
            return
        try:
            self.journal.add_medicine(name)
        except (JournalError, ValueError) as exc:
            self.show_message(f"Not added: {exc}")
            return
        self.name_edit.clear()
        self.refresh()
        note = self.guide.flag_medicine(name)
        self.show_message(f"Added {name}." + (f" It is {MEDICINE_FLAG}." if note else ""))
        self.changed.emit()

    def remove_chosen(self) -> None:
        """Take the chosen medicine off the list."""
        item = self.medicine_list.currentItem()
        if item is None:
            return
        try:
            self.journal.remove_medicine(int(item.data(Qt.ItemDataRole.UserRole)))
        except JournalError as exc:
            self.show_message(f"Not removed: {exc}")
            return
        self.refresh()
        self.show_message("Removed.")
        self.changed.emit()
