"""Repeated holds: ``repeat = N`` holds per leg with ``rest_between`` — engine, words, checks."""

from __future__ import annotations

from pathlib import Path

import pytest

from stretch_app.core.clock import FakeClock
from stretch_app.core.guidance import spoken_lines_for
from stretch_app.core.library import validate_files
from stretch_app.core.model import Exercise, Routine, Side
from stretch_app.core.phrases import phrases_for
from stretch_app.core.session import (
    Finished,
    PhaseKind,
    PhaseStarted,
    Session,
    SessionState,
    expand_routine,
    routine_duration,
)
from tests.conftest import ASSETS, ROUTINES

CALF = Exercise(id="calf", name="Calf stretch", muscle="calf", how_to=("Pull toes up.",))
HAM = Exercise(
    id="ham", name="Hamstring stretch", muscle="hamstring", how_to=("Lean.",), per_side=False
)
CATALOG = {e.id: e for e in (CALF, HAM)}


def routine(*steps: dict[str, object], **overrides: object) -> Routine:
    data: dict[str, object] = {
        "schema_version": 1,
        "id": "reps",
        "name": "Reps",
        "get_ready": 5,
        "switch_legs": 4,
        "rest": 10,
        "steps": list(steps) or [{"exercise": "calf", "hold": "10s", "repeat": 3}],
    }
    data.update(overrides)
    return Routine.model_validate(data)


def shape(r: Routine) -> list[tuple[PhaseKind, Side | None, float | None, int, int]]:
    return [
        (p.kind, p.side, p.duration, p.repetition, p.repetitions)
        for p in expand_routine(r, CATALOG)
    ]


L, R, H, X = Side.LEFT, Side.RIGHT, PhaseKind.HOLD, PhaseKind.RELAX


def test_three_holds_each_leg_with_the_default_ten_seconds_between() -> None:
    assert shape(routine()) == [
        (PhaseKind.GET_READY, L, 5.0, 1, 1),
        (H, L, 10.0, 1, 3),
        (X, L, 10.0, 2, 3),
        (H, L, 10.0, 2, 3),
        (X, L, 10.0, 3, 3),
        (H, L, 10.0, 3, 3),
        (PhaseKind.SWITCH_LEGS, R, 4.0, 1, 1),
        (H, R, 10.0, 1, 3),
        (X, R, 10.0, 2, 3),
        (H, R, 10.0, 2, 3),
        (X, R, 10.0, 3, 3),
        (H, R, 10.0, 3, 3),
    ]


def test_durations_count_every_hold_and_every_rest_between() -> None:
    # get ready 5 + per leg (3 x 10 s holds + 2 x 10 s relax) x 2 + switch 4
    assert routine_duration(routine(), CATALOG) == 5 + 2 * (30 + 20) + 4
    two = routine({"exercise": "calf", "hold": 20, "repeat": 2, "rest_between": "1m"})
    assert routine_duration(two, CATALOG) == 5 + 2 * (40 + 60) + 4


def test_a_repeated_step_on_both_legs_at_once_and_then_the_rest() -> None:
    r = routine(
        {"exercise": "ham", "hold": 15, "repeat": 2, "rest_between": "5s"},
        {"exercise": "calf", "hold": 30, "sides": ["right"]},
    )
    assert shape(r) == [
        (PhaseKind.GET_READY, None, 5.0, 1, 1),
        (H, None, 15.0, 1, 2),
        (X, None, 5.0, 2, 2),
        (H, None, 15.0, 2, 2),
        (PhaseKind.REST, R, 10.0, 1, 1),
        (H, R, 30.0, 1, 1),
    ]


def test_no_rest_between_means_holds_back_to_back() -> None:
    r = routine({"exercise": "ham", "hold": 15, "repeat": 3, "rest_between": 0})
    assert [p.kind for p in expand_routine(r, CATALOG)][1:] == [H, H, H]


def test_repeat_one_is_the_old_single_hold() -> None:
    single = routine({"exercise": "calf", "hold": 10})
    explicit = routine({"exercise": "calf", "hold": 10, "repeat": 1, "rest_between": "30s"})
    assert expand_routine(single, CATALOG) == expand_routine(explicit, CATALOG)


def test_an_open_ended_hold_is_never_repeated() -> None:
    r = routine({"exercise": "calf", "mode": "until-eased", "repeat": 3, "sides": ["left"]})
    holds = [p for p in expand_routine(r, CATALOG) if p.kind is H]
    assert len(holds) == 1 and holds[0].repetitions == 1


def _run_through(session: Session, clock: FakeClock) -> list[tuple[PhaseKind, int]]:
    seen = []
    events = session.start()
    while not session.is_over:
        seen += [(e.phase.kind, e.phase.repetition) for e in events if isinstance(e, PhaseStarted)]
        wait = session.seconds_to_next_event()
        assert wait is not None
        clock.advance(wait)
        events = session.tick()
    return seen


def test_a_session_walks_every_repetition_and_counts_each_hold() -> None:
    clock = FakeClock()
    session = Session(routine(), CATALOG, clock)
    began = clock.monotonic()
    seen = _run_through(session, clock)
    assert [rep for kind, rep in seen if kind is H] == [1, 2, 3, 1, 2, 3]
    assert session.holds_done == 6
    assert clock.monotonic() - began == pytest.approx(routine_duration(routine(), CATALOG))


def _at(session: Session, clock: FakeClock, kind: PhaseKind, repetition: int) -> None:
    """Run the clock until the session is in that phase of the left leg."""
    while not (session.current.kind is kind and session.current.repetition == repetition):
        wait = session.seconds_to_next_event()
        assert wait is not None
        clock.advance(wait)
        session.tick()


