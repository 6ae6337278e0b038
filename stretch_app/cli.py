"""The ``stretch-app`` command line.

Commands that need no window (``list``, ``validate``, ``schema``, ``export-ics``,
``install-desktop``, ``uninstall-desktop``, ``--version``) never import Qt, so they answer in
tens of milliseconds. Everything else opens the app (or hands the request to the one already
running).
"""

from __future__ import annotations

# Only ``sys`` at the top: ``stretch-app --cramp-now`` with the app running goes straight to
# the hand-over, and ``json``, ``re``, ``pathlib`` and ``typing`` would cost it several ms
# (docs/performance.md). The commands import what they use.
import sys

from stretch_app import __version__

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing
if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence
    from pathlib import Path
    from typing import Any

__all__ = ["build_parser", "main"]


def build_parser() -> argparse.ArgumentParser:
    """The argument parser, with every subcommand."""
    import argparse  # only here: a hand-over to the running app never needs it
    from pathlib import Path

    parser = argparse.ArgumentParser(
        prog="stretch-app",
        description="Nightstretch: guided bedtime stretches and relief for night leg cramps.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    start = parser.add_mutually_exclusive_group()
    start.add_argument("--routine", metavar="ID", help="open and start this routine")
    start.add_argument("--cramp-now", action="store_true", help="start cramp relief now")
    parser.add_argument("--tray", action="store_true", help="start hidden in the tray")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    listing = commands.add_parser("list", help="list the routines found (bundled and your own)")
    listing.add_argument(
        "--json",
        action="store_true",
        help="print id, name, kind, source, path and duration_s of each routine as JSON",
    )
    validate = commands.add_parser("validate", help="check routine files")
    validate.add_argument("files", nargs="+", type=Path, metavar="FILE")
    commands.add_parser("schema", help="print the JSON Schema of routine files")
    export = commands.add_parser("export-ics", help="write the reminders as an iCalendar file")
    export.add_argument("routine", nargs="?", metavar="ID", help="only this routine's reminders")
    export.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="FILE",
        help="the .ics file to write (- for stdout)",
    )
    commands.add_parser(
        "install-desktop",
        help="add Nightstretch to your applications menu (launcher, icons, metadata)",
    )
    commands.add_parser(
        "uninstall-desktop", help="remove what install-desktop added to your applications menu"
    )
    return parser


def _library_folders() -> list[Path]:
    from stretch_app import paths

    return [paths.bundled_routines_dir(), paths.user_routines_dir()]


def _toml_inputs(folders: Sequence[Path]) -> list[Path]:
    """Every folder and routine file an answer depends on (a new file changes the folder)."""
    inputs: list[Path] = []
    for folder in folders:
        if folder.is_dir():
            inputs.append(folder)
            inputs.extend(sorted(folder.glob("*.toml")))
    return inputs


def _cached(name: str, question: list[Any], inputs: list[Path], compute: Any) -> Any:
    from stretch_app import __version__, paths
    from stretch_app.core.answer_cache import cached_answer

    cache = paths.user_cache_dir() / f"{name}.json"
    return cached_answer(cache, [__version__, *question], inputs, compute)


def _list_rows(folders: list[Path]) -> dict[str, list[Any]]:
    from stretch_app.core.library import load_library
    from stretch_app.core.model import RoutineKind, format_duration
    from stretch_app.core.session import expand_routine

    library = load_library(folders)
    rows = []
    ordered = sorted(
        library.routines.values(), key=lambda r: (r.kind is RoutineKind.RELIEF, r.name.lower())
    )
    for routine in ordered:
        phases = expand_routine(routine, library.exercises)
        length = format_duration(sum(p.duration or 0.0 for p in phases))
        if any(p.duration is None for p in phases):
            length = "open-ended"
        origin = "yours" if library.sources[routine.id].parent == folders[-1] else "bundled"
        kind = "relief" if routine.kind is RoutineKind.RELIEF else "routine"
        rows.append([routine.id, routine.name, length, kind, origin])
    return {"rows": rows, "problems": [str(p) for p in library.problems]}


