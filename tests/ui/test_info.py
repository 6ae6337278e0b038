"""The guidance pages: every page the article gives us renders, with the disclaimer in view."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from stretch_app import paths
from stretch_app.core.safety import load_safety_guide
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
    assert screen.page_list.currentItem().text() == "When to see a doctor"
    assert "numb" in screen.current_text()


@pytest.mark.parametrize(
    ("page_id", "words"),
    [
        ("emergency", ["more than 10 minutes", "tetanus"]),
        ("prevention", ["loose covers"]),
        ("vitamins", ["B complex", "Vitamin D", "Potassium", "Magnesium"]),
        ("pregnancy", ["50%"]),
        ("diabetes", ["neuropathy"]),
        ("medicines", ["pregabalin", "Lyrica", "worth mentioning to your doctor"]),
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
    assert screen.current_text().startswith("Get emergency care")
    with qtbot.waitSignal(screen.back_requested):
        qtbot.keyClick(screen, Qt.Key.Key_Escape)
    assert not screen.show_page("no-such-page")


def test_screenshot_of_a_guidance_page(screen: InfoScreen, tmp_path: Path) -> None:
    keep = os.environ.get("NIGHTSTRETCH_SCREENSHOTS")
    folder = Path(keep) if keep else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    screen.show_page("see-doctor")
    assert screen.grab().save(str(folder / "guidance-night.png"))
