"""The data's history in plain English: git's commits and files, read as summits and registers.

Joins the git command line (summit.gitrepo), the strict reader (summit.store)
and the change descriptions (summit.model.changes). The app's history screen
and the CLI call `uncommitted_changes`, `compare` and `history`; git's
external diff driver calls `describe_file`.
"""

import hashlib
import os
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from summit.gitrepo.command import GitError, repository_root, resolve_commit
from summit.gitrepo.history import (
    Blobs,
    BlobTooLarge,
    Commit,
    FileChange,
    changed_files,
    has_commits,
    log,
)
from summit.model.changes import Names, describe_register_changes
from summit.model.discreet_changes import describe_discreetly
from summit.model.register import Register
from summit.model.summit import Summit
from summit.model.text import is_slug
from summit.store.comments import comment_change
from summit.store.gc_pause import paused_gc
from summit.store.locations import AGENDAS_DIR, REGISTER_FILE, SUMMIT_SUFFIX
from summit.store.parsing import decode, parse, validate
from summit.store.problems import DataError, InvalidSummitId
from summit.store.reading import MAX_DATA_FILE_BYTES, read_data_file
from summit.workflows.register_change import SideUnreadable, problem_reason, registers_changed

NO_DATA_CHANGE = "no change to the data (layout, comments or item ids only)"


@dataclass(frozen=True, slots=True)
class FileReport:
    """One data file's change: its path (relative to the data folder) and the sentences."""

    path: str
    lines: list[str]


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One commit and what it changed in the data, file by file."""

    commit: Commit
    files: list[FileReport]


# ── Reading one side ────────────────────────────────────────────────────────


class Unreadable(Exception):
    def __init__(self, reason: str) -> None:
        self.reason = reason


_Parsed = Register | Summit | Unreadable
_PARSED_KEPT = 8


class Reader:
    """Parses data files, each distinct content once (a register shared by commits is read once)."""

    def __init__(self) -> None:
        # A few recent contents only: a big register's records take tens of MB each.
        self._cache: OrderedDict[tuple[str, bytes], _Parsed] = OrderedDict()

    def record(self, path: str, data: bytes | None) -> Register | Summit | None:
        """The record a file holds; None when absent; Unreadable when it does not load."""
        if data is None:
            return None
        model: type[Register] | type[Summit] = Register if is_register(path) else Summit
        key = (model.__name__, hashlib.blake2b(data, digest_size=16).digest())
        if key in self._cache:
            self._cache.move_to_end(key)
        else:
            self._cache[key] = _load(model, path, data)
            if len(self._cache) > _PARSED_KEPT:
                self._cache.popitem(last=False)
        found = self._cache[key]
        if isinstance(found, Unreadable):
            raise found
        return found


def _load(model: type[Register] | type[Summit], path: str, data: bytes) -> _Parsed:
    where = Path(path)
    try:
        text = decode(where, data)
        return validate(model, where, text, parse(where, text))
    except DataError as error:
        return Unreadable(problem_reason(error))


def is_register(path: str) -> bool:
    """Whether a data file's path (relative to the data folder) is the register."""
    return PurePosixPath(path).parts == (REGISTER_FILE,)


def is_data_file(path: str) -> bool:
    """`invitees.toml` or `agendas/<id>.toml`, relative to the data folder."""
    parts = PurePosixPath(path).parts
    if parts == (REGISTER_FILE,):
        return True
    return (
        len(parts) == 2
        and parts[0] == AGENDAS_DIR
        and parts[1].endswith(SUMMIT_SUFFIX)
        and not parts[1].startswith(".")
    )


# ── Describing one file ─────────────────────────────────────────────────────

RegisterAt = Callable[[], Register | None]


def describe_file(
    path: str,
    old: bytes | None,
    new: bytes | None,
    *,
    old_register: RegisterAt = lambda: None,
    new_register: RegisterAt = lambda: None,
    reader: Reader | None = None,
) -> list[str]:
    """The plain-English change of one data file between two versions (None: absent).

    `path` is relative to the data folder. The registers (asked for only when a
    summit changed) give people's and organisations' names.
    """
    reader = reader or Reader()
    if old == new:
        return []
    try:
        before, after = _records(reader, path, old, new)
    except SideUnreadable as error:
        return [f"the {error.side} version does not load: {error.reason}"]
    if isinstance(before, Register | None) and isinstance(after, Register | None):
        lines = describe_register_changes(before, after)
    else:
        names = Names(_quietly(new_register), _quietly(old_register))
        summit_id = PurePosixPath(path).name.removesuffix(SUMMIT_SUFFIX)
        lines = describe_discreetly(summit_id, _summit(before), _summit(after), names)
    return (lines or [NO_DATA_CHANGE]) + _comments_changed(old, new)


