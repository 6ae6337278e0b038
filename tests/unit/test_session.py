"""The session engine: every transition, pauses, and the late-tick timing rule."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stretch_app.core.clock import FakeClock
from stretch_app.core.library import load_library
from stretch_app.core.model import Exercise, Routine, Side
from stretch_app.core.session import (
    Finished,
    Halfway,
    LastSeconds,
    Paused,
    PhaseKind,
    PhaseStarted,
    Resumed,
    Session,
    SessionState,
    SwitchLegs,
    expand_routine,
    routine_duration,
)
from tests.conftest import ROUTINES

CALF = Exercise(id="calf", name="Calf stretch", muscle="calf", how_to=("Pull toes up.",))
HAM = Exercise(
    id="ham", name="Hamstring stretch", muscle="hamstring", how_to=("Lean.",), per_side=False
)
CATALOG = {e.id: e for e in (CALF, HAM)}


def make_routine(**overrides: object) -> Routine:
    data: dict[str, object] = {
        "schema_version": 1,
        "id": "test",
        "name": "Test",
        "get_ready": 5,
        "switch_legs": 4,
        "rest": 10,
        "steps": [{"exercise": "calf", "hold": 30}, {"exercise": "ham", "hold": 20}],
    }
    data.update(overrides)
    return Routine.model_validate(data)


def started(clock: FakeClock, **overrides: object) -> Session:
    session = Session(make_routine(**overrides), CATALOG, clock)
    session.start()
    return session


def kinds(session: Session) -> list[tuple[PhaseKind, Side | None]]:
    return [(p.kind, p.side) for p in session.phases]


def test_expansion_orders_get_ready_hold_switch_hold_rest() -> None:
    phases = expand_routine(make_routine(), CATALOG)
    assert [(p.kind, p.side, p.duration) for p in phases] == [
        (PhaseKind.GET_READY, Side.LEFT, 5.0),
        (PhaseKind.HOLD, Side.LEFT, 30.0),
        (PhaseKind.SWITCH_LEGS, Side.RIGHT, 4.0),
        (PhaseKind.HOLD, Side.RIGHT, 30.0),
        (PhaseKind.REST, None, 10.0),
        (PhaseKind.HOLD, None, 20.0),
    ]
    assert phases[4].exercise.id == "ham"  # a rest shows what comes next


def test_total_duration_is_known_before_start() -> None:
    assert routine_duration(make_routine(), CATALOG) == 5 + 30 + 4 + 30 + 10 + 20


def test_explicit_sides_and_default_hold() -> None:
    routine = make_routine(steps=[{"exercise": "calf", "sides": ["right"]}])
    phases = expand_routine(routine, CATALOG)
    assert [(p.kind, p.side, p.duration) for p in phases] == [
        (PhaseKind.GET_READY, Side.RIGHT, 5.0),
        (PhaseKind.HOLD, Side.RIGHT, 30.0),  # the exercise's default hold
    ]


def test_relief_steps_are_open_ended_or_tips() -> None:
    routine = make_routine(
        rest=0,
        steps=[
            {"exercise": "calf", "mode": "until-eased", "sides": []},
            {"exercise": "ham", "mode": "tip"},
        ],
    )
    phases = expand_routine(routine, CATALOG)
    assert [(p.kind, p.duration) for p in phases[1:]] == [
        (PhaseKind.HOLD, None),
        (PhaseKind.TIP, None),
    ]


def test_a_whole_routine_runs_in_order_with_its_events() -> None:
    clock = FakeClock()
    session = Session(make_routine(), CATALOG, clock)
    assert session.state is SessionState.NOT_STARTED
    events = session.start()
    assert events == [PhaseStarted(session.phases[0], 0)]
    seen: list[object] = list(events)
    for _ in range(200):
        clock.advance(0.5)
        seen.extend(session.tick())
    started_kinds = [e.phase.kind for e in seen if isinstance(e, PhaseStarted)]
    assert started_kinds == [p.kind for p in session.phases]
    assert sum(isinstance(e, Halfway) for e in seen) == 3
    assert sum(isinstance(e, LastSeconds) for e in seen) == 6  # every phase longer than 3 s
    assert [type(e) for e in seen].count(SwitchLegs) == 1
    assert seen[-1] == Finished(True, holds_done=3, last_step_index=1)
    assert session.state is SessionState.FINISHED
    assert session.progress() == 1.0


def test_halfway_and_last_seconds_arrive_at_their_moment() -> None:
    clock = FakeClock()
    session = started(clock)
    clock.advance(5)
    assert [type(e) for e in session.tick()] == [PhaseStarted]  # hold left begins
    clock.advance(14.9)
    assert session.tick() == []
    clock.advance(0.1)
    assert [type(e) for e in session.tick()] == [Halfway]
    clock.advance(11.9)
    assert session.tick() == []
    clock.advance(0.1)
    assert [type(e) for e in session.tick()] == [LastSeconds]
    assert session.remaining() == pytest.approx(3.0)


def test_a_late_tick_does_not_stretch_the_hold() -> None:
    clock = FakeClock()
    session = started(clock)
    clock.advance(5)
    session.tick()
    clock.advance(30 + 2.7)  # the tick arrives 2.7 s late
    events = session.tick()
    assert session.current.kind is PhaseKind.SWITCH_LEGS
    # Thresholds of the missed hold are not replayed; the switch is already in its last seconds.
    assert [type(e) for e in events] == [PhaseStarted, SwitchLegs, LastSeconds]
    # The switch began when the hold ended, not when we noticed.
    assert session.elapsed() == pytest.approx(2.7)
    assert session.remaining() == pytest.approx(4 - 2.7)


def test_one_very_late_tick_passes_several_phases_in_order() -> None:
    clock = FakeClock()
    session = started(clock)
    clock.advance(5 + 30 + 4 + 1)
    events = session.tick()
    assert [e.phase.kind for e in events if isinstance(e, PhaseStarted)] == [
        PhaseKind.HOLD,
        PhaseKind.SWITCH_LEGS,
        PhaseKind.HOLD,
    ]
    assert session.current.side is Side.RIGHT
    assert session.elapsed() == pytest.approx(1.0)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.floats(min_value=0.001, max_value=7.0), min_size=1, max_size=400))
def test_every_phase_ends_on_the_clock_whatever_the_ticks(gaps: list[float]) -> None:
    """With irregular, late ticks, each phase starts exactly at the previous one's nominal end."""
    clock = FakeClock()
    session = started(clock)
    begin = clock.monotonic()
    starts: dict[int, float] = {}
    for gap in gaps:
        clock.advance(gap)
        for event in session.tick():
            if isinstance(event, PhaseStarted):
                # Where the engine says this phase began, read back from its elapsed time.
                starts[event.index] = clock.monotonic() - session.elapsed()
        if session.state is SessionState.FINISHED:
            break
    expected = begin
    for index, phase in enumerate(session.phases):
        if index in starts and index == session.index:
            assert starts[index] == pytest.approx(expected)
        expected += phase.duration or 0.0
    if session.state is SessionState.RUNNING:
        nominal = sum(p.duration or 0.0 for p in session.phases[: session.index])
        assert session.elapsed() == pytest.approx(clock.monotonic() - begin - nominal)


