"""Refresh the translation files: lupdate collects the UI's strings, lrelease compiles them.

Run from anywhere with the project's virtual environment::

    .venv/bin/python assets/i18n/update_translations.py          # update .ts, build .qm
    .venv/bin/python assets/i18n/update_translations.py --check  # exit 1 if anything is stale

New or changed strings arrive in ``nightstretch_<lang>.ts`` marked unfinished; translate them in
Qt Linguist (``pyside6-linguist assets/i18n/nightstretch_de.ts``), then run this again so the
``.qm`` the app loads is rebuilt. See ``docs/translations.md``.
"""

from __future__ import annotations

import argparse
import filecmp
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
LANGUAGES = ("de", "en")
PLURALS_ONLY = ("en",)
"""English is the source language: its file holds only the plural forms of ``%n`` strings."""


def _tool(name: str) -> str:
    """A PySide6 tool from the same environment as this Python, else from PATH."""
    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.is_file() else shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6 in this environment")
    return found


def sources() -> list[Path]:
    """Every Python file of the UI, in a stable order (the core has no visible strings)."""
    return sorted((REPO / "stretch_app" / "ui").rglob("*.py"))


def update(ts_file: Path, language: str) -> None:
    """Collect the strings into ``ts_file``, keeping its translations; no line numbers kept."""
    files = [str(path.relative_to(REPO)) for path in sources()]
    command = [_tool("pyside6-lupdate"), "-locations", "none", "-no-obsolete", *files]
    if language in PLURALS_ONLY:
        command.insert(1, "-pluralonly")
    subprocess.run([*command, "-ts", str(ts_file)], check=True, cwd=REPO, capture_output=True)


def release(ts_file: Path, qm_file: Path) -> None:
    """Compile ``ts_file`` into ``qm_file``."""
    command = [_tool("pyside6-lrelease"), "-silent", str(ts_file), "-qm", str(qm_file)]
    subprocess.run(command, check=True, capture_output=True)


def check() -> list[str]:
    """What is stale: a .ts that lupdate would change, or a .qm that lrelease would change."""
    stale = []
    with tempfile.TemporaryDirectory() as temp:
        for language in LANGUAGES:
            ts_file = HERE / f"nightstretch_{language}.ts"
            copy = Path(temp) / ts_file.name
            shutil.copyfile(ts_file, copy)
            update(copy, language)
            if copy.read_bytes() != ts_file.read_bytes():
                stale.append(f"{ts_file.name}: strings changed in the code; run this script")
            qm_file = Path(temp) / f"nightstretch_{language}.qm"
            release(ts_file, qm_file)
            if not filecmp.cmp(qm_file, HERE / qm_file.name, shallow=False):
                stale.append(f"{qm_file.name}: older than {ts_file.name}; run this script")
    return stale


def main() -> int:
    """Update every language's .ts and .qm, or with ``--check`` only report what is stale."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if stale")
    if parser.parse_args().check:
        stale = check()
        print("\n".join(stale) or "translations are up to date")
        return 1 if stale else 0
    for language in LANGUAGES:
        ts_file = HERE / f"nightstretch_{language}.ts"
        update(ts_file, language)
        release(ts_file, HERE / f"nightstretch_{language}.qm")
        print(f"updated {ts_file.relative_to(REPO)} and its .qm")
    return 0


if __name__ == "__main__":
    sys.exit(main())
