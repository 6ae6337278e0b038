"""The journal keeps what it was told, across restarts, migrations, damage and a killed process."""

from __future__ import annotations

import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import closing
from dataclasses import asdict, replace
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from stretch_app.core.journal import (
    SCHEMA_VERSION,
    CrampEpisode,
    EpisodeDetails,
    Journal,
    JournalError,
)
from stretch_app.paths import journal_path

WRITER = Path(__file__).with_name("_journal_writer.py")
NIGHT = datetime(2024, 3, 1, 23, 30, tzinfo=UTC)
CET = timezone(timedelta(hours=1))


@pytest.fixture
def path() -> Path:
    return journal_path()


@pytest.fixture
def journal(path: Path) -> Iterator[Journal]:
    with Journal.open(path) as opened:
        yield opened


def _sql(path: Path, query: str) -> list[tuple[object, ...]]:
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute(query).fetchall()


# --- opening ------------------------------------------------------------------------------------


def test_open_creates_folder_and_file_in_wal_mode_at_the_latest_version(path: Path) -> None:
    assert not path.parent.exists()
    with Journal.open(path) as journal:
        assert journal.recovered_from is None
    assert path.is_file()
    assert _sql(path, "PRAGMA journal_mode") == [("wal",)]
    assert _sql(path, "PRAGMA user_version") == [(SCHEMA_VERSION,)]


def test_a_closed_journal_refuses_work_with_a_journal_error(path: Path) -> None:
    journal = Journal.open(path)
    journal.close()
    journal.close()  # twice is fine
    with pytest.raises(JournalError, match=re.escape(str(path))):
        journal.episodes()


# --- sessions -----------------------------------------------------------------------------------


def test_sessions_round_trip_as_utc_and_filter_by_start(journal: Journal) -> None:
    early = journal.record_session(
        "bedtime",
        NIGHT.astimezone(CET),
        NIGHT.astimezone(CET) + timedelta(minutes=6),
        completed=True,
        holds_done=8,
        last_step_index=3,
    )
    late = journal.record_session(
        "bedtime", NIGHT + timedelta(days=1), NIGHT + timedelta(days=1, minutes=2), completed=False
    )
    first, second = journal.sessions()
    assert (first.id, second.id) == (early, late)
    assert first.routine_id == "bedtime"
    assert first.started_at == NIGHT and first.started_at.tzinfo == UTC
    assert first.ended_at == NIGHT + timedelta(minutes=6)
    assert (first.completed, first.holds_done, first.last_step_index) == (True, 8, 3)
    assert (second.completed, second.holds_done, second.last_step_index) == (False, 0, 0)
    assert [s.id for s in journal.sessions(since=NIGHT + timedelta(hours=1))] == [late]


def test_naive_times_are_refused(journal: Journal) -> None:
    with pytest.raises(ValueError, match="time zone"):
        journal.record_session("bedtime", datetime(2024, 3, 1), NIGHT, completed=True)
    with pytest.raises(ValueError, match="time zone"):
        journal.add_episode(EpisodeDetails(datetime(2024, 3, 1)))
    assert journal.sessions() == [] and journal.episodes() == []


# --- cramp episodes -----------------------------------------------------------------------------


def test_an_episode_with_every_detail_round_trips(journal: Journal) -> None:
    details = EpisodeDetails(
        NIGHT.astimezone(CET),
        ended_at=NIGHT + timedelta(seconds=95),
        duration_s=94.5,
        leg="left",
        muscle="back-of-thigh",
        pain=7,
        woke_me=True,
        helped="calf-stretch",
        swelling_numbness_skin=False,
        elsewhere_in_body=False,
        note='it "pulled" \\ badly — ouch',
        source="relief",
    )
    episode_id = journal.add_episode(details)
    (episode,) = journal.episodes()
    assert episode == CrampEpisode(**asdict(details), id=episode_id)
    assert episode.started_at.tzinfo is UTC  # kept in UTC, whatever zone it came in


def test_an_episode_with_only_a_start_is_manual_and_blank(journal: Journal) -> None:
    episode_id = journal.add_episode(EpisodeDetails(NIGHT))
    (episode,) = journal.episodes()
    assert episode == CrampEpisode(NIGHT, id=episode_id, note="", source="manual")
    assert [episode.leg, episode.pain, episode.woke_me, episode.emergency] == [None] * 4


