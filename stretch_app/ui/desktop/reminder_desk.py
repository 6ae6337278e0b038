"""The app's reminder side, wired once: the reminder timers, the tray and the notifiers.

:class:`ReminderDesk` turns a due reminder into a notification, and the person's answer
("Start now", "Snooze", "Skip tonight") into the player, a snooze or a skip. It also keeps the
tray icon, the routine cards' "next reminder" lines and close-to-tray behaviour up to date.
The composition root (``ui/app.py``) builds one and calls it; nothing here reaches for globals.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from stretch_app import paths
from stretch_app.core.model import Reminder, RoutineKind
from stretch_app.core.nights import night_of
from stretch_app.core.schedule import Due
from stretch_app.ui.desktop.keep_running import KeepRunning
from stretch_app.ui.desktop.notify import (
    SKIP,
    SNOOZE,
    START,
    NotifierChain,
    ReminderNote,
    TrayNotifier,
)
from stretch_app.ui.desktop.notify_dbus import DBusNotifier
from stretch_app.ui.desktop.notify_window import WindowNotifier
from stretch_app.ui.desktop.reminders import (
    ReminderService,
    effective_reminders,
    schedule_settings,
)
from stretch_app.ui.desktop.tray import TrayIcon, TrayState
from stretch_app.ui.screens.reminders_dialog import RemindersDialog, apply_reminder_choice

if TYPE_CHECKING:
    from stretch_app.ui.app import NightstretchApp

__all__ = ["ReminderDesk"]

log = logging.getLogger(__name__)


class ReminderDesk(QObject):
    """Reminder timers, notifications and the tray, for one running app."""

    def __init__(
        self,
        app: NightstretchApp,
        *,
        tray_available: bool | None = None,
        service: ReminderService | None = None,
    ) -> None:
        super().__init__(app)
        self.app = app
        self.tray_mode = False
        self.shown: dict[str, Due] = {}
        self._paused_night: object = None
        self.service = service or ReminderService(
            self._reminders(),
            paths.user_data_dir() / "reminders.json",
            schedule_settings(app.settings),
            parent=self,
        )
        self.service.reminder_due.connect(self.show_reminder)
        self.service.schedule_changed.connect(self.refresh)
        self.tray = TrayIcon(
            QIcon(str(paths.assets_dir() / "icons" / "nightstretch.svg")),
            self._tray_state,
            self,
            available=tray_available,
        )
        self.tray.cramp_now_requested.connect(app.cramp_now)
        self.tray.start_requested.connect(self._start_from_tray)
        self.tray.open_requested.connect(app.show)
        self.tray.pause_tonight_requested.connect(self.pause_tonight)
        self.keep_running = KeepRunning(
            app.window,
            app.window.home,
            keep_running=lambda: self.keeps_running_hidden,
            tray_icon=lambda: self.tray.icon,
            next_reminder=self.service.next_reminder_text,
            before_hiding=app.show_home,  # a running routine stops and is recorded
            parent=self,
        )
        self.tray.quit_requested.connect(self.keep_running.quit)
        self.dbus = DBusNotifier(parent=self)
        self.notifier = NotifierChain(
            [self.dbus, TrayNotifier(self.tray.icon, self), WindowNotifier(self)], self
        )
        self.notifier.action_invoked.connect(self.on_action)
        app.window.installEventFilter(self)
        app.window.home.reminders_requested.connect(self.edit_reminders)
        self.tray.show()
        self.refresh()

    # --- running ------------------------------------------------------------------------------

    def start(self, *, tray_mode: bool = False, run_reminders: bool = True) -> None:
        """Start the reminder timers; in tray mode the app lives on with no window shown.

        ``run_reminders`` is False when another running app fires the reminders (it holds
        the reminder lock): then no timer starts here, and the window says so.
        """
        self.tray_mode = tray_mode
        if tray_mode:
            QApplication.setQuitOnLastWindowClosed(False)
        if not run_reminders:
            log.warning("Reminders are run by another Nightstretch; none are sent from here")
            self.service.saving = False
            home = self.app.window.home
            line = self.tr("Reminders come from the Nightstretch that is already open.")
            home.show_notice("\n".join(filter(None, [home.notice_label.text(), line])))
            return
        self.service.start()
        self.refresh()

    def shutdown(self) -> None:
        """Stop the timers, drop the bus connection and take the icon away."""
        self.app.window.removeEventFilter(self)
        self.keep_running.detach()
        self.service.stop()
        self.dbus.close()
        for notifier in self.notifier.notifiers:
            if isinstance(notifier, WindowNotifier):
                notifier.close_all()  # our own windows go with the app
        self.tray.close()
        QApplication.setQuitOnLastWindowClosed(True)

    @property
    def keeps_running_hidden(self) -> bool:
        """Whether closing the main window hides it instead of quitting: in tray mode, when
        asked to keep running in the tray, and while a reminder is set."""
        if self.tray_mode or (self.app.settings.close_to_tray and self.tray.visible):
            return True
        return self.service.running and self.service.next_reminder() is not None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Refresh the cards' next-reminder lines on show (closing is :class:`KeepRunning`'s)."""
        if watched is self.app.window and event.type() == QEvent.Type.Show:
            self.refresh()
        return False

    # --- reminders ----------------------------------------------------------------------------

    def _reminders(self) -> dict[str, tuple[Reminder, ...]]:
        routines = self.app.library.routines_of_kind(RoutineKind.ROUTINE)
        return effective_reminders(routines, self.app.settings.reminder_overrides)

    def reload(self) -> None:
        """Settings changed: re-read the reminders and the scheduler's tunables."""
        self.service.set_reminders(self._reminders(), schedule_settings(self.app.settings))

    def show_reminder(self, due: Due) -> None:
        """Show a due reminder through the first notifier that can."""
        routine = self.app.library.routines.get(due.routine_id)
        if routine is None:
            return
        token = f"{due.routine_id}|{due.at}|{due.day.isoformat()}"
        self.shown[token] = due
        if due.snoozed:
            body = self.tr("{0}. Snoozed reminder.").format(routine.name)
        else:
            body = self.tr("{0}. Reminder for {1}.").format(routine.name, due.at)
        note = ReminderNote(
            token=token,
            title=self.tr("Time for your bedtime stretches"),
            body=body,
            snooze_minutes=self.app.settings.snooze_minutes,
        )
        log.info("reminder %s shown by %s", token, self.notifier.notify(note))

    def on_action(self, token: str, action: str) -> None:
        """The person answered a reminder."""
        due = self.shown.pop(token, None)
        if due is None:
            return
        if action == START:
            self.app.show()
            self.app.start_routine(due.routine_id)
        elif action == SNOOZE:
            self.service.snooze(due)
        elif action == SKIP:
            self.service.skip_tonight(due.routine_id)

    def routine_done(self, routine_id: str) -> None:
        """A routine was completed: tonight's reminder for it need not fire."""
        self.service.mark_routine_done(routine_id)
        for token, due in list(self.shown.items()):
            if due.routine_id == routine_id:
                self.notifier.withdraw(token)
                del self.shown[token]

    def pause_tonight(self) -> None:
        """No more reminders tonight."""
        self.service.pause_tonight()
        self._paused_night = self._night()

    def _night(self) -> object:
        return night_of(self.service.wall_clock(), self.service.tz)

    def edit_reminders(self, routine_id: str) -> None:
        """Open the reminders dialog for a routine and save what the person chooses."""
        routine = self.app.library.routines.get(routine_id)
        if routine is None:
            return
        current = self.service.scheduler.reminders.get(routine_id, routine.reminders)
        chosen = RemindersDialog.ask(routine, current, self.app.window)
        if chosen is None:
            return
        try:
            self.app.settings = apply_reminder_choice(
                self.app.settings, self.app.settings_store, routine, chosen
            )
        except OSError as exc:
            self.app.window.home.show_notice(
                self.tr("The reminders could not be saved: {0}").format(exc)
            )
            return
        self.reload()

    # --- what the person sees -----------------------------------------------------------------

    def refresh(self) -> None:
        """Bring the tray tooltip and the routine cards' reminder lines up to date."""
        self.tray.set_tooltip(f"Nightstretch — {self.service.next_reminder_text()}")
        self.app.window.home.set_reminder_texts(self.card_texts())

    def card_texts(self) -> dict[str, str]:
        """Each routine's next-reminder line."""
        routine_ids = self.service.scheduler.reminders
        text = self.service.next_reminder_text
        return {rid: self._skip_note(rid) + text(rid) for rid in routine_ids}

    def _skip_note(self, routine_id: str) -> str:
        """Why tonight's reminder will not come, when the routine was already done tonight."""
        done = self.service.scheduler.skipped_as_done(routine_id, self.service.wall_clock())
        if done is None:
            return ""
        at = done.astimezone(self.service.tz).strftime("%H:%M")
        return self.tr("Tonight's reminder skipped: you stretched at {0}").format(at) + "\n"

    def _tray_state(self) -> TrayState:
        routines = self.app.library.routines_of_kind(RoutineKind.ROUTINE)
        return TrayState(
            routines=[(r.id, r.name) for r in routines],
            next_reminder=self.service.next_reminder_text(),
            paused_tonight=self._paused_night == self._night(),
        )

    def _start_from_tray(self, routine_id: str) -> None:
        self.app.show()
        self.app.start_routine(routine_id)

    def notifier_names(self) -> list[str]:
        """The notifiers in the order they are tried (for logs and tests)."""
        return [n.name for n in self.notifier.notifiers]
