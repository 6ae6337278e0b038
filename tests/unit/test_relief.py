"""The cramp-relief engine: the muscle question, the steps, the cramp's clock, the emergency."""

from __future__ import annotations

import importlib.util
import wave
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from stretch_app.core.clock import FakeClock
from stretch_app.core.guidance import Cue
from stretch_app.core.library import Library, load_library
from stretch_app.core.model import StepMode
from stretch_app.core.relief import (
    MUSCLE_CHOICES,
    STRETCH_FOR,
    Asking,
    Continued,
    EmergencyNear,
    EmergencyReached,
    Ended,
    MuscleChosen,
    ReliefEpisode,
    ReliefState,
    StartMoved,
    StepStarted,
    relief_steps,
    spoken_lines,
    woke_by_default,
)
from tests.conftest import ASSETS, ROUTINES

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


def test_emergency_at_the_threshold_and_again_every_interval_without_any_click(
    library: Library,
) -> None:
    clock = FakeClock()
    relief = episode(library, clock, emergency_after=600, highlight_from=480, repeat_every=180)
    relief.start()
    relief.choose("calf")
    clock.advance(479)
    assert relief.tick() == []
    assert relief.seconds_to_next_event() == pytest.approx(1)
    clock.advance(1)
    assert relief.tick() == [EmergencyNear(120)]
    assert relief.near and not relief.emergency
    assert relief.emergency_in() == 120
    clock.advance(119)
    assert relief.tick() == []
    assert not relief.emergency
    assert relief.seconds_to_next_event() == pytest.approx(1)
    clock.advance(1)
    assert relief.tick() == [EmergencyReached(600)]
    assert relief.emergency
    clock.advance(30)
    assert relief.tick() == []
    assert relief.seconds_to_next_event() == pytest.approx(150)
    clock.advance(150)
    assert relief.tick() == [EmergencyReached(780, repeat=1)]
    clock.advance(500)  # a very late tick gives one notice, and the beat stays every 3 min
    assert relief.tick() == [EmergencyReached(1280, repeat=3)]
    assert relief.seconds_to_next_event() == pytest.approx(40)
    relief.eased()
    clock.advance(600)
    assert relief.tick() == []  # never again once relief is over


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
    clock.advance(35.4)
    (ended,) = relief.eased()
    assert isinstance(ended, Ended)
    outcome = ended.outcome
    assert outcome.muscle == "calf"
    assert outcome.helped == "press-foot-flat"
    assert outcome.eased
    assert not outcome.emergency
    assert outcome.duration_s == 75  # whole seconds: the one length shown everywhere
    assert outcome.started_at == STARTED_AT
    assert outcome.ended_at == STARTED_AT + timedelta(seconds=75)
    assert relief.is_over
    clock.advance(100)
    assert relief.elapsed() == 75  # frozen once over
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


def test_the_emergency_notice_is_spoken_in_full() -> None:
    notice = [LEAD, "Pain so bad you cannot function.", "A cramp lasting more than 10 minutes."]
    assert spoken_lines(EmergencyReached(600), notice) == notice
    assert spoken_lines(EmergencyReached(780, repeat=1), notice) == notice
    assert spoken_lines(EmergencyNear(120), notice) == []


def test_started_earlier_moves_the_clock_the_threshold_and_the_diary_start(
    library: Library,
) -> None:
    clock = FakeClock()
    relief = episode(library, clock, emergency_after=600, highlight_from=480)
    relief.start()
    relief.choose("calf")
    clock.advance(30)
    events = relief.started_earlier(5)
    assert events == [StartMoved(300, STARTED_AT - timedelta(minutes=5))]
    assert relief.elapsed() == 330
    assert relief.started_at == STARTED_AT - timedelta(minutes=5)
    events = relief.started_earlier(10)  # a second tap replaces the first
    assert relief.elapsed() == 630
    assert EmergencyReached(630) in events
    (ended,) = relief.eased()
    assert isinstance(ended, Ended)
    assert ended.outcome.started_at == STARTED_AT - timedelta(minutes=10)
    assert ended.outcome.duration_s == 630
    assert ended.outcome.emergency


def test_reopening_continues_the_same_cramp_and_its_clock(library: Library) -> None:
    clock = FakeClock()
    relief = episode(library, clock, emergency_after=600, highlight_from=480)
    relief.start()
    relief.choose("foot")
    relief.next_step()
    clock.advance(500)
    relief.stop()
    clock.advance(120)
    assert relief.can_continue(180)
    assert not relief.can_continue(60)
    events = relief.reopen()
    assert events[0] == Continued(620)
    assert isinstance(events[1], StepStarted) and events[1].index == 1  # where it was
    assert events[2] == EmergencyReached(620)  # the gap counted: the line cannot be reset
    assert relief.state is ReliefState.RELIEVING
    assert relief.continued == 1
    clock.advance(10)
    (*_, ended) = relief.eased()
    assert isinstance(ended, Ended)
    assert ended.outcome.duration_s == 630
    assert ended.outcome.started_at == STARTED_AT


def test_a_discarded_episode_cannot_be_continued(library: Library) -> None:
    clock = FakeClock()
    relief = episode(library, clock)
    relief.start()
    relief.discard()
    assert relief.is_over and relief.discarded
    assert not relief.can_continue(300)
    assert relief.reopen() == []


def test_back_goes_one_step_back_then_to_the_question_without_a_countdown(
    library: Library,
) -> None:
    clock = FakeClock()
    relief = episode(library, clock, autostart_after=5)
    relief.start()
    relief.choose("back-of-thigh")
    relief.next_step()
    assert relief.index == 1
    (started,) = relief.back()
    assert isinstance(started, StepStarted) and started.index == 0
    assert relief.back() == [Asking(None)]
    assert relief.state is ReliefState.CHOOSING
    assert relief.autostart_remaining() is None
    clock.advance(60)
    assert relief.tick() == []  # the calf does not start by itself now
    assert relief.choose("foot")[0] == MuscleChosen("foot", automatic=False)
    assert spoken_lines(Asking(None), LEAD) == []


@pytest.mark.parametrize(
    ("hour", "woke"), [(2, True), (23, True), (6, True), (7, False), (15, False), (20, False)]
)
def test_did_it_wake_you_defaults_from_the_time_of_night(hour: int, woke: bool) -> None:
    assert woke_by_default(datetime(2025, 1, 14, hour, 30)) is woke


def test_the_emergency_cue_is_shipped_regenerable_and_like_no_other(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = ASSETS / "sounds"
    spec = importlib.util.spec_from_file_location("make_sounds", folder / "make_sounds.py")
    assert spec is not None and spec.loader is not None
    make_sounds = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_sounds)
    monkeypatch.setattr(make_sounds, "HERE", tmp_path)
    make_sounds.main()
    for cue in Cue:  # the script makes every cue, byte for byte as shipped
        assert (tmp_path / f"{cue.value}.wav").read_bytes() == (
            folder / f"{cue.value}.wav"
        ).read_bytes()

    def seconds(path: Path) -> float:
        with wave.open(str(path)) as sound:
            assert (sound.getnchannels(), sound.getsampwidth(), sound.getframerate()) == (
                1,
                2,
                44100,
            )
            return sound.getnframes() / sound.getframerate()

    others = [folder / f"{cue.value}.wav" for cue in Cue if cue is not Cue.EMERGENCY]
    # Longer than any other cue: three calls, not a chime.
    assert seconds(folder / "emergency.wav") > max(seconds(path) for path in others)
