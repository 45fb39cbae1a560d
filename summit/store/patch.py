"""Edit a TOML text in place, touching only the lines a change needs.

A full style-preserving parse of a large register takes seconds, so edits are
applied section by section: only the tables that change are parsed with
tomlkit, new tables are rendered and inserted beside their siblings, and
removed ones are cut out with the comments written just above them. Whatever
this cannot express raises PatchError and the caller falls back to a whole-file
tomlkit edit; either way the result is re-read and checked before it is saved.
"""

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any, Protocol

import tomli
import tomlkit
from tomlkit.container import Container
from tomlkit.items import Item

from summit.store.borrow import body_end
from summit.store.diff import DELETE, Edit, diff, is_table_list
from summit.store.layout import KeyPath, Layout, LayoutError, Section, assigned_keys, scan
from summit.store.section_text import emptied, ensure_newline, split_detached, take_heading


class PatchError(Exception):
    """This edit cannot be made in place; use the whole-file path."""


def toml_item(value: Any) -> Any:
    """A tomlkit item for a value; text with line breaks stays readable over lines."""
    if isinstance(value, str) and "\n" in value:
        candidate = tomlkit.string(value, multiline=True)
        if tomli.loads(f"k = {candidate.as_string()}")["k"] == value:
            return candidate
    if isinstance(value, list):
        array = tomlkit.array()
        array.extend(toml_item(item) for item in value)
        return array
    return tomlkit.item(value)


def header_key(path: Sequence[str | int]) -> str:
    """A dotted key as TOML writes it, quoting only the parts that need it."""
    return ".".join(tomlkit.key(part).as_string() for part in path if isinstance(part, str))


def render_table(path: KeyPath, data: dict[str, Any], *, array: bool = False) -> str:
    """A new table (and its sub-tables) as TOML text, sub-tables as their own sections."""
    scalars = tomlkit.document()
    nested: list[str] = []
    for key, value in data.items():
        if isinstance(value, dict):
            nested.append(render_table((*path, key), value))
        elif is_table_list(value):
            nested.extend(render_table((*path, key), item, array=True) for item in value)
        else:
            scalars.add(key, toml_item(value))
    blocks = []
    if not path:  # the document itself: its values come first, with no header
        if len(scalars):
            blocks.append(tomlkit.dumps(scalars))
    elif array or len(scalars) or not nested:
        brackets = ("[[", "]]") if array else ("[", "]")
        blocks.append(f"{brackets[0]}{header_key(path)}{brackets[1]}\n{tomlkit.dumps(scalars)}")
    blocks.extend(nested)
    return "\n".join(blocks)


def render_document(data: dict[str, Any]) -> str:
    """A whole new file: top-level values first, then one section per table."""
    return render_table((), data)


_SCANS_BEFORE_INDEX = 4


def _within(path: KeyPath, prefix: KeyPath) -> bool:
    return path[: len(prefix)] == prefix


def _descend(container: Any, path: KeyPath) -> Any:
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


def _apply(container: Container | Item, relative: KeyPath, value: Any) -> None:
    parent = _descend(container, relative[:-1])
    key = relative[-1]
    if value is DELETE:
        del parent[key]
    else:
        parent[key] = toml_item(value)


@dataclass
class _Plan:
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
        return [i for i, s in enumerate(self.sections) if s.path and _within(s.path, path)]

    def owner(self, path: KeyPath) -> int:
        """The section whose table holds `path`: the one with the longest proper prefix of it."""
        index = self._index()
        if index is None:
            best, best_length = 0, -1
            for number, section in enumerate(self.sections):
                size = len(section.path)
                if size > best_length and size < len(path) and _within(path, section.path):
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
        if value is DELETE and table and emptied(self.old, self.new, table):
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
        before = _descend(self.old, path)
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
            _apply(table, relative, value)
        return ensure_newline(tomlkit.dumps(doc)) + "".join(lines[end : section.end])

    def _borrowed_section(self, index: int) -> str | None:
        """Another text of this section (a merge's theirs), with this text's tail kept."""
        section = self.sections[index]
        if self.borrow is None or not section.path or section.is_array:
            return None
        try:
            value = _descend(self.new, section.path)
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


class Borrow(Protocol):
    """Text to use for a table instead of rendering it (a merge's theirs, with its comments)."""

    def table(self, path: KeyPath, value: Any) -> str | None: ...

    def section(self, path: KeyPath, value: Any, current: str) -> str | None: ...


def patch(text: str, old: dict[str, Any], new: dict[str, Any], borrow: Borrow | None = None) -> str:
    """The text with old's data changed to new's, section by section."""
    return patch_and_layout(text, old, new, borrow).text


@dataclass
class Patched:
    """A patched text, with what is known of it without scanning or parsing it whole."""

    text: str
    layout: Layout | None
    """The text's layout, when it follows from the old one (see `patch_and_layout`)."""
    tables: list[tuple[KeyPath, str, str]] | None
    """When only lines inside tables changed: each such table's path, and its own
    lines (those after its header) before and after."""
    edits: list[Edit]


