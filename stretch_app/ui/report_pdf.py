"""The report for the doctor as a one-page PDF (QTextDocument drawn onto a QPdfWriter).

The page is printed, so it uses dark text on white whatever the app's look. A long month is
scaled down to fit on one page; past :data:`MAX_ROWS` episodes the rest are counted, not listed
(the CSV has them all).
"""

from __future__ import annotations

from datetime import datetime, tzinfo
from html import escape
from pathlib import Path
from typing import Final

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument

from stretch_app.core.doctor import format_night
from stretch_app.core.history import format_minutes, night_of
from stretch_app.core.journal import CrampEpisode
from stretch_app.core.report import MEDICINE_FLAG, Report

__all__ = ["MAX_ROWS", "report_html", "write_report_pdf"]

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
_MUSCLE = {"back-of-thigh": "back of thigh", "front-of-thigh": "front of thigh"}


def _yes(value: bool | None) -> str:
    return "" if value is None else ("yes" if value else "no")


def _rate(cramps: int, nights: int) -> str:
    return f"{cramps / nights:.2f} ({cramps} in {nights} nights)" if nights else "no such nights"


def _episode_row(episode: CrampEpisode, tz: tzinfo | None) -> str:
    cells = (
        format_night(night_of(episode.started_at, tz)),
        episode.started_at.astimezone(tz).strftime("%H:%M"),
        format_minutes(episode.duration_s) if episode.duration_s is not None else "",
        episode.leg or "",
        _MUSCLE.get(episode.muscle or "", episode.muscle or ""),
        "" if episode.pain is None else f"{episode.pain}/10",
        _yes(episode.woke_me),
        _yes(episode.swelling_numbness_skin),
        _yes(episode.elsewhere_in_body),
        (episode.helped or "").replace("-", " "),
        episode.note,
    )
    return "<tr>" + "".join(f"<td>{escape(c)}</td>" for c in cells) + "</tr>"


def report_html(report: Report, tz: tzinfo | None = None, made: datetime | None = None) -> str:
    """The report as rich text for QTextDocument."""
    first, last = report.first_night, report.last_night
    made_text = f" Made on {made.astimezone(tz):%d %b %Y %H:%M}." if made else ""
    a = report.adherence
    parts = [
        f"<html><head><style>{_STYLE}</style></head><body>",
        "<h1>Night leg cramps: diary for my doctor</h1>",
        f"<p class='muted'>Nights from {escape(format_night(first))} {first.year} to "
        f"{escape(format_night(last))} {last.year}. A night runs from noon to noon, so a cramp "
        f"at 02:00 counts with the evening before.{escape(made_text)}</p>",
        "<h2>Bedtime stretches</h2>",
        f"<p>Done all the way through on {a.routine_nights} of {a.nights} nights recorded"
        f" (begun but stopped early on {a.partial_nights}).<br>Cramps per night with the"
        f" routine: {_rate(a.cramps_with_routine, a.routine_nights)}; without it:"
        f" {_rate(a.cramps_without_routine, a.nights - a.routine_nights)}.</p>",
        f"<h2>Cramps ({len(report.episodes)})</h2>",
    ]
    if report.episodes:
        heads = (("Night", 12), ("Time", 6), ("Length", 8), ("Leg", 6), ("Muscle", 12),
                 ("Pain", 6), ("Woke", 7), ("Swelling / numb / skin", 11),
                 ("Other body parts", 10), ("Helped", 11), ("Note", 11))  # fmt: skip
        header = "".join(f"<th width='{width}%'>{name}</th>" for name, width in heads)
        parts.append(f"<table width='100%' cellspacing='0' cellpadding='3'><tr>{header}</tr>")
        parts += [_episode_row(e, tz) for e in report.episodes[:MAX_ROWS]]
        parts.append("</table>")
        if len(report.episodes) > MAX_ROWS:
            more = len(report.episodes) - MAX_ROWS
            parts.append(f"<p class='muted'>…and {more} more (all are in the CSV export).</p>")
    else:
        parts.append("<p>No cramps recorded in this period.</p>")
    parts.append("<h2>Medicines I take</h2>")
    if report.medicines:
        items = []
        for m in report.medicines:
            text = escape(m.name)
            if m.flagged:
                text += f" — <b>{MEDICINE_FLAG}</b> ({escape(m.article_name)}, used for"
                text += f" {escape(m.used_for)})"
            items.append(f"<li>{text}</li>")
        parts.append("<ul>" + "".join(items) + "</ul>")
    else:
        parts.append("<p>None listed.</p>")
    parts.append("<h2>Signs worth talking about</h2>")
    if report.red_flags:
        parts.append("<ul>")
        for f in report.red_flags:
            css = " class='urgent'" if f.urgent else ""
            parts.append(f"<li{css}>{escape(f.found)} {escape(f.advice)}</li>")
        parts.append("</ul>")
    else:
        parts.append("<p>None of the signs the app looks for were recorded.</p>")
    parts.append(f"<p class='muted'><i>{escape(report.disclaimer)}</i></p></body></html>")
    return "".join(parts)


def write_report_pdf(
    report: Report, path: Path, tz: tzinfo | None = None, made: datetime | None = None
) -> None:
    """Write the report to ``path`` as a one-page A4 PDF; raise OSError if it cannot."""
    writer = QPdfWriter(str(path))
    writer.setTitle("Night leg cramps: diary for my doctor")
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
    document.setHtml(report_html(report, tz, made))
    scale = 1.0
    for _ in range(6):  # shrink until the text, laid out at the scaled width, fits the height
        document.setTextWidth(page.width() / scale)
        height = document.size().height() * scale
        if height <= page.height():
            break
        scale *= page.height() / height * 0.99
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"{path}: cannot be written")
    try:
        painter.scale(scale, scale)
        document.drawContents(painter)
    finally:
        painter.end()
