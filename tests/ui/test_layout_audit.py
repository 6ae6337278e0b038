"""The layout audit: every screen and state fits every screen size, text size, language and look.

For each screen size (its own offscreen platform, so its own interpreter) the worker in
``tests/ui/helpers/layout_worker.py`` builds the app at normal and largest text, in English and
German, in the night look and high contrast; walks the home screen, the player in each phase,
the finish screen, every relief page, history, adding and editing a cramp, medicines,
guidance, settings and the reminders dialog; and reports every label whose words do not fit,
every control off its window (or, in the player and relief, reachable only by scrolling) and
every window outside the screen.

``NIGHTSTRETCH_CONTACT_SHEET=DIR`` also writes one contact sheet a screen size into DIR (the
ones in docs/screenshots were made so).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest

from tests.conftest import REPO

SCREENS = {
    "1024x600": (1024, 600, 1),
    "1280x720": (1280, 720, 1),
    "1366x768": (1366, 768, 1),
    "1920x1080@2": (1920, 1080, 2),
}
SHEETS = os.environ.get("NIGHTSTRETCH_CONTACT_SHEET")


def _summary(faults: list[dict[str, str]], limit: int = 60) -> str:
    """The faults grouped by state and fault, each with the cells it happened in."""
    grouped: dict[tuple[str, str], list[str]] = defaultdict(list)
    for row in faults:
        grouped[(row["state"], row["fault"])].append(row["cell"])
    lines = [f"{state}: {fault}  [{', '.join(cells)}]" for (state, fault), cells in grouped.items()]
    more = f"\n… and {len(lines) - limit} more" if len(lines) > limit else ""
    return "\n".join(lines[:limit]) + more


@pytest.mark.parametrize("screen", list(SCREENS))
def test_every_screen_fits(screen: str, tmp_path: Path) -> None:
    width, height, ratio = SCREENS[screen]
    config = tmp_path / "screen.json"
    config.write_text(
        json.dumps(
            {
                "screens": [
                    {
                        "name": screen,
                        "x": 0,
                        "y": 0,
                        "width": width,
                        "height": height,
                        "logicalDpi": 96,
                        "logicalBaseDpi": 96,
                        "dpr": ratio,
                    }
                ]
            }
        )
    )
    out = tmp_path / "faults.json"
    command = [sys.executable, "-m", "tests.ui.helpers.layout_worker", str(out)]
    if SHEETS:
        command.append(str(Path(SHEETS) / f"contact-sheet-{screen.replace('@', '-dpr')}.png"))
    result = subprocess.run(
        command,
        cwd=REPO,
        env={**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    report = json.loads(out.read_text("utf-8"))
    assert report["screen"] == f"{width}x{height}@{ratio}"
    assert report["faults"] == [], f"{len(report['faults'])} faults:\n" + _summary(report["faults"])
