"""The layout audit: every screen and state fits every screen size, text size, language and look.

For each screen size (its own offscreen platform, so its own interpreter) the worker in
``tests/ui/helpers/layout_worker.py`` builds the app at normal and largest text, in English and
German, in the night look and high contrast; walks the home screen, the player in each phase,
the finish screen, every relief page, history, adding and editing a cramp, medicines,
guidance, settings and the reminders dialog; and reports every label whose words do not fit,
every control off its window (or, in the player and relief, reachable only by scrolling) and
every window outside the screen.

``NIGHTSTRETCH_CONTACT_SHEET=DIR`` also writes one contact sheet a screen size into DIR (the
ones in docs/screenshots were made so).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from stretch_app.core.window_sizes import read_window_size
from stretch_app.ui.screens.main_window import DEFAULT_SIZE, MainWindow, screen_key
from stretch_app.ui.widgets.buttons import ButtonRow
from stretch_app.ui.widgets.labels import NameLabel
from stretch_app.ui.widgets.wrap_check import WrapCheckBox
from tests.conftest import REPO

SCREENS = {
    "1024x600": (1024, 600, 1),
    "1280x720": (1280, 720, 1),
    "1366x768": (1366, 768, 1),
    "1920x1080@2": (1920, 1080, 2),
}
SHEETS = os.environ.get("NIGHTSTRETCH_CONTACT_SHEET")


def _summary(faults: list[dict[str, str]], limit: int = 60) -> str:
    """The faults grouped by state and fault, each with the cells it happened in."""
    grouped: dict[tuple[str, str], list[str]] = defaultdict(list)
    for row in faults:
        grouped[(row["state"], row["fault"])].append(row["cell"])
    lines = [f"{state}: {fault}  [{', '.join(cells)}]" for (state, fault), cells in grouped.items()]
    more = f"\n… and {len(lines) - limit} more" if len(lines) > limit else ""
    return "\n".join(lines[:limit]) + more


@pytest.mark.parametrize("screen", list(SCREENS))
def test_every_screen_fits(screen: str, tmp_path: Path) -> None:
    width, height, ratio = SCREENS[screen]
    config = tmp_path / "screen.json"
    config.write_text(
        json.dumps(
            {
                "screens": [
                    {
                        "name": screen,
                        "x": 0,
                        "y": 0,
                        "width": width,
                        "height": height,
                        "logicalDpi": 96,
                        "logicalBaseDpi": 96,
                        "dpr": ratio,
                    }
                ]
            }
        )
    )
    out = tmp_path / "faults.json"
    command = [sys.executable, "-m", "tests.ui.helpers.layout_worker", str(out)]
    if SHEETS:
        command.append(str(Path(SHEETS) / f"contact-sheet-{screen.replace('@', '-dpr')}.png"))
    result = subprocess.run(
        command,
        cwd=REPO,
        env={**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    report = json.loads(out.read_text("utf-8"))
    assert report["screen"] == f"{width}x{height}@{ratio}"
    assert report["faults"] == [], f"{len(report['faults'])} faults:\n" + _summary(report["faults"])


# --- the window, long names and rows of buttons, in this process's 800×600 offscreen screen ---


def _frame_on_screen(window: QWidget) -> bool:
    return window.screen().availableGeometry().contains(window.frameGeometry())


def test_the_window_opens_no_larger_than_the_screen(qtbot: QtBot, tmp_path: Path) -> None:
    window = MainWindow(sizes_file=tmp_path / "window.json")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    available = window.screen().availableGeometry()
    assert available.width() < DEFAULT_SIZE[0]  # the default would not fit here
    assert _frame_on_screen(window), (window.frameGeometry(), available)


def test_the_window_remembers_its_size_per_screen(qtbot: QtBot, tmp_path: Path) -> None:
    sizes = tmp_path / "window.json"
    first = MainWindow(sizes_file=sizes)
    qtbot.addWidget(first)
    first.show()
    opened = first.size().toTuple()
    first.resize(opened[0] - 40, opened[1] - 30)
    chosen = first.size().toTuple()
    assert chosen != opened
    first.close()
    again = MainWindow(sizes_file=sizes)
    qtbot.addWidget(again)
    assert again.size().toTuple() == chosen
    # A size kept for another screen is not used on this one.
    stored = json.loads(sizes.read_text("utf-8"))
    stored["sizes"] = {"another-screen 3840x2160": [3000, 2000]}
    sizes.write_text(json.dumps(stored), "utf-8")
    other = MainWindow(sizes_file=sizes)
    qtbot.addWidget(other)
    assert other.size().toTuple() != (3000, 2000)
    assert other.width() <= other.screen().availableGeometry().width()


@pytest.mark.parametrize(
    "content",
    [b"\x00\xff not json", b"{", b"[]", b'{"sizes": []}', b'{"sizes": {"x": [-5, 1e9]}}'],
    ids=["binary", "cut", "list", "sizes-list", "nonsense-size"],
)
def test_a_broken_size_file_never_stops_start_up(
    qtbot: QtBot, tmp_path: Path, content: bytes
) -> None:
    sizes = tmp_path / "window.json"
    sizes.write_bytes(content)
    window = MainWindow(sizes_file=sizes)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert _frame_on_screen(window)
    window.resize(window.width() - 20, window.height() - 20)
    window.close()  # and the broken file is replaced by a good one
    assert read_window_size(sizes, screen_key(window.screen())) == window.size().toTuple()


def test_a_long_name_shortens_with_the_whole_name_in_its_tooltip(qtbot: QtBot) -> None:
    name = "Abendprogramm" * 6 + "Xx"
    label = NameLabel(name, "title")
    qtbot.addWidget(label)
    label.resize(300, 200)
    label.show()
    qtbot.waitExposed(label)
    assert label.minimumSizeHint().width() < 300
    assert label.text().endswith("…") and len(label.text()) < len(name)
    assert label.toolTip() == name and label.accessibleName() == name
    assert label.fontMetrics().horizontalAdvance(label.text()) <= label.contentsRect().width()
    label.set_name("Bedtime leg stretches")  # a name that wraps between words is left whole
    assert label.text() == "Bedtime leg stretches" and label.toolTip() == ""


def test_a_row_of_buttons_takes_two_rows_rather_than_widening(qtbot: QtBot) -> None:
    buttons = [QPushButton(f"A rather long button {n}") for n in range(5)]
    row = ButtonRow(buttons)
    qtbot.addWidget(row)
    one_row = row.sizeHint().width()
    row.resize(one_row, 100)
    row.show()
    qtbot.waitExposed(row)
    assert row.columns == 5
    row.resize(one_row // 2, 200)
    qtbot.waitUntil(lambda: row.columns < 5)
    assert row.minimumSizeHint().width() < one_row // 2
    assert all(button.y() > 0 for button in buttons[row.columns :])  # the rest below


def test_a_long_tick_box_wraps_rather_than_widening(qtbot: QtBot) -> None:
    text = "Keep running in the tray when the window is closed, " * 3
    box = WrapCheckBox(text.strip())
    qtbot.addWidget(box)
    one_line = QCheckBox(text.strip()).sizeHint().width()
    assert box.minimumSizeHint().width() < one_line // 4  # as narrow as its longest word
    assert box.heightForWidth(one_line // 4) > 2 * box.heightForWidth(one_line)
    box.resize(one_line // 3, box.heightForWidth(one_line // 3))
    box.show()
    qtbot.waitExposed(box)
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)  # still a tick box to the mouse
    assert box.isChecked()
