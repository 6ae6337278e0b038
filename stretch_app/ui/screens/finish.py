"""The finish screen: what was done, and one tap back."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from stretch_app.core.session import Finished, Session
from stretch_app.ui.widgets.buttons import BigButton
from stretch_app.ui.widgets.labels import NameLabel

__all__ = ["FinishScreen"]


class FinishScreen(QWidget):
    """Says what was done and offers a single button home."""

    home_requested = Signal()

    def __init__(self, session: Session, finished: Finished, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("finish")
        steps = session.routine.steps
        reached = steps if finished.completed else steps[: finished.last_step_index]
        names = {p.exercise.id: p.exercise.name for p in session.phases}
        done = ", ".join(dict.fromkeys(names[s.exercise] for s in reached))
        heading = self.tr("All done. Good night.") if finished.completed else self.tr("Stopped.")
        self.heading_label = QLabel(heading)
        self.heading_label.setProperty("role", "title")
        self.heading_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.heading_label.setWordWrap(True)
        if finished.holds_done == 1:
            summary = self.tr("{0}: 1 hold done").format(session.routine.name)
        else:
            summary = self.tr("{0}: {1} holds done").format(
                session.routine.name, finished.holds_done
            )
        summary += f"\n{done}" if done else ""
        self.summary_label = NameLabel(summary, "howto")  # the routine's name may be long
        self.summary_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.home_button = BigButton(
            self.tr("Back to start"), role="primary", description=self.tr("Back to the main screen")
        )
        self.home_button.clicked.connect(self.home_requested.emit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 24, 40, 24)
        layout.addStretch(1)
        layout.addWidget(self.heading_label)
        layout.addWidget(self.summary_label)
        layout.addSpacing(30)
        layout.addWidget(self.home_button, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(1)

    def showEvent(self, event: QShowEvent) -> None:
        """Put the keyboard on the one button there is."""
        super().showEvent(event)
        self.home_button.setFocus()
