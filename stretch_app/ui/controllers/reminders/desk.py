"""The app's reminder side, wired once: the reminder timers, the tray and the notifiers.

:class:`ReminderDesk` turns a due reminder into a notification (sent by
:class:`~.notifications.ReminderNotifications`), and the person's answer ("Start now", "Snooze",
"Skip tonight") into a request to the root, a snooze or a skip. It also keeps the tray icon,
the routine cards' "next reminder" lines and close-to-tray behaviour
(:class:`~stretch_app.ui.desktop.keep_running.KeepRunning`) up to date.

It needs no window and no routine models: it reads a plain
:class:`~stretch_app.core.reminder_book.ReminderBook` (the tray-resident app reads one compiled
in the cache, so a tray waiting for bedtime never loads pydantic). While a main window is open
the root attaches it (:meth:`ReminderDesk.attach`, with the library, settings and settings
file behind it, for the reminders dialog) and detaches it before letting the window go. It
speaks back by signals (:attr:`ReminderDesk.start_requested`, :attr:`ReminderDesk.open_requested`,
:attr:`ReminderDesk.cramp_now_requested`, :attr:`ReminderDesk.settings_changed`,
:attr:`ReminderDesk.window_hidden`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from stretch_app import paths
from stretch_app.core.days import ReminderTime
from stretch_app.core.reminder_book import ReminderBook
from stretch_app.core.schedule import Due
from stretch_app.ui.controllers.reminders.notifications import ReminderNotifications
from stretch_app.ui.controllers.reminders.ports import DeskWindow, ReminderClocks
from stretch_app.ui.desktop.keep_running import KeepRunning
from stretch_app.ui.desktop.notify import SKIP, SNOOZE, START, NotifierChain, ReminderNote
from stretch_app.ui.desktop.notify_dbus import DBusNotifier
from stretch_app.ui.desktop.reminders import ReminderService
from stretch_app.ui.desktop.tray import TrayIcon, TrayState

if TYPE_CHECKING:  # the window side is built (and imported) only when a window opens
    from stretch_app.ui.screens.main_window import MainWindow

__all__ = ["ReminderDesk", "reminder_line"]

log = logging.getLogger(__name__)


def _tray_image() -> QIcon:
    """The tray's icon, from the shipped PNG sizes: the SVG would load Qt's SVG engine (about
    1.7 MB resident, measured) into a process that waits for hours; pixmaps load when drawn."""
    icon = QIcon()
    for png in sorted((paths.assets_dir() / "icons" / "hicolor").glob("*/apps/nightstretch.png")):
        side = int(png.parent.parent.name.partition("x")[0])
        icon.addFile(str(png), QSize(side, side))
    return icon


def reminder_line(reminders: Sequence[ReminderTime]) -> str:
    """A routine card's reminder line: ``"Reminder at 21:45"``, or ``"No reminder"``."""
    active = [r for r in reminders if r.enabled]
    if not active:
        return QCoreApplication.translate("NightstretchApp", "No reminder")
    times = ", ".join(r.at for r in active)
    return QCoreApplication.translate("NightstretchApp", "Reminder at {0}").format(times)


