"""The first window is painted before the routine models (pydantic) load."""

from __future__ import annotations

import os

from tests.ui.helpers.probe import run_probe

_PROBE = """
import json, sys
from PySide6.QtWidgets import QApplication
from stretch_app.ui.first_paint import show_first_window
qapp = QApplication(["nightstretch"])
window = show_first_window(qapp)
print(json.dumps({
    "pydantic": sorted(m for m in sys.modules if m.split(".")[0] in ("pydantic", "pydantic_core")),
    "title": window.windowTitle(),
    "cramp_button": window.home.cramp_button.isVisible(),
    "look": qapp.property("nightstretch_look"),
}))
"""


def test_first_window_needs_no_models(tmp_path: object) -> None:
    settings = os.path.join(os.environ["XDG_CONFIG_HOME"], "nightstretch", "settings.toml")
    os.makedirs(os.path.dirname(settings), exist_ok=True)
    with open(settings, "w", encoding="utf-8") as handle:
        handle.write('schema_version = 1\nlook = "day"\n')
    shown = run_probe(_PROBE)
    assert shown["pydantic"] == []
    assert shown["title"] == "Nightstretch"
    assert shown["cramp_button"] is True
    assert shown["look"] == "day"  # the person's chosen look from the very first paint


_RELIEF_PROBE = """
import json, sys
from PySide6.QtWidgets import QApplication
from stretch_app.ui.first_paint import show_first_window
qapp = QApplication(["nightstretch"])
window = show_first_window(qapp, cramp_now=True)
page = window.current_screen()
print(json.dumps({
    "pydantic": sorted(m for m in sys.modules if m.split(".")[0] in ("pydantic", "pydantic_core")),
    "title": window.windowTitle(),
    "page": type(page).__name__,
    "buttons": [b.text() for b in page.muscle_buttons.values()],
}))
"""


def test_mid_cramp_the_first_thing_painted_is_where_is_the_cramp() -> None:
    shown = run_probe(_RELIEF_PROBE)
    assert shown["pydantic"] == []
    assert "Cramp relief" in shown["title"]
    assert shown["page"] == "ChoosePage"
    assert shown["buttons"] == ["1  Calf", "2  Back of thigh", "3  Front of thigh", "4  Foot"]


def test_the_stand_in_gives_way_to_the_relief_screen(qapp: object, qtbot: object) -> None:
    from PySide6.QtWidgets import QApplication

    from stretch_app.core.clock import FakeClock
    from stretch_app.ui.app import NightstretchApp
    from stretch_app.ui.first_paint import (
        FIRST_RELIEF_PAGE,
        drop_first_relief_page,
        show_first_window,
    )
    from stretch_app.ui.screens.relief import ReliefScreen
    from stretch_app.ui.screens.relief_pages import ChoosePage

    assert isinstance(qapp, QApplication)
    window = show_first_window(qapp, cramp_now=True)
    app = NightstretchApp(qapp, clock=FakeClock(), voice_engine="mock", window=window)
    try:
        stand_in = window.stack.findChild(ChoosePage, FIRST_RELIEF_PAGE)
        assert stand_in is not None
        app.cramp_now()
        drop_first_relief_page(app.window)
        assert window.stack.indexOf(stand_in) == -1
        qtbot.waitUntil(  # type: ignore[attr-defined]
            lambda: window.stack.findChild(ChoosePage, FIRST_RELIEF_PAGE) is None
        )
        assert isinstance(window.current_screen(), ReliefScreen)
        assert "Cramp relief" in window.windowTitle()
    finally:
        app.shutdown()
        window.close()


_NO_QT_ENUMS_PROBE = """
import json, sys
from PySide6 import QtCore
from PySide6.QtWidgets import QApplication
from stretch_app.ui.first_paint import show_first_window
from stretch_app.ui.screens.main_window import MainWindow

seen = {}
build_rest = MainWindow.build_rest

def spy(self):
    # Called right after the first paint's processEvents: what had the paint needed?
    seen["qt_namespace"] = QtCore.__dict__.get("Qt") is not None
    seen["shown"] = self.isVisible() and self.home.cramp_button.isVisible()
    seen["exposed"] = self.windowHandle().isExposed()  # on screen, so painted
    heavy = {"platformdirs", "dataclasses", "tomllib", "datetime"}
    seen["modules"] = sorted(heavy & set(sys.modules))
    build_rest(self)

MainWindow.build_rest = spy
qapp = QApplication(["nightstretch"])
window = show_first_window(qapp)
home = window.home
print(json.dumps({
    **seen,
    "rest": [b.text() for b in (home.history_button, home.guidance_button, home.settings_button)],
    "quit_key": window.quit_action.shortcut().toString(),
}))
"""


def test_the_first_paint_loads_no_qt_namespace_and_the_rest_follows() -> None:
    """Qt's ``Qt`` enums cost ~20 ms to load: the first paint does without them, and the
    home screen's buttons and the window's keys are there once :func:`show_first_window`
    returns."""
    shown = run_probe(_NO_QT_ENUMS_PROBE)
    assert shown["shown"] is True
    assert shown["exposed"] is True
    assert shown["qt_namespace"] is False
    assert shown["modules"] == []  # with no settings file yet: tomllib only reads one
    assert shown["rest"] == ["History", "Guidance", "Settings"]
    assert shown["quit_key"] == "Ctrl+Q"


def _layout_of(home: object) -> list[tuple[str, str, tuple[int, int, int, int]]]:
    from PySide6.QtWidgets import QWidget

    assert isinstance(home, QWidget)
    return [
        (type(w).__name__, w.objectName() or w.accessibleName(), w.geometry().getRect())
        for w in home.findChildren(QWidget)
        if w.isVisibleTo(home)
    ]


def test_a_home_built_in_two_steps_matches_one_built_at_once(qtbot: object) -> None:
    """No jump and no difference: the header stays put and the screen ends up the same."""
    from PySide6.QtCore import Qt

    from stretch_app.ui.screens.home import HomeScreen

    whole, header_first = HomeScreen(), HomeScreen(rest_later=True)
    for home in (whole, header_first):
        qtbot.addWidget(home)  # type: ignore[attr-defined]
        home.resize(1024, 600)
        home.show()
    qtbot.waitExposed(header_first)  # type: ignore[attr-defined]
    before = header_first.cramp_button.geometry()
    header_first.build_rest()
    header_first.build_rest()  # a second call adds nothing
    qtbot.waitUntil(  # type: ignore[attr-defined]
        lambda: _layout_of(header_first) == _layout_of(whole)
    )
    assert header_first.cramp_button.geometry() == before
    assert len(_layout_of(whole)) > 10  # the cards' area, the notices, the buttons at the foot
    assert header_first.cramp_button.focusPolicy() == Qt.FocusPolicy.StrongFocus
    assert header_first.cramp_button.cursor().shape() == Qt.CursorShape.PointingHandCursor
