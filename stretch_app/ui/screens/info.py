"""Guidance pages from the article, in our own words; the "not medical advice" line stays shown."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFontMetrics, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from stretch_app.core.safety import SafetyGuide
from stretch_app.ui.widgets.buttons import BigButton

__all__ = ["EMERGENCY_PAGE", "InfoScreen", "guide_pages"]

EMERGENCY_PAGE = "emergency"
"""The page listed first and shown when the screen opens: when to get emergency care."""


def _section(lead: str, lines: tuple[str, ...], after: tuple[str, ...] = ()) -> str:
    items = "".join(f"<li>{escape(line)}</li>" for line in lines)
    more = "".join(f"<p>{escape(line)}</p>" for line in after)
    return f"<p>{escape(lead)}</p><ul>{items}</ul>{more}" if lead else f"<ul>{items}</ul>{more}"


def guide_pages(guide: SafetyGuide) -> list[tuple[str, str, str]]:
    """Every page as (id, title, rich text): emergency care first, the other safety pages
    next, then the background."""
    doctor, emergency = guide.see_doctor, guide.emergency
    medicines = []
    for note in guide.medicines:
        others = [n for n in note.names if n.lower() not in note.generic.lower()]
        also = f" ({', '.join(others)})" if others else ""
        medicines.append(
            QCoreApplication.translate("InfoScreen", "{0}{1}, used for {2}").format(
                note.generic, also, note.used_for
            )
        )
    pages = [
        (EMERGENCY_PAGE, emergency.title, _section(emergency.lead, emergency.signs)),
        ("see-doctor", doctor.title, _section(doctor.lead, doctor.signs, doctor.also)),
        ("prevention", guide.prevention.title, _section("", guide.prevention.tips)),
        (
            "medicines",
            QCoreApplication.translate("InfoScreen", "Medicines and cramps"),
            _section(
                QCoreApplication.translate(
                    "InfoScreen",
                    "The article names these medicines as possible causes of night leg cramps."
                    " If you take one, it is worth mentioning to your doctor.",
                ),
                tuple(medicines),
                (
                    QCoreApplication.translate(
                        "InfoScreen",
                        "The article's list is not complete: a medicine that is not on it is not"
                        " known to be safe. Ask your doctor or pharmacist.",
                    ),
                ),
            ),
        ),
    ]
    for page in guide.pages:
        text = "".join(f"<p>{escape(p)}</p>" for p in page.paragraphs)
        pages.append((page.id, page.title, text))
    return pages


class InfoScreen(QWidget):
    """A list of guidance pages beside the chosen page's text; the disclaimer stays in view."""

    back_requested = Signal()

    def __init__(
        self, guide: SafetyGuide, first_page: str = EMERGENCY_PAGE, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("guidance")
        self.pages = guide_pages(guide)
        self.back_button = BigButton("◀ " + self.tr("Back"), accessible_name=self.tr("Back"))
        self.back_button.clicked.connect(self.back_requested.emit)
        self.title_label = QLabel(self.tr("Guidance"))
        self.title_label.setProperty("role", "title")
        header = QHBoxLayout()
        header.addWidget(self.back_button)
        header.addSpacing(16)
        header.addWidget(self.title_label, 1)
        self.page_list = QListWidget()
        self.page_list.setAccessibleName(self.tr("Guidance pages"))
        self.page_list.setWordWrap(True)
        self.page_list.setMaximumWidth(380)
        self.page_list.setSpacing(6)
        for page_id, title, _text in self.pages:
            item = QListWidgetItem(title)
            item.setData(Qt.ItemDataRole.UserRole, page_id)
            self.page_list.addItem(item)
        # Wrapped titles are measured by hand: the list's own measure ran at another width
        # and cut "Medikamente und Krämpfe" to "Medikamente und …".
        self.page_list.viewport().installEventFilter(self)
        self.text_view = QTextBrowser()
        self.text_view.setAccessibleName(self.tr("Page text"))
        self.text_view.setOpenLinks(False)
        self.page_list.currentRowChanged.connect(self._show_row)
        self.disclaimer_label = QLabel(guide.disclaimer)
        self.disclaimer_label.setObjectName("disclaimer")
        self.disclaimer_label.setProperty("role", "notice")
        self.disclaimer_label.setWordWrap(True)
        body = QHBoxLayout()
        body.setSpacing(24)
        body.addWidget(self.page_list, 2)
        body.addWidget(self.text_view, 5)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 20, 32, 20)
        layout.setSpacing(16)
        layout.addLayout(header)
        layout.addLayout(body, 1)
        layout.addWidget(self.disclaimer_label)
        escape = QShortcut(QKeySequence("Escape"), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.back_requested.emit)
        self.setFocusProxy(self.page_list)
        if not self.show_page(first_page):
            self.page_list.setCurrentRow(0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Re-measure the page titles whenever the list's width changes."""
        if event.type() == QEvent.Type.Resize and watched is self.page_list.viewport():
            self._fit_titles()
        return super().eventFilter(watched, event)

    def _fit_titles(self) -> None:
        self.page_list.ensurePolished()
        metrics = QFontMetrics(self.page_list.font())
        width = self.page_list.viewport().width() - 2 * self.page_list.spacing() - 6
        if width <= 0:
            return
        for row in range(self.page_list.count()):
            item = self.page_list.item(row)
            if item is None:
                continue
            bounds = metrics.boundingRect(
                QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, item.text()
            )
            item.setSizeHint(QSize(width, bounds.height() + 2))

    def page_ids(self) -> list[str]:
        """The ids of the pages, in the order listed."""
        return [page_id for page_id, _title, _text in self.pages]

    def show_page(self, page_id: str) -> bool:
        """Show a page by id; False if there is no such page."""
        ids = self.page_ids()
        if page_id not in ids:
            return False
        self.page_list.setCurrentRow(ids.index(page_id))
        return True

    def _show_row(self, row: int) -> None:
        if 0 <= row < len(self.pages):
            _page_id, title, text = self.pages[row]
            self.text_view.setHtml(f"<h2>{escape(title)}</h2>{text}")

    def current_text(self) -> str:
        """The plain text of the page shown."""
        return self.text_view.toPlainText()
