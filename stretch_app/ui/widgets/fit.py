"""Keeping a window on its screen: words that scroll, and a size no larger than the screen."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

__all__ = ["fit_on_screen", "scrolling", "wanted_size"]


def scrolling(content: QWidget) -> QScrollArea:
    """``content`` in a frameless area that scrolls down (never sideways) when room runs out."""
    area = QScrollArea()
    area.setWidget(content)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return area


def fit_on_screen(window: QWidget, wanted: QSize) -> None:
    """Size ``window`` to ``wanted`` but no larger than its screen, and keep it on the screen."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    available = screen.availableGeometry()
    extra = window.frameGeometry().size() - window.size()
    width = min(wanted.width(), available.width() - extra.width())
    height = min(wanted.height(), available.height() - extra.height())
    window.resize(max(width, 1), max(height, 1))
    frame = window.frameGeometry()
    x = min(max(frame.x(), available.left()), available.right() + 1 - frame.width())
    y = min(max(frame.y(), available.top()), available.bottom() + 1 - frame.height())
    window.move(max(x, available.left()), max(y, available.top()))


def wanted_size(window: QWidget, area: QScrollArea) -> QSize:
    """The size ``window`` would like with everything in ``area`` showing without scrolling."""
    content = area.widget()
    hint = window.sizeHint()
    if content is None:
        return hint
    bar = area.verticalScrollBar().sizeHint().width()
    inner = content.sizeHint()
    own = area.sizeHint()
    return QSize(
        max(hint.width(), hint.width() - own.width() + inner.width() + bar),
        max(hint.height(), hint.height() - own.height() + inner.height()),
    )
