"""The core never loads Qt: proven in a fresh interpreter, since pytest-qt loads Qt here."""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys

import stretch_app.core

CORE_MODULES = sorted(
    f"stretch_app.core.{info.name}" for info in pkgutil.iter_modules(stretch_app.core.__path__)
)

_PROBE = """
import importlib, json, sys
for name in sys.argv[1:]:
    importlib.import_module(name)
import stretch_app.cli
print(json.dumps(sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6"))))
"""


def test_every_core_module_is_found() -> None:
    assert {"stretch_app.core.model", "stretch_app.core.library", "stretch_app.core.session"} <= (
        set(CORE_MODULES)
    )


def test_importing_the_core_and_cli_loads_no_qt() -> None:
    result = subprocess.run(
        [sys.executable, "-c", _PROBE, *CORE_MODULES],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert json.loads(result.stdout) == []


def test_the_probe_would_see_qt_if_it_were_loaded() -> None:
    """Guard against a probe that can never fail."""
    result = subprocess.run(
        [sys.executable, "-c", _PROBE, "PySide6.QtCore"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert "PySide6.QtCore" in json.loads(result.stdout)
