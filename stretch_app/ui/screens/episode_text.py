"""One cramp from the diary in a line of words, as the history screen lists it."""

from __future__ import annotations

from datetime import tzinfo

from PySide6.QtCore import QCoreApplication

from stretch_app.core.history import night_of
from stretch_app.core.journal import CrampEpisode
from stretch_app.core.model import format_duration
from stretch_app.ui.dates import short_night

__all__ = ["describe_episode"]


def _where(leg: str | None, muscle: str | None) -> str:
    """Where a cramp was, in words: "left calf", "both", "foot"."""
    legs = {
        "left": QCoreApplication.translate("HistoryScreen", "left"),
        "right": QCoreApplication.translate("HistoryScreen", "right"),
        "both": QCoreApplication.translate("HistoryScreen", "both"),
    }
    muscles = {
        "calf": QCoreApplication.translate("HistoryScreen", "calf"),
        "back-of-thigh": QCoreApplication.translate("HistoryScreen", "back of thigh"),
        "front-of-thigh": QCoreApplication.translate("HistoryScreen", "front of thigh"),
        "foot": QCoreApplication.translate("HistoryScreen", "foot"),
        "other": QCoreApplication.translate("HistoryScreen", "other"),
    }
    side, where = legs.get(leg or "", leg or ""), muscles.get(muscle or "", muscle or "")
    if side and where:
        # The leg, then the muscle: "left calf" (a translation may put them the other way).
        return QCoreApplication.translate("HistoryScreen", "{0} {1}").format(side, where)
    return side or where


def describe_episode(episode: CrampEpisode, tz: tzinfo | None = None) -> str:
    """One cramp in a line: night, time, length, where, pain, whether it woke you, emergency."""
    parts = [short_night(night_of(episode.started_at, tz))]
    parts.append(episode.started_at.astimezone(tz).strftime("%H:%M"))
    if episode.duration_s is not None:
        # The same words as the relief screen's "The cramp lasted …": one length everywhere.
        parts.append(format_duration(episode.duration_s))
    elif episode.ended_at is None and episode.source == "relief":
        # Relief records a cramp as it begins; the app was stopped before it ended.
        parts.append(QCoreApplication.translate("HistoryScreen", "end not recorded"))
    where = _where(episode.leg, episode.muscle)
    if where:
        parts.append(where)
    if episode.pain is not None:
        parts.append(
            QCoreApplication.translate("HistoryScreen", "pain {0}/10").format(episode.pain)
        )
    if episode.woke_me:
        parts.append(QCoreApplication.translate("HistoryScreen", "woke you"))
    if episode.emergency:
        parts.append(QCoreApplication.translate("HistoryScreen", "past the emergency line"))
    return " · ".join(parts)
