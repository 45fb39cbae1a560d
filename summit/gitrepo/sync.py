"""Where the data repository stands, committing the data files, and syncing with the remote.

Everything goes through the user's own `git` command, so that their
configuration, credential helpers, hooks and the merge driver that
`summit git setup` registers all apply. Output is parsed from the porcelain
formats, which are stable across git versions and locales.
"""

from dataclasses import dataclass, field
from pathlib import Path

from summit.gitrepo.command import GitError, GitMissing, NotARepository, error_from, run_git
from summit.gitrepo.conflicts import operation_in_progress
from summit.store.locations import AGENDAS_DIR, REGISTER_FILE

__all__ = [
    "GitError",
    "MergeInProgress",
    "RemoteUnreachable",
    "RepoStatus",
    "SyncResult",
    "commit_data",
    "moved_by_git",
    "repo_status",
    "sync",
]

DATA_PATHS = (REGISTER_FILE, AGENDAS_DIR)


class RemoteUnreachable(GitError):
    """The remote could not be fetched from or pushed to (network, credentials)."""


@dataclass(frozen=True, slots=True)
class RepoStatus:
    branch: str | None
    """None when HEAD is detached."""
    upstream: str | None
    ahead: int
    behind: int
    changed: tuple[str, ...]
    """Data files with uncommitted changes, relative to the data folder."""
    conflicted: tuple[str, ...] = ()
    merging: bool = False
    """A merge is in progress (git's MERGE_HEAD): the next commit finishes it."""
    replaying: str | None = None
    """ "rebase", "cherry-pick" or "revert" when git stopped in the middle of one: the
    next commit is `git <that> --continue`, which keeps each commit's own message."""

    def describe(self) -> str:
        """For the title bar: `main ↑2 ↓1`, `main (no remote)`, `main ✎3`, `main merging`."""
        if self.replaying is not None:
            # HEAD is detached meanwhile: which branch it is on says nothing useful.
            return f"{self.replaying} in progress" + f" ✎{len(self.changed)}" * bool(self.changed)
        text = self.branch or "detached"
        if self.upstream is None:
            text += " (no remote)"
        else:
            text += f" ↑{self.ahead}" * bool(self.ahead) + f" ↓{self.behind}" * bool(self.behind)
        if self.changed:
            text += f" ✎{len(self.changed)}"
        if self.merging:
            text += " merging"
        return text


@dataclass(frozen=True, slots=True)
class MergeInProgress:
    """A merge git has started and not yet committed (a pull that stopped on a conflict)."""

    subject: str
    """What git would call the merge commit, e.g. `Merge branch 'main' of …`."""
    received: list[str]
    """Subjects of the commits the merge brings in."""


@dataclass
class SyncResult:
    received: list[str] = field(default_factory=list)
    """Subjects of the commits that came in."""
    sent: list[str] = field(default_factory=list)
    """Subjects of the commits that went out."""
    conflicted: list[str] = field(default_factory=list)
    """Data files git could not merge; the merge is left for the user to resolve."""
    before: str = ""
    """The commit checked out before the sync, to describe what came in since."""


def _git(root: Path, *args: str) -> str:
    return run_git(args, root).stdout.decode("utf-8", "replace")


def repo_status(root: Path) -> RepoStatus | None:
    """Branch, remote tracking and uncommitted data files; None outside a git repository."""
    try:
        out = _git(root, "status", "--porcelain=v2", "--branch", "-z", "--", *DATA_PATHS)
    except (NotARepository, GitMissing):
        return None
    branch = upstream = None
    ahead = behind = 0
    changed: list[str] = []
    conflicted: list[str] = []
    records = iter(out.split("\0"))
    for record in records:
        if record.startswith("# branch.head "):
            head = record.removeprefix("# branch.head ")
            branch = None if head == "(detached)" else head
        elif record.startswith("# branch.upstream "):
            upstream = record.removeprefix("# branch.upstream ")
        elif record.startswith("# branch.ab "):
            plus, minus = record.removeprefix("# branch.ab ").split()
            ahead, behind = int(plus), -int(minus)
        elif record[:2] in ("1 ", "? "):
            changed.append(record.split(" ", 8)[-1] if record[0] == "1" else record[2:])
        elif record.startswith("2 "):
            changed.append(record.split(" ", 9)[-1])
            next(records, None)  # the rename's original path
        elif record.startswith("u "):
            conflicted.append(record.split(" ", 10)[-1])
    operation = operation_in_progress(root)
    replaying = operation if operation in ("rebase", "cherry-pick", "revert") else None
    return RepoStatus(
        branch,
        upstream,
        ahead,
        behind,
        tuple(changed),
        tuple(conflicted),
        operation == "merge",
        replaying,
    )