def test_pause_and_resume_inside_the_second_hold_keeps_its_time() -> None:
    clock = FakeClock()
    session = Session(routine(), CATALOG, clock, resume_lead_in=5.0)
    session.start()
    _at(session, clock, H, 2)
    clock.advance(4)
    session.pause()
    clock.advance(100)
    assert session.remaining() == pytest.approx(6)
    events = session.resume()
    assert session.current.kind is PhaseKind.GET_READY  # the lead-in
    clock.advance(5)
    events = session.tick()
    (started,) = [e for e in events if isinstance(e, PhaseStarted)]
    assert started.resumed and started.phase.repetition == 2
    assert session.remaining() == pytest.approx(6)


def test_pause_during_the_rest_between_resumes_without_a_lead_in() -> None:
    clock = FakeClock()
    session = Session(routine(), CATALOG, clock)
    session.start()
    _at(session, clock, X, 3)
    clock.advance(3)
    session.pause()
    session.resume()
    assert session.current.kind is X and session.remaining() == pytest.approx(7)


def test_back_inside_a_repetition_goes_to_the_hold_before() -> None:
    clock = FakeClock()
    session = Session(routine(), CATALOG, clock)
    session.start()
    _at(session, clock, H, 3)
    session.back()
    assert (session.current.kind, session.current.repetition) == (H, 2)
    assert session.remaining() == pytest.approx(10)
    _at(session, clock, X, 3)
    session.back()  # from the rest between, back to the hold just done
    assert (session.current.kind, session.current.repetition) == (H, 2)


def test_skip_goes_from_a_hold_to_the_rest_between_then_the_next_hold() -> None:
    clock = FakeClock()
    session = Session(routine(), CATALOG, clock)
    session.start()
    _at(session, clock, H, 1)
    session.skip()
    assert (session.current.kind, session.current.repetition) == (X, 2)
    session.skip()
    assert (session.current.kind, session.current.repetition) == (H, 2)
    assert session.state is SessionState.RUNNING


def test_skip_while_paused_in_a_repetition_stays_paused() -> None:
    clock = FakeClock()
    session = Session(routine(), CATALOG, clock)
    session.start()
    _at(session, clock, H, 2)
    session.pause()
    session.skip()
    assert (session.current.kind, session.state) == (X, SessionState.PAUSED)


def test_stopping_in_a_repetition_reports_the_holds_done() -> None:
    clock = FakeClock()
    session = Session(routine(), CATALOG, clock)
    session.start()
    _at(session, clock, H, 3)
    (finished,) = [e for e in session.stop() if isinstance(e, Finished)]
    assert (finished.completed, finished.holds_done) == (False, 2)


def _script(language: str) -> list[str]:
    clock = FakeClock()
    session = Session(routine(), CATALOG, clock)
    phrases = phrases_for(language, ASSETS / "i18n")
    lines = spoken_lines_for(session.start(), session, phrases)
    while not session.is_over:
        wait = session.seconds_to_next_event()
        assert wait is not None
        clock.advance(wait)
        lines += spoken_lines_for(session.tick(), session, phrases)
    return lines


def test_the_voice_counts_the_holds() -> None:
    assert _script("en")[:8] == [
        "Get ready. First: calf stretch.",
        "Calf stretch. Left leg. Hold 1 of 3. Hold for 10 seconds.",
        "Relax.",
        "Hold 2 of 3. Left leg.",
        "Relax.",
        "Hold 3 of 3. Left leg.",
        "Switch legs.",
        "Calf stretch. Right leg. Hold 1 of 3. Hold for 10 seconds.",
    ]
    assert "Halfway." not in _script("en")  # short repeated holds stay quiet in the middle


def test_the_voice_counts_the_holds_in_german() -> None:
    lines = _script("de")
    assert lines[1] == "Calf stretch. Linkes Bein. Durchgang 1 von 3. 10 Sekunden halten."
    assert lines[2:4] == ["Locker lassen.", "Durchgang 2 von 3. Linkes Bein."]


ROUTINE = """schema_version = 1
id = "reps"
name = "Reps"

[[steps]]
exercise = "calf-stretch"
hold = "10s"
{extra}
"""


@pytest.mark.parametrize(
    ("extra", "field", "message"),
    [
        ("repeat = 0", "steps[0].repeat", "whole number of holds, from 1 to 20"),
        ("repeat = 21", "steps[0].repeat", "whole number of holds, from 1 to 20"),
        ("repeat = 2.5", "steps[0].repeat", "whole number of holds, from 1 to 20"),
        ('repeat = "3"', "steps[0].repeat", "whole number of holds, from 1 to 20"),
        ("rest_between = -5", "steps[0].rest_between", "must not be negative"),
        ('rest_between = "2h"', "steps[0].rest_between", "is not a duration"),
        ("rest_between = 4000", "steps[0].rest_between", "at most 3600 seconds"),
        ("rest_between = true", "steps[0].rest_between", "duration"),
        ("repeats = 3", "steps[0].repeats", "unknown key"),
    ],
)
def test_bad_repeat_and_rest_between_are_located_and_explained(
    tmp_path: Path, extra: str, field: str, message: str
) -> None:
    path = tmp_path / "reps.toml"
    path.write_text(ROUTINE.format(extra=extra), encoding="utf-8")
    (problem,) = validate_files([path], catalogs_from=[ROUTINES])
    assert (problem.line, problem.field) == (8, field)
    assert message in problem.message, problem.message


def test_good_repeat_and_rest_between_validate_clean(tmp_path: Path) -> None:
    path = tmp_path / "reps.toml"
    path.write_text(ROUTINE.format(extra='repeat = 3\nrest_between = "15s"'), encoding="utf-8")
    assert validate_files([path], catalogs_from=[ROUTINES]) == []
