"""The JSON Schema tells the truth: it accepts the files ``validate`` accepts and rejects the ones
it rejects, as far as JSON Schema can say, checked with a real JSON Schema validator."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from stretch_app.core.library import validate_files
from stretch_app.core.schema import routine_file_schema
from tests.conftest import REPO, ROUTINES
from tests.unit.test_library import CATALOG, ROUTINE, _edit

SHIPPED = sorted(ROUTINES.glob("*.toml"))
DOCS = REPO / "docs" / "routines.md"


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    schema = routine_file_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def _schema_errors(validator: Draft202012Validator, text: str) -> list[str]:
    return [error.message for error in validator.iter_errors(tomllib.loads(text))]


def _problems(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "case.toml"
    path.write_text(text, encoding="utf-8")
    return [str(p) for p in validate_files([path], catalogs_from=[ROUTINES])]


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_every_shipped_file_passes_the_schema(validator: Draft202012Validator, path: Path) -> None:
    assert _schema_errors(validator, path.read_text(encoding="utf-8")) == []


def _doc_examples() -> list[tuple[str, bool]]:
    """Whole files shown in docs/routines.md, and whether the text says they are broken."""
    blocks = re.findall(r"```toml\n(.*?)```", DOCS.read_text(encoding="utf-8"), flags=re.S)
    return [(b, "broken on purpose" in b) for b in blocks if "schema_version" in b]


@pytest.mark.parametrize(("text", "broken"), _doc_examples())
def test_the_docs_examples_get_the_same_verdict(
    validator: Draft202012Validator, tmp_path: Path, text: str, broken: bool
) -> None:
    assert bool(_schema_errors(validator, text)) is broken
    assert bool(_problems(tmp_path, text)) is broken


def test_the_docs_show_whole_files_good_and_broken() -> None:
    verdicts = [broken for _, broken in _doc_examples()]
    assert verdicts.count(False) >= 2 and verdicts.count(True) >= 1


STEP = 'exercise = "calf-stretch"\nhold = "30s"\nsides = ["left", "right"]'
AT = 'at = "21:45"'
PICTURE = 'picture = "exercises/toe-curl.svg"'
# (case, file text, valid?) — each must get the same verdict from the schema and from validate.
CASES: list[tuple[str, str, bool]] = [
    ("good-routine", ROUTINE, True),
    ("good-catalog", CATALOG, True),
    ("hold-seconds", _edit('hold = "30s"', "hold = 45"), True),
    ("hold-float-whole", _edit('hold = "30s"', "hold = 45.0"), True),
    ("hold-minutes", _edit('hold = "30s"', 'hold = "1m30s"'), True),
    ("hold-spaced", _edit('hold = "30s"', 'hold = " 2 min 5 sec "'), True),
    ("rest-zero", _edit('kind = "routine"', 'kind = "routine"\nrest = "0s"'), True),
    ("repeat", _edit(STEP, STEP + '\nrepeat = 3\nrest_between = "15s"'), True),
    ("rest-between-zero", _edit(STEP, STEP + "\nrepeat = 2\nrest_between = 0"), True),
    ("both-legs-at-once", _edit('sides = ["left", "right"]', "sides = []"), True),
    ("time-one-digit-hour", _edit(AT, 'at = "7:05"'), True),
    ("translation", ROUTINE + '\n[translations.de-AT]\nname = "Abend"\n', True),
    ("picture-png", _edit(PICTURE, 'picture = "pictures/Mine.PNG"', CATALOG), True),
    ("hold-zero", _edit('hold = "30s"', 'hold = "0s"'), False),
    ("hold-zero-number", _edit('hold = "30s"', "hold = 0"), False),
    ("hold-too-long", _edit('hold = "30s"', "hold = 3601"), False),
    ("hold-fraction", _edit('hold = "30s"', "hold = 30.5"), False),
    ("hold-hours", _edit('hold = "30s"', 'hold = "2h"'), False),
    ("hold-bool", _edit('hold = "30s"', "hold = true"), False),
    ("hold-word", _edit('hold = "30s"', 'hold = "thirty"'), False),
    ("rest-negative", _edit('kind = "routine"', 'kind = "routine"\nrest = -1'), False),
    ("repeat-zero", _edit(STEP, STEP + "\nrepeat = 0"), False),
    ("repeat-too-many", _edit(STEP, STEP + "\nrepeat = 21"), False),
    ("repeat-text", _edit(STEP, STEP + '\nrepeat = "3"'), False),
    ("rest-between-negative", _edit(STEP, STEP + "\nrest_between = -5"), False),
    ("rest-between-word", _edit(STEP, STEP + '\nrest_between = "a bit"'), False),
    ("unknown-key", _edit(STEP, STEP + "\nrepeats = 3"), False),
    ("sides-twice", _edit('sides = ["left", "right"]', 'sides = ["left", "left"]'), False),
    ("sides-three", _edit('sides = ["left", "right"]', 'sides = ["left", "right", "left"]'), False),
    ("side-unknown", _edit('sides = ["left", "right"]', 'sides = ["middle"]'), False),
    ("time-out-of-day", _edit(AT, 'at = "25:99"'), False),
    ("time-no-colon", _edit(AT, 'at = "2145"'), False),
    ("day-unknown", _edit('days = ["mon", "tue"]', 'days = ["monday"]'), False),
    ("days-not-list", _edit('days = ["mon", "tue"]', 'days = "mon"'), False),
    ("name-number", _edit('name = "Evening test"', "name = 5"), False),
    ("name-empty", _edit('name = "Evening test"', 'name = ""'), False),
    ("id-empty", _edit('id = "evening"', 'id = ""'), False),
    ("id-not-simple", _edit('id = "evening"', 'id = "Evening Test"'), False),
    ("kind-unknown", _edit('kind = "routine"', 'kind = "workout"'), False),
    ("no-steps", ROUTINE.split("[[steps]]")[0], False),
    ("schema-as-text", _edit("schema_version = 1", 'schema_version = "1"'), False),
    ("schema-from-future", _edit("schema_version = 1", "schema_version = 99"), False),
    ("schema-missing", _edit("schema_version = 1\n", ""), False),
    ("translation-bad-code", ROUTINE + '\n[translations.German]\nname = "Abend"\n', False),
    ("catalog-id", _edit('id = "toe-curl"', 'id = "Toe_Curl"', CATALOG), False),
    ("catalog-no-how-to", _edit('how_to = ["Curl your toes."]', "how_to = []", CATALOG), False),
    ("picture-up", _edit(PICTURE, 'picture = "../secret.svg"', CATALOG), False),
    ("picture-up-inside", _edit(PICTURE, 'picture = "a/../../b.svg"', CATALOG), False),
    ("picture-absolute", _edit(PICTURE, 'picture = "/etc/x.svg"', CATALOG), False),
    ("picture-backslash", _edit(PICTURE, 'picture = "a\\\\b.svg"', CATALOG), False),
    ("picture-jpeg", _edit(PICTURE, 'picture = "a/b.jpg"', CATALOG), False),
    ("picture-double-slash", _edit(PICTURE, 'picture = "a//b.svg"', CATALOG), True),
    ("catalog-kind-typo", _edit('kind = "catalog"', 'kind = "catalogue"', CATALOG), False),
]


@pytest.mark.parametrize(("text", "valid"), [pytest.param(t, v, id=c) for c, t, v in CASES])
def test_the_schema_and_validate_agree(
    validator: Draft202012Validator, tmp_path: Path, text: str, valid: bool
) -> None:
    problems = _problems(tmp_path, text)
    assert (not problems) is valid, problems
    errors = _schema_errors(validator, text)
    assert (not errors) is valid, errors


def test_stretch_app_schema_prints_the_same_schema() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "stretch_app", "schema"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    printed: dict[str, Any] = json.loads(result.stdout)
    assert printed == json.loads(json.dumps(routine_file_schema()))