def patch_and_layout(
    text: str,
    old: dict[str, Any],
    new: dict[str, Any],
    borrow: Borrow | None = None,
    layout: Layout | None = None,
) -> Patched:
    """`patch`, given `text`'s layout if known; with the result's layout when it follows.

    Scanning a register of 100,000 delegates takes seconds, so a document
    keeps the layout of its text from one save to the next: when an edit
    only changed lines inside tables, the new layout is the old one with
    those tables scanned again. Such a layout holds no key positions (`keys`
    is empty): it serves only the next edit, whose result is read back
    before it is written anyway.
    """
    try:
        layout = scan(text) if layout is None else layout
    except LayoutError as error:
        raise PatchError(str(error)) from error
    plan = _Plan(layout, old, new, borrow=borrow)
    edits = list(diff(old, new))
    for edit in edits:
        plan.add(edit)
    result = plan.render()
    tables = _tables_edited(plan)
    if tables is None:
        return Patched(result, None, None, edits)
    try:
        after = _layout_after(plan, tables)
    except LayoutError:
        after = None
    own = [(layout.sections[i].path, "".join(b), "".join(a)) for i, b, a in tables]
    return Patched(result, after, own, edits)


def _tables_edited(plan: _Plan) -> list[tuple[int, list[str], list[str]]] | None:
    """Each table edited in place, with its own lines before and after; None if more changed.

    More changed when tables came, went or were rebuilt, or a header or the
    comments above it changed.
    """
    if plan.removed or plan.replaced or plan.inserts or plan.borrow is not None:
        return None
    tables = []
    for index in sorted(plan.rendered):
        section = plan.layout.sections[index]
        before = plan.layout.lines[section.start : section.end]
        after = plan.rendered[index].splitlines(keepends=True)
        head = section.header - section.start + 1 if section.header >= 0 else 0
        if before[:head] != after[:head]:
            return None
        tables.append((index, before[head:], after[head:]))
    return tables


def _layout_after(plan: _Plan, tables: list[tuple[int, list[str], list[str]]]) -> Layout:
    """The layout of what `plan` rendered, given the tables it edited in place."""
    layout = plan.layout
    lines: list[str] = []
    assigned = set(layout.assigned)
    moves: list[tuple[int, int]] = []  # (section index, lines it grew by)
    done = 0
    for index, before, after in tables:
        section = layout.sections[index]
        path = section.path
        assigned -= {(*path, *key) for key in assigned_keys(before)}
        assigned |= {(*path, *key) for key in assigned_keys(after)}
        lines += layout.lines[done : section.start]
        lines += layout.lines[section.start : section.end - len(before)]  # comments, header
        lines += after
        done = section.end
        moves.append((index, len(after) - len(before)))
    lines += layout.lines[done:]
    return Layout(lines, _moved(layout.sections, moves), {}, assigned)


def reads_back_locally(patched: Patched, old: dict[str, Any], new: dict[str, Any]) -> bool:
    """Whether the patched text surely parses to `new`, judged by the tables it changed alone.

    Only for a text that parsed to exactly `old` before: then, as only lines
    inside tables changed, the new text parses to `old` with each such
    table's own keys replaced by what its new lines say, provided those lines
    parse, define no key that other sections define, and say exactly what
    `new` holds there; and `new` differs from `old` only in those keys. False
    means "not shown": the caller then parses the whole text.
    """
    if patched.tables is None:
        return False
    own: list[tuple[KeyPath, set[str]]] = []
    for path, before, after in patched.tables:
        try:
            said_before, said_after = tomli.loads(before), tomli.loads(after)
            old_table, new_table = _descend(old, path), _descend(new, path)
        except (tomli.TOMLDecodeError, KeyError, IndexError, TypeError):
            return False
        if not isinstance(old_table, dict) or not isinstance(new_table, dict):
            return False
        elsewhere = old_table.keys() - said_before.keys()
        if said_after.keys() & elsewhere or not elsewhere <= new_table.keys():
            return False
        if {k: v for k, v in new_table.items() if k not in elsewhere} != said_after:
            return False
        own.append((path, said_before.keys() | said_after.keys()))
    return all(_within_own(edit.path, own) for edit in patched.edits)


def _within_own(path: KeyPath, own: list[tuple[KeyPath, set[str]]]) -> bool:
    """Whether `path` is one of the tables' own keys, or inside one."""
    return any(
        len(path) > len(table) and path[: len(table)] == table and path[len(table)] in keys
        for table, keys in own
    )


def _moved(sections: list[Section], moves: list[tuple[int, int]]) -> list[Section]:
    """The sections after tables grew or shrank by the given numbers of lines."""
    if not any(grown for _, grown in moves):
        return sections  # same lines, same places: sections are never changed in place
    shifted: list[Section] = []
    shift = 0
    growth = dict(moves)
    for index, section in enumerate(sections):
        header = section.header + shift if section.header >= 0 else section.header
        start = section.start + shift
        shift += growth.get(index, 0)
        shifted.append(Section(section.path, section.is_array, start, header, section.end + shift))
    return shifted


def rewrite(text: str, old: dict[str, Any], new: dict[str, Any]) -> str:
    """The same edits made on a whole-file tomlkit parse: slower, handles anything."""
    doc = tomlkit.parse(text)
    for edit in diff(old, new):
        if edit.value is DELETE or not is_table_list(edit.value):
            _apply(doc, edit.path, edit.value)
            continue
        tables = tomlkit.aot()
        for item in edit.value:
            tables.append(tomlkit.item(item))
        parent = _descend(doc, edit.path[:-1])
        parent[edit.path[-1]] = tables
    return tomlkit.dumps(doc)
