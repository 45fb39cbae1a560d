"""Edit a TOML text in place, touching only the lines a change needs.

A full style-preserving parse of a large register takes seconds, so edits are
applied section by section: only the tables that change are parsed with
tomlkit, new tables are rendered and inserted beside their siblings, and
removed ones are cut out with the comments written just above them. Whatever
this cannot express raises PatchError and the caller falls back to a whole-file
tomlkit edit; either way the result is re-read and checked before it is saved.
"""

import copy
from dataclasses import dataclass
from typing import Any

import tomli
import tomlkit

from summit.store.diff import DELETE, Edit, diff, is_table_list
from summit.store.layout import KeyPath, Layout, LayoutError, Section, assigned_keys, scan
from summit.store.patch_plan import Borrow, PatchError, Plan, apply_value, descend


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
    *,
    keep_emptied: bool = False,
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
    plan = Plan(layout, old, new, borrow=borrow, keep_emptied=keep_emptied)
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


def _tables_edited(plan: Plan) -> list[tuple[int, list[str], list[str]]] | None:
    """Each table edited in place, with its own lines before and after; None if more changed.

    More changed when tables came, went or were rebuilt, or a header or the
    comments above it changed.
    """
    # A section borrowed from theirs' text (a merge) counts as edited in place like any
    # other: its header and the comments above it must be ours', as checked below.
    if plan.removed or plan.replaced or plan.inserts:
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


def _layout_after(plan: Plan, tables: list[tuple[int, list[str], list[str]]]) -> Layout:
    """The layout of what `plan` rendered, given the tables it edited in place."""
    layout = plan.layout
    lines: list[str] = []
    # Not yet found for the old text: found for the new one when asked for, likewise.
    assigned = None if layout.known_assigned is None else set(layout.known_assigned)
    moves: list[tuple[int, int]] = []  # (section index, lines it grew by)
    done = 0
    for index, before, after in tables:
        section = layout.sections[index]
        path = section.path
        added = assigned_keys(after)  # LayoutError if the new lines hold a header
        if assigned is not None:
            assigned -= {(*path, *key) for key in assigned_keys(before)}
            assigned |= {(*path, *key) for key in added}
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
            old_table, new_table = descend(old, path), descend(new, path)
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
    """The same edits made on a whole-file tomlkit parse: slower, handles anything.

    Tables removed whole are cut out in place first: tomlkit holds the comments
    written after a table inside it, so removing the table there would also drop
    the heading of whatever follows it.
    """
    text, old = _tables_removed_in_place(text, old, new)
    doc = tomlkit.parse(text)
    for edit in diff(old, new):
        if edit.value is DELETE or not is_table_list(edit.value):
            apply_value(doc, edit.path, edit.value)
            continue
        tables = tomlkit.aot()
        for item in edit.value:
            tables.append(tomlkit.item(item))
        parent = descend(doc, edit.path[:-1])
        parent[edit.path[-1]] = tables
    return tomlkit.dumps(doc)


def _tables_removed_in_place(
    text: str, old: dict[str, Any], new: dict[str, Any]
) -> tuple[str, dict[str, Any]]:
    """`text` and `old` with the tables `new` no longer has cut out as `patch` cuts them.

    Unchanged when there are none, or when that cannot be done exactly.
    """
    removed = [
        edit.path
        for edit in diff(old, new)
        if edit.value is DELETE and _is_written_table(descend(old, edit.path))
    ]
    if not removed:
        return text, old
    without = copy.deepcopy(old)
    for path in removed:
        del descend(without, path[:-1])[path[-1]]
    try:
        cut = patch_and_layout(text, old, without, keep_emptied=True).text
        # A table left empty by the cut may go unwritten (its header was implied).
        if _without_empty_tables(tomli.loads(cut)) == _without_empty_tables(without):
            return cut, without
    except (PatchError, tomli.TOMLDecodeError, KeyError, IndexError, ValueError, TypeError):
        pass
    return text, old


def _is_written_table(value: Any) -> bool:
    return isinstance(value, dict) or is_table_list(value)


def _without_empty_tables(data: dict[str, Any]) -> dict[str, Any]:
    kept = {}
    for key, value in data.items():
        inner = _without_empty_tables(value) if isinstance(value, dict) else value
        if inner != {}:
            kept[key] = inner
    return kept