def test_pause_keeps_remaining_time_and_resume_adds_a_lead_in() -> None:
    clock = FakeClock()
    session = started(clock)
    clock.advance(5 + 12)
    session.tick()
    assert session.remaining() == pytest.approx(18)
    events = session.pause()
    assert events == [Paused(session.phases[1])]
    clock.advance(600)  # a long pause: nothing moves
    assert session.tick() == []
    assert session.remaining() == pytest.approx(18)
    events = session.resume()
    assert [type(e) for e in events] == [Resumed, PhaseStarted]
    assert session.current.kind is PhaseKind.GET_READY
    assert session.remaining() == pytest.approx(5)
    clock.advance(5)
    events = session.tick()
    assert events == [PhaseStarted(session.phases[1], 1, resumed=True)]
    assert session.current.kind is PhaseKind.HOLD
    assert session.remaining() == pytest.approx(18)
    clock.advance(18)
    session.tick()
    assert session.current.kind is PhaseKind.SWITCH_LEGS


def test_pausing_during_the_lead_in_keeps_the_hold_time() -> None:
    clock = FakeClock()
    session = started(clock)
    clock.advance(5 + 10)
    session.tick()
    session.pause()
    session.resume()
    clock.advance(2)
    session.pause()
    assert session.current.kind is PhaseKind.HOLD
    assert session.remaining() == pytest.approx(20)


