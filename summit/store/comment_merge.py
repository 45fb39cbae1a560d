"""Comments and blank lines through a three-way merge: each side's survive, once, in place.

The record merge writes merged data into one side's text, so whatever the
other side wrote by hand (a comment above an agenda item, `# SoS asked for
20` after a value) would be lost. Here every text is seen as statements (a
table header, or a `key = value`) separated by gaps (blank and comment
lines), each gap belonging to the statement under it, and each statement
having at most one trailing comment. A statement is named by its full key
path, list items by the merged item they are (not by position), so a
comment never moves into another table that happens to have a key of the
same name.

Each gap and trailing comment of the merged text is then merged three-way
like a field: the side that changed it wins, and when both changed it the
lines both added are kept. A comment a side added to a statement that is
gone from the merge (the other side deleted it) moves to the next statement
that is still there, so it is never lost; only a side's own deletions lose
comments. Nothing but gaps and trailing comments changes, and the result is
read back before it is returned.
"""

from collections import Counter
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from typing import Any

from summit.store.layout import LayoutError
from summit.store.statements import (
    END,
    MISSING,
    Anchor,
    Gap,
    ItemMaps,
    Statements,
    read_statements,
)

Pairing = Callable[[str, list[Any], list[Any]], dict[int, int] | None]
"""Which item of one list (by index) is which of another; None for a list that is not items."""


# ── merging gaps and trailing comments ────────────────────────────────────


def _merge_gap(base: Gap | None, ours: Gap | None, theirs: Gap | None) -> Gap | None:
    """A gap merged three-way; None where no version has an opinion."""
    ours = base if ours is None else ours
    theirs = base if theirs is None else theirs
    if ours is None or theirs is None:
        return ours if theirs is None else theirs
    if theirs in (ours, base):
        return ours
    if ours == base:
        return theirs
    # Both changed it: what stands apart (up to the last blank line) and the comment
    # written right above the statement are merged each on its own, so each stays put.
    parts = [_parts(gap) for gap in (base or (), ours, theirs)]
    apart, above = (_merge_lines(*(p[n] for p in parts)) for n in (0, 1))
    return (*apart, *above)


def _parts(gap: Gap) -> tuple[Gap, Gap]:
    cut = len(gap)
    while cut and gap[cut - 1].strip():
        cut -= 1
    return gap[:cut], gap[cut:]


def _merge_lines(base: Gap, ours: Gap, theirs: Gap) -> Gap:
    """Lines merged three-way: ours', less what theirs removed, then what theirs added."""
    if theirs in (ours, base):
        return ours
    if ours == base:
        return theirs
    removed_by_theirs = [line for line in base if line.strip() and line not in theirs]
    added_by_theirs = [line for line in theirs if line not in base and line not in ours]
    kept = [line for line in ours if line not in removed_by_theirs]
    # Theirs' additions go after ours' lines and before the blank lines that close them.
    cut = len(kept)
    while cut and not kept[cut - 1].strip():
        cut -= 1
    return (*kept[:cut], *added_by_theirs, *kept[cut:])


def _merge_trailing(base: Any, ours: Any, theirs: Any) -> Any:
    ours = base if ours is MISSING else ours
    theirs = base if theirs is MISSING else theirs
    if ours is MISSING or theirs is MISSING:
        return ours if theirs is MISSING else theirs
    if theirs in (ours, base):
        return ours
    if ours == base or ours is None:
        return theirs
    if theirs is None:
        return ours  # theirs removed the comment ours changed: ours' edit is kept
    return f"{ours}  {theirs.lstrip()}"


@dataclass
class _Versions:
    base: Statements
    ours: Statements
    theirs: Statements
    merged: Statements
    expected: Counter[str] = field(default_factory=Counter)
    """How often each comment line should be in the result: ours' + theirs' - base's."""

    def __post_init__(self) -> None:
        ours, theirs, base = (_comment_count(v) for v in (self.ours, self.theirs, self.base))
        self.expected = Counter(
            {line: ours[line] + theirs[line] - base[line] for line in ours | theirs}
        )
        fresh = (
            a
            for a in self.merged.order
            if all(a not in v.gaps for v in (self.base, self.ours, self.theirs))
        )
        self.expected.update(line for a in fresh for line in self.merged.gaps[a] if line.strip())

    def carry_orphans(self) -> None:
        """Comments a side added to a statement the merge no longer has move to the next one."""
        for side in (self.ours, self.theirs):
            carried: list[str] = []
            for anchor in side.order:
                gap = side.gaps[anchor]
                if anchor not in self.merged.gaps:
                    carried += self._added(side, anchor)
                elif carried:
                    cut = next((i for i, line in enumerate(gap) if line.strip()), len(gap))
                    side.gaps[anchor] = (*gap[:cut], *carried, *gap[cut:])
                    carried = []

    def _added(self, side: Statements, anchor: Anchor) -> list[str]:
        base_gap = self.base.gaps.get(anchor, ())
        lines = [line for line in side.gaps[anchor] if line.strip() and line not in base_gap]
        comment = side.trailing.get(anchor, MISSING)
        if isinstance(comment, str) and comment != self.base.trailing.get(anchor, MISSING):
            lines.append(comment.strip())  # now a line of its own, so one more is expected
            self.expected[comment.strip()] += 1
        return lines

    def final_gaps(self) -> dict[Anchor, Gap]:
        """Every gap of the merge, merged; a comment both sides moved (as a banner above a
        deleted item) is kept once, where ours put it."""
        finals = {anchor: self.gap(anchor) for anchor in self.merged.order}
        surplus = Counter(line for gap in finals.values() for line in gap if line.strip())
        surplus.subtract(self.expected)
        if max(surplus.values(), default=0) <= 0:
            return finals
        # Gaps that are not ours' as they were first: that is where a moved copy came from.
        for anchor in sorted(finals, key=lambda a: finals[a] == self.ours.gaps.get(a)):
            gap = [line for line in finals[anchor] if not _take(surplus, line)]
            if len(gap) < len(finals[anchor]):
                finals[anchor] = _tidied(tuple(gap), self.ours.gaps.get(anchor))
        return finals

    def gap(self, anchor: Anchor) -> Gap:
        merged = _merge_gap(*(v.gaps.get(anchor) for v in (self.base, self.ours, self.theirs)))
        return self.merged.gaps[anchor] if merged is None else merged

    def trailing(self, anchor: Anchor) -> Any:
        sides = (self.base, self.ours, self.theirs)
        merged = _merge_trailing(*(v.trailing.get(anchor, MISSING) for v in sides))
        return self.merged.trailing[anchor] if merged is MISSING else merged


