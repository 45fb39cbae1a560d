"""What git is in the middle of, for settling the files it left conflicted.

`summit resolve --mine` must know which of git's sides is the user's: in a
merge (and a pull that merges) that is "ours", index stage 2; in a rebase
git replays the user's commits onto the other branch, so theirs is stage 3.
"""

import os
from pathlib import Path

from summit.gitrepo.command import run_git

# What git leaves in its folder while it is in the middle of something, in the order
# it is asked about: a rebase that stops on a cherry-pick is a rebase.
_STATES = (
    ("rebase-merge", "rebase"),
    ("rebase-apply", "rebase"),
    ("MERGE_HEAD", "merge"),
    ("CHERRY_PICK_HEAD", "cherry-pick"),
    ("REVERT_HEAD", "revert"),
)


def operation_in_progress(folder: Path) -> str | None:
    """ "merge", "rebase", "cherry-pick" or "revert" when git is in the middle of one; else None."""
    asked = [arg for name, _ in _STATES for arg in ("--git-path", name)]
    done = run_git(["rev-parse", *asked], folder)
    # Relative to `folder` unless git answers with an absolute path (a linked worktree).
    paths = [folder / os.fsdecode(line) for line in done.stdout.splitlines()]
    return next((op for path, (_, op) in zip(paths, _STATES, strict=True) if path.exists()), None)
