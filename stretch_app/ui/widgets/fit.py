"""Keeping a window on its screen: words that scroll, and a size no larger than the screen."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication, QResizeEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLayout, QScrollArea, QWidget

__all__ = ["Columns", "fit_on_screen", "scrolling", "wanted_size"]


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


def _holder(item: QWidget | QLayout) -> QWidget:
    if isinstance(item, QWidget):
        return item
    holder = QWidget()
    item.setContentsMargins(0, 0, 0, 0)
    holder.setLayout(item)
    return holder


class Columns(QWidget):
    """Rows of two parts side by side while the width allows, else each part under the other."""

    def __init__(
        self,
        rows: Sequence[tuple[QWidget | QLayout, QWidget | QLayout]],
        stretch: tuple[int, int] = (1, 1),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._rows = [(_holder(first), _holder(second)) for first, second in rows]
        self._stretch = stretch
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(28)
        self._grid.setVerticalSpacing(12)
        self._grid.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.side_by_side: bool | None = None
        self._arrange(side_by_side=True)

    def _arrange(self, *, side_by_side: bool) -> None:
        if side_by_side == self.side_by_side:
            return
        for first, second in self._rows:
            self._grid.removeWidget(first)
            self._grid.removeWidget(second)
        for index, (first, second) in enumerate(self._rows):
            if side_by_side:
                self._grid.addWidget(first, index, 0)
                self._grid.addWidget(second, index, 1)
            else:
                self._grid.addWidget(first, 2 * index, 0)
                self._grid.addWidget(second, 2 * index + 1, 0)
        self._grid.setColumnStretch(0, self._stretch[0] if side_by_side else 1)
        self._grid.setColumnStretch(1, self._stretch[1] if side_by_side else 0)
        self.side_by_side = side_by_side
        self.updateGeometry()

    def _side_by_side_width(self) -> int:
        spacing = self._grid.horizontalSpacing()
        return max(
            first.minimumSizeHint().width() + second.minimumSizeHint().width() + spacing
            for first, second in self._rows
        )

    def minimumSizeHint(self) -> QSize:
        """As narrow as the widest part; as tall as the arrangement it has now."""
        widest = max(part.minimumSizeHint().width() for row in self._rows for part in row)
        return QSize(widest, self._grid.minimumSize().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Side by side or one under the other, for the new width."""
        self._arrange(side_by_side=event.size().width() >= self._side_by_side_width())
        super().resizeEvent(event)
