"""The calm "worth talking to your doctor" card shown when the diary meets a doctor rule."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from stretch_app.core.doctor import DoctorRules, Finding
from stretch_app.ui.widgets.labels import role_label

__all__ = ["DoctorNotice"]


class DoctorNotice(QFrame):
    """A calm card: what the diary shows that the article says is worth a doctor's visit.

    Findings about emergency care (``urgent``) come first, in a block of their own, each
    marked "Emergency sign" in bold, so they are not read as one more routine remark.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self.setObjectName("doctor-notice")
        self.title_label = role_label("", "howto")
        self.lead_label = role_label("", "muted")
        self.urgent_label = role_label()
        self.urgent_label.setObjectName("doctor-notice-urgent")
        self.urgent_label.setTextFormat(Qt.TextFormat.RichText)
        # A bar in the look's accent beside the block: set apart without a wall of red.
        self.urgent_label.setStyleSheet(
            "QLabel { border-left: 6px solid palette(highlight); padding-left: 14px; }"
        )
        self.findings_label = role_label()
        self.findings_label.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        for widget in (self.title_label, self.lead_label, self.urgent_label, self.findings_label):
            layout.addWidget(widget)
        self.findings: list[Finding] = []

    def urgent_mark(self) -> str:
        """The words that set an emergency finding apart, on screen and for screen readers."""
        return self.tr("Emergency sign")

    def show_findings(self, rules: DoctorRules, findings: list[Finding]) -> None:
        """Show the findings, or hide the card when there are none."""
        self.findings = findings
        self.title_label.setText(rules.title)
        self.lead_label.setText(rules.lead)
        urgent = [f for f in findings if f.urgent]
        others = [f for f in findings if not f.urgent]
        mark = escape(self.urgent_mark())
        self.urgent_label.setText(
            "".join(
                f"<p><b>{mark}:</b> {escape(f.found)}<br>{escape(f.advice)}</p>" for f in urgent
            )
        )
        self.urgent_label.setVisible(bool(urgent))
        self.findings_label.setText("\n".join(f"• {f.found}\n   {f.advice}" for f in others))
        self.findings_label.setVisible(bool(others))
        spoken = [f"{self.urgent_mark()}: {f.found} {f.advice}" for f in urgent]
        spoken += [f"{f.found} {f.advice}" for f in others]
        self.setAccessibleDescription(" ".join(spoken))
        self.setVisible(bool(findings))
