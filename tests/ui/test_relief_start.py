"""A cold ``--cramp-now``: relief works before pydantic and the full app load."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from tests.ui.helpers.probe import run_probe

_COLD_PROBE = """
import json, sys
from PySide6.QtCore import QEvent, QObject, QThread, QTimer
from PySide6.QtWidgets import QApplication
from stretch_app import paths
from stretch_app.core.journal import Journal
from stretch_app.ui import first_paint

seen = {}

class Watch(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and type(obj).__name__ == "ReliefScreen" and not seen:
            seen["pydantic"] = "pydantic" in sys.modules
            seen["app"] = "stretch_app.ui.app" in sys.modules
            QTimer.singleShot(0, done)
        return False

def done():
    if QThread.currentThread().loopLevel() > 0:
        QApplication.exit(0)
    else:
        QTimer.singleShot(0, done)

install_language = first_paint.install_language
keep = []
def install_and_watch(qapp):
    keep.append(Watch(qapp))
    qapp.installEventFilter(keep[0])
    return install_language(qapp)
first_paint.install_language = install_and_watch

from stretch_app.cli import main
main(["--cramp-now"])
seen["app_after"] = "stretch_app.ui.app" in sys.modules
journal = Journal.open(paths.journal_path())
seen["episodes"] = len(journal.episodes())
journal.close()
print(json.dumps(seen))
"""


@pytest.fixture
def own_runtime(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    monkeypatch.setenv("PYTHONPATH", str(Path(__file__).resolve().parents[2]))


def keep_relief_content() -> None:
    """What an earlier run of the full app leaves in the cache."""
    from stretch_app import paths
    from stretch_app.core.language import language_from_file
    from stretch_app.ui.i18n import resolve_language
    from stretch_app.ui.relief_start import relief_source

    language = resolve_language(language_from_file(paths.settings_path()))
    assert relief_source(language).compile() is not None


@pytest.mark.usefixtures("own_runtime")
def test_a_cold_cramp_now_works_before_pydantic_then_loads_the_app() -> None:
    keep_relief_content()
    seen = run_probe(_COLD_PROBE)
    assert seen == {"pydantic": False, "app": False, "app_after": True, "episodes": 1}


@pytest.mark.usefixtures("own_runtime")
def test_without_kept_content_the_full_app_opens_relief() -> None:
    from stretch_app import paths
    from stretch_app.core.language import language_from_file
    from stretch_app.ui.i18n import resolve_language
    from stretch_app.ui.relief_start import relief_source

    seen = run_probe(_COLD_PROBE)
    assert seen == {"pydantic": True, "app": True, "app_after": True, "episodes": 1}
    # (The probe ends before the app keeps the content; the next start keeps it.)
    language = resolve_language(language_from_file(paths.settings_path()))
    assert relief_source(language).cached() is None


def test_the_app_keeps_its_relief_content_a_moment_after_it_starts(
    qapp: object, qtbot: QtBot
) -> None:
    from stretch_app.core.library import load_library
    from stretch_app.core.relief_content import relief_content_of
    from stretch_app.core.safety import load_safety_guide
    from stretch_app.core.settings import Settings
    from stretch_app.ui.relief_start import keep_relief_content, relief_source

    assert isinstance(qapp, QObject)
    source = relief_source("de")
    library = load_library(source.folders).in_language("de")
    guide = load_safety_guide(source.guidance_file)
    keep_relief_content("de", lambda: relief_content_of(library, guide, Settings()), qapp)
    assert source.cached() is None  # not while the app starts
    qtbot.waitUntil(lambda: source.cached() is not None, timeout=10_000)
    kept = source.cached()
    assert kept is not None and kept.emergency.title == guide.emergency.title


_FIRST_PAINT_PROBE = """
import json, sys
from PySide6.QtCore import QEvent, QObject, QThread, QTimer
from PySide6.QtWidgets import QApplication
from stretch_app.ui import first_paint
from stretch_app.ui.desktop.audio import DeferredCuePlayer

seen = {"stand_in_painted": False}

class Watch(QObject):
    def eventFilter(self, obj, event):
        if event.type() != QEvent.Type.Paint:
            return False
        if obj.objectName() == first_paint.FIRST_RELIEF_PAGE:
            seen["stand_in_painted"] = True
        window = obj.window()
        if "first" not in seen and type(window).__name__ == "MainWindow":
            seen["first"] = type(window.current_screen()).__name__
            seen["title"] = window.windowTitle()
            seen["cues_before"] = "cues" in seen
        if type(obj).__name__ == "ReliefScreen" and "painted" not in seen:
            seen["painted"] = True
            QTimer.singleShot(200, done)
        return False

def done():
    if QThread.currentThread().loopLevel() > 0:
        QApplication.exit(0)
    else:
        QTimer.singleShot(0, done)

warm_up = DeferredCuePlayer.warm_up
def note_warm_up(self):
    seen["cues"] = True
    warm_up(self)
DeferredCuePlayer.warm_up = note_warm_up

install_language = first_paint.install_language
keep = []
def install_and_watch(qapp):
    keep.append(Watch(qapp))
    qapp.installEventFilter(keep[0])
    return install_language(qapp)
first_paint.install_language = install_and_watch

from stretch_app.cli import main
main(["--cramp-now"])
print(json.dumps(seen))
"""


@pytest.mark.usefixtures("own_runtime")
def test_a_cold_cramp_now_with_kept_content_paints_the_working_screen_first() -> None:
    """No stand-in question: the window's first paint is the working relief screen, and the
    sound stack still starts only after it (the voice and the inhibitor start with it)."""
    keep_relief_content()
    seen = run_probe(_FIRST_PAINT_PROBE)
    assert seen["first"] == "ReliefScreen"
    assert seen["stand_in_painted"] is False
    assert "Cramp relief" in seen["title"]
    assert seen["cues_before"] is False  # started after the first paint, not before
    assert seen["cues"] is True


@pytest.mark.usefixtures("own_runtime")
def test_without_kept_content_the_stand_in_question_is_painted_first() -> None:
    seen = run_probe(_FIRST_PAINT_PROBE)
    assert seen["first"] == "ChoosePage"
    assert seen["stand_in_painted"] is True
