"""The relief screen's frame: its parts, how they are laid out, and how they fit the window.

:class:`ReliefFrame` builds the top row (the "started earlier?" taps or, after the cramp, the
two ways back from a mistake; and the cramp clock), the pages (where is it, one step, the
diary form, the tips) and the emergency signs below them, and keeps all of it inside the
window at every screen size and text size. :class:`~.relief.ReliefScreen` drives it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from stretch_app.core.relief import EARLIER_CHOICES
from stretch_app.core.relief_content import EmergencyText, PreventionText
from stretch_app.ui.screens.relief_after import EpisodeForm, PreventionTips
from stretch_app.ui.screens.relief_pages import (
    ChoosePage,
    EarlierBar,
    StepPage,
    relief_label,
    relief_title,
)
from stretch_app.ui.screens.relief_parts import EmergencyBanner, relief_style
from stretch_app.ui.theme import Look, set_compact, text_scale
from stretch_app.ui.widgets.labels import hold_wrapped_heights

__all__ = ["COMPACT_BELOW", "ROOMY_HEIGHT", "ReliefFrame"]

COMPACT_BELOW = 620
"""Shorter than this (times the text size): smaller headings (ours, by eye)."""
ROOMY_HEIGHT = 900
"""A screen this tall (at normal text) has room for the relief targets' full height."""


def hold_button_heights(root: QWidget) -> None:
    """Every button under ``root`` at least as tall as its words (a name on two lines).

    The style sheet's least height is for one line of text, and a layout takes it over the
    button's own hint: a second line would be cut in half.
    """
    for button in root.findChildren(QPushButton):
        needed = button.minimumSizeHint().height()
        if button.minimumHeight() < needed:
            button.setMinimumHeight(needed)


