"""The first window is painted before the routine models (pydantic) load."""

from __future__ import annotations

import json
import os
import subprocess
import sys

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
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    settings = os.path.join(os.environ["XDG_CONFIG_HOME"], "nightstretch", "settings.toml")
    os.makedirs(os.path.dirname(settings), exist_ok=True)
    with open(settings, "w", encoding="utf-8") as handle:
        handle.write('schema_version = 1\nlook = "day"\n')
    result = subprocess.run(
        [sys.executable, "-c", _PROBE],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=True,
    )
    shown = json.loads(result.stdout.strip().splitlines()[-1])
    assert shown["pydantic"] == []
    assert shown["title"] == "Nightstretch"
    assert shown["cramp_button"] is True
    assert shown["look"] == "day"  # the person's chosen look from the very first paint