def test_pause_during_rest_resumes_without_lead_in() -> None:
    clock = FakeClock()
    session = started(clock)
    clock.advance(5 + 30 + 4 + 30 + 3)
    session.tick()
    assert session.current.kind is PhaseKind.REST
    session.pause()
    assert [type(e) for e in session.resume()] == [Resumed]
    assert session.remaining() == pytest.approx(7)


def test_commands_out_of_place_do_nothing() -> None:
    clock = FakeClock()
    session = Session(make_routine(), CATALOG, clock)
    assert session.pause() == session.resume() == session.skip() == session.stop() == []
    session.start()
    assert session.start() == []
    assert session.resume() == []
    session.stop()
    assert session.skip() == session.back() == session.restart_step() == session.pause() == []


def test_skip_moves_to_the_next_phase_without_counting_the_hold() -> None:
    clock = FakeClock()
    session = started(clock)
    assert session.skip() == [PhaseStarted(session.phases[1], 1)]
    events = session.skip()
    assert [type(e) for e in events] == [PhaseStarted, SwitchLegs]
    for _ in range(3):
        session.skip()
    assert session.current.exercise.id == "ham"
    assert session.skip() == [Finished(True, holds_done=0, last_step_index=1, held_share=0.0)]


def test_back_goes_to_the_previous_hold() -> None:
    clock = FakeClock()
    session = started(clock)
    for _ in range(4):
        session.skip()
    assert session.current.kind is PhaseKind.REST
    session.back()
    assert (session.current.kind, session.current.side) == (PhaseKind.HOLD, Side.RIGHT)
    session.back()
    assert (session.current.kind, session.current.side) == (PhaseKind.HOLD, Side.LEFT)
    session.back()  # nothing before the first hold: start it again
    assert session.index == 1
    assert session.remaining() == pytest.approx(30)


def test_restart_step_gives_the_full_hold_again() -> None:
    clock = FakeClock()
    session = started(clock)
    clock.advance(5 + 25)
    session.tick()
    assert session.remaining() == pytest.approx(5)
    assert session.restart_step() == [PhaseStarted(session.phases[1], 1)]
    assert session.remaining() == pytest.approx(30)
    clock.advance(15)
    assert [type(e) for e in session.tick()] == [Halfway]  # thresholds fire again


def test_controls_while_paused_stay_paused() -> None:
    clock = FakeClock()
    session = started(clock)
    session.pause()
    session.skip()
    assert session.state is SessionState.PAUSED
    clock.advance(100)
    assert session.remaining() == pytest.approx(30)


def test_stop_reports_how_far_we_got() -> None:
    clock = FakeClock()
    session = started(clock)
    clock.advance(5 + 30 + 4 + 30 + 1)
    session.tick()
    events = session.stop()
    assert events == [Finished(False, holds_done=2, last_step_index=1, held_share=0.75)]
    assert session.state is SessionState.STOPPED
    assert session.is_over


def test_open_ended_hold_waits_for_the_person() -> None:
    clock = FakeClock()
    session = started(
        clock, rest=0, steps=[{"exercise": "calf", "mode": "until-eased", "sides": []}]
    )
    clock.advance(5)
    session.tick()
    clock.advance(3600)
    assert session.tick() == []
    assert session.remaining() is None
    assert session.elapsed() == pytest.approx(3600)
    assert session.seconds_to_next_event() is None
    assert isinstance(session.skip()[-1], Finished)