def _records(
    reader: Reader, path: str, old: bytes | None, new: bytes | None
) -> tuple[Register | Summit | None, Register | Summit | None]:
    if is_register(path) and old is not None and new is not None:
        # Only what differs is validated: a big register's unchanged records cost most.
        return registers_changed(path, old, new)
    sides = []
    for side, content in (("old", old), ("new", new)):
        try:
            sides.append(reader.record(path, content))
        except Unreadable as error:
            raise SideUnreadable(side, error.reason) from None
    return sides[0], sides[1]


def _comments_changed(old: bytes | None, new: bytes | None) -> list[str]:
    """Comments are not data: a lost one would otherwise go unsaid. (Not for a new file.)"""
    if old is None or new is None:
        return []
    said = comment_change(old.decode("utf-8", "replace"), new.decode("utf-8", "replace"))
    return [said] if said else []


def _summit(record: Any) -> Summit | None:
    return record if isinstance(record, Summit) else None


def _quietly(register_at: RegisterAt) -> Register | None:
    try:
        return register_at()
    except Unreadable:
        return None  # names fall back to ids


def commit_message(reports: Sequence[FileReport], width: int = 72) -> str:
    """A commit message from the plain-English change: a subject line, then every change.

    For the app's commit key to prefill; the user edits it before committing.
    """
    sentences = [line for report in reports for line in report.lines]
    if not sentences:
        return ""
    more = f" (and {len(sentences) - 1} more)" if len(sentences) > 1 else ""
    subject = _whole_words(sentences[0], width - len(more)) + more
    body = [
        f"{report.path}:\n" + "".join(f"- {line}\n" for line in report.lines) for report in reports
    ]
    return f"{subject}\n\n" + "\n".join(body)


def merge_note(entry: HistoryEntry) -> str:
    """What a merge commit's changes are: those it brought in, against its first parent."""
    if entry.files:
        return "a merge: what it brought in (against the branch it was made on)"
    return "a merge: it brought in no change to the data"


def _whole_words(sentence: str, width: int) -> str:
    """The sentence, or as many of its first words as fit with "…" (it is whole in the body)."""
    if len(sentence) <= width:
        return sentence
    words = sentence[:width].rsplit(" ", 1)[0].rstrip(" ,;:(–")
    if " " not in sentence[:width] or not words:
        return sentence[: width - 1] + "…"  # one word longer than a subject line
    return words + "…"


# ── A repository ────────────────────────────────────────────────────────────