def test_update_changes_only_what_is_given(journal: Journal) -> None:
    episode_id = journal.add_episode(EpisodeDetails(NIGHT, source="relief", duration_s=60, pain=5))
    journal.update_episode(
        episode_id, lambda e: replace(e, leg="both", muscle="calf", woke_me=False, note="ok")
    )
    journal.update_episode(episode_id, lambda e: replace(e, pain=None))
    journal.update_episode(episode_id, lambda e: e)  # nothing to change, but it exists
    (episode,) = journal.episodes()
    assert (episode.leg, episode.muscle, episode.woke_me, episode.note) == (
        "both",
        "calf",
        False,
        "ok",
    )
    assert (episode.pain, episode.duration_s, episode.source) == (None, 60.0, "relief")
    journal.update_episode(episode_id, lambda e: replace(e, started_at=NIGHT + timedelta(hours=1)))
    assert journal.episodes()[0].started_at == NIGHT + timedelta(hours=1)


def test_update_of_a_missing_episode_raises_key_error(journal: Journal) -> None:
    with pytest.raises(KeyError):
        journal.update_episode(999, lambda e: replace(e, pain=3))
    with pytest.raises(KeyError):
        journal.update_episode(999, lambda e: e)


@pytest.mark.parametrize(
    ("detail", "value"),
    [
        ("leg", "middle"),
        ("muscle", "shin"),
        ("pain", 11),
        ("pain", -1),
        ("pain", True),
        ("duration_s", -1.0),
        ("woke_me", 1),
        ("source", "guess"),
        ("note", None),
    ],
)
def test_invalid_details_are_refused_and_nothing_is_written(
    journal: Journal, detail: str, value: object
) -> None:
    with pytest.raises(ValueError, match=detail):
        journal.add_episode(EpisodeDetails(NIGHT, **{detail: value}))  # type: ignore[misc]
    assert journal.episodes() == []


def test_an_unknown_detail_is_a_type_error(journal: Journal) -> None:
    episode_id = journal.add_episode(EpisodeDetails(NIGHT))
    with pytest.raises(TypeError, match="id"):
        journal.update_episode(episode_id, lambda e: replace(e, id=5))  # type: ignore[call-arg]


def test_delete_and_date_range(journal: Journal) -> None:
    ids = [journal.add_episode(EpisodeDetails(NIGHT + timedelta(days=n))) for n in range(4)]
    assert journal.delete_episode(ids[0]) is True
    assert journal.delete_episode(ids[0]) is False
    window = journal.episodes(since=NIGHT + timedelta(days=1), until=NIGHT + timedelta(days=3))
    assert [e.id for e in window] == ids[1:3]
    assert [e.id for e in journal.episodes(since=NIGHT + timedelta(days=2))] == ids[2:]
    assert [e.id for e in journal.episodes(until=NIGHT + timedelta(days=2))] == ids[1:2]


# --- medicines ----------------------------------------------------------------------------------


def test_medicines_round_trip_once_per_name(journal: Journal) -> None:
    first = journal.add_medicine("Quinine  sulfate", added_at=NIGHT)
    second = journal.add_medicine("Diuretic", added_at=NIGHT + timedelta(days=1))
    assert journal.add_medicine("quinine sulfate") == first
    assert [(m.id, m.name, m.added_at) for m in journal.medicines()] == [
        (first, "Quinine sulfate", NIGHT),
        (second, "Diuretic", NIGHT + timedelta(days=1)),
    ]
    assert journal.remove_medicine(first) is True
    assert journal.remove_medicine(first) is False
    assert [m.name for m in journal.medicines()] == ["Diuretic"]
    with pytest.raises(ValueError):
        journal.add_medicine("   ")


# --- after a restart ----------------------------------------------------------------------------


def test_everything_is_there_after_a_restart(path: Path) -> None:
    with Journal.open(path) as journal:
        session = journal.record_session("bedtime", NIGHT, NIGHT, completed=True, holds_done=8)
        episode = journal.add_episode(EpisodeDetails(NIGHT, leg="right", pain=4, source="relief"))
        medicine = journal.add_medicine("Statin", added_at=NIGHT)
        before = (journal.sessions(), journal.episodes(), journal.medicines())
    assert not path.with_name(path.name + "-wal").exists()  # checkpointed on close
    with Journal.open(path) as journal:
        after = (journal.sessions(), journal.episodes(), journal.medicines())
        assert journal.recovered_from is None
    assert after == before
    assert [after[0][0].id, after[1][0].id, after[2][0].id] == [session, episode, medicine]


# --- migrations ---------------------------------------------------------------------------------

