"""Pieces of the relief screen: its own sizes and colours, and the emergency notice."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from stretch_app.ui.theme import Look
from stretch_app.ui.theme import px as _px

if TYPE_CHECKING:  # the first "where is the cramp?" page is painted before the models load
    from stretch_app.core.safety import Emergency

__all__ = ["EmergencyBanner", "relief_style"]


def relief_style(look: Look, scale: float) -> str:
    """Sizes and colours only this screen uses, on top of the application's look."""

    def px(size: float) -> str:
        return _px(size, scale)

    return f"""
    QLabel#relief-question {{ font-size: {px(52)}; font-weight: 800; }}
    QLabel#relief-clock {{ font-size: {px(34)}; font-weight: 700; color: {look.text}; }}
    QLabel#relief-until {{ font-size: {px(40)}; font-weight: 800; color: {look.accent}; }}
    QLabel#relief-autostart {{ font-size: {px(28)}; color: {look.muted}; }}
    QPushButton[relief="muscle"] {{ font-size: {px(44)}; font-weight: 800; min-height: {px(130)}; }}
    QPushButton[relief="answer"] {{ font-size: {px(36)}; font-weight: 800; min-height: {px(110)}; }}
    QPushButton[relief="save"] {{ font-size: {px(34)}; font-weight: 800; min-height: {px(80)}; }}
    QPushButton[relief="choice"] {{ font-size: {px(30)}; min-height: {px(70)}; padding: 6px 10px; }}
    QPushButton[relief="choice"]:checked {{
        background: {look.accent}; color: {look.accent_text}; border-color: {look.accent};
    }}
    QLineEdit {{
        background: {look.surface}; color: {look.text}; border: 2px solid {look.ring_track};
        border-radius: 10px; padding: 10px; font-size: {px(26)};
    }}
    QLineEdit:focus {{ border: {look.focus_width}px solid {look.focus}; }}
    QFrame#relief-emergency {{ background: {look.urgent}; border-radius: 14px; }}
    QFrame#relief-emergency QLabel {{ background: transparent; color: {look.urgent_text}; }}
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
        self._box = QVBoxLayout(self)
        self._box.setContentsMargins(22, 10, 22, 12)
        self._box.setSpacing(4)
        for label in (self.title_label, self.lead_label, self.signs_label):
            self._box.addWidget(label)
        self.hide()

    @property
    def is_compact(self) -> bool:
        """True once the notice has shrunk to its one-line reminder."""
        return self.lead_label.isHidden()

    def compact(self) -> None:
        """Shrink to the title on one smaller line (to leave room for the form after the cramp)."""
        self.lead_label.hide()
        self.signs_label.hide()
        self.title_label.setWordWrap(False)
        self.title_label.setProperty("compact", True)
        self.title_label.style().unpolish(self.title_label)
        self.title_label.style().polish(self.title_label)
        self._box.setContentsMargins(22, 6, 22, 6)
        self._box.activate()  # the new height now, before the page below asks for room
