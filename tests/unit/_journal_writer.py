"""Child process for the kill test: add cramp episodes, printing each id once it is committed.

Usage: ``python _journal_writer.py JOURNAL_PATH COUNT``. The parent kills this process with
SIGKILL part-way through and then checks that every id printed here is in the journal.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from stretch_app.core.journal import EpisodeDetails, Journal


def main() -> None:
    """Write COUNT episodes to the journal at JOURNAL_PATH, one transaction each."""
    path, count = Path(sys.argv[1]), int(sys.argv[2])
    start = datetime(2024, 3, 1, 23, 0, tzinfo=UTC)
    with Journal.open(path) as journal:
        for n in range(count):
            episode_id = journal.add_episode(
                EpisodeDetails(
                    start + timedelta(minutes=n), duration_s=float(n), note=f"episode {n}"
                )
            )
            # Printed only after add_episode returned, i.e. after the commit.
            sys.stdout.write(f"{episode_id}\n")
            sys.stdout.flush()


if __name__ == "__main__":
    main()
