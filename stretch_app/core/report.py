"""The report for the doctor: what goes in it, and its CSV form (written and read back).

:func:`build_report` gathers a period's episodes, routine adherence, the medicine list (those
the article names flagged "worth mentioning to your doctor") and the doctor rules that fired.
The PDF (``ui/report_pdf.py``) renders the same :class:`Report`.

The CSV is one file of labelled blocks, each a ``[name]`` line, a header row, rows, and a blank
line, so it opens readably in a spreadsheet and reads back into an equal :class:`Report`.
Free text that a spreadsheet could take for a formula is written with a leading ``'``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, fields
from datetime import date, datetime, tzinfo
from pathlib import Path
from typing import Any, Final

from stretch_app.core.doctor import DoctorRules, Finding, evaluate, format_night
from stretch_app.core.history import NightLog, night_of
from stretch_app.core.journal_rows import EPISODE_DETAILS, CrampEpisode, EpisodeField
from stretch_app.core.model import format_duration
from stretch_app.core.safety import SafetyGuide
from stretch_app.core.userfile import write_atomically

__all__ = [
    "EPISODE_COLUMNS",
    "MEDICINE_FLAG",
    "MEDICINE_NOT_LISTED",
    "Adherence",
    "MedicineLine",
    "Report",
    "ReportFormatError",
    "build_report",
    "read_csv",
    "save_csv",
    "write_csv",
]

MEDICINE_FLAG: Final = "worth mentioning to your doctor"

MEDICINE_NOT_LISTED: Final = "not on the article's list — ask your doctor or pharmacist"
"""The flag of a medicine the article does not name: never "safe", only not listed."""

_ADDED_LATER: Final = frozenset({"emergency"})
"""Episode columns a CSV written before 2026-11-30 lacks; such a CSV still reads, without them."""
_SHOWN_AFTER: Final = {"id": "night", "duration_s": "duration"}
"""Columns written for a person to read, after the detail they are worked out from."""
EPISODE_COLUMNS: Final = tuple(
    column
    for name in ("id", *(d.name for d in EPISODE_DETAILS))
    for column in (name, _SHOWN_AFTER.get(name))
    if column is not None
)
"""The CSV's episode columns: the journal's, in its order, with the two written for reading."""
_FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r", "'")


class ReportFormatError(ValueError):
    """A CSV file is not a Nightstretch report; the message says where."""


@dataclass(frozen=True, slots=True)
class Adherence:
    """How often the routine was done in the period, and cramps on nights with and without it."""

    nights: int
    routine_nights: int
    """Nights the routine was done all the way through."""
    partial_nights: int
    """Nights it was begun but stopped part-way."""
    cramps_with_routine: int
    cramps_without_routine: int


@dataclass(frozen=True, slots=True)
class MedicineLine:
    """A medicine the person listed; ``article_name`` is set when the article names it."""

    name: str
    article_name: str = ""
    used_for: str = ""

    @property
    def flagged(self) -> bool:
        """Whether the article names it as a possible cause of night leg cramps."""
        return bool(self.article_name)


@dataclass(frozen=True, slots=True)
class Report:
    """Everything the doctor's report shows, for one period of nights."""

    first_night: date
    last_night: date
    disclaimer: str
    adherence: Adherence
    episodes: tuple[CrampEpisode, ...]
    medicines: tuple[MedicineLine, ...]
    red_flags: tuple[Finding, ...]


def build_report(
    log: NightLog,
    first_night: date,
    last_night: date,
    tonight: date,
    medicines: Iterable[str],
    guide: SafetyGuide,
    rules: DoctorRules,
    night_text: Callable[[date], str] = format_night,
) -> Report:
    """Gather a period's report from the nights recorded and the medicine list.

    ``night_text`` writes a night in the findings (the app passes one in its language, as the
    history screen's notice does); ``guide`` and ``rules`` are already in that language.
    """
    nights = log.counted_nights(first_night, last_night, tonight)
    comparison = log.comparison(first_night, last_night, tonight)
    adherence = Adherence(
        nights=len(nights),
        routine_nights=comparison.nights_with,
        partial_nights=sum(1 for n in nights if n.routine == "partial"),
        cramps_with_routine=comparison.cramps_with,
        cramps_without_routine=comparison.cramps_without,
    )
    episodes = tuple(log.episodes_between(first_night, last_night))
    lines = []
    for name in medicines:
        note = guide.flag_medicine(name)
        line = MedicineLine(name, note.generic, note.used_for) if note else MedicineLine(name)
        lines.append(line)
    return Report(
        first_night=first_night,
        last_night=last_night,
        disclaimer=guide.disclaimer,
        adherence=adherence,
        episodes=episodes,
        medicines=tuple(lines),
        red_flags=tuple(evaluate(rules, episodes, log.tz, night_text)),
    )


# --- writing ----------------------------------------------------------------------------------


def _safe(text: str) -> str:
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def _yes_no(value: bool | None) -> str:
    return "" if value is None else ("yes" if value else "no")


