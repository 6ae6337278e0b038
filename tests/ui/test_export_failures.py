"""Exports that cannot be written say so, plainly; they never say "Saved" over a broken file.

The full disk is real: a 64 KiB tmpfs mounted for the test (root only; skipped elsewhere), and
``/dev/full``, which fails every write with "No space left on device".
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from stretch_app import paths
from stretch_app.core.doctor import load_doctor_rules
from stretch_app.core.journal import Journal, JournalError
from stretch_app.core.safety import load_safety_guide
from stretch_app.ui.screens.history import HistoryScreen
from stretch_app.ui.widgets.ask import SaveFileDialog
from tests.sample_diary import fill_march

TZ = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 3, 27, 22, 0, tzinfo=TZ)


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Journal]:
    with Journal.open(tmp_path / "journal.sqlite3") as opened:
        fill_march(opened)
        yield opened


@pytest.fixture
def screen(qapp: QApplication, qtbot: QtBot, journal: Journal) -> HistoryScreen:
    history = HistoryScreen(
        journal,
        load_safety_guide(paths.guidance_path()),
        load_doctor_rules(paths.doctor_rules_path()),
        tz=TZ,
        now=lambda: NOW,
    )
    qtbot.addWidget(history)
    return history


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 64 KiB file system, so a full disk is a full disk."""
    folder = tmp_path / "tiny"
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(folder)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip("cannot mount a small tmpfs here (needs root)")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def fill(folder: Path) -> None:
    """Write zeros until the file system has no room left."""
    with (folder / "filler").open("wb", buffering=0) as filler:
        try:
            while True:
                filler.write(b"\0" * 4096)
        except OSError:
            pass


def save_to(monkeypatch: pytest.MonkeyPatch, target: Path) -> None:
    monkeypatch.setattr(SaveFileDialog, "ask", classmethod(lambda *_: target))


@pytest.mark.parametrize("kind", ["pdf", "csv"])
def test_an_export_to_dev_full_is_not_saved_and_says_why(
    screen: HistoryScreen, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    save_to(monkeypatch, Path("/dev/full"))
    export = screen.export_pdf if kind == "pdf" else screen.export_csv
    assert export() is None
    message = screen.message_label.text()
    assert "could not be saved" in message and "device" in message
    assert not message.startswith("Saved")
    assert Path("/dev/full").is_char_device()  # never replaced by a file


@pytest.mark.parametrize("kind", ["pdf", "csv"])
def test_an_export_to_a_full_disk_says_the_disk_is_full_and_keeps_the_old_file(
    screen: HistoryScreen, monkeypatch: pytest.MonkeyPatch, tiny_disk: Path, kind: str
) -> None:
    target = tiny_disk / f"report.{kind}"
    target.write_bytes(b"last month's report")
    fill(tiny_disk)
    save_to(monkeypatch, target)
    export = screen.export_pdf if kind == "pdf" else screen.export_csv
    assert export() is None
    assert screen.message_label.text().endswith("could not be saved: the disk is full")
    assert target.read_bytes() == b"last month's report"  # not half a new one
    assert sorted(p.name for p in tiny_disk.iterdir()) == ["filler", f"report.{kind}"]


def test_a_pdf_export_to_a_read_only_folder_says_so(
    screen: HistoryScreen, monkeypatch: pytest.MonkeyPatch, tiny_disk: Path
) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(tiny_disk)], check=True)
    save_to(monkeypatch, tiny_disk / "report.pdf")
    assert screen.export_pdf() is None
    assert screen.message_label.text().endswith("could not be saved: the folder is read-only")


def test_a_pdf_export_with_room_is_a_whole_pdf(
    screen: HistoryScreen, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    target = tmp_path / "report.pdf"
    save_to(monkeypatch, target)
    assert screen.export_pdf() == target
    data = target.read_bytes()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    assert screen.message_label.text() == f"Saved {target}"


def test_a_journal_created_on_a_full_disk_says_the_disk_is_full(tiny_disk: Path) -> None:
    fill(tiny_disk)
    with pytest.raises(JournalError) as caught:
        Journal.open(tiny_disk / "journal.sqlite3")
    assert "the disk is full" in str(caught.value)
    assert "rollback" not in str(caught.value)


def test_a_journal_started_where_only_a_little_room_is_left_says_the_disk_is_full(
    tiny_disk: Path,
) -> None:
    (tiny_disk / "filler").write_bytes(b"\0" * 16 * 1024)  # room to begin, not to finish
    with pytest.raises(JournalError) as caught:
        Journal.open(tiny_disk / "journal.sqlite3")
    assert "the disk is full" in str(caught.value)
    assert "rollback" not in str(caught.value)


def test_a_calendar_export_to_a_full_disk_keeps_the_old_file(
    tiny_disk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from stretch_app.cli import main

    calendar = tiny_disk / "reminders.ics"
    calendar.write_bytes(b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
    fill(tiny_disk)
    assert main(["export-ics", "bedtime", "-o", str(calendar)]) == 1
    assert "cannot write" in capsys.readouterr().err
    assert calendar.read_bytes() == b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"  # whole, not torn
