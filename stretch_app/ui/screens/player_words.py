"""What the player says about a phase: its heading, the step, the leg, the how-to, what follows.

Kept apart from the screen so that the words of each kind of phase are read in one place, and
the screen only puts them on its labels. The strings stay in the ``PlayerScreen`` context, the
one the translations were made in.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from stretch_app.core.guidance import next_up
from stretch_app.core.model import Side
from stretch_app.core.session import Phase, PhaseKind, Session

__all__ = ["PhaseWords", "phase_words", "repetition_text", "side_label"]


@dataclass(frozen=True)
class PhaseWords:
    """The words the player shows for one moment of a routine."""

    phase: str
    """The small heading: "Hold", "Relax", "Hold 2 of 3 · Left leg", "Paused"."""
    title: str
    """The stretch's name (or "Rest")."""
    side: str
    """Which leg, large; empty when both legs work at once."""
    howto: str
    """How to do it, one bullet a line (or what to do between holds)."""
    following: str
    """What comes next; empty when nothing does."""
    caption: str
    """The line under the countdown ring's number."""
    phase_wraps: bool = False
    """The heading is long (a repeated hold: long in German, large type, small screens)."""


def side_label(side: Side | None) -> str:
    """How a leg is named on screen."""
    if side is Side.LEFT:
        return QCoreApplication.translate("PlayerScreen", "Left leg")
    if side is Side.RIGHT:
        return QCoreApplication.translate("PlayerScreen", "Right leg")
    return ""


def repetition_text(phase: Phase) -> str:
    """ "Hold 2 of 3 · Left leg", without the leg when both legs work at once."""
    text = QCoreApplication.translate("PlayerScreen", "Hold {0} of {1}").format(
        phase.repetition, phase.repetitions
    )
    leg = side_label(phase.side)
    return f"{text} · {leg}" if leg else text


def phase_words(session: Session, *, paused: bool) -> PhaseWords:
    """The words for the session's current phase."""
    phase = session.current
    name = phase.exercise.name
    following = _following(session, phase)
    caption = _caption(phase, paused)
    if phase.kind is PhaseKind.SWITCH_LEGS:
        return PhaseWords(
            phase=QCoreApplication.translate("PlayerScreen", "Switch legs"),
            title=name,
            side=QCoreApplication.translate("PlayerScreen", "Now: {0}").format(
                side_label(phase.side)
            ),
            howto=QCoreApplication.translate(
                "PlayerScreen", "Change to the other leg and settle in."
            ),
            following=following,
            caption=caption,
        )
    if phase.kind is PhaseKind.RELAX:
        coming = QCoreApplication.translate("PlayerScreen", "Next: {0}").format(
            repetition_text(phase)
        )
        loose = QCoreApplication.translate("PlayerScreen", "Let the muscle go loose.")
        relax = QCoreApplication.translate("PlayerScreen", "Relax")
        return PhaseWords(relax, name, relax, f"{coming}\n{loose}", following, caption)
    if phase.kind is PhaseKind.REST:
        rest = QCoreApplication.translate("PlayerScreen", "Rest")
        coming = QCoreApplication.translate("PlayerScreen", "Coming up: {0}").format(name)
        return PhaseWords(rest, rest, "", coming, following, caption)
    lines = [phase.note] if phase.note else []
    lines += list(phase.exercise.how_to)
    return PhaseWords(
        phase=_heading(phase, paused),
        title=name,
        side=side_label(phase.side),
        howto="\n".join(f"• {line}" for line in lines),
        following=following,
        caption=caption,
        phase_wraps=_repeated_hold(phase, paused),
    )


def _repeated_hold(phase: Phase, paused: bool) -> bool:
    return not paused and phase.repetitions > 1 and phase.kind is PhaseKind.HOLD


def _heading(phase: Phase, paused: bool) -> str:
    """The small heading of a stretch, a tip or getting ready."""
    if phase.kind is PhaseKind.GET_READY:
        return QCoreApplication.translate("PlayerScreen", "Get ready")
    if paused:
        return QCoreApplication.translate("PlayerScreen", "Paused")
    if _repeated_hold(phase, paused):
        return repetition_text(phase)
    if phase.duration is not None:
        return QCoreApplication.translate("PlayerScreen", "Hold")
    return QCoreApplication.translate("PlayerScreen", "Until it eases")


def _following(session: Session, phase: Phase) -> str:
    upcoming = next_up(session.phases, session.index)
    if upcoming is None:
        if phase.kind is PhaseKind.REST:
            return ""
        return QCoreApplication.translate("PlayerScreen", "Last one")
    if upcoming.other_leg:
        return QCoreApplication.translate("PlayerScreen", "Next: {0}").format(
            side_label(upcoming.side)
        )
    return QCoreApplication.translate("PlayerScreen", "Next: {0}").format(upcoming.exercise.name)


def _caption(phase: Phase, paused: bool) -> str:
    if paused:
        return QCoreApplication.translate("PlayerScreen", "paused")
    if phase.kind is PhaseKind.GET_READY:
        return QCoreApplication.translate("PlayerScreen", "get ready")
    if phase.kind is PhaseKind.SWITCH_LEGS:
        return QCoreApplication.translate("PlayerScreen", "switch")
    if phase.kind is PhaseKind.REST:
        return QCoreApplication.translate("PlayerScreen", "rest")
    if phase.kind is PhaseKind.RELAX:
        return QCoreApplication.translate("PlayerScreen", "relax")
    return QCoreApplication.translate("PlayerScreen", "seconds")
