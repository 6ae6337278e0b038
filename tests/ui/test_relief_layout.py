"""Every page of cramp relief fits a small laptop window, in English and in German.

A page that needs more room than the window has either makes the window grow past the
screen or gets squeezed until its controls lie on top of each other (the pain buttons under
the note field, once). For each page, at 1100×720 and 1280×800: the window keeps its size, the
relief screen asks for no more, nothing is squeezed below its minimum, no text is cut, and no
two visible controls overlap.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from stretch_app import paths
from stretch_app.core.clock import FakeClock
from stretch_app.ui.app import NightstretchApp
from stretch_app.ui.screens.relief import ReliefScreen
from stretch_app.ui.widgets.buttons import BigButton
from tests.conftest import REPO
from tests.ui.helpers.screens import controls

SHOTS = os.environ.get("NIGHTSTRETCH_SCREENSHOTS")
SIZES = [(1100, 720), (1280, 800)]
HUGE = 64
"""The least height of a relief answer (the pain scale's buttons are the smallest)."""


def _relief_pages(relief: ReliefScreen, clock: FakeClock) -> Iterator[str]:
    """Turn to each page in the order a person meets them; yields the page's name."""
    yield "choose"
    relief.choose("calf")
    yield "step"
    clock.advance(10 * 60 + 1)
    relief.tick()
    assert relief.emergency_banner.isVisible()
    yield "emergency"
    relief.eased()
    assert relief.page == "details"
    yield "form"
    relief.form.save()
    assert relief.page == "tips"
    yield "tips"


def _rect_in(window: QWidget, widget: QWidget) -> QRect:
    return QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())


def _layout_faults(window: QWidget, relief: ReliefScreen) -> list[str]:
    """What is wrong with the relief screen as laid out now (nothing, when it fits)."""
    faults = []
    height = window.height()
    if relief.minimumSizeHint().height() > height:
        faults.append(f"relief asks for {relief.minimumSizeHint().height()} px")
    page = relief.pages.currentWidget()
    assert page is not None
    if page.height() < page.minimumSizeHint().height():
        faults.append(f"page squeezed to {page.height()} < {page.minimumSizeHint().height()}")
    for label in relief.findChildren(QLabel):
        if label.isVisible() and label.wordWrap():
            needed = label.heightForWidth(label.width())
            if label.height() < needed:
                faults.append(f"text cut: {label.text()[:40]!r} {label.height()} < {needed}")
    found = controls(relief)
    rects = [_rect_in(window, control) for control in found]
    for control, rect in zip(found, rects, strict=True):
        name = control.accessibleName() or type(control).__name__
        if not window.rect().contains(rect):
            faults.append(f"{name} outside the window: {rect}")
        if control.height() < control.minimumSizeHint().height():
            faults.append(f"{name} squeezed to {control.height()} px")
        is_answer = isinstance(control, BigButton) and control.property("relief")
        if is_answer and control.height() < HUGE:
            faults.append(f"{name} only {control.height()} px tall")
    for first in range(len(found)):
        for second in range(first + 1, len(found)):
            if rects[first].intersects(rects[second]):
                names = (found[first].accessibleName(), found[second].accessibleName())
                faults.append(f"overlap: {names}")
    return faults


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize("language", ["en", "de"])
def test_every_relief_page_fits_without_overlap(
    qapp: QApplication, qtbot: QtBot, language: str, size: tuple[int, int]
) -> None:
    settings = paths.settings_path()
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text(f'schema_version = 1\nlanguage = "{language}"\nlook = "night"\n')
    clock = FakeClock()
    app = NightstretchApp(qapp, clock=clock, voice_engine="mock")
    try:
        qtbot.addWidget(app.window)
        app.window.resize(*size)
        app.show()
        qtbot.waitExposed(app.window)
        assert app.language == language
        relief = app.cramp_now()
        assert relief is not None
        seen = []
        faults: dict[str, list[str]] = {}
        for page in _relief_pages(relief, clock):
            QApplication.processEvents()  # let the layouts catch up with the new page
            seen.append(page)
            if app.window.size().toTuple() != size:
                faults[page] = [f"the window grew to {app.window.size().toTuple()}"]
                app.window.resize(*size)
                QApplication.processEvents()
            if found := _layout_faults(app.window, relief):
                faults.setdefault(page, []).extend(found)
            if SHOTS:
                name = f"relief-layout-{page}-{language}-{size[0]}x{size[1]}.png"
                app.window.grab().save(str(Path(SHOTS) / name))
        assert seen == ["choose", "step", "emergency", "form", "tips"]
        assert faults == {}
        app.show_home()
    finally:
        app.shutdown()