def _cmd_list() -> int:
    import re

    control = re.compile(r"[\x00-\x1f\x7f-\x9f]")
    folders = _library_folders()
    answer = _cached(
        "list", [[str(f) for f in folders]], _toml_inputs(folders), lambda: _list_rows(folders)
    )
    # A name may hold escape sequences or newlines: one routine, one line, nothing recoloured.
    rows = [[control.sub("?", cell) for cell in row] for row in answer["rows"]]
    widths = [max((len(row[i]) for row in rows), default=0) for i in range(4)]
    for row in rows:
        print("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row[:4])) + "  " + row[4])
    for problem in answer["problems"]:
        print(f"skipped: {problem}", file=sys.stderr)
    return 0


def _list_json(folders: list[Path]) -> dict[str, list[Any]]:
    from stretch_app.core.library import load_library
    from stretch_app.core.model import RoutineKind
    from stretch_app.core.session import expand_routine

    library = load_library(folders)
    entries = []
    ordered = sorted(
        library.routines.values(), key=lambda r: (r.kind is RoutineKind.RELIEF, r.name.lower())
    )
    for routine in ordered:
        phases = expand_routine(routine, library.exercises)
        open_ended = any(p.duration is None for p in phases)
        path = library.sources[routine.id]
        entries.append(
            {
                "id": routine.id,
                "name": routine.name,
                "kind": routine.kind.value,
                "source": "user" if path.parent == folders[-1] else "bundled",
                "path": str(path),
                "duration_s": None if open_ended else round(sum(p.duration or 0 for p in phases)),
            }
        )
    return {"routines": entries, "problems": [str(p) for p in library.problems]}


def _cmd_list_json() -> int:
    """``list --json``: one JSON array of routines on stdout; skipped files on stderr."""
    import json

    folders = _library_folders()
    answer = _cached(
        "list-json", [[str(f) for f in folders]], _toml_inputs(folders), lambda: _list_json(folders)
    )
    print(json.dumps(answer["routines"], indent=2, ensure_ascii=False))
    for problem in answer["problems"]:
        print(f"skipped: {problem}", file=sys.stderr)
    return 0


def _cmd_validate(files: Sequence[Path]) -> int:
    folders = _library_folders()

    def check() -> list[str]:
        from stretch_app.core.library import validate_files

        return [str(p) for p in validate_files(files, catalogs_from=folders)]

    question = [[str(f) for f in files], [str(f) for f in folders]]
    problems = _cached("validate", question, [*files, *_toml_inputs(folders)], check)
    for problem in problems:
        print(problem)
    return 1 if problems else 0


def _cmd_schema() -> int:
    import json

    from stretch_app.core.schema import routine_file_schema

    print(json.dumps(routine_file_schema(), indent=2))
    return 0


def _cmd_export_ics(routine_id: str | None, output: str) -> int:
    from stretch_app import paths
    from stretch_app.core.ics import reminders_calendar
    from stretch_app.core.library import load_library
    from stretch_app.core.model import RoutineKind
    from stretch_app.core.reminder_rules import effective_reminders
    from stretch_app.core.session import routine_duration
    from stretch_app.core.settings import load_settings
    from stretch_app.core.wall_clock import local_zone

    library = load_library(_library_folders())
    settings, problem = load_settings(paths.settings_path())
    if problem:
        print(problem, file=sys.stderr)
    routines = sorted(library.routines.values(), key=lambda r: r.name.lower())
    if routine_id is not None:
        routines = [r for r in routines if r.id == routine_id]
        if not routines:
            print(f"stretch-app: there is no routine called {routine_id!r}", file=sys.stderr)
            return 1
    else:
        routines = [r for r in routines if r.kind is RoutineKind.ROUTINE]
    chosen = effective_reminders(routines, settings.reminder_overrides)
    entries = [
        (routine, chosen[routine.id], routine_duration(routine, library.exercises))
        for routine in routines
    ]
    count = sum(1 for _, reminders, _ in entries for r in reminders if r.enabled)
    data = reminders_calendar(entries, local_zone())
    if output == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        from pathlib import Path

        from stretch_app.core.userfile import write_atomically

        try:  # a full disk leaves the old calendar whole and says so, never a torn file
            write_atomically(Path(output), data)
        except OSError as exc:
            print(f"stretch-app: cannot write {output}: {exc.strerror}", file=sys.stderr)
            return 1
        print(f"{count} reminder{'s' if count != 1 else ''} written to {output}", file=sys.stderr)
    return 0


def _cmd_desktop(install: bool) -> int:
    from stretch_app.desktop_install import (
        DesktopInstallError,
        data_home,
        install_desktop,
        uninstall_desktop,
    )

    try:
        done = install_desktop() if install else uninstall_desktop()
    except DesktopInstallError as exc:
        for path in exc.done:
            print(f"{'installed' if install else 'removed'} {path}")
        print(f"stretch-app: {exc}", file=sys.stderr)
        if install and exc.done:
            hint = "`stretch-app uninstall-desktop` removes the files installed"
            print(f"stretch-app: {hint}", file=sys.stderr)
        return 1
    for path in done:
        print(f"{'installed' if install else 'removed'} {path}")
    if not install and not done:
        print(f"nothing to remove: Nightstretch is not installed in {data_home()}")
    return 0


def plain_launch(argv: Sequence[str]) -> tuple[str | None, bool, bool] | None:
    """``(routine, cramp_now, tray)`` for the plain window forms, read without argparse.

    ``stretch-app``, ``--cramp-now``, ``--tray`` (with or without ``--cramp-now``) and
    ``--routine ID``: importing and building the argument parser costs a hand-over to the
    running app several milliseconds (docs/performance.md). Anything else is None, and goes
    through argparse, which gives the same answer, the help and the error messages.
    """
    words = list(argv)
    if len(words) == 2 and words[0] == "--routine" and words[1][:1] not in ("", "-"):
        return words[1], False, False
    if len(words) == len(set(words)) and set(words) <= {"--cramp-now", "--tray"}:
        return None, "--cramp-now" in words, "--tray" in words
    return None


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    words = sys.argv[1:] if argv is None else argv
    plain = plain_launch(words)
    if plain is not None:
        from stretch_app.ui.launch import launch

        routine, cramp_now, tray = plain
        return launch(routine=routine, cramp_now=cramp_now, tray=tray)
    args = build_parser().parse_args(words)
    try:
        if args.command == "list" and args.json:
            return _cmd_list_json()
        if args.command == "list":
            return _cmd_list()
        if args.command == "validate":
            return _cmd_validate(args.files)
        if args.command == "schema":
            return _cmd_schema()
        if args.command == "export-ics":
            return _cmd_export_ics(args.routine, args.output)
        if args.command in ("install-desktop", "uninstall-desktop"):
            return _cmd_desktop(install=args.command == "install-desktop")
    except BrokenPipeError:  # e.g. `stretch-app list | head -1`
        return 0
    from stretch_app.ui.launch import launch

    return launch(routine=args.routine, cramp_now=args.cramp_now, tray=args.tray)
