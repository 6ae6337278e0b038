"""The medicine list: what the person takes, with the article's medicines marked for the doctor."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from stretch_app.core.journal import Journal, JournalError
from stretch_app.core.safety import SafetyGuide
from stretch_app.ui.widgets.buttons import BigButton
from stretch_app.ui.widgets.fit import scrolling
from stretch_app.ui.widgets.labels import role_label

__all__ = ["MedicinesScreen"]


class MedicinesScreen(QWidget):
    """List, add and remove medicines; never advice to stop one, only "worth mentioning"."""

    back_requested = Signal()
    changed = Signal()

    def __init__(self, journal: Journal, guide: SafetyGuide, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("medicines")
        self.journal = journal
        self.guide = guide
        self.back_button = BigButton("◀ " + self.tr("Back"), accessible_name=self.tr("Back"))
        self.back_button.clicked.connect(self.back_requested.emit)
        header = QHBoxLayout()
        header.addWidget(self.back_button)
        header.addSpacing(16)
        header.addWidget(role_label(self.tr("My medicines"), "title"), 1)
        self.intro_label = intro = role_label(
            self.tr(
                "Your doctor will ask what you take. List your medicines here; those the article"
                " names as a possible cause of night leg cramps are marked “{0}”. A medicine the"
                " article does not name is not known to be safe: the article's list is not"
                " complete."
            ).format(self._flag()),
            "muted",
        )
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("A medicine's name, e.g. from the box"))
        self.name_edit.setAccessibleName(self.tr("Medicine name"))
        self.name_edit.setMaxLength(200)
        self.name_edit.returnPressed.connect(self.add_from_field)
        self.add_button = BigButton(
            self.tr("Add"), role="primary", accessible_name=self.tr("Add this medicine")
        )
        self.add_button.clicked.connect(self.add_from_field)
        adding = QHBoxLayout()
        adding.addWidget(self.name_edit, 1)
        adding.addWidget(self.add_button)
        self.medicine_list = QListWidget()
        self.medicine_list.setAccessibleName(self.tr("Medicines I take"))
        self.medicine_list.setWordWrap(True)
        self.remove_button = BigButton(
            self.tr("Remove"), accessible_name=self.tr("Remove the chosen medicine")
        )
        self.remove_button.clicked.connect(self.remove_chosen)
        delete_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.medicine_list)
        delete_key.activated.connect(self.remove_chosen)
        self.message_label = role_label("", "notice")
        self.message_label.hide()
        self.disclaimer_label = role_label(guide.disclaimer, "notice")

        # Largest text on a small screen: the words keep their room and the page scrolls,
        # rather than the intro being cut off mid-sentence.
        for label in (intro, self.message_label, self.disclaimer_label):
            label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.medicine_list.setMinimumHeight(160)
        body = QWidget()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scrolling(body))
        layout = QVBoxLayout(body)
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

    def _flag(self) -> str:
        """The mark on a medicine the article names (the English one is in the report too)."""
        return self.tr("worth mentioning to your doctor")

    def _unlisted(self) -> str:
        """The mark on every other medicine: never "safe", only "not on the article's list"."""
        return self.tr("not on the article's list — ask your doctor or pharmacist")

    def describe(self, name: str) -> str:
        """A medicine's line: its name, and the article's note or "not on the article's list"."""
        note = self.guide.flag_medicine(name)
        if note is None:
            return self.tr("{0} — {1}").format(name, self._unlisted())
        return self.tr("{0} — {1} ({2}, used for {3})").format(
            name, self._flag(), note.generic, note.used_for
        )

    def refresh(self) -> None:
        """Read the list again."""
        self.medicine_list.clear()
        try:
            medicines = self.journal.medicines()
        except JournalError as exc:
            self.show_message(self.tr("The list could not be read: {0}").format(exc))
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
            self.show_message(self.tr("Not added: {0}").format(exc))
            return
        self.name_edit.clear()
        self.refresh()
        note = self.guide.flag_medicine(name)
        if note is None:
            self.show_message(self.tr("Added {0}: {1}.").format(name, self._unlisted()))
        else:
            self.show_message(self.tr("Added {0}. It is {1}.").format(name, self._flag()))
        self.changed.emit()

    def remove_chosen(self) -> None:
        """Take the chosen medicine off the list."""
        item = self.medicine_list.currentItem()
        if item is None:
            return
        try:
            self.journal.remove_medicine(int(item.data(Qt.ItemDataRole.UserRole)))
        except JournalError as exc:
            self.show_message(self.tr("Not removed: {0}").format(exc))
            return
        self.refresh()
        self.show_message(self.tr("Removed."))
        self.changed.emit()
