"""High contrast, reduce motion, text size and language: chosen in settings, applied at once."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from stretch_app.core.clock import FakeClock
from stretch_app.core.settings import Settings, load_settings
from stretch_app.ui.app import NightstretchApp
from stretch_app.ui.screens.settings import SettingsScreen
from stretch_app.ui.theme import px
from stretch_app.ui.timers import CALM_DISPLAY_INTERVAL_MS, DISPLAY_INTERVAL_MS


def test_settings_offer_contrast_motion_and_language(qtbot: QtBot) -> None:
    screen = SettingsScreen(Settings(), list)
    qtbot.addWidget(screen)
    with qtbot.waitSignal(screen.changed) as contrast:
        screen.contrast_box.setChecked(True)
    assert contrast.args[0].high_contrast
    with qtbot.waitSignal(screen.changed) as motion:
        screen.motion_box.setChecked(True)
    assert motion.args[0].reduce_motion
    screen.language_combo.setCurrentIndex(screen.language_combo.findData("de"))
    with qtbot.waitSignal(screen.changed) as language:
        screen.language_combo.activated.emit(screen.language_combo.currentIndex())
    assert language.args[0].language == "de"


def test_high_contrast_is_applied_and_kept(app: NightstretchApp, qapp: QApplication) -> None:
    app.apply_settings(app.settings.model_copy(update={"high_contrast": True}))
    assert qapp.property("nightstretch_look") == "high-contrast"
    assert "#ffff00" in qapp.styleSheet() and "6px solid #00ffff" in qapp.styleSheet()
    assert load_settings(app.settings_store.path)[0].high_contrast
    app.apply_settings(app.settings.model_copy(update={"high_contrast": False}))
    assert qapp.property("nightstretch_look") in ("night", "day")


def test_reduce_motion_steps_the_ring_once_a_second(app: NightstretchApp, clock: FakeClock) -> None:
    player = app.start_routine("bedtime")
    assert player is not None
    clock.advance(5 + 10.4)
    player.tick()
    smooth = player.ring.fraction
    assert player._timers.display.interval() == DISPLAY_INTERVAL_MS
    app.show_home()
    app.apply_settings(app.settings.model_copy(update={"reduce_motion": True}))
    calm = app.start_routine("bedtime")
    assert calm is not None
    clock.advance(5 + 10.4)
    calm.tick()
    assert calm._timers.display.interval() == CALM_DISPLAY_INTERVAL_MS
    assert calm.ring.fraction == pytest.approx(20 / 30)  # 19.6 s left shows as 20 whole seconds
    assert smooth == pytest.approx(19.6 / 30)


def test_text_follows_the_system_font_and_the_app_setting(qapp: QApplication) -> None:
    original = QFont(qapp.font())
    try:
        base = QFont(original)
        base.setPointSizeF(10)
        qapp.setFont(base)
        assert px(20) == "20px"
        assert px(20, 1.5) == "30px"
        large = QFont(original)
        large.setPointSizeF(15)
        qapp.setFont(large)
        assert px(20) == "30px"
        assert px(20, 1.5) == "45px"
        small = QFont(original)
        small.setPointSizeF(7)
        qapp.setFont(small)
        assert px(20) == "20px"  # a small desktop font never shrinks bedtime text
    finally:
        qapp.setFont(original)
