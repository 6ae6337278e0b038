"""What the relief screen says in words: its clock, each step, and the emergency line nearing.

Shown on screen and told to screen readers; kept apart from
:mod:`~stretch_app.ui.screens.relief` so each stays small. The strings belong to the relief
screen's translations.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from stretch_app.core.relief import StepStarted

__all__ = ["clock_text", "continued_news", "earlier_news", "near_news", "step_news", "time_left"]


def clock_text(seconds: float) -> str:
    """A clock reading, e.g. "9:05" (whole seconds, cut, as a clock shows them)."""
    minutes, secs = divmod(int(seconds), 60)
    return f"{minutes}:{secs:02d}"


def _up(seconds: float) -> str:
    """A count-down reading rounded up, so "0:00" never shows before the moment comes."""
    return clock_text(-int(-seconds // 1))


def step_news(event: StepStarted) -> str:
    """A new step in one line, e.g. "Step 2 of 7: Massage the muscle. Hold until it eases."."""
    if event.step.open_ended:
        text = QCoreApplication.translate(
            "ReliefScreen", "Step {0} of {1}: {2}. Hold until it eases."
        )
    else:
        text = QCoreApplication.translate("ReliefScreen", "Step {0} of {1}: {2}. Try this.")
    return text.format(event.index + 1, event.count, event.step.exercise.name)


def time_left(seconds: float) -> str:
    """The time to the emergency threshold beside its sign, e.g. "1:59 left"."""
    return QCoreApplication.translate("ReliefScreen", "{0} left").format(_up(seconds))


def near_news(seconds: float) -> str:
    """What screen readers hear when the threshold nears."""
    text = QCoreApplication.translate(
        "ReliefScreen", "Nearly 10 minutes: {0} to the emergency line."
    )
    return text.format(_up(seconds))


def earlier_news(earlier_s: float) -> str:
    """The clock now counts from before relief opened."""
    text = QCoreApplication.translate(
        "ReliefScreen", "Timed from about {0} min before relief opened."
    )
    return text.format(round(earlier_s / 60))


def continued_news(elapsed: float) -> str:
    """Relief opened again for the same cramp."""
    text = QCoreApplication.translate("ReliefScreen", "The same cramp: its clock goes on from {0}.")
    return text.format(clock_text(elapsed))
