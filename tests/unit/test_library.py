"""Reading, checking and gathering routine files: every bad file gets a located message."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from stretch_app import paths
from stretch_app.core.library import (
    MAX_FILE_BYTES,
    RoutineProblem,
    load_library,
    read_routine_file,
    validate_files,
)
from stretch_app.core.model import Catalog, Routine, Side, StepMode, parse_duration

REPO = Path(__file__).resolve().parents[2]
ROUTINES = REPO / "routines"
SHIPPED = sorted(ROUTINES.glob("*.toml"))
LOCATED = re.compile(r"^(?P<file>.+?):(?P<line>\d+): (?P<field>\S+): (?P<message>.+)$")

# Line numbers matter below: the cases point at them.
ROUTINE = """\
schema_version = 1
id = "evening"
name = "Evening test"
kind = "routine"

[[reminders]]
at = "21:45"
days = ["mon", "tue"]

[[steps]]
exercise = "calf-stretch"
hold = "30s"
sides = ["left", "right"]

[[steps]]
exercise = "hamstring-stretch"
hold = "30s"

[[steps]]
exercise = "quad-stretch"
hold = "30s"
"""

CATALOG = """\
schema_version = 1
kind = "catalog"

[[exercises]]
id = "toe-curl"
name = "Toe curl"
muscle = "foot"
picture = "exercises/toe-curl.svg"
how_to = ["Curl your toes."]
"""


def _validate(paths_: Sequence[Path], deadline: float = 15.0) -> list[RoutineProblem]:
    """validate_files against the bundled catalog, failing (not hanging) if it blocks."""
    result: list[list[RoutineProblem]] = []
    errors: list[BaseException] = []

    def run() -> None:
        try:
            result.append(validate_files(paths_, catalogs_from=[ROUTINES]))
        except BaseException as exc:
            errors.append(exc)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(deadline)
    assert not worker.is_alive(), f"validate_files did not return within {deadline} s"
    if errors:
        raise errors[0]
    return result[0]


def _edit(old: str, new: str, base: str = ROUTINE) -> str:
    assert old in base, old
    return base.replace(old, new, 1)


def _write(name: str, content: str | bytes) -> Callable[[Path], Path]:
    def make(tmp_path: Path) -> Path:
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return make


def _fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe.toml"
    os.mkfifo(path)
    return path


def _folder(tmp_path: Path) -> Path:
    path = tmp_path / "folder.toml"
    path.mkdir()
    return path


# (case id, how to make the file, expected line or None where no line is meaningful, field)
BROKEN: list[tuple[str, Callable[[Path], Path], int | None, str]] = [
    ("toml-unclosed-string", _write("a.toml", _edit('at = "21:45"', 'at = "21:45')), 7, "toml"),
    ("toml-bare-duration", _write("a.toml", _edit('hold = "30s"', "hold = 30s")), 12, "toml"),
    ("toml-duplicate-key", _write("a.toml", _edit('name = "Evening test"', 'id = "x"')), 3, "toml"),
    (
        "type-days-not-list",
        _write("a.toml", _edit('days = ["mon", "tue"]', 'days = "mon"')),
        8,
        "reminders[0].days",
    ),
    ("type-hold-bool", _write("a.toml", _edit('hold = "30s"', "hold = true")), 12, "steps[0].hold"),
    ("type-name-number", _write("a.toml", _edit('name = "Evening test"', "name = 5")), 3, "name"),
    (
        "type-enabled-number",
        _write("a.toml", _edit('at = "21:45"', 'at = "21:45"\nenabled = 1')),
        8,
        "reminders[0].enabled",
    ),
    (
        "type-at-toml-time",
        _write("a.toml", _edit('at = "21:45"', "at = 21:45:00")),
        7,
        "reminders[0].at",
    ),
    (
        "type-steps-table",
        _write("a.toml", 'schema_version = 1\nid = "a"\nname = "A"\nsteps = 3\n'),
        4,
        "steps",
    ),
    ("unknown-key-top", _write("a.toml", _edit('kind = "routine"', 'knid = "routine"')), 4, "knid"),
    (
        "unknown-key-step",
        _write("a.toml", _edit('hold = "30s"', 'hodl = "30s"')),
        12,
        "steps[0].hodl",
    ),
    (
        "unknown-key-catalog",
        _write("c.toml", _edit('muscle = "foot"', 'musle = "foot"', CATALOG)),
        7,
        "exercises[0].musle",
    ),
    (
        "unknown-exercise",
        _write("a.toml", _edit('"quad-stretch"', '"quad-strech"')),
        20,
        "steps[2].exercise",
    ),
    ("duration-zero", _write("a.toml", _edit('hold = "30s"', 'hold = "0s"')), 12, "steps[0].hold"),
    (
        "duration-zero-number",
        _write("a.toml", _edit('hold = "30s"', "hold = 0")),
        12,
        "steps[0].hold",
    ),
    (
        "duration-negative",
        _write("a.toml", _edit('hold = "30s"', "hold = -30")),
        12,
        "steps[0].hold",
    ),
    (
        "duration-negative-text",
        _write("a.toml", _edit('hold = "30s"', 'hold = "-30s"')),
        12,
        "steps[0].hold",
    ),
    (
        "duration-absurd",
        _write("a.toml", _edit('hold = "30s"', 'hold = "600m"')),
        12,
        "steps[0].hold",
    ),
    (
        "duration-absurd-number",
        _write("a.toml", _edit('hold = "30s"', "hold = 9999999999999")),
        12,
        "steps[0].hold",
    ),
    (
        "duration-fraction",
        _write("a.toml", _edit('hold = "30s"', "hold = 2.5")),
        12,
        "steps[0].hold",
    ),
    (
        "duration-gibberish",
        _write("a.toml", _edit('hold = "30s"', 'hold = "half a minute"')),
        12,
        "steps[0].hold",
    ),
    (
        "duration-catalog-zero",
        _write("c.toml", _edit('muscle = "foot"', 'muscle = "foot"\nhold = 0', CATALOG)),
        8,
        "exercises[0].hold",
    ),
    ("time-25-99", _write("a.toml", _edit('at = "21:45"', 'at = "25:99"')), 7, "reminders[0].at"),
    ("time-words", _write("a.toml", _edit('at = "21:45"', 'at = "9pm"')), 7, "reminders[0].at"),
    (
        "time-trailing-newline",
        _write("a.toml", _edit('at = "21:45"', 'at = "21:45\\n"')),
        7,
        "reminders[0].at",
    ),
    (
        "unknown-day",
        _write("a.toml", _edit('["mon", "tue"]', '["mon", "someday"]')),
        8,
        "reminders[0].days[1]",
    ),
    (
        "unknown-day-capital",
        _write("a.toml", _edit('["mon", "tue"]', '["Monday"]')),
        8,
        "reminders[0].days[0]",
    ),
    (
        "unknown-side",
        _write("a.toml", _edit('["left", "right"]', '["left", "middle"]')),
        13,
        "steps[0].sides[1]",
    ),
    (
        "repeated-side",
        _write("a.toml", _edit('["left", "right"]', '["left", "left"]')),
        13,
        "steps[0].sides",
    ),
    (
        "unknown-mode",
        _write("a.toml", _edit('hold = "30s"', 'mode = "forever"')),
        12,
        "steps[0].mode",
    ),
    (
        "picture-dotdot",
        _write("c.toml", _edit("exercises/toe-curl.svg", "../../etc/passwd.svg", CATALOG)),
        8,
        "exercises[0].picture",
    ),
    (
        "picture-absolute",
        _write("c.toml", _edit("exercises/toe-curl.svg", "/etc/toe.png", CATALOG)),
        8,
        "exercises[0].picture",
    ),
    (
        "picture-backslash",
        _write("c.toml", _edit("exercises/toe-curl.svg", "..\\\\..\\\\toe.svg", CATALOG)),
        8,
        "exercises[0].picture",
    ),
    (
        "picture-not-image",
        _write("c.toml", _edit("exercises/toe-curl.svg", "exercises/toe.sh", CATALOG)),
        8,
        "exercises[0].picture",
    ),
    ("id-with-space", _write("a.toml", _edit('id = "evening"', 'id = "Evening Stretch"')), 2, "id"),
    ("id-path", _write("a.toml", _edit('id = "evening"', 'id = "../evening"')), 2, "id"),
    ("id-empty", _write("a.toml", _edit('id = "evening"', 'id = ""')), 2, "id"),
    (
        "id-exercise-ref",
        _write("a.toml", _edit('"calf-stretch"', '"calf stretch"')),
        11,
        "steps[0].exercise",
    ),
    (
        "id-catalog",
        _write("c.toml", _edit('id = "toe-curl"', 'id = "Toe_Curl"', CATALOG)),
        5,
        "exercises[0].id",
    ),
    (
        "id-duplicate-in-catalog",
        _write("c.toml", CATALOG + CATALOG.split("\n", 3)[3]),
        11,
        "exercises[1].id",
    ),
    (
        "not-utf8",
        _write("a.toml", ROUTINE.encode().replace(b"Evening test", b"Evening\xff")),
        3,
        "encoding",
    ),
    (
        "latin1",
        _write("a.toml", ROUTINE.replace("Evening test", "Soirée").encode("latin-1")),
        3,
        "encoding",
    ),
    ("too-large", _write("big.toml", b"# padding\n" * (MAX_FILE_BYTES // 10 + 1)), None, "file"),
    ("fifo", _fifo, None, "file"),
    ("dev-zero", lambda _: Path("/dev/zero"), None, "file"),
    ("directory", _folder, None, "file"),
    ("missing", lambda tmp_path: tmp_path / "missing.toml", None, "file"),
    ("deep-arrays", _write("deep.toml", "x = " + "[" * 100_000), None, "toml"),
    ("deep-closed-arrays", _write("deep.toml", "x = " + "[" * 20_000 + "]" * 20_000), None, "toml"),
    ("deep-inline-tables", _write("deep.toml", "x = " + "{a = " * 50_000), None, "toml"),
    ("huge-integer", _write("a.toml", _edit('hold = "30s"', "hold = " + "9" * 5000)), 12, "toml"),
    (
        "schema-from-future",
        _write("a.toml", _edit("schema_version = 1", "schema_version = 99")),
        1,
        "schema_version",
    ),
    (
        "schema-as-text",
        _write("a.toml", _edit("schema_version = 1", 'schema_version = "1"')),
        1,
        "schema_version",
    ),
    (
        "schema-as-bool",
        _write("a.toml", _edit("schema_version = 1", "schema_version = true")),
        1,
        "schema_version",
    ),
    ("schema-missing", _write("a.toml", _edit("schema_version = 1\n", "")), None, "schema_version"),
    ("empty-file", _write("a.toml", ""), None, "id"),
    ("no-steps", _write("a.toml", ROUTINE.split("[[steps]]")[0]), None, "steps"),
    ("unknown-kind", _write("a.toml", _edit('kind = "routine"', 'kind = "workout"')), 4, "kind"),
]


@pytest.mark.parametrize(
    ("make", "line", "field"),
    [pytest.param(make, line, field, id=case) for case, make, line, field in BROKEN],
)
def test_each_broken_file_gets_a_located_problem(
    tmp_path: Path, make: Callable[[Path], Path], line: int | None, field: str
) -> None:
    path = make(tmp_path)
    problems = _validate([path])
    assert problems, "a broken file must be reported"
    rendered = [str(problem) for problem in problems]
    for text in rendered:
        match = LOCATED.match(text)
        assert match, f"not FILE:LINE: field: message: {text!r}"
        assert match["file"] == str(path)
    located = [LOCATED.match(text) for text in rendered]
    culprits = [m for m in located if m and m["field"] == field]
    assert culprits, f"no problem names {field!r}: {rendered}"
    if line is not None:
        assert any(int(m["line"]) == line for m in culprits), rendered


def test_a_future_schema_says_to_update(tmp_path: Path) -> None:
    path = tmp_path / "new.toml"
    path.write_text(_edit("schema_version = 1", "schema_version = 99"), encoding="utf-8")
    (problem,) = _validate([path])
    assert "99" in problem.message
    assert "update" in problem.message


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("fifo", "not a regular file"),
        ("folder", "folder"),
        ("missing", "no such file"),
        ("big", "too large"),
    ],
)
def test_file_level_messages_say_what_is_wrong(tmp_path: Path, content: str, expected: str) -> None:
    makers: dict[str, Callable[[Path], Path]] = {
        "fifo": _fifo,
        "folder": _folder,
        "missing": lambda t: t / "missing.toml",
        "big": _write("big.toml", b"#" * (MAX_FILE_BYTES + 1)),
    }
    (problem,) = _validate([makers[content](tmp_path)])
    assert expected in problem.message
    assert problem.line == 1


def test_an_error_in_the_third_steps_table_points_at_that_table(tmp_path: Path) -> None:
    path = tmp_path / "steps.toml"
    path.write_text(_edit('exercise = "quad-stretch"\n', ""), encoding="utf-8")
    (problem,) = _validate([path])
    assert (problem.line, problem.field) == (19, "steps[2].exercise")
    assert "missing" in problem.message


def test_each_bad_step_is_located_on_its_own_line(tmp_path: Path) -> None:
    path = tmp_path / "steps.toml"
    path.write_text(ROUTINE.replace('hold = "30s"', 'hold = "0s"'), encoding="utf-8")
    problems = _validate([path])
    assert [(p.line, p.field) for p in problems] == [
        (12, "steps[0].hold"),
        (17, "steps[1].hold"),
        (21, "steps[2].hold"),
    ]


def test_text_inside_a_multiline_string_does_not_shift_locations(tmp_path: Path) -> None:
    content = _edit(
        'kind = "routine"\n',
        'kind = "routine"\ndescription = """\n[[steps]]\nhold = 1\n"""\n',
    )
    path = tmp_path / "multiline.toml"
    path.write_text(
        content.replace(
            'hold = "30s"\n\n[[steps]]\nexercise = "quad', 'hold = 0\n\n[[steps]]\nexercise = "quad'
        ),
        encoding="utf-8",
    )
    (problem,) = _validate([path])
    assert (problem.line, problem.field) == (21, "steps[1].hold")


def test_keys_of_any_shape_stay_on_one_line(tmp_path: Path) -> None:
    path = tmp_path / "keys.toml"
    path.write_text(ROUTINE + '"my\\nodd key" = 1\n', encoding="utf-8")
    (problem,) = _validate([path])
    text = str(problem)
    assert "\n" not in text
    assert LOCATED.match(text)
    assert problem.line == 19  # the [[steps]] table the key landed in
    assert problem.field.startswith("steps[2][")


def test_problem_renders_as_file_line_field_message() -> None:
    problem = RoutineProblem("night.toml", 7, "reminders[0].at", "'25:99' is not a time")
    assert str(problem) == "night.toml:7: reminders[0].at: '25:99' is not a time"


def test_a_long_run_of_spaces_in_a_duration_is_quick(tmp_path: Path) -> None:
    path = tmp_path / "spaces.toml"
    path.write_text(_edit('hold = "30s"', 'hold = "' + " " * 100_000 + 'x"'), encoding="utf-8")
    (problem,) = _validate([path], deadline=5.0)
    assert (problem.line, problem.field) == (12, "steps[0].hold")


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + ROUTINE.encode())
    assert _validate([path]) == []


# --- valid content ----------------------------------------------------------------------------


def test_the_test_routine_itself_is_valid(tmp_path: Path) -> None:
    path = tmp_path / "evening.toml"
    path.write_text(ROUTINE, encoding="utf-8")
    assert _validate([path]) == []
    routine, problems, _ = read_routine_file(path)
    assert problems == []
    assert isinstance(routine, Routine)
    assert routine.steps[0].sides == (Side.LEFT, Side.RIGHT)
    assert routine.steps[0].hold == 30


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_every_shipped_file_validates_clean(path: Path) -> None:
    assert validate_files([path], catalogs_from=[ROUTINES]) == []


def test_shipped_files_validate_clean_together() -> None:
    assert {p.name for p in SHIPPED} >= {"bedtime.toml", "cramp-relief.toml", "exercises.toml"}
    assert validate_files(SHIPPED) == []
    catalog, _, _ = read_routine_file(ROUTINES / "exercises.toml")
    assert isinstance(catalog, Catalog)


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("30s", 30), ("1m", 60), ("1m30s", 90), ("2 min", 120), (" 45s ", 45), (90, 90), (60.0, 60)],
)
def test_durations_are_read_as_seconds(text: str | int | float, seconds: int) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["", "30", "s", "1h", "３０s", "30s\n30s", "-5s", "1m-30s"])
def test_malformed_durations_are_refused(text: str) -> None:
    with pytest.raises(ValueError, match="not a duration"):
        parse_duration(text)


# --- the library: bundled and user folders ----------------------------------------------------

MY_BEDTIME = """\
schema_version = 1
id = "bedtime"
name = "My short bedtime"

