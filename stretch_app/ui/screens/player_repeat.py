"""How the player names a hold of a repeated step: "Hold 2 of 3 · Left leg"."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from stretch_app.core.model import Side
from stretch_app.core.session import Phase

__all__ = ["repetition_text"]


def repetition_text(phase: Phase) -> str:
    """ "Hold 2 of 3 · Left leg", without the leg when both legs work at once."""
    text = QCoreApplication.translate("PlayerScreen", "Hold {0} of {1}").format(
        phase.repetition, phase.repetitions
    )
    if phase.side is Side.LEFT:
        return f"{text} · " + QCoreApplication.translate("PlayerScreen", "Left leg")
    if phase.side is Side.RIGHT:
        return f"{text} · " + QCoreApplication.translate("PlayerScreen", "Right leg")
    return text
