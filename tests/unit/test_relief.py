"""The cramp-relief engine: the muscle question, the steps, the cramp's clock, the emergency."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from stretch_app.core.clock import FakeClock
from stretch_app.core.library import Library, load_library
from stretch_app.core.model import StepMode
from stretch_app.core.relief import (
    MUSCLE_CHOICES,
    STRETCH_FOR,
    Asking,
    EmergencyReached,
    Ended,
    MuscleChosen,
    ReliefEpisode,
    ReliefState,
    StepStarted,
    relief_steps,
    spoken_lines,
)
from tests.conftest import ROUTINES

STARTED_AT = datetime(2025, 1, 14, 2, 30, tzinfo=UTC)
LEAD = "A cramp that lasts more than 10 minutes needs emergency care."


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library([ROUTINES])


def episode(library: Library, clock: FakeClock, **options: float) -> ReliefEpisode:
    return ReliefEpisode(
        library.routines["cramp-relief"],
        library.exercises,
        clock,
        started_at=STARTED_AT,
        **options,  # type: ignore[arg-type]
    )


def ids(relief: ReliefEpisode) -> list[str]:
    return [step.exercise.id for step in relief.steps]


def test_every_muscle_stretch_is_in_the_shipped_catalog(library: Library) -> None:
    assert set(MUSCLE_CHOICES) == set(STRETCH_FOR)
    for exercise_id in STRETCH_FOR.values():
        assert exercise_id in library.exercises


@pytest.mark.parametrize(
    ("muscle", "first"),
    [
        ("calf", "calf-stretch"),
        ("back-of-thigh", "hamstring-stretch"),
        ("front-of-thigh", "quad-stretch"),
        ("foot", "pull-toes"),
    ],
)
def test_the_targeted_stretch_comes_first_and_nothing_twice(
    library: Library, muscle: str, first: str
) -> None:
    steps = relief_steps(library.routines["cramp-relief"], library.exercises, muscle)  # type: ignore[arg-type]
    names = [s.exercise.id for s in steps]
    assert names[0] == first
    assert len(names) == len(set(names))
    # The article's other relief tips all follow, open-ended holds before the tips.
    assert {"press-foot-flat", "massage", "flex-foot", "ice", "warm-bath"} <= set(names)
    assert steps[0].mode is StepMode.UNTIL_EASED
    assert steps[-1].mode is StepMode.TIP
    assert "cramped muscle" in steps[0].note


def test_calf_starts_by_itself_after_the_wait(library: Library) -> None:
    clock = FakeClock()
    relief = episode(library, clock, autostart_after=5)
    assert relief.start() == [Asking(5)]
    assert relief.state is ReliefState.CHOOSING
    assert relief.seconds_to_next_event() == 5
    clock.advance(4.9)
    assert relief.tick() == []
    assert relief.autostart_remaining() == pytest.approx(0.1)
    clock.advance(0.1)
    events = relief.tick()
    assert events[0] == MuscleChosen("calf", automatic=True)
    assert isinstance(events[1], StepStarted)
    assert events[1].step.exercise.id == "calf-stretch"
    assert relief.state is ReliefState.RELIEVING
    assert relief.autostart_remaining() is None
    assert relief.tick() == []


def test_no_wait_starts_the_calf_at_once(library: Library) -> None:
    relief = episode(library, FakeClock(), autostart_after=0)
    events = relief.start()
    assert events[0] == MuscleChosen("calf", automatic=True)
    assert relief.current is not None and relief.current.exercise.id == "calf-stretch"


def test_a_chosen_muscle_wins_even_at_the_last_moment(library: Library) -> None:
    clock = FakeClock()
    relief = episode(library, clock, autostart_after=5)
    relief.start()
    clock.advance(5.2)  # the wait ran out, but no tick noticed before the tap
    events = relief.choose("back-of-thigh")
    assert events[0] == MuscleChosen("back-of-thigh", automatic=False)
    assert ids(relief)[0] == "hamstring-stretch"
    assert relief.choose("foot") == []  # a later choice changes nothing
    assert relief.muscle == "back-of-thigh"


def test_steps_count_up_and_next_goes_round(library: Library) -> None:
    clock = FakeClock()
    relief = episode(library, clock)
    relief.start()
    relief.choose("foot")
    count = len(relief.steps)
    clock.advance(12)
    assert relief.step_elapsed() == 12
    assert relief.upcoming is relief.steps[1]
    events = relief.next_step()
    assert events == [StepStarted(relief.steps[1], 1, count)]
    assert relief.step_elapsed() == 0
    assert relief.elapsed() == 12  # the cramp's own clock keeps going
    for _ in range(count - 1):
        relief.next_step()
    assert relief.index == 0
    assert ids(relief)[0] == "pull-toes"


def test_next_while_choosing_means_get_on_with_the_calf(library: Library) -> None:
    relief = episode(library, FakeClock())
    relief.start()
    events = relief.next_step()
    assert events[0] == MuscleChosen("calf", automatic=True)


def test_emergency_once_at_the_threshold_without_any_click(library: Library) -> None:
    clock = FakeClock()
    relief = episode(library, clock, emergency_after=600)
    relief.start()
    relief.choose("calf")
    clock.advance(599)
    assert relief.tick() == []
    assert not relief.emergency
    assert relief.seconds_to_next_event() == pytest.approx(1)
    clock.advance(1)
    assert relief.tick() == [EmergencyReached(600)]
    assert relief.emergency
    clock.advance(30)
    assert relief.tick() == []
    assert relief.seconds_to_next_event() is None


def test_emergency_while_still_choosing(library: Library) -> None:
    clock = FakeClock()
    relief = episode(library, clock, autostart_after=60, emergency_after=30)
    relief.start()
    clock.advance(31)
    events = relief.tick()
    assert events == [EmergencyReached(31)]
    assert relief.state is ReliefState.CHOOSING


def test_eased_records_the_step_that_helped_and_the_times(library: Library) -> None:
    clock = FakeClock()
    relief = episode(library, clock)
    relief.start()
    relief.choose("calf")
    clock.advance(40)
    relief.next_step()  # press the foot down
    clock.advance(35.5)
    (ended,) = relief.eased()
    assert isinstance(ended, Ended)
    outcome = ended.outcome
    assert outcome.muscle == "calf"
    assert outcome.helped == "press-foot-flat"
    assert outcome.eased
    assert not outcome.emergency
    assert outcome.duration_s == 75.5
    assert outcome.started_at == STARTED_AT
    assert outcome.ended_at == STARTED_AT + timedelta(seconds=75.5)
    assert relief.is_over
    clock.advance(100)
    assert relief.elapsed() == 75.5  # frozen once over
    assert relief.eased() == []
    assert relief.stop() == []
    assert relief.next_step() == []
    assert relief.tick() == []


def test_stop_ends_without_a_helper_and_notices_a_late_emergency(library: Library) -> None:
    clock = FakeClock()
    relief = episode(library, clock, emergency_after=600)
    relief.start()
    relief.choose("front-of-thigh")
    clock.advance(700)
    events = relief.stop()
    assert isinstance(events[0], EmergencyReached)
    assert isinstance(events[-1], Ended)
    assert events[-1].outcome.helped is None
    assert not events[-1].outcome.eased
    assert events[-1].outcome.emergency


def test_stop_while_choosing_keeps_no_muscle(library: Library) -> None:
    relief = episode(library, FakeClock())
    relief.start()
    (ended,) = relief.stop()
    assert isinstance(ended, Ended)
    assert ended.outcome.muscle is None


def test_an_unknown_muscle_is_refused(library: Library) -> None:
    relief = episode(library, FakeClock())
    with pytest.raises(ValueError, match="elbow"):
        relief.choose("elbow")  # type: ignore[arg-type]


def test_spoken_lines(library: Library) -> None:
    relief = episode(library, FakeClock())
    relief.start()
    (_, started) = relief.choose("calf")
    assert spoken_lines(started, LEAD) == ["Calf stretch. Hold until it eases."]
    tip = next(i for i, s in enumerate(relief.steps) if not s.open_ended)
    relief.index = tip - 1
    (tip_started,) = relief.next_step()
    assert spoken_lines(tip_started, LEAD) == ["Ice it. Put ice on the cramped muscle."]
    assert spoken_lines(EmergencyReached(600), LEAD) == [LEAD]
    assert spoken_lines(MuscleChosen("calf", automatic=True), LEAD) == []
    assert spoken_lines(Asking(5), LEAD) == ["Where is the cramp? Calf relief starts in 5 seconds."]
