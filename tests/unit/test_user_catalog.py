"""The person's own exercises: checked like ``validate``, saved in their catalog, pictures in."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from stretch_app.core.library import load_library
from stretch_app.core.user_catalog import (
    CATALOG_NAME,
    ExerciseInput,
    ExerciseProblems,
    add_exercise,
)
from tests.conftest import ASSETS, ROUTINES


def test_an_exercise_with_a_picture_is_saved_and_loads_beside_the_shipped_ones(
    tmp_path: Path,
) -> None:
    user = tmp_path / "routines"
    given = ExerciseInput(
        name="Toe raise",
        muscle="calf",
        how_to=("Hold a chair.", "", "Rise onto your toes, then lower."),
        per_side=False,
        picture=ASSETS / "exercises" / "calf-stretch.svg",
    )
    exercise = add_exercise(given, user, {"calf-stretch"})
    assert exercise.id == "my-toe-raise"
    assert exercise.picture == "pictures/my-toe-raise.svg"
    assert (user / "pictures" / "my-toe-raise.svg").read_bytes() == (
        ASSETS / "exercises" / "calf-stretch.svg"
    ).read_bytes()
    library = load_library([ROUTINES, user])
    assert library.problems == []
    mine = library.exercises["my-toe-raise"]
    assert mine.how_to == ("Hold a chair.", "Rise onto your toes, then lower.")
    assert mine.translations == {}  # shown as written, in every language
    assert "calf-stretch" in library.exercises


def test_a_second_exercise_is_appended_and_the_persons_comments_stay(tmp_path: Path) -> None:
    user = tmp_path / "routines"
    user.mkdir()
    (user / CATALOG_NAME).write_text(
        '# My physio\'s list. Keep!\nschema_version = 1\nkind = "catalog"\n\n'
        '[[exercises]]\nid = "wall-push"  # from March\nname = "Wall push"\n'
        'muscle = "calf"\nhow_to = ["Push the wall."]\n',
        encoding="utf-8",
    )
    add_exercise(ExerciseInput("Heel drop", "calf", ("Drop the heels.",)), user, {"wall-push"})
    text = (user / CATALOG_NAME).read_text(encoding="utf-8")
    assert "# My physio's list. Keep!" in text and "# from March" in text
    ids = [e["id"] for e in tomllib.loads(text)["exercises"]]
    assert ids == ["wall-push", "my-heel-drop"]


@pytest.mark.parametrize(
    ("given", "problem"),
    [
        (ExerciseInput("", "calf", ("x",)), ("name", "must not be empty")),
        (
            ExerciseInput("Raise", "calf", ("",)),
            ("how_to", "Tuple should have at least 1 item after validation, not 0"),
        ),
        (
            ExerciseInput("Raise", "calf", ("x",), picture=Path("/nowhere/pic.jpg")),
            ("picture", "a picture must be an .svg or .png file"),
        ),
    ],
)
def test_problems_are_named_and_nothing_is_written(
    tmp_path: Path, given: ExerciseInput, problem: tuple[str, str]
) -> None:
    user = tmp_path / "routines"
    with pytest.raises(ExerciseProblems) as caught:
        add_exercise(given, user, set())
    assert problem in caught.value.problems
    assert not user.exists()
