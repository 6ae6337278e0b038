"""Settings: sound, voice, look, text size and language, saved at once and applied live.

The language is the one setting that waits: it applies when the app starts, so changing it
offers "Restart now". The mouse wheel scrolls the page; it changes a slider or a drop-down only
once that control has the keyboard focus (a click or Tab), so scrolling never changes a setting.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from stretch_app.core.settings import Settings
from stretch_app.ui.i18n import LANGUAGES
from stretch_app.ui.widgets.buttons import BigButton
from stretch_app.ui.widgets.wrap_check import WrapCheckBox

__all__ = ["SettingsScreen"]


def _looks() -> tuple[tuple[str, str], ...]:
    return (
        ("auto", QCoreApplication.translate("SettingsScreen", "Night look after dark")),
        ("night", QCoreApplication.translate("SettingsScreen", "Always the night look")),
        ("day", QCoreApplication.translate("SettingsScreen", "Always the day look")),
    )


def _scales() -> tuple[tuple[float, str], ...]:
    return (
        (1.0, QCoreApplication.translate("SettingsScreen", "Large")),
        (1.25, QCoreApplication.translate("SettingsScreen", "Larger")),
        (1.5, QCoreApplication.translate("SettingsScreen", "Largest")),
    )


def _slider(low: int, high: int, value: float, name: str) -> QSlider:
    slider = QSlider(Qt.Orientation.Horizontal)
    slider.setRange(low, high)
    slider.setValue(round(value))
    slider.setPageStep(10)
    slider.setAccessibleName(name)
    slider.setMinimumHeight(36)
    return slider


class SettingsScreen(QWidget):
    """Every change is emitted as a new :class:`Settings` right away; nothing to confirm."""

    changed = Signal(object)
    """The new settings (a frozen ``Settings``)."""
    done = Signal()
    restart_requested = Signal()
    """The person chose "Restart now" after changing the language."""

    def __init__(
        self,
        settings: Settings,
        voices: Callable[[], list[str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settings")
        self._settings = settings
        self._voices = voices

        title = QLabel(self.tr("Settings"))
        title.setProperty("role", "title")
        self.sound_box = WrapCheckBox(self.tr("Soft sound cues"))
        self.sound_box.setChecked(settings.sound_enabled)
        self.voice_box = WrapCheckBox(self.tr("Spoken guidance"))
        self.voice_box.setChecked(settings.voice_enabled)
        self.volume_slider = _slider(0, 100, settings.volume * 100, self.tr("Volume"))
        self.voice_combo = QComboBox()
        self.voice_combo.setAccessibleName(self.tr("Voice"))
        self.rate_slider = _slider(-100, 100, settings.voice_rate * 100, self.tr("Speaking speed"))
        looks, scales = _looks(), _scales()
        self.look_combo = QComboBox()
        self.look_combo.setAccessibleName(self.tr("Look"))
        for key, text in looks:
            self.look_combo.addItem(text, key)
        self.look_combo.setCurrentIndex(
            next((i for i, (key, _) in enumerate(looks) if key == settings.look), 0)
        )
        self.contrast_box = WrapCheckBox(self.tr("High contrast"))
        self.contrast_box.setAccessibleDescription(
            self.tr("Black, white and yellow, with thick outlines")
        )
        self.contrast_box.setChecked(settings.high_contrast)
        self.motion_box = WrapCheckBox(self.tr("Reduce motion"))
        self.motion_box.setAccessibleDescription(
            self.tr("The countdown ring moves once a second instead of smoothly")
        )
        self.motion_box.setChecked(settings.reduce_motion)
        self.scale_combo = QComboBox()
        self.scale_combo.setAccessibleName(self.tr("Text size"))
        for scale, text in scales:
            self.scale_combo.addItem(text, scale)
        nearest = min(range(len(scales)), key=lambda i: abs(scales[i][0] - settings.text_scale))
        self.scale_combo.setCurrentIndex(nearest)
        self.language_combo = QComboBox()
        self.language_combo.setAccessibleName(self.tr("Language"))
        self.language_combo.setAccessibleDescription(self.tr("Applies when Nightstretch starts"))
        self.language_combo.addItem(self.tr("The system's language"), "")
        for code, name in LANGUAGES:
            self.language_combo.addItem(name, code)
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(settings.language)))
        self.login_box = WrapCheckBox(self.tr("Start at login, in the tray"))
        self.login_box.setAccessibleDescription(
            self.tr("So bedtime reminders come even if you never open Nightstretch")
        )
        self.login_box.setChecked(settings.start_at_login)
        self.tray_box = WrapCheckBox(self.tr("Keep running in the tray when the window is closed"))
        self.tray_box.setChecked(settings.close_to_tray)
        self.refresh_voices()
        self._started_language = settings.language
        self.restart_label = QLabel(self.tr("The new language is used after a restart."))
        self.restart_label.setProperty("role", "howto")
        self.restart_label.setWordWrap(True)
        self.restart_button = BigButton(
            self.tr("Restart now"),
            role="primary",
            description=self.tr("Close and reopen Nightstretch in the chosen language"),
        )
        self.restart_button.clicked.connect(self.restart_requested.emit)
        self.restart_row = QWidget()
        restart_layout = QHBoxLayout(self.restart_row)
        restart_layout.setContentsMargins(0, 0, 0, 0)
        restart_layout.addWidget(self.restart_label, 1)
        restart_layout.addWidget(self.restart_button, 0)
        self.restart_row.hide()

        form = QFormLayout()
        form.setVerticalSpacing(18)
        form.addRow(self.sound_box)
        form.addRow(self.voice_box)
        form.addRow(self.tr("Volume"), self.volume_slider)
        form.addRow(self.tr("Voice"), self.voice_combo)
        form.addRow(self.tr("Speaking speed"), self.rate_slider)
        form.addRow(self.tr("Look"), self.look_combo)
        form.addRow(self.contrast_box)
        form.addRow(self.motion_box)
        form.addRow(self.tr("Text size"), self.scale_combo)
        form.addRow(self.tr("Language (after a restart)"), self.language_combo)
        form.addRow(self.restart_row)
        form.addRow(self.login_box)
        form.addRow(self.tray_box)

        self.done_button = BigButton(
            self.tr("Done"), role="primary", description=self.tr("Back to the start")
        )
        self.done_button.clicked.connect(self.done.emit)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.done_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 32, 40, 32)
        layout.addWidget(title)
        # The form scrolls rather than forcing the window taller than a small screen.
        body = QWidget()
        body.setLayout(form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        self.page_scroll = scroll
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        escape = QShortcut(QKeySequence("Escape"), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.done.emit)
        for wheel_taker in (
            self.volume_slider,
            self.rate_slider,
            self.voice_combo,
            self.look_combo,
            self.scale_combo,
            self.language_combo,
        ):
            wheel_taker.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # the wheel gives no focus
            wheel_taker.installEventFilter(self)

        self.sound_box.toggled.connect(self._emit)
        self.voice_box.toggled.connect(self._emit)
        self.volume_slider.valueChanged.connect(self._emit)
        self.rate_slider.valueChanged.connect(self._emit)
        self.voice_combo.activated.connect(self._emit)
        self.look_combo.activated.connect(self._emit)
        self.contrast_box.toggled.connect(self._emit)
        self.motion_box.toggled.connect(self._emit)
        self.scale_combo.activated.connect(self._emit)
        self.language_combo.activated.connect(self._emit)
        self.login_box.toggled.connect(self._emit)
        self.tray_box.toggled.connect(self._emit)

    def refresh_voices(self) -> None:
        """Offer the voices the system has (known once the voice helper has started)."""
        current = self._settings.voice_name
        self.voice_combo.blockSignals(True)
        self.voice_combo.clear()
        self.voice_combo.addItem(self.tr("System default"), "")
        for name in self._voices():
            self.voice_combo.addItem(name, name)
        index = self.voice_combo.findData(current)
        self.voice_combo.setCurrentIndex(max(0, index))
        self.voice_combo.blockSignals(False)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The wheel over an unfocused slider or drop-down scrolls the page instead."""
        wheel = event.type() == QEvent.Type.Wheel
        if wheel and isinstance(watched, QWidget) and not watched.hasFocus():
            QCoreApplication.sendEvent(self.page_scroll.verticalScrollBar(), event)
            return True
        return super().eventFilter(watched, event)

    def _keep_in_view(self, control: QWidget) -> None:
        """After a new text size re-lays the page, bring the control used back into view."""
        page = self.page_scroll.widget()
        layout = page.layout() if page is not None else None
        if layout is not None:
            layout.activate()
        self.page_scroll.ensureWidgetVisible(control, 20, 40)

    @property
    def settings(self) -> Settings:
        """The settings as shown now."""
        return self._settings

    def _emit(self) -> None:
        self._settings = self._settings.model_copy(
            update={
                "sound_enabled": self.sound_box.isChecked(),
                "voice_enabled": self.voice_box.isChecked(),
                "volume": self.volume_slider.value() / 100,
                "voice_rate": self.rate_slider.value() / 100,
                "voice_name": self.voice_combo.currentData() or "",
                "look": self.look_combo.currentData(),
                "text_scale": float(self.scale_combo.currentData()),
                "high_contrast": self.contrast_box.isChecked(),
                "reduce_motion": self.motion_box.isChecked(),
                "language": self.language_combo.currentData() or "",
                "start_at_login": self.login_box.isChecked(),
                "close_to_tray": self.tray_box.isChecked(),
            }
        )
        self.restart_row.setVisible(self._settings.language != self._started_language)
        focused = self.focusWidget()
        self.changed.emit(self._settings)
        if focused is not None and self.isAncestorOf(focused):
            # The look is applied by now; the page is laid out again on the next turn.
            self._keep_in_view(focused)
            QTimer.singleShot(0, self, lambda: self._keep_in_view(focused))
