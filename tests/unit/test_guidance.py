"""What the player says and plays, event by event, for the shipped routines (no Qt)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from stretch_app.core.clock import FakeClock
from stretch_app.core.guidance import Cue, cue_for, spoken_lines, spoken_lines_for
from stretch_app.core.library import Library, load_library
from stretch_app.core.model import Exercise, Routine, Side, StepMode
from stretch_app.core.session import (
    Event,
    Finished,
    Halfway,
    LastSeconds,
    Paused,
    Phase,
    PhaseKind,
    PhaseStarted,
    Resumed,
    Session,
    SwitchLegs,
)
from tests.conftest import ROUTINES

BEDTIME_SCRIPT = [
    "Get ready. First: calf stretch.",
    "Calf stretch. Left leg. Hold for 30 seconds.",
    "Halfway.",
    "Switch legs.",
    "Calf stretch. Right leg. Hold for 30 seconds.",
    "Halfway.",
    "Rest.",
    "Next: lower front leg stretch.",
    "Lower front leg stretch. Hold for 30 seconds.",  # both heels at once
    "Halfway.",
    "Rest.",
    "Next: hamstring stretch.",
    "Hamstring stretch. Hold for 30 seconds.",
    "Halfway.",
    "Rest.",
    "Next: quad stretch.",
    "Quad stretch. Left leg. Hold for 30 seconds.",
    "Halfway.",
    "Switch legs.",
    "Quad stretch. Right leg. Hold for 30 seconds.",
    "Halfway.",
    "All done. Good night.",
]

CALF = Exercise(id="calf", name="Calf stretch", muscle="calf", how_to=("Pull toes up.",))


@pytest.fixture(scope="module")
def library() -> Library:
    loaded = load_library([Path(ROUTINES)])
    assert not loaded.problems
    return loaded


def start(library: Library, routine_id: str) -> tuple[Session, FakeClock, list[Event]]:
    clock = FakeClock()
    session = Session(library.routines[routine_id], library.exercises, clock)
    return session, clock, session.start()


def run_to_end(session: Session, clock: FakeClock, events: list[Event]) -> list[Event]:
    """Move the fake clock from one engine event to the next until the routine finishes."""
    for _ in range(1000):
        wait = session.seconds_to_next_event()
        if wait is None:
            break
        clock.advance(wait)
        events += session.tick()
    assert session.is_over
    return events


def test_the_bedtime_routine_is_spoken_from_start_to_good_night(library: Library) -> None:
    session, clock, events = start(library, "bedtime")
    lines: list[str] = []
    for event in run_to_end(session, clock, events):
        lines += spoken_lines(event, session)
    assert lines == BEDTIME_SCRIPT


def test_the_bedtime_routine_cues_every_hold_switch_and_the_end(library: Library) -> None:
    session, clock, events = start(library, "bedtime")
    cues = [cue for e in run_to_end(session, clock, events) if (cue := cue_for(e))]
    hold = [Cue.HOLD_START, Cue.LAST_SECONDS]
    per_side = [*hold, Cue.SWITCH_LEGS, *hold]
    assert cues == [*per_side, *hold, *hold, *per_side, Cue.DONE]  # lower front: both at once


def test_a_batch_of_events_is_spoken_in_order(library: Library) -> None:
    session, clock, events = start(library, "bedtime")
    clock.advance(5 + 30 + 1)  # a very late tick: the left hold ended, switching legs now
    batch = session.tick()
    assert spoken_lines_for([*events, *batch], session) == [
        "Get ready. First: calf stretch.",
        "Calf stretch. Left leg. Hold for 30 seconds.",
        "Switch legs.",
    ]


def test_last_seconds_of_a_hold_is_a_tone_not_words(library: Library) -> None:
    session, clock, _ = start(library, "bedtime")
    clock.advance(5 + 27)
    events = session.tick()
    last = [e for e in events if isinstance(e, LastSeconds)]
    assert len(last) == 1
    assert spoken_lines(last[0]) == []
    assert cue_for(last[0]) is Cue.LAST_SECONDS


def test_last_seconds_before_a_hold_starts_makes_no_sound(library: Library) -> None:
    session, clock, _ = start(library, "bedtime")
    clock.advance(2.5)  # the last 3 s of the 5 s get-ready
    (last,) = session.tick()
    assert isinstance(last, LastSeconds)
    assert last.phase.kind is PhaseKind.GET_READY
    assert cue_for(last) is None
    assert spoken_lines(last) == []


def test_pause_and_resume_in_a_hold_gets_ready_then_says_what_is_left(
    library: Library,
) -> None:
    session, clock, _ = start(library, "bedtime")
    clock.advance(5 + 10)
    session.tick()
    paused = session.pause()
    assert spoken_lines_for(paused, session) == ["Paused."]
    assert [cue_for(e) for e in paused] == [None]
    clock.advance(120)
    resumed = session.resume()
    assert [type(e) for e in resumed] == [Resumed, PhaseStarted]
    assert spoken_lines_for(resumed, session) == ["Get ready. Calf stretch. Left leg."]
    clock.advance(5)
    carry_on = session.tick()
    assert spoken_lines_for(carry_on, session) == ["Carry on. 20 seconds left."]
    assert [cue_for(e) for e in carry_on] == [Cue.HOLD_START]


def test_resuming_a_rest_says_carry_on(library: Library) -> None:
    session, clock, _ = start(library, "bedtime")
    clock.advance(5 + 30 + 5 + 30 + 2)  # into the first rest
    session.tick()
    assert session.current.kind is PhaseKind.REST
    session.pause()
    assert spoken_lines_for(session.resume(), session) == ["Carry on."]


def test_stopping_early_says_stopped_and_plays_no_done_tone(library: Library) -> None:
    session, clock, _ = start(library, "bedtime")
    clock.advance(12)
    session.tick()
    stopped = session.stop()
    assert isinstance(stopped[-1], Finished)
    assert not stopped[-1].completed
    assert spoken_lines(stopped[-1]) == ["Stopped."]
    assert cue_for(stopped[-1]) is None


def test_cramp_relief_holds_until_it_eases_and_names_the_tips(library: Library) -> None:
    session, clock, events = start(library, "cramp-relief")
    clock.advance(1)
    events += session.tick()
    for _ in range(len(library.routines["cramp-relief"].steps)):
        events += session.skip()
    lines = spoken_lines_for(events, session)
    assert lines == [
        "Get ready. First: calf stretch.",
        "Calf stretch. Hold until it eases.",
        "Stand and press down. Hold until it eases.",
        "Massage the muscle. Hold until it eases.",
        "Flex your foot. Hold until it eases.",
        "Pull your toes. Hold until it eases.",
        "Ice it.",
        "Warm bath.",
        "All done. Good night.",
    ]
    assert not any(isinstance(e, Halfway) for e in events)


def phase(kind: PhaseKind = PhaseKind.HOLD, **changes: Any) -> Phase:
    return replace(Phase(kind, 0, CALF, Side.LEFT, 30.0), **changes)


@pytest.mark.parametrize(
    ("seconds", "said"),
    [
        (1.0, "Hold for 1 second."),
        (45.0, "Hold for 45 seconds."),
        (60.0, "Hold for 1 minute."),
        (90.0, "Hold for 1 minute 30 seconds."),
        (150.0, "Hold for 2 minutes 30 seconds."),
    ],
)
def test_hold_lengths_are_said_the_way_a_person_says_them(seconds: float, said: str) -> None:
    event = PhaseStarted(phase(duration=seconds, side=None), 1)
    assert spoken_lines(event) == [f"Calf stretch. {said}"]


def test_the_right_leg_and_an_open_ended_hold_on_one_side() -> None:
    right = PhaseStarted(phase(side=Side.RIGHT), 3)
    assert spoken_lines(right) == ["Calf stretch. Right leg. Hold for 30 seconds."]
    open_ended = PhaseStarted(phase(duration=None, mode=StepMode.UNTIL_EASED), 1)
    assert spoken_lines(open_ended) == ["Calf stretch. Left leg. Hold until it eases."]


def test_the_spoken_phrase_of_an_exercise_wins_over_its_name() -> None:
    spoken = CALF.model_copy(update={"spoken": "  calf   stretch, toes up "})
    event = PhaseStarted(phase(exercise=spoken, side=None), 1)
    assert spoken_lines(event) == ["Calf stretch, toes up. Hold for 30 seconds."]


def test_next_keeps_a_name_that_starts_with_an_acronym() -> None:
    acronym = CALF.model_copy(update={"name": "PNF calf stretch"})
    event = PhaseStarted(phase(PhaseKind.REST, exercise=acronym, duration=10.0), 2)
    assert spoken_lines(event) == ["Rest.", "Next: PNF calf stretch."]


def test_a_tip_says_its_note() -> None:
    event = PhaseStarted(phase(PhaseKind.TIP, side=None, duration=None, note="keep it on"), 4)
    assert spoken_lines(event) == ["Calf stretch. Keep it on."]


def test_a_resumed_hold_without_a_session_or_time_left_just_carries_on() -> None:
    class NoTime:
        def remaining(self) -> float | None:
            return None

    event = PhaseStarted(phase(), 1, resumed=True)
    assert spoken_lines(event) == ["Carry on."]
    assert spoken_lines(event, NoTime()) == ["Carry on."]


def test_switching_legs_is_said_once_and_cued_once() -> None:
    switch = phase(PhaseKind.SWITCH_LEGS, side=Side.RIGHT, duration=5.0)
    started, switch_legs = PhaseStarted(switch, 2), SwitchLegs(switch)
    assert spoken_lines_for([started, switch_legs]) == ["Switch legs."]
    assert [cue_for(started), cue_for(switch_legs)] == [None, Cue.SWITCH_LEGS]


def test_every_cue_names_a_sound_file() -> None:
    assert [c.value for c in Cue] == [
        "hold-start",
        "last-seconds",
        "switch-legs",
        "done",
        "emergency",
    ]
    assert cue_for(Paused(phase())) is None
    assert cue_for(Finished(True, 7, 3)) is Cue.DONE


def test_shipped_routines_have_the_names_the_script_expects(library: Library) -> None:
    routine: Routine = library.routines["bedtime"]
    names = [library.exercises[step.exercise].name for step in routine.steps]
    assert names == [
        "Calf stretch",
        "Lower front leg stretch",
        "Hamstring stretch",
        "Quad stretch",
    ]
