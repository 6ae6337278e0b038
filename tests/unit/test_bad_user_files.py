"""Whatever sits in the user's folders, the files read at start are read without harm.

Each reader meets a FIFO (which would block a plain ``open``), a symlink to ``/dev/zero``
(which a plain ``read`` never finishes), a folder, a huge file, deep nesting and broken bytes,
and answers with the defaults and a plain message instead.
"""

from __future__ import annotations

import contextlib
import json
import os
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stretch_app.core.answer_cache import cached_answer
from stretch_app.core.journal import Journal, JournalError
from stretch_app.core.phrases import ENGLISH, phrases_for
from stretch_app.core.settings import Settings, load_settings
from stretch_app.core.settings_file import read_settings_file
from stretch_app.core.tomlfile import parse_toml
from stretch_app.core.userfile import (
    MAX_FILE_BYTES,
    MAX_NESTING,
    FileProblem,
    NotAFileError,
    load_json,
    read_bytes,
    read_text,
    set_aside,
    write_atomically,
)

# A plain open() of a FIFO with no writer never returns: a reader that does so would hang the
# test for ever. Each such call runs in a thread; if it has not returned once the FIFO is
# opened for writing (which releases any plain open), the reader blocked, and the test fails.


def _returns_without_blocking(call: Callable[[], Any], fifo: Path) -> Any:
    result: list[Any] = []
    thread = threading.Thread(target=lambda: result.append(call()), daemon=True)
    thread.start()
    thread.join(timeout=30)  # generous: a reader that does not block returns in microseconds
    blocked = thread.is_alive()
    if blocked:  # let the stuck open() go, so the thread ends
        fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
        os.close(fd)
        thread.join()
    assert not blocked, "the reader blocked on a FIFO"
    return result[0]


