"""The history screen with a month of diary: marks, counts, the doctor notice, edits, exports."""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from stretch_app import paths
from stretch_app.core.clock import FakeClock
from stretch_app.core.doctor import load_doctor_rules
from stretch_app.core.journal import EpisodeDetails, Journal
from stretch_app.core.report import read_csv
from stretch_app.core.safety import load_safety_guide
from stretch_app.ui.app import NightstretchApp
from stretch_app.ui.i18n import install_translator
from stretch_app.ui.screens.episode_dialog import EpisodeDialog
from stretch_app.ui.screens.history import HistoryScreen
from stretch_app.ui.screens.info import InfoScreen
from stretch_app.ui.screens.medicines import MedicinesScreen
from stretch_app.ui.theme import NIGHT, apply_look
from stretch_app.ui.widgets.ask import ConfirmDialog, SaveFileDialog
from tests.sample_diary import NOW, TZ, fill_march, local


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Journal]:
    with Journal.open(tmp_path / "journal.sqlite3") as opened:
        fill_march(opened)
        opened.add_medicine("Lyrica 75 mg")
        opened.add_medicine("Paracetamol")
        yield opened


@pytest.fixture
def screen(qapp: QApplication, qtbot: QtBot, journal: Journal) -> HistoryScreen:
    apply_look(qapp, NIGHT)
    history = HistoryScreen(
        journal,
        load_safety_guide(paths.guidance_path()),
        load_doctor_rules(paths.assets_dir() / "guidance" / "doctor_rules.toml"),
        tz=TZ,
        now=lambda: NOW,
        helped_choices={"calf-stretch": "Calf stretch", "flex-foot": "Flex your foot"},
    )
    qtbot.addWidget(history)
    history.resize(1280, 900)
    history.show()
    qtbot.waitExposed(history)
    return history


def save_to(monkeypatch: pytest.MonkeyPatch, target: Path) -> list[str]:
    asked: list[str] = []

    def fake_ask(cls: object, parent: object, caption: str, suggested: Path, _: str) -> Path:
        asked.append(f"{caption}: {suggested.name}")
        return target

    monkeypatch.setattr(SaveFileDialog, "ask", classmethod(fake_ask))
    return asked


def test_the_month_shows_nights_counts_and_the_streak(screen: HistoryScreen) -> None:
    assert screen.month_label.text() == "March 2026"
    nights = {n.date.day: n for n in screen.log.month(2026, 3)}
    assert nights[2].routine == "done" and nights[3].routine is None
    assert nights[11].routine == "partial"
    selected = screen.calendar.selected
    assert selected is not None and selected.date == date(2026, 3, 27)  # tonight
    assert screen.streak_label.text() == "Stretches 2 nights in a row"  # 25th, 26th; 24th partial
    assert "17 nights" in screen.with_label.text()
    assert "9 nights" in screen.without_label.text()
    assert screen.episode_list.count() == len(screen.journal.episodes())
    assert not screen.next_button.isEnabled()  # no future months


def test_the_doctor_notice_shows_the_woken_nights(screen: HistoryScreen) -> None:
    assert screen.notice.isVisible()
    assert [f.rule_id for f in screen.notice.findings] == ["woken-often"]
    assert "Cramps woke you on" in screen.notice.findings_label.text()
    screen.show_month(2026, 2)  # nothing recorded in February: no notice
    assert screen.notice.isHidden()
    assert screen.episode_list.count() == 0
    assert not screen.edit_button.isEnabled()


def test_arrow_keys_move_through_the_nights(screen: HistoryScreen, qtbot: QtBot) -> None:
    screen.calendar.setFocus()
    qtbot.keyClick(screen.calendar, Qt.Key.Key_Up)
    qtbot.keyClick(screen.calendar, Qt.Key.Key_Left)
    assert screen.night_label.text().startswith("Thursday 19 March, stretches done, 1 cramp")
    assert "woke you" in screen.calendar.accessibleDescription()
    qtbot.keyClick(screen, Qt.Key.Key_PageUp)
    assert screen.month_label.text() == "February 2026"


