"""The night, day and high-contrast looks: colours, type sizes and the style sheet built from them.

Type sizes are pixels at the person's text size (the in-app setting) times the system font's
size relative to 10 pt, so a larger desktop font makes the app's text larger too.
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget

__all__ = [
    "DAY",
    "HIGH_CONTRAST",
    "HIGH_CONTRAST_DAY",
    "NIGHT",
    "Look",
    "apply_look",
    "px",
    "set_compact",
    "system_text_factor",
    "text_scale",
]

#: The system font size the type sizes were drawn for; larger system fonts scale them up.
BASE_POINT_SIZE = 10.0


class Look(NamedTuple):
    """A colour scheme; every colour is a ``#rrggbb`` string.

    A named tuple rather than a dataclass: importing ``dataclasses`` costs the first paint
    about 2 ms, and a look is as immutable either way.
    """

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
    border: int = 2
    """Width of control borders, in pixels."""
    focus_width: int = 4
    """Width of the focus frame, in pixels."""


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


# High contrast: black, white and yellow, thick borders and a thicker (cyan) focus frame. Urgent
# things are white on black text with a thick frame, never told apart by colour alone.
HIGH_CONTRAST = Look(
    name="high-contrast",
    window="#000000",
    surface="#000000",
    text="#ffffff",
    muted="#ffffff",
    accent="#ffff00",
    accent_text="#000000",
    urgent="#ffffff",
    urgent_text="#000000",
    ring_track="#ffffff",
    focus="#00ffff",  # not yellow: it must show around a yellow button too
    border=3,
    focus_width=6,
)

# High contrast with "Always the day look": black on white, the same thick outlines; the
# primary colour is a deep blue (yellow cannot be read on white) and the focus frame magenta.
HIGH_CONTRAST_DAY = Look(
    name="high-contrast-day",
    window="#ffffff",
    surface="#ffffff",
    text="#000000",
    muted="#000000",
    accent="#0000b0",
    accent_text="#ffffff",
    urgent="#000000",
    urgent_text="#ffffff",
    ring_track="#000000",
    focus="#c000c0",
    border=3,
    focus_width=6,
)


def system_text_factor() -> float:
    """How much larger than 10 pt the system font is (1 at most sizes; never below 1)."""
    font = QApplication.font()
    points = font.pointSizeF()
    if points <= 0 and font.pixelSize() > 0:
        points = font.pixelSize() * 0.75
    # The sizes are already large for a dark room: a small system font does not shrink them.
    return max(1.0, min(2.0, points / BASE_POINT_SIZE)) if points > 0 else 1.0


def px(size: float, scale: float = 1.0) -> str:
    """A type size for a style sheet: ``size`` at the in-app scale and the system's font size."""
    return f"{round(size * scale * system_text_factor())}px"


_CHECK_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="24" height="24">'
    '<path d="M5 12.5l4.5 4.5L19 7" fill="none" stroke="{colour}" stroke-width="3.5" '
    'stroke-linecap="round" stroke-linejoin="round"/></svg>'
)


# Cramp now carries a sign as well as its colour: a cross in a ring, "help now".
_HELP_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 42 32" width="42" height="32">'
    '<circle cx="16" cy="16" r="13.5" fill="none" stroke="{colour}" stroke-width="3"/>'
    '<path d="M16 8.5v15M8.5 16h15" stroke="{colour}" stroke-width="4.5" '
    'stroke-linecap="round"/></svg>'
)


def _style_picture(kind: str, svg: str, colour: str) -> str:
    """A small picture in ``colour`` for style sheets, kept in the cache folder."""
    from stretch_app import paths
    from stretch_app.core.userfile import FileProblem, read_bytes, write_atomically

    folder = paths.user_cache_dir() / "style"
    path = folder / f"{kind}-{colour.lstrip('#')}.svg"
    wanted = svg.format(colour=colour).encode("utf-8")
    try:  # whatever sits there (a FIFO, a device, garbage) is checked, never waited on
        if read_bytes(path, len(wanted)) == wanted:
            return path.as_posix()
    except FileProblem:
        pass
    try:
        write_atomically(path, wanted, durable=False)
    except OSError:
        return ""
    return path.as_posix()


def _check_mark(colour: str) -> str:
    """A check-mark picture in ``colour`` for style sheets (a checkbox is not told by colour)."""
    return _style_picture("check", _CHECK_SVG, colour)


