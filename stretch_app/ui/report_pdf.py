"""The report for the doctor as a one-page PDF (QTextDocument drawn onto a QPdfWriter).

The page is printed, so it uses dark text on white whatever the app's look. A long month is
scaled down to fit on one page; past :data:`MAX_ROWS` episodes the rest are counted, not listed
(the CSV has them all).
"""

from __future__ import annotations

import errno
from collections.abc import Mapping
from datetime import date, datetime, tzinfo
from html import escape
from pathlib import Path
from typing import Final

from PySide6.QtCore import QBuffer, QCoreApplication, QDate, QIODevice, QLocale, QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument

from stretch_app.core.history import night_of
from stretch_app.core.journal import CrampEpisode
from stretch_app.core.model import format_duration
from stretch_app.core.report import Report
from stretch_app.core.userfile import NotAFileError, write_atomically
from stretch_app.ui.dates import short_night

__all__ = ["MAX_ROWS", "report_html", "report_title", "save_failure_text", "write_report_pdf"]

MAX_ROWS: Final = 45
_STYLE = """
body { font-family: sans-serif; font-size: 10pt; color: #111; }
h1 { font-size: 16pt; margin-bottom: 2pt; }
h2 { font-size: 12pt; margin-top: 10pt; margin-bottom: 3pt; }
table { border-collapse: collapse; }
th { background: #e8e2d8; text-align: left; }
td, th { padding: 2pt 4pt; border: 1px solid #bbb; }
.urgent { font-weight: bold; }
.muted { color: #555; }
"""


def report_title() -> str:
    """The report's heading, also the PDF's title, in the language in force."""
    return QCoreApplication.translate("ReportPdf", "Night leg cramps: diary for my doctor")


def _dated(night: date) -> str:
    """A night with its year: ``Sun 1 Mar 2026``."""
    return QLocale().toString(QDate(night.year, night.month, night.day), "ddd d MMM yyyy")


def _made(made: datetime) -> str:
    """When the report was made: ``5 Apr 2026 08:30``."""
    day = QLocale().toString(QDate(made.year, made.month, made.day), "d MMM yyyy")
    return f"{day} {made:%H:%M}"


def _number(value: float, decimals: int) -> str:
    return QLocale().toString(float(value), "f", decimals)


def _yes(value: bool | None) -> str:
    if value is None:
        return ""
    if value:
        return QCoreApplication.translate("ReportPdf", "yes")
    return QCoreApplication.translate("ReportPdf", "no")


def _rate(cramps: int, nights: int) -> str:
    if not nights:
        return QCoreApplication.translate("ReportPdf", "no such nights")
    rate = _number(cramps / nights, 2)
    if nights == 1:
        return QCoreApplication.translate("ReportPdf", "{0} ({1} in 1 night)").format(rate, cramps)
    return QCoreApplication.translate("ReportPdf", "{0} ({1} in {2} nights)").format(
        rate, cramps, nights
    )


def _leg(leg: str | None) -> str:
    names = {
        "left": QCoreApplication.translate("ReportPdf", "left"),
        "right": QCoreApplication.translate("ReportPdf", "right"),
        "both": QCoreApplication.translate("ReportPdf", "both"),
    }
    return names.get(leg or "", leg or "")


def _muscle(muscle: str | None) -> str:
    names = {
        "calf": QCoreApplication.translate("ReportPdf", "calf"),
        "back-of-thigh": QCoreApplication.translate("ReportPdf", "back of thigh"),
        "front-of-thigh": QCoreApplication.translate("ReportPdf", "front of thigh"),
        "foot": QCoreApplication.translate("ReportPdf", "foot"),
        "other": QCoreApplication.translate("ReportPdf", "other"),
    }
    return names.get(muscle or "", muscle or "")


def _episode_row(episode: CrampEpisode, tz: tzinfo | None, helped: Mapping[str, str]) -> str:
    cells = (
        short_night(night_of(episode.started_at, tz)),
        episode.started_at.astimezone(tz).strftime("%H:%M"),
        format_duration(episode.duration_s) if episode.duration_s is not None else "",
        _leg(episode.leg),
        _muscle(episode.muscle),
        "" if episode.pain is None else f"{episode.pain}/10",
        _yes(episode.woke_me),
        _yes(episode.swelling_numbness_skin),
        _yes(episode.elsewhere_in_body),
        helped.get(episode.helped or "", (episode.helped or "").replace("-", " ")),
        episode.note,
    )
    return "<tr>" + "".join(f"<td>{escape(c)}</td>" for c in cells) + "</tr>"