# Written out here, as version 1 shipped, rather than taken from the code under test.
_V1_SCHEMA = """
CREATE TABLE sessions (
    id INTEGER PRIMARY KEY, routine_id TEXT NOT NULL,
    started_at TEXT NOT NULL, ended_at TEXT NOT NULL,
    completed INTEGER NOT NULL CHECK (completed IN (0, 1)),
    holds_done INTEGER NOT NULL CHECK (holds_done >= 0),
    last_step_index INTEGER NOT NULL CHECK (last_step_index >= 0));
CREATE TABLE cramp_episodes (
    id INTEGER PRIMARY KEY, started_at TEXT NOT NULL, ended_at TEXT,
    duration_s REAL CHECK (duration_s >= 0),
    leg TEXT CHECK (leg IN ('left', 'right', 'both')), muscle TEXT,
    pain INTEGER CHECK (pain BETWEEN 0 AND 10), woke_me INTEGER, helped TEXT,
    swelling_numbness_skin INTEGER, elsewhere_in_body INTEGER,
    note TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL CHECK (source IN ('relief', 'manual')));
INSERT INTO sessions VALUES
    (7, 'bedtime', '2024-03-01T23:30:00.000000+00:00', '2024-03-01T23:36:00.000000+00:00', 1, 8, 3);
INSERT INTO cramp_episodes VALUES
    (4, '2024-03-02T03:10:00.000000+00:00', NULL, 120.0, 'left', 'calf', 6, 1, 'calf-stretch',
     0, NULL, 'old note', 'relief');
PRAGMA user_version = 1;
"""


def test_a_version_1_journal_is_migrated_and_keeps_its_rows(path: Path) -> None:
    path.parent.mkdir(parents=True)
    with closing(sqlite3.connect(path)) as conn:
        conn.executescript(_V1_SCHEMA)
    with Journal.open(path) as journal:
        assert journal.recovered_from is None
        (session,) = journal.sessions()
        (episode,) = journal.episodes()
        assert (session.id, session.started_at, session.holds_done) == (7, NIGHT, 8)
        assert (episode.id, episode.leg, episode.woke_me, episode.swelling_numbness_skin) == (
            4,
            "left",
            True,
            False,
        )
        assert (episode.elsewhere_in_body, episode.note) == (None, "old note")
        assert episode.emergency is None  # version 3: not known for rows written before it
        journal.update_episode(4, lambda e: replace(e, emergency=True))
        assert journal.episodes()[0].emergency is True
        assert journal.medicines() == []
        journal.add_medicine("Statin")
        assert journal.add_episode(EpisodeDetails(NIGHT)) == 5
    assert _sql(path, "PRAGMA user_version") == [(SCHEMA_VERSION,)]
    indexes = {row[0] for row in _sql(path, "SELECT name FROM sqlite_master WHERE type='index'")}
    assert {"sessions_started_at", "cramp_episodes_started_at"} <= indexes


def test_a_journal_from_a_newer_version_is_left_untouched(path: Path) -> None:
    path.parent.mkdir(parents=True)
    with closing(sqlite3.connect(path)) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    before = path.read_bytes()
    with pytest.raises(JournalError, match="newer"):
        Journal.open(path)
    assert path.read_bytes() == before
    assert list(path.parent.glob("*.corrupt-*")) == []


# --- damage -------------------------------------------------------------------------------------


def _check_recovered(journal: Journal, path: Path, old_bytes: bytes) -> None:
    moved = journal.recovered_from
    assert moved is not None
    assert moved.parent == path.parent
    assert re.fullmatch(r"journal\.sqlite3\.corrupt-\d{8}-\d{6}", moved.name)
    assert moved.read_bytes() == old_bytes  # never deleted, never changed
    assert journal.add_episode(EpisodeDetails(NIGHT)) == 1
    assert len(journal.episodes()) == 1


def test_random_bytes_are_moved_aside_with_their_wal_and_a_new_journal_starts(
    path: Path,
) -> None:
    path.parent.mkdir(parents=True)
    garbage = random.Random(7).randbytes(8192)
    path.write_bytes(garbage)
    path.with_name(path.name + "-wal").write_bytes(b"not a wal either")
    with Journal.open(path) as journal:
        _check_recovered(journal, path, garbage)
        assert journal.recovered_from is not None
        moved_wal = journal.recovered_from.with_name(journal.recovered_from.name + "-wal")
        assert moved_wal.read_bytes() == b"not a wal either"
    assert _sql(path, "PRAGMA integrity_check") == [("ok",)]