def write_csv(report: Report, tz: tzinfo | None = None) -> str:
    """The report as CSV text; times are written in local time with their UTC offset."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")

    def block(name: str, header: Sequence[str], rows: Iterable[Sequence[str]]) -> None:
        writer.writerow([f"[{name}]"])
        writer.writerow(header)
        writer.writerows(rows)
        writer.writerow([])

    block(
        "period",
        ("first_night", "last_night", "disclaimer"),
        [(report.first_night.isoformat(), report.last_night.isoformat(), report.disclaimer)],
    )
    names = [f.name for f in fields(Adherence)]
    block("routine", names, [[str(getattr(report.adherence, n)) for n in names]])
    block("episodes", EPISODE_COLUMNS, [_episode_row(e, tz) for e in report.episodes])
    block(
        "medicines",
        ("name", "flag", "article_name", "used_for"),
        [
            (
                _safe(m.name),
                MEDICINE_FLAG if m.flagged else MEDICINE_NOT_LISTED,
                m.article_name,
                m.used_for,
            )
            for m in report.medicines
        ],
    )
    block(
        "red_flags",
        ("rule_id", "urgent", "found", "advice", "nights"),
        [
            (f.rule_id, _yes_no(f.urgent), _safe(f.found), _safe(f.advice),
             ";".join(n.isoformat() for n in f.nights))
            for f in report.red_flags
        ],
    )  # fmt: skip
    return out.getvalue()


def save_csv(report: Report, path: Path, tz: tzinfo | None = None) -> None:
    """Write the report's CSV to ``path`` whole or not at all; ``OSError`` says why not."""
    write_atomically(path, write_csv(report, tz).encode("utf-8"))


def _cell(detail: EpisodeField, value: object, tz: tzinfo | None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.astimezone(tz).isoformat()
    if isinstance(value, bool):
        return _yes_no(value)
    if isinstance(value, float):
        return repr(value)  # every digit, so it reads back equal
    if detail.kind is str and not detail.choices:
        return _safe(str(value))  # free text: a spreadsheet must not run it
    return str(value)


def _episode_row(episode: CrampEpisode, tz: tzinfo | None) -> list[str]:
    cells = {d.name: _cell(d, getattr(episode, d.name), tz) for d in EPISODE_DETAILS}
    cells["id"] = str(episode.id)
    cells["night"] = format_night(night_of(episode.started_at, tz))
    duration = episode.duration_s
    cells["duration"] = format_duration(duration) if duration is not None else ""
    return [cells[column] for column in EPISODE_COLUMNS]


# --- reading ----------------------------------------------------------------------------------


def _unsafe(text: str) -> str:
    return text[1:] if text.startswith("'") else text


def _blocks(text: str) -> dict[str, list[dict[str, str]]]:
    blocks: dict[str, list[dict[str, str]]] = {}
    rows = list(csv.reader(io.StringIO(text)))
    index = 0
    while index < len(rows):
        row = rows[index]
        if not row:
            index += 1
            continue
        if len(row) != 1 or not (row[0].startswith("[") and row[0].endswith("]")):
            raise ReportFormatError(f"line {index + 1}: expected a [section] line, got {row!r}")
        if index + 1 >= len(rows):
            raise ReportFormatError(f"line {index + 1}: {row[0]} has no header row")
        header = rows[index + 1]
        body: list[dict[str, str]] = []
        index += 2
        while index < len(rows) and rows[index]:
            if len(rows[index]) != len(header):
                cells = len(rows[index])
                raise ReportFormatError(f"line {index + 1}: {cells} cells, not {len(header)}")
            body.append(dict(zip(header, rows[index], strict=True)))
            index += 1
        blocks[row[0][1:-1]] = body
    return blocks


def _bool(value: str) -> bool | None:
    if value not in ("", "yes", "no"):
        raise ReportFormatError(f"expected yes, no or nothing, got {value!r}")
    return None if value == "" else value == "yes"


def _value(detail: EpisodeField, text: str) -> object:
    if detail.kind is datetime:
        return datetime.fromisoformat(text)
    if detail.kind is bool:
        return _bool(text)
    if detail.choices and text not in detail.choices:
        raise ReportFormatError(f"{detail.name}: unexpected value {text!r}")
    kind: Callable[[str], object] = detail.kind
    return kind(text)


def _episode(row: dict[str, str]) -> CrampEpisode:
    values: dict[str, Any] = {}
    for detail in EPISODE_DETAILS:
        if detail.name in _ADDED_LATER and detail.name not in row:
            continue  # an export from before the column was added
        text = row[detail.name]
        if detail.kind is str and not detail.choices:
            text = _unsafe(text)
        if text:  # an empty cell leaves the detail at its default (not noted)
            values[detail.name] = _value(detail, text)
    return CrampEpisode(id=int(row["id"]), **values)


def read_csv(text: str) -> Report:
    """Read a report written by :func:`write_csv`; raise :class:`ReportFormatError` if not one."""
    try:
        blocks = _blocks(text)
        (period,) = blocks["period"]
        (routine,) = blocks["routine"]
        return Report(
            first_night=date.fromisoformat(period["first_night"]),
            last_night=date.fromisoformat(period["last_night"]),
            disclaimer=period["disclaimer"],
            adherence=Adherence(**{k: int(v) for k, v in routine.items()}),
            episodes=tuple(_episode(row) for row in blocks["episodes"]),
            medicines=tuple(
                MedicineLine(_unsafe(m["name"]), m["article_name"], m["used_for"])
                for m in blocks["medicines"]
            ),
            red_flags=tuple(
                Finding(
                    rule_id=f["rule_id"],
                    found=_unsafe(f["found"]),
                    advice=_unsafe(f["advice"]),
                    urgent=bool(_bool(f["urgent"])),
                    nights=tuple(date.fromisoformat(n) for n in f["nights"].split(";") if n),
                )
                for f in blocks["red_flags"]
            ),
        )
    except ReportFormatError:
        raise
    except (KeyError, ValueError, TypeError) as exc:
        raise ReportFormatError(f"not a Nightstretch report: {exc!r}") from None
