"""Small questions a screen asks (where to save, yes or no), each a classmethod tests replace."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

__all__ = ["ConfirmDialog", "SaveFileDialog"]


class SaveFileDialog:
    """Where to save an export; tests replace :meth:`ask`."""

    @classmethod
    def ask(
        cls, parent: QWidget | None, caption: str, suggested: Path, filter_: str
    ) -> Path | None:
        """The file the person chose, or None if they cancelled."""
        name, _ = QFileDialog.getSaveFileName(parent, caption, str(suggested), filter_)
        return Path(name) if name else None


class ConfirmDialog:
    """A yes/no question; tests replace :meth:`ask`."""

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, question: str) -> bool:
        """Whether the person said yes."""
        answer = QMessageBox.question(parent, title, question)
        return answer == QMessageBox.StandardButton.Yes
