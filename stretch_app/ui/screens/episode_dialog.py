"""Add or edit a cramp by hand: every detail the diary keeps, all reachable from the keyboard."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime, timedelta, tzinfo

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QTime
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from stretch_app.core.journal import CrampEpisode, EpisodeDetails, Leg, Muscle
from stretch_app.ui.widgets.fit import fit_on_screen, scrolling, wanted_size
from stretch_app.ui.widgets.stepper import Stepper

__all__ = ["EpisodeDialog"]


def _not_noted() -> str:
    return QCoreApplication.translate("EpisodeDialog", "not noted")


def _legs() -> tuple[tuple[str, Leg | None], ...]:
    return (
        (_not_noted(), None),
        (QCoreApplication.translate("EpisodeDialog", "Left"), "left"),
        (QCoreApplication.translate("EpisodeDialog", "Right"), "right"),
        (QCoreApplication.translate("EpisodeDialog", "Both"), "both"),
    )


def _muscles() -> tuple[tuple[str, Muscle | None], ...]:
    return (
        (_not_noted(), None),
        (QCoreApplication.translate("EpisodeDialog", "Calf"), "calf"),
        (QCoreApplication.translate("EpisodeDialog", "Back of thigh"), "back-of-thigh"),
        (QCoreApplication.translate("EpisodeDialog", "Front of thigh"), "front-of-thigh"),
        (QCoreApplication.translate("EpisodeDialog", "Foot"), "foot"),
        (QCoreApplication.translate("EpisodeDialog", "Other"), "other"),
    )


def _combo(choices: tuple[tuple[str, object], ...], current: object, name: str) -> QComboBox:
    box = QComboBox()
    box.setAccessibleName(name)
    for label, value in choices:
        box.addItem(label, value)
    box.setCurrentIndex(max(0, next((i for i, c in enumerate(choices) if c[1] == current), 0)))
    return box


class _YesNo(QCheckBox):
    """A tick box that leaves an unanswered question unanswered unless it is ticked."""

    def __init__(self, text: str, value: bool | None) -> None:
        super().__init__(text)
        self._was_unanswered = value is None
        self.setChecked(bool(value))

    def answer(self) -> bool | None:
        if self._was_unanswered and not self.isChecked():
            return None
        return self.isChecked()


class EpisodeDialog(QDialog):
    """The form for one cramp; :meth:`ask` opens it and returns what to store."""

    def __init__(
        self,
        episode: CrampEpisode | None = None,
        *,
        now: datetime | None = None,
        tz: tzinfo | None = None,
        helped_choices: Mapping[str, str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("episode-dialog")
        self.setWindowTitle(self.tr("Edit a cramp") if episode else self.tr("Add a cramp"))
        self._tz = tz
        started = episode.started_at if episode else (now or datetime.now().astimezone())
        local = started.astimezone(tz)
        self.when_edit = QDateTimeEdit()
        self.when_edit.setAccessibleName(self.tr("When it started"))
        self.when_edit.setDisplayFormat("ddd d MMM yyyy  HH:mm")
        self.when_edit.setCalendarPopup(True)
        self.when_edit.setDateTime(
            QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))
        )
        self._episode = episode
        self._duration_s = episode.duration_s if episode else None
        # Minutes and seconds, each with large − and + buttons (0 and 0: not noted).
        shown = round(self._duration_s or 0)
        self.minutes_edit = Stepper(0, 180, name=self.tr("How long it lasted: minutes"))
        self.minutes_edit.setValue(shown // 60)
        self.seconds_edit = Stepper(0, 59, step=5, name=self.tr("How long it lasted: seconds"))
        self.seconds_edit.setValue(shown % 60)
        self.length_row = QWidget()
        length = QHBoxLayout(self.length_row)
        length.setContentsMargins(0, 0, 0, 0)
        length.addWidget(self.minutes_edit)
        length.addWidget(QLabel(self.tr("min")))
        length.addSpacing(12)
        length.addWidget(self.seconds_edit)
        length.addWidget(QLabel(self.tr("s")))
        length.addStretch(1)
        self.length_row.setFocusProxy(self.minutes_edit)
        self.leg_box = _combo(_legs(), episode.leg if episode else None, self.tr("Which leg"))
        self.muscle_box = _combo(
            _muscles(), episode.muscle if episode else None, self.tr("Which muscle")
        )
        self.pain_edit = Stepper(
            -1, 10, name=self.tr("Pain, from 0 to 10"), suffix=" / 10", special=_not_noted()
        )
        self.pain_edit.setValue(episode.pain if episode and episode.pain is not None else -1)
        self.woke_box = _YesNo(self.tr("It woke me up"), episode.woke_me if episode else False)
        self.swelling_box = _YesNo(
            self.tr("Swelling, numbness or skin changes in the leg"),
            episode.swelling_numbness_skin if episode else False,
        )
        self.elsewhere_box = _YesNo(
            self.tr("Cramps in other parts of the body too"),
            episode.elsewhere_in_body if episode else False,
        )
        self.helped_box = QComboBox()
        self.helped_box.setEditable(True)
        self.helped_box.setAccessibleName(self.tr("What helped"))
        self.helped_box.addItem("", "")
        for key, name in (helped_choices or {}).items():
            self.helped_box.addItem(name, key)
        helped = episode.helped if episode else None
        if helped:
            index = self.helped_box.findData(helped)
            if index < 0:
                self.helped_box.addItem(helped, helped)
                index = self.helped_box.count() - 1
            self.helped_box.setCurrentIndex(index)
        self.note_edit = QPlainTextEdit(episode.note if episode else "")
        self.note_edit.setAccessibleName(self.tr("Note"))
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setFixedHeight(90)

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # label above when narrow
        form.addRow(self.tr("&When"), self.when_edit)
        form.addRow(self.tr("&Length"), self.length_row)
        form.addRow(self.tr("Le&g"), self.leg_box)
        form.addRow(self.tr("&Muscle"), self.muscle_box)
        form.addRow(self.tr("&Pain"), self.pain_edit)
        form.addRow("", self.woke_box)
        form.addRow("", self.swelling_box)
        form.addRow("", self.elsewhere_box)
        form.addRow(self.tr("What &helped"), self.helped_box)
        form.addRow(self.tr("&Note"), self.note_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setDefault(True)
        body = QWidget()
        body.setLayout(form)
        self.form_scroll = scrolling(body)  # the largest text on a small screen: it scrolls
        layout = QVBoxLayout(self)
        layout.addWidget(self.form_scroll, 1)
        layout.addWidget(buttons)
        self.when_edit.setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        """Open as large as the form wants, but never larger than the screen."""
        super().showEvent(event)
        fit_on_screen(self, wanted_size(self, self.form_scroll))

    def details(self) -> EpisodeDetails:
        """What the form says, over the episode it opened with (a new one is ``"manual"``).

        Ready for ``Journal.add_episode``, or to replace the episode's details in
        ``update_episode``: what the form does not show (its source, the emergency line) is kept.
        """
        naive = self.when_edit.dateTime().toPython()
        assert isinstance(naive, datetime)
        started = naive.replace(tzinfo=self._tz) if self._tz else naive.astimezone()
        shown = self.minutes_edit.value() * 60 + self.seconds_edit.value()
        duration: float | None = float(shown) if shown > 0 else None
        if self._duration_s is not None and shown == round(self._duration_s):
            duration = self._duration_s  # unchanged: keep the timer's own fraction of a second
        helped_text = self.helped_box.currentText().strip()
        index = self.helped_box.findText(helped_text)
        helped = self.helped_box.itemData(index) if index > 0 else helped_text
        return replace(
            self._episode or EpisodeDetails(started),
            started_at=started,
            ended_at=started + timedelta(seconds=duration) if duration else None,
            duration_s=duration,
            leg=self.leg_box.currentData(),
            muscle=self.muscle_box.currentData(),
            pain=None if self.pain_edit.value() < 0 else self.pain_edit.value(),
            woke_me=self.woke_box.answer(),
            swelling_numbness_skin=self.swelling_box.answer(),
            elsewhere_in_body=self.elsewhere_box.answer(),
            helped=helped or None,
            note=self.note_edit.toPlainText().strip(),
        )

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        episode: CrampEpisode | None = None,
        *,
        now: datetime | None = None,
        tz: tzinfo | None = None,
        helped_choices: Mapping[str, str] | None = None,
    ) -> EpisodeDetails | None:
        """Open the form; the details to store, or None if the person cancelled."""
        dialog = cls(episode, now=now, tz=tz, helped_choices=helped_choices, parent=parent)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.details()
            return None
        finally:
            dialog.deleteLater()
