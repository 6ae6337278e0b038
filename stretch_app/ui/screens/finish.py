"""The finish screen: what was done, and one tap back."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from stretch_app.core.history import counts_as_done
from stretch_app.core.session import Finished, PhaseKind, Session
from stretch_app.ui.widgets.buttons import BigButton
from stretch_app.ui.widgets.labels import NameLabel

__all__ = ["FinishScreen"]


class FinishScreen(QWidget):
    """Says truthfully what was done and offers a single button home (Enter, Space or Esc)."""

    home_requested = Signal()

    def __init__(self, session: Session, finished: Finished, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("finish")
        steps = session.routine.steps
        reached = steps if finished.completed else steps[: finished.last_step_index]
        names = {p.exercise.id: p.exercise.name for p in session.phases}
        done = ", ".join(dict.fromkeys(names[s.exercise] for s in reached))
        self.done = counts_as_done(finished)
        if self.done:
            heading = self.tr("All done. Good night.")
        elif finished.completed:
            heading = self.tr("The end, but most holds were skipped.")
        else:
            heading = self.tr("Stopped.")
        self.heading_label = QLabel(heading)
        self.heading_label.setProperty("role", "title")
        self.heading_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.heading_label.setWordWrap(True)
        planned = sum(1 for p in session.phases if p.kind is PhaseKind.HOLD)
        held = self.tr("{0} of {1} holds held to the end").format(finished.holds_done, planned)
        summary = f"{session.routine.name}: {held}"
        summary += f"\n{done}" if done and finished.holds_done else ""
        if finished.completed and not self.done:
            summary += "\n" + self.tr(
                "It counts as done when at least half of the hold time is held, "
                "so tonight's reminder stays on."
            )
        self.summary_label = NameLabel(summary, "howto")  # the routine's name may be long
        self.summary_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.home_button = BigButton(
            self.tr("Back to start"), role="primary", description=self.tr("Back to the main screen")
        )
        self.home_button.clicked.connect(self.home_requested.emit)
        words = QWidget()
        words_layout = QVBoxLayout(words)
        words_layout.setContentsMargins(0, 0, 0, 0)
        words_layout.addStretch(1)
        words_layout.addWidget(self.heading_label)
        words_layout.addWidget(self.summary_label)
        words_layout.addStretch(1)
        # Long German words at the largest text scroll; the one button always shows.
        scroll = QScrollArea()
        scroll.setWidget(words)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 24, 40, 24)
        layout.addWidget(scroll, 1)
        layout.addSpacing(20)
        layout.addWidget(self.home_button, 0, Qt.AlignmentFlag.AlignCenter)
        for key in ("Return", "Enter", "Space", "Escape"):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.home_requested.emit)
        self.home_button.setToolTip(self.tr("Back to the main screen (Enter, Space or Esc)"))

    def showEvent(self, event: QShowEvent) -> None:
        """Put the keyboard on the one button there is."""
        super().showEvent(event)
        self.home_button.setFocus()
