"""The plan of one in-place edit: which sections of the text change, and their new lines.

Only the tables that change are parsed with tomlkit; new tables are rendered
and inserted beside their siblings, removed ones are cut out with the comments
written just above them. What this cannot express raises PatchError.
"""

from bisect import bisect_left
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any, Protocol

import tomlkit
from tomlkit.container import Container
from tomlkit.items import Item

from summit.store.borrow import body_end
from summit.store.diff import DELETE, Edit, is_table_list
from summit.store.layout import KeyPath, Layout, Section
from summit.store.rendering import render_table, toml_item
from summit.store.section_text import emptied, ensure_newline, split_detached, take_heading


class PatchError(Exception):
    """This edit cannot be made in place; use the whole-file path."""


_SCANS_BEFORE_INDEX = 4


def descend(container: Any, path: KeyPath) -> Any:
    for part in path:
        container = container[part]
    return container


def _descend_header(doc: Any, path: KeyPath) -> Any:
    """The table a section fragment defines; its array-of-tables index is always 0."""
    container = doc
    for part in path:
        if isinstance(part, int):
            if isinstance(container, list):
                container = container[0]
        else:
            container = container[part]
    return container


def apply_value(container: Container | Item, relative: KeyPath, value: Any) -> None:
    parent = descend(container, relative[:-1])
    key = relative[-1]
    if value is DELETE:
        del parent[key]
    else:
        parent[key] = toml_item(value)


class Borrow(Protocol):
    """Text to use for a table instead of rendering it (a merge's theirs, with its comments)."""

    def table(self, path: KeyPath, value: Any) -> str | None: ...

    def section(self, path: KeyPath, value: Any, current: str) -> str | None: ...


