"""The first window is painted before the routine models (pydantic) load."""

from __future__ import annotations

import os

from tests.ui.helpers.probe import run_probe

_PROBE = """
import json, sys
from PySide6.QtWidgets import QApplication
from stretch_app.ui.launch import _show_first_window
qapp = QApplication(["nightstretch"])
window = _show_first_window(qapp)
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
from stretch_app.ui.launch import _show_first_window
qapp = QApplication(["nightstretch"])
window = _show_first_window(qapp, cramp_now=True)
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
    from stretch_app.ui.launch import (
        FIRST_RELIEF_PAGE,
        _drop_first_relief_page,
        _show_first_window,
    )
    from stretch_app.ui.screens.relief import ReliefScreen
    from stretch_app.ui.screens.relief_pages import ChoosePage

    assert isinstance(qapp, QApplication)
    window = _show_first_window(qapp, cramp_now=True)
    app = NightstretchApp(qapp, clock=FakeClock(), voice_engine="mock", window=window)
    try:
        stand_in = window.stack.findChild(ChoosePage, FIRST_RELIEF_PAGE)
        assert stand_in is not None
        app.cramp_now()
        _drop_first_relief_page(app)
        assert window.stack.indexOf(stand_in) == -1
        qtbot.waitUntil(  # type: ignore[attr-defined]
            lambda: window.stack.findChild(ChoosePage, FIRST_RELIEF_PAGE) is None
        )
        assert isinstance(window.current_screen(), ReliefScreen)
        assert "Cramp relief" in window.windowTitle()
    finally:
        app.shutdown()
        window.close()
