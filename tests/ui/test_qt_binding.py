"""Guards against known-bad Qt binding releases, which fail far from their cause."""

from __future__ import annotations

import sys

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication


def test_void_methods_keep_none_alive(qapp: QApplication) -> None:
    """PySide6 6.12.0 released a reference to None on each void call: fatal on Python 3.11."""
    font = QFont()
    before = sys.getrefcount(None)
    for _ in range(500):
        font.setPixelSize(12)
    assert abs(sys.getrefcount(None) - before) < 50
