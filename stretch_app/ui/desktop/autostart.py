"""Start at login: an XDG autostart entry that runs ``stretch-app --tray``.

The entry is ``$XDG_CONFIG_HOME/autostart/nightstretch.desktop`` (``~/.config`` when the
variable is unset or not an absolute path, as the XDG spec says).
"""

from __future__ import annotations

from pathlib import Path

from stretch_app import desktop_install, paths
from stretch_app.core.userfile import write_atomically
from stretch_app.desktop_install import exec_value

__all__ = ["autostart_path", "is_enabled", "launch_command", "set_enabled"]

_FILE_NAME = "nightstretch.desktop"


def autostart_path() -> Path:
    """Where the autostart entry lives."""
    return paths.config_home() / "autostart" / _FILE_NAME


def launch_command() -> str:
    """The ``Exec`` value: this install's ``stretch-app`` (as the launcher runs it) ``--tray``."""
    return exec_value([*desktop_install.launch_command(), "--tray"])


def _entry() -> str:
    return "\n".join(
        [
            "[Desktop Entry]",
            "Type=Application",
            "Name=Nightstretch",
            "Comment=Bedtime stretch reminders, resident in the tray",
            f"Exec={launch_command()}",
            "Icon=nightstretch",
            "Terminal=false",
            "X-GNOME-Autostart-enabled=true",
            "",
        ]
    )


def is_enabled() -> bool:
    """Whether an autostart entry exists."""
    return autostart_path().is_file()


def set_enabled(enabled: bool) -> Path:
    """Write (True) or remove (False) the autostart entry; returns its path.

    Raises ``OSError`` if the folder cannot be written.
    """
    path = autostart_path()
    if not enabled:
        path.unlink(missing_ok=True)
        return path
    write_atomically(path, _entry().encode("utf-8"))
    return path
