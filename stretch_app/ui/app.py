"""The composition root: builds every part of the running app once and wires them together."""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QWidget

from stretch_app import paths
from stretch_app.core.clock import Clock, SystemClock
from stretch_app.core.journal import Journal, JournalError
from stretch_app.core.library import Library, load_library
from stretch_app.core.model import Routine, RoutineKind
from stretch_app.core.phrases import phrases_for
from stretch_app.core.relief_content import ReliefContent, relief_content_of
from stretch_app.core.reminder_book import ReminderBook, book_of
from stretch_app.core.safety import SafetyGuide, load_safety_guide
from stretch_app.core.settings import Settings, uses_night_look
from stretch_app.ui.controllers.activity import Companions
from stretch_app.ui.controllers.editor import EditorFlow
from stretch_app.ui.controllers.ports import WindowHost
from stretch_app.ui.controllers.relief import ReliefFlow
from stretch_app.ui.controllers.reminders import ReminderClocks, ReminderDesk, reminder_line
from stretch_app.ui.controllers.routine import RoutineFlow
from stretch_app.ui.desktop import autostart
from stretch_app.ui.desktop.audio import DeferredCuePlayer
from stretch_app.ui.desktop.inhibit import ScreenSaverInhibitor
from stretch_app.ui.desktop.voice_process import ProcessVoice
from stretch_app.ui.i18n import Translation, install_translator
from stretch_app.ui.screens.main_window import MainWindow
from stretch_app.ui.screens.player import PlayerScreen
from stretch_app.ui.screens.relief import ReliefScreen
from stretch_app.ui.settings_store import SettingsStore
from stretch_app.ui.theme import DAY, HIGH_CONTRAST, HIGH_CONTRAST_DAY, NIGHT, Look, apply_look

if TYPE_CHECKING:  # screens opened on request are imported when first opened
    from stretch_app.ui.relief_start import ReliefStart
    from stretch_app.ui.screens.history import HistoryScreen
    from stretch_app.ui.screens.info import InfoScreen
    from stretch_app.ui.screens.medicines import MedicinesScreen
    from stretch_app.ui.screens.settings import SettingsScreen

__all__ = ["NightstretchApp"]

log = logging.getLogger(__name__)


