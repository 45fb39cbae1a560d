"""History from the git command line: commits touching paths, files at a revision, changed files.

Built for speed on long histories: one `git log` call lists the commits with
the blobs each one changed (`--raw -z`), and one long-running
`git cat-file --batch` process reads those blobs, instead of a process per
file per commit. Nothing here parses TOML: callers get bytes.
"""

import os
import subprocess
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import IO, Self

from summit.gitrepo.command import (
    GitError,
    NotARepository,
    git_environment,
    resolve_commit,
    run_git,
)

# Options that keep the user's configuration from changing output we parse
# (renames, colours, signatures, external diff drivers), while their identity,
# hooks and mailmap still apply.
_PLAIN = ["--no-color", "--no-ext-diff", "--no-renames", "--no-abbrev"]


@dataclass(frozen=True, slots=True)
class FileChange:
    """One file changed between two sides: the blob on each side, None where it is absent.

    `new` is also None with `in_work_tree`: the new side is the file on disk.
    """

    path: str
    """Relative to the repository's top folder, with `/` separators."""
    old: str | None
    new: str | None
    in_work_tree: bool = False


@dataclass(frozen=True, slots=True)
class Commit:
    hash: str
    parents: tuple[str, ...]
    author: str
    email: str
    date: datetime
    subject: str
    changes: tuple[FileChange, ...]

    @property
    def short(self) -> str:
        return self.hash[:7]

    @property
    def is_merge(self) -> bool:
        return len(self.parents) > 1


_LOG_FORMAT = "%H%x00%P%x00%aN%x00%aE%x00%aI%x00%s"


def log(
    folder: Path, pathspecs: Sequence[str], *, limit: int = 50, revision: str = "HEAD"
) -> list[Commit]:
    """The newest `limit` commits reachable from `revision` that touch `pathspecs`.

    One git process. A repository with no commit yet has no history (an empty list).
    A merge's changes are what it brought in: the files that differ from its first parent.
    """
    commit = resolve_commit_or_none(folder, revision)
    if commit is None:
        return []
    done = run_git(
        [
            "log",
            "-z",
            "--raw",
            "--root",
            "--diff-merges=first-parent",
            "--no-show-signature",
            *_PLAIN,
            f"--format={_LOG_FORMAT}",
            f"--max-count={limit}",
            commit,
            "--",
            *pathspecs,
        ],
        folder,
    )
    return list(_parse_log(done.stdout))


def resolve_commit_or_none(folder: Path, revision: str) -> str | None:
    """resolve_commit, or None for HEAD in a repository with no commit yet."""
    if revision == "HEAD" and not has_commits(folder):
        return None
    return resolve_commit(folder, revision)


def has_commits(folder: Path) -> bool:
    done = run_git(["rev-parse", "--verify", "--quiet", "HEAD"], folder, check=False)
    if done.returncode != 0:
        run_git(["rev-parse", "--git-dir"], folder)  # raises NotARepository when it is not one
    return done.returncode == 0


def _parse_log(output: bytes) -> Iterator[Commit]:
    tokens = output.split(b"\0")
    position = 0
    while position + 6 <= len(tokens) and tokens[position]:
        fields = [t.decode("utf-8", "replace") for t in tokens[position : position + 6]]
        position += 6
        changes = []
        while position + 1 < len(tokens) and tokens[position].lstrip(b"\n").startswith(b":"):
            changes.append(_raw_entry(tokens[position], tokens[position + 1]))
            position += 2
        hash_, parents, author, email, when, subject = fields
        yield Commit(
            hash_,
            tuple(parents.split()),
            author,
            email,
            datetime.fromisoformat(when),
            subject,
            tuple(changes),
        )


_ABSENT = frozenset("0")


def _raw_entry(meta: bytes, path: bytes, *, work_tree: bool = False) -> FileChange:
    """`:old_mode new_mode old_oid new_oid status` and the path, as a FileChange."""
    _, _, old_oid, new_oid, status = meta.lstrip(b"\n:").decode("ascii").split(" ")
    old = None if set(old_oid) <= _ABSENT else old_oid
    new = None if set(new_oid) <= _ABSENT else new_oid
    if work_tree and not status.startswith("D"):
        new = None
    return FileChange(os.fsdecode(path), old, new, in_work_tree=work_tree and status[0] != "D")


def changed_files(
    folder: Path, old: str | None, new: str | None, pathspecs: Sequence[str]
) -> list[FileChange]:
    """Files that differ between commits `old` and `new` (None: the working tree).

    `old` None means before the first commit (every file is new). With the
    working tree, files git does not track yet (and does not ignore) count as added.
    """
    old_tree = resolve_commit(folder, old) if old is not None else _empty_tree(folder)
    sides = [old_tree] if new is None else [old_tree, resolve_commit(folder, new)]
    done = run_git(["diff", "-z", "--raw", *_PLAIN, *sides, "--", *pathspecs], folder)
    tokens = done.stdout.split(b"\0")
    changes = [
        _raw_entry(tokens[i], tokens[i + 1], work_tree=new is None)
        for i in range(0, len(tokens) - 1, 2)
    ]
    if new is None:
        changes += _untracked(folder, pathspecs, {c.path for c in changes})
    return sorted(changes, key=lambda change: change.path)


