"""A month of realistic diary data for the history tests and screenshots (fixed seed)."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from stretch_app.core.journal import CrampEpisode, EpisodeDetails, Journal

TZ = ZoneInfo("Europe/London")
NOW = datetime(2026, 3, 27, 21, 30, tzinfo=TZ)
"""'Now' for the sample: the evening of Friday 27 March 2026, before tonight's routine."""


def local(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime:
    """An aware local time in the sample's zone."""
    return datetime(year, month, day, hour, minute, tzinfo=TZ)


def fill_march(journal: Journal) -> None:
    """Routines on most evenings of March 2026 up to the 26th, and cramps, more often without.

    Cramps woke the person on the nights of 13, 16, 17 and 19 March (so the "woken often" rule
    fires), and nothing else the doctor rules look for is in it.
    """
    rng = random.Random(6)
    skipped = {3, 4, 9, 14, 15, 21, 22}
    partial = {11, 24}
    for day in range(1, 27):
        evening = local(2026, 3, day, 21, rng.randint(30, 59))
        if day not in skipped:
            journal.record_session(
                "bedtime",
                evening,
                evening + timedelta(minutes=5),
                completed=day not in partial,
                holds_done=4 if day in partial else 7,
                last_step_index=2 if day in partial else 3,
            )
        chance = 0.55 if day in skipped else 0.15
        woken = day in (16, 17, 19)
        if woken or rng.random() < chance:
            start = evening + timedelta(hours=rng.randint(3, 7), minutes=rng.randint(0, 59))
            duration = rng.randint(40, 420)
            journal.add_episode(
                EpisodeDetails(
                    start,
                    duration_s=float(duration),
                    ended_at=start + timedelta(seconds=duration),
                    leg=rng.choice(["left", "right"]),
                    muscle=rng.choice(["calf", "calf", "foot", "back-of-thigh"]),
                    pain=rng.randint(3, 7),
                    woke_me=woken or (rng.random() < 0.3 and day not in (15, 18, 20, 21, 22)),
                    helped=rng.choice(["calf-stretch", "flex-foot", "massage"]),
                    swelling_numbness_skin=False,
                    elsewhere_in_body=False,
                    source=rng.choice(["relief", "manual"]),
                )
            )


def plain_cramp(when: datetime, episode_id: int, **changes: object) -> CrampEpisode:
    """An ordinary two-minute calf cramp in the left leg, pain 4, with ``changes`` made."""
    plain = CrampEpisode(
        when,
        id=episode_id,
        duration_s=120.0,
        leg="left",
        muscle="calf",
        pain=4,
        woke_me=False,
        swelling_numbness_skin=False,
        elsewhere_in_body=False,
    )
    return replace(plain, **changes)  # type: ignore[arg-type]
