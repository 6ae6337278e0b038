"""Pieces of the relief screen: its own sizes and colours, and the emergency notice."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from stretch_app.ui.theme import Look
from stretch_app.ui.theme import px as _px

if TYPE_CHECKING:  # the first "where is the cramp?" page is painted before the models load
    from stretch_app.core.relief_content import EmergencyText

__all__ = ["LARGE_TEXT", "EmergencyBanner", "relief_style"]

LARGE_TEXT = 1.2
"""Above this text size a short screen makes the emergency notice's words a little smaller."""


def relief_style(look: Look, scale: float, room: float = 1.0) -> str:
    """Sizes and colours only this screen uses, on top of the application's look.

    ``room`` (0 to 1) shortens the big targets on a short screen, so the answers stay on it.
    """

    def px(size: float) -> str:
        return _px(size, scale)

    def tall(size: float) -> str:
        return _px(size * room, scale)

    def big(size: float) -> str:  # the biggest words give a little on a short screen too
        return _px(size * max(0.6, room**0.5), scale)

    large = scale > LARGE_TEXT  # the emergency notice's words give a little only then

    return f"""
    QLabel#relief-question {{ font-size: {big(52)}; font-weight: 800; }}
    QLabel#relief-clock {{ font-size: {px(34)}; font-weight: 700; color: {look.text}; }}
    QLabel#relief-until {{ font-size: {px(40)}; font-weight: 800; color: {look.accent}; }}
    QLabel#relief-until[compact="true"] {{ font-size: {px(28)}; }}
    QLabel#relief-autostart {{ font-size: {px(28)}; color: {look.muted}; }}
    QPushButton[relief="muscle"] {{
        font-size: {big(44)}; font-weight: 800; min-height: {tall(96)};
    }}
    QLabel#relief-question[compact="true"] {{ font-size: {big(40)}; }}
    QLabel#relief-autostart[compact="true"] {{ font-size: {px(22)}; }}
    QPushButton[relief="muscle"][compact="true"] {{ font-size: {big(36)}; }}
    QPushButton[relief="answer"] {{
        font-size: {big(36)}; font-weight: 800; min-height: {tall(100)};
    }}
    QPushButton[relief="save"] {{ font-size: {big(34)}; font-weight: 800; min-height: {tall(70)}; }}
    QPushButton[small="true"] {{ font-size: {px(22)}; min-height: {tall(44)}; padding: 2px 16px; }}
    QPushButton[earlier="true"] {{
        font-size: {px(22)}; font-weight: 700; min-height: {tall(40)}; min-width: {px(44)};
        padding: 2px 8px;
    }}
    QPushButton[earlier="true"]:checked {{
        background: {look.accent}; color: {look.accent_text}; border-color: {look.accent};
    }}
    QPushButton[relief="choice"] {{
        font-size: {big(28)}; min-height: {tall(60)}; padding: 4px 6px;
    }}
    QPushButton[relief="choice"]:checked {{
        background: {look.accent}; color: {look.accent_text}; border-color: {look.accent};
    }}
    QWidget#relief-form QLabel[role="title"] {{ font-size: {big(40)}; font-weight: 700; }}
    QWidget#relief-form QLabel[role="howto"] {{ font-size: {big(26)}; }}
    QLineEdit {{
        background: {look.surface}; color: {look.text}; border: 2px solid {look.ring_track};
        border-radius: 10px; padding: {tall(10)}; font-size: {big(26)};
    }}
    QLineEdit:focus {{ border: {look.focus_width}px solid {look.focus}; }}
    QFrame#relief-emergency {{
        background: {look.surface}; border: 2px solid {look.ring_track}; border-radius: 14px;
    }}
    QFrame#relief-emergency QLabel {{ background: transparent; color: {look.text}; }}
    QFrame#relief-emergency QScrollArea, QWidget#relief-emergency-body {{
        background: transparent; border: none;
    }}
    QFrame#relief-emergency[state="urgent"] {{
        background: {look.urgent}; border-color: {look.urgent};
    }}
    QFrame#relief-emergency[state="urgent"] QLabel {{ color: {look.urgent_text}; }}
    QLabel#relief-emergency-title {{ font-size: {px(21)}; font-weight: 800; }}
    QFrame#relief-emergency[state="urgent"] QLabel#relief-emergency-title {{ font-size: {px(34)}; }}
    QLabel#relief-emergency-lead {{ font-size: {px(24)}; font-weight: 700; }}
    QFrame#relief-emergency[state="urgent"] QLabel#relief-emergency-title[compact="true"] {{
        font-size: {px(26 if large else 34)};
    }}
    QLabel#relief-emergency-lead[compact="true"] {{ font-size: {px(20 if large else 24)}; }}
    QLabel[relief="sign"] {{ font-size: {px(19)}; }}
    QLabel[relief="sign"][compact="true"] {{ font-size: {px(17 if large else 19)}; }}
    QLabel[relief="sign"][near="true"] {{
        background: {look.accent}; color: {look.accent_text}; font-weight: 800;
        border-radius: 8px; padding: 2px 8px;
    }}
    """


