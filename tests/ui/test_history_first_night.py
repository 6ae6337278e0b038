"""History's rough edges (issue 12): plurals, the message in sight, minutes and seconds, ranges."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from stretch_app import paths
from stretch_app.core.doctor import load_doctor_rules
from stretch_app.core.journal import EpisodeDetails, Journal
from stretch_app.core.report import read_csv
from stretch_app.core.safety import load_safety_guide
from stretch_app.ui.i18n import install_translator
from stretch_app.ui.screens.episode_dialog import EpisodeDialog
from stretch_app.ui.screens.history import HistoryScreen
from stretch_app.ui.theme import NIGHT, apply_look
from stretch_app.ui.widgets.ask import SaveFileDialog
from tests.sample_diary import NOW, TZ, fill_march, local


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Journal]:
    with Journal.open(tmp_path / "journal.sqlite3") as opened:
        yield opened


def history(qtbot: QtBot, journal: Journal, size: tuple[int, int] = (1280, 900)) -> HistoryScreen:
    apply_look(QApplication.instance(), NIGHT)  # type: ignore[arg-type]
    screen = HistoryScreen(
        journal,
        load_safety_guide(paths.guidance_path()),
        load_doctor_rules(paths.assets_dir() / "guidance" / "doctor_rules.toml"),
        tz=TZ,
        now=lambda: NOW,
    )
    qtbot.addWidget(screen)
    screen.resize(*size)
    screen.show()
    qtbot.waitExposed(screen)
    return screen


def one_night_one_cramp(journal: Journal) -> None:
    evening = local(2026, 3, 20, 21, 30)
    journal.record_session(
        "bedtime", evening, evening + timedelta(minutes=5), completed=True, holds_done=7,
        last_step_index=3,
    )  # fmt: skip
    journal.add_episode(EpisodeDetails(evening + timedelta(hours=5), duration_s=90.0))


def test_one_night_and_one_cramp_are_singular_in_english(qtbot: QtBot, journal: Journal) -> None:
    one_night_one_cramp(journal)
    screen = history(qtbot, journal)
    assert "1 night · 1 cramp\n" in screen.with_label.text()
    assert "nights" not in screen.with_label.text().split("\n")[1]


def test_plurals_in_german(qapp: QApplication, qtbot: QtBot, journal: Journal) -> None:
    one_night_one_cramp(journal)
    translation = install_translator(qapp, "de")
    try:
        screen = history(qtbot, journal)
        assert "1 Nacht · 1 Krampf\n" in screen.with_label.text()
        assert "Krämpfe" not in screen.with_label.text().split("\n")[1]
    finally:
        translation.remove()


def test_the_export_message_shows_where_the_person_is_looking(
    qtbot: QtBot, journal: Journal, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    fill_march(journal)
    screen = history(qtbot, journal, (1024, 600))
    bar = screen.page_scroll.verticalScrollBar()
    bar.setValue(bar.maximum())  # down at the export buttons
    target = tmp_path / "march.csv"
    monkeypatch.setattr(SaveFileDialog, "ask", classmethod(lambda *a: target))
    qtbot.mouseClick(screen.csv_button, Qt.MouseButton.LeftButton)
    label = screen.message_label
    assert label.text() == f"Saved {target}"
    viewport = screen.page_scroll.viewport()

    def in_view() -> bool:
        top = label.mapTo(viewport, QPoint(0, 0)).y()
        return label.isVisible() and top >= 0 and top + label.height() <= viewport.height()

    qtbot.waitUntil(in_view)


def test_the_cramp_dialog_takes_minutes_and_seconds_with_large_buttons(
    qtbot: QtBot, journal: Journal
) -> None:
    dialog = EpisodeDialog(None, now=NOW, tz=TZ)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.minutes_edit.setValue(2)
    for _ in range(3):
        qtbot.mouseClick(dialog.seconds_edit.more_button, Qt.MouseButton.LeftButton)
    assert dialog.details().duration_s == 2 * 60 + 15
    for button in (dialog.seconds_edit.more_button, dialog.pain_edit.less_button):
        assert button.width() >= 48 and button.height() >= 48
    qtbot.mouseClick(dialog.pain_edit.more_button, Qt.MouseButton.LeftButton)
    assert dialog.details().pain == 0


def test_the_exports_cover_the_nights_chosen(
    qtbot: QtBot, journal: Journal, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    fill_march(journal)
    april = local(2026, 4, 2, 3, 0)
    journal.add_episode(EpisodeDetails(april, duration_s=60.0))
    screen = history(qtbot, journal)
    assert screen.range.period() == (date(2026, 3, 1), date(2026, 3, 31))  # the month shown
    screen.range.set_period(date(2026, 3, 20), date(2026, 4, 5))
    asked: list[str] = []
    target = tmp_path / "range.csv"

    def choose(cls: object, parent: object, caption: str, suggested: Path, _: str) -> Path:
        asked.append(suggested.name)
        return target

    monkeypatch.setattr(SaveFileDialog, "ask", classmethod(choose))
    assert screen.export_csv() == target
    assert asked == ["nightstretch-2026-03-20-to-2026-04-05.csv"]
    report = read_csv(target.read_text(encoding="utf-8"))
    nights = {e.started_at.astimezone(TZ).date() for e in report.episodes}
    assert april.date() in nights
    assert min(nights) >= date(2026, 3, 20)
    assert screen.export_pdf() == target  # the PDF takes the same range


def test_the_app_installs_english_plural_forms() -> None:
    """In a fresh process (the tests' own English catalogue is not there): "1 night"."""
    from tests.ui.helpers.probe import run_probe

    words = run_probe(
        "import json\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from stretch_app.ui.i18n import install_translator\n"
        "app = QApplication([])\n"
        "install_translator(app, 'en')\n"
        "tr = QCoreApplication.translate\n"
        "print(json.dumps([tr('HistoryScreen', '%n night(s)', '', n) for n in (1, 2)]))\n"
    )
    assert words == ["1 night", "2 nights"]
