"""The merge driver's file work: read three versions, merge them, write the result over OURS.

Git hands the driver three temporary files (`%O %A %B`) and the file's path in
the repository (`%P`); whatever is in `%A` when the driver exits is the
result, clean (exit 0) or conflicted (exit 1).
"""

from dataclasses import dataclass
from pathlib import Path

from summit.store.atomic import write_atomic
from summit.store.merge import MergeResult, conflict_text, merge_texts, model_for
from summit.store.parsing import decode
from summit.store.problems import DataError
from summit.store.reading import read_data_file


@dataclass
class FileMerge:
    result: MergeResult
    written: bool
    """Whether OURS was replaced (by the merge, or by the file with conflict markers)."""


def merge_file(base: Path, ours: Path, theirs: Path, shown: str) -> FileMerge:
    """Merge `theirs` into `ours` against `base`; `shown` is the file's path in the repository.

    Clean: OURS holds the merged text. Conflict: OURS holds both versions of
    each conflicting passage between markers (see `conflict_text`), so nothing
    is lost. OURS is replaced atomically, or left as it was when even that
    cannot be written (an input that is not UTF-8 text).
    """
    model = model_for(shown)
    if model is None:
        message = "is not a summit data file (invitees.toml or agendas/*.toml); not merged"
        return FileMerge(MergeResult(None, errors=[message]), written=False)
    path = Path(shown)
    try:
        texts = [decode(path, read_data_file(side)) for side in (base, ours, theirs)]
    except DataError as error:
        return FileMerge(MergeResult(None, errors=[error.problems[0].message]), written=False)
    base_text, ours_text, theirs_text = texts
    result = merge_texts(base_text, ours_text, theirs_text, model=model, path=path)
    text = result.text
    if text is None and not (ours_text.strip() and theirs_text.strip()):
        text = whole_versions(ours_text, theirs_text, result)
    if text is None:
        text = conflict_text(
            base_text, ours_text, theirs_text, model=model, path=path, result=result
        )
    if text != ours_text:
        write_atomic(ours, text.encode("utf-8"))
    return FileMerge(result, written=True)


def whole_versions(ours_text: str, theirs_text: str, result: MergeResult) -> str:
    """Both whole texts between one pair of markers (one side emptied the file).

    A passage-by-passage conflict against an empty side would keep only the
    conflicting passages in the working file; this keeps all of ours and all
    of theirs, as the README promises when a merge cannot be made.
    """
    newline = "\r\n" if "\r\n" in ours_text + theirs_text else "\n"
    reasons = [c.describe() for c in result.conflicts] + result.errors
    label = "; ".join(reasons) or "one version is empty"
    ours, theirs = (
        t + newline if t and not t.endswith("\n") else t for t in (ours_text, theirs_text)
    )
    return f"<<<<<<< ours: {label}{newline}{ours}======={newline}{theirs}>>>>>>> theirs{newline}"