def _label(text: str, name: str = "") -> QLabel:
    label = QLabel(text)
    if name:
        label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def _restyle(widget: QWidget) -> None:
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class EmergencyBanner(QFrame):
    """The article's four emergency signs, on screen for the whole of relief.

    Calm at first (:attr:`state` ``"calm"``): a quiet card with the signs in few words. From
    the highlight time the sign about the cramp's length is lit with the time left
    (:meth:`show_near`); at the threshold the card becomes the full notice in the look's urgent
    colours, with the lead and every sign in full (:meth:`show_full`). After the cramp it stays
    as it was (the full notice keeps its lead and signs). Screen readers get every sign in full.

    The lead and the signs take the height :meth:`fit_height` allows: all they need when the
    window has it; on a short screen at a large text size they scroll inside the panel.
    """

    relaid = Signal()
    """The notice changed its words: the screen should give it room again."""

    def __init__(self, emergency: EmergencyText, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("relief-emergency")
        self.setProperty("state", "calm")
        self.emergency = emergency
        self.setAccessibleName(emergency.panel_title)
        self.setAccessibleDescription(" ".join(emergency.signs))
        # A warning sign as well as the colour, so it is not told by colour alone.
        self.title_label = _label(emergency.panel_title, "relief-emergency-title")
        self.lead_label = _label(emergency.lead, "relief-emergency-lead")
        self.lead_label.hide()
        self.sign_labels: list[QLabel] = []
        self.body = QWidget()
        self.body.setObjectName("relief-emergency-body")
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(2)
        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(2)
        for number, sign in enumerate(emergency.panel_signs):
            label = _label(f"• {sign}")
            label.setProperty("relief", "sign")
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            label.setAccessibleName(
                emergency.signs[number] if number < len(emergency.signs) else sign
            )
            grid.addWidget(label, number // 2, number % 2, Qt.AlignmentFlag.AlignTop)
            self.sign_labels.append(label)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        self._grid = grid
        body.addWidget(self.lead_label)
        body.addLayout(grid)
        body.addStretch(1)
        self.signs_scroll = QScrollArea()
        self.signs_scroll.setObjectName("relief-emergency-scroll")
        self.signs_scroll.setWidget(self.body)
        self.signs_scroll.setWidgetResizable(True)
        self.signs_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.signs_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.signs_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.signs_scroll.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        # The panel's colours show through.
        self.signs_scroll.viewport().setAutoFillBackground(False)
        self._box = QVBoxLayout(self)
        self._box.setContentsMargins(16, 6, 16, 6)
        self._box.setSpacing(2)
        self._box.addWidget(self.title_label)
        self._box.addWidget(self.signs_scroll)

    def set_compact(self, compact: bool) -> None:
        """A short screen: the heading, the lead and the signs a little smaller."""
        for label in (self.title_label, self.lead_label, *self.sign_labels):
            if bool(label.property("compact")) != compact:
                label.setProperty("compact", compact)
                _restyle(label)
        self._grid.setHorizontalSpacing(12 if compact else 24)

    def fit_height(self, room: int) -> bool:
        """Take at most ``room`` pixels: all the words need if there is room, two lines at least.

        True when every word of the notice is in view (nothing to scroll).
        """
        margins = self._box.contentsMargins()
        border = self.contentsMargins()  # the frame's own border
        title = self.title_label.heightForWidth(self.title_label.width())
        title = max(title, self.title_label.minimumSizeHint().height())
        frame = margins.top() + margins.bottom() + self._box.spacing() + title
        frame += border.top() + border.bottom()
        layout = self.body.layout()
        width = self.signs_scroll.width()  # without a scroll bar: one only shows if needed
        needed = 0
        if layout is not None:
            needed = max(layout.totalHeightForWidth(width), layout.minimumSize().height())
        least = 2 * self.sign_labels[0].fontMetrics().lineSpacing() if self.sign_labels else 0
        height = max(least, min(needed, room - frame))
        if height != self.signs_scroll.height() or height != self.signs_scroll.minimumHeight():
            self.signs_scroll.setFixedHeight(height)
        return height >= needed

    @property
    def state(self) -> str:
        """``"calm"``, ``"near"`` (the length sign lit) or ``"urgent"`` (the full notice)."""
        return str(self.property("state"))

    @property
    def timed_label(self) -> QLabel | None:
        """The label of the sign about the cramp's length."""
        index = self.emergency.timed_sign
        return self.sign_labels[index] if index < len(self.sign_labels) else None

    @property
    def full_text(self) -> str:
        """The whole notice in words: the lead, then every sign (for screen readers)."""
        return " ".join([f"{self.emergency.title}.", self.emergency.lead, *self.emergency.signs])

    def show_near(self, left: str) -> None:
        """Light the sign about the cramp's length, with ``left`` (e.g. "1:59 left")."""
        label = self.timed_label
        if label is None or self.state == "urgent":
            return
        signs = self.emergency.panel_signs
        label.setText(f"⚠ {signs[self.emergency.timed_sign]} — {left}")
        if self.state != "near":
            self.setProperty("state", "near")
            label.setProperty("near", True)
            _restyle(label)

    def show_full(self) -> None:
        """The full notice: urgent colours, the lead, and the signs.

        On screen the signs keep their few words (the lead says what to do, and a small screen
        has no room for four long sentences); the voice and screen readers get them in full.
        """
        if self.state == "urgent":
            return
        self.setProperty("state", "urgent")
        self.title_label.setText(f"⚠ {self.emergency.title}")
        self.lead_label.show()
        for number, label in enumerate(self.sign_labels):
            label.setProperty("near", False)
            label.setText(f"• {self.emergency.panel_signs[number]}")
        self.setAccessibleName(self.emergency.title)
        self.setAccessibleDescription(self.full_text)
        for widget in (self, self.title_label, self.lead_label, *self.sign_labels):
            _restyle(widget)
        self._relayout()

    def after_cramp(self) -> None:
        """Relief is over: the signs go back to few words to leave room for the diary form.

        The lead and the urgent colours of a full notice stay.
        """
        for number, label in enumerate(self.sign_labels):
            label.setProperty("near", False)
            label.setText(f"• {self.emergency.panel_signs[number]}")
            _restyle(label)
        self._relayout()

    def _relayout(self) -> None:
        """Lay out the screen for the notice's new size now, not at the next event loop turn."""
        self.relaid.emit()
        self._box.activate()
        self.updateGeometry()
        parent = self.parentWidget()
        layout = parent.layout() if parent is not None else None
        if layout is not None:
            layout.activate()
