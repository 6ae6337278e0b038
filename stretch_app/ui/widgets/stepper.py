"""A number with large − and + buttons either side: easy to hit, easy to read, typeable too."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractSpinBox, QHBoxLayout, QSpinBox, QWidget

from stretch_app.ui.widgets.buttons import BigButton

__all__ = ["Stepper"]


class Stepper(QWidget):
    """``[−] value [+]``: the buttons step by ``step``; the field takes typing and arrow keys."""

    value_changed = Signal(int)

    def __init__(
        self,
        low: int,
        high: int,
        *,
        name: str,
        step: int = 1,
        suffix: str = "",
        special: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.field = QSpinBox()
        self.field.setRange(low, high)
        self.field.setSuffix(suffix)
        self.field.setSpecialValueText(special)
        self.field.setAccessibleName(name)
        self.field.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)
        self.field.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.field.setMinimumSize(110, 52)
        self.field.valueChanged.connect(self.value_changed.emit)
        self.less_button = BigButton("−", accessible_name=self.tr("Less: {0}").format(name))
        self.more_button = BigButton("+", accessible_name=self.tr("More: {0}").format(name))
        for button in (self.less_button, self.more_button):
            button.setFixedWidth(64)
            button.setMinimumHeight(52)
            button.setStyleSheet("padding: 4px 0px;")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes field to field
            button.setAutoRepeat(True)
        self.less_button.clicked.connect(lambda: self.field.setValue(self.field.value() - step))
        self.more_button.clicked.connect(lambda: self.field.setValue(self.field.value() + step))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.less_button)
        layout.addWidget(self.field)
        layout.addWidget(self.more_button)
        self.setFocusProxy(self.field)

    def value(self) -> int:
        """The number shown."""
        return self.field.value()

    def setValue(self, value: int) -> None:
        """Show ``value`` (kept within the range)."""
        self.field.setValue(value)
