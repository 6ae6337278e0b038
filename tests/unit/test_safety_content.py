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


@pytest.mark.parametrize("other", ["lisinopril", "metformin", "nystatin", "ibuprofen", ""])
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
