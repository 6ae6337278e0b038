"""Pieces of the relief screen: its own sizes and colours, and the emergency notice."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from stretch_app.ui.theme import Look
from stretch_app.ui.theme import px as _px

if TYPE_CHECKING:  # the first "where is the cramp?" page is painted before the models load
    from stretch_app.core.safety import Emergency

__all__ = ["EmergencyBanner", "relief_style"]


def relief_style(look: Look, scale: float, room: float = 1.0) -> str:
    """Sizes and colours only this screen uses, on top of the application's look.

    ``room`` (0 to 1) shortens the big targets on a short screen, so the answers stay on it.
    """

    def px(size: float) -> str:
        return _px(size, scale)

    def tall(size: float) -> str:
        return _px(size * room, scale)

    def big(size: float) -> str:  # the biggest words give a little on a short screen too
        return _px(size * max(0.6, room**0.5), scale)

    return f"""
    QLabel#relief-question {{ font-size: {big(52)}; font-weight: 800; }}
    QLabel#relief-clock {{ font-size: {px(34)}; font-weight: 700; color: {look.text}; }}
    QLabel#relief-until {{ font-size: {px(40)}; font-weight: 800; color: {look.accent}; }}
    QLabel#relief-autostart {{ font-size: {px(28)}; color: {look.muted}; }}
    QPushButton[relief="muscle"] {{
        font-size: {big(44)}; font-weight: 800; min-height: {tall(130)};
    }}
    QPushButton[relief="answer"] {{
        font-size: {big(36)}; font-weight: 800; min-height: {tall(110)};
    }}
    QPushButton[relief="save"] {{ font-size: {big(34)}; font-weight: 800; min-height: {tall(80)}; }}
    QPushButton[relief="choice"] {{
        font-size: {big(30)}; min-height: {tall(70)}; padding: 6px 10px;
    }}
    QPushButton[relief="choice"]:checked {{
        background: {look.accent}; color: {look.accent_text}; border-color: {look.accent};
    }}
    QWidget#relief-form QLabel[role="title"] {{ font-size: {big(40)}; font-weight: 700; }}
    QWidget#relief-form QLabel[role="howto"] {{ font-size: {big(26)}; }}
    QLineEdit {{
        background: {look.surface}; color: {look.text}; border: 2px solid {look.ring_track};
        border-radius: 10px; padding: {tall(10)}; font-size: {big(26)};
    }}
    QLineEdit:focus {{ border: {look.focus_width}px solid {look.focus}; }}
    QFrame#relief-emergency {{ background: {look.urgent}; border-radius: 14px; }}
    QFrame#relief-emergency QLabel {{ background: transparent; color: {look.urgent_text}; }}
    QScrollArea#relief-emergency-scroll, QScrollArea#relief-emergency-scroll > QWidget > QWidget {{
        background: transparent;
    }}
    QLabel#relief-emergency-title {{ font-size: {px(38)}; font-weight: 800; }}
    QLabel#relief-emergency-title[compact="true"] {{ font-size: {px(28)}; }}
    QLabel#relief-emergency-lead {{ font-size: {px(25)}; font-weight: 700; }}
    QLabel#relief-emergency-signs {{ font-size: {px(20)}; }}
    """


def _label(text: str, name: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class EmergencyBanner(QFrame):
    """The guidance's emergency notice: title, lead and signs, in the look's urgent colours.

    After the cramp it shrinks to its title on one line (:meth:`compact`): a reminder that
    leaves the room to the diary form and the tips, with the whole notice still told to
    screen readers.
    """

    def __init__(self, emergency: Emergency, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("relief-emergency")
        self.setAccessibleName(emergency.title)
        self.setAccessibleDescription(f"{emergency.title}. {emergency.lead}")
        # A warning sign as well as the colour, so it is not told by colour alone.
        self.title_label = _label(f"⚠ {emergency.title}", "relief-emergency-title")
        self.lead_label = _label(emergency.lead, "relief-emergency-lead")
        signs = "\n".join(f"• {sign}" for sign in emergency.signs)
        self.signs_label = _label(signs, "relief-emergency-signs")
        # On a short screen the signs scroll, so the answers below stay on the screen.
        self._signs_body = body = QWidget()
        body.setAutoFillBackground(False)
        words = QVBoxLayout(body)
        words.setContentsMargins(0, 0, 0, 0)
        words.setSpacing(4)
        words.addWidget(self.lead_label)
        words.addWidget(self.signs_label)
        self.signs_scroll = QScrollArea()
        self.signs_scroll.setObjectName("relief-emergency-scroll")
        self.signs_scroll.setWidget(body)
        self.signs_scroll.setWidgetResizable(True)
        self.signs_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.signs_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.signs_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.signs_scroll.setMinimumHeight(48)  # a line and a bit, at the least
        self.signs_scroll.viewport().setAutoFillBackground(False)
        self.signs_label.setAutoFillBackground(False)
        self._box = QVBoxLayout(self)
        self._box.setContentsMargins(22, 10, 22, 12)
        self._box.setSpacing(4)
        self._box.addWidget(self.title_label)
        self._box.addWidget(self.signs_scroll, 1)
        self.hide()

    def sizeHint(self) -> QSize:
        """Room for every sign when the screen has it."""
        hint = super().sizeHint()
        body = self._signs_body
        width = max(1, self.signs_scroll.viewport().width())
        missing = body.heightForWidth(width) - self.signs_scroll.viewport().height()
        return QSize(hint.width(), hint.height() + max(0, missing))

    @property
    def is_compact(self) -> bool:
        """True once the notice has shrunk to its one-line reminder."""
        return self.lead_label.isHidden()

    def compact(self) -> None:
        """Shrink to the title on one smaller line (to leave room for the form after the cramp)."""
        self.lead_label.hide()
        self.signs_label.hide()
        self.signs_scroll.hide()
        self.title_label.setWordWrap(False)
        self.title_label.setProperty("compact", True)
        self.title_label.style().unpolish(self.title_label)
        self.title_label.style().polish(self.title_label)
        self._box.setContentsMargins(22, 6, 22, 6)
        self._box.activate()  # the new height now, before the page below asks for room
