"""The relief routine's description names the buttons the relief screen really shows."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from stretch_app import paths
from stretch_app.core.library import load_library
from stretch_app.ui.i18n import install_translator
from stretch_app.ui.screens.relief_pages import StepPage


@pytest.mark.parametrize(("language", "quotes"), [("en", "'{0}'"), ("de", "„{0}“")])
def test_the_description_names_the_real_button_labels(
    qapp: QApplication, qtbot: QtBot, language: str, quotes: str
) -> None:
    translation = install_translator(qapp, language)
    try:
        page = StepPage()
        qtbot.addWidget(page)
        labels = [page.eased_button.text(), page.next_button.text()]
    finally:
        translation.remove()
    library = load_library([paths.bundled_routines_dir()]).in_language(language)
    description = library.routines["cramp-relief"].description
    for label in labels:
        assert quotes.format(label.replace("&", "")) in description, (label, description)
