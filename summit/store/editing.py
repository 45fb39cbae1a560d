"""The one writer every save and merge goes through: data changed in a file's text, checked."""

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from summit.store.problems import DataError, Problem

if TYPE_CHECKING:
    from summit.store.layout import Layout
    from summit.store.patch_plan import Borrow


def edited_text(
    path: Path,
    text: str,
    old: dict[str, Any],
    new: dict[str, Any],
    reads_back: Callable[[str], bool],
    *,
    borrow: "Borrow | None" = None,
) -> str:
    """`text` with `old`'s data changed to `new`'s: in place, else by a whole-file edit.

    The one writer every save and merge goes through: a result is returned only
    when `reads_back` accepts it, so nothing is ever written that loses data.
    """
    return edited_text_and_layout(path, text, old, new, reads_back, borrow=borrow)[0]


def edited_text_and_layout(
    path: Path,
    text: str,
    old: dict[str, Any],
    new: dict[str, Any],
    reads_back: Callable[[str], bool],
    *,
    borrow: "Borrow | None" = None,
    layout: "Layout | None" = None,
    exact: bool = False,
) -> tuple[str, "Layout | None", bool]:
    """`edited_text`, given `text`'s layout if known, with the result's layout if it follows.

    `exact` says that `text` parses to exactly `old`: then an edit made inside
    tables is read back from those tables alone (`reads_back_locally`), which
    spares parsing a large file whole. The third value says whether the result
    is known to parse to exactly `new`.
    """
    from summit.store.patch import (  # noqa: PLC0415 - write path
        Patched,
        patch_and_layout,
        reads_back_locally,
        rewrite,
    )
    from summit.store.patch_plan import PatchError  # noqa: PLC0415 - write path

    newline = "\r\n" if "\r\n" in text else "\n"

    def in_place(text: str, old: dict[str, Any], new: dict[str, Any]) -> Patched:
        return patch_and_layout(text, old, new, borrow, layout)

    def in_place_keeping_headers(text: str, old: dict[str, Any], new: dict[str, Any]) -> Patched:
        # Tried before the whole-file edit, which loses the comments after a removed
        # table (tomlkit holds them inside it).
        return patch_and_layout(text, old, new, borrow, layout, keep_emptied=True)

    def whole(text: str, old: dict[str, Any], new: dict[str, Any]) -> Patched:
        return Patched(rewrite(text, old, new), None, None, [])

    for edit_text in (in_place, in_place_keeping_headers, whole):
        try:
            patched = edit_text(text, old, new)
        except (PatchError, KeyError, IndexError, ValueError, TypeError):
            continue
        candidate, after = patched.text, patched.layout
        if newline != "\n":
            candidate = candidate.replace("\r\n", "\n").replace("\n", newline)
            after = None  # its lines end differently
        elif exact and reads_back_locally(patched, old, new):
            return candidate, after, True
        if reads_back(candidate):
            return candidate, after, False
    raise DataError(
        [
            Problem(
                path,
                1,
                1,
                "could not write this change without losing data; the file was left as it was",
            )
        ]
    )
