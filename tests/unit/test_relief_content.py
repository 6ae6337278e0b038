"""The relief content kept in the cache: the same as the models', read back without pydantic."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from stretch_app import __version__, paths
from stretch_app.core.library import load_library
from stretch_app.core.relief_content import ReliefContent, ReliefSource, relief_content_of
from stretch_app.core.safety import load_safety_guide
from stretch_app.core.settings import Settings


def source_for(language: str, tmp_path: Path) -> ReliefSource:
    return ReliefSource(
        folders=[paths.bundled_routines_dir(), tmp_path / "user-routines"],
        guidance_file=paths.guidance_path(language),
        settings_file=tmp_path / "settings.toml",
        language=language,
        version=__version__,
        cache_file=tmp_path / "cache" / "relief-content.json",
    )


def plain(content: ReliefContent) -> dict[str, object]:
    """Everything relief reads of ``content``, as plain values to compare."""
    e = content.emergency
    return {
        "steps": [(s.exercise, s.mode, s.note) for s in content.routine.steps],
        "exercises": {
            k: (x.id, x.name, tuple(x.how_to), x.picture, x.spoken)
            for k, x in content.exercises.items()
        },
        "emergency": (
            e.title,
            e.threshold_minutes,
            e.lead,
            tuple(e.signs),
            e.panel_title,
            tuple(e.panel_signs),
            e.timed_sign,
            e.highlight_from_minutes,
            e.repeat_every_minutes,
            e.same_cramp_within_minutes,
        ),
        "prevention": (content.prevention.title, tuple(content.prevention.tips)),
        "settings": (content.autostart_s, content.text_scale, content.reduce_motion),
    }


@pytest.mark.parametrize("language", ["en", "de"])
def test_the_kept_content_is_the_models_content(language: str, tmp_path: Path) -> None:
    source = source_for(language, tmp_path)
    assert source.cached() is None  # nothing kept yet
    compiled = source.compile()
    kept = source.cached()
    assert compiled is not None and kept is not None
    library = load_library(source.folders).in_language(language)
    guide = load_safety_guide(source.guidance_file)
    models = relief_content_of(library, guide, Settings())
    assert models is not None
    assert plain(kept) == plain(models)
    assert len(kept.emergency.signs) >= 3  # the emergency signs, every one
    if language == "de":
        assert kept.emergency.title != load_safety_guide(paths.guidance_path("en")).emergency.title


def test_garbage_in_the_cache_is_read_again(tmp_path: Path) -> None:
    source = source_for("en", tmp_path)
    source.compile()
    stored = json.loads(source.cache_file.read_text())
    for garbage in ("{not json", json.dumps({**stored, "answer": {"format": 1, "steps": 3}})):
        source.cache_file.write_text(garbage)
        assert source.cached() is None
        assert source.compile() is not None
        assert source.cached() is not None  # compiled again and kept


def test_a_changed_settings_file_makes_the_kept_content_stale(tmp_path: Path) -> None:
    source = source_for("en", tmp_path)
    source.compile()
    assert source.cached() is not None
    source.settings_file.write_text("schema_version = 1\ntext_scale = 1.5\n")
    assert source.cached() is None  # stale: the models are read again
    recompiled = source.compile()
    assert recompiled is not None and recompiled.text_scale == 1.5
    kept = source.cached()
    assert kept is not None and kept.text_scale == 1.5


def test_reading_the_kept_content_loads_no_pydantic(tmp_path: Path) -> None:
    source = source_for("en", tmp_path)
    source.compile()
    code = f"""
import json, sys
from pathlib import Path
from stretch_app.core.relief_content import ReliefSource
source = ReliefSource(
    folders=[Path(p) for p in {[str(f) for f in source.folders]!r}],
    guidance_file=Path({str(source.guidance_file)!r}),
    settings_file=Path({str(source.settings_file)!r}),
    language="en",
    version={__version__!r},
    cache_file=Path({str(source.cache_file)!r}),
)
content = source.cached()
print(json.dumps([content is not None, "pydantic" in sys.modules]))
"""
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=os.environ
    )
    assert json.loads(result.stdout.splitlines()[-1]) == [True, False]


def test_a_relief_source_travels_to_the_child_process_as_one_argument(tmp_path: Path) -> None:
    source = source_for("de", tmp_path)
    back = ReliefSource.from_argument(source.to_argument())
    assert back == source
    assert isinstance(back.guidance_file, Path) and isinstance(back.cache_file, Path)
