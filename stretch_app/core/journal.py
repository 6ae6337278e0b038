"""The journal: routines done and cramp episodes, kept in a small SQLite file.

Every write is one transaction. The file is in WAL mode with ``synchronous=FULL``: a row is on
disk once its call returns, so it survives the app being killed and, as far as the disk keeps
its promises, a power cut too (the journal is written a few times a night, so the fsync costs
nothing anyone could notice). Times are stored as UTC ISO-8601 text of fixed width, so text
order is time order.

A file that SQLite calls corrupt is never deleted: it is moved aside next to the journal
(``journal.sqlite3.corrupt-YYYYmmdd-HHMMSS``), a new journal is started, and
:attr:`Journal.recovered_from` names the old one. Anything else that stops the journal from
opening (a folder in its place, no permission, a newer schema) raises :class:`JournalError`.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Final, Self

from stretch_app.core.journal_rows import (
    EPISODE_FIELDS,
    CrampEpisode,
    EpisodeDetails,
    EpisodeSource,
    Leg,
    Medicine,
    Muscle,
    SessionRecord,
    check_episode,
    details_from_row,
    episode_from_row,
    from_text,
    to_text,
)

__all__ = [
    "SCHEMA_VERSION",
    "CrampEpisode",
    "EpisodeDetails",
    "EpisodeSource",
    "Journal",
    "JournalError",
    "Leg",
    "Medicine",
    "Muscle",
    "SessionRecord",
]

_NAME_MAX = 200

# SQLite's primary result codes that mean "this file is damaged", as opposed to "cannot open".
_SQLITE_CORRUPT: Final = 11
_SQLITE_FULL: Final = 13
_SQLITE_IOERR: Final = 10
_NEARLY_FULL: Final = 1024 * 1024  # ours: below this free, an I/O error means a full disk
_SQLITE_NOTADB: Final = 26


class JournalError(Exception):
    """The journal cannot be opened or written; the message names the file."""


# --- schema -----------------------------------------------------------------------------------

_MIGRATIONS: Final[tuple[str, ...]] = (
    # 1: the first schema.
    """
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
    """,
    # 2: the medicine list, and indexes for the history's date ranges.
    """
    CREATE TABLE medicines (id INTEGER PRIMARY KEY, name TEXT NOT NULL, added_at TEXT NOT NULL);
    CREATE UNIQUE INDEX medicines_name ON medicines (name COLLATE NOCASE);
    CREATE INDEX sessions_started_at ON sessions (started_at);
    CREATE INDEX cramp_episodes_started_at ON cramp_episodes (started_at);
    """,
    # 3: whether relief timed a cramp past the emergency threshold (existing rows: unknown).
    """
    ALTER TABLE cramp_episodes ADD COLUMN emergency INTEGER;
    """,
)
SCHEMA_VERSION: Final = len(_MIGRATIONS)

_EPISODE_COLUMNS: Final = ", ".join(EPISODE_FIELDS)
_SESSION_COLUMNS: Final = "routine_id, started_at, ended_at, completed, holds_done, last_step_index"


# --- opening ----------------------------------------------------------------------------------


def _is_corruption(exc: sqlite3.DatabaseError) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return (code & 0xFF) in (_SQLITE_CORRUPT, _SQLITE_NOTADB)
    # Errors raised by the sqlite3 module itself carry no code; only these two mean damage.
    text = str(exc).lower()
    return "file is not a database" in text or "malformed" in text


def _plain(exc: sqlite3.Error, path: Path) -> str:
    """SQLite's reason in plain words: a full disk is named as such."""
    code = (getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF
    if code in (_SQLITE_FULL, _SQLITE_IOERR):
        try:
            folder = os.statvfs(path.parent)
        except OSError:
            folder = None
        if code == _SQLITE_FULL or (folder and folder.f_bavail * folder.f_frsize < _NEARLY_FULL):
            return "the disk is full"
    return str(exc)


def _is_damaged(path: Path) -> bool:
    """Check an existing journal without writing a byte to it, nor to its WAL."""
    if not path.is_file() or path.stat().st_size == 0:
        return False
    # Read-only, so closing this connection can neither checkpoint nor delete the WAL.
    uri = f"{path.absolute().as_uri()}?mode=ro"
    try:
        with closing(sqlite3.connect(uri, uri=True)) as conn:
            (check,) = conn.execute("PRAGMA quick_check").fetchone()
    except sqlite3.DatabaseError as exc:
        return _is_corruption(exc)  # other trouble is for the real open to report
    return bool(check != "ok")


def _connect(path: Path) -> sqlite3.Connection:
    """Open, configure and migrate the journal; raise sqlite3 errors as they come."""
    conn = sqlite3.connect(path, isolation_level=None, timeout=5.0)
    try:
        (version,) = conn.execute("PRAGMA user_version").fetchone()
        if version > SCHEMA_VERSION:
            raise JournalError(
                f"{path}: was written by a newer Nightstretch (journal version {version},"
                f" this version reads up to {SCHEMA_VERSION}); it was left untouched"
            )
        (mode,) = conn.execute("PRAGMA journal_mode = WAL").fetchone()
        if str(mode).lower() != "wal":
            raise sqlite3.OperationalError(f"could not switch to WAL mode (got {mode!r})")
        conn.execute("PRAGMA synchronous = FULL")
        for number in range(version + 1, SCHEMA_VERSION + 1):
            _migrate(conn, number)
    except BaseException:
        conn.close()
        raise
    return conn


def _migrate(conn: sqlite3.Connection, number: int) -> None:
    """Run one migration and set the version, all in one transaction (once, whoever is first)."""
    statements = [s.strip() for s in _MIGRATIONS[number - 1].split(";") if s.strip()]
    conn.execute("BEGIN IMMEDIATE")
    try:
        # Another process (a second start, a reader) may have migrated since we looked.
        (version,) = conn.execute("PRAGMA user_version").fetchone()
        if version < number:
            for statement in statements:
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {number:d}")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:  # SQLite ends the transaction itself on a full disk
            conn.execute("ROLLBACK")
        raise


def _move_aside(path: Path) -> Path:
    """Rename a damaged journal (and its WAL companions) to a dated name beside it."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    counter = 1
    while any(target.with_name(target.name + s).exists() for s in ("", "-wal", "-shm")):
        counter += 1
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{counter}")
    path.rename(target)
    for suffix in ("-wal", "-shm", "-journal"):
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            companion.rename(target.with_name(target.name + suffix))
    return target


class Journal:
    """The app's record of routines done, cramp episodes and medicines."""

    def __init__(self, conn: sqlite3.Connection, path: Path, recovered_from: Path | None) -> None:
        """Wrap an open, migrated connection; use :meth:`open` instead."""
        self._conn: sqlite3.Connection | None = conn
        self.path = path
        self.recovered_from = recovered_from
        """Where a damaged journal was moved before this one was started, if that happened."""

    @classmethod
    def open(cls, path: Path) -> Journal:
        """Open the journal at ``path``, creating its folder and file and bringing it up to date."""
        path = Path(path)
        if path.is_dir():
            raise JournalError(f"{path}: is a folder, not a journal file")
        if path.exists() and not path.is_file():  # a FIFO or a device: never opened
            raise JournalError(f"{path}: is not a regular file (a device, pipe or socket)")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise JournalError(f"{path}: cannot create its folder: {exc.strerror}") from None
        recovered_from: Path | None = None
        try:
            if _is_damaged(path):
                recovered_from = _move_aside(path)
            try:
                conn = _connect(path)
            except sqlite3.DatabaseError as exc:
                if recovered_from is not None or not _is_corruption(exc):
                    raise
                recovered_from = _move_aside(path)  # damage only a write could find
                conn = _connect(path)
        except sqlite3.Error as exc:
            raise JournalError(f"{path}: cannot be opened: {_plain(exc, path)}") from None
        except OSError as exc:
            raise JournalError(f"{path}: cannot be set aside: {exc.strerror}") from None
        return cls(conn, path, recovered_from)

    def close(self) -> None:
        """Close the journal; calling it again does nothing."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def __enter__(self) -> Self:
        """Use the journal in a ``with`` block that closes it."""
        return self

    def __exit__(self, *exc_info: object) -> None:
        """Close the journal at the end of a ``with`` block."""
        self.close()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: committed whole on success, rolled back otherwise."""
        conn = self._live()
        try:
            with conn:
                conn.execute("BEGIN IMMEDIATE")
                yield conn
        except sqlite3.Error as exc:
            raise JournalError(f"{self.path}: could not be written: {exc}") from None

    def _read(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        try:
            with closing(self._live().execute(sql, params)) as cursor:
                return cursor.fetchall()
        except sqlite3.Error as exc:
            raise JournalError(f"{self.path}: could not be read: {exc}") from None

    def _live(self) -> sqlite3.Connection:
        if self._conn is None:
            raise JournalError(f"{self.path}: the journal is closed")
        return self._conn

    # --- sessions -----------------------------------------------------------------------------

    def record_session(
        self,
        routine_id: str,
        started_at: datetime,
        ended_at: datetime,
        *,
        completed: bool,
        holds_done: int = 0,
        last_step_index: int = 0,
    ) -> int:
        """Record a routine done (or left part-way), and return its id."""
        if holds_done < 0 or last_step_index < 0:
            raise ValueError("holds_done and last_step_index cannot be negative")
        row = (
            routine_id,
            to_text(started_at, "started_at"),
            to_text(ended_at, "ended_at"),
            int(bool(completed)),
            holds_done,
            last_step_index,
        )
        sql = f"INSERT INTO sessions ({_SESSION_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)"
        with self._write() as conn:
            return int(conn.execute(sql, row).lastrowid or 0)

    def sessions(self, since: datetime | None = None) -> list[SessionRecord]:
        """Routines done, oldest first; only those started at or after ``since`` if given."""
        sql = f"SELECT id, {_SESSION_COLUMNS} FROM sessions"
        params: tuple[Any, ...] = ()
        if since is not None:
            sql += " WHERE started_at >= ?"
            params = (to_text(since, "since"),)
        return [
            SessionRecord(r[0], r[1], from_text(r[2]), from_text(r[3]), bool(r[4]), r[5], r[6])
            for r in self._read(sql + " ORDER BY started_at, id", params)
        ]

    # --- cramp episodes -----------------------------------------------------------------------

    def add_episode(self, details: EpisodeDetails) -> int:
        """Record a cramp episode and return its id (an ``id`` in ``details`` is not used)."""
        row = check_episode(details)
        marks = ", ".join("?" * len(row))
        with self._write() as conn:
            sql = f"INSERT INTO cramp_episodes ({_EPISODE_COLUMNS}) VALUES ({marks})"
            return int(conn.execute(sql, row).lastrowid or 0)

    def update_episode(
        self, episode_id: int, edit: Callable[[EpisodeDetails], EpisodeDetails]
    ) -> None:
        """Change one episode: ``edit`` gets its details as kept and returns them changed.

        ``edit`` is typically ``lambda e: replace(e, pain=3)``. The episode is read, edited and
        written in one transaction, so a detail changed meanwhile by another part of the app
        (or another process) is kept, not overwritten. ``KeyError`` if there is no such episode.
        """
        select = f"SELECT {_EPISODE_COLUMNS} FROM cramp_episodes WHERE id = ?"
        assignments = ", ".join(f"{name} = ?" for name in EPISODE_FIELDS)
        with self._write() as conn:
            found = conn.execute(select, (episode_id,)).fetchone()
            if found is None:
                raise KeyError(episode_id)
            row = check_episode(edit(details_from_row(found)))
            sql = f"UPDATE cramp_episodes SET {assignments} WHERE id = ?"
            conn.execute(sql, (*row, episode_id))

    def delete_episode(self, episode_id: int) -> bool:
        """Remove one episode; return whether there was one to remove."""
        with self._write() as conn:
            cursor = conn.execute("DELETE FROM cramp_episodes WHERE id = ?", (episode_id,))
            return cursor.rowcount > 0

    def episodes(
        self, since: datetime | None = None, until: datetime | None = None
    ) -> list[CrampEpisode]:
        """Cramp episodes, oldest first, started in ``[since, until)`` where those are given."""
        clauses: list[str] = []
        params: list[str] = []
        if since is not None:
            clauses.append("started_at >= ?")
            params.append(to_text(since, "since"))
        if until is not None:
            clauses.append("started_at < ?")
            params.append(to_text(until, "until"))
        where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
        sql = f"SELECT id, {_EPISODE_COLUMNS} FROM cramp_episodes{where} ORDER BY started_at, id"
        return [episode_from_row(r) for r in self._read(sql, tuple(params))]

    # --- medicines ----------------------------------------------------------------------------

    def add_medicine(self, name: str, added_at: datetime | None = None) -> int:
        """Add a medicine to the list (once, whatever its case), and return its id."""
        name = " ".join(name.split())
        if not name or len(name) > _NAME_MAX:
            raise ValueError(f"a medicine's name is 1 to {_NAME_MAX} characters")
        when = to_text(added_at or datetime.now(UTC), "added_at")
        with self._write() as conn:
            sql = "SELECT id FROM medicines WHERE name = ? COLLATE NOCASE"
            found = conn.execute(sql, (name,)).fetchone()
            if found:
                return int(found[0])
            sql = "INSERT INTO medicines (name, added_at) VALUES (?, ?)"
            return int(conn.execute(sql, (name, when)).lastrowid or 0)

    def remove_medicine(self, medicine_id: int) -> bool:
        """Take a medicine off the list; return whether it was there."""
        with self._write() as conn:
            cursor = conn.execute("DELETE FROM medicines WHERE id = ?", (medicine_id,))
            return cursor.rowcount > 0

    def medicines(self) -> list[Medicine]:
        """The medicine list, in the order the medicines were added."""
        rows = self._read("SELECT id, name, added_at FROM medicines ORDER BY added_at, id")
        return [Medicine(r[0], r[1], from_text(r[2])) for r in rows]
