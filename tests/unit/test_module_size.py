"""No module under stretch_app/ passes 400 lines: split along a real seam rather than grow.

A few modules were already over when this rule came in. Each is listed with the length it had
then, as a ceiling it may not pass; split it and take it off the list.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "stretch_app"
LIMIT = 400

STILL_OVER: dict[str, int] = {}


def lengths() -> dict[str, int]:
    return {
        path.relative_to(PACKAGE).as_posix(): len(path.read_text(encoding="utf-8").splitlines())
        for path in sorted(PACKAGE.rglob("*.py"))
    }


def test_no_module_passes_four_hundred_lines() -> None:
    over = {
        name: n for name, n in lengths().items() if n > LIMIT and n > STILL_OVER.get(name, LIMIT)
    }
    assert over == {}, f"split these along a real seam (limit {LIMIT} lines): {over}"


def test_the_list_of_modules_still_over_only_shrinks() -> None:
    found = lengths()
    fixed = [name for name in STILL_OVER if found.get(name, 0) <= LIMIT]
    assert fixed == [], f"now within {LIMIT} lines: take them off STILL_OVER: {fixed}"
