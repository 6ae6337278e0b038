"""The night and day looks: colours, type sizes and the style sheet built from them."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

__all__ = ["DAY", "NIGHT", "Look", "apply_look"]


@dataclass(frozen=True, slots=True)
class Look:
    """A colour scheme; every colour is a ``#rrggbb`` string."""

    name: str
    window: str
    surface: str
    text: str
    muted: str
    accent: str
    accent_text: str
    urgent: str
    urgent_text: str
    ring_track: str
    focus: str


# Night: warm, dim and low in blue light, but with strong contrast for the text that matters.
NIGHT = Look(
    name="night",
    window="#14110d",
    surface="#221c15",
    text="#f3e6d0",
    muted="#b8a78c",
    accent="#ffb347",
    accent_text="#1a1208",
    urgent="#c8463a",
    urgent_text="#fff4ec",
    ring_track="#3a3026",
    focus="#ffd28a",
)

DAY = Look(
    name="day",
    window="#f6f1e8",
    surface="#ffffff",
    text="#1d1a16",
    muted="#5b5146",
    accent="#9a4d00",
    accent_text="#ffffff",
    urgent="#b3261e",
    urgent_text="#ffffff",
    ring_track="#ddd2c2",
    focus="#1f5fbf",
)


def _style_sheet(look: Look, scale: float) -> str:
    def px(size: float) -> str:
        return f"{round(size * scale)}px"

    return f"""
    QWidget {{ background: {look.window}; color: {look.text}; font-size: {px(20)}; }}
    QLabel[role="title"] {{ font-size: {px(40)}; font-weight: 700; }}
    QLabel[role="huge"] {{ font-size: {px(56)}; font-weight: 800; color: {look.accent}; }}
    QLabel[role="howto"] {{ font-size: {px(26)}; }}
    QLabel[role="muted"] {{ color: {look.muted}; font-size: {px(20)}; }}
    QLabel[role="notice"] {{ color: {look.muted}; font-size: {px(18)}; font-style: italic; }}
    QLabel[role="banner"] {{
        background: {look.accent}; color: {look.accent_text}; font-size: {px(52)};
        font-weight: 800; border-radius: 14px; padding: 14px;
    }}
    QFrame[role="card"] {{ background: {look.surface}; border-radius: 14px; }}
    QFrame[role="card"] QLabel {{ background: transparent; }}
    QPushButton {{
        background: {look.surface}; color: {look.text}; border: 2px solid {look.ring_track};
        border-radius: 12px; padding: 12px 22px; font-size: {px(22)}; font-weight: 600;
    }}
    QPushButton:hover {{ border-color: {look.muted}; }}
    QPushButton:focus {{ border: 4px solid {look.focus}; }}
    QPushButton[role="primary"] {{ background: {look.accent}; color: {look.accent_text}; }}
    QPushButton[role="urgent"] {{
        background: {look.urgent}; color: {look.urgent_text}; font-size: {px(30)};
        font-weight: 800; padding: 18px 30px;
    }}
    QProgressBar {{
        background: {look.ring_track}; border: none; border-radius: 6px; max-height: 12px;
    }}
    QProgressBar::chunk {{ background: {look.accent}; border-radius: 6px; }}
    """


def apply_look(app: QApplication, look: Look, scale: float = 1.0) -> None:
    """Switch the whole application to a look."""
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: look.window,
        QPalette.ColorRole.Base: look.surface,
        QPalette.ColorRole.Button: look.surface,
        QPalette.ColorRole.WindowText: look.text,
        QPalette.ColorRole.Text: look.text,
        QPalette.ColorRole.ButtonText: look.text,
        QPalette.ColorRole.Highlight: look.accent,
        QPalette.ColorRole.HighlightedText: look.accent_text,
        QPalette.ColorRole.PlaceholderText: look.muted,
    }
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    app.setPalette(palette)
    app.setStyleSheet(_style_sheet(look, scale))
    app.setProperty("nightstretch_look", look.name)
