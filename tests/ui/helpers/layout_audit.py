"""What is wrong with a window's layout as it stands: cut words, controls off the window or screen.

``layout_faults(window, strict_controls)`` looks at every visible label, control and the window
itself and returns one line per fault (none when everything fits):

- a label whose text, laid out with its own font, wrapping and alignment, needs more room than
  the label's contents rectangle (``fontMetrics().boundingRect(rect, flags, text)``; rich text
  through a :class:`QTextDocument`), or that shows an ellipsis without a tooltip saying the
  whole text;
- a button, check box, drop-down or field narrower or lower than it needs for its text;
- a control outside its window, or cut by the edge of a parent (inside a scrolling area this is
  allowed if scrolling down reaches it, never sideways, except where ``strict_controls`` says
  the controls must be on screen without scrolling: the player and cramp relief);
- a window (its frame) outside the screen's available geometry.
"""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import Qt, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QScrollBar,
    QWidget,
)

from tests.ui.helpers.screens import controls

ELLIPSIS = "…"


def _name(widget: QWidget) -> str:
    text = widget.accessibleName() or getattr(widget, "text", lambda: "")() or ""
    return f"{type(widget).__name__} {text[:40]!r}" if text else type(widget).__name__


def _rect_in(window: QWidget, widget: QWidget) -> QRect:
    return QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())


def _scroller(widget: QWidget, window: QWidget) -> QAbstractScrollArea | None:
    """The scrolling area ``widget`` sits in, if any (below ``window``)."""
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QAbstractScrollArea) and parent.viewport().isAncestorOf(widget):
            return parent
        parent = parent.parentWidget()
    return None


def _is_item_view(area: QAbstractScrollArea) -> bool:
    """A list or table scrolls its own items (and their editors) sideways by design."""
    return isinstance(area, QAbstractItemView)


def _visible_part(widget: QWidget, window: QWidget) -> QRect:
    """The part of ``widget`` (in window coordinates) that its parents leave visible."""
    visible = _rect_in(window, widget)
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        visible = visible.intersected(_rect_in(window, parent))
        parent = parent.parentWidget()
    return visible.intersected(window.rect())


def _label_text_faults(label: QLabel) -> list[str]:
    text = label.text()
    if not text or not label.pixmap().isNull():
        return []
    margin = label.margin()
    rect = label.contentsRect().adjusted(margin, margin, -margin, -margin)
    if rect.width() <= 0 or rect.height() <= 0:
        return [f"label {text[:40]!r} has no room at all ({rect.width()}×{rect.height()})"]
    rich = label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and Qt.mightBeRichText(text)
    )
    if rich:
        document = QTextDocument()
        document.setDocumentMargin(0)
        document.setDefaultFont(label.font())
        document.setHtml(text)
        if label.wordWrap():
            document.setTextWidth(rect.width())
        needed_w = document.idealWidth() if label.wordWrap() else document.size().width()
        needed = (round(needed_w), round(document.size().height()))
    else:
        flags = int(label.alignment().value) | int(Qt.TextFlag.TextExpandTabs.value)
        if label.wordWrap():
            flags |= int(Qt.TextFlag.TextWordWrap.value)
        if label.buddy() is not None:
            flags |= int(Qt.TextFlag.TextShowMnemonic.value)  # "&When" shows as "When"
        bounds = label.fontMetrics().boundingRect(rect, flags, text)
        needed = (bounds.width(), bounds.height())
    faults = []
    if needed[0] > rect.width() + 1 or needed[1] > rect.height() + 1:
        faults.append(
            f"text cut: {text[:50]!r} needs {needed[0]}×{needed[1]}, "
            f"has {rect.width()}×{rect.height()}"
        )
    if ELLIPSIS in text and not label.toolTip():
        faults.append(f"elided without a tooltip: {text[:50]!r}")
    return faults


def _control_faults(control: QWidget) -> list[str]:
    hint = control.sizeHint() if isinstance(control, QAbstractButton) else None
    if isinstance(control, QAbstractButton) and control.text():
        assert hint is not None
        if control.width() < hint.width() or control.height() < min(hint.height(), 24):
            return [
                f"{_name(control)} cut: {control.width()}×{control.height()} "
                f"< {hint.width()}×{hint.height()}"
            ]
    if isinstance(control, (QComboBox, QAbstractSpinBox)):
        least = control.minimumSizeHint()
        if control.width() < least.width() or control.height() < least.height():
            return [
                f"{_name(control)} squeezed: {control.width()}×{control.height()} "
                f"< {least.width()}×{least.height()}"
            ]
    return []


def window_faults(window: QWidget) -> list[str]:
    """The window's frame must lie inside its screen's available geometry."""
    screen = window.screen()
    available = screen.availableGeometry()
    frame = window.frameGeometry()
    if available.contains(frame):
        return []
    return [
        f"window {frame.width()}×{frame.height()} at ({frame.x()},{frame.y()}) outside the "
        f"screen's {available.width()}×{available.height()}"
    ]


def layout_faults(window: QWidget, *, strict_controls: bool = False) -> list[str]:
    """Every fault of ``window`` as laid out now; ``strict_controls``: none may need scrolling."""
    faults = window_faults(window)
    whole = window.rect()
    for label in window.findChildren(QLabel):
        if not label.isVisible() or label.window() is not window:
            continue
        faults.extend(_label_text_faults(label))
        rect = _rect_in(window, label)
        scroller = _scroller(label, window)
        if scroller is None and _visible_part(label, window) != rect:
            faults.append(f"label {label.text()[:40]!r} cut by the window: {rect}")
        elif scroller is not None:
            # Reading may scroll down, never sideways: the words must fit the viewport's width.
            view = _rect_in(window, scroller.viewport())
            if rect.left() < view.left() or rect.right() > view.right():
                faults.append(f"label {label.text()[:40]!r} wider than its scrolling area")
    for area in window.findChildren(QAbstractScrollArea):
        outermost = area.isVisible() and area.window() is window and not _scroller(area, window)
        if outermost and _visible_part(area, window) != _rect_in(window, area):
            faults.append(f"{_name(area)} cut by the window: {_rect_in(window, area)}")
    for control in controls(window):
        if isinstance(control, QScrollBar) or control.window() is not window:
            continue
        rect = _rect_in(window, control)
        scroller = _scroller(control, window)
        if scroller is not None and not strict_controls:
            faults.extend(_control_faults(control))
            view = _rect_in(window, scroller.viewport())
            if not _is_item_view(scroller) and (
                rect.left() < view.left() or rect.right() > view.right()
            ):  # scrolled to downwards, never sideways
                faults.append(f"{_name(control)} wider than its scrolling area: {rect}")
            continue  # scrolled to when needed; the scrolling area itself is checked
        if not whole.contains(rect):
            faults.append(f"{_name(control)} outside the window: {rect} not in {whole}")
            continue
        if (strict_controls or scroller is None) and _visible_part(control, window) != rect:
            how = "needs scrolling" if scroller is not None else "is cut"
            faults.append(f"{_name(control)} {how}: {rect}")
        faults.extend(_control_faults(control))
    return faults