def _untracked(folder: Path, pathspecs: Sequence[str], known: set[str]) -> list[FileChange]:
    done = run_git(
        ["ls-files", "-z", "--others", "--exclude-standard", "--full-name", "--", *pathspecs],
        folder,
    )
    names = [os.fsdecode(name) for name in done.stdout.split(b"\0") if name]
    return [FileChange(name, None, None, in_work_tree=True) for name in names if name not in known]


def _empty_tree(folder: Path) -> str:
    # The empty tree's id depends on the repository's hash (SHA-1 or SHA-256): ask git.
    done = run_git(["hash-object", "-t", "tree", "--stdin"], folder, input=b"")
    return done.stdout.decode("ascii").strip()


def show_file(folder: Path, revision: str, path: str) -> bytes | None:
    """The bytes of `path` (relative to the top folder) at `revision`; None if it is absent there.

    Byte for byte as committed: no text conversion, filters or line-ending changes.
    """
    commit = resolve_commit(folder, revision)
    with Blobs(folder) as blobs:
        return blobs.read(f"{commit}:{path}")


_OBJECTS_KEPT = 64


class BlobTooLarge(GitError):
    """An object larger than the reader will hold in memory."""


class Blobs:
    """Reads objects through one `git cat-file --batch` process (and one `--batch-check`).

    Each object is read once: contents are cached by object id.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._batch: subprocess.Popen[bytes] | None = None
        self._check: subprocess.Popen[bytes] | None = None
        self._cache: OrderedDict[str, bytes] = OrderedDict()  # recent objects only

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        for process in (self._batch, self._check):
            if process is not None:
                assert process.stdin is not None
                process.stdin.close()
                process.wait()
                if process.stdout is not None:
                    process.stdout.close()
        self._batch = self._check = None

    def _start(self, mode: str) -> "subprocess.Popen[bytes]":
        try:
            return subprocess.Popen(
                ["git", "cat-file", mode],
                cwd=self.folder,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                env=git_environment(),
            )
        except FileNotFoundError:
            run_git(["--version"], self.folder)  # raises GitMissing
            raise

    def object_id(self, name: str) -> str | None:
        """The id of the object `name` (`REV:PATH` or an id) names; None if there is none."""
        if self._check is None:
            self._check = self._start("--batch-check")
        header = _ask(self._check, name)
        return None if header is None else header[0]

    def read(self, name: str, limit: int | None = None) -> bytes | None:
        """The contents of the object `name` names; None if there is none.

        BlobTooLarge (and nothing held in memory) when it is over `limit` bytes.
        """
        if name in self._cache:
            self._cache.move_to_end(name)
            return self._cache[name]
        if self._batch is None:
            self._batch = self._start("--batch")
        header = _ask(self._batch, name)
        if header is None:
            return None
        oid, size = header
        stream = self._batch.stdout
        assert stream is not None
        if limit is not None and size > limit:
            _skip(stream, size + 1)
            raise BlobTooLarge(f"it is {size:,} bytes; summit reads files up to {limit:,}")
        data = _read_exactly(stream, size)
        stream.read(1)  # the newline after each object
        self._cache[oid] = data
        if len(self._cache) > _OBJECTS_KEPT:
            self._cache.popitem(last=False)
        return data


def _ask(process: "subprocess.Popen[bytes]", name: str) -> tuple[str, int] | None:
    if "\n" in name:
        raise GitError(f"cannot read {name!r}: the name holds a line break")
    assert process.stdin is not None and process.stdout is not None
    process.stdin.write(name.encode("utf-8") + b"\n")
    process.stdin.flush()
    header = process.stdout.readline().decode("utf-8", "replace").rstrip("\n").split(" ")
    if len(header) != 3:  # "<name> missing", "<name> ambiguous", or git died
        if not header or header == [""]:
            raise GitError(f"git cat-file stopped while reading {name}")
        return None
    return header[0], int(header[2])


def _skip(stream: IO[bytes], size: int) -> None:
    while size > 0:
        chunk = stream.read(min(size, 1 << 20))
        if not chunk:
            raise GitError("git cat-file stopped in the middle of a file")
        size -= len(chunk)


def _read_exactly(stream: IO[bytes], size: int) -> bytes:
    data = stream.read(size)
    if len(data) != size:
        raise GitError("git cat-file stopped in the middle of a file")
    return data


__all__ = [
    "BlobTooLarge",
    "Blobs",
    "Commit",
    "FileChange",
    "GitError",
    "NotARepository",
    "changed_files",
    "has_commits",
    "log",
    "resolve_commit_or_none",
    "show_file",
]
