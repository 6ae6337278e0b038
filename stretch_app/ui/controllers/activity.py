"""What a guided activity (a routine, cramp relief) works with, given once for both."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject

from stretch_app.core.clock import Clock
from stretch_app.core.phrases import Phrases
from stretch_app.ui.controllers.ports import Cues, Inhibitor, ScreenHost, Voice
from stretch_app.ui.theme import Look

__all__ = ["Companions", "GuidedActivity"]


@dataclass(frozen=True)
class Companions:
    """The parts a routine and relief both guide with; what changes is read when needed.

    No routine models here (nor settings): a relief-only start builds these without them.
    """

    voice: Voice
    cues: Cues
    inhibitor: Inhibitor
    clock: Clock
    look: Callable[[], Look]
    phrases: Phrases


class GuidedActivity(QObject):
    """A controller that takes the screen to guide the person: a routine, or cramp relief."""

    def __init__(
        self, host: ScreenHost, companions: Companions, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.host = host
        self.voice = companions.voice
        self.cues = companions.cues
        self.inhibitor = companions.inhibitor
        self.clock = companions.clock
        self._look = companions.look
        self.phrases = companions.phrases
