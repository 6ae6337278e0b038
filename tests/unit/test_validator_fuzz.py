"""Generated junk through the validator: a located message or a clean pass, never a crash."""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stretch_app.core.library import validate_files

REPO = Path(__file__).resolve().parents[2]
ROUTINES = REPO / "routines"
BEDTIME = (ROUTINES / "bedtime.toml").read_text(encoding="utf-8")
CATALOG = (ROUTINES / "exercises.toml").read_text(encoding="utf-8")
LOCATED = re.compile(r"^(?P<file>.+?):(?P<line>\d+): (?P<field>\S+): (?P<message>.+)$")

FUZZ = settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _check(content: bytes) -> None:
    """Write the bytes to a file and validate it: no exception, and every problem located."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.toml"
        path.write_bytes(content)
        problems = validate_files([path], catalogs_from=[ROUTINES])
        line_count = content.count(b"\n") + 1
        for problem in problems:
            text = str(problem)
            match = LOCATED.match(text)
            assert match, f"not FILE:LINE: field: message: {text!r}"
            assert match["file"] == str(path)
            assert 1 <= problem.line <= line_count, text


def _encode(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


# --- raw junk ---------------------------------------------------------------------------------


@FUZZ
@given(st.binary(max_size=2000))
def test_arbitrary_bytes(content: bytes) -> None:
    _check(content)


@FUZZ
@given(st.text(max_size=2000))
def test_arbitrary_text(content: str) -> None:
    _check(_encode(content))


_PUNCTUATION = [*"[]{}=,.#\n abc123-_:'\"\\", '"""', "'''", "[[steps]]", "hold = "]


@FUZZ
@given(st.lists(st.sampled_from(_PUNCTUATION), max_size=200).map("".join))
def test_toml_punctuation_soup(content: str) -> None:
    _check(_encode(content))


# --- structurally plausible TOML --------------------------------------------------------------

KEYS = [
    "schema_version",
    "id",
    "name",
    "kind",
    "description",
    "get_ready",
    "switch_legs",
    "rest",
    "exercise",
    "hold",
    "mode",
    "sides",
    "note",
    "at",
    "days",
    "enabled",
    "picture",
    "how_to",
    "muscle",
    "per_side",
    "spoken",
    "exercises",
    "steps",
    "reminders",
    "holdd",
    "Hold",
    "x y",
]

_strings = st.one_of(
    st.sampled_from(
        [
            "30s",
            "1m30s",
            "0s",
            "-5s",
            "99999m",
            "21:45",
            "25:99",
            "24:00",
            "mon",
            "sunday",
            "left",
            "right",
            "middle",
            "timed",
            "until-eased",
            "tip",
            "catalog",
            "routine",
            "relief",
            "calf-stretch",
            "quad-stretch",
            "no-such-stretch",
            "Bad Id",
            "../x.svg",
            "/etc/x.svg",
            "exercises/calf-stretch.svg",
            "a\\b.png",
            "",
            " ",
            "\x00",
            "é",
            "🦵",
        ]
    ),
    st.text(max_size=30),
)
_scalars = st.one_of(
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    _strings,
)


def _toml_key(key: str) -> str:
    if re.fullmatch(r"[A-Za-z0-9_-]+", key):
        return key
    return _toml_string(key)


def _toml_string(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    escaped = re.sub(r"[\x00-\x1f\x7f]", lambda m: f"\\u{ord(m[0]):04x}", escaped)
    return f'"{escaped}"'


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value != value:
            return "nan"
        if value in (float("inf"), float("-inf")):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, str):
        return _toml_string(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_toml_key(k)} = {_toml_value(v)}" for k, v in value.items()) + "}"
    raise AssertionError(value)


_values = st.recursive(
    _scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.sampled_from(KEYS), inner, max_size=3),
    ),
    max_leaves=12,
)
_tables = st.dictionaries(st.sampled_from(KEYS), _values, max_size=6)


@st.composite
def _plausible_documents(draw: st.DrawFn) -> str:
    lines = [f"{_toml_key(k)} = {_toml_value(v)}" for k, v in draw(_tables).items()]
    seen = set(draw(_tables))
    for table_name in draw(
        st.lists(st.sampled_from(["steps", "reminders", "exercises"]), max_size=5)
    ):
        if table_name in seen:
            continue  # a key and an array of tables of the same name is a syntax error anyway
        lines.append(f"\n[[{table_name}]]")
        lines.extend(f"{_toml_key(k)} = {_toml_value(v)}" for k, v in draw(_tables).items())
    return "\n".join(lines) + "\n"


@FUZZ
@given(_plausible_documents())
def test_plausible_documents(content: str) -> None:
    _check(_encode(content))


_VALUE_LINE = re.compile(r"^(\s*[A-Za-z_]+\s*=\s*)(.+)$", re.MULTILINE)


@st.composite
def _mutated(draw: st.DrawFn, base: str) -> str:
    """The shipped file with some values swapped, some lines dropped or duplicated."""
    lines = base.split("\n")
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        number = draw(st.integers(min_value=0, max_value=len(lines) - 1))
        action = draw(st.sampled_from(["value", "value", "drop", "repeat", "junk"]))
        match = _VALUE_LINE.match(lines[number])
        if action == "value" and match:
            lines[number] = match[1] + _toml_value(draw(_values))
        elif action == "drop":
            del lines[number]
        elif action == "repeat":
            lines.insert(number, lines[number])
        elif action == "junk":
            lines.insert(number, draw(st.text(max_size=20)))
        if not lines:
            lines = [""]
    return "\n".join(lines)


@FUZZ
@given(_mutated(BEDTIME))
def test_mutated_bedtime(content: str) -> None:
    _check(_encode(content))


@FUZZ
@given(_mutated(CATALOG))
def test_mutated_catalog(content: str) -> None:
    _check(_encode(content))


def test_the_mutation_strategy_keeps_the_bedtime_shape() -> None:
    # The mutations above are worth something only if the unmutated file is valid.
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bedtime.toml"
        path.write_text(BEDTIME, encoding="utf-8")
        assert validate_files([path], catalogs_from=[ROUTINES]) == []
        path.write_text(BEDTIME.replace('at = "21:45"', 'at = "25:99"'), encoding="utf-8")
        assert len(validate_files([path], catalogs_from=[ROUTINES])) == 1


# --- a few through the real command line ------------------------------------------------------


@settings(
    max_examples=5, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.one_of(st.binary(max_size=300), _plausible_documents().map(_encode)))
def test_cli_never_prints_a_traceback(content: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.toml"
        path.write_bytes(content)
        result = subprocess.run(
            [sys.executable, "-m", "stretch_app", "validate", str(path)],
            capture_output=True,
            text=True,
            timeout=20,
            check=False,
        )
    assert "Traceback" not in result.stdout + result.stderr
    assert result.returncode in (0, 1)
    lines = result.stdout.splitlines()
    assert (result.returncode == 1) == bool(lines)
    assert all(LOCATED.match(line) for line in lines), lines
