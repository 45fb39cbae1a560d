"""What git is in the middle of, for settling the files it left conflicted.

`summit resolve --mine` must know which of git's sides is the user's: in a
merge (and a pull that merges) that is "ours", index stage 2; in a rebase
git replays the user's commits onto the other branch, so theirs is stage 3.
"""

import os
from pathlib import Path

from summit.gitrepo.command import run_git

_HEADS = (("MERGE_HEAD", "merge"), ("CHERRY_PICK_HEAD", "cherry-pick"), ("REVERT_HEAD", "revert"))


def operation_in_progress(folder: Path) -> str | None:
    """ "merge", "rebase", "cherry-pick" or "revert" when git is in the middle of one; else None."""
    for ref, name in _HEADS:
        found = run_git(["rev-parse", "--quiet", "--verify", ref], folder, check=False)
        if found.returncode == 0:
            return name
    if any(_git_path(folder, state).is_dir() for state in ("rebase-merge", "rebase-apply")):
        return "rebase"
    return None


def _git_path(folder: Path, name: str) -> Path:
    done = run_git(["rev-parse", "--git-path", name], folder)
    return folder / os.fsdecode(done.stdout.rstrip(b"\n"))  # relative to `folder` unless absolute