def _column_heads() -> str:
    heads = ((QCoreApplication.translate("ReportPdf", "Night"), 13),
             (QCoreApplication.translate("ReportPdf", "Time"), 6),
             (QCoreApplication.translate("ReportPdf", "Length"), 8),
             (QCoreApplication.translate("ReportPdf", "Leg"), 7),
             (QCoreApplication.translate("ReportPdf", "Muscle"), 12),
             (QCoreApplication.translate("ReportPdf", "Pain"), 8),
             (QCoreApplication.translate("ReportPdf", "Woke"), 8),
             (QCoreApplication.translate("ReportPdf", "Swelling / numb / skin"), 10),
             (QCoreApplication.translate("ReportPdf", "Other body parts"), 9),
             (QCoreApplication.translate("ReportPdf", "Helped"), 10),
             (QCoreApplication.translate("ReportPdf", "Note"), 9))  # fmt: skip
    return "".join(f"<th width='{width}%'>{escape(name)}</th>" for name, width in heads)


def _period(report: Report, tz: tzinfo | None, made: datetime | None) -> str:
    text = QCoreApplication.translate(
        "ReportPdf",
        "Nights from {0} to {1}. A night runs from noon to noon, so a cramp at 02:00 counts"
        " with the evening before.",
    ).format(_dated(report.first_night), _dated(report.last_night))
    if made is not None:
        text += " " + QCoreApplication.translate("ReportPdf", "Made on {0}.").format(
            _made(made.astimezone(tz))
        )
    return f"<p class='muted'>{escape(text)}</p>"


def _adherence(report: Report) -> str:
    a = report.adherence
    done = QCoreApplication.translate(
        "ReportPdf",
        "Done all the way through on {0} of {1} nights recorded (begun but stopped early on {2}).",
    ).format(a.routine_nights, a.nights, a.partial_nights)
    rates = QCoreApplication.translate(
        "ReportPdf", "Cramps per night with the routine: {0}; without it: {1}."
    ).format(
        _rate(a.cramps_with_routine, a.routine_nights),
        _rate(a.cramps_without_routine, a.nights - a.routine_nights),
    )
    return f"<p>{escape(done)}<br>{escape(rates)}</p>"


def _medicines(report: Report) -> str:
    if not report.medicines:
        none = QCoreApplication.translate("ReportPdf", "None listed.")
        return f"<p>{escape(none)}</p>"
    flag = QCoreApplication.translate("ReportPdf", "worth mentioning to your doctor")
    # An unmarked name is not "safe": the article's list is not complete.
    unlisted = QCoreApplication.translate(
        "ReportPdf", "not on the article's list — ask your doctor or pharmacist"
    )
    items = []
    for m in report.medicines:
        text = escape(m.name)
        if m.flagged:
            why = QCoreApplication.translate("ReportPdf", "{0}, used for {1}").format(
                m.article_name, m.used_for
            )
            text += f" — <b>{escape(flag)}</b> ({escape(why)})"
        else:
            text += f" — <span class='muted'>{escape(unlisted)}</span>"
        items.append(f"<li>{text}</li>")
    return "<ul>" + "".join(items) + "</ul>"


def _heading(text: str) -> str:
    return f"<h2>{escape(text)}</h2>"


