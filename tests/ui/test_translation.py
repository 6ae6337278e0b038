"""The app in German: every visible string translated, the .ts and .qm files up to date.

The walk visits the same screens as the accessibility test. A collected text fails when it,
or one line or part of it, is still one of the English strings we ship: a source string of
``nightstretch_de.ts`` whose German differs, or a name, how-to line or guidance text from the
English data files.
"""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from stretch_app import paths
from stretch_app.core.clock import FakeClock
from stretch_app.core.library import load_library
from stretch_app.core.safety import load_safety_guide
from stretch_app.ui.app import NightstretchApp
from stretch_app.ui.desktop import sound_problems
from stretch_app.ui.desktop.audio import NullCuePlayer
from stretch_app.ui.desktop.voice import NullVoice
from stretch_app.ui.desktop.voice_process import ProcessVoice
from stretch_app.ui.i18n import install_translator, resolve_language
from tests.ui.helpers.screens import visit_every_screen

I18N = Path(__file__).resolve().parents[2] / "assets" / "i18n"
TS_FILE = I18N / "nightstretch_de.ts"


def _ts_messages() -> list[tuple[str, str, str | None, str | None]]:
    """(context, source, translation, type) for every message of the German .ts file."""
    found = []
    for context in ET.parse(TS_FILE).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            found.append(
                (name, message.findtext("source") or "", translation.text, translation.get("type"))
            )
    return found


def english_strings() -> set[str]:
    """Every English string a German screen must not show."""
    strings = {src for _ctx, src, text, _type in _ts_messages() if text and text != src}
    library = load_library([paths.bundled_routines_dir()])
    for exercise in library.exercises.values():
        strings |= {exercise.name, *exercise.how_to}
    for routine in library.routines.values():
        strings |= {routine.name, routine.description, *(s.note for s in routine.steps)}
    guide = load_safety_guide(paths.guidance_path())
    for section in (guide.emergency, guide.see_doctor):
        strings |= {section.title, section.lead, *section.signs}
    strings |= {guide.prevention.title, *guide.prevention.tips, guide.disclaimer}
    strings |= {guide.emergency.panel_title, *guide.emergency.short_signs}
    strings |= {page.title for page in guide.pages}
    strings |= {p for page in guide.pages for p in page.paragraphs}
    return {s for s in strings if re.search(r"[A-Za-z]{2}", s)} - {"Nightstretch"}


def _plain(text: str) -> str:
    if "<" in text and ">" in text:
        document = QTextDocument()
        document.setHtml(text)
        return document.toPlainText()
    return text


def visible_texts(root: QWidget) -> list[str]:
    """Every text a person can see or hear from ``root``: labels, buttons, items, names, tips."""
    texts = [root.windowTitle()]
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        texts += [widget.toolTip(), widget.accessibleName(), widget.accessibleDescription()]
        if isinstance(widget, QLabel):
            texts.append(_plain(widget.text()))
        elif isinstance(widget, QAbstractButton):
            texts.append(widget.text().replace("&", ""))
        elif isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        elif isinstance(widget, QListWidget):
            texts += [widget.item(i).text() for i in range(widget.count())]
        elif isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        elif isinstance(widget, QTextEdit):
            texts.append(widget.toPlainText())
    return [t for t in texts if t]


def _pieces(text: str) -> set[str]:
    """A text, each of its lines, and the parts between " — ", " · " and bullets."""
    pieces = {text.strip()}
    for line in text.splitlines():
        line = line.strip().lstrip("•⚠◀▶↺⇄ ").strip()
        pieces.add(line)
        pieces |= {part.strip().lstrip("◀▶ ") for part in re.split(r" — | · ", line)}
    return {p for p in pieces if p}


def untranslated(texts: list[str], english: set[str]) -> set[str]:
    """The texts (or parts of them) that are still English."""
    return {piece for text in texts for piece in _pieces(text) if piece in english}


@pytest.fixture
def german_app(qapp: QApplication, qtbot: QtBot) -> Iterator[tuple[NightstretchApp, FakeClock]]:
    settings = paths.settings_path()
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text('schema_version = 1\nlanguage = "de"\nlook = "night"\n')
    clock = FakeClock()
    app = NightstretchApp(qapp, clock=clock, voice_engine="mock")
    qtbot.addWidget(app.window)
    app.window.resize(1100, 720)
    app.show()
    qtbot.waitExposed(app.window)
    yield app, clock
    app.shutdown()


