"""Settings: sound, voice, look and text size, saved at once and applied live."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from stretch_app.core.settings import Settings
from stretch_app.ui.widgets.buttons import BigButton

__all__ = ["SettingsScreen"]

_LOOKS = (
    ("auto", "Night look after dark"),
    ("night", "Always the night look"),
    ("day", "Always the day look"),
)
_SCALES = ((1.0, "Large"), (1.25, "Larger"), (1.5, "Largest"))


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

        title = QLabel("Settings")
        title.setProperty("role", "title")
        self.sound_box = QCheckBox("Soft sound cues")
        self.sound_box.setChecked(settings.sound_enabled)
        self.voice_box = QCheckBox("Spoken guidance")
        self.voice_box.setChecked(settings.voice_enabled)
        self.volume_slider = _slider(0, 100, settings.volume * 100, "Volume")
        self.voice_combo = QComboBox()
        self.voice_combo.setAccessibleName("Voice")
        self.rate_slider = _slider(-100, 100, settings.voice_rate * 100, "Speaking speed")
        self.look_combo = QComboBox()
        self.look_combo.setAccessibleName("Look")
        for key, text in _LOOKS:
            self.look_combo.addItem(text, key)
        self.look_combo.setCurrentIndex(
            next((i for i, (key, _) in enumerate(_LOOKS) if key == settings.look), 0)
        )
        self.scale_combo = QComboBox()
        self.scale_combo.setAccessibleName("Text size")
        for scale, text in _SCALES:
            self.scale_combo.addItem(text, scale)
        nearest = min(range(len(_SCALES)), key=lambda i: abs(_SCALES[i][0] - settings.text_scale))
        self.scale_combo.setCurrentIndex(nearest)
        self.refresh_voices()

        form = QFormLayout()
        form.setVerticalSpacing(18)
        form.addRow(self.sound_box)
        form.addRow(self.voice_box)
        form.addRow("Volume", self.volume_slider)
        form.addRow("Voice", self.voice_combo)
        form.addRow("Speaking speed", self.rate_slider)
        form.addRow("Look", self.look_combo)
        form.addRow("Text size", self.scale_combo)

        self.done_button = BigButton("Done", role="primary", description="Back to the start")
        self.done_button.clicked.connect(self.done.emit)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.done_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 32, 40, 32)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addLayout(buttons)

        self.sound_box.toggled.connect(self._emit)
        self.voice_box.toggled.connect(self._emit)
        self.volume_slider.valueChanged.connect(self._emit)
        self.rate_slider.valueChanged.connect(self._emit)
        self.voice_combo.activated.connect(self._emit)
        self.look_combo.activated.connect(self._emit)
        self.scale_combo.activated.connect(self._emit)

    def refresh_voices(self) -> None:
        """Offer the voices the system has (known once the voice helper has started)."""
        current = self._settings.voice_name
        self.voice_combo.blockSignals(True)
        self.voice_combo.clear()
        self.voice_combo.addItem("System default", "")
        for name in self._voices():
            self.voice_combo.addItem(name, name)
        index = self.voice_combo.findData(current)
        self.voice_combo.setCurrentIndex(max(0, index))
        self.voice_combo.blockSignals(False)

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
            }
        )
        self.changed.emit(self._settings)