@pytest.fixture
def fifo(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "settings.toml"
    os.mkfifo(path)
    yield path


def test_first_paint_reader_does_not_wait_on_a_fifo(fifo: Path) -> None:
    assert _returns_without_blocking(lambda: read_settings_file(fifo), fifo) == {}


def test_answer_cache_does_not_wait_on_a_fifo(fifo: Path, tmp_path: Path) -> None:
    source = tmp_path / "input.toml"
    source.write_text("x = 1\n")
    answer = _returns_without_blocking(
        lambda: cached_answer(fifo, ["q"], [source], lambda: "fresh"), fifo
    )
    assert answer == "fresh"


def test_settings_fifo_is_reported_and_left_alone(fifo: Path) -> None:
    settings, message = _returns_without_blocking(lambda: load_settings(fifo), fifo)
    assert settings == Settings()
    assert message is not None and "not a regular file" in message and str(fifo) in message
    assert fifo.is_fifo()  # never moved: it may not be ours


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_an_endless_device_is_refused_before_reading(tmp_path: Path, device: str) -> None:
    link = tmp_path / "settings.toml"
    link.symlink_to(device)
    with pytest.raises(FileProblem, match="not a regular file") as caught:
        read_bytes(link)
    assert caught.value.special
    assert read_settings_file(link) == {}
    settings, message = load_settings(link)
    assert settings == Settings() and message is not None and str(link) in message


def test_a_huge_settings_file_is_refused_moved_aside_and_reported(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    with path.open("wb") as handle:  # sparse: a gigabyte that costs no disk
        handle.truncate(1024**3)
    assert read_settings_file(path) == {}
    settings, message = load_settings(path)
    assert settings == Settings()
    assert message is not None and "too large" in message
    assert not path.exists()
    assert len(list(tmp_path.glob("settings.toml.broken-*"))) == 1


def test_a_file_that_grows_while_read_is_cut_at_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "big"
    path.write_bytes(b"x" * (MAX_FILE_BYTES + 1))
    with pytest.raises(FileProblem, match="too large"):
        read_text(path)
    path.write_bytes(b"x" * MAX_FILE_BYTES)
    assert len(read_text(path)) == MAX_FILE_BYTES


def test_a_folder_is_not_a_file(tmp_path: Path) -> None:
    folder = tmp_path / "settings.toml"
    folder.mkdir()
    with pytest.raises(FileProblem, match="folder") as caught:
        read_bytes(folder)
    assert caught.value.special
    settings, message = load_settings(folder)
    assert settings == Settings() and message is not None and "folder" in message


def test_missing_is_not_a_problem(tmp_path: Path) -> None:
    with pytest.raises(FileProblem) as caught:
        read_bytes(tmp_path / "nothing.toml")
    assert caught.value.missing
    assert load_settings(tmp_path / "nothing.toml") == (Settings(), None)


# --- nesting ----------------------------------------------------------------------------------


def test_deep_json_is_a_clear_problem_not_a_recursion_error(tmp_path: Path) -> None:
    path = tmp_path / "reminders.json"
    path.write_text("[" * 100_000 + "]" * 100_000)
    with pytest.raises(FileProblem, match="nested too deeply"):
        load_json(path)


def test_json_past_the_nesting_cap_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "reminders.json"
    depth = MAX_NESTING + 2
    path.write_text("[" * depth + "]" * depth)  # parses fine; too deep for us
    with pytest.raises(FileProblem, match="nested too deeply"):
        load_json(path)
    path.write_text("[" * 4 + "]" * 4)
    assert load_json(path) == [[[[]]]]


def test_deep_toml_settings_fall_back_to_defaults_with_a_message(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    for depth in (MAX_NESTING + 2, 50_000):
        path.write_text("volume = " + "[" * depth + "]" * depth + "\n")
        settings, message = load_settings(path)
        assert settings == Settings()
        assert message is not None and "nested too deeply" in message
        assert read_settings_file(path) == {}


def test_parse_toml_caps_nesting_in_inline_tables() -> None:
    depth = MAX_NESTING + 2
    with pytest.raises(FileProblem, match="nested too deeply"):
        parse_toml("a = " + "{b = " * depth + "1" + "}" * depth)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(raw=st.binary(max_size=2000))
def test_any_bytes_give_settings_or_a_message(tmp_path: Path, raw: bytes) -> None:
    path = tmp_path / "settings.toml"
    path.write_bytes(raw)
    settings, _ = load_settings(path)  # never raises
    assert isinstance(settings, Settings)
    assert isinstance(read_settings_file(path), dict)
    with contextlib.suppress(FileProblem):
        load_json(path)
    for broken in tmp_path.glob("settings.toml.broken-*"):
        broken.unlink()


# --- setting aside and writing ----------------------------------------------------------------


def test_set_aside_keeps_every_broken_copy(tmp_path: Path) -> None:
    path = tmp_path / "reminders.json"
    kept = []
    for text in ("one", "two"):
        path.write_text(text)
        moved = set_aside(path)
        assert moved is not None and not path.exists()
        kept.append(moved.read_text())
    assert sorted(kept) == ["one", "two"]


def test_write_atomically_leaves_the_old_file_on_a_failed_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "reminders.json"
    path.write_text(json.dumps({"old": True}))

    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(OSError, match="No space"):
        write_atomically(path, b'{"new": true}')
    assert json.loads(path.read_text()) == {"old": True}
    assert [p.name for p in folder.iterdir()] == ["reminders.json"]  # no temp file left


# --- files that ship with the app, and the journal ---------------------------------------------


def test_a_damaged_phrases_file_falls_back_to_english(tmp_path: Path) -> None:
    (tmp_path / "phrases.de.toml").write_bytes(b"schema_version = [\xff")
    assert phrases_for("de", tmp_path) is ENGLISH  # rather than no app at all


@pytest.mark.parametrize("kind", ["fifo", "dev-zero"])
def test_a_journal_path_that_is_not_a_file_is_named(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "journal.sqlite3"
    if kind == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to("/dev/zero")
    with pytest.raises(JournalError, match="not a regular file"):
        Journal.open(path)


def test_write_atomically_never_replaces_a_pipe_or_device(fifo: Path) -> None:
    # The same check keeps an export to /dev/full from replacing the device (not tried here:
    # without the check, root would swap the machine's /dev/full for a file).
    with pytest.raises(NotAFileError):
        write_atomically(fifo, b"x = 1\n")
    assert fifo.is_fifo()
    assert [p.name for p in fifo.parent.iterdir() if p.name != "home"] == [fifo.name]