def _comment_count(text: Statements) -> Counter[str]:
    return Counter(line for gap in text.gaps.values() for line in gap if line.strip())


def _take(surplus: Counter[str], line: str) -> bool:
    """Whether `line` is one too many (and is now counted as taken out)."""
    if surplus[line] <= 0:
        return False
    surplus[line] -= 1
    return True


def _tidied(gap: Gap, ours: Gap | None) -> Gap:
    """A gap a comment was taken from: ours' if it now says the same, else one blank per run."""
    if ours is not None and [x for x in gap if x.strip()] == [x for x in ours if x.strip()]:
        return ours
    return tuple(line for i, line in enumerate(gap) if line.strip() or i == 0 or gap[i - 1].strip())


def merge_comments(
    merged_text: str,
    texts: tuple[str, str, str],
    data: tuple[dict[str, Any], dict[str, Any], dict[str, Any], dict[str, Any]],
    pair: Pairing,
    reads_back: Callable[[str], bool],
) -> str:
    """`merged_text` with the comments and blank lines of base, ours and theirs merged in.

    `texts` are base, ours and theirs; `data` their data and the merged data,
    whose list items `pair` tells apart. The merged text is returned unchanged
    when nothing needs to change, or when the result would not read back as it.
    """
    theirs_as_base = _same_comments(texts[0], texts[2])
    ours_as_merged = _same_comments(texts[1], merged_text)
    if theirs_as_base and ours_as_merged:
        return merged_text  # theirs touched no comment and the merge kept all of ours'
    maps = item_identities(data, pair)
    try:
        base, merged = read_statements(texts[0], maps[0]), read_statements(merged_text, maps[3])
        # A side whose comments are another version's is read as that one: a large file
        # is then walked three times, not four.
        ours = merged if ours_as_merged else read_statements(texts[1], maps[1])
        theirs = base if theirs_as_base else read_statements(texts[2], maps[2])
        versions = _Versions(base, ours, theirs, merged)
    except (LayoutError, IndexError):
        return merged_text
    versions.carry_orphans()
    text = _rebuilt(versions, merged_text)
    if text == merged_text or not reads_back(text):
        return merged_text
    return text


def _same_comments(a: str, b: str) -> bool:
    """Whether two texts have the same lines that may hold a comment, in order.

    A cheap test that spares reading large files when no comment changed; a
    value holding `#` only makes it answer no, which costs time, not comments.
    """
    return _comment_lines(a) == _comment_lines(b)


def _comment_lines(text: str) -> list[str]:
    # Blank lines are left out: a table added or removed changes them, and the writer
    # lays those out as the file already does. Found from each `#` rather than by
    # splitting the text into lines: a register has a few comments in 200,000 lines.
    lines: list[str] = []
    at = text.find("#")
    while at >= 0:
        end = text.find("\n", at)
        end = len(text) if end < 0 else end
        lines.append(text[text.rfind("\n", 0, at) + 1 : end])
        at = text.find("#", end)
    return lines


def _rebuilt(versions: _Versions, merged_text: str) -> str:
    merged = versions.merged
    newline = "\r\n" if "\r\n" in merged_text else "\n"
    out: list[str] = []
    gaps = versions.final_gaps()
    for statement in merged.statements:
        out.extend(line + newline for line in gaps[statement.anchor])
        comment = versions.trailing(statement.anchor)
        if statement.content is None:
            out.extend(merged.lines[statement.first : statement.end])
        else:
            out.append(statement.content + (comment or "") + newline)
    out.extend(line + newline for line in gaps[END])
    text = "".join(out)
    if not merged_text.endswith("\n") and text.endswith(newline):
        text = text[: -len(newline)]
    return text


def item_identities(data: Sequence[dict[str, Any]], pair: Pairing) -> list[ItemMaps]:
    """Each version's list items named by the item they became in the merge (the last).

    An item the merge no longer has is named by the base item it was, so that
    base and a side agree on it; one that is in neither is its version's own.
    """
    base, merged = data[0], data[-1]
    result: list[ItemMaps] = []
    for tag, version in enumerate(data):
        maps: ItemMaps = {}
        for key, targets in merged.items():
            items = version.get(key, [])
            if not (isinstance(targets, list) and isinstance(items, list)):
                continue
            to_merged = pair(key, items, targets)
            if to_merged is None:
                continue
            to_base = pair(key, items, base.get(key) or []) if tag else None
            maps[key] = {i: _identity(i, tag, to_merged, to_base) for i in range(len(items))}
        result.append(maps)
    return result


def _identity(
    index: int, tag: int, to_merged: dict[int, int], to_base: dict[int, int] | None
) -> Hashable:
    if index in to_merged:
        return to_merged[index]
    if to_base is None:
        return ("base", index)
    return ("base", to_base[index]) if index in to_base else ("own", tag, index)
