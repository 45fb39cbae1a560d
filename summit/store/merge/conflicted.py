"""A conflicted file: both versions of each conflicting passage between git-style markers."""

from pathlib import Path

from summit.model.base import Record
from summit.store.editing import edited_text
from summit.store.gc_pause import paused_gc
from summit.store.layout import LayoutError, scan
from summit.store.merge.line_diff import line_diff
from summit.store.merge.records import merge_data
from summit.store.merge.results import FieldConflict, MergeResult
from summit.store.merge.texts import base_data, read_side, reads_back_as, with_comments
from summit.store.problems import DataError, Side


def conflict_text(
    base_text: str,
    ours_text: str,
    theirs_text: str,
    *,
    model: type[Record],
    path: Path,
    result: MergeResult,
) -> str:
    """Ours' text with both versions of each conflicting passage between git-style markers.

    Everything that merged cleanly is merged; at each conflict the passage as
    ours would have it and as theirs would have it stand between `<<<<<<<`,
    `=======` and `>>>>>>>` lines, the first naming the conflict. When the
    sides cannot be written that way (an input does not read), the whole
    texts are marked instead. Either way both versions' values are in the file.
    """
    if result.conflicts:
        with paused_gc():
            sides = _both_choices(base_text, ours_text, theirs_text, model, path)
        if sides is not None:
            return _marked(*sides, result.conflicts)
    message = "; ".join(result.errors) or "the two versions could not be merged"
    return _marked((ours_text, []), (theirs_text, []), [], default=message)


def _both_choices(
    base_text: str, ours_text: str, theirs_text: str, model: type[Record], path: Path
) -> tuple[tuple[str, list[FieldConflict]], tuple[str, list[FieldConflict]]] | None:
    """The merge written twice: every conflict settled ours' way, then theirs' way."""
    try:
        base = base_data(path, base_text)
        ours, theirs = read_side(path, ours_text), read_side(path, theirs_text)
    except DataError:
        return None
    written = []
    sides: tuple[Side, Side] = ("ours", "theirs")
    texts = (base_text if base else "", ours_text, theirs_text)
    for prefer in sides:
        try:
            merged, conflicts, _ = merge_data(base, ours, theirs, model, prefer=prefer)
            text = edited_text(path, ours_text, ours, merged, reads_back_as(merged))
        except (DataError, TypeError, AttributeError, ValueError):
            return None
        text = with_comments(text, texts, (base, ours, theirs, merged))
        written.append((text, conflicts))
    return written[0], written[1]


def _lines_of(text: str, conflicts: list[FieldConflict]) -> dict[str, int]:
    """Where each conflict's field is written in one side's text, by its description."""
    try:
        layout = scan(text)
    except LayoutError:
        return {}
    return {c.describe(): layout.locate(c.path)[0] for c in conflicts if c.path}


def _marked(
    ours: tuple[str, list[FieldConflict]],
    theirs: tuple[str, list[FieldConflict]],
    conflicts: list[FieldConflict],
    *,
    default: str = "",
) -> str:
    """Two texts as one: equal lines once, differing runs between conflict markers."""
    a, b = ours[0].splitlines(keepends=True), theirs[0].splitlines(keepends=True)
    newline = "\r\n" if "\r\n" in ours[0] else "\n"
    a_lines, b_lines = _lines_of(ours[0], ours[1]), _lines_of(theirs[0], theirs[1])
    out: list[str] = []
    unlabelled = list(conflicts)
    for tag, a1, a2, b1, b2 in line_diff(a, b):
        if tag == "equal":
            out.extend(a[a1:a2])
            continue
        here = [
            c
            for c in unlabelled
            if _within(a_lines.get(c.describe()), a1, a2)
            or _within(b_lines.get(c.describe()), b1, b2)
        ]
        here = here or unlabelled[:1]
        unlabelled = [c for c in unlabelled if c not in here]
        label = "; ".join(c.describe() for c in here) or default or "two versions"
        out.append(f"<<<<<<< ours: {label}{newline}")
        out.extend(_ended(a[a1:a2], newline))
        out.append(f"======={newline}")
        out.extend(_ended(b[b1:b2], newline))
        out.append(f">>>>>>> theirs{newline}")
    return "".join(out)


def _within(line: int | None, start: int, end: int) -> bool:
    # A one-based line inside the zero-based run [start, end); an empty run takes the line after.
    return line is not None and start < line <= max(end, start + 1)


def _ended(lines: list[str], newline: str) -> list[str]:
    if lines and not lines[-1].endswith("\n"):
        return [*lines[:-1], lines[-1] + newline]
    return lines
