"""Each "see a doctor" rule fires on a diary crafted for it and stays quiet on a clean one."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from itertools import count
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from pydantic import ValidationError

from stretch_app import paths
from stretch_app.core.doctor import DoctorRules, evaluate, load_doctor_rules
from stretch_app.core.journal import CrampEpisode
from tests.sample_diary import plain_cramp

TZ = ZoneInfo("Europe/London")
_ids = count(1)


@pytest.fixture(scope="module")
def rules() -> DoctorRules:
    return load_doctor_rules(paths.assets_dir() / "guidance" / "doctor_rules.toml")


def at(day: int, hour: int) -> datetime:
    return datetime(2026, 3, day, hour, tzinfo=TZ)


def cramp(when: datetime, **changes: Any) -> CrampEpisode:
    return plain_cramp(when, next(_ids), **changes)


def clean_month() -> list[CrampEpisode]:
    """Plenty of cramps, but none the rules look for: each just under its threshold."""
    return [
        cramp(at(2, 3), woke_me=True),
        cramp(at(4, 3), woke_me=True),
        cramp(at(10, 3), woke_me=True),  # 2 woken nights in any 7, never 3
        cramp(at(12, 2), duration_s=600.0),  # 10 minutes exactly is not "more than 10"
        cramp(at(14, 2), pain=9),  # one painful cramp, not the top of the scale; the rule wants two
        cramp(at(20, 2), pain=7),
        cramp(at(22, 2), swelling_numbness_skin=None, elsewhere_in_body=None, pain=None),
        cramp(at(26, 2), source="relief", duration_s=299.0),  # ended unsaid, under 5 minutes
        cramp(at(27, 2), source="relief", duration_s=540.0, helped="massage"),  # it eased
        cramp(at(28, 2), duration_s=540.0),  # typed in by hand: relief never ran
    ]


def test_the_shipped_rules_cover_the_articles_signs(rules: DoctorRules) -> None:
    kinds = {(r.kind, getattr(r, "field", None)) for r in rules.rules}
    assert {
        ("nights_woken_in_week", None),
        ("episode_longer_than", None),
        ("flag_ticked", "swelling_numbness_skin"),
        ("flag_ticked", "elsewhere_in_body"),
        ("pain_at_least", None),
    } <= kinds
    advice = " ".join(r.advice for r in rules.rules).lower()
    for phrase in ("wake you", "emergency", "swelling", "other parts of your body", "pain"):
        assert phrase in advice, phrase
    assert "stop taking" not in advice


def test_a_clean_diary_raises_nothing(rules: DoctorRules) -> None:
    assert evaluate(rules, clean_month(), TZ) == []
    assert evaluate(rules, [], TZ) == []


def test_woken_on_three_nights_of_a_week(rules: DoctorRules) -> None:
    # Nights of the 9th, 11th and 15th: within seven nights, across a Sunday/Monday.
    diary = [*clean_month(), cramp(at(12, 4), woke_me=True), cramp(at(16, 1), woke_me=True)]
    (finding,) = evaluate(rules, diary, TZ)
    assert finding.rule_id == "woken-often"
    assert finding.found == "Cramps woke you on 3 nights between Mon 9 Mar and Sun 15 Mar."
    assert finding.nights == (date(2026, 3, 9), date(2026, 3, 11), date(2026, 3, 15))
    assert "wake you at night" in finding.advice
    assert not finding.urgent


def test_a_cramp_over_ten_minutes_comes_first_and_is_urgent(rules: DoctorRules) -> None:
    diary = [*clean_month(), cramp(at(18, 1), duration_s=725.0), cramp(at(19, 2), pain=8)]
    findings = evaluate(rules, diary, TZ)
    assert [f.rule_id for f in findings] == ["longer-than-10-minutes", "significant-pain"]
    first = findings[0]
    assert first.urgent
    assert "the longest 12.1 min, night of Tue 17 Mar" in first.found
    assert "emergency" in first.advice
    assert findings[1].found.startswith("2 cramps had pain of 8 or more")


@pytest.mark.parametrize(
    ("field", "rule_id", "words"),
    [
        ("swelling_numbness_skin", "swelling-numbness-skin", "deep vein thrombosis"),
        ("elsewhere_in_body", "elsewhere-in-body", "other parts of your body"),
    ],
)
def test_a_ticked_box_is_noticed(rules: DoctorRules, field: str, rule_id: str, words: str) -> None:
    diary = [*clean_month(), cramp(at(25, 2), **{field: True})]
    (finding,) = evaluate(rules, diary, TZ)
    assert finding.rule_id == rule_id
    assert "with 1 cramp(s) (latest: night of Tue 24 Mar)" in finding.found
    assert words in finding.advice


def test_a_single_cramp_at_the_top_of_the_pain_scale_is_urgent_on_its_own(
    rules: DoctorRules,
) -> None:
    (finding,) = evaluate(rules, [cramp(at(18, 3), pain=10)], TZ)
    assert finding.rule_id == "top-of-the-pain-scale"
    assert finding.urgent
    assert finding.found == (
        "1 cramp(s) had pain of 10 out of 10, the top of the scale (latest: night of Tue 17 Mar)."
    )
    assert "debilitating pain" in finding.advice
    assert "emergency" in finding.advice
    # With the month's other painful cramps it still comes first, with the other urgent one.
    findings = evaluate(rules, [*clean_month(), cramp(at(18, 3), pain=10)], TZ)
    assert [f.rule_id for f in findings] == ["top-of-the-pain-scale", "significant-pain"]


def test_cramps_that_do_not_go_away_are_counted_from_relief_and_say_how(
    rules: DoctorRules,
) -> None:
    lasting = cramp(at(18, 3), source="relief", duration_s=300.0)
    diary = [*clean_month(), lasting, replace(lasting, id=999, started_at=at(21, 1))]
    (finding,) = evaluate(rules, diary, TZ)
    assert finding.rule_id == "does-not-go-away"
    assert not finding.urgent
    assert finding.nights == (date(2026, 3, 17), date(2026, 3, 20))
    assert finding.found.startswith("2 cramp(s) did not go away with relief")
    assert "relief ran 5 minutes or more and ended without you saying the cramp eased" in (
        finding.found
    )
    assert "not the article's" in finding.found
    assert "don't go away" in finding.advice


# The article's lines the rules rest on, word for word (the project never reads the article).
ARTICLE_LINES = (
    "They cause significant pain.",
    "They occur frequently, waking you up at night and preventing you from getting good sleep.",
    "You develop muscle cramps in other parts of your body.",
    "You develop swelling, numbness, or skin changes in your leg.",
    "Debilitating pain",
    "Cramps that last more than 10 minutes",
    "Talk to your doctor if you experience leg cramps frequently, they disrupt your sleep, or"
    " they don't go away.",
)


@pytest.mark.parametrize("language", ["", "de"])
def test_each_rule_quotes_the_article_and_owns_its_thresholds(language: str) -> None:
    shipped = load_doctor_rules(paths.doctor_rules_path(language))
    for rule in shipped.rules:
        assert any(rule.source in line for line in ARTICLE_LINES), (rule.id, rule.source)
        thresholds = {
            name: value
            for name, value in rule.model_dump().items()
            if name in ("min_nights", "minutes", "value", "min_episodes")
        }
        for name, value in thresholds.items():
            if name in rule.ours:
                continue
            # A threshold the rule says is the article's must be the article's own number
            # (or "one is enough", which is what a single warning sign means).
            assert f"{value:g}" in rule.source or (name == "min_episodes" and value == 1), (
                rule.id,
                name,
            )
    ours = {rule.id: set(rule.ours) for rule in shipped.rules}
    assert ours["woken-often"] == {"min_nights"}
    assert ours["longer-than-10-minutes"] == set()
    assert ours["top-of-the-pain-scale"] == {"value"}
    assert ours["does-not-go-away"] == {"minutes", "min_episodes"}


def _rules(**rule: Any) -> dict[str, Any]:
    base = {"id": "r", "found": "{count}", "advice": "See a doctor.", "source": "Debilitating pain"}
    return {"schema_version": 1, "title": "T", "lead": "L", "rules": [base | rule]}


@pytest.mark.parametrize(
    "broken",
    [
        {"kind": "cramps_on_a_full_moon"},  # not a kind the code knows
        {"kind": "pain_at_least", "value": 11},
        {"kind": "flag_ticked", "field": "note"},
        {"kind": "flag_ticked", "field": "woke_me", "found": "{nights} nights"},  # no such fact
        {"kind": "episode_longer_than", "minutes": 10, "extra": 1},
        {"kind": "episode_longer_than", "minutes": 10, "ours": ["min_nights"]},  # not its own
        {"kind": "flag_ticked", "field": "woke_me", "source": ""},  # no quote
        {"kind": "not_eased", "minutes": 0},
    ],
)
def test_a_broken_rule_file_is_rejected(broken: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        DoctorRules.model_validate(_rules(**broken))


def test_rule_ids_are_unique(tmp_path: Path) -> None:
    data = _rules(kind="flag_ticked", field="woke_me")
    data["rules"] *= 2
    with pytest.raises(ValidationError, match="repeated: r"):
        DoctorRules.model_validate(data)