def report_html(
    report: Report,
    tz: tzinfo | None = None,
    made: datetime | None = None,
    helped_names: Mapping[str, str] | None = None,
) -> str:
    """The report as rich text for QTextDocument, in the language in force.

    ``helped_names`` turns what helped (an exercise id) into its name; others are shown as kept.
    """
    parts = [
        f"<html><head><style>{_STYLE}</style></head><body>",
        f"<h1>{escape(report_title())}</h1>",
        _period(report, tz, made),
        _heading(QCoreApplication.translate("ReportPdf", "Bedtime stretches")),
        _adherence(report),
        _heading(QCoreApplication.translate("ReportPdf", "Cramps ({0})").format(
            len(report.episodes))),
    ]  # fmt: skip
    if report.episodes:
        parts.append(f"<table width='100%' cellspacing='0' cellpadding='3'><tr>{_column_heads()}")
        parts.append("</tr>")
        parts += [_episode_row(e, tz, helped_names or {}) for e in report.episodes[:MAX_ROWS]]
        parts.append("</table>")
        if len(report.episodes) > MAX_ROWS:
            more = QCoreApplication.translate(
                "ReportPdf", "…and {0} more (all are in the CSV export)."
            ).format(len(report.episodes) - MAX_ROWS)
            parts.append(f"<p class='muted'>{escape(more)}</p>")
    else:
        none = QCoreApplication.translate("ReportPdf", "No cramps recorded in this period.")
        parts.append(f"<p>{escape(none)}</p>")
    parts.append(_heading(QCoreApplication.translate("ReportPdf", "Medicines I take")))
    parts.append(_medicines(report))
    parts.append(_heading(QCoreApplication.translate("ReportPdf", "Signs worth talking about")))
    if report.red_flags:
        parts.append("<ul>")
        mark = escape(QCoreApplication.translate("ReportPdf", "Emergency sign"))
        for f in report.red_flags:  # urgent ones first, marked in words, not only in bold
            if f.urgent:
                found, advice = escape(f.found), escape(f.advice)
                parts.append(f"<li class='urgent'><b>{mark}:</b> {found} <b>{advice}</b></li>")
            else:
                parts.append(f"<li>{escape(f.found)} {escape(f.advice)}</li>")
        parts.append("</ul>")
    else:
        none = QCoreApplication.translate(
            "ReportPdf", "None of the signs the app looks for were recorded."
        )
        parts.append(f"<p>{escape(none)}</p>")
    parts.append(f"<p class='muted'><i>{escape(report.disclaimer)}</i></p></body></html>")
    return "".join(parts)


def write_report_pdf(
    report: Report,
    path: Path,
    tz: tzinfo | None = None,
    made: datetime | None = None,
    helped_names: Mapping[str, str] | None = None,
) -> None:
    """Write the report to ``path`` as a one-page A4 PDF, whole or not at all.

    The PDF is made in memory, checked, then written through a temporary file beside ``path``
    that is synced and renamed into place; ``OSError`` says why it could not be (a full disk,
    a read-only folder…), and then nothing at ``path`` has changed.
    """
    data = _render_pdf(report, tz, made, helped_names)
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-1024:]:
        raise OSError(errno.EIO, "the PDF could not be made", str(path))
    write_atomically(path, data)


def _render_pdf(
    report: Report,
    tz: tzinfo | None,
    made: datetime | None,
    helped_names: Mapping[str, str] | None,
) -> bytes:
    """The report as the bytes of a one-page A4 PDF."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(report_title())
    writer.setCreator("Nightstretch")
    writer.setResolution(300)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(14, 14, 14, 14),
            QPageLayout.Unit.Millimeter,
        )
    )
    page = writer.pageLayout().paintRectPixels(writer.resolution())
    document = QTextDocument()
    document.documentLayout().setPaintDevice(writer)
    document.setHtml(report_html(report, tz, made, helped_names))
    scale = 1.0
    for _ in range(6):  # shrink until the text, laid out at the scaled width, fits the height
        document.setTextWidth(page.width() / scale)
        height = document.size().height() * scale
        if height <= page.height():
            break
        scale *= page.height() / height * 0.99
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(errno.EIO, "the PDF could not be made")
    try:
        painter.scale(scale, scale)
        document.drawContents(painter)
    finally:
        painter.end()
    del writer  # finishes the document in the buffer
    buffer.close()
    return bytes(buffer.data().data())


def save_failure_text(error: OSError) -> str:
    """Why a file could not be saved, in plain words for the person."""
    if isinstance(error, NotAFileError):
        return QCoreApplication.translate("Export", "that is a device, not a file")
    reasons = {
        errno.ENOSPC: QCoreApplication.translate("Export", "the disk is full"),
        errno.EDQUOT: QCoreApplication.translate("Export", "the disk is full"),
        errno.EROFS: QCoreApplication.translate("Export", "the folder is read-only"),
        errno.EACCES: QCoreApplication.translate("Export", "no permission to write there"),
        errno.EPERM: QCoreApplication.translate("Export", "no permission to write there"),
        errno.ENOENT: QCoreApplication.translate("Export", "the folder does not exist"),
        errno.EISDIR: QCoreApplication.translate("Export", "that is a folder, not a file"),
    }
    return reasons.get(error.errno or 0) or error.strerror or str(error)