class ReminderDesk(QObject):
    """Reminder timers, notifications and the tray, for one running app."""

    start_requested = Signal(str)
    """(routine id) show the window and start this routine (a reminder's "Start now", the tray)."""
    open_requested = Signal()
    """Show the main window (the tray's "Open")."""
    cramp_now_requested = Signal()
    """Start cramp relief (the tray's first item)."""
    settings_changed = Signal(object)
    """(Settings) the reminders dialog saved new settings: the root uses them from now on."""

    window_hidden = Signal()
    """The window was hidden to the tray or the background (closed while reminders are set)."""

    def __init__(
        self,
        book: Callable[[], ReminderBook],
        *,
        tray_available: bool | None = None,
        service: ReminderService | None = None,
        clocks: ReminderClocks | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._book = book
        self.tray_mode = False
        self.run_reminders = True
        self._side: DeskWindow | None = None
        self._told = False  # where the app went is said once a run, not once a window
        self.keep_running: KeepRunning | None = None
        """Close-to-tray for the attached window (None while no window is attached)."""
        if service is None:
            timing = (
                {"now": clocks.now, "monotonic": clocks.monotonic, "zone": clocks.zone}
                if clocks is not None
                else {}
            )
            first = book()
            service = ReminderService(
                first.reminders,
                paths.user_data_dir() / "reminders.json",
                first.schedule_settings(),
                parent=self,
                **timing,  # type: ignore[arg-type]
            )
        self.service = service
        self.service.reminder_due.connect(self.show_reminder)
        self.service.schedule_changed.connect(self.refresh)
        self.tray = TrayIcon(
            _tray_image(),
            self._tray_state,
            self,
            available=tray_available,
        )
        self.tray.cramp_now_requested.connect(self.cramp_now_requested)
        self.tray.start_requested.connect(self.start_requested)
        self.tray.open_requested.connect(self.open_requested)
        self.tray.pause_tonight_requested.connect(self.pause_tonight)
        self.tray.quit_requested.connect(self.quit)
        self.notifications = ReminderNotifications(self.tray.icon, self)
        self.notifications.answered.connect(self._answered)
        self.tray.show()
        self.refresh()

    # --- the window ---------------------------------------------------------------------------

    @property
    def window(self) -> MainWindow | None:
        """The attached main window, or None while none is open."""
        return self._side.window if self._side is not None else None

    def attach(self, side: DeskWindow) -> None:
        """A main window is open: keep its reminder lines, its close-to-tray, its dialog."""
        self._side = side
        window = side.window
        self.keep_running = KeepRunning(
            window,
            window.home,
            keep_running=lambda: self.keeps_running_hidden,
            tray_icon=lambda: self.tray.icon,
            next_reminder=self.service.next_reminder_text,
            before_hiding=side.show_home,  # a running routine stops and is recorded
            parent=self,
        )
        self.keep_running.told = self._told
        self.keep_running.hidden.connect(self.window_hidden)
        window.installEventFilter(self)
        window.home.reminders_requested.connect(self.edit_reminders)
        window.quit_requested.connect(self.quit)
        window.home.quit_requested.connect(self.quit)
        window.home.hide_window_requested.connect(self.hide_window)
        if not self.run_reminders:
            self._say_reminders_come_from_elsewhere()
        self.refresh()

    def detach(self) -> None:
        """The window is about to go: stop watching it (the reminders carry on)."""
        side, self._side = self._side, None
        if side is None:
            return
        side.window.removeEventFilter(self)
        side.window.home.reminders_requested.disconnect(self.edit_reminders)
        if self.keep_running is not None:
            self._told = self.keep_running.told
            self.keep_running.detach()
            self.keep_running.deleteLater()
            self.keep_running = None

    def quit(self) -> None:
        """Really quit (the tray's Quit, the window's Ctrl+Q): reminders end with the app."""
        if self.keep_running is not None:
            self.keep_running.quit()
        else:
            QApplication.quit()

    def hide_window(self) -> None:
        """Hide the window and keep running (the close note's "Hide window")."""
        if self.keep_running is not None:
            self.keep_running.hide_window()

    # --- running ------------------------------------------------------------------------------

    def start(self, *, tray_mode: bool = False, run_reminders: bool = True) -> None:
        """Start the reminder timers; in tray mode the app lives on with no window shown.

        ``run_reminders`` is False when another running app fires the reminders (it holds
        the reminder lock): then no timer starts here, and the window says so.
        """
        self.tray_mode = tray_mode
        if tray_mode:
            QApplication.setQuitOnLastWindowClosed(False)
        self.run_reminders = run_reminders
        if not run_reminders:
            log.warning("Reminders are run by another Nightstretch; none are sent from here")
            self.service.saving = False
            self._say_reminders_come_from_elsewhere()
            return
        self.service.start()
        self.refresh()

    def _say_reminders_come_from_elsewhere(self) -> None:
        if self._side is None:
            return
        home = self._side.window.home
        line = self.tr("Reminders come from the Nightstretch that is already open.")
        home.show_notice("\n".join(filter(None, [home.notice_label.text(), line])))

    def shutdown(self) -> None:
        """Stop the timers, drop the bus connection and take the icon away."""
        self.detach()
        self.service.stop()
        self.notifications.close()
        self.tray.close()
        QApplication.setQuitOnLastWindowClosed(True)

    @property
    def keeps_running_hidden(self) -> bool:
        """Whether closing the main window hides it instead of quitting: in tray mode, when
        asked to keep running in the tray, and while a reminder is set."""
        if self.tray_mode or (self._book().close_to_tray and self.tray.visible):
            return True
        return self.service.running and self.service.next_reminder() is not None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Refresh the cards' next-reminder lines on show (closing is :class:`KeepRunning`'s)."""
        if watched is self.window and event.type() == QEvent.Type.Show:
            self.refresh()
        return False

    # --- reminders ----------------------------------------------------------------------------

    def reload(self) -> None:
        """Settings or routines changed: re-read the reminders and the scheduler's tunables."""
        book = self._book()
        self.service.set_reminders(book.reminders, book.schedule_settings())

    def show_reminder(self, due: Due) -> None:
        """Show a due reminder through the first notifier that can."""
        book = self._book()
        name = book.name_of(due.routine_id)
        if name is None:
            return
        token = f"{due.routine_id}|{due.at}|{due.day.isoformat()}"
        if due.snoozed:
            body = self.tr("{0}. Snoozed reminder.").format(name)
        else:
            body = self.tr("{0}. Reminder for {1}.").format(name, due.at)
        note = ReminderNote(
            token=token,
            title=self.tr("Time for your bedtime stretches"),
            body=body,
            snooze_minutes=book.snooze_minutes,
        )
        self.notifications.show(due, note)

    def on_action(self, token: str, action: str) -> None:
        """The person answered the reminder shown as ``token``."""
        self.notifications.on_action(token, action)

    def _answered(self, due: Due, action: str) -> None:
        if action == START:
            self.start_requested.emit(due.routine_id)
        elif action == SNOOZE:
            self.service.snooze(due)
        elif action == SKIP:
            self.service.skip_tonight(due.routine_id)

    def routine_done(self, routine_id: str) -> None:
        """A routine was completed: tonight's reminder for it need not fire."""
        self.service.mark_routine_done(routine_id)
        self.notifications.withdraw_routine(routine_id)

    def pause_tonight(self) -> None:
        """No more reminders tonight."""
        self.service.pause_tonight()

    def edit_reminders(self, routine_id: str) -> None:
        """Open the reminders dialog for a routine and save what the person chooses."""
        side = self._side
        routine = side.library.routines.get(routine_id) if side is not None else None
        if side is None or routine is None:
            return
        from stretch_app.ui.screens.reminders_dialog import (
            RemindersDialog,
            apply_reminder_choice,
        )

        settings = side.settings
        current = settings.reminder_overrides.get(routine_id, routine.reminders)
        chosen = RemindersDialog.ask(routine, current, side.window)
        if chosen is None:
            return
        try:
            saved = apply_reminder_choice(settings, side.settings_store, routine, chosen)
        except OSError as exc:
            side.window.home.show_notice(
                self.tr("The reminders could not be saved: {0}").format(exc)
            )
            return
        self.settings_changed.emit(saved)  # the root keeps them before they are read again
        self.reload()

    def follow_file(self, routine_id: str) -> None:
        """The routine was saved from the editor with the reminders that ring: the card's own
        choice, kept in the settings, is in its file now and gives way to it."""
        side = self._side
        if side is None:
            return
        settings = side.settings
        if routine_id not in settings.reminder_overrides:
            return
        overrides = {k: v for k, v in settings.reminder_overrides.items() if k != routine_id}
        updated = type(settings).model_validate(
            {**settings.model_dump(), "reminder_overrides": overrides}
        )
        try:
            side.settings_store.save(updated)
        except OSError as exc:
            side.window.home.show_notice(
                self.tr("The reminders could not be saved: {0}").format(exc)
            )
            return
        self.settings_changed.emit(updated)

    # --- what the person sees -----------------------------------------------------------------

    def refresh(self) -> None:
        """Bring the tray tooltip and the routine cards' reminder lines up to date."""
        self.tray.set_tooltip(f"Nightstretch — {self.service.next_reminder_text()}")
        if self._side is not None:
            self._side.window.home.set_reminder_texts(self.card_texts())

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
        return TrayState(
            routines=list(self._book().routines),
            next_reminder=self.service.next_reminder_text(),
            paused_tonight=self.service.paused_tonight(),
        )

    @property
    def shown(self) -> dict[str, Due]:
        """The reminders on show now, by token."""
        return self.notifications.shown

    @property
    def notifier(self) -> NotifierChain:
        """The notifiers, in the order they are tried."""
        return self.notifications.notifier

    @property
    def dbus(self) -> DBusNotifier:
        """The desktop's notification service over D-Bus (the first notifier tried)."""
        return self.notifications.dbus

    def notifier_names(self) -> list[str]:
        """The notifiers in the order they are tried (for logs and tests)."""
        return self.notifications.names()
