"""The report for the doctor: its content, and a CSV that reads back into the same report."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from stretch_app import paths
from stretch_app.core.doctor import load_doctor_rules
from stretch_app.core.history import NightLog
from stretch_app.core.journal import EpisodeDetails, Journal
from stretch_app.core.report import (
    MEDICINE_FLAG,
    MEDICINE_NOT_LISTED,
    Report,
    ReportFormatError,
    build_report,
    read_csv,
    write_csv,
)
from stretch_app.core.safety import load_safety_guide
from tests.sample_diary import TZ, fill_march, local

MARCH = (date(2026, 3, 1), date(2026, 3, 31))


def march_report(journal: Journal, medicines: list[str]) -> Report:
    log = NightLog.build(journal.sessions(), journal.episodes(), TZ)
    return build_report(
        log,
        *MARCH,
        tonight=date(2026, 3, 27),
        medicines=medicines,
        guide=load_safety_guide(paths.guidance_path()),
        rules=load_doctor_rules(paths.assets_dir() / "guidance" / "doctor_rules.toml"),
    )


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Journal]:
    with Journal.open(tmp_path / "journal.sqlite3") as opened:
        fill_march(opened)
        yield opened


def test_the_report_gathers_the_period(journal: Journal) -> None:
    report = march_report(journal, ["Lyrica 75 mg", "paracetamol", "atorvastatin (a statin)"])
    assert report.first_night == date(2026, 3, 1)
    assert report.episodes == tuple(journal.episodes(since=local(2026, 3, 1, 12)))
    adherence = report.adherence
    assert adherence.nights == 26  # 1 to 26 March; tonight (the 27th) has nothing yet
    assert (adherence.routine_nights, adherence.partial_nights) == (17, 2)
    assert adherence.cramps_with_routine + adherence.cramps_without_routine == len(report.episodes)
    flagged = {m.name: m.article_name for m in report.medicines}
    assert flagged == {
        "Lyrica 75 mg": "pregabalin",
        "paracetamol": "",
        "atorvastatin (a statin)": "statins",
    }
    assert [f.rule_id for f in report.red_flags] == ["woken-often"]
    assert "not medical advice" in report.disclaimer


def test_findings_write_nights_as_the_caller_asks(journal: Journal) -> None:
    log = NightLog.build(journal.sessions(), journal.episodes(), TZ)
    report = build_report(
        log,
        *MARCH,
        tonight=date(2026, 3, 27),
        medicines=[],
        guide=load_safety_guide(paths.guidance_path("de")),
        rules=load_doctor_rules(paths.doctor_rules_path("de")),
        night_text=lambda night: f"<{night:%d.%m.}>",
    )
    (finding,) = report.red_flags
    assert "zwischen <13.03.> und <19.03.>" in finding.found
    assert read_csv(write_csv(report, TZ)) == report  # German text round-trips too


def test_the_csv_round_trips(journal: Journal) -> None:
    # Text a CSV writer must quote, and text a spreadsheet would take for a formula.
    awkward = 'Woke at 3, "really" bad;\nstretched, then walked — ok ✓'
    journal.add_episode(
        EpisodeDetails(local(2026, 3, 26, 23, 5), note=awkward, helped="=HYPERLINK()", pain=0)
    )
    journal.add_episode(EpisodeDetails(local(2026, 3, 27, 1, 2), note="-2 °C outside", leg="both"))
    journal.add_episode(
        EpisodeDetails(local(2026, 3, 27, 4, 0).replace(microsecond=123456), source="relief")
    )
    report = march_report(journal, ["@home remedy", "Prozac"])
    text = write_csv(report, TZ)
    assert read_csv(text) == report
    assert read_csv(write_csv(report)) == report  # in whatever zone the machine is


def test_the_csv_is_readable_in_a_spreadsheet(journal: Journal) -> None:
    journal.add_episode(EpisodeDetails(local(2026, 3, 26, 23, 5), note="=1+1"))
    text = write_csv(march_report(journal, ["Zoloft", "Vitamin D"]), TZ)
    rows = list(csv.reader(io.StringIO(text)))
    sections = [r[0] for r in rows if len(r) == 1 and r[0].startswith("[")]
    assert sections == ["[period]", "[routine]", "[episodes]", "[medicines]", "[red_flags]"]
    assert ["Zoloft", MEDICINE_FLAG, "sertraline", "depression"] in rows
    # One the article does not name is never marked safe, nor left blank.
    assert ["Vitamin D", MEDICINE_NOT_LISTED, "", ""] in rows
    episodes = [r for r in rows if len(r) == 16 and r[0].isdigit()]
    assert len(episodes) == len(journal.episodes())
    last = episodes[-1]
    assert last[1] == "Thu 26 Mar"  # the night
    assert last[2] == "2026-03-26T23:05:00+00:00"  # local time, with its offset
    assert last[13] == "'=1+1"  # never a live formula
    assert "stop taking" not in text.lower()


@pytest.mark.parametrize(
    "text",
    [
        "",
        "first_night,last_night\n2026-03-01,2026-03-31\n",
        "[period]\nfirst_night,last_night,disclaimer\nnot a date,2026-03-31,x\n",
        "[period]\nfirst_night,last_night,disclaimer\n2026-03-01,2026-03-31\n",
    ],
)
def test_a_file_that_is_not_a_report_is_refused(text: str) -> None:
    with pytest.raises(ReportFormatError):
        read_csv(text)
