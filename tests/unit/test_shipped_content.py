"""The shipped routines hold what the leg-cramps article says, in our own words.

The facts are listed here, in the test, so the project never reads the article itself.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from stretch_app.core.library import Library, load_library
from stretch_app.core.model import Exercise, Routine, Side, StepMode

REPO = Path(__file__).resolve().parents[2]
ROUTINES = REPO / "routines"
ASSETS = REPO / "assets"

# The article's four stretches: exercise id -> what its how-to must mention (each a regex, all
# must be found somewhere in the exercise's name and how-to lines).
STRETCHES: dict[str, list[str]] = {
    "calf-stretch": [
        r"towel",
        r"\bstand",
        r"\bsit",
        r"\bbed\b",
    ],
    "lower-front-leg-stretch": [
        r"\bboth heels\b.*\boff the floor",
        r"\bweight\b.*\btoes\b",
    ],
    "hamstring-stretch": [
        r"\bsit",
        r"\blegs?\b.*\bstraight|\bstraight\b.*\blegs?\b",
        r"\blean\b.*\bforward",
        r"\bhands?\b.*\bslid|\bslid.*\bhands?\b",
        r"\bslowly\b",
        r"\bback\b|\bup\b",
    ],
    "quad-stretch": [
        r"\bchair\b",
        r"\bbalance\b",
        r"\bfoot\b",
        r"\bbehind\b|\bback\b",
        r"\bbuttock",
    ],
}

# The article's relief steps, in order: what each step's exercise (name, how-to, note) must
# mention, and how the step is run.
RELIEF_STEPS: list[tuple[str, StepMode]] = [
    (r"\bstretch", StepMode.UNTIL_EASED),
    (r"\bstand\b.*\bflat\b.*\b(press|push).*\bfirm", StepMode.UNTIL_EASED),
    (r"\bmassage|\brub\b", StepMode.UNTIL_EASED),
    (r"\bflex", StepMode.UNTIL_EASED),
    (r"\btoes\b.*\b(pull|toward)", StepMode.UNTIL_EASED),
    (r"\bice\b", StepMode.TIP),
    (r"\bwarm\b.*\bbath\b|\bbath\b.*\bwarm\b", StepMode.TIP),
]

HOLD_SECONDS = 30


@pytest.fixture(scope="module")
def library() -> Library:
    loaded = load_library([ROUTINES])
    assert loaded.problems == []
    return loaded


def _words(exercise: Exercise, note: str = "") -> str:
    return " ".join([exercise.name, *exercise.how_to, note]).lower()


@pytest.mark.parametrize(("exercise_id", "facts"), STRETCHES.items())
def test_each_stretch_carries_the_article_details(
    library: Library, exercise_id: str, facts: list[str]
) -> None:
    exercise = library.exercises[exercise_id]
    text = _words(exercise)
    missing = [fact for fact in facts if not re.search(fact, text)]
    assert not missing, f"{exercise_id} does not mention {missing}: {text!r}"


def test_the_stretches_are_held_thirty_seconds_by_default(library: Library) -> None:
    for exercise_id in STRETCHES:
        assert library.exercises[exercise_id].hold == HOLD_SECONDS, exercise_id


def test_the_hamstring_stretch_is_eased_out_of_slowly(library: Library) -> None:
    how_to = library.exercises["hamstring-stretch"].how_to
    assert re.search(r"\bslowly\b", how_to[-1].lower()), (
        "the last line should say: come back slowly"
    )


def test_bedtime_has_all_four_stretches_held_thirty_seconds(library: Library) -> None:
    bedtime = library.routines["bedtime"]
    assert [step.exercise for step in bedtime.steps] == list(STRETCHES)
    for step in bedtime.steps:
        hold = step.hold if step.hold is not None else library.exercises[step.exercise].hold
        assert hold == HOLD_SECONDS, step.exercise
        assert step.mode is StepMode.TIMED


def _sides(routine: Routine, library: Library, exercise_id: str) -> tuple[Side, ...]:
    (step,) = [s for s in routine.steps if s.exercise == exercise_id]
    if step.sides is not None:
        return step.sides
    return (Side.LEFT, Side.RIGHT) if library.exercises[exercise_id].per_side else ()


@pytest.mark.parametrize("exercise_id", ["calf-stretch", "quad-stretch"])
def test_one_leg_stretches_are_done_for_each_leg(library: Library, exercise_id: str) -> None:
    sides = _sides(library.routines["bedtime"], library, exercise_id)
    assert sorted(sides) == [Side.LEFT, Side.RIGHT]
    assert library.exercises[exercise_id].per_side


# The article lifts both heels at once, and sits with both legs out for the hamstrings.
@pytest.mark.parametrize("exercise_id", ["lower-front-leg-stretch", "hamstring-stretch"])
def test_both_leg_stretches_are_done_once(library: Library, exercise_id: str) -> None:
    assert _sides(library.routines["bedtime"], library, exercise_id) == ()
    assert not library.exercises[exercise_id].per_side


def test_the_routine_says_its_thirty_seconds_are_ours(library: Library) -> None:
    """The article gives 30 s for the hamstring only: the description must not credit it."""
    for language in ("en", "de"):
        description = library.in_language(language).routines["bedtime"].description.lower()
        assert re.search(r"\bour default\b|\bunsere vorgabe\b", description), description
        assert "held 30 seconds each" not in description
        assert "je 30 sekunden" not in description


def test_the_relief_description_names_the_real_buttons(library: Library) -> None:
    """Button labels as the relief screen shows them (English and German)."""
    english = library.routines["cramp-relief"].description
    german = library.in_language("de").routines["cramp-relief"].description
    for label in ("'Easing / gone'", "'Still cramping — next'"):
        assert label in english
    for label in ("„Besser / weg“", "„Krampft noch — weiter“"):
        assert label in german


def test_bedtime_has_a_reminder(library: Library) -> None:
    bedtime = library.routines["bedtime"]
    assert bedtime.reminders
    assert any(reminder.enabled for reminder in bedtime.reminders)


def test_cramp_relief_has_the_seven_steps_in_order(library: Library) -> None:
    relief = library.routines["cramp-relief"]
    assert relief.kind == "relief"
    assert len(relief.steps) == len(RELIEF_STEPS)
    for number, (step, (fact, mode)) in enumerate(zip(relief.steps, RELIEF_STEPS, strict=True)):
        text = _words(library.exercises[step.exercise], step.note)
        assert re.search(fact, text), f"relief step {number + 1} should mention {fact}: {text!r}"
        assert step.mode is mode, f"relief step {number + 1} should be {mode.value}"


def test_every_exercise_picture_exists_under_assets(library: Library) -> None:
    missing = []
    for exercise in library.exercises.values():
        assert exercise.picture, f"{exercise.id} has no picture"
        picture = (ASSETS / exercise.picture).resolve()
        assert picture.is_relative_to(ASSETS.resolve()), exercise.picture
        if not picture.is_file():
            missing.append(exercise.picture)
    assert not missing, f"pictures not in assets/: {missing}"


def test_relief_tips_promise_nothing_the_article_does_not(library: Library) -> None:
    """The article lists relief tips to try; it does not say how or whether each one helps."""
    relief = library.routines["cramp-relief"]
    for language in ("en", "de"):
        exercises = library.in_language(language).exercises
        for step in relief.steps:
            text = " ".join(exercises[step.exercise].how_to).lower()
            assert not re.search(r"\bhelps?\b|\bhelfen\b|\bhilft\b", text), (language, text)
