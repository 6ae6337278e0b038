"""The session engine: a routine expanded into timed phases, driven by a clock.

The engine never counts ticks. Each phase remembers how long it has run in earlier running
segments plus when the current segment began, and everything else (remaining time, when to
move on) is computed from the clock. A late tick therefore changes *when we notice* the end of
a hold, never *when it ended*: the next phase is started at the nominal end time.

Every command returns the events it caused, in order, for the screen, sound and voice.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from stretch_app.core.clock import Clock
from stretch_app.core.model import Exercise, Routine
from stretch_app.core.phases import (
    Event,
    Finished,
    Halfway,
    LastSeconds,
    Paused,
    Phase,
    PhaseKind,
    PhaseStarted,
    Resumed,
    SessionState,
    SwitchLegs,
)
from stretch_app.core.plan import expand_routine, routine_duration

LAST_SECONDS = 3.0

__all__ = [
    "LAST_SECONDS",
    "Event",
    "Finished",
    "Halfway",
    "LastSeconds",
    "Paused",
    "Phase",
    "PhaseKind",
    "PhaseStarted",
    "Resumed",
    "Session",
    "SessionState",
    "SwitchLegs",
    "expand_routine",
    "routine_duration",
]


class Session:
    """A routine being done now: the current phase, its remaining time, and the controls."""

    def __init__(
        self,
        routine: Routine,
        exercises: Mapping[str, Exercise],
        clock: Clock,
        resume_lead_in: float = 5.0,
    ) -> None:
        self.routine = routine
        self.phases = expand_routine(routine, exercises)
        self.total_duration = sum(p.duration or 0.0 for p in self.phases)
        self._clock = clock
        self._resume_lead_in = resume_lead_in
        self.state = SessionState.NOT_STARTED
        self.index = 0
        self.holds_done = 0
        # The phase being timed: phases[index], or a lead-in before a resumed hold.
        self._active = self.phases[0]
        self._elapsed_before = 0.0
        self._segment_start = 0.0
        self._resume_hold_elapsed: float | None = None
        self._halfway_sent = False
        self._last_sent = False
        # Seconds actually held in each timed hold (by phase index): skips count nothing.
        self._held: dict[int, float] = {}

    # --- reading ------------------------------------------------------------------------------

    @property
    def is_over(self) -> bool:
        """True once the session has finished or been stopped."""
        return self.state in (SessionState.FINISHED, SessionState.STOPPED)

    @property
    def current(self) -> Phase:
        """The phase on screen now (a lead-in while a resumed hold gets ready)."""
        return self._active

    @property
    def next_phase(self) -> Phase | None:
        """The next phase after the current one, if any."""
        following = self.index + 1 if self._resume_hold_elapsed is None else self.index
        return self.phases[following] if following < len(self.phases) else None

    @property
    def upcoming_exercise(self) -> Exercise | None:
        """The next different exercise, for "Next: …"."""
        current_step = self.phases[self.index].step_index
        for phase in self.phases[self.index + 1 :]:
            if phase.step_index != current_step and phase.is_hold:
                return phase.exercise
        return None

    def held_share(self) -> float:
        """The part of the planned hold time actually held so far, 0 to 1 (1 with none planned)."""
        planned = {
            i: p.duration
            for i, p in enumerate(self.phases)
            if p.kind is PhaseKind.HOLD and p.duration
        }
        total = sum(planned.values())
        if not total:
            return 1.0
        held = sum(min(self._held.get(i, 0.0), length) for i, length in planned.items())
        return min(1.0, held / total)

    def elapsed(self) -> float:
        """Seconds the current phase has run, not counting pauses."""
        if self.state is SessionState.RUNNING:
            return self._elapsed_before + (self._clock.monotonic() - self._segment_start)
        return self._elapsed_before

    def remaining(self) -> float | None:
        """Seconds left in the current phase, or None when it is open-ended."""
        if self._active.duration is None:
            return None
        return max(0.0, self._active.duration - self.elapsed())

    def progress(self) -> float:
        """How far through the whole routine we are, 0 to 1, by time."""
        if self.state is SessionState.FINISHED:
            return 1.0
        if not self.total_duration:
            return self.index / len(self.phases)
        done = sum(p.duration or 0.0 for p in self.phases[: self.index])
        current = self.phases[self.index]
        if current.duration is not None:
            in_hold = (
                self._resume_hold_elapsed
                if self._resume_hold_elapsed is not None
                else (self.elapsed())
            )
            done += min(current.duration, in_hold)
        return min(1.0, done / self.total_duration)

    def seconds_to_next_event(self) -> float | None:
        """How long until the engine next has something to say (for a precise timer)."""
        if self.state is not SessionState.RUNNING:
            return None
        duration = self._active.duration
        if duration is None:
            return None
        elapsed = self.elapsed()
        marks = [duration]
        if not self._halfway_sent and self._active.kind is PhaseKind.HOLD:
            marks.append(duration / 2)
        if not self._last_sent and duration > LAST_SECONDS:
            marks.append(duration - LAST_SECONDS)
        ahead = [mark for mark in marks if mark > elapsed]
        return min(ahead) - elapsed if ahead else 0.0

    # --- commands -----------------------------------------------------------------------------

    def start(self) -> list[Event]:
        """Begin with the first phase."""
        if self.state is not SessionState.NOT_STARTED:
            return []
        self.state = SessionState.RUNNING
        return self._enter(0, self._clock.monotonic())

    def tick(self) -> list[Event]:
        """Catch up with the clock: send thresholds crossed and start phases that are due."""
        events: list[Event] = []
        while self.state is SessionState.RUNNING:
            duration = self._active.duration
            if duration is None:
                break
            elapsed = self.elapsed()
            if (
                not self._halfway_sent
                and self._active.kind is PhaseKind.HOLD
                and (elapsed >= duration / 2)
            ):
                self._halfway_sent = True
                if elapsed < duration:
                    events.append(Halfway(self._active))
            if (
                not self._last_sent
                and duration > LAST_SECONDS
                and (elapsed >= duration - LAST_SECONDS)
            ):
                self._last_sent = True
                if elapsed < duration:
                    events.append(LastSeconds(self._active, LAST_SECONDS))
            if elapsed < duration:
                break
            # The phase ended at its nominal time; the next one began right then.
            ended_at = self._segment_start + (duration - self._elapsed_before)
            events.extend(self._finish_active(ended_at))
        return events

    def pause(self) -> list[Event]:
        """Stop the clock for this phase, keeping its remaining time."""
        if self.state is not SessionState.RUNNING:
            return []
        events = self.tick()
        if self.state is not SessionState.RUNNING:
            return events
        self._elapsed_before = self.elapsed()
        self.state = SessionState.PAUSED
        if self._resume_hold_elapsed is not None:
            # Paused during a lead-in: drop it; resuming gives a fresh one.
            self._active = self.phases[self.index]
            self._elapsed_before = self._resume_hold_elapsed
            self._resume_hold_elapsed = None
        return [*events, Paused(self._active)]

    def resume(self) -> list[Event]:
        """Carry on; a paused hold gets a short get-ready lead-in first."""
        if self.state is not SessionState.PAUSED:
            return []
        now = self._clock.monotonic()
        self.state = SessionState.RUNNING
        phase = self.phases[self.index]
        if phase.kind is PhaseKind.HOLD and phase.duration is not None and self._resume_lead_in:
            self._resume_hold_elapsed = self._elapsed_before
            lead_in = replace(phase, kind=PhaseKind.GET_READY, duration=self._resume_lead_in)
            self._set_active(lead_in, now, 0.0)
            return [Resumed(phase), PhaseStarted(lead_in, self.index)]
        self._segment_start = now
        return [Resumed(phase)]

    def skip(self) -> list[Event]:
        """Move on to the next phase now."""
        if self.state not in (SessionState.RUNNING, SessionState.PAUSED):
            return []
        self._note_held()
        self._resume_hold_elapsed = None
        return self._go_to(self.index + 1)

    def back(self) -> list[Event]:
        """Go to the previous hold (or the start of this one if it is the first)."""
        if self.state not in (SessionState.RUNNING, SessionState.PAUSED):
            return []
        target = next((i for i in range(self.index - 1, -1, -1) if self.phases[i].is_hold), None)
        if target is None:
            target = next((i for i, p in enumerate(self.phases) if p.is_hold), self.index)
        self._note_held()
        self._resume_hold_elapsed = None
        return self._go_to(target)

    def restart_step(self) -> list[Event]:
        """Start the current phase again from its full length."""
        if self.state not in (SessionState.RUNNING, SessionState.PAUSED):
            return []
        self._note_held()
        self._resume_hold_elapsed = None
        return self._go_to(self.index)

    def stop(self) -> list[Event]:
        """End the session early."""
        if self.state not in (SessionState.RUNNING, SessionState.PAUSED):
            return []
        events = self.tick()
        if self.is_over:
            return events
        self._note_held()
        self._elapsed_before = self.elapsed()
        self.state = SessionState.STOPPED
        step = self.phases[self.index].step_index
        return [*events, Finished(False, self.holds_done, step, self.held_share())]

    # --- inside -------------------------------------------------------------------------------

    def _set_active(self, phase: Phase, start: float, elapsed: float) -> None:
        self._active = phase
        self._elapsed_before = elapsed
        self._segment_start = start
        duration = phase.duration
        self._halfway_sent = duration is not None and elapsed >= duration / 2
        self._last_sent = duration is not None and elapsed >= duration - LAST_SECONDS

    def _enter(self, index: int, start: float) -> list[Event]:
        self.index = index
        phase = self.phases[index]
        self._set_active(phase, start, 0.0)
        events: list[Event] = [PhaseStarted(phase, index)]
        if phase.kind is PhaseKind.SWITCH_LEGS:
            events.append(SwitchLegs(phase))
        return events

    def _finish_active(self, ended_at: float) -> list[Event]:
        if self._resume_hold_elapsed is not None:
            held = self._resume_hold_elapsed
            self._resume_hold_elapsed = None
            phase = self.phases[self.index]
            self._set_active(phase, ended_at, held)
            return [PhaseStarted(phase, self.index, resumed=True)]
        if self._active.is_hold:
            self.holds_done += 1
            self._note_held(self._active.duration)
        return self._advance_to(self.index + 1, ended_at)

    def _advance_to(self, index: int, start: float) -> list[Event]:
        if index >= len(self.phases):
            self.state = SessionState.FINISHED
            self.index = len(self.phases) - 1
            step = self.phases[-1].step_index
            return [Finished(True, self.holds_done, step, self.held_share())]
        return self._enter(index, start)

    def _note_held(self, full: float | None = None) -> None:
        """Remember how long the current hold was held (its best try, if done more than once)."""
        phase = self.phases[self.index]
        if phase.kind is not PhaseKind.HOLD or phase.duration is None:
            return
        if full is not None:
            held = full
        elif self._resume_hold_elapsed is not None:
            held = self._resume_hold_elapsed  # during the lead-in of a resumed hold
        else:
            held = self.elapsed()
        self._held[self.index] = max(self._held.get(self.index, 0.0), held)

    def _go_to(self, index: int) -> list[Event]:
        paused = self.state is SessionState.PAUSED
        events = self._advance_to(index, self._clock.monotonic())
        if paused and self.state is SessionState.RUNNING:
            self.state = SessionState.PAUSED
        return events
