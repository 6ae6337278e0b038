"""An exercise picture from an SVG, mirrored for the right leg rather than drawn twice."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, QSize
from PySide6.QtGui import QPainter, QPaintEvent, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QSizePolicy, QWidget

from stretch_app.core.userfile import FileProblem, read_bytes

__all__ = ["ExercisePicture"]

# The colours the bundled drawings are made with; swapped for the look in force.
DRAWN_BODY = "#e8dcc8"
DRAWN_HIGHLIGHT = "#ffb347"


class ExercisePicture(QWidget):
    """Draws one picture, keeping its proportions, optionally mirrored left-to-right."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._renderer = QSvgRenderer(self)
        self._mirrored = False
        self._path: Path | None = None
        self._valid = False
        self._pixmap = QPixmap()
        self._colours = {DRAWN_BODY: DRAWN_BODY, DRAWN_HIGHLIGHT: DRAWN_HIGHLIGHT}
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(160, 120)

    def sizeHint(self) -> QSize:
        """Pictures are drawn for 400 x 300."""
        return QSize(400, 300)

    def set_colours(self, *, body: str, highlight: str) -> None:
        """Redraw the body and the stretched leg in the look's colours (dark lines by day)."""
        self._colours = {DRAWN_BODY: body, DRAWN_HIGHLIGHT: highlight}
        path, self._path = self._path, None
        if path is not None:
            self.show_picture(path, mirrored=self._mirrored)

    def show_picture(self, path: Path | None, *, mirrored: bool = False) -> bool:
        """Show the picture at ``path``; returns False (and shows nothing) if it cannot load."""
        self._mirrored = mirrored
        if path != self._path:
            self._path = path
            self._valid = path is not None and self._load(path)
        self.update()
        return self._valid

    def _load(self, path: Path) -> bool:
        self._pixmap = QPixmap()
        if path.suffix.lower() == ".png":
            self._pixmap = QPixmap(str(path))
            return not self._pixmap.isNull()
        try:
            svg = read_bytes(path, 4 * 1024 * 1024)  # ours: a drawing is tens of kilobytes
        except FileProblem:
            return False
        for drawn, wanted in self._colours.items():
            svg = svg.replace(drawn.encode(), wanted.encode())
        return bool(self._renderer.load(QByteArray(svg)))

    @property
    def mirrored(self) -> bool:
        """True while the picture is flipped for the right leg."""
        return self._mirrored

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draw the picture centred, scaled to fit, flipped when asked."""
        del event
        if not self._valid:
            return
        size = self._renderer.defaultSize() if self._pixmap.isNull() else self._pixmap.size()
        if size.isEmpty():
            return
        scale = min(self.width() / size.width(), self.height() / size.height())
        width, height = size.width() * scale, size.height() * scale
        target = QRectF((self.width() - width) / 2, (self.height() - height) / 2, width, height)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self._mirrored:
            painter.translate(self.width(), 0)
            painter.scale(-1, 1)
        if self._pixmap.isNull():
            self._renderer.render(painter, target)
        else:
            painter.drawPixmap(target.toRect(), self._pixmap)
        painter.end()