def test_seconds_to_next_event_points_at_the_next_threshold() -> None:
    clock = FakeClock()
    session = started(clock)
    assert session.seconds_to_next_event() == pytest.approx(2)  # last 3 s of get-ready
    clock.advance(5)
    session.tick()
    assert session.seconds_to_next_event() == pytest.approx(15)  # halfway
    clock.advance(15)
    session.tick()
    assert session.seconds_to_next_event() == pytest.approx(12)  # last seconds
    session.pause()
    assert session.seconds_to_next_event() is None


def test_progress_grows_with_time() -> None:
    clock = FakeClock()
    session = started(clock)
    values = []
    for _ in range(40):
        clock.advance(random.uniform(0.5, 3))
        session.tick()
        values.append(session.progress())
    assert values == sorted(values)
    assert 0 < values[0] < values[-1] <= 1


def test_next_phase_and_upcoming_exercise() -> None:
    clock = FakeClock()
    session = started(clock)
    session.skip()
    assert session.next_phase is session.phases[2]
    assert session.upcoming_exercise is not None
    assert session.upcoming_exercise.id == "ham"


def test_the_shipped_bedtime_routine_runs_to_the_end(tmp_path: Path) -> None:
    library = load_library([ROUTINES])
    clock = FakeClock()
    session = Session(library.routines["bedtime"], library.exercises, clock)
    session.start()
    last: list[object] = []
    while session.state is SessionState.RUNNING:
        clock.advance(1.3)
        last = session.tick() or last
    assert isinstance(last[-1], Finished)
    assert session.holds_done == 6  # calf and quad per leg; lower front and hamstring once


def test_next_names_the_other_leg_during_the_first_legs_hold() -> None:
    from stretch_app.core.guidance import next_up

    phases = expand_routine(make_routine(), CATALOG)
    kinds_now = [(p.kind, p.side) for p in phases]
    left = kinds_now.index((PhaseKind.HOLD, Side.LEFT))
    right = kinds_now.index((PhaseKind.HOLD, Side.RIGHT))
    rest = kinds_now.index((PhaseKind.REST, None))
    assert next_up(phases, left) == next_up(phases, left)  # a value, the same each time
    during_left = next_up(phases, left)
    assert during_left is not None
    assert (during_left.exercise.id, during_left.side, during_left.other_leg) == (
        "calf",
        Side.RIGHT,
        True,
    )
    during_right = next_up(phases, right)
    assert during_right is not None and during_right.exercise.id == "ham"
    assert not during_right.other_leg
    assert next_up(phases, rest) is None  # the rest page says "Coming up" alone


def test_skipped_holds_count_nothing_towards_done() -> None:
    from stretch_app.core.history import counts_as_done

    clock = FakeClock()
    skipped = started(clock)
    while not skipped.is_over:
        events = skipped.skip()
    (finished,) = [e for e in events if isinstance(e, Finished)]
    assert finished.completed and finished.held_share == 0.0
    assert not counts_as_done(finished)

    held = started(clock)
    clock.advance(5 + 30 + 4 + 30)  # both calf holds, then skip the hamstring
    held.tick()
    while not held.is_over:
        events = held.skip()
    (finished,) = [e for e in events if isinstance(e, Finished)]
    assert finished.held_share == pytest.approx(60 / 80)
    assert counts_as_done(finished)


def test_a_hold_cut_short_counts_the_time_it_was_held() -> None:
    clock = FakeClock()
    session = started(clock)
    clock.advance(5 + 20)  # 20 of the left leg's 30 seconds
    session.tick()
    session.skip()
    assert session.held_share() == pytest.approx(20 / 80)
    session.back()  # once more from the start, and held only 10 s this time: the best counts
    clock.advance(10)
    session.stop()
    assert session.held_share() == pytest.approx(20 / 80)
