"""Three versions of a file's text merged: the merged data written into ours' text.

Ours' comments and layout stay (and theirs' comments join them), and a merge
that would not read back exactly is never returned.
"""

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import tomli
from pydantic import ValidationError

from summit.model.base import Record
from summit.store.borrow import TheirsText
from summit.store.comment_merge import merge_comments
from summit.store.editing import edited_text_and_layout
from summit.store.gc_pause import paused_gc
from summit.store.merge.item_lists import pair_items
from summit.store.merge.records import merge_data
from summit.store.merge.results import MergeResult
from summit.store.parsing import check_conflict_markers, parse
from summit.store.problems import Choice, DataError


def read_side(path: Path, text: str) -> dict[str, Any]:
    check_conflict_markers(path, text)
    return parse(path, text)


def merge_texts(
    base_text: str,
    ours_text: str,
    theirs_text: str,
    *,
    model: type[Record],
    path: Path,
    choices: Mapping[str, Choice] | None = None,
) -> MergeResult:
    """Merge three versions of one data file (an empty base: both sides added it).

    Clean: `text` is ours' text with the merged data written in place, read back
    and validated. Otherwise `text` is None and the conflicts (and errors) say
    why; `conflict_text` then gives a file holding both versions.
    """
    with paused_gc():
        return _merged(base_text, ours_text, theirs_text, model=model, path=path, choices=choices)


def _merged(
    base_text: str,
    ours_text: str,
    theirs_text: str,
    *,
    model: type[Record],
    path: Path,
    choices: Mapping[str, Choice] | None,
) -> MergeResult:
    if base_text in (ours_text, theirs_text) or ours_text == theirs_text:
        # One side changed nothing: the other's text is the merge, comments and all.
        return _checked_as_is(theirs_text if base_text == ours_text else ours_text, model, path)
    try:
        base = base_data(path, base_text)
        ours, theirs = read_side(path, ours_text), read_side(path, theirs_text)
        merged, conflicts, notes = merge_data(base, ours, theirs, model, choices=choices)
    except DataError as error:
        return MergeResult(None, errors=[_side_problem(error)])
    except ValidationError as error:
        return MergeResult(None, errors=[_invalid(error)])
    except (TypeError, AttributeError, ValueError) as error:
        return MergeResult(None, errors=[f"the versions could not be merged: {error}"])
    unsettled = [c for c in conflicts if c.where not in (choices or {})]
    if unsettled:
        return MergeResult(None, unsettled, notes=notes)
    if base and theirs == base:
        # Theirs changed only comments or layout (someone tidied the file in an editor):
        # our data changes go into their text, so their comments are not lost.
        result = _written(theirs_text, theirs, merged, model=model, path=path)
    else:
        borrow = TheirsText(base_text, theirs_text)
        result = _written(ours_text, ours, merged, model=model, path=path, borrow=borrow)
    if result.text is not None:
        texts = (base_text if base else "", ours_text, theirs_text)
        result.text = with_comments(result.text, texts, (base, ours, theirs, merged))
    result.notes = notes
    return result


def with_comments(text: str, texts: tuple[str, str, str], data: tuple[dict[str, Any], ...]) -> str:
    """The merged text with both sides' comments and blank lines (`comment_merge` says how)."""
    base, ours, theirs, merged = data
    return merge_comments(
        text, texts, (base, ours, theirs, merged), pair_items, reads_back_as(merged)
    )


def base_data(path: Path, text: str) -> dict[str, Any]:
    """The common ancestor's data; none when both sides added the file or it does not read.

    Git passes an empty base when both sides added the file, and a base with
    conflict markers when it merged several common ancestors first. Merging
    against no base is still safe: whatever the sides have differently is a
    conflict.
    """
    try:
        return read_side(path, text) if text.strip() else {}
    except DataError:
        return {}


def _side_problem(error: DataError) -> str:
    problem = error.problems[0]
    return f"one version cannot be read (line {problem.line}): {problem.message}"


def _checked_as_is(text: str, model: type[Record], path: Path) -> MergeResult:
    try:
        record = model.model_validate(read_side(path, text))
    except DataError as error:
        return MergeResult(None, errors=[_side_problem(error)])
    except ValidationError as error:
        return MergeResult(None, errors=[_invalid(error)])
    return MergeResult(text, record=record)


def _invalid(error: ValidationError) -> str:
    first = error.errors()[0]
    where = ".".join(str(part) for part in first["loc"]) or "the file"
    return f"the merged version is not valid: {where}: {first['msg']}"


def _written(
    ours_text: str,
    ours: dict[str, Any],
    merged: dict[str, Any],
    *,
    model: type[Record],
    path: Path,
    borrow: TheirsText | None = None,
) -> MergeResult:
    """The merged data written into ours' text, if it is a valid record that reads back.

    Written first, validated after: the text's layout (a big register's every line)
    is let go before the record is built, so the two never take memory together.
    Validity is still said first when neither works.
    """
    try:
        # `ours` is what `ours_text` parses to, exactly: an edit inside tables is then
        # read back from those tables alone, not by parsing the whole merged file again.
        text: str | None = edited_text_and_layout(
            path, ours_text, ours, merged, reads_back_as(merged), borrow=borrow, exact=True
        )[0]
        unwritten = None
    except DataError as error:
        text, unwritten = None, error.problems[0].message
    try:
        record = model.model_validate(merged)
    except ValidationError as error:
        return MergeResult(None, errors=[_invalid(error)])
    if unwritten is not None:
        return MergeResult(None, errors=[unwritten])
    return MergeResult(text, record=record)


def reads_back_as(data: dict[str, Any]) -> Callable[[str], bool]:
    def check(text: str) -> bool:
        try:
            return tomli.loads(text) == data
        except tomli.TOMLDecodeError:
            return False

    return check
