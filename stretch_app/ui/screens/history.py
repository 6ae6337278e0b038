"""The history screen: a month of nights, cramps per week, the streak, and the doctor's report."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime, tzinfo
from pathlib import Path

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from stretch_app.core.doctor import DoctorRules, evaluate
from stretch_app.core.history import NightLog, month_range, night_of
from stretch_app.core.journal import CrampEpisode, Journal, JournalError
from stretch_app.core.report import Report, build_report, save_csv
from stretch_app.core.safety import SafetyGuide
from stretch_app.ui.dates import month_year, short_night
from stretch_app.ui.report_pdf import save_failure_text, write_report_pdf
from stretch_app.ui.screens.episode_dialog import EpisodeDialog
from stretch_app.ui.screens.episode_text import describe_episode
from stretch_app.ui.screens.report_range import ReportRange
from stretch_app.ui.theme import NIGHT, Look
from stretch_app.ui.widgets.announce import announce
from stretch_app.ui.widgets.ask import ConfirmDialog, SaveFileDialog
from stretch_app.ui.widgets.buttons import BigButton, ButtonRow
from stretch_app.ui.widgets.doctor_notice import DoctorNotice
from stretch_app.ui.widgets.fit import Columns
from stretch_app.ui.widgets.labels import role_label
from stretch_app.ui.widgets.night_calendar import NightCalendar, describe_night
from stretch_app.ui.widgets.week_chart import WeekChart

__all__ = ["HistoryScreen", "describe_episode"]


class HistoryScreen(QWidget):
    """A month of nights with the routine and cramps marked, counts, and exports for the doctor."""

    home_requested = Signal()
    medicines_requested = Signal()
    guidance_requested = Signal()
    changed = Signal()
    """The diary was changed from this screen (an episode added, edited or deleted)."""

    def __init__(
        self,
        journal: Journal,
        guide: SafetyGuide,
        rules: DoctorRules,
        *,
        tz: tzinfo | None = None,
        now: Callable[[], datetime] | None = None,
        helped_choices: Mapping[str, str] | None = None,
        export_dir: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("history")
        self.journal, self.guide, self.rules = journal, guide, rules
        self.tz = tz
        self._now = now or (lambda: datetime.now(UTC))
        self.helped_choices = dict(helped_choices or {})
        self.export_dir = export_dir or Path.home()
        tonight = night_of(self._now(), tz)
        self.year, self.month = tonight.year, tonight.month
        self.log = NightLog(tz=tz)

        self.back_button = BigButton(
            "◀ " + self.tr("Back"), accessible_name=self.tr("Back to the routines")
        )
        self.back_button.clicked.connect(self.home_requested.emit)
        self.previous_button = BigButton(
            "◀", accessible_name=self.tr("Previous month"), description="PgUp"
        )
        self.previous_button.clicked.connect(lambda: self._step_month(-1))
        self.next_button = BigButton(
            "▶", accessible_name=self.tr("Next month"), description="PgDown"
        )
        self.next_button.clicked.connect(lambda: self._step_month(1))
        self.month_label = role_label("", "title")
        self.month_label.setWordWrap(False)
        header = QHBoxLayout()
        header.addWidget(self.back_button)
        header.addSpacing(16)
        header.addWidget(self.previous_button)
        header.addWidget(self.month_label, 1, Qt.AlignmentFlag.AlignCenter)
        header.addWidget(self.next_button)

        self.notice = DoctorNotice()
        self.calendar = NightCalendar()
        self.calendar.night_selected.connect(lambda _night: self._show_selected())
        self.night_label = role_label("", "muted")
        self.legend_label = role_label("", "muted")
        self.chart = WeekChart()
        self.streak_label = role_label("", "howto")
        self.with_label = role_label()
        self.without_label = role_label()
        self.with_label.setObjectName("with-routine")
        self.without_label.setObjectName("without-routine")
        comparison = QHBoxLayout()
        for box, label in ((QFrame(), self.with_label), (QFrame(), self.without_label)):
            box.setProperty("role", "card")
            QVBoxLayout(box).addWidget(label)
            comparison.addWidget(box)

        self.episode_list = QListWidget()
        self.episode_list.setAccessibleName(self.tr("Cramps this month"))
        self.episode_list.setMinimumHeight(160)
        self.episode_list.setWordWrap(True)
        self.episode_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.episode_list.itemActivated.connect(lambda _item: self.edit_episode())
        self.add_button = BigButton(
            self.tr("Add cramp…"), accessible_name=self.tr("Add a cramp by hand")
        )
        self.add_button.clicked.connect(self.add_episode)
        self.edit_button = BigButton(
            self.tr("Edit…"), accessible_name=self.tr("Edit the chosen cramp")
        )
        self.edit_button.clicked.connect(self.edit_episode)
        self.delete_button = BigButton(
            self.tr("Delete"), accessible_name=self.tr("Delete the chosen cramp")
        )
        self.delete_button.clicked.connect(self.delete_episode)
        delete_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.episode_list)
        delete_key.activated.connect(self.delete_episode)
        self.medicines_button = BigButton(
            self.tr("Medicines…"), accessible_name=self.tr("My medicines")
        )
        self.medicines_button.clicked.connect(self.medicines_requested.emit)
        self.guidance_button = BigButton(
            self.tr("Guidance"), accessible_name=self.tr("Guidance pages")
        )
        self.guidance_button.clicked.connect(self.guidance_requested.emit)
        self.pdf_button = BigButton(
            self.tr("Export PDF…"),
            role="primary",
            accessible_name=self.tr("Export a one-page PDF for the doctor"),
        )
        self.pdf_button.clicked.connect(self.export_pdf)
        self.csv_button = BigButton(
            self.tr("Export CSV…"), accessible_name=self.tr("Export the chosen nights as CSV")
        )
        self.range = ReportRange()
        self.csv_button.clicked.connect(self.export_csv)
        self.message_label = role_label("", "notice")
        self.message_label.hide()

        left = QVBoxLayout()
        left.addWidget(self.calendar, 1)
        left.addWidget(self.legend_label)
        left.addWidget(self.night_label)
        right = QVBoxLayout()
        right.addWidget(role_label(self.tr("Cramps per week, and their average length"), "muted"))
        right.addWidget(self.chart, 1)
        right.addWidget(self.streak_label)
        right.addLayout(comparison)
        episode_buttons = QVBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button):
            episode_buttons.addWidget(button)
        episode_buttons.addStretch(1)
        # Two columns while the width allows; one under the other at the largest text.
        grid = Columns(((left, right), (self.episode_list, episode_buttons)), stretch=(3, 2))
        buttons = (self.pdf_button, self.csv_button, self.medicines_button, self.guidance_button)
        actions = ButtonRow(buttons)

        body = QWidget()
        column = QVBoxLayout(body)
        self._page = column
        column.setContentsMargins(32, 20, 32, 20)
        column.setSpacing(16)
        column.addLayout(header)
        column.addWidget(self.notice)
        column.addWidget(grid, 1)
        # Where the person is looking when a cramp is saved or a report exported.
        column.addWidget(self.message_label)
        column.addWidget(self.range)
        column.addWidget(actions)
        scroll = QScrollArea()
        self.page_scroll = scroll
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        keys: list[tuple[str, Callable[[], object]]] = [
            ("PgUp", lambda: self._step_month(-1)),
            ("PgDown", lambda: self._step_month(1)),
            ("Escape", self.home_requested.emit),
        ]
        for key, slot in keys:
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self.setFocusProxy(self.calendar)
        self.set_look(NIGHT)
        self.range.set_period(*self.period())
        self.refresh()

    # --- showing ------------------------------------------------------------------------------

    def set_look(self, look: Look) -> None:
        """Follow the night or day look (the painted widgets take their colours from it)."""
        self.calendar.set_look(look)
        self.chart.set_look(look)
        # Shape tells the meaning as well as colour: filled disc, ring, small dots.
        self.legend_label.setText(
            self.tr(
                "<span style='color:{0}'>●</span> stretches done &nbsp; "
                "<span style='color:{0}'>○</span> begun &nbsp; "
                "<span style='color:{1}'>•</span> a cramp (ringed: it woke you)"
            ).format(look.accent, look.urgent)
        )

    @property
    def tonight(self) -> date:
        """The night in progress (or about to begin) now."""
        return night_of(self._now(), self.tz)

    def period(self) -> tuple[date, date]:
        """The first and last night of the month shown."""
        return month_range(self.year, self.month)

    def show_month(self, year: int, month: int) -> None:
        """Show another month."""
        self.year, self.month = year, month
        self.range.set_period(*self.period())
        self.refresh()

    def _step_month(self, step: int) -> None:
        index = self.year * 12 + self.month - 1 + step
        self.show_month(index // 12, index % 12 + 1)

    def refresh(self) -> None:
        """Read the journal again and redraw everything."""
        try:
            self.log = NightLog.build(self.journal.sessions(), self.journal.episodes(), self.tz)
        except JournalError as exc:
            self.show_message(self.tr("The diary could not be read: {0}").format(exc))
            return
        first, last = self.period()
        tonight = self.tonight
        self.month_label.setText(month_year(first.year, first.month))
        self.next_button.setEnabled((self.year, self.month) < (tonight.year, tonight.month))
        self.calendar.set_nights(self.log.month(self.year, self.month), today=tonight)
        self._show_selected()
        self.chart.set_weeks(self.log.weeks(first, last))
        streak = self.log.streak(tonight)
        self.streak_label.setText(self.tr("Stretches %n night(s) in a row", "", streak))
        self._show_comparison(first, last, tonight)
        episodes = self.log.episodes_between(first, last)
        findings = evaluate(self.rules, episodes, self.tz, short_night)
        self.notice.show_findings(self.rules, findings)
        self.episode_list.clear()
        for episode in episodes:
            item = QListWidgetItem(describe_episode(episode, self.tz))
            item.setData(Qt.ItemDataRole.UserRole, episode.id)
            self.episode_list.addItem(item)
        if episodes:
            self.episode_list.setCurrentRow(len(episodes) - 1)
        for button in (self.edit_button, self.delete_button):
            button.setEnabled(bool(episodes))

    def _show_comparison(self, first: date, last: date, tonight: date) -> None:
        result = self.log.comparison(first, last, tonight)
        for label, heading, nights, cramps, rate in (
            (self.with_label, self.tr("With stretches"), result.nights_with, result.cramps_with,
             result.per_night_with),
            (self.without_label, self.tr("Without"), result.nights_without,
             result.cramps_without, result.per_night_without),
        ):  # fmt: skip
            per_night = "–" if rate is None else QLocale().toString(rate, "f", 2)
            label.setText(
                self.tr("{0}\n{1} · {2}\n{3} cramps a night").format(
                    heading,
                    self.tr("%n night(s)", "", nights),
                    self.tr("%n cramp(s)", "", cramps),
                    per_night,
                )
            )

    def _show_selected(self) -> None:
        night = self.calendar.selected
        self.night_label.setText(describe_night(night) if night else "")

    def show_message(self, text: str) -> None:
        """A calm line under the header: what was saved where, or what went wrong."""
        self.message_label.setText(text)
        self.message_label.setVisible(bool(text))
        if text:
            self._page.activate()
            # Down to the line, but never sideways past its start (it can be wider than the view).
            label = self.message_label
            half = label.height() // 2
            self.page_scroll.ensureVisible(label.x(), label.y() + half, 20, half + 80)
            announce(self.message_label, text)

    # --- changing the diary -------------------------------------------------------------------

    def _chosen_episode(self) -> CrampEpisode | None:
        item = self.episode_list.currentItem()
        if item is None:
            return None
        episode_id = item.data(Qt.ItemDataRole.UserRole)
        return next((e for e in self.journal.episodes() if e.id == episode_id), None)

    def add_episode(self) -> None:
        """Ask for a cramp's details and add it to the diary."""
        details = EpisodeDialog.ask(
            self, None, now=self._now(), tz=self.tz, helped_choices=self.helped_choices
        )
        if details is not None:
            self._change(lambda: self.journal.add_episode(details), self.tr("Cramp added."))

    def edit_episode(self) -> None:
        """Change the details of the chosen cramp."""
        episode = self._chosen_episode()
        if episode is None:
            return
        details = EpisodeDialog.ask(self, episode, tz=self.tz, helped_choices=self.helped_choices)
        if details is not None:
            # The form holds every detail; those it does not show came with the episode.
            self._change(
                lambda: self.journal.update_episode(episode.id, lambda _: details),
                self.tr("Saved."),
            )

    def delete_episode(self) -> None:
        """Remove the chosen cramp from the diary, after asking."""
        episode = self._chosen_episode()
        if episode is None:
            return
        question = self.tr("Delete this cramp from the diary?\n{0}").format(
            describe_episode(episode, self.tz)
        )
        if ConfirmDialog.ask(self, self.tr("Delete a cramp"), question):
            self._change(lambda: self.journal.delete_episode(episode.id), self.tr("Cramp deleted."))

    def _change(self, write: Callable[[], object], done: str) -> None:
        try:
            write()
        except (JournalError, KeyError, ValueError) as exc:
            self.show_message(self.tr("The diary was not changed: {0}").format(exc))
            return
        self.refresh()
        self.show_message(done)
        self.changed.emit()

    # --- exports ------------------------------------------------------------------------------

    def report(self) -> Report:
        """The doctor's report for the nights chosen (the month shown, unless changed)."""
        first, last = self.range.period()
        medicines = [m.name for m in self.journal.medicines()]
        return build_report(
            self.log, first, last, self.tonight, medicines, self.guide, self.rules, short_night
        )

    def _export(self, kind: str, write: Callable[[Report, Path], object]) -> Path | None:
        first, last = self.range.period()
        name = f"{first:%Y-%m}" if (first, last) == self.period() else f"{first}-to-{last}"
        suggested = self.export_dir / f"nightstretch-{name}.{kind.lower()}"
        caption = self.tr("Export {0}").format(kind)
        target = SaveFileDialog.ask(self, caption, suggested, f"{kind} (*.{kind.lower()})")
        if target is None:
            return None
        try:
            write(self.report(), target)
        except (OSError, JournalError) as exc:
            reason = save_failure_text(exc) if isinstance(exc, OSError) else str(exc)
            self.show_message(self.tr("The {0} could not be saved: {1}").format(kind, reason))
            return None
        self.show_message(self.tr("Saved {0}").format(target))
        return target

    def export_pdf(self) -> Path | None:
        """Ask where, then write the one-page PDF for the doctor; the path, or None."""
        return self._export(
            "PDF",
            lambda report, path: write_report_pdf(
                report, path, self.tz, self._now(), self.helped_choices
            ),
        )

    def export_csv(self) -> Path | None:
        """Ask where, then write the month as CSV; the path, or None."""
        return self._export(
            "CSV",
            lambda report, path: save_csv(report, path, self.tz),
        )
