"""Labels that take their look from the style sheet's ``role`` property."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

__all__ = ["role_label"]


def role_label(text: str = "", role: str = "", *, wrap: bool = True, plain: bool = False) -> QLabel:
    """A label styled by ``role`` (``title``, ``muted``, ``notice``…); ``plain`` shows no markup."""
    label = QLabel(text)
    if role:
        label.setProperty("role", role)
    label.setWordWrap(wrap)
    if plain:
        label.setTextFormat(Qt.TextFormat.PlainText)
    return label
