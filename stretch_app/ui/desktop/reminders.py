"""Bedtime reminders on Qt timers: one single-shot timer to the next one, plus a watchdog.

The deciding is done by :class:`stretch_app.core.schedule.Scheduler`; this module only wakes
it up. The single-shot timer runs on the monotonic clock, which stands still while the
computer sleeps and ignores changes to the wall clock, so a watchdog looks about once a minute
whether wall time and monotonic time have drifted apart (suspend and resume, a clock change)
and, if so, asks the scheduler again and re-arms. What has fired is saved (JSON, written
atomically) after every change, so no reminder fires twice, across restarts too.
"""

from __future__ import annotations

import json
import logging
import math
import time
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from datetime import time as dt_time
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QObject, Qt, Signal

from stretch_app.core.days import ReminderTime
from stretch_app.core.nights import NIGHT_STARTS, night_of, night_start, tonight
from stretch_app.core.reminder_rules import effective_reminders, schedule_settings
from stretch_app.core.schedule import Due, ReminderState, Scheduler, ScheduleSettings
from stretch_app.core.userfile import FileProblem, load_json, set_aside, write_atomically
from stretch_app.core.wall_clock import local_zone
from stretch_app.ui.desktop.sleep_watch import SleepWatch
from stretch_app.ui.timers import named_timer

__all__ = [
    "ReminderService",
    "effective_reminders",  # re-exported from core for the callers here; the rule is in core
    "next_reminder_text",
    "schedule_settings",
]

log = logging.getLogger(__name__)

MAX_STATE_BYTES = 1024 * 1024
"""Our own limit on the record of fired reminders (a few kilobytes in real use)."""

WATCHDOG_MS = 60_000
_JUMP_S = 5.0  # wall and monotonic time drifting apart by more than this is a jump
_MAX_TIMER_MS = 6 * 3600 * 1000  # re-check at least this often, whatever the plan says
_EVENING = dt_time(17, 0)  # wording only: a reminder of tonight's before this is "today"


def _utc_now() -> datetime:
    return datetime.now(UTC)


def next_reminder_text(when: datetime | None, now: datetime, tz: ZoneInfo) -> str:
    """``"Next reminder: tonight 21:45"``, ``"… tomorrow 21:45"``, ``"… Friday 21:45"``…"""
    if when is None:
        return QCoreApplication.translate("ReminderService", "Reminders off")
    local, today = when.astimezone(tz), now.astimezone(tz)
    clock = local.strftime("%H:%M")
    days = (local.date() - today.date()).days
    in_the_evening = not NIGHT_STARTS <= local.time() < _EVENING
    if in_the_evening and night_of(local, tz) == night_of(today, tz):
        return QCoreApplication.translate("ReminderService", "Next reminder: tonight {0}").format(
            clock
        )
    if days == 0:
        return QCoreApplication.translate("ReminderService", "Next reminder: today {0}").format(
            clock
        )
    if days == 1:
        return QCoreApplication.translate("ReminderService", "Next reminder: tomorrow {0}").format(
            clock
        )
    locale, day = QLocale(), QDate(local.year, local.month, local.day)
    name = locale.toString(day, "dddd" if days < 7 else "ddd d MMM")
    return QCoreApplication.translate("ReminderService", "Next reminder: {0} {1}").format(
        name, clock
    )