def test_a_cramp_added_by_hand_shows_and_can_set_off_a_rule(
    screen: HistoryScreen, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    entered = EpisodeDetails(
        local(2026, 3, 26, 2, 40),
        duration_s=720.0,
        leg="left",
        muscle="calf",
        pain=9,
        woke_me=True,
        swelling_numbness_skin=False,
        elsewhere_in_body=True,
        note="",
    )
    monkeypatch.setattr(EpisodeDialog, "ask", classmethod(lambda *a, **k: entered))
    before = screen.episode_list.count()
    with qtbot.waitSignal(screen.changed):
        qtbot.mouseClick(screen.add_button, Qt.MouseButton.LeftButton)
    assert screen.episode_list.count() == before + 1
    assert "Wed 25 Mar · 02:40 · 12 min · left calf · pain 9/10 · woke you" in [
        screen.episode_list.item(i).text() for i in range(screen.episode_list.count())
    ]
    ids = [f.rule_id for f in screen.notice.findings]
    assert ids[0] == "longer-than-10-minutes"
    assert "elsewhere-in-body" in ids


def test_editing_and_deleting_the_chosen_cramp(
    screen: HistoryScreen, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    last = screen.journal.episodes()[-1]
    edited = replace(last, note="ice helped")
    monkeypatch.setattr(EpisodeDialog, "ask", classmethod(lambda *a, **k: edited))
    screen.episode_list.setCurrentRow(screen.episode_list.count() - 1)
    qtbot.mouseClick(screen.edit_button, Qt.MouseButton.LeftButton)
    assert screen.journal.episodes()[-1].note == "ice helped"
    monkeypatch.setattr(ConfirmDialog, "ask", classmethod(lambda *a: False))
    qtbot.mouseClick(screen.delete_button, Qt.MouseButton.LeftButton)
    assert screen.journal.episodes()[-1].id == last.id  # said no: kept
    monkeypatch.setattr(ConfirmDialog, "ask", classmethod(lambda *a: True))
    screen.episode_list.setFocus()
    qtbot.keyClick(screen.episode_list, Qt.Key.Key_Delete)
    assert last.id not in [e.id for e in screen.journal.episodes()]
    assert screen.message_label.text() == "Cramp deleted."


def test_the_episode_dialog_keeps_every_field(qtbot: QtBot, journal: Journal) -> None:
    episode = journal.episodes()[0]
    dialog = EpisodeDialog(episode, tz=TZ, helped_choices={"flex-foot": "Flex your foot"})
    qtbot.addWidget(dialog)
    dialog.pain_edit.setValue(6)
    dialog.woke_box.setChecked(True)
    dialog.note_edit.setPlainText("after a long walk")
    details = dialog.details()
    assert details.started_at == episode.started_at.replace(second=0, microsecond=0)
    assert details.duration_s == episode.duration_s
    assert (details.leg, details.muscle) == (episode.leg, episode.muscle)
    assert (details.pain, details.woke_me) == (6, True)
    assert details.helped == episode.helped
    assert details.note == "after a long walk"
    assert (details.source, details.emergency) == (episode.source, episode.emergency)  # unshown
    journal.update_episode(episode.id, lambda _: details)


def test_the_pdf_lists_the_episodes(
    screen: HistoryScreen, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    target = tmp_path / "report.pdf"
    asked = save_to(monkeypatch, target)
    assert screen.export_pdf() == target
    assert asked == ["Export PDF: nightstretch-2026-03.pdf"]
    info = subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True, check=False)
    assert "Pages:           1" in info.stdout
    text = subprocess.run(
        [pdftotext, "-layout", str(target), "-"], capture_output=True, text=True, check=True
    ).stdout
    episodes = screen.journal.episodes()
    assert f"Cramps ({len(episodes)})" in text
    lines = text.splitlines()
    for episode in episodes:
        local_time = episode.started_at.astimezone(TZ)
        night = local_time.date() - timedelta(days=1 if local_time.hour < 12 else 0)
        row = [line for line in lines if f"{local_time:%H:%M}" in line]
        assert row and str(night.day) in row[0], (episode, row)
    assert "Lyrica 75 mg — worth mentioning to your doctor" in " ".join(text.split())
    assert "Cramps woke you on" in text
    assert "not medical advice" in text
    assert "stop taking" not in text.lower()


@pytest.fixture
def german_screen(qapp: QApplication, qtbot: QtBot, journal: Journal) -> Iterator[HistoryScreen]:
    """The history screen with the German translation, guidance and doctor rules in force."""
    translation = install_translator(qapp, "de")
    assert translation.loaded
    apply_look(qapp, NIGHT)
    history = HistoryScreen(
        journal,
        load_safety_guide(paths.guidance_path("de")),
        load_doctor_rules(paths.doctor_rules_path("de")),
        tz=TZ,
        now=lambda: NOW,
        helped_choices={"calf-stretch": "Wadendehnung", "flex-foot": "Fuß anziehen"},
    )
    qtbot.addWidget(history)
    yield history
    translation.remove()


def test_the_pdf_in_german_has_german_headings_and_dates(
    german_screen: HistoryScreen, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    target = tmp_path / "bericht.pdf"
    save_to(monkeypatch, target)
    assert german_screen.export_pdf() == target
    text = subprocess.run(
        [pdftotext, "-layout", str(target), "-"], capture_output=True, text=True, check=True
    ).stdout
    words = " ".join(text.split())
    episodes = german_screen.journal.episodes()
    for german in (
        "Nächtliche Beinkrämpfe: Tagebuch für meine Arztpraxis",
        "Dehnen vor dem Schlafen",
        f"Krämpfe ({len(episodes)})",
        "Medikamente, die ich nehme",
        "Anzeichen, über die wir sprechen sollten",
        "Lyrica 75 mg — beim Arztbesuch ansprechen",
        "Krämpfe haben Sie zwischen",  # the finding, from doctor_rules.de.toml
        "ersetzt keinen ärztlichen Rat",  # the disclaimer, from guidance.de.toml
    ):
        assert german in words, german
    assert "Nächte von So. 1 März 2026 bis Di. 31 März 2026" in words
    assert "Erstellt am" in words
    for english in (
        "diary for my doctor",
        "Bedtime stretches",
        "Cramps (",
        "Medicines I take",
        "Signs worth talking about",
        "worth mentioning",
        "Cramps woke you",
        "not medical advice",
    ):
        assert english not in words, english
    # Dates and months in German only: no English day or month abbreviation anywhere.
    assert re.search(r"\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun|Mar|Apr)\b", text) is None
    assert "März" in text


def test_the_csv_export_reads_back(
    screen: HistoryScreen, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    target = tmp_path / "report.csv"
    save_to(monkeypatch, target)
    assert screen.export_csv() == target
    report = read_csv(target.read_text(encoding="utf-8"))
    assert report == screen.report()
    assert report.episodes == tuple(screen.journal.episodes())
    rows = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert ["[episodes]"] in rows
    assert screen.message_label.text() == f"Saved {target}"


def test_a_cancelled_export_writes_nothing(
    screen: HistoryScreen, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(SaveFileDialog, "ask", classmethod(lambda *a: None))
    assert screen.export_pdf() is None
    assert list(tmp_path.glob("*.pdf")) == []


def test_screenshot_with_a_month_of_diary(screen: HistoryScreen, tmp_path: Path) -> None:
    keep = os.environ.get("NIGHTSTRETCH_SCREENSHOTS")
    folder = Path(keep) if keep else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    screen.resize(1280, 1100)  # the whole screen, without scrolling
    path = folder / "history-night.png"
    assert screen.grab().save(str(path))
    image = QImage(str(path)).scaled(64, 40)
    brightness = sum(image.pixelColor(x, y).lightnessF() for x in range(64) for y in range(40))
    assert brightness / (64 * 40) < 0.3  # the night look stays dark


# --- inside the whole app -------------------------------------------------------------------


def make_app(qapp: QApplication, qtbot: QtBot, journal_file: Path | None = None) -> NightstretchApp:
    nightstretch = NightstretchApp(
        qapp, clock=FakeClock(), voice_engine="mock", journal_file=journal_file
    )
    qtbot.addWidget(nightstretch.window)
    nightstretch.show()
    qtbot.waitExposed(nightstretch.window)
    return nightstretch


def test_home_history_medicines_guidance_and_back(qapp: QApplication, qtbot: QtBot) -> None:
    nightstretch = make_app(qapp, qtbot)
    window = nightstretch.window
    try:
        qtbot.mouseClick(window.home.history_button, Qt.MouseButton.LeftButton)
        history = window.current_screen()
        assert isinstance(history, HistoryScreen)
        assert window.windowTitle().startswith("History")
        assert history.episode_list.count() == 0
        qtbot.mouseClick(history.medicines_button, Qt.MouseButton.LeftButton)
        medicines = window.current_screen()
        assert isinstance(medicines, MedicinesScreen)
        medicines.name_edit.setText("Celebrex")
        medicines.add_from_field()
        window.activateWindow()
        qtbot.waitUntil(lambda: qapp.activeWindow() is window)
        medicines.name_edit.setFocus()
        qtbot.keyClick(medicines.name_edit, Qt.Key.Key_Escape)
        assert window.current_screen() is history
        assert [m.name for m in history.report().medicines] == ["Celebrex"]
        qtbot.mouseClick(history.guidance_button, Qt.MouseButton.LeftButton)
        info = window.current_screen()
        assert isinstance(info, InfoScreen)
        qtbot.mouseClick(info.back_button, Qt.MouseButton.LeftButton)
        assert window.current_screen() is history
        qtbot.mouseClick(history.back_button, Qt.MouseButton.LeftButton)
        assert window.current_screen() is window.home
        qtbot.mouseClick(window.home.guidance_button, Qt.MouseButton.LeftButton)
        guidance = window.current_screen()
        assert isinstance(guidance, InfoScreen)
        with qtbot.waitSignal(guidance.back_requested):
            qtbot.keyClick(guidance, Qt.Key.Key_Escape)
        assert window.current_screen() is window.home
        assert window.home.history_button.accessibleName() == "History"
    finally:
        nightstretch.shutdown()


def test_a_damaged_journal_is_set_aside_and_the_app_says_so(
    qapp: QApplication, qtbot: QtBot, tmp_path: Path
) -> None:
    damaged = tmp_path / "journal.sqlite3"
    damaged.write_bytes(b"this is not a database, it is a shopping list" * 100)
    nightstretch = make_app(qapp, qtbot, damaged)
    try:
        notice = nightstretch.window.home.notice_label
        assert notice.isVisible()
        assert "damaged" in notice.text()
        assert nightstretch.journal is not None
        kept = nightstretch.journal.recovered_from
        assert kept is not None and str(kept) in notice.text()
        assert kept.read_bytes().startswith(b"this is not a database")
        history = nightstretch.open_history()
        assert history is not None and history.episode_list.count() == 0
    finally:
        nightstretch.shutdown()


def test_without_a_journal_history_is_a_message(
    qapp: QApplication, qtbot: QtBot, tmp_path: Path
) -> None:
    folder = tmp_path / "journal.sqlite3"
    folder.mkdir()  # a folder where the file should be: the journal cannot open
    nightstretch = make_app(qapp, qtbot, folder)
    try:
        assert nightstretch.journal is None
        qtbot.mouseClick(nightstretch.window.home.history_button, Qt.MouseButton.LeftButton)
        assert nightstretch.window.current_screen() is nightstretch.window.home
        assert "no history to show" in nightstretch.window.home.notice_label.text()
        assert nightstretch.open_medicines() is None
    finally:
        nightstretch.shutdown()