@dataclass
class Plan:
    layout: Layout
    old: dict[str, Any]
    new: dict[str, Any]
    fragment_edits: dict[int, list[tuple[KeyPath, Any]]] = field(default_factory=dict)
    removed: set[int] = field(default_factory=set)
    replaced: dict[int, tuple[int, str]] = field(default_factory=dict)
    """First section index of a rebuilt region -> (last index, new text)."""
    inserts: dict[int, list[str]] = field(default_factory=dict)
    """Section index (or len(sections) for the end) -> blocks to put before it."""
    borrow: "Borrow | None" = None
    """Where a merge finds theirs' text of tables (see summit/store/borrow.py)."""
    rendered: dict[int, str] = field(default_factory=dict)
    """The new text of each section edited in place, once rendered."""
    keep_emptied: bool = False
    """Keep the [header] of a table the edit emptied: some models tell an empty
    table (`personal` with nothing in it) from none."""

    @property
    def sections(self) -> list[Section]:
        return self.layout.sections

    _lookups: int = 0
    _by_prefix: dict[KeyPath, list[int]] | None = None
    """Section indexes by every prefix of their path; built once lookups add up."""
    _first: dict[KeyPath, int] | None = None

    def _index(self) -> tuple[dict[KeyPath, list[int]], dict[KeyPath, int]] | None:
        # A merge edits hundreds of records of a register of thousands of sections:
        # a scan of every section per edit would be quadratic. One save of one field
        # makes a lookup or two, for which building the index costs more than scanning.
        self._lookups += 1
        if self._lookups <= _SCANS_BEFORE_INDEX:
            return None
        if self._by_prefix is None or self._first is None:
            self._by_prefix, self._first = {}, {}
            for index, section in enumerate(self.sections):
                self._first.setdefault(section.path, index)
                if section.path:
                    for size in range(len(section.path) + 1):
                        self._by_prefix.setdefault(section.path[:size], []).append(index)
        return self._by_prefix, self._first

    def under(self, path: KeyPath) -> list[int]:
        index = self._index()
        if index is not None:
            return list(index[0].get(path, ()))
        size = len(path)  # compared inline: a register has tens of thousands of sections
        return [i for i, s in enumerate(self.sections) if s.path and s.path[:size] == path]

    def owner(self, path: KeyPath) -> int:
        """The section whose table holds `path`: the one with the longest proper prefix of it."""
        index = self._index()
        if index is None:
            best, best_length = 0, -1
            longest = len(path)
            for number, section in enumerate(self.sections):
                size = len(section.path)
                if best_length < size < longest and path[:size] == section.path:
                    best, best_length = number, size
            return best
        for size in range(len(path) - 1, -1, -1):
            found = index[1].get(path[:size])
            if found is not None:
                return found
        return 0

    def table_like(self, path: KeyPath) -> bool:
        """Whether new tables under `path` are written as [sections] rather than inline.

        True for the root, for tables written as sections (or implied by them),
        and for tables not written at all (an empty default); false inside a
        value written inline, such as `rsvp = { a = "accepted" }`.
        """
        return not any(path[:size] in self.layout.assigned for size in range(1, len(path) + 1))

    def add(self, edit: Edit) -> None:
        path, value = edit.path, edit.value
        sections_here = self.under(path)
        if value is DELETE:
            if sections_here:
                self.removed.update(sections_here)
            if not sections_here or path in self.layout.assigned:
                self.in_fragment(path, value)
        elif edit.is_new and self.table_like(path[:-1]) and self._is_table(value):
            self.insert_table(path, value)
        elif is_table_list(value) and sections_here:
            self.rebuild_array(path, value)
        elif value == [] and sections_here:
            self.removed.update(sections_here)
        elif sections_here:
            raise PatchError(f"{path} changes between a table and a value")
        else:
            self.in_fragment(path, value)

    @staticmethod
    def _is_table(value: Any) -> bool:
        return isinstance(value, dict) or is_table_list(value)

    def in_fragment(self, path: KeyPath, value: Any) -> None:
        index = self.owner(path)
        table = self.sections[index].path
        if (
            value is DELETE
            and table
            and not self.keep_emptied
            and emptied(self.old, self.new, table)
        ):
            self.removed.add(index)  # a bare [header] left by the edit says nothing
        if index in self.removed:
            return
        relative = path[len(self.sections[index].path) :]
        self.fragment_edits.setdefault(index, []).append((relative, value))

    def insert_table(self, path: KeyPath, value: Any) -> None:
        borrowed = self.borrow.table(path, value) if self.borrow is not None else None
        if borrowed is not None:
            text = borrowed
        elif isinstance(value, dict):
            text = render_table(path, value)
        else:
            text = "\n".join(render_table(path, item, array=True) for item in value)
        self.inserts.setdefault(self.insertion_point(path), []).append(text)

    def insertion_point(self, path: KeyPath) -> int:
        parent = path[:-1]
        while parent:
            family = self.under(parent)
            if family:
                return family[-1] + 1
            parent = parent[:-1]
        order = list(self.new)
        rank = order.index(path[0]) if path[0] in order else len(order)
        for index, section in enumerate(self.sections):
            top = section.path[0] if section.path else None
            if top in order and order.index(str(top)) > rank:
                return index
        return len(self.sections)

    def rebuild_array(self, path: KeyPath, items: list[dict[str, Any]]) -> None:
        """Rewrite an array of tables whose items moved, came or went.

        Items that are unchanged keep their text, comments included; a comment
        heading after an item (blank line, comment) stays with it, and the one
        after the last item stays at the end, before whatever follows.
        """
        before = descend(self.old, path)
        blocks = [self._item_block(path, i) for i in range(len(before))]
        for (_, end), (start, _) in pairwise(blocks):
            if end != start:
                raise PatchError(f"the tables of {path} are not written together")
        texts = [split_detached(self._lines_between(a, b)) for a, b in blocks]
        last = len(texts) - 1
        unused = list(range(len(before)))
        parts = []
        for item in items:
            match = next((j for j in unused if before[j] == item), None)
            if match is None:
                parts.append(render_table(path, item, array=True))
                continue
            unused.remove(match)
            body, heading = texts[match]
            parts.append(body if match == last or not heading else f"{body}\n{heading}")
        parts.extend(texts[j][1] for j in unused if j != last and texts[j][1])
        if texts[last][1]:
            parts.append(texts[last][1])
        ending = "".join(self._lines_between(*blocks[-1]))
        trailing = ending[len(ending.rstrip("\n")) :]
        text = "\n".join(part.rstrip("\n") + "\n" for part in parts)
        self.replaced[blocks[0][0]] = (blocks[-1][1] - 1, text.rstrip("\n") + trailing)

    def _lines_between(self, first: int, end: int) -> list[str]:
        """The lines of sections first..end-1."""
        lines = self.layout.lines
        stop = self.sections[end].start if end < len(self.sections) else len(lines)
        return lines[self.sections[first].start : stop]

    def _item_block(self, path: KeyPath, index: int) -> tuple[int, int]:
        item_path = (*path, index)
        family = self.under(item_path)
        if not family or self.sections[family[0]].path != item_path:
            raise PatchError(f"{item_path} is not written as [[table]] sections")
        if family != list(range(family[0], family[-1] + 1)):
            raise PatchError(f"the sub-tables of {item_path} are not together")
        return family[0], family[-1] + 1

    def fragment(self, index: int) -> str:
        section = self.sections[index]
        edits = self.fragment_edits.get(index)
        if not edits:
            return "".join(self.layout.lines[section.start : section.end])
        borrowed = self._borrowed_section(index)
        if borrowed is not None:
            return borrowed
        # Edit the table without the blank lines and stand-alone comments that end it
        # (a heading for what follows): a new key goes under the table's last key,
        # not under the next heading.
        lines = self.layout.lines
        end = body_end(lines, section.start, section.end)
        doc = tomlkit.parse("".join(lines[section.start : end]))
        table = _descend_header(doc, section.path)
        for relative, value in edits:
            apply_value(table, relative, value)
        return ensure_newline(tomlkit.dumps(doc)) + "".join(lines[end : section.end])

    def _borrowed_section(self, index: int) -> str | None:
        """Another text of this section (a merge's theirs), with this text's tail kept."""
        section = self.sections[index]
        if self.borrow is None or not section.path or section.is_array:
            return None
        try:
            value = descend(self.new, section.path)
        except (KeyError, IndexError, TypeError):
            return None
        lines = self.layout.lines
        end = body_end(lines, section.start, section.end)
        borrowed = self.borrow.section(section.path, value, "".join(lines[section.start : end]))
        if borrowed is None:
            return None
        tail = lines[end : section.end]
        headings = {line.strip() for line in tail if line.strip()}
        if any(line.strip() in headings for line in borrowed.splitlines()):
            return None  # theirs moved our heading into the table: keep it once, where it was
        return ensure_newline(borrowed) + "".join(tail)

    def detached_comments(self, index: int) -> str:
        """Comments that end a removed section but stand apart from it: they outlive it."""
        section = self.sections[index]
        return split_detached(self.layout.lines[section.start : section.end])[1]

    def render(self) -> str:
        out: list[str] = []
        index = 0
        touched = sorted({*self.replaced, *self.removed, *self.fragment_edits, *self.inserts})
        while index < len(self.sections):
            plain = self._plain_run(index, touched)
            if plain > index:
                # Untouched sections are copied as one slice: a register has thousands.
                lines = self.layout.lines
                out.append(
                    "".join(lines[self.sections[index].start : self.sections[plain - 1].end])
                )
                index = plain
                continue
            self._emit_inserts(out, index)
            if index in self.replaced:
                last, text = self.replaced[index]
                out.append(text)
                index = last + 1
                continue
            if index in self.removed:
                out.append(self.detached_comments(index))
            else:
                self.rendered[index] = self.fragment(index)
                out.append(self.rendered[index])
            index += 1
        self._emit_inserts(out, len(self.sections))
        text = "".join(out)
        lines = self.layout.lines
        if self.removed and text.endswith("\n\n") and (not lines or lines[-1].strip()):
            # The last tables went: the blank line that led into them goes with them.
            text = text.rstrip("\n") + "\n"
        return text

    def _plain_run(self, index: int, touched: list[int]) -> int:
        """The end of the run of sections from `index` that this plan leaves as they are.

        `touched` is every section index the plan changes, in order.
        """
        following = bisect_left(touched, index)
        return touched[following] if following < len(touched) else len(self.sections)

    def _emit_inserts(self, out: list[str], index: int) -> None:
        blocks = self.inserts.get(index, [])
        # New tables go beside their kind, before the heading of what follows.
        heading = take_heading(out) if blocks and 0 < index < len(self.sections) else ""
        for block in blocks:
            so_far = "".join(out[-2:])
            if so_far and not so_far.endswith("\n"):
                out.append("\n")
                so_far += "\n"
            if so_far and not so_far.endswith("\n\n"):
                out.append("\n")
            out.append(ensure_newline(block))
            if index < len(self.sections):
                out.append("\n")
        out.append(heading)