def merge_in_progress(root: Path) -> MergeInProgress | None:
    """The merge waiting to be committed, if any: what git calls it and what it brings in."""
    if not _merging(root):
        return None
    # Relative to `root` unless git answers with an absolute path (a linked worktree).
    merge_msg = root / _git(root, "rev-parse", "--git-path", "MERGE_MSG").strip()
    try:
        lines = merge_msg.read_text("utf-8", "replace").splitlines()
    except OSError:
        lines = []
    subject = next((line for line in lines if line.strip()), "") or "Merge colleagues' changes"
    return MergeInProgress(subject.strip(), _subjects(root, "HEAD..MERGE_HEAD"))


def commit_data(root: Path, message: str) -> str:
    """Commit the data files (and only them) with `message`; returns the new commit's id.

    During a merge the commit finishes it (with the merge's parents), even when
    every conflict was settled with our side and the files are as last committed.
    During a rebase (cherry-pick, revert) it goes on with it, and `message` is unused.
    """
    operation = operation_in_progress(root)
    if operation in ("rebase", "cherry-pick", "revert"):
        _git(root, "add", "--all", "--", *DATA_PATHS)
        return _continue(root, operation)
    if not message.strip():
        raise GitError("a commit needs a message")
    _git(root, "add", "--all", "--", *DATA_PATHS)
    merging = operation == "merge"
    staged = _git(root, "diff", "--cached", "--name-only", "--", *DATA_PATHS).strip()
    if not staged and not merging:
        raise GitError("there is nothing to commit: the data files are as last committed")
    if merging:
        # Finishing a merge: git commits the whole merge, which must not be split.
        _git(root, "commit", "--quiet", "--message", message)
    else:
        _git(root, "commit", "--quiet", "--message", message, "--", *DATA_PATHS)
    return _git(root, "rev-parse", "HEAD").strip()


def _continue(root: Path, operation: str) -> str:
    """Go on with a rebase (cherry-pick, revert) once its conflicts are settled: the commit
    keeps its author's message, as `git rebase --continue` in a shell would."""
    if _unmerged(root):
        raise GitError(f"settle the conflicts first, then the {operation} goes on")
    done = run_git([operation, "--continue"], root, env={"GIT_EDITOR": "true"}, check=False)
    # Stopped again on the next commit's conflicts: that is going on, not a failure.
    if done.returncode != 0 and not _unmerged(root):
        raise error_from(done.stderr, root, [operation, "--continue"])
    return _git(root, "rev-parse", "HEAD").strip()


def _unmerged(root: Path) -> bool:
    return bool(_git(root, "diff", "--name-only", "--diff-filter=U").strip())


def moved_by_git(root: Path) -> tuple[Path, ...]:
    """git's own files that a commit, pull, checkout or reset made in a shell rewrites:
    its index and the log of HEAD. (summit's own `git status` leaves them be: it runs
    without optional locks, see summit.gitrepo.command.)"""
    out = _git(root, "rev-parse", "--git-path", "index", "--git-path", "logs/HEAD")
    return tuple(root / line for line in out.splitlines() if line)


def _merging(root: Path) -> bool:
    try:
        _git(root, "rev-parse", "--quiet", "--verify", "MERGE_HEAD")
    except GitError:
        return False
    return True


