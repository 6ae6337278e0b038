"""Translated routine text, voice prompts and guidance: loaded, checked, and kept in step."""

from __future__ import annotations

from pathlib import Path

import pytest

from stretch_app import paths
from stretch_app.core.doctor import load_doctor_rules
from stretch_app.core.guidance import spoken_lines
from stretch_app.core.language import language_candidates, language_from_file
from stretch_app.core.library import load_library, read_routine_file
from stretch_app.core.model import Catalog
from stretch_app.core.phrases import ENGLISH, load_phrases, phrases_for
from stretch_app.core.safety import load_safety_guide
from stretch_app.core.session import Halfway

I18N = paths.i18n_dir()


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("de", ("de",)),
        ("de_AT.UTF-8", ("de-AT", "de")),
        ("C", ()),
        ("", ()),
        ("en_GB", ("en-GB", "en")),
    ],
)
def test_language_candidates(code: str, expected: tuple[str, ...]) -> None:
    assert language_candidates(code) == expected


def test_language_is_read_from_the_settings_file_without_pydantic(tmp_path: Path) -> None:
    settings = tmp_path / "settings.toml"
    assert language_from_file(settings) == ""
    settings.write_text('language = "de"\n')
    assert language_from_file(settings) == "de"
    settings.write_text('language = "../../etc"\n')
    assert language_from_file(settings) == ""


def test_every_bundled_exercise_and_routine_has_german() -> None:
    library = load_library([paths.bundled_routines_dir()])
    german = library.in_language("de_DE")
    for key, exercise in library.exercises.items():
        translated = german.exercises[key]
        assert translated.name != exercise.name, key
        assert len(translated.how_to) == len(exercise.how_to), key
        assert set(translated.how_to).isdisjoint(exercise.how_to), key
    for key, routine in library.routines.items():
        assert german.routines[key].name != routine.name
        notes = [
            (a.note, b.note) for a, b in zip(routine.steps, german.routines[key].steps, strict=True)
        ]
        assert all(new != old for old, new in notes if old)
    assert library.in_language("fr").exercises == library.exercises


def test_a_bad_language_code_is_rejected(tmp_path: Path) -> None:
    catalog = tmp_path / "mine.toml"
    catalog.write_text(
        'schema_version = 1\nkind = "catalog"\n[[exercises]]\nid = "x"\nname = "X"\n'
        'muscle = "calf"\nhow_to = ["Do it."]\n[exercises.translations.German]\nname = "Y"\n'
    )
    result, problems, _ = read_routine_file(catalog)
    assert not isinstance(result, Catalog)
    assert any("translations" in p.field for p in problems)


def test_german_prompts_fill_the_same_placeholders() -> None:
    german = load_phrases(I18N / "phrases.de.toml")
    assert set(german.lines) == set(ENGLISH.lines)
    assert german.duration(90) == "1 Minute 30 Sekunden"
    assert german.in_a_sentence("Wadendehnung") == "Wadendehnung"
    assert ENGLISH.in_a_sentence("Calf stretch") == "calf stretch"
    assert phrases_for("de_DE", I18N).say("halfway") == "Halbzeit."
    assert phrases_for("fr", I18N) is ENGLISH


def test_a_phrase_file_with_a_wrong_placeholder_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "phrases.xx.toml"
    bad.write_text('schema_version = 1\n[lines]\nhold_for = "Halten {seconds}."\n')
    with pytest.raises(ValueError, match="hold_for"):
        load_phrases(bad)
    bad.write_text('schema_version = 1\n[lines]\nsing = "La."\n')
    with pytest.raises(ValueError, match="no such line"):
        load_phrases(bad)


def test_english_lines_stay_the_default() -> None:
    assert spoken_lines(Halfway(phase=None)) == ["Halfway."]  # type: ignore[arg-type]


def test_german_guidance_matches_the_english_in_shape() -> None:
    english, german = (
        load_safety_guide(paths.guidance_path()),
        load_safety_guide(paths.guidance_path("de")),
    )
    assert paths.guidance_path("de").name == "guidance.de.toml"
    assert german.emergency.threshold_minutes == english.emergency.threshold_minutes
    assert len(german.emergency.signs) == len(english.emergency.signs)
    assert len(german.see_doctor.signs) == len(english.see_doctor.signs)
    assert len(german.prevention.tips) == len(english.prevention.tips)
    assert [p.id for p in german.pages] == [p.id for p in english.pages]
    assert [m.generic.lower() for m in german.medicines] != []
    assert len(german.medicines) == len(english.medicines)
    for note in english.medicines:
        assert all(german.flag_medicine(name) is not None for name in note.names), note.generic


def test_german_doctor_rules_match_the_english_rules() -> None:
    english = load_doctor_rules(paths.doctor_rules_path())
    german = load_doctor_rules(paths.doctor_rules_path("de"))
    strip = {"found", "advice"}
    assert [r.model_dump(exclude=strip) for r in german.rules] == [
        r.model_dump(exclude=strip) for r in english.rules
    ]


# German words that say less or more than the article: its subject is leg cramps (not only the
# calf), and "disabling" is not "behindern" (to hinder).
WRONG_IN_GERMAN = ("wadenkrämpfe", "wadenkrampf", "sogar behindern")


def test_german_text_keeps_the_articles_meaning() -> None:
    files = [
        paths.guidance_path("de"),
        paths.doctor_rules_path("de"),
        I18N / "nightstretch_de.ts",
        *sorted(paths.bundled_routines_dir().glob("*.toml")),
    ]
    for path in files:
        text = path.read_text(encoding="utf-8").lower()
        for wrong in WRONG_IN_GERMAN:
            assert wrong not in text, (path.name, wrong)
    diabetes = load_safety_guide(paths.guidance_path("de")).page("diabetes")
    assert diabetes is not None
    assert "außer Gefecht" in " ".join(diabetes.paragraphs)
