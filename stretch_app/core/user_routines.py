"""The person's own routine files: where an edited copy goes, restoring, deleting, importing.

A bundled routine is never changed in place: editing it writes a copy with the same id into the
user's routines folder, which the library then prefers. Pure Python; the editor screen calls it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from stretch_app.core.library import read_routine_file, validate_files
from stretch_app.core.model import Routine
from stretch_app.core.tomlfile import FileProblem, read_text
from stretch_app.core.userfile import write_atomically

__all__ = ["DeletedFile", "ImportResult", "delete_file", "editable_path", "import_routine"]


def editable_path(routine_id: str, source: Path | None, user_dir: Path) -> Path:
    """The file the editor saves to: the routine's own file if it is the person's, else a copy.

    The copy is named after the id (``bedtime.toml``), or ``ID-2.toml``… if that name is taken
    by another of the person's files.
    """
    if source is not None and source.parent == user_dir:
        return source
    candidate, number = user_dir / f"{routine_id}.toml", 2
    while candidate.exists():
        result, _, _ = read_routine_file(candidate)
        if isinstance(result, Routine) and result.id == routine_id:
            return candidate
        candidate = user_dir / f"{routine_id}-{number}.toml"
        number += 1
    return candidate


@dataclass(frozen=True, slots=True)
class DeletedFile:
    """A file that was removed, kept in memory so the deletion can be undone."""

    path: Path
    text: str

    def restore(self) -> None:
        """Put the file back as it was."""
        write_atomically(self.path, self.text.encode("utf-8"))


def delete_file(path: Path) -> DeletedFile:
    """Remove one of the person's routine files; the answer can put it back."""
    text = read_text(path)
    path.unlink()
    return DeletedFile(path, text)


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What importing a file did: the routine copied in, or the problems that stopped it."""

    routine: Routine | None
    path: Path | None
    problems: tuple[str, ...]


def import_routine(source: Path, user_dir: Path, catalogs: list[Path]) -> ImportResult:
    """Check ``source`` as ``validate`` does; if it is a good routine, copy it into the folder.

    The copy is named after the routine's id and replaces the person's own file of that id.
    """
    problems = validate_files([source], catalogs_from=catalogs)
    if problems:
        return ImportResult(None, None, tuple(str(p) for p in problems))
    result, _, _ = read_routine_file(source)
    if not isinstance(result, Routine):
        return ImportResult(None, None, (f"{source}: is an exercise catalog, not a routine",))
    try:
        text = read_text(source)
    except FileProblem as problem:
        return ImportResult(None, None, (f"{source}: {problem.message}",))
    target = editable_path(result.id, None, user_dir)
    write_atomically(target, text.encode("utf-8"))
    return ImportResult(result, target, ())