[[steps]]
exercise = "calf-stretch"
hold = "45s"
"""

MORNING = """\
schema_version = 1
id = "morning-calves"
name = "Morning calves"

[[steps]]
exercise = "calf-stretch"
hold = "20s"

[[steps]]
exercise = "toe-curl"
hold = "10s"
"""


@pytest.fixture
def user_routines() -> Path:
    folder = paths.user_routines_dir()
    folder.mkdir(parents=True)
    return folder


def test_user_folder_is_inside_the_test_config_home(user_routines: Path) -> None:
    assert user_routines.is_relative_to(Path(os.environ["XDG_CONFIG_HOME"]))
    assert user_routines.parts[-2:] == ("nightstretch", "routines")


def test_bundled_library_loads_both_routines() -> None:
    library = load_library([ROUTINES])
    assert library.problems == []
    assert {"bedtime", "cramp-relief"} <= set(library.routines)
    assert [r.id for r in library.routines_of_kind("relief")] == ["cramp-relief"]
    assert library.sources["bedtime"] == ROUTINES / "bedtime.toml"


def test_user_routine_overrides_by_id_and_adds(user_routines: Path) -> None:
    (user_routines / "bedtime.toml").write_text(MY_BEDTIME, encoding="utf-8")
    (user_routines / "toes.toml").write_text(CATALOG, encoding="utf-8")
    (user_routines / "morning.toml").write_text(MORNING, encoding="utf-8")
    library = load_library([ROUTINES, user_routines])
    assert library.problems == []
    assert library.routines["bedtime"].name == "My short bedtime"
    assert library.sources["bedtime"] == user_routines / "bedtime.toml"
    assert library.routines["morning-calves"].steps[1].exercise == "toe-curl"
    assert "cramp-relief" in library.routines
    assert {"calf-stretch", "toe-curl"} <= set(library.exercises)


def test_user_routine_may_use_bundled_exercises(user_routines: Path) -> None:
    (user_routines / "calves.toml").write_text(
        MY_BEDTIME.replace('"bedtime"', '"calves"'), encoding="utf-8"
    )
    library = load_library([ROUTINES, user_routines])
    assert library.problems == []
    assert library.routines["calves"].steps[0].exercise == "calf-stretch"
    assert library.routines["bedtime"].name == "Bedtime leg stretches"


def test_a_broken_user_file_is_skipped_and_the_rest_loads(user_routines: Path) -> None:
    broken = user_routines / "broken.toml"
    broken.write_text(_edit('at = "21:45"', 'at = "25:99"'), encoding="utf-8")
    bad_override = user_routines / "bedtime.toml"
    bad_override.write_text(MY_BEDTIME.replace('hold = "45s"', 'hold = "0s"'), encoding="utf-8")
    (user_routines / "fine.toml").write_text(
        MY_BEDTIME.replace('"bedtime"', '"fine"'), encoding="utf-8"
    )
    library = load_library([ROUTINES, user_routines])
    assert {"bedtime", "cramp-relief", "fine"} <= set(library.routines)
    assert "evening" not in library.routines
    assert library.routines["bedtime"].name == "Bedtime leg stretches"  # the bundled one stays
    assert library.sources["bedtime"] == ROUTINES / "bedtime.toml"
    assert library.skipped_files == sorted([str(bad_override), str(broken)])
    by_file = {p.file: p for p in library.problems}
    assert (by_file[str(broken)].line, by_file[str(broken)].field) == (7, "reminders[0].at")
    assert (by_file[str(bad_override)].line, by_file[str(bad_override)].field) == (
        7,
        "steps[0].hold",
    )


def test_a_user_routine_with_an_unknown_exercise_is_skipped(user_routines: Path) -> None:
    path = user_routines / "morning.toml"
    path.write_text(MORNING, encoding="utf-8")  # toe-curl is in no catalog here
    library = load_library([ROUTINES, user_routines])
    assert "morning-calves" not in library.routines
    (problem,) = library.problems
    assert (problem.file, problem.line, problem.field) == (str(path), 10, "steps[1].exercise")


def test_odd_things_in_the_user_folder_do_not_stop_loading(user_routines: Path) -> None:
    os.mkfifo(user_routines / "pipe.toml")
    (user_routines / "folder.toml").mkdir()
    (user_routines / "zero.toml").symlink_to("/dev/zero")
    (user_routines / "notes.txt").write_text("not a routine", encoding="utf-8")
    (user_routines / ".#bedtime.toml").symlink_to("nobody@host.1234")  # an editor's lock file
    library = load_library([ROUTINES, user_routines])
    assert {"bedtime", "cramp-relief"} <= set(library.routines)
    assert [Path(f).name for f in library.skipped_files] == [
        "folder.toml",
        "pipe.toml",
        "zero.toml",
    ]
    assert all(LOCATED.match(str(p)) for p in library.problems)


def test_a_missing_user_folder_is_fine() -> None:
    library = load_library([ROUTINES, paths.user_routines_dir()])
    assert library.problems == []
    assert "bedtime" in library.routines


def test_relief_steps_keep_their_modes() -> None:
    relief = load_library([ROUTINES]).routines["cramp-relief"]
    assert relief.steps[0].mode is StepMode.UNTIL_EASED
    assert relief.steps[-1].mode is StepMode.TIP


# --- the command line (stretch-app validate) --------------------------------------------------


def _cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "stretch_app", "validate", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=20,
        check=False,
    )


def test_cli_accepts_the_shipped_files() -> None:
    result = _cli(*SHIPPED)
    assert (result.returncode, result.stdout) == (0, "")
    assert "Traceback" not in result.stderr


def test_cli_reports_a_bad_time_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "night.toml"
    path.write_text(_edit('at = "21:45"', 'at = "25:99"'), encoding="utf-8")
    result = _cli(path)
    assert result.returncode == 1
    assert result.stdout.startswith(f"{path}:7: reminders[0].at: ")
    assert "Traceback" not in result.stdout + result.stderr


def test_cli_reports_every_bad_file_without_hanging(tmp_path: Path) -> None:
    fifo = _fifo(tmp_path)
    deep = _write("deep.toml", "x = " + "[" * 100_000)(tmp_path)
    binary = _write("binary.toml", b"\xff\xfe\x00junk")(tmp_path)
    missing = tmp_path / "missing.toml"
    files = [fifo, Path("/dev/zero"), deep, binary, missing, _folder(tmp_path)]
    result = _cli(*files)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert all(LOCATED.match(line) for line in lines), lines
    named = {match["file"] for match in map(LOCATED.match, lines) if match}
    assert named == {str(f) for f in files}


def test_cli_exit_code_is_one_when_only_some_files_are_bad(tmp_path: Path) -> None:
    future = _write("future.toml", _edit("schema_version = 1", "schema_version = 99"))(tmp_path)
    result = _cli(ROUTINES / "bedtime.toml", future)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [str(p) for p in _validate([future])]


# --- the examples in docs/routines.md ---------------------------------------------------------

DOCS = REPO / "docs" / "routines.md"


def _doc_blocks(language: str) -> list[str]:
    """The fenced code blocks of docs/routines.md written in ``language`` ("" for plain)."""
    blocks: list[str] = []
    current: list[str] | None = None
    current_language = ""
    for line in DOCS.read_text(encoding="utf-8").splitlines():
        if current is None and line.startswith("```"):
            current, current_language = [], line[3:].strip()
        elif current is not None and line == "```":
            if current_language == language:
                blocks.append("\n".join(current) + "\n")
            current = None
        elif current is not None:
            current.append(line)
    return blocks


def test_the_documented_examples_are_valid(tmp_path: Path) -> None:
    examples = [b for b in _doc_blocks("toml") if "broken on purpose" not in b]
    assert len(examples) >= 2
    files = []
    for number, example in enumerate(examples):
        path = tmp_path / f"example{number}.toml"
        path.write_text(example, encoding="utf-8")
        files.append(path)
    assert _validate(files) == []
    library = load_library([ROUTINES, tmp_path])
    assert library.problems == []
    assert "morning-calves" in library.routines
    assert "toe-raise" in library.exercises


def test_the_documented_error_output_is_what_validate_prints(tmp_path: Path) -> None:
    (broken,) = [b for b in _doc_blocks("toml") if "broken on purpose" in b]
    path = tmp_path / "morning-calves.toml"
    path.write_text(broken, encoding="utf-8")
    shown = [b for b in _doc_blocks("") if b.startswith("morning-calves.toml:")]
    assert len(shown) == 1
    expected = shown[0].splitlines()
    actual = [str(p).replace(str(path), "morning-calves.toml") for p in _validate([path])]
    assert actual == expected