def test_after_the_cramp_the_emergency_notice_stays_whole(qapp: QApplication, qtbot: QtBot) -> None:
    clock = FakeClock()
    app = NightstretchApp(qapp, clock=clock, voice_engine="mock")
    try:
        qtbot.addWidget(app.window)
        app.window.resize(1100, 720)
        app.show()
        qtbot.waitExposed(app.window)
        relief = app.cramp_now()
        assert relief is not None
        banner = relief.emergency_banner
        clock.advance(10 * 60 + 1)
        relief.tick()
        assert banner.state == "urgent"
        relief.eased()
        QApplication.processEvents()
        # Not shrunk to a line beside "Glad it is easing": the lead and every sign stay.
        assert relief.page == "details"
        assert banner.isVisible() and banner.state == "urgent"
        assert banner.lead_label.isVisible()
        assert all(label.isVisible() for label in banner.sign_labels)
        assert _layout_faults(app.window, relief) == []
        # Screen readers get the whole notice, every sign in full.
        assert banner.lead_label.text() in banner.accessibleDescription()
        for sign in app.safety_guide().emergency.signs:
            assert sign in banner.accessibleDescription()
    finally:
        app.shutdown()


@pytest.mark.parametrize("language", ["en", "de"])
def test_an_emergency_in_the_same_moment_as_the_autostart_keeps_the_window(
    qapp: QApplication, qtbot: QtBot, language: str
) -> None:
    """The machine slept through the question: calf relief and the emergency come at once.

    The notice must wait until the step page is in front, or the taller question page makes
    the window grow for it (seen under Xvfb: 720 px became 820).
    """
    settings = paths.settings_path()
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text(f'schema_version = 1\nlanguage = "{language}"\nlook = "night"\n')
    clock = FakeClock()
    app = NightstretchApp(qapp, clock=clock, voice_engine="mock")
    try:
        qtbot.addWidget(app.window)
        app.window.resize(1100, 720)
        app.show()
        qtbot.waitExposed(app.window)
        relief = app.cramp_now()
        assert relief is not None
        QApplication.processEvents()
        # Make the question page taller than the step page, as larger fonts do.
        relief.choose_page.question_label.setMinimumHeight(app.window.height() - 300)
        clock.advance(10 * 60 + 1)
        relief.tick()
        assert relief.page == "step"
        assert relief.emergency_banner.isVisible()
        assert app.window.size().toTuple() == (1100, 720)
        assert _layout_faults(app.window, relief) == []
    finally:
        app.shutdown()


def test_on_a_netbook_at_the_largest_text_relief_keeps_its_signs_and_whole_buttons(
    tmp_path: Path,
) -> None:
    """1024×600 at the largest text, English and German, every relief page.

    The window stays on the screen, the four emergency signs are shown inside it (scrolling in
    their own panel if they must), at 10 minutes and after the full notice's lead is in view
    and at 10 minutes every sign begins in view (the step's name and ring give way for them,
    seen once: only the lead showed), and no button is shorter than its words: the
    German muscle names take two lines ("Oberschenkel / hinten"), once cut in half.
    """
    config = tmp_path / "screen.json"
    screen = {"name": "netbook", "x": 0, "y": 0, "width": 1024, "height": 600}
    screen |= {"logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
    config.write_text(json.dumps({"screens": [screen]}), "utf-8")
    out = tmp_path / "faults.json"
    result = subprocess.run(
        [sys.executable, "-m", "tests.ui.helpers.relief_worker", str(out)],
        cwd=REPO,
        env={**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    assert json.loads(out.read_text("utf-8")) == []