def sync(root: Path) -> SyncResult:
    """Fetch, merge the remote's changes (through the merge driver), and push ours.

    Refuses to start with uncommitted data changes, so that a merge never
    mixes with unsaved work. A merge that leaves conflicts stops before the
    push and says which files need resolving.
    """
    status = repo_status(root)
    if status is None:
        raise GitError(
            "this data folder is not a git repository: run `git init` and "
            "`summit git setup` to start one"
        )
    if status.replaying is not None:
        op = status.replaying
        raise GitError(
            f"a {op} is in progress: finish it first (f4 in the app, or `git {op} --continue` "
            f"once its conflicts are settled), or give it up with `git {op} --abort`"
        )
    if status.branch is None:
        raise GitError("HEAD is detached: check out a branch before syncing")
    if status.upstream is None:
        raise GitError(
            f"branch {status.branch} has no remote to sync with: "
            f"`git push -u origin {status.branch}` sets one"
        )
    if status.conflicted:
        raise GitError(f"resolve the conflicts in {', '.join(status.conflicted)} first")
    if status.merging:
        raise GitError("a merge is waiting to be committed: commit it first, then sync")
    if status.changed:
        raise GitError(f"commit your changes to {', '.join(status.changed)} first")
    result = SyncResult(before=_git(root, "rev-parse", "HEAD").strip())
    # A colleague may push between our fetch and our push: then theirs is merged too.
    for _ in range(_PUSH_TRIES):
        if not _merge_upstream(root, status.upstream, result):
            return result  # conflicted: left for the user to settle
        sent = _subjects(root, "@{upstream}..HEAD")
        if not sent or push(root):
            result.sent = sent
            return result
    raise GitError("colleagues pushed again each time: sync again in a moment")


_PUSH_TRIES = 3


def _merge_upstream(root: Path, upstream: str, result: SyncResult) -> bool:
    """Fetch and merge what came in (noted in `result`); False when it conflicted."""
    try:
        _git(root, "fetch", "--quiet")
    except GitError as error:
        raise RemoteUnreachable(str(error)) from error
    received = _subjects(root, "HEAD..@{upstream}")
    if not received:
        return True
    result.received += received
    try:
        _git(
            root,
            "merge",
            "--quiet",
            "-m",
            f"Merge colleagues' changes from {upstream}",
            "@{upstream}",
        )
    except GitError:
        after = repo_status(root)
        result.conflicted = list(after.conflicted) if after else []
        if not result.conflicted:
            raise
        return False
    return True


def push(root: Path) -> bool:
    """Push the branch; False when the remote has commits this clone has not merged yet.

    Whatever git's words for it (`fetch first`, a ref that moved while pushing),
    a refused push is a colleague's when the remote now has commits we lack.
    """
    done = run_git(["push", "--quiet"], root, check=False)
    if done.returncode == 0:
        return True
    words = done.stderr.decode("utf-8", "replace").strip()
    fetched = run_git(["fetch", "--quiet"], root, check=False)
    if (
        fetched.returncode == 0
        and _git(root, "rev-list", "--count", "HEAD..@{upstream}").strip() != "0"
    ):
        return False
    last = words.splitlines()[-1] if words else "no message"
    raise RemoteUnreachable(f"git push failed: {last.removeprefix('fatal: ')}")


def _subjects(root: Path, revisions: str) -> list[str]:
    out = _git(root, "log", "--no-merges", "--format=%s (%an)", revisions)
    return [line for line in out.splitlines() if line]


def conflict_versions(root: Path, path: str) -> tuple[bytes, bytes, bytes]:
    """Base, ours and theirs of a file git left conflicted (index stages 1, 2 and 3).

    A missing stage (the file was added on both sides) is empty.
    """
    return tuple(_blob(root, f":{stage}:{path}") for stage in (1, 2, 3))  # type: ignore[return-value]


def _blob(root: Path, spec: str) -> bytes:
    done = run_git(["cat-file", "blob", spec], root, check=False)
    return done.stdout if done.returncode == 0 else b""


def mark_resolved(root: Path, path: str) -> None:
    """Tell git the conflicted file is settled (as `git add` does); the user then commits."""
    _git(root, "add", "--", f":(top){path}")
