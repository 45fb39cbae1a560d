"""`summit resolve [PATH...] --mine|--theirs`: settle git-conflicted data files with one side.

For scripts and for people not in the app: the same merge as the app's
field-by-field screen (summit.workflows.teamwork), with one answer for every field.
Exit codes: 0 settled (or nothing left to settle in a merge); 1 a file could
not be settled and is left as it was; 2 nothing to do here (not a git
repository, not in a merge, a path that is not a conflicted data file).
"""

import argparse
import os
from pathlib import Path

from rich.console import Console

from summit.cli.output import shown
from summit.gitrepo.command import GitError, repository_root
from summit.gitrepo.conflicts import operation_in_progress
from summit.gitrepo.sync import repo_status
from summit.store import find_data_dir
from summit.store.merge import model_for
from summit.store.problems import Side
from summit.workflows.teamwork import settle_with_side

_SIDE_NAME = {"ours": "mine", "theirs": "theirs"}


class _Refused(Exception):
    """Nothing to settle here: the message says why (exit 2)."""


def resolve(args: argparse.Namespace, out: Console, err: Console) -> int:
    root = find_data_dir(args.data, Path.cwd())
    try:
        files, operation = _conflicted(root, args.paths)
    except _Refused as why:
        err.print(f"summit resolve: {why}", markup=False)
        return 2
    except GitError as error:
        err.print(f"summit resolve: {error}", markup=False)
        return 2
    if not files:
        out.print("summit resolve: no data file is conflicted; `git commit` finishes the merge")
        return 0
    # "ours" is the user's side, in a rebase too (see settle_git_conflict).
    failed = sum(not _settle(root, path, args.side, out=out, err=err) for path in files)
    if failed:
        return 1
    out.print(f"Then `git {_FINISH.get(operation or '', 'commit')}` (or f4 in the app).")
    return 0


_FINISH = {"rebase": "rebase --continue", "cherry-pick": "cherry-pick --continue"}


def _settle(root: Path, path: str, side: Side, *, out: Console, err: Console) -> bool:
    settled = settle_with_side(root, path, side)
    result = settled.result
    for note in result.notes:
        out.print(f"summit resolve: {path}: {note}", markup=False)
    if not result.clean:
        for line in result.report(path):
            err.print(f"summit resolve: cannot settle {line}", markup=False)
        err.print(f"summit resolve: {path} is left as it was (still conflicted)", markup=False)
        return False
    count = len(settled.fields)
    what = f"{count} field{'s' * (count != 1)} settled with {_SIDE_NAME[side]}"
    fields = f" ({', '.join(settled.fields)})" if settled.fields else ""
    out.print(f"summit resolve: {path}: {what}{fields}; marked resolved", markup=False)
    return True


def _conflicted(root: Path, paths: list[Path]) -> tuple[list[str], str | None]:
    """The conflicted data files to settle (paths from the repository's top) and git's operation."""
    status = repo_status(root)
    if status is None:
        raise _Refused(f"{shown(root)} is not in a git repository: there is no merge to settle")
    operation = operation_in_progress(root)
    if operation is None and not status.conflicted:
        raise _Refused("git is not in the middle of a merge: there is nothing to settle")
    if not paths:
        return list(status.conflicted), operation
    return [_named(root, path, status.conflicted) for path in paths], operation


def _named(root: Path, path: Path, conflicted: tuple[str, ...]) -> str:
    top = Path(os.path.realpath(repository_root(root)))
    absolute = Path(os.path.realpath(Path.cwd() / path))
    if not absolute.is_relative_to(top):
        raise _Refused(f"{path} is outside the repository {shown(top)}")
    in_repo = absolute.relative_to(top).as_posix()
    if model_for(in_repo) is None:
        raise _Refused(f"{path} is not a summit data file (invitees.toml or agendas/*.toml)")
    if in_repo not in conflicted:
        raise _Refused(f"{path} is not conflicted: git has nothing for it to settle")
    return in_repo
