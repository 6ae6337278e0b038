"""Screens built without the whole app still speak proper English plurals ("1 night")."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from stretch_app.ui.i18n import install_translator


@pytest.fixture(scope="session", autouse=True)
def english_plurals(qapp: QApplication) -> Iterator[None]:
    """The English catalogue (plural forms only), as the app installs it at start-up."""
    translation = install_translator(qapp, "en")
    assert translation.loaded
    yield
    translation.remove()