def test_every_screen_in_german_shows_no_english(
    german_app: tuple[NightstretchApp, FakeClock], qtbot: QtBot
) -> None:
    app, clock = german_app
    assert app.language == "de" and app.translation.loaded
    english = english_strings()
    assert len(english) > 300
    found: dict[str, set[str]] = {}
    for name, root in visit_every_screen(app, clock, qtbot):
        if left := untranslated(visible_texts(root), english):
            found[name] = left
    assert found == {}
    assert app.window.home.cramp_button.text() == "Krampf jetzt"


def test_the_check_finds_english_left_on_screen(qtbot: QtBot) -> None:
    holder = QWidget()
    qtbot.addWidget(holder)
    QLabel("• Keep the leg straight and draw your toes up toward your shin.", holder)
    QLabel("Wadendehnung", holder)
    holder.show()
    qtbot.waitExposed(holder)
    assert untranslated(visible_texts(holder), english_strings()) == {
        "Keep the leg straight and draw your toes up toward your shin."
    }


def test_the_voice_speaks_german(
    german_app: tuple[NightstretchApp, FakeClock], qtbot: QtBot
) -> None:
    app, clock = german_app
    said: list[str] = []
    app.voice.spoken.connect(said.append)
    player = app.start_routine("bedtime")
    assert player is not None
    clock.advance(5.1)
    player.tick()
    qtbot.waitUntil(lambda: len(said) >= 2, timeout=5000)
    assert said[:2] == [
        "Bereit machen. Zuerst: Wadendehnung.",
        "Wadendehnung. Linkes Bein. 30 Sekunden halten.",
    ]


@pytest.fixture
def german(qapp: QApplication) -> Iterator[None]:
    """The German translation installed, without building the app."""
    translation = install_translator(qapp, "de")
    assert translation.loaded
    yield
    translation.remove()


def test_every_sound_and_voice_problem_has_german_words(german: None) -> None:
    codes = [getattr(sound_problems, name) for name in sound_problems.__all__ if name.isupper()]
    assert len(codes) == 13
    texts = [sound_problems.problem_text(code, "x") for code in codes]
    texts += [sound_problems.problem_text(code) for code in codes]  # without a reason
    assert untranslated(texts, english_strings()) == set()
    assert sound_problems.problem_text(sound_problems.MISSING_SOUND_FILES, "start.wav") == (
        "Fehlende Tondateien: start.wav; diese Signaltöne sind aus."
    )


def test_silent_cues_and_voice_say_why_in_german(german: None) -> None:
    cues = NullCuePlayer(sound_problems.NO_SOUND_DEVICE)
    voice = NullVoice(sound_problems.NO_SPEECH)
    assert cues.problem == "Kein Audiogerät gefunden; die Signaltöne sind aus."
    assert voice.problem is not None
    assert voice.problem.startswith("Die Sprachführung braucht Qt TextToSpeech")


def test_the_voice_helper_s_problems_arrive_in_german(german: None, qtbot: QtBot) -> None:
    # The helper reports a code; this side makes the German sentence.
    voice = ProcessVoice("no-such-engine", "", 0.0, 1.0, enabled=True)
    with qtbot.waitSignal(voice.problem_found, timeout=10_000) as problem:
        voice.say("Hallo.")
    assert problem.args == [
        "Die Sprachausgabe 'no-such-engine' ist nicht installiert, darum gibt es keine "
        "gesprochene Anleitung. Um sie zu hören, installieren Sie speech-dispatcher und eine "
        "Stimme (espeak-ng)."
    ]
    voice.shut_down()
    working = ProcessVoice("mock", "", 0.0, 1.0, enabled=True)
    with qtbot.waitSignal(working.ready, timeout=10_000):
        working.warm_up()
    assert working._process is not None
    with qtbot.waitSignal(working.problem_found, timeout=10_000) as problem:
        working._process.kill()
    assert problem.args == ["Die Stimme funktioniert nicht mehr; die Sprachführung ist aus."]
    working.shut_down()


def test_the_system_language_is_used_when_none_is_set() -> None:
    assert resolve_language("", system="de_AT") == "de"
    assert resolve_language("", system="fr_FR") == "en"
    assert resolve_language("en", system="de_DE") == "en"
    assert resolve_language("de-CH", system="C") == "de"


def test_every_message_is_translated() -> None:
    messages = _ts_messages()
    assert len(messages) > 250
    unfinished = [(ctx, src) for ctx, src, text, kind in messages if kind or not text]
    assert unfinished == []
    broken = [
        src
        for _ctx, src, text, _kind in messages
        if set(re.findall(r"\{\d\}", src)) != set(re.findall(r"\{\d\}", text or ""))
    ]
    assert broken == []


def test_ts_and_qm_are_up_to_date_with_the_code() -> None:
    script = I18N / "update_translations.py"
    result = subprocess.run(
        [sys.executable, str(script), "--check"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
