"""The medicine list: add, remove, and the article's medicines flagged for the doctor."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from stretch_app import paths
from stretch_app.core.journal import Journal
from stretch_app.core.safety import load_safety_guide
from stretch_app.ui.screens.medicines import MedicinesScreen
from stretch_app.ui.theme import NIGHT, apply_look


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Journal]:
    with Journal.open(tmp_path / "journal.sqlite3") as opened:
        yield opened


@pytest.fixture
def screen(qtbot: QtBot, journal: Journal) -> MedicinesScreen:
    medicines = MedicinesScreen(journal, load_safety_guide(paths.guidance_path()))
    qtbot.addWidget(medicines)
    medicines.show()
    qtbot.waitExposed(medicines)
    return medicines


def type_and_add(qtbot: QtBot, screen: MedicinesScreen, name: str) -> None:
    screen.name_edit.setFocus()
    qtbot.keyClicks(screen.name_edit, name)
    with qtbot.waitSignal(screen.changed):
        qtbot.keyClick(screen.name_edit, Qt.Key.Key_Return)


def test_flagged_by_generic_or_brand_name_in_any_case(
    screen: MedicinesScreen, qtbot: QtBot, journal: Journal
) -> None:
    for name in ("LYRICA 75 mg", "paracetamol", "sertraline", "Ambien"):
        type_and_add(qtbot, screen, name)
    assert [m.name for m in journal.medicines()] == [
        "LYRICA 75 mg",
        "paracetamol",
        "sertraline",
        "Ambien",
    ]
    flagged = screen.flagged_rows()
    assert flagged == [
        "LYRICA 75 mg — worth mentioning to your doctor (pregabalin, used for nerve pain and"
        " seizures)",
        "sertraline — worth mentioning to your doctor (sertraline, used for depression)",
        "Ambien — worth mentioning to your doctor (zolpidem, used for sleep)",
    ]
    assert screen.medicine_list.item(1).text() == (
        "paracetamol — not on the article's list — ask your doctor or pharmacist"
    )
    assert "worth mentioning to your doctor" in screen.message_label.text()
    all_text = " ".join(screen.medicine_list.item(i).text() for i in range(4)).lower()
    assert "stop" not in all_text


def test_remove_the_chosen_medicine_with_the_delete_key(
    screen: MedicinesScreen, qtbot: QtBot, journal: Journal
) -> None:
    type_and_add(qtbot, screen, "Zoloft")
    type_and_add(qtbot, screen, "zoloft")  # the same medicine: listed once
    assert screen.medicine_list.count() == 1
    screen.medicine_list.setCurrentRow(0)
    screen.medicine_list.setFocus()
    with qtbot.waitSignal(screen.changed):
        qtbot.keyClick(screen.medicine_list, Qt.Key.Key_Delete)
    assert journal.medicines() == []
    assert not screen.remove_button.isEnabled()


def test_an_empty_name_adds_nothing(screen: MedicinesScreen, journal: Journal) -> None:
    screen.name_edit.setText("   ")
    screen.add_from_field()
    assert journal.medicines() == []


def test_statins_and_diuretics_are_flagged_and_nothing_else_looks_safe(
    screen: MedicinesScreen, qtbot: QtBot
) -> None:
    for name in ("Atorvastatin 20 mg", "Lasix 40", "Magnesium"):
        type_and_add(qtbot, screen, name)
    assert screen.flagged_rows() == [
        "Atorvastatin 20 mg — worth mentioning to your doctor (statins, used for lowering"
        " cholesterol)",
        "Lasix 40 — worth mentioning to your doctor (diuretics (water pills), used for high"
        " blood pressure, heart failure and other conditions)",
    ]
    unlisted = "not on the article's list — ask your doctor or pharmacist"
    assert screen.medicine_list.item(2).text() == f"Magnesium — {unlisted}"
    assert screen.message_label.text() == f"Added Magnesium: {unlisted}."
    assert "safe" not in screen.medicine_list.item(2).text().lower()


def test_largest_text_on_a_small_screen_cuts_no_words_off(
    qapp: QApplication, qtbot: QtBot, journal: Journal
) -> None:
    apply_look(qapp, NIGHT, 1.5)
    try:
        for name in ("Atorvastatin 20 mg", "Lasix 40", "Magnesium", "Paracetamol"):
            journal.add_medicine(name)
        screen = MedicinesScreen(journal, load_safety_guide(paths.guidance_path()))
        qtbot.addWidget(screen)
        screen.resize(1024, 600)
        screen.show()
        qtbot.waitExposed(screen)
        for label in (screen.intro_label, screen.disclaimer_label):
            needed = label.heightForWidth(label.width())
            assert label.height() >= needed, (label.text()[:30], label.height(), needed)
        assert screen.medicine_list.height() >= 160
    finally:
        apply_look(qapp, NIGHT)