class DataRepository:
    """A data folder inside a git repository (the folder may be the repository's top)."""

    def __init__(self, data_root: Path) -> None:
        self.data_root = data_root
        self.top = repository_root(data_root)
        relative = Path(os.path.realpath(data_root)).relative_to(os.path.realpath(self.top))
        self.prefix = "" if relative == Path() else f"{relative.as_posix()}/"
        self.reader = Reader()

    def pathspecs(self, summit_id: str | None = None) -> list[str]:
        if summit_id is not None:
            if not is_slug(summit_id):
                raise InvalidSummitId(summit_id)
            return [f":(top,literal){self.prefix}{AGENDAS_DIR}/{summit_id}{SUMMIT_SUFFIX}"]
        return [
            f":(top,literal){self.prefix}{REGISTER_FILE}",
            f":(top,glob){self.prefix}{AGENDAS_DIR}/*{SUMMIT_SUFFIX}",
        ]

    def user_pathspecs(self, paths: Sequence[Path]) -> list[str]:
        """Paths the user typed (relative to where they are), as pathspecs from the top."""
        top = Path(os.path.realpath(self.top))
        specs = []
        for path in paths:
            absolute = Path(os.path.realpath(Path.cwd() / path))
            if not absolute.is_relative_to(top):
                raise GitError(f"{path} is outside the repository {self.top}")
            specs.append(f":(top){absolute.relative_to(top).as_posix()}")
        return specs

    def data_path(self, repo_path: str) -> str | None:
        """A path from the top as a data file's path in the data folder; None if not data."""
        if not repo_path.startswith(self.prefix):
            return None
        inside = repo_path[len(self.prefix) :]
        return inside if is_data_file(inside) else None

    def compare(
        self, old: str | None = "HEAD", new: str | None = None, paths: Sequence[Path] = ()
    ) -> list[FileReport]:
        """What changed in the data from commit `old` to commit `new` (None: the working tree).

        `old` None is before the first commit. Only data files are described, in path order.
        """
        specs = self.user_pathspecs(paths) if paths else self.pathspecs()
        # Hashes from here on: a branch that moves meanwhile cannot mix two states.
        old = None if old is None else resolve_commit(self.top, old)
        new = None if new is None else resolve_commit(self.top, new)
        changes = changed_files(self.top, old, new, specs)
        # Bulk parsing of big files: the cyclic collector only slows it (see paused_gc).
        with Blobs(self.top) as blobs, paused_gc():
            return self._reports(blobs, changes, old, new)

    def uncommitted_changes(self) -> list[FileReport]:
        """The working tree against the last commit (everything, before the first commit)."""
        return self.compare("HEAD" if has_commits(self.top) else None, None)

    def _reports(
        self, blobs: Blobs, changes: Sequence[FileChange], old: str | None, new: str | None
    ) -> list[FileReport]:
        old_register = self._register_at(blobs, old)
        new_register = self._register_at(blobs, new, on_disk=new is None)
        reports = []
        for change in changes:
            path = self.data_path(change.path)
            if path is None:
                continue
            try:
                before = self._read(blobs, change.old)
                after = self._new_side(blobs, change)
            except Unreadable as error:
                reports.append(FileReport(path, [error.reason]))
                continue
            lines = describe_file(
                path,
                before,
                after,
                old_register=old_register,
                new_register=new_register,
                reader=self.reader,
            )
            if lines:
                reports.append(FileReport(path, lines))
        return reports

    @staticmethod
    def _read(blobs: Blobs, oid: str | None, side: str = "old") -> bytes | None:
        if oid is None:
            return None
        try:
            return blobs.read(oid, limit=MAX_DATA_FILE_BYTES)
        except BlobTooLarge as error:
            raise Unreadable(f"the {side} version is not read: {error}") from None

    def _new_side(self, blobs: Blobs, change: FileChange) -> bytes | None:
        if not change.in_work_tree:
            return self._read(blobs, change.new, "new")
        try:
            return read_data_file(self.top / change.path)
        except DataError as error:
            # Unreadable is not deleted: say why rather than report a removal.
            raise Unreadable(f"the new version is not read: {error.problems[0].message}") from None

    def _register_at(
        self, blobs: Blobs, revision: str | None, *, on_disk: bool = False
    ) -> RegisterAt:
        """A function giving the register at a commit (or on disk), read when first asked.

        No revision and not on disk: before the first commit, when there was none.
        """
        found: list[Register | None] = []

        def register() -> Register | None:
            if not found:
                found.append(self._read_register(blobs, revision, on_disk=on_disk))
            return found[0]

        return register

    def _read_register(
        self, blobs: Blobs, revision: str | None, *, on_disk: bool
    ) -> Register | None:
        path = f"{self.prefix}{REGISTER_FILE}"
        data: bytes | None = None
        if on_disk:
            try:
                data = read_data_file(self.top / path)
            except DataError:
                return None
        elif revision is not None:
            oid = blobs.object_id(f"{revision}:{path}")
            data = blobs.read(oid) if oid else None
        record = self.reader.record(REGISTER_FILE, data)
        return record if isinstance(record, Register) else None

    def history(self, summit_id: str | None = None, limit: int = 50) -> list[HistoryEntry]:
        """The newest commits touching the data (or one summit), each with its changes."""
        commits = log(self.top, self.pathspecs(summit_id), limit=limit)
        entries = []
        with Blobs(self.top) as blobs, paused_gc():
            for commit in commits:
                parent = commit.parents[0] if commit.parents else None
                files = self._reports(blobs, commit.changes, parent, commit.hash)
                entries.append(HistoryEntry(commit, files))
        return entries