def test_a_truncated_journal_is_moved_aside_and_a_new_one_starts(path: Path) -> None:
    with Journal.open(path) as journal:
        for n in range(300):
            journal.add_episode(EpisodeDetails(NIGHT + timedelta(minutes=n), note="x" * 200))
    whole = path.read_bytes()
    assert len(whole) > 8 * 4096
    truncated = whole[: len(whole) // 2 + 100]
    path.write_bytes(truncated)
    with Journal.open(path) as journal:
        _check_recovered(journal, path, truncated)


def test_two_recoveries_in_the_same_second_keep_both_files(path: Path) -> None:
    path.parent.mkdir(parents=True)
    path.write_bytes(b"first damaged journal" * 100)
    with Journal.open(path):
        pass
    path.unlink()
    path.with_name(path.name + "-wal").unlink(missing_ok=True)
    path.write_bytes(b"second damaged journal" * 100)
    with Journal.open(path) as journal:
        assert journal.recovered_from is not None
    kept = sorted(p.read_bytes()[:6] for p in path.parent.glob("journal.sqlite3.corrupt-*"))
    assert kept == [b"first ", b"second"]


def test_a_folder_in_place_of_the_journal_is_a_journal_error(path: Path) -> None:
    path.mkdir(parents=True)
    with pytest.raises(JournalError, match=re.escape(str(path))):
        Journal.open(path)
    assert path.is_dir()


def test_a_file_in_place_of_the_folder_is_a_journal_error(path: Path) -> None:
    path.parent.parent.mkdir(parents=True, exist_ok=True)
    path.parent.write_text("not a folder")
    with pytest.raises(JournalError, match=re.escape(str(path))):
        Journal.open(path)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_an_unwritable_folder_is_a_journal_error(path: Path) -> None:
    path.parent.mkdir(parents=True)
    path.parent.chmod(0o500)
    try:
        with pytest.raises(JournalError, match=re.escape(str(path))):
            Journal.open(path)
    finally:
        path.parent.chmod(0o700)


def test_trouble_that_is_not_damage_is_a_journal_error_and_the_file_stays(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Journal.open(path) as journal:
        journal.add_episode(EpisodeDetails(NIGHT))
    before = path.read_bytes()

    def failing_connect(*args: object, **kwargs: object) -> sqlite3.Connection:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(sqlite3, "connect", failing_connect)
    with pytest.raises(JournalError, match=re.escape(str(path)) + ".*disk I/O error"):
        Journal.open(path)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert list(path.parent.glob("*.corrupt-*")) == []


# --- durability ---------------------------------------------------------------------------------


def test_every_reported_write_survives_sigkill(path: Path) -> None:
    seed = random.randrange(2**32)
    rng = random.Random(seed)
    reported: list[int] = []
    for _round in range(3):
        wanted = rng.randint(1, 1000)
        seen: list[int] = []
        with subprocess.Popen(
            [sys.executable, str(WRITER), str(path), "1000"],
            stdout=subprocess.PIPE,
            text=True,
            env=dict(os.environ, PYTHONPATH=str(WRITER.parents[2])),  # this checkout's journal
        ) as child:
            assert child.stdout is not None
            for line in child.stdout:
                seen.append(int(line))
                if len(seen) == wanted:
                    child.send_signal(signal.SIGKILL)
                    break
            child.wait(timeout=30)
        assert len(seen) == wanted, f"child stopped early (seed {seed})"
        assert child.returncode in (-signal.SIGKILL, 0), f"seed {seed}"
        reported += seen
        with closing(sqlite3.connect(path)) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        with Journal.open(path) as journal:
            assert journal.recovered_from is None
            stored = {episode.id for episode in journal.episodes()}
        missing = set(reported) - stored
        assert not missing, f"lost {sorted(missing)[:10]} (seed {seed})"


def test_a_migration_another_process_ran_first_is_not_run_twice(path: Path) -> None:
    """Two starts (or the app and a reader) opening a new journal at once: no failure."""
    from stretch_app.core.journal import _migrate

    Journal.open(path).close()
    with closing(sqlite3.connect(path, isolation_level=None)) as conn:
        _migrate(conn, 1)  # what the slower one does, having read version 0 a moment before
        _migrate(conn, SCHEMA_VERSION)
    assert _sql(path, "PRAGMA user_version") == [(SCHEMA_VERSION,)]
    with Journal.open(path) as journal:
        assert journal.add_episode(EpisodeDetails(NIGHT)) == 1
