"""The guidance pages: every page the article gives us renders, with the disclaimer in view."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from stretch_app import paths
from stretch_app.core.clock import FakeClock
from stretch_app.core.safety import load_safety_guide
from stretch_app.ui.app import NightstretchApp
from stretch_app.ui.screens.info import InfoScreen
from stretch_app.ui.theme import NIGHT, apply_look


@pytest.fixture
def screen(qapp: QApplication, qtbot: QtBot) -> InfoScreen:
    apply_look(qapp, NIGHT)
    info = InfoScreen(load_safety_guide(paths.guidance_path()))
    qtbot.addWidget(info)
    info.resize(1280, 800)
    info.show()
    qtbot.waitExposed(info)
    return info


def test_the_pages_the_issue_asks_for_are_there(screen: InfoScreen) -> None:
    assert {
        "see-doctor",
        "emergency",
        "prevention",
        "diabetes",
        "pregnancy",
        "vitamins",
    } <= set(screen.page_ids())


def test_emergency_care_comes_first_and_is_where_the_screen_opens(
    screen: InfoScreen, qtbot: QtBot
) -> None:
    assert screen.page_ids()[:2] == ["emergency", "see-doctor"]
    assert screen.page_list.currentItem().text() == "Get emergency care"
    assert "more than 10 minutes" in screen.current_text()
    guide = load_safety_guide(paths.guidance_path())
    doctor = InfoScreen(guide, first_page="see-doctor")
    qtbot.addWidget(doctor)
    assert doctor.page_list.currentItem().text() == "When to see a doctor"
    assert "numb" in doctor.current_text()
    unknown = InfoScreen(guide, first_page="no-such-page")  # falls back to the first page
    qtbot.addWidget(unknown)
    assert unknown.current_text().startswith("Get emergency care")


def test_the_app_opens_guidance_on_the_emergency_page_or_the_page_asked_for(
    qapp: QApplication, qtbot: QtBot
) -> None:
    app = NightstretchApp(qapp, clock=FakeClock(), voice_engine="mock")
    qtbot.addWidget(app.window)
    try:
        assert app.open_guidance().current_text().startswith("Get emergency care")
        page = app.open_guidance(page="prevention")
        assert page.page_list.currentItem().text() == "Ways to prevent cramps"
    finally:
        app.shutdown()


@pytest.mark.parametrize(
    ("page_id", "words"),
    [
        ("emergency", ["more than 10 minutes", "tetanus"]),
        ("prevention", ["loose covers"]),
        ("vitamins", ["B complex", "Vitamin D", "Potassium", "Magnesium"]),
        ("pregnancy", ["50%"]),
        ("diabetes", ["neuropathy"]),
        (
            "medicines",
            [
                "pregabalin",
                "Lyrica",
                "worth mentioning to your doctor",
                "atorvastatin",
                "furosemide",
                "not known to be safe. Ask your doctor or pharmacist",
            ],
        ),
    ],
)
def test_each_page_renders_its_text_with_the_disclaimer(
    screen: InfoScreen, page_id: str, words: list[str]
) -> None:
    assert screen.show_page(page_id)
    for word in words:
        assert word.lower() in screen.current_text().lower(), word
    assert "not medical advice" in screen.disclaimer_label.text()
    assert screen.disclaimer_label.isVisible()
    assert "stop taking" not in screen.current_text().lower()


def test_the_keyboard_moves_between_pages(screen: InfoScreen, qtbot: QtBot) -> None:
    screen.page_list.setFocus()
    qtbot.keyClick(screen.page_list, Qt.Key.Key_Down)
    assert screen.current_text().startswith("When to see a doctor")
    with qtbot.waitSignal(screen.back_requested):
        qtbot.keyClick(screen, Qt.Key.Key_Escape)
    assert not screen.show_page("no-such-page")


def test_screenshot_of_a_guidance_page(screen: InfoScreen, tmp_path: Path) -> None:
    keep = os.environ.get("NIGHTSTRETCH_SCREENSHOTS")
    folder = Path(keep) if keep else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    screen.show_page("see-doctor")
    assert screen.grab().save(str(folder / "guidance-night.png"))
