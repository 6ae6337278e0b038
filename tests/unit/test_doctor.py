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

TZ = ZoneInfo("Europe/London")
_ids = count(1)


@pytest.fixture(scope="module")
def rules() -> DoctorRules:
    return load_doctor_rules(paths.assets_dir() / "guidance" / "doctor_rules.toml")


def at(day: int, hour: int) -> datetime:
    return datetime(2026, 3, day, hour, tzinfo=TZ)


def cramp(when: datetime, **changes: Any) -> CrampEpisode:
    plain = CrampEpisode(
        next(_ids), when, None, 120.0, "left", "calf", 4, False, None, False, False, "", "manual"
    )
    return replace(plain, **changes)


def clean_month() -> list[CrampEpisode]:
    """Plenty of cramps, but none the rules look for: each just under its threshold."""
    return [
        cramp(at(2, 3), woke_me=True),
        cramp(at(4, 3), woke_me=True),
        cramp(at(10, 3), woke_me=True),  # 2 woken nights in any 7, never 3
        cramp(at(12, 2), duration_s=600.0),  # 10 minutes exactly is not "more than 10"
        cramp(at(14, 2), pain=8),  # one painful cramp; the rule wants two
        cramp(at(20, 2), pain=7),
        cramp(at(22, 2), swelling_numbness_skin=None, elsewhere_in_body=None, pain=None),
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
    diary = [*clean_month(), cramp(at(18, 1), duration_s=725.0), cramp(at(19, 2), pain=9)]
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


def _rules(**rule: Any) -> dict[str, Any]:
    base = {"id": "r", "found": "{count}", "advice": "See a doctor."}
    return {"schema_version": 1, "title": "T", "lead": "L", "rules": [base | rule]}


@pytest.mark.parametrize(
    "broken",
    [
        {"kind": "cramps_on_a_full_moon"},  # not a kind the code knows
        {"kind": "pain_at_least", "value": 11},
        {"kind": "flag_ticked", "field": "note"},
        {"kind": "flag_ticked", "field": "woke_me", "found": "{nights} nights"},  # no such fact
        {"kind": "episode_longer_than", "minutes": 10, "extra": 1},
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