class ReminderService(QObject):
    """Fires ``reminder_due`` once per reminder occurrence, on time, through sleep and restarts.

    ``wall_clock`` (aware wall time, from ``now``) and ``monotonic_clock`` may be replaced by
    tests, which then move time and call :meth:`check` and :meth:`watchdog_tick` themselves.
    """

    reminder_due = Signal(object)
    """A :class:`~stretch_app.core.schedule.Due` to show now."""
    schedule_changed = Signal()
    """The next reminder may have changed (fired, snoozed, skipped, new settings)."""

    def __init__(
        self,
        reminders: Mapping[str, Sequence[ReminderTime]],
        state_file: Path,
        settings: ScheduleSettings | None = None,
        *,
        tz: ZoneInfo | None = None,
        zone: Callable[[], ZoneInfo] = local_zone,
        now: Callable[[], datetime] = _utc_now,
        monotonic: Callable[[], float] = time.monotonic,
        sleep_watch: SleepWatch | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.state_file = state_file
        self.load_problem: str | None = None
        """Why the saved record of fired reminders could not be used, in plain words."""
        self.wall_clock = now
        self.monotonic_clock = monotonic
        # The zone is asked again at every check: a person who travels gets the 20:18
        # reminder at 20:18 where they are now. A fixed ``tz`` (tests) stays as it is.
        self.zone: Callable[[], ZoneInfo] = (lambda: tz) if tz is not None else zone
        self.scheduler = Scheduler(dict(reminders), self.zone(), settings, self._load_state())
        self._saved = self._state_text()
        #: False in an app that does not run the reminders (another one does): it must not
        #: write its stale copy of what fired over the running one's.
        self.saving = True
        self.wake_timer = named_timer(
            self,
            "reminder-wake",
            self.check,
            single_shot=True,
            timer_type=Qt.TimerType.PreciseTimer,
        )
        self.watchdog = named_timer(
            self,
            "reminder-watchdog",
            self.watchdog_tick,
            interval_ms=WATCHDOG_MS,
            timer_type=Qt.TimerType.VeryCoarseTimer,
        )
        self._offset = 0.0
        self.next_wake: datetime | None = None
        # Back from suspend, logind says so at once: check then, not at the next watchdog tick.
        self.sleep_watch = sleep_watch if sleep_watch is not None else SleepWatch(self)
        self.sleep_watch.resumed.connect(self._on_resumed)

    @property
    def tz(self) -> ZoneInfo:
        """The zone reminders' wall times are read in."""
        return self.scheduler.tz

    # --- running ------------------------------------------------------------------------------

    def start(self) -> None:
        """Fire what is due now (missed ones within the grace window), then arm the timers."""
        self._offset = self._wall_offset()
        self.watchdog.start()
        self.check()

    def stop(self) -> None:
        """Stop both timers (state is already saved)."""
        self.wake_timer.stop()
        self.watchdog.stop()

    @property
    def running(self) -> bool:
        """Whether the watchdog runs (between :meth:`start` and :meth:`stop`)."""
        return self.watchdog.isActive()

    def check(self) -> list[Due]:
        """Ask the scheduler what is due now, emit each once, save, and re-arm the timer."""
        self._read_zone()
        now = self.wall_clock()
        fired = self.scheduler.due(now)
        self._save()
        for due in fired:
            log.info("reminder due: %s at %s", due.routine_id, due.at)
            self.reminder_due.emit(due)
        self._arm(now)
        if fired:
            self.schedule_changed.emit()
        return fired

    def watchdog_tick(self) -> None:
        """About once a minute: on a wall-clock jump, or a wake time already passed, check now."""
        offset = self._wall_offset()
        jumped = abs(offset - self._offset) > _JUMP_S
        self._offset = offset
        late = self.next_wake is not None and self.wall_clock() >= self.next_wake
        moved = self._read_zone()
        if jumped or late or moved:
            log.info("clock jump, late timer or new zone (jump=%s): checking", jumped)
            self.check()
            self.schedule_changed.emit()

    def _on_resumed(self) -> None:
        """Back from suspend: the wall clock has moved on; check now and re-arm."""
        if not self.running:
            return
        log.info("resumed from suspend: checking reminders")
        self._offset = self._wall_offset()
        self.check()
        self.schedule_changed.emit()

    def _read_zone(self) -> bool:
        """Take the computer's zone as it is now; True if it changed (travel, a new setting)."""
        zone = self.zone()
        if str(zone) == str(self.scheduler.tz):  # a zone read from a file has no name
            return False
        log.info("time zone changed from %s to %s", self.scheduler.tz, zone)
        self.scheduler.tz = zone
        return True

    def _wall_offset(self) -> float:
        return self.wall_clock().timestamp() - self.monotonic_clock()

    def _arm(self, now: datetime) -> None:
        self.next_wake = self.scheduler.next_wake(now)
        if self.next_wake is None or not self.running:
            self.wake_timer.stop()
            return
        seconds = (self.next_wake - now).total_seconds()
        self.wake_timer.start(min(max(math.ceil(seconds * 1000) + 1, 0), _MAX_TIMER_MS))

    # --- what the person says -----------------------------------------------------------------

    def snooze(self, due: Due) -> datetime:
        """Show ``due`` again after the snooze time; returns when."""
        until = self.scheduler.snooze(due, self.wall_clock())
        self._changed()
        return until

    def skip_tonight(self, routine_id: str) -> None:
        """No more of this routine's reminders tonight (in the morning: the coming night's)."""
        self.scheduler.skip_tonight(routine_id, self._in_tonight())
        self._changed()

    def pause_tonight(self) -> None:
        """No more reminders tonight, for any routine (in the morning: the coming night's)."""
        moment = self._in_tonight()
        for routine_id in self.scheduler.reminders:
            self.scheduler.skip_tonight(routine_id, moment)
        self._changed()

    def paused_tonight(self) -> bool:
        """Whether every reminder of the night "tonight" means was skipped (paused)."""
        return self.scheduler.all_skipped(self._in_tonight())

    def _in_tonight(self) -> datetime:
        """A moment of the night the person means by "tonight" (:func:`~.nights.tonight`)."""
        return night_start(tonight(self.wall_clock(), self.tz), self.tz)

    def mark_routine_done(self, routine_id: str, at: datetime | None = None) -> None:
        """The routine was done: its reminders due soon after are skipped."""
        self.scheduler.mark_routine_done(routine_id, at or self.wall_clock())
        self._changed()

    def set_reminders(
        self,
        reminders: Mapping[str, Sequence[ReminderTime]],
        settings: ScheduleSettings | None = None,
    ) -> None:
        """Replace the reminders (routines reloaded or edited) and re-arm."""
        self.scheduler.reminders = dict(reminders)
        if settings is not None:
            self.scheduler.settings = settings
        self._changed()

    def _changed(self) -> None:
        self._save()
        self._arm(self.wall_clock())
        self.schedule_changed.emit()

    # --- what is next -------------------------------------------------------------------------

    def next_reminder(self, routine_id: str | None = None) -> datetime | None:
        """When the next reminder (of one routine, or of any) will fire; None if none will."""
        reminders = self.scheduler.reminders
        if routine_id is not None:
            reminders = {routine_id: reminders.get(routine_id, ())}
        probe = Scheduler(reminders, self.tz, self.scheduler.settings, self.scheduler.state)
        return probe.next_wake(self.wall_clock())

    def next_reminder_text(self, routine_id: str | None = None) -> str:
        """The next reminder in words, for the tray and the routine cards."""
        self._read_zone()
        return next_reminder_text(self.next_reminder(routine_id), self.wall_clock(), self.tz)

    # --- saving -------------------------------------------------------------------------------

    def _load_state(self) -> ReminderState:
        """What has fired, read through the guarded reader; a broken record is set aside."""
        try:
            return ReminderState.from_dict(load_json(self.state_file, MAX_STATE_BYTES))
        except FileProblem as problem:
            if problem.missing:
                return ReminderState()
            kept = None if problem.special else set_aside(self.state_file)
            said = QCoreApplication.translate(
                "ReminderService",
                "The reminder record {0} could not be read ({1}), so reminders start afresh.",
            ).format(self.state_file, problem.message)
            if kept is not None:
                said += " " + QCoreApplication.translate(
                    "ReminderService", "It was kept as {0}."
                ).format(kept)
            self.load_problem = said
            return ReminderState()

    def _state_text(self) -> str:
        data = self.scheduler.state.to_dict()
        data.pop("last_check", None)  # changes every check; not worth a disk write alone
        return json.dumps(data, sort_keys=True)

    def _save(self) -> None:
        text = self._state_text()
        if text == self._saved or not self.saving:
            return
        data = self.scheduler.state.to_dict()
        try:
            write_atomically(self.state_file, (json.dumps(data, indent=1) + "\n").encode())
        except OSError as exc:
            log.warning("cannot save reminder state to %s: %s", self.state_file, exc)
            return
        self._saved = text
