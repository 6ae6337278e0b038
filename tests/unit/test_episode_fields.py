"""A cramp episode's fields are declared once: the table, the CSV and the dataclass agree."""

from __future__ import annotations

import csv
import io
import sqlite3
from contextlib import closing
from dataclasses import asdict, fields, replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from stretch_app import paths
from stretch_app.core.doctor import load_doctor_rules
from stretch_app.core.history import NightLog
from stretch_app.core.journal import CrampEpisode, EpisodeDetails, Journal
from stretch_app.core.journal_rows import EPISODE_DETAILS, check_episode
from stretch_app.core.report import build_report, read_csv, write_csv
from stretch_app.core.safety import load_safety_guide

#: Columns the CSV adds for a person to read, after the one each is worked out from.
SHOWN_AFTER = {"id": "night", "duration_s": "duration"}


def table_columns(path: Path) -> list[str]:
    with Journal.open(path), closing(sqlite3.connect(path)) as conn:
        return [row[1] for row in conn.execute("PRAGMA table_info(cramp_episodes)")]


def csv_of(*episodes: CrampEpisode) -> str:
    """The report's CSV for March 2026 with these episodes."""
    log = NightLog.build([], list(episodes), UTC)
    guide = load_safety_guide(paths.guidance_path())
    rules = load_doctor_rules(paths.doctor_rules_path())
    march = (date(2026, 3, 1), date(2026, 3, 31))
    return write_csv(build_report(log, *march, march[1], [], guide, rules), UTC)


def csv_header() -> list[str]:
    rows = list(csv.reader(io.StringIO(csv_of())))
    return rows[rows.index(["[episodes]"]) + 1]


def test_the_table_the_csv_header_and_the_dataclass_list_the_same_fields(tmp_path: Path) -> None:
    declared = [f.name for f in fields(EpisodeDetails)]
    assert [f.name for f in fields(CrampEpisode)] == [*declared, "id"]
    # The journal's table: ``id`` and then the declared details, in that order.
    assert table_columns(tmp_path / "journal.sqlite3") == ["id", *declared]
    # The CSV: the same, plus the columns written for reading.
    expected: list[str] = []
    for name in ("id", *declared):
        expected += [name, SHOWN_AFTER[name]] if name in SHOWN_AFTER else [name]
    assert csv_header() == expected
    # The checks and the row reader go by the same list.
    assert [d.name for d in EPISODE_DETAILS] == declared


def every_detail_given() -> EpisodeDetails:
    """An episode with every declared detail set to something other than its default."""
    start = datetime(2026, 3, 4, 2, 20, tzinfo=UTC)
    sample: dict[type, object] = {float: 665.5, int: 10, bool: True}
    values: dict[str, object] = {}
    for n, detail in enumerate(EPISODE_DETAILS):
        if detail.choices:
            default = next(f.default for f in fields(EpisodeDetails) if f.name == detail.name)
            values[detail.name] = max(detail.choices - {default})
        elif detail.kind is str:
            values[detail.name] = f"={detail.name}"  # one a spreadsheet would run
        elif detail.kind is datetime:
            values[detail.name] = start + timedelta(minutes=n)
        else:
            values[detail.name] = sample[detail.kind]
    return EpisodeDetails(**values)  # type: ignore[arg-type]


def test_every_declared_detail_is_checked_stored_and_read_back(tmp_path: Path) -> None:
    details = every_detail_given()
    # No detail is left at its default here, so a detail the journal dropped would show.
    for field in fields(EpisodeDetails):
        assert getattr(details, field.name) != field.default, field.name
    assert len(check_episode(details)) == len(fields(EpisodeDetails))
    with Journal.open(tmp_path / "journal.sqlite3") as journal:
        episode_id = journal.add_episode(details)
        (episode,) = journal.episodes()
    assert episode == CrampEpisode(**asdict(details), id=episode_id)
    (back,) = read_csv(csv_of(episode)).episodes
    assert back == episode  # every detail comes back, "past the emergency threshold" too


def test_a_csv_exported_before_the_emergency_column_still_reads() -> None:
    episode = CrampEpisode(**asdict(every_detail_given()), id=7)
    rows = list(csv.reader(io.StringIO(csv_of(episode))))
    header = rows.index(["[episodes]"]) + 1
    column = rows[header].index("emergency")
    for row in rows[header : header + 2]:
        del row[column]
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    (back,) = read_csv(out.getvalue()).episodes
    assert back == replace(episode, emergency=None)


@pytest.mark.parametrize("name", [f.name for f in fields(EpisodeDetails)])
def test_a_detail_of_the_wrong_type_is_refused_by_name(name: str) -> None:
    wrong = replace(EpisodeDetails(datetime(2026, 3, 4, 2, 20, tzinfo=UTC)), **{name: object()})
    with pytest.raises(ValueError, match=name):
        check_episode(wrong)
