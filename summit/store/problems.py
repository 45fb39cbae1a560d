"""Problems found in data files, each pinned to a file, line and field."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from summit.model.severity import Severity
from summit.model.suggest import did_you_mean


@dataclass(frozen=True, slots=True)
class Problem:
    path: Path
    line: int
    column: int
    message: str
    field: str = ""
    """The dotted key path the problem is about, such as `agenda[2].minutes`."""
    severity: Severity = Severity.ERROR

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def display_path(self, base: Path | None = None) -> str:
        if base is not None:
            try:
                return str(self.path.relative_to(base))
            except ValueError:
                pass
        return str(self.path)

    def format(self, path_text: str | None = None) -> str:
        """`path:line:col: [warning: ]field: message`, the form editors and CI parse.

        `path_text` is the path as the reader should see it (relative to them).
        """
        where = f"{path_text or self.path}:{self.line}:{self.column}"
        label = "" if self.is_error else "warning: "
        field = f"{self.field}: " if self.field else ""
        return f"{where}: {label}{field}{self.message}"


class DataError(Exception):
    """Data that cannot be used as it stands; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(problem.format() for problem in problems))


class ConflictError(Exception):
    """The file changed on disk after it was loaded; nothing was overwritten."""

    def __init__(self, path: Path, kept: Path | None) -> None:
        self.path = path
        self.kept = kept
        message = f"{path} changed on disk since it was loaded; it was not overwritten"
        if kept is not None:
            message += f"; your version is kept as {kept}"
        super().__init__(message)


Side = Literal["ours", "theirs"]
"""Which version of a conflicting field to keep."""


@dataclass(frozen=True, slots=True)
class Edited:
    """A value the user typed for a conflicting field, instead of either side's."""

    value: Any


Choice = Side | Edited

Choices = Mapping[str, Choice] | None
"""A side (or a typed value) for each conflict, keyed by the conflict's `where`."""


class MergeConflicts(Exception):
    """Both the app and someone else changed the same fields; nothing was written.

    `conflicts` are the merge's FieldConflict records (where, base, ours,
    theirs); saving again with a choice for each settles them.
    """

    def __init__(self, path: Path, conflicts: list[Any]) -> None:
        self.path = path
        self.conflicts = conflicts
        super().__init__(
            f"{path} changed on disk meanwhile, and {len(conflicts)} of the same "
            f"field{'s' * (len(conflicts) != 1)} changed here: choose which to keep"
        )


class UnknownSummit(KeyError):
    """No summit file has this id."""

    def __init__(self, summit_id: str, known: Iterable[str]) -> None:
        self.message = f"no summit {summit_id!r}{did_you_mean(summit_id, known)}"
        super().__init__(self.message)

    def __str__(self) -> str:
        return self.message


class InvalidSummitId(ValueError):
    """A summit id that is not a slug, and so cannot name a file in agendas/."""

    def __init__(self, summit_id: str) -> None:
        super().__init__(
            f"{summit_id!r} is not a summit id: use lower-case letters, digits and hyphens"
        )


class DataDirError(Exception):
    """The data directory is missing or unreadable."""


def dotted(path: tuple[str | int, ...]) -> str:
    """A key path as people write it: `agenda[2].minutes`."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text