class NightstretchApp(QObject):
    """Owns the library, settings, journal, sound, voice and the main window."""

    def __init__(
        self,
        qapp: QApplication,
        *,
        clock: Clock | None = None,
        voice_engine: str | None = None,
        settings_file: Path | None = None,
        journal_file: Path | None = None,
        window: MainWindow | None = None,
        translation: Translation | None = None,
        reminder_clocks: ReminderClocks | None = None,
        reminder_desk: ReminderDesk | None = None,
        relief: ReliefStart | None = None,
    ) -> None:
        """``relief``: relief started before the app (:mod:`.relief_start`), adopted."""
        super().__init__()
        self.qapp = qapp
        self.clock: Clock = clock or SystemClock()
        self.settings_store = SettingsStore(settings_file or paths.settings_path(), self)
        settings_problem = self.settings_store.load()
        self.settings = self.settings_store.settings
        self.translation = translation or install_translator(qapp, self.settings.language)
        self.language = self.translation.language
        self.phrases = phrases_for(self.language, paths.i18n_dir())
        self.library: Library = load_library(
            [paths.bundled_routines_dir(), paths.user_routines_dir()]
        ).in_language(self.language)
        self.journal: Journal | None = None
        notices = [settings_problem] if settings_problem else []
        notices += [self.tr("Skipped {0}").format(p) for p in self.library.problems]
        try:
            self.journal = (relief and relief.journal) or Journal.open(
                journal_file or paths.journal_path()
            )
            if self.journal.recovered_from is not None:
                notices.append(
                    self.tr(
                        "The journal was damaged; it was kept as {0} and a new one was started."
                    ).format(self.journal.recovered_from)
                )
        except JournalError as exc:
            notices.append(
                self.tr("The journal cannot be used, so nothing will be saved: {0}").format(exc)
            )
        self.look = self._pick_look()
        apply_look(qapp, self.look, self.settings.text_scale)
        icon = paths.assets_dir() / "icons" / "nightstretch.svg"
        if icon.is_file():
            qapp.setWindowIcon(QIcon(str(icon)))
        if relief is not None:  # relief runs already: its parts are the app's
            self.cues, self.voice, self.inhibitor = relief.cues, relief.voice, relief.inhibitor
            self.cues.setParent(self)
            self.voice.setParent(self)
        else:
            s = self.settings
            self.cues = DeferredCuePlayer(s.sound_enabled, s.volume, self)
            self.voice = ProcessVoice(
                voice_engine, s.voice_name, s.voice_rate, s.volume, s.voice_enabled, self,
                language=self.language,
            )  # fmt: skip
            self.inhibitor = ScreenSaverInhibitor()
        self.restart_wanted = False  # "Restart now" (a new language): launch starts it anew
        self.window = window or MainWindow()
        self._show_routines()
        self.window.home.show_notice("\n".join(notices))
        self.window.home.start_requested.connect(self.start_routine)
        self.window.cramp_now_requested.connect(self.cramp_now)
        self.window.home.settings_requested.connect(self.open_settings)
        self.window.home.history_requested.connect(self.open_history)
        self.window.home.guidance_requested.connect(self.open_guidance)
        self.window.closing.connect(self._on_window_closing)
        self.host = WindowHost(self.window)
        companions = Companions(self.voice, self.cues, self.inhibitor, self.clock,
                                look=lambda: self.look, phrases=self.phrases)  # fmt: skip
        self.routine_flow = RoutineFlow(
            self.host, companions, journal=self.journal, library=lambda: self.library,
            settings=lambda: self.settings, parent=self,
        )  # fmt: skip
        self.voice.problem_found.connect(self.routine_flow.on_audio_problem)
        self.cues.problem_found.connect(self.routine_flow.on_audio_problem)
        self.routine_flow.home_requested.connect(self.show_home)
        self.routine_flow.raise_requested.connect(self.window.bring_to_front)
        self.routine_flow.fullscreen_requested.connect(self.window.toggle_full_screen)
        if relief is not None:
            self.relief_flow = relief.flow
            self.relief_flow.setParent(self)
            self.relief_flow.adopt(self.host, self.relief_content, lambda: self.look)
        else:
            self.relief_flow = ReliefFlow(
                self.host, companions, journal=self.journal, content=self.relief_content,
                parent=self,
            )  # fmt: skip
        self.relief_flow.activity_starting.connect(self.routine_flow.stop)
        self.relief_flow.home_requested.connect(self.show_home)
        self.editor_flow = EditorFlow(
            self.host, library=lambda: self.library, language=self.language,
            reminders_in_use=lambda routine_id: self.settings.reminder_overrides.get(routine_id),
            dialog_parent=self.window.home, parent=self,
        )  # fmt: skip
        self.editor_flow.library_changed.connect(self.reload_library)
        self.editor_flow.try_requested.connect(self._try_routine)
        self.editor_flow.home_requested.connect(self.show_home)
        home = self.window.home
        home.new_routine_requested.connect(lambda: self.editor_flow.open(None))
        home.edit_requested.connect(self.editor_flow.open)
        home.import_requested.connect(self.editor_flow.import_file)
        home.undo_requested.connect(self.editor_flow.undo_delete)
        # Tray, notifications and reminder timers; the timers start in launch (start()). A
        # tray-resident app (ui.resident) passes its own desk, which outlives this window.
        if reminder_desk is None:
            reminder_desk = ReminderDesk(self.reminder_book, clocks=reminder_clocks, parent=self)
            reminder_desk.start_requested.connect(self._start_from_outside)
            reminder_desk.open_requested.connect(self.show)
            reminder_desk.cramp_now_requested.connect(self.cramp_now)
        self.reminder_desk = reminder_desk
        self.reminder_desk.settings_changed.connect(self._keep_settings)
        self.reminder_desk.attach(self)  # the window, library, settings, going home
        self.editor_flow.routine_saved.connect(self.reminder_desk.follow_file)
        self.routine_flow.routine_done.connect(self.reminder_desk.routine_done)
        self.routine_flow.activity_starting.connect(self.relief_flow.end)
        if self.reminder_desk.service.load_problem:
            notices.append(self.reminder_desk.service.load_problem)
            self.window.home.show_notice("\n".join(notices))
        for line in notices:
            log.warning("%s", line)

    def reminder_book(self) -> ReminderBook:
        """The reminders in effect and their settings, as plain data (the desk reads these)."""
        return book_of(self.library, self.settings)

    def reload_library(self) -> None:
        """Read the routine files again (after the editor saved, restored, deleted or imported)."""
        self.library = load_library(
            [paths.bundled_routines_dir(), paths.user_routines_dir()]
        ).in_language(self.language)
        self._show_routines()
        self.reminder_desk.reload()
        self.reminder_desk.refresh()

    def _show_routines(self) -> None:
        self.window.home.show_routines(
            self.library.routines_of_kind(RoutineKind.ROUTINE),
            self.library.exercises,
            {r.id: reminder_line(r.reminders) for r in self.library.routines.values()},
        )

    def _pick_look(self) -> Look:
        if self.settings.high_contrast:  # "Always the day look" picks its light variant
            return HIGH_CONTRAST_DAY if self.settings.look == "day" else HIGH_CONTRAST
        return NIGHT if uses_night_look(self.settings, datetime.now().time()) else DAY

    # --- routines -----------------------------------------------------------------------------

    def show(self) -> None:
        """Show the main window."""
        self.window.bring_to_front()

    def _start_from_outside(self, routine_id: str) -> None:
        """A reminder's "Start now" or the tray: bring the window up and start the routine."""
        self.show()
        self.start_routine(routine_id)

    def _keep_settings(self, settings: Settings) -> None:
        """Settings saved elsewhere (the reminders dialog) are the app's from now on."""
        self.settings = settings

    @property
    def player(self) -> PlayerScreen | None:
        """The player of the current or last routine, until the person goes home."""
        return self.routine_flow.player

    def start_routine(self, routine_id: str) -> PlayerScreen | None:
        """Open the player on a routine and start it; None if there is no such routine."""
        return self.routine_flow.start(routine_id)

    def play_routine(self, routine: Routine, *, trial: bool = False) -> PlayerScreen:
        """Open the player on ``routine`` and start it (a ``trial`` is not kept)."""
        return self.routine_flow.play(routine, trial=trial)

    def _try_routine(self, routine: Routine) -> None:
        """The editor's "Try it": play the unsaved routine, then come back to the editor."""
        player = self.play_routine(routine, trial=True)

        def back() -> None:
            self.editor_flow.show_editor()
            self.routine_flow.player = None

        player.finished.connect(back)

    def open_settings(self) -> SettingsScreen:
        """Show the settings screen; changes apply and are saved as they are made."""
        from stretch_app.ui.screens.settings import SettingsScreen

        screen = SettingsScreen(self.settings, self.voice.voices)
        screen.changed.connect(self.apply_settings)
        screen.done.connect(self.show_home)
        screen.restart_requested.connect(self.restart)
        self.voice.ready.connect(screen.refresh_voices)
        self.voice.warm_up()  # so the system's voices can be offered
        self.window.show_screen(screen, self.tr("Settings"))
        return screen

    def open_history(self) -> HistoryScreen | None:
        """Show the nights, cramps and the doctor's report; None when there is no journal."""
        if self.journal is None:
            self.window.home.show_notice(
                self.tr("The diary cannot be used, so there is no history to show.")
            )
            return None
        from stretch_app.core.doctor import load_doctor_rules
        from stretch_app.ui.screens.history import HistoryScreen

        rules = load_doctor_rules(paths.doctor_rules_path(self.language))
        helped = {key: exercise.name for key, exercise in self.library.exercises.items()}
        screen = HistoryScreen(self.journal, self.safety_guide(), rules, helped_choices=helped)
        screen.set_look(self.look)
        screen.home_requested.connect(self.show_home)
        screen.medicines_requested.connect(lambda: self.open_medicines(screen))
        screen.guidance_requested.connect(lambda: self.open_guidance(screen))
        self.window.show_screen(screen, self.tr("History"))
        return screen

    def open_guidance(
        self, back_to: HistoryScreen | None = None, page: str = "emergency"
    ) -> InfoScreen:
        """Show the guidance pages at ``page``; Back returns to the screen they came from."""
        from stretch_app.ui.screens.info import InfoScreen

        screen = InfoScreen(self.safety_guide(), first_page=page)
        screen.back_requested.connect(lambda: self._back_from(screen, back_to))
        self.window.show_screen(screen, self.tr("Guidance"))
        return screen

    def open_medicines(self, back_to: HistoryScreen | None = None) -> MedicinesScreen | None:
        """Show the medicine list; None when there is no journal to keep it in."""
        if self.journal is None:
            self.window.home.show_notice(
                self.tr("The diary cannot be used, so medicines cannot be kept.")
            )
            return None
        from stretch_app.ui.screens.medicines import MedicinesScreen

        screen = MedicinesScreen(self.journal, self.safety_guide())
        screen.back_requested.connect(lambda: self._back_from(screen, back_to))
        self.window.show_screen(screen, self.tr("Medicines"))
        return screen

    def _back_from(self, leaving: QWidget, back_to: HistoryScreen | None) -> None:
        if back_to is None:
            self.show_home()
            return
        back_to.refresh()
        self.window.show_screen(back_to, self.tr("History"))
        self.window.stack.removeWidget(leaving)
        leaving.deleteLater()

    def apply_settings(self, settings: Settings) -> None:
        """Use new settings now, and keep them."""
        previous, self.settings = self.settings, settings
        if settings.start_at_login != previous.start_at_login:
            try:
                autostart.set_enabled(settings.start_at_login)
            except OSError as exc:
                self.window.home.show_notice(
                    self.tr("Start at login could not be changed in {0}: {1}").format(
                        autostart.autostart_path(), exc.strerror or exc
                    )
                )
        self.cues.set_enabled(settings.sound_enabled)
        self.cues.set_volume(settings.volume)
        self.voice.set_enabled(settings.voice_enabled)
        self.voice.set_volume(settings.volume)
        self.voice.set_rate(settings.voice_rate)
        self.voice.set_voice(settings.voice_name)
        self.look = self._pick_look()
        apply_look(self.qapp, self.look, settings.text_scale)
        self.reminder_desk.reload()
        try:
            self.settings_store.save(settings)
        except OSError as exc:
            self.window.home.show_notice(
                self.tr("Settings could not be saved to {0}: {1}").format(
                    self.settings_store.path, exc.strerror or exc
                )
            )

    def restart(self) -> None:
        """Quit and start again (so a new language applies everywhere)."""
        self.restart_wanted = True
        self.reminder_desk.quit()

    @property
    def relief(self) -> ReliefScreen | None:
        """The relief screen of the current or last cramp, until the person goes home."""
        return self.relief_flow.screen

    def show_home(self) -> None:
        """Back to the routines; a routine still running stops (and is recorded) first."""
        self.routine_flow.close()
        self.relief_flow.close()
        self.window.show_home()

    def cramp_now(self) -> ReliefScreen | None:
        """Start cramp relief at once, whatever is on screen; raise it if it is already on."""
        self.window.bring_to_front()
        return self.relief_flow.open()

    def relief_content(self) -> ReliefContent | None:
        """What relief shows and says, from the models and settings the app holds."""
        return relief_content_of(self.library, self.safety_guide(), self.settings)

    def safety_guide(self) -> SafetyGuide:
        """The safety guidance and pages, in the app's language."""
        return load_safety_guide(paths.guidance_path(self.language))

    def _on_window_closing(self) -> None:
        self.routine_flow.stop()
        self.relief_flow.end()
        self.inhibitor.release()

    def _close(self) -> None:
        self._on_window_closing()
        self.voice.shut_down()
        if self.journal is not None:
            self.journal.close()
            self.journal = None
            self.relief_flow.journal = None
            self.routine_flow.journal = None

    def shutdown(self) -> None:
        """Stop what runs and close the journal."""
        self._close()
        self.reminder_desk.shutdown()
        self.translation.remove()

    def let_go(self) -> None:
        """A tray-resident app's window went to the tray: stop what runs, close the journal,
        and let the window, screens and models go; the desk keeps reminding without them."""
        self._close()
        self.reminder_desk.settings_changed.disconnect(self._keep_settings)
        self.reminder_desk.detach()
        self.window.deleteLater()
        self.deleteLater()
