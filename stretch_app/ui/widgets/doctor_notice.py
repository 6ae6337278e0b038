"""The calm "worth talking to your doctor" card shown when the diary meets a doctor rule."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from stretch_app.core.doctor import DoctorRules, Finding
from stretch_app.ui.widgets.labels import role_label

__all__ = ["DoctorNotice"]


class DoctorNotice(QFrame):
    """A calm card: what the diary shows that the article says is worth a doctor's visit."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self.setObjectName("doctor-notice")
        self.title_label = role_label("", "howto")
        self.lead_label = role_label("", "muted")
        self.findings_label = role_label()
        self.findings_label.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        for widget in (self.title_label, self.lead_label, self.findings_label):
            layout.addWidget(widget)
        self.findings: list[Finding] = []

    def show_findings(self, rules: DoctorRules, findings: list[Finding]) -> None:
        """Show the findings, or hide the card when there are none."""
        self.findings = findings
        self.title_label.setText(rules.title)
        self.lead_label.setText(rules.lead)
        lines = [f"• {f.found}\n   {f.advice}" for f in findings]
        self.findings_label.setText("\n".join(lines))
        self.setAccessibleDescription(" ".join(f"{f.found} {f.advice}" for f in findings))
        self.setVisible(bool(findings))
