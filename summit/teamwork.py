"""Settling a file that a git merge or pull left conflicted, with the record-level merge.

git keeps the three versions of a conflicted file in its index; the same
merge the driver ran is run again with the user's choice for each field both
sides changed, the result written through storage, and the file marked as
resolved so that the user can commit.
"""

from pathlib import Path

from summit.gitrepo.command import repository_root
from summit.gitrepo.sync import conflict_versions, mark_resolved
from summit.store.atomic import write_atomic
from summit.store.document import decode
from summit.store.merge import MergeResult, merge_texts, model_for
from summit.store.problems import Choices, DataError


def settle_git_conflict(root: Path, repo_path: str, choices: Choices = None) -> MergeResult:
    """Merge the conflicted file's three versions; when clean, write it and mark it resolved."""
    path = repository_root(root) / repo_path
    model = model_for(repo_path)
    if model is None:
        return MergeResult(None, errors=[f"{repo_path} is not a summit data file"])
    try:
        base, ours, theirs = (decode(path, data) for data in conflict_versions(root, repo_path))
    except DataError as error:
        return MergeResult(None, errors=[error.problems[0].message])
    result = merge_texts(base, ours, theirs, model=model, path=path, choices=choices)
    if result.text is not None:
        write_atomic(path, result.text.encode("utf-8"))
        mark_resolved(root, repo_path)
    return result
