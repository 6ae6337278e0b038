"""The editor's routine model: checks like ``validate``, and a save that keeps a person's file."""

from __future__ import annotations

import tomllib
from dataclasses import replace
from pathlib import Path

from stretch_app.core.library import load_library
from stretch_app.core.model import Routine
from stretch_app.core.routine_draft import (
    RoutineDraft,
    StepDraft,
    check_draft,
    draft_from_routine,
    draft_to_text,
    new_routine_id,
)
from stretch_app.core.userfile import write_atomically
from tests.conftest import ROUTINES

HAND_WRITTEN = """\
# My evening: written by hand, commented with care.
schema_version = 1
id = "evening"
name = "Evening"   # what the card says
get_ready = "5s"

# --- the steps ---
[[steps]]
exercise = "calf-stretch"   # my physio's favourite
hold = "30s"
sides = ["left", "right"]
note = "Slowly."

[[steps]]
# the hamstrings last
exercise = "hamstring-stretch"
hold = "1m"
"""


def _draft() -> tuple[RoutineDraft, dict[str, object]]:
    library = load_library([ROUTINES])
    routine = Routine.model_validate(tomllib.loads(HAND_WRITTEN))
    return draft_from_routine(routine, library.exercises), dict(library.exercises)


def test_an_unchanged_draft_writes_the_file_back_byte_for_byte() -> None:
    draft, _ = _draft()
    assert draft_to_text(draft, HAND_WRITTEN) == HAND_WRITTEN


def test_a_changed_hold_and_name_keep_every_comment_and_the_note() -> None:
    draft, _ = _draft()
    draft = replace(draft.with_step(0, hold=20, repeat=3), name="Late evening")
    text = draft_to_text(draft, HAND_WRITTEN)
    for line in HAND_WRITTEN.splitlines():
        if line.startswith("#") or "# " in line:
            assert line.split("#", 1)[1] in text, line
    data = tomllib.loads(text)
    assert data["name"] == "Late evening"
    assert data["steps"][0] == {
        "exercise": "calf-stretch",
        "hold": "20s",
        "sides": ["left", "right"],
        "note": "Slowly.",
        "repeat": 3,
        "rest_between": "10s",
    }
    assert data["steps"][1]["hold"] == "1m"  # untouched, as written


def test_reordered_steps_keep_their_own_comments_and_notes() -> None:
    draft, _ = _draft()
    draft = replace(draft, steps=tuple(reversed(draft.steps)))
    text = draft_to_text(draft, HAND_WRITTEN)
    data = tomllib.loads(text)
    assert [s["exercise"] for s in data["steps"]] == ["hamstring-stretch", "calf-stretch"]
    assert data["steps"][1]["note"] == "Slowly."
    assert "# my physio's favourite" in text and "# the hamstrings last" in text


def test_problems_use_the_words_of_validate() -> None:
    draft, exercises = _draft()
    bad = replace(draft, name="").with_step(1, repeat=30)
    routine, problems = check_draft(bad, exercises)
    assert routine is None
    assert ("name", "must not be empty") in problems
    assert ("steps[1].repeat", "must be a whole number of holds, from 1 to 20") in problems
    unknown = replace(draft, steps=(StepDraft("toe-wiggle"),))
    _, problems = check_draft(unknown, exercises)
    assert problems == [
        ("steps[0].exercise", "unknown exercise 'toe-wiggle' (not in any exercise catalog)")
    ]


def test_a_new_routine_is_a_valid_file(tmp_path: Path) -> None:
    draft = RoutineDraft(
        id=new_routine_id("My calves!", {"bedtime"}),
        name="My calves!",
        steps=(StepDraft("calf-stretch", hold=10, repeat=3), StepDraft("quad-stretch", 45, "left")),
    )
    routine, problems = check_draft(draft, {"calf-stretch", "quad-stretch"})
    assert problems == [] and routine is not None
    path = tmp_path / "out" / "my-calves.toml"
    write_atomically(path, draft_to_text(draft, None).encode("utf-8"))
    again = Routine.model_validate(tomllib.loads(path.read_text(encoding="utf-8")))
    assert again == routine
    assert again.id == "my-calves"
    assert [p.name for p in path.parent.iterdir()] == ["my-calves.toml"]


def test_new_ids_never_take_an_existing_one() -> None:
    assert new_routine_id("Bedtime", {"bedtime", "bedtime-2"}) == "bedtime-3"
    assert new_routine_id("!!!", set()) == "my-routine"


def test_a_name_changed_in_german_is_saved_in_the_german_translation() -> None:
    library = load_library([ROUTINES])
    text = (ROUTINES / "bedtime.toml").read_text(encoding="utf-8")
    routine = Routine.model_validate(tomllib.loads(text))
    draft = draft_from_routine(routine, library.exercises, name="Dehnübungen vor dem Schlafen")
    saved = tomllib.loads(draft_to_text(replace(draft, name="Meine Abenddehnung"), text, "de"))
    assert saved["translations"]["de"]["name"] == "Meine Abenddehnung"
    assert saved["name"] == "Bedtime leg stretches"
    in_english = tomllib.loads(draft_to_text(replace(draft, name="My evening"), text, "en"))
    assert in_english["name"] == "My evening"
