"""The one writer of the settings file: holds the settings in use and says when they change."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from stretch_app.core.settings import Settings, load_settings, save_settings

__all__ = ["SettingsStore"]


class SettingsStore(QObject):
    """The person's settings and their file; every change to the file goes through :meth:`save`.

    ``changed`` carries the new :class:`~stretch_app.core.settings.Settings` after each save
    that wrote the file.
    """

    changed = Signal(object)

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self._settings = Settings()

    @property
    def settings(self) -> Settings:
        """The settings in use."""
        return self._settings

    def load(self) -> str | None:
        """Read the file (never raises); returns a message when something in it was off."""
        self._settings, problem = load_settings(self.path)
        return problem

    def save(self, settings: Settings) -> None:
        """Write ``settings`` atomically and use them; raises ``OSError`` if the file cannot be
        written, and then the settings in use stay as they were."""
        save_settings(settings, self.path)
        self._settings = settings
        self.changed.emit(settings)
