"""Settling a file that a git merge or pull left conflicted, with the record-level merge.

git keeps the three versions of a conflicted file in its index; the same
merge the driver ran is run again with the user's choice for each field both
sides changed, the result written through storage, and the file marked as
resolved so that the user can commit.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

from summit.gitrepo.command import repository_root
from summit.gitrepo.conflicts import operation_in_progress
from summit.gitrepo.sync import conflict_versions, mark_resolved
from summit.store.atomic import write_atomic
from summit.store.merge import MergeResult, merge_texts, model_for
from summit.store.parsing import decode
from summit.store.problems import Choice, Choices, DataError, Side


def settle_git_conflict(root: Path, repo_path: str, choices: Choices = None) -> MergeResult:
    """Merge the conflicted file's three versions; when clean, write it and mark it resolved.

    "ours" is always the user's side (in a rebase, git's "theirs"), so choices say
    "mine" and "theirs" as a person means them, and the result keeps the user's layout.
    """
    path = repository_root(root) / repo_path
    model = model_for(repo_path)
    if model is None:
        return MergeResult(None, errors=[f"{repo_path} is not a summit data file"])
    try:
        base, ours, theirs = (decode(path, data) for data in conflict_versions(root, repo_path))
    except DataError as error:
        return MergeResult(None, errors=[error.problems[0].message])
    if operation_in_progress(root) == "rebase":
        # A rebase replays the user's commits onto the others': git's "theirs" is mine.
        ours, theirs = theirs, ours
    result = merge_texts(base, ours, theirs, model=model, path=path, choices=choices)
    if result.text is not None:
        write_atomic(path, result.text.encode("utf-8"))
        mark_resolved(root, repo_path)
    return result


@dataclass
class SideSettled:
    """A file settled with one side: the merge, and the fields that side decided."""

    result: MergeResult
    fields: list[str] = field(default_factory=list)


def settle_with_side(root: Path, repo_path: str, side: Side) -> SideSettled:
    """Settle every field both sides changed with `side` ("ours": mine, as git names it).

    The same merge as the app's field-by-field screen, with one choice for every
    conflict; the file is written and marked resolved only when the whole merge
    is clean. A choice can bring out another conflict (a table kept whole), so
    the merge runs again until every conflict has its choice.
    """
    problem = _unsettleable(root, repo_path)
    if problem:
        return SideSettled(MergeResult(None, errors=[problem]))
    choices: dict[str, Choice] = {}
    while True:
        result = settle_git_conflict(root, repo_path, choices)
        new = [c.where for c in result.conflicts if c.where not in choices]
        if result.clean or not new:
            return SideSettled(result, list(choices))
        choices.update(dict.fromkeys(new, side))


def _unsettleable(root: Path, repo_path: str) -> str | None:
    """Why the file must be settled by hand: a side deleted it, or a person already began."""
    _, ours, theirs = conflict_versions(root, repo_path)
    if not ours or not theirs:
        return (
            f"it was deleted on one side: `git rm {repo_path}` deletes it, "
            f"`git add {repo_path}` keeps it"
        )
    text = (repository_root(root) / repo_path).read_text("utf-8", "replace")
    if not _MARKER.search(text):
        return (
            "it has no conflict markers left, so someone has edited it since the merge: "
            f"`git add {repo_path}` if it is settled, or `git checkout -m {repo_path}` "
            "to start again (that discards those edits)"
        )
    return None


_MARKER = re.compile(r"^(<{7}|>{7})( |$)", re.MULTILINE)
