"""The shipped guidance holds every warning sign, tip and medicine the article names.

The test carries its own list of the article's facts; the project never reads the article.
"""

from __future__ import annotations

import pytest

from stretch_app import paths
from stretch_app.core.safety import SafetyGuide, load_safety_guide


@pytest.fixture(scope="module")
def guide() -> SafetyGuide:
    return load_safety_guide(paths.guidance_path())


def joined(lines: tuple[str, ...]) -> str:
    return " ".join(lines).lower()


def test_emergency_signs(guide: SafetyGuide) -> None:
    assert guide.emergency.threshold_minutes == 10
    assert "more than 10 minutes" in guide.emergency.lead
    text = joined(guide.emergency.signs)
    for fact in ("pain", "10 minutes", "mercury", "lead", "toxic", "cut", "dirt", "tetanus"):
        assert fact in text, fact


def test_when_to_see_a_doctor(guide: SafetyGuide) -> None:
    text = joined(guide.see_doctor.signs)
    for fact in ("significant pain", "wake", "other parts of your body", "swell", "numb", "skin"):
        assert fact in text, fact
    assert "deep vein thrombosis" in joined(guide.see_doctor.also)


def test_prevention_tips(guide: SafetyGuide) -> None:
    text = joined(guide.prevention.tips)
    for fact in (
        "stretch",
        "before bed",
        "calves",
        "water",
        "move around",
        "shoes",
        "loose covers",
        "back",
    ):
        assert fact in text, fact


ARTICLE_MEDICINES = {
    "Combivent": "albuterol/ipratropium",
    "albuterol": "albuterol/ipratropium",
    "Celebrex": "celecoxib",
    "Klonopin": "clonazepam",
    "Premarin": "conjugated estrogens",
    "a diuretic": "diuretics (water pills)",
    "Prozac": "fluoxetine",
    "Neurontin": "gabapentin",
    "Naprosyn": "naproxen",
    "Lyrica": "pregabalin",
    "Zoloft": "sertraline",
    "statins": "statins",
    "Ambien": "zolpidem",
}


@pytest.mark.parametrize(("typed", "generic"), sorted(ARTICLE_MEDICINES.items()))
def test_every_listed_medicine_is_flagged_by_brand_or_generic(
    guide: SafetyGuide, typed: str, generic: str
) -> None:
    for variant in (typed, typed.upper(), f"{typed.lower()} 20 mg"):
        note = guide.flag_medicine(variant)
        assert note is not None, variant
        assert note.generic == generic
    assert guide.flag_medicine(generic) is not None


# The two classes the article names, by the names on a box: generic and brand, English and
# German spelling, with doses and maker's suffixes around them.
CLASS_MEMBERS = {
    "statins": [
        "Atorvastatin 20 mg",
        "atorvastatin20mg",
        "Lipitor",
        "SORTIS 10",
        "simvastatin",
        "Zocor forte",
        "Rosuvastatin-ratiopharm 5 mg",
        "Crestor",
        "pravastatin",
        "lovastatin",
        "Fluvastatin",
        "pitavastatin",
        "Ezetimib/Simvastatin 10 mg/20 mg",
    ],
    "diuretics": [
        "furosemide",
        "Furosemid-ratiopharm® 40 mg",
        "Lasix",
        "hydrochlorothiazide",
        "HCT 25",
        "Ramipril HCT",
        "chlorthalidone",
        "Chlortalidon",
        "torasemide",
        "torsemide",
        "Torasemid 10 mg",
        "bumetanide",
        "indapamide",
        "spironolactone",
        "Spironolacton 50",
        "amiloride",
        "triamterene",
        "Xipamid 20 mg",
        "water tablets",
    ],
}


@pytest.mark.parametrize("language", ["", "de"])
@pytest.mark.parametrize(
    ("typed", "cls"), [(name, cls) for cls, names in CLASS_MEMBERS.items() for name in names]
)
def test_statins_and_diuretics_are_known_by_their_members(
    language: str, typed: str, cls: str
) -> None:
    guide = load_safety_guide(paths.guidance_path(language))
    note = guide.flag_medicine(typed)
    assert note is not None, typed
    generic = {"statins": ("statins", "Statine"), "diuretics": ("diuretics", "Diuretika")}[cls]
    assert note.generic.startswith(generic), (typed, note.generic)


def test_both_languages_know_the_same_class_members() -> None:
    english, german = (
        load_safety_guide(paths.guidance_path()),
        load_safety_guide(paths.guidance_path("de")),
    )
    for en, de in zip(english.medicines, german.medicines, strict=True):
        matched_en = {n.casefold() for n in (*en.names, *en.also_matches)}
        matched_de = {n.casefold() for n in (*de.names, *de.also_matches)}
        assert matched_en <= matched_de, en.generic
        if en.also_matches:  # the classes: the same names both ways, each listed in its language
            assert matched_en == matched_de, en.generic


@pytest.mark.parametrize(
    "other",
    [
        "lisinopril",
        "metformin",
        "nystatin",  # ends in "statin", but an antifungal
        "ibuprofen",
        "",
        "HCTx",
        "Lasixo",
    ],
)
def test_other_medicines_are_not_flagged(guide: SafetyGuide, other: str) -> None:
    assert guide.flag_medicine(other) is None


def test_pages_and_disclaimer(guide: SafetyGuide) -> None:
    assert "not medical advice" in guide.disclaimer
    for page_id, fact in (
        ("diabetes", "neuropathy"),
        ("pregnancy", "50%"),
        ("vitamins", "magnesium"),
        ("vitamins", "potassium"),
        ("vitamins", "vitamin d"),
        ("vitamins", "b complex"),
        ("doctor-visit", "quinine"),
    ):
        page = guide.page(page_id)
        assert page is not None, page_id
        assert fact in joined(page.paragraphs), (page_id, fact)
    assert guide.page("nope") is None


def test_a_name_with_umlauts_is_matched() -> None:
    german = load_safety_guide(paths.guidance_path("de"))
    note = german.flag_medicine("Konjugierte Östrogene 0,625 mg")
    assert note is not None
    assert note.generic == "konjugierte Östrogene"


def test_the_relief_panel_s_signs_match_the_article_s_in_both_languages() -> None:
    """Every emergency sign has its short form, in order; the timed one is about 10 minutes."""
    for language in ("en", "de"):
        emergency = load_safety_guide(paths.guidance_path(language)).emergency
        assert len(emergency.short_signs) == len(emergency.signs) == 4
        assert "10" in emergency.signs[emergency.timed_sign]
        assert "10" in emergency.short_signs[emergency.timed_sign]
        # Ours, not the article's, and said so in the file: the numbers are only defaults.
        assert emergency.highlight_from_minutes < emergency.threshold_minutes
        assert emergency.repeat_every_minutes > 0


def test_short_signs_that_do_not_match_are_refused() -> None:
    from pydantic import ValidationError

    from stretch_app.core.safety import Emergency

    base = {"title": "t", "threshold_minutes": 10, "lead": "l", "signs": ("a", "b")}
    with pytest.raises(ValidationError, match="short_signs"):
        Emergency.model_validate(base | {"short_signs": ("a",)})
    with pytest.raises(ValidationError, match="timed_sign"):
        Emergency.model_validate(base | {"timed_sign": 2})
