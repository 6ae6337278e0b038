"""A bar that offers a way back for a few seconds ("Stopped. Resume?"), then lets go.

Used where one key would otherwise end something at once (Esc in the player): the person who
pressed it by mistake in the dark gets a few seconds and a big button to undo it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QWidget

from stretch_app.ui.timers import named_timer
from stretch_app.ui.widgets.announce import announce
from stretch_app.ui.widgets.buttons import BigButton

__all__ = ["UNDO_SECONDS", "UndoBar"]

UNDO_SECONDS = 8
"""Our own choice: long enough to find a key half asleep, short enough not to linger."""


class UndoBar(QFrame):
    """Says what happened, offers ``Resume`` (undo) and ``End now``; expires by itself."""

    undo_requested = Signal()
    expired = Signal()
    """The time ran out, or the person chose to end now."""

    def __init__(self, undo_text: str, end_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("undo-bar")
        self.setProperty("role", "card")
        self.message_label = QLabel()
        self.message_label.setProperty("role", "howto")
        self.message_label.setWordWrap(True)
        self.undo_button = BigButton(undo_text, role="primary")
        self.end_button = BigButton(end_text)
        self.undo_button.clicked.connect(self._undo)
        self.end_button.clicked.connect(self._expire)
        self._left = 0
        self._message = ""
        self._timer = named_timer(self, "undo-bar-countdown", self._count_down, interval_ms=1000)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(20, 12, 20, 12)
        layout.addWidget(self.message_label, 1)
        layout.addWidget(self.undo_button, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.end_button, 0, Qt.AlignmentFlag.AlignVCenter)
        # Never squeezed shorter than its words: the picture and the ring give way instead.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.hide()

    def offer(self, message: str, seconds: int = UNDO_SECONDS) -> None:
        """Show ``message`` with the undo button for ``seconds``, counting down."""
        self._message, self._left = message, seconds
        self._show_left()
        self.show()
        self.undo_button.setFocus()
        self._timer.start()
        announce(self, f"{message} {self.undo_button.text()}?")

    @property
    def active(self) -> bool:
        """Whether the undo is still on offer."""
        return self._timer.isActive()

    def withdraw(self) -> None:
        """Take the offer away quietly (the person went on some other way)."""
        self._timer.stop()
        self.hide()

    def _show_left(self) -> None:
        left = self.tr("%n second(s) to undo", "", self._left)
        self.message_label.setText(f"{self._message} {left}")

    def _count_down(self) -> None:
        self._left -= 1
        if self._left <= 0:
            self._expire()
        else:
            self._show_left()

    def _undo(self) -> None:
        self.withdraw()
        self.undo_requested.emit()

    def _expire(self) -> None:
        self.withdraw()
        self.expired.emit()