def _style_sheet(look: Look, scale: float) -> str:
    system = system_text_factor()  # once, not per size: this runs before the first paint

    def px_(size: float) -> str:
        return f"{round(size * scale * system)}px"  # as px() does

    bw, fw = look.border, look.focus_width
    check = _check_mark(look.accent_text)
    help_sign = _style_picture("help", _HELP_SVG, look.urgent_text)
    # The strongest button by shape too: twice the border, the heaviest type and a sign.
    urgent_border = f"{bw * 2}px solid {look.accent if look.urgent == look.text else look.urgent}"
    return f"""
    QWidget {{ background: {look.window}; color: {look.text}; font-size: {px_(20)}; }}
    QLabel[role="title"] {{ font-size: {px_(40)}; font-weight: 700; }}
    QLabel[role="huge"] {{ font-size: {px_(56)}; font-weight: 800; color: {look.accent}; }}
    QLabel[role="howto"] {{ font-size: {px_(26)}; }}
    QLabel[role="muted"] {{ color: {look.muted}; font-size: {px_(20)}; }}
    QLabel[role="notice"] {{ color: {look.muted}; font-size: {px_(18)}; font-style: italic; }}
    QLabel[role="banner"] {{
        background: {look.accent}; color: {look.accent_text}; font-size: {px_(52)};
        font-weight: 800; border-radius: 14px; padding: 14px;
    }}
    QWidget[compact="true"] QLabel[role="title"] {{ font-size: {px_(30)}; }}
    QWidget[compact="true"] QLabel[role="huge"] {{ font-size: {px_(42)}; }}
    QWidget[compact="true"] QLabel[role="banner"] {{ font-size: {px_(34)}; padding: 6px; }}
    QFrame[role="card"] {{ background: {look.surface}; border-radius: 14px; }}
    QFrame[role="card"] QLabel {{ background: transparent; }}
    QPushButton {{
        background: {look.surface}; color: {look.text}; border: {bw}px solid {look.ring_track};
        border-radius: 12px; padding: 12px 22px; font-size: {px_(22)}; font-weight: 600;
    }}
    QPushButton:hover {{ border-color: {look.muted}; }}
    QPushButton:focus {{ border: {fw}px solid {look.focus}; }}
    QPushButton[role="primary"] {{ background: {look.accent}; color: {look.accent_text}; }}
    QPushButton[role="urgent"] {{
        background: {look.urgent}; color: {look.urgent_text}; font-size: {px_(30)};
        font-weight: 900; padding: 18px 30px; border: {urgent_border}; border-radius: 16px;
        qproperty-icon: url({help_sign}); qproperty-iconSize: {px_(44)} {px_(34)};
    }}
    QPushButton[role="urgent"]:focus {{ border: {fw + 2}px solid {look.focus}; }}
    QCheckBox {{ spacing: 14px; padding: 6px 4px; }}
    QCheckBox:focus {{ color: {look.focus}; }}
    QCheckBox::indicator {{
        width: {px_(26)}; height: {px_(26)}; border: {max(2, bw)}px solid {look.muted};
        border-radius: 6px; background: {look.surface};
    }}
    QCheckBox::indicator:focus {{ border: {fw}px solid {look.focus}; }}
    QCheckBox::indicator:checked {{
        background: {look.accent}; border-color: {look.accent}; image: url({check});
    }}
    QSlider {{ min-height: 36px; }}
    QSlider:focus {{ border: {fw}px solid {look.focus}; border-radius: 10px; }}
    QSlider::groove:horizontal {{
        height: 10px; background: {look.ring_track}; border-radius: 5px;
    }}
    QSlider::sub-page:horizontal {{ background: {look.accent}; border-radius: 5px; }}
    QSlider::handle:horizontal {{
        background: {look.text}; width: 26px; margin: -9px 0; border-radius: 13px;
    }}
    QComboBox {{
        background: {look.surface}; border: {bw}px solid {look.ring_track}; border-radius: 8px;
        padding: 6px 12px;
    }}
    QComboBox:focus {{ border: {fw}px solid {look.focus}; }}
    QComboBox QAbstractItemView {{
        background: {look.surface}; color: {look.text}; border: {max(2, bw)}px solid {look.text};
        selection-background-color: {look.accent}; selection-color: {look.accent_text};
        outline: none;
    }}
    QComboBox QAbstractItemView::item {{ min-height: {px_(36)}; padding: 4px 10px; }}
    QMenu {{
        background: {look.surface}; color: {look.text}; border: {max(2, bw)}px solid {look.text};
        padding: 6px; font-size: {px_(20)};
    }}
    QMenu::item {{ padding: 10px 28px 10px 18px; border: 2px solid transparent; }}
    QMenu::item:selected {{
        background: {look.accent}; color: {look.accent_text}; border: 2px solid {look.text};
    }}
    QMenu::item:disabled {{ color: {look.muted}; font-style: italic; }}
    QMenu::separator {{ height: 2px; background: {look.muted}; margin: 6px 10px; }}
    QScrollBar:vertical {{ background: transparent; width: 14px; margin: 0; }}
    QScrollBar:horizontal {{ background: transparent; height: 14px; margin: 0; }}
    QScrollBar::handle {{ background: {look.ring_track}; border-radius: 7px; min-height: 40px; }}
    QScrollBar::add-line, QScrollBar::sub-line {{ width: 0; height: 0; }}
    QScrollBar::add-page, QScrollBar::sub-page {{ background: none; }}
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
    app.setProperty("nightstretch_text_scale", scale)


def text_scale() -> float:
    """The in-app text size the look was applied with (1 before any)."""
    app = QApplication.instance()
    value = app.property("nightstretch_text_scale") if app is not None else None
    return float(value) if isinstance(value, (int, float)) else 1.0


def set_compact(widget: QWidget, compact: bool) -> None:
    """Smaller headings and banners inside ``widget`` (a short window at a large text size)."""
    if bool(widget.property("compact")) == compact:
        return
    widget.setProperty("compact", compact)
    for child in widget.findChildren(QLabel):
        if child.property("role") in ("title", "huge", "banner"):
            child.style().unpolish(child)
            child.style().polish(child)
            child.updateGeometry()
