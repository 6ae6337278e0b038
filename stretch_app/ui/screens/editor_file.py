"""Where the editor's routine lives, and noticing when its file is changed outside the app."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, Signal

from stretch_app.core.tomlfile import FileProblem, read_text

__all__ = ["EditorFile", "WatchedFile"]


@dataclass(frozen=True, slots=True)
class EditorFile:
    """Where the editor's routine lives: ``path`` None until a new routine is first saved."""

    path: Path | None
    text: str | None
    """The file's text when opened (a bundled file's for a first copy); None for a new one."""
    user_dir: Path
    taken_ids: frozenset[str] = frozenset()
    has_original: bool = False
    """True for a bundled routine: "Restore the original" removes the person's copy."""


class WatchedFile(QObject):
    """Watches one file; says when its text becomes something the app did not write."""

    changed_outside = Signal(str)
    """(the file's new text)"""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path: Path | None = None
        self.known_text: str | None = None
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._changed)

    def watch(self, path: Path | None, known_text: str | None) -> None:
        """Watch ``path``, whose text is ``known_text`` now (as read or just written)."""
        self.path, self.known_text = path, known_text
        self._rewatch()

    def stop(self) -> None:
        """Stop watching."""
        if self._watcher.files():
            self._watcher.removePaths(self._watcher.files())
        self.path = None

    def _rewatch(self) -> None:
        path = self.path
        if path is not None and path.exists() and str(path) not in self._watcher.files():
            self._watcher.addPath(str(path))

    def _changed(self, _: str) -> None:
        if self.path is None:
            return
        self._rewatch()  # an atomic replace drops the watch; take it up again
        try:
            text = read_text(self.path)
        except FileProblem:
            return
        if text != self.known_text:
            self.known_text = text
            self.changed_outside.emit(text)