class ReliefFrame(QWidget):
    """The relief screen's widgets and layout; the emergency signs always stay in the window.

    The signs take the room the page in front leaves them: all of it they need when there is
    enough, and on a short screen at a large text size they scroll inside their own panel
    rather than push the window past the screen.
    """

    def __init__(
        self, emergency: EmergencyText, prevention: PreventionText, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.title_label = relief_label(relief_title(), role="muted", wrap=False)
        # The window title names the screen; up here the room goes to the "started earlier?"
        # taps while relief runs, and to the two ways back from a mistake after it.
        self.title_label.hide()
        self.clock_label = relief_label("0:00", "relief-clock", wrap=False)
        self.clock_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.clock_label.setAccessibleName(
            QCoreApplication.translate("ReliefScreen", "How long the cramp has lasted")
        )
        self.notice_label = relief_label(role="notice")
        self.notice_label.hide()
        self.emergency_banner = EmergencyBanner(emergency)
        self.earlier_bar = EarlierBar(EARLIER_CHOICES)
        self.pages = QStackedWidget()
        self.choose_page = ChoosePage()
        self.pages.addWidget(self.choose_page)
        self._page_widgets: list[QWidget] = [self.choose_page]
        # The step, the diary form and the tips come after the first paint (or when first
        # needed, if sooner): "where is the cramp?" and the signs are on screen ~30 ms sooner.
        self._prevention = prevention
        self._step: StepPage | None = None
        self._after: tuple[EpisodeForm, PreventionTips] | None = None
        self._look: Look | None = None
        self._compact: bool | None = None

        self._top = QHBoxLayout()
        self._top.addWidget(self.title_label)
        self._top.addWidget(self.earlier_bar, 1)
        # After the cramp the form's two ways back from a mistake sit up here (index 2 and 3).
        self._top.addStretch(0)
        self._top.addSpacing(12)
        self._top.addWidget(self.clock_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 8, 28, 10)
        layout.setSpacing(8)
        layout.addLayout(self._top)
        layout.addWidget(self.notice_label)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.emergency_banner)
        self.emergency_banner.relaid.connect(self.fit_banner)

    # --- the pages built after the first ----------------------------------------------------

    @property
    def step_page(self) -> StepPage:
        """One relief step (built when first needed)."""
        return self._step or self._build_step_page()

    @property
    def form(self) -> EpisodeForm:
        """The diary form after the cramp (built when first needed)."""
        return self.build_later_pages()[0]

    @property
    def tips(self) -> PreventionTips:
        """The prevention tips after the form (built when first needed)."""
        return self.build_later_pages()[1]

    @property
    def later_pages_built(self) -> bool:
        """Whether the step, form and tips pages all exist yet."""
        return self._after is not None

    def _add_page(self, page: QWidget) -> None:
        page.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.pages.addWidget(page)
        self._page_widgets.append(page)

    def _build_step_page(self) -> StepPage:
        if self._step is None:
            self._step = StepPage()
            self._add_page(self._step)  # index 1
            if self._look is not None:
                self._colour_step_page(self._step, self._look)
            if self._compact is not None:
                self._compact_step_page(self._step, self._compact)
            self.step_page_ready()
        return self._step

    def build_later_pages(self) -> tuple[EpisodeForm, PreventionTips]:
        """Build the step, form and tips pages now, those not built yet; (form, tips)."""
        self._build_step_page()
        if self._after is not None:
            return self._after
        form, tips = EpisodeForm(), PreventionTips(self._prevention)
        self._after = (form, tips)
        self._add_page(form)  # index 2
        self._add_page(tips)  # index 3
        form.discard_button.hide()  # shown once the cramp is over
        self._top.insertWidget(2, form.resume_button)
        self._top.insertWidget(3, form.discard_button)
        if self._compact is not None:
            form.set_compact(self._compact)
        self.after_pages_ready()
        return self._after

    def step_page_ready(self) -> None:
        """Called once the step page exists, to wire it (the screen overrides it)."""

    def after_pages_ready(self) -> None:
        """Called once the form and tips exist, to wire them (the screen overrides it)."""

    # --- fitting ------------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        """After each new layout (a page turned, new words), keep the wrapped lines' room."""
        handled = super().event(event)
        if event.type() == QEvent.Type.LayoutRequest:
            self._hold_heights()
        return handled

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Wrapped words keep the lines they need at the new width; short: smaller headings."""
        super().resizeEvent(event)
        compact = event.size().height() < COMPACT_BELOW * text_scale()
        self._compact = compact
        set_compact(self, compact)
        self.choose_page.set_compact(compact)
        self.emergency_banner.set_compact(compact)
        if self._step is not None:
            self._compact_step_page(self._step, compact)
        if self._after is not None:
            self._after[0].set_compact(compact)
        outer = self.layout()
        if outer is not None:
            outer.setContentsMargins(*((20, 6, 20, 8) if compact else (28, 12, 28, 16)))
        self._hold_heights()

    @staticmethod
    def _compact_step_page(step_page: StepPage, compact: bool) -> None:
        step_page.ring.setMinimumSize(*((110, 110) if compact else (180, 180)))

    def _hold_heights(self) -> None:
        """Wrapped words and buttons keep the lines they need; then the signs get the rest.

        The signs' own words are left to their scrolling panel, which follows their width.
        """
        for part in (self.earlier_bar, self.pages):
            hold_wrapped_heights(part)
        for label in (self.notice_label, self.emergency_banner.title_label):
            needed = label.heightForWidth(label.width()) if label.isVisible() else -1
            if needed > 0 and needed != label.minimumHeight():
                label.setMinimumHeight(needed)
        hold_button_heights(self)
        self.fit_banner()

    def fit_banner(self) -> None:
        """Give the emergency signs the room the rest leaves (they scroll in what is less)."""
        outer = self.layout()
        if outer is None or not self.emergency_banner.isVisible():
            return
        margins = outer.contentsMargins()
        top = max(self._top.minimumSize().height(), self._top.sizeHint().height())
        others = [top, self.pages.minimumSizeHint().height()]
        if self.notice_label.isVisible():
            others.append(self.notice_label.minimumSizeHint().height())
        spacing = max(0, outer.spacing()) * len(others)
        # Never more than the screen allows the window, or a window grown once stays too tall.
        window = self.window()
        frame = window.frameGeometry().height() - self.height()
        height = min(self.height(), self.screen().availableGeometry().height() - frame)
        room = height - margins.top() - margins.bottom() - sum(others) - spacing
        fits = self.emergency_banner.fit_height(room)
        if not fits and self._step is not None and self._step.give_way():
            self.fit_banner()

    def set_look(self, look: Look, scale: float = 1.0) -> None:
        """Follow the night or day look (and the person's text size)."""
        # Short screens (a netbook's 600 px) get shorter targets; the words keep their size.
        height = self.screen().availableGeometry().height()
        room = max(0.4, min(1.0, height / (ROOMY_HEIGHT * scale)))
        self.setStyleSheet(relief_style(look, scale, room))
        self._look = look
        if self._step is not None:
            self._colour_step_page(self._step, look)

    @staticmethod
    def _colour_step_page(step_page: StepPage, look: Look) -> None:
        step_page.ring.set_colours(look.ring_track, look.accent, look.text)
        step_page.picture.set_colours(body=look.text, highlight=look.accent)

    def show_notice(self, text: str) -> None:
        """A quiet line at the top (e.g. that voice guidance is off, or the diary failed)."""
        self.notice_label.setText(text)
        self.notice_label.setVisible(bool(text))

    def turn_to(self, index: int) -> None:
        """Bring a page to the front; only the page in front may ask for room."""
        if index == 1:
            self._build_step_page()
        elif index > 1:
            self.build_later_pages()
        if self.pages.currentIndex() == index:
            return
        for number, page in enumerate(self._page_widgets):
            policy = QSizePolicy.Policy.Preferred if number == index else QSizePolicy.Policy.Ignored
            page.setSizePolicy(policy, policy)
        self.pages.setCurrentIndex(index)
        # The duration is on the diary form after the cramp: the top row's room goes to the two
        # ways back from a mistake.
        self.clock_label.setVisible(index < 2)
