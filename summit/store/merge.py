"""Three-way merge of one data file, record by record (no git here: texts in, text out).

Git merges lines; a summit file is records. Two people who change different
records (or different fields of one record) should never see a conflict, and
two who change the same field differently should see exactly that field. So
the three versions are read, merged as data, and the merged data is written
into OURS' text through the same in-place writer every save uses: ours'
comments and layout stay, and a merge that would not read back exactly is
never returned.

- Tables merge key by key (organisations, delegates, invitations by id,
  replies per delegate, scalar fields one by one).
- `[[agenda]]`, `[[actions]]` and `[[commitments]]` are ordered lists: items
  are paired across versions with `match_items`, merged field by field, and
  their ORDER is merged three-way: when only one side reordered, its order
  wins and the other side's insertions are placed after the item they
  followed there; when both reordered differently, ours' order is kept and a
  note says so (no item and no edit is lost, so it is not a conflict).
- What summit writes itself (`[invite]`, `[sent.*]`, recorded replies) merges
  by rule, never as a question (summit.store.machine_fields); two UIDs conflict.
- A true conflict (one field changed differently on both sides, or a record
  deleted on one side and edited on the other) is reported per field, and
  `conflict_text` writes both versions into one file between git-style
  markers, so that nothing is lost.
"""

from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any, get_args

import tomli
import tomlkit
from pydantic import ValidationError

from summit.model.base import Record
from summit.model.identity import match_items, new_item_id
from summit.model.register import Register
from summit.model.summit import Action, AgendaItem, Commitment, Summit
from summit.store import machine_fields
from summit.store.borrow import TheirsText
from summit.store.comment_merge import merge_comments
from summit.store.document import check_conflict_markers, edited_text, parse
from summit.store.gc_pause import paused_gc
from summit.store.layout import KeyPath, LayoutError, scan
from summit.store.problems import Choice, DataError, Edited, Side


class _Absent:
    """A key one version does not have."""

    def __repr__(self) -> str:
        return "ABSENT"


ABSENT: Any = _Absent()

_ITEM_LISTS: dict[str, tuple[str, type[AgendaItem] | type[Action] | type[Commitment]]] = {
    "agenda": ("agenda", AgendaItem),
    "actions": ("action", Action),
    "commitments": ("commitment", Commitment),
}
_LABEL_LENGTH = 40


@dataclass(frozen=True, slots=True)
class FieldConflict:
    """One field (or record) both sides changed differently. ABSENT marks a missing value."""

    where: str
    """How people name it: `agenda 'Coffee'.minutes`, `organisations.google.name`."""
    base: Any
    ours: Any
    theirs: Any
    path: KeyPath = ()
    """Its key path in the merged data (list items by their merged index)."""

    def describe(self) -> str:
        """`agenda 'Coffee'.minutes: base 15, ours 20, theirs 30`, or what a deletion met."""
        if isinstance(self.base, dict) and ABSENT in (self.ours, self.theirs):
            deleted, kept = ("ours", "theirs") if self.ours is ABSENT else ("theirs", "ours")
            edits = _edits(self.base, self.theirs if self.ours is ABSENT else self.ours)
            return f"{self.where}: deleted by {deleted}, edited by {kept} ({edits})"
        values = (f"{side} {shown_value(value)}" for side, value in self._sides())
        return f"{self.where}: {', '.join(values)}"

    def _sides(self) -> list[tuple[str, Any]]:
        return [("base", self.base), ("ours", self.ours), ("theirs", self.theirs)]


@dataclass
class MergeResult:
    """What a merge gives: the merged text when clean, else every conflict."""

    text: str | None
    conflicts: list[FieldConflict] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    """Why there is no result besides field conflicts (an input or the merge is not valid)."""
    notes: list[str] = field(default_factory=list)
    """Choices made without asking (both sides reordered a list differently)."""
    record: Record | None = None
    """The merged record, when clean."""

    @property
    def clean(self) -> bool:
        return self.text is not None

    def report(self, shown_path: str) -> list[str]:
        """One line per conflict or error: `agendas/x.toml: agenda 'Coffee'.minutes: ...`."""
        lines = [f"{shown_path}: {conflict.describe()}" for conflict in self.conflicts]
        return lines + [f"{shown_path}: {error}" for error in self.errors]


def _edits(base: dict[str, Any], kept: dict[str, Any]) -> str:
    changed = [k for k in {**base, **kept} if base.get(k, ABSENT) != kept.get(k, ABSENT)]
    return ", ".join(
        f"{k} {shown_value(base.get(k, ABSENT))} -> {shown_value(kept.get(k, ABSENT))}"
        for k in changed
    )


def shown_value(value: Any) -> str:
    if value is ABSENT:
        return "(none)"
    if isinstance(value, dict):
        return "(a table)" if value else "(an empty table)"
    if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        return f"({len(value)} tables)"
    text: str = tomlkit.item(value).as_string()
    return text if len(text) <= 60 else text[:57] + "..."


# ── merging data ──────────────────────────────────────────────────────────


class _Merger:
    """One three-way merge of plain TOML data; on a conflict takes the preferred side."""

    def __init__(self, prefer: Side, choices: Mapping[str, Choice], model: type[Record]) -> None:
        self.prefer = prefer
        self.choices = choices
        self.is_summit = issubclass(model, Summit)
        self.collections = _collections(model)
        self.conflicts: list[FieldConflict] = []
        self.notes: list[str] = []

    def conflict(self, where: str, path: KeyPath, b: Any, o: Any, t: Any) -> Any:
        self.conflicts.append(FieldConflict(where, b, o, t, path))
        choice = self.choices.get(where, self.prefer)
        if isinstance(choice, Edited):
            return choice.value
        return o if choice == "ours" else t

    def value(self, where: str, path: KeyPath, b: Any, o: Any, t: Any) -> Any:
        if t in (o, b):
            return o
        if b == o:
            return t
        return self.both_changed(where, path, b, o, t)

    def both_changed(self, where: str, path: KeyPath, b: Any, o: Any, t: Any) -> Any:
        if self.is_summit:
            # What summit writes itself merges by rule, never by asking (machine_fields).
            settled = machine_fields.settle(path, b, o, t)
            if settled is not None:
                return settled
            o, t = machine_fields.aligned(path, o, t)
        if self.is_summit and len(path) == 1 and path[0] in _ITEM_LISTS:
            return self.item_list(str(path[0]), b, o, t)
        if path and path[-1] in self.collections and all(_is_table(v) for v in (b, o, t)):
            # An empty collection is left out of the file: absent is empty, not deleted.
            merged = self.table(where, path, *(v if v is not ABSENT else {} for v in (b, o, t)))
            return merged or ABSENT
        if isinstance(o, dict) and isinstance(t, dict) and _is_table(b):
            return self.table(where, path, {} if b is ABSENT else b, o, t)
        return self.conflict(where, path, b, o, t)

    def table(
        self, where: str, path: KeyPath, b: dict[str, Any], o: dict[str, Any], t: dict[str, Any]
    ) -> dict[str, Any]:
        merged: dict[str, Any] = {}
        # Ours' key order first; keys only theirs added follow in theirs' order.
        for key in [
            *o,
            *(k for k in t if k not in o),
            *(k for k in b if k not in o and k not in t),
        ]:
            inner = f"{where}.{key}" if where else key
            value = self.value(
                inner, (*path, key), b.get(key, ABSENT), o.get(key, ABSENT), t.get(key, ABSENT)
            )
            if value is not ABSENT:
                merged[key] = value
        return merged

    def item_list(self, key: str, b: Any, o: Any, t: Any) -> Any:
        lists = [[] if side is ABSENT else side for side in (b, o, t)]
        merged = _ListMerge(self, key, *lists).run()
        if not merged and ABSENT in (o, t):
            return ABSENT
        return merged


def _is_table(value: Any) -> bool:
    return value is ABSENT or isinstance(value, dict)


def _collections(model: type[Record]) -> frozenset[str]:
    """Fields that hold records by id (`organisations`, `delegates`, `rsvp`...), at any depth."""
    names: set[str] = set()
    todo, seen = [model], set()
    while todo:
        record = todo.pop()
        if record in seen:
            continue
        seen.add(record)
        for name, info in record.model_fields.items():
            if info.default_factory is dict:
                names.add(name)
            todo.extend(_records_in(info.annotation))
    return frozenset(names)


def _records_in(annotation: Any) -> list[type[Record]]:
    if isinstance(annotation, type) and issubclass(annotation, Record):
        return [annotation]
    return [record for arg in get_args(annotation) for record in _records_in(arg)]


Token = tuple[str, int]
"""An item of a merged list: ("b", base index), ("o", ours-only index) or ("t", theirs-only)."""


class _ListMerge:
    """One ordered list of items ([[agenda]], [[actions]] or [[commitments]]) merged."""

    def __init__(
        self,
        merger: _Merger,
        key: str,
        base: list[dict[str, Any]],
        ours: list[dict[str, Any]],
        theirs: list[dict[str, Any]],
    ) -> None:
        self.merger, self.key = merger, key
        self.noun, model = _ITEM_LISTS[key]
        self.data = {"b": base, "o": ours, "t": theirs}
        objects: dict[str, Any] = {
            side: [model.model_validate(item) for item in items]
            for side, items in self.data.items()
        }
        self.b_to_o = _pairing(match_items(objects["b"], objects["o"]))
        self.b_to_t = _pairing(match_items(objects["b"], objects["t"]))
        self.t_to_o = self._same_additions()

    def _same_additions(self) -> dict[int, int]:
        """Items both sides added: the same id, or exactly the same item, is one item."""
        ours_added = [j for j in range(len(self.data["o"])) if j not in self.b_to_o.values()]
        theirs_added = [k for k in range(len(self.data["t"])) if k not in self.b_to_t.values()]
        paired: dict[int, int] = {}
        for k in theirs_added:
            item = self.data["t"][k]
            for j in ours_added:
                ours_item = self.data["o"][j]
                same_id = item.get("id") is not None and item.get("id") == ours_item.get("id")
                if j not in paired.values() and (same_id or item == ours_item):
                    paired[k] = j
                    break
        return paired

    def run(self) -> list[dict[str, Any]]:
        order = self.order()
        for i in range(len(self.data["b"])):
            # Deleted on one side and edited on the other: a conflict whichever is kept.
            pair = self.b_to_o.get(i), self.b_to_t.get(i)
            if None in pair and pair != (None, None) and self.edited_by_other(i):
                token: Token = ("b", i)
                path = (self.key, order.index(token)) if token in order else (self.key,)
                self.merger.conflicts.append(
                    FieldConflict(self.label(token), self.data["b"][i], *self.sides(i), path)
                )
        merged = [self.item(token, (self.key, index)) for index, token in enumerate(order)]
        return self.distinct_ids(merged)

    def sides(self, i: int) -> tuple[Any, Any]:
        j, k = self.b_to_o.get(i), self.b_to_t.get(i)
        ours = self.data["o"][j] if j is not None else ABSENT
        theirs = self.data["t"][k] if k is not None else ABSENT
        return ours, theirs

    def edited_by_other(self, i: int) -> bool:
        """Whether the side that kept base item i changed it."""
        ours, theirs = self.sides(i)
        kept = theirs if ours is ABSENT else ours
        return bool(kept is not ABSENT and kept != self.data["b"][i])

    def sequences(self) -> tuple[list[Token], list[Token], list[Token]]:
        o_to_b = {j: i for i, j in self.b_to_o.items()}
        t_to_b = {k: i for i, k in self.b_to_t.items()}
        base: list[Token] = [("b", i) for i in range(len(self.data["b"]))]
        ours: list[Token] = [
            ("b", o_to_b[j]) if j in o_to_b else ("o", j) for j in range(len(self.data["o"]))
        ]
        theirs: list[Token] = []
        for k in range(len(self.data["t"])):
            if k in t_to_b:
                theirs.append(("b", t_to_b[k]))
            else:
                theirs.append(("o", self.t_to_o[k]) if k in self.t_to_o else ("t", k))
        return base, ours, theirs

    def survives(self, token: Token) -> bool:
        if token[0] != "b":
            return True
        i = token[1]
        j, k = self.b_to_o.get(i), self.b_to_t.get(i)
        if j is not None and k is not None:
            return True
        if j is None and k is None:
            return False
        if not self.edited_by_other(i):
            return False  # deleted on one side, untouched on the other
        keeper: Side = "ours" if j is not None else "theirs"
        return self.merger.choices.get(self.label(token), self.merger.prefer) == keeper

    def order(self) -> list[Token]:
        base, ours, theirs = self.sequences()
        common = set(ours) & set(theirs) & set(base)
        base_rel = [x for x in base if x in common]
        ours_rel = [x for x in ours if x in common]
        theirs_rel = [x for x in theirs if x in common]
        primary, secondary = ours, theirs
        if ours_rel == base_rel != theirs_rel:
            primary, secondary = theirs, ours  # only theirs reordered: its order wins
        elif base_rel != theirs_rel != ours_rel:
            self.merger.notes.append(
                f"{self.key}: both sides changed the order differently; ours' order is kept"
            )
        result = [x for x in primary if self.survives(x)]
        anchor = 0
        for token in secondary:
            if token in result:
                anchor = result.index(token) + 1
            elif self.survives(token):
                result.insert(anchor, token)
                anchor += 1
        return result

    def label(self, token: Token) -> str:
        """`agenda 'Coffee'`; a second item of the same name is `agenda 'Coffee' (2)`."""
        side, index = token
        name = self.name(self.data[side][index])
        same = [self.name(item) for item in self.data[side][:index]].count(name)
        return f"{self.noun} '{name}'" + (f" ({same + 1})" if same else "")

    def name(self, item: dict[str, Any]) -> str:
        if self.key == "agenda":
            name = item.get("title", "")
        elif self.key == "actions":
            name = item.get("text", "")
        else:
            name = f"{item.get('organisation', '')}: {item.get('text', '')}"
        name = " ".join(str(name).split())
        return name if len(name) <= _LABEL_LENGTH else name[: _LABEL_LENGTH - 3] + "..."

    def item(self, token: Token, path: KeyPath) -> dict[str, Any]:
        side, index = token
        where = self.label(token)
        if side == "t":
            return self.data["t"][index]
        if side == "o":
            k = next((k for k, j in self.t_to_o.items() if j == index), None)
            if k is None:
                return self.data["o"][index]
            return self.merger.table(where, path, {}, self.data["o"][index], self.data["t"][k])
        ours, theirs = self.sides(index)
        if ours is ABSENT or theirs is ABSENT:
            # Deleted on one side, edited on the other (its conflict is recorded in run).
            kept: dict[str, Any] = theirs if ours is ABSENT else ours
            return kept
        merged: dict[str, Any] = self.merger.value(where, path, self.data["b"][index], ours, theirs)
        return merged

    @staticmethod
    def distinct_ids(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Two different items that came in with one id (a copy): the later gets a new id."""
        seen: set[str] = set()
        taken = {str(item["id"]) for item in items if "id" in item}
        result = []
        for item in items:
            item_id = item.get("id")
            if item_id is not None and item_id in seen:
                fresh = new_item_id(taken)
                taken.add(fresh)
                result.append({**item, "id": fresh})
                continue
            if item_id is not None:
                seen.add(str(item_id))
            result.append(item)
        return result


def _pairing(pairs: Sequence[tuple[int | None, int | None]]) -> dict[int, int]:
    return {old: new for old, new in pairs if old is not None and new is not None}


def merge_data(
    base: dict[str, Any],
    ours: dict[str, Any],
    theirs: dict[str, Any],
    model: type[Record],
    *,
    prefer: Side = "ours",
    choices: Mapping[str, Choice] | None = None,
) -> tuple[dict[str, Any], list[FieldConflict], list[str]]:
    """The merged data, every conflict (settled as `choices` or `prefer` say), and notes.

    Choices are keyed by a conflict's `where`, so an app can settle each one.
    """
    merger = _Merger(prefer, choices or {}, model)
    merged = merger.value("", (), base, ours, theirs)
    return merged, merger.conflicts, merger.notes


# ── merging texts ─────────────────────────────────────────────────────────


def _read(path: Path, text: str) -> dict[str, Any]:
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
        base = _base_data(path, base_text)
        ours, theirs = _read(path, ours_text), _read(path, theirs_text)
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
        result.text = _with_comments(result.text, texts, (base, ours, theirs, merged))
    result.notes = notes
    return result


def _with_comments(text: str, texts: tuple[str, str, str], data: tuple[dict[str, Any], ...]) -> str:
    """The merged text with both sides' comments and blank lines (`comment_merge` says how)."""
    base, ours, theirs, merged = data
    return merge_comments(text, texts, (base, ours, theirs, merged), _pair, _reads_back_as(merged))


def _pair(key: str, items: list[Any], targets: list[Any]) -> dict[int, int] | None:
    """Which item of `items` is which of `targets`, for the summit's lists of items."""
    if key not in _ITEM_LISTS:
        return None
    if items == targets:
        return {i: i for i in range(len(items))}
    model = _ITEM_LISTS[key][1]
    try:
        old: list[Any] = [model.model_validate(item) for item in items]
        new: list[Any] = [model.model_validate(item) for item in targets]
    except ValidationError:
        return {}
    return {i: j for i, j in match_items(old, new) if i is not None and j is not None}


def _base_data(path: Path, text: str) -> dict[str, Any]:
    """The common ancestor's data; none when both sides added the file or it does not read.

    Git passes an empty base when both sides added the file, and a base with
    conflict markers when it merged several common ancestors first. Merging
    against no base is still safe: whatever the sides have differently is a
    conflict.
    """
    try:
        return _read(path, text) if text.strip() else {}
    except DataError:
        return {}


def _side_problem(error: DataError) -> str:
    problem = error.problems[0]
    return f"one version cannot be read (line {problem.line}): {problem.message}"


def _checked_as_is(text: str, model: type[Record], path: Path) -> MergeResult:
    try:
        record = model.model_validate(_read(path, text))
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
    """The merged data written into ours' text, if it is a valid record that reads back."""
    try:
        record = model.model_validate(merged)
    except ValidationError as error:
        return MergeResult(None, errors=[_invalid(error)])
    try:
        text = edited_text(path, ours_text, ours, merged, _reads_back_as(merged), borrow=borrow)
    except DataError as error:
        return MergeResult(None, errors=[error.problems[0].message])
    return MergeResult(text, record=record)


def _reads_back_as(data: dict[str, Any]) -> Callable[[str], bool]:
    def check(text: str) -> bool:
        try:
            return tomli.loads(text) == data
        except tomli.TOMLDecodeError:
            return False

    return check


# ── a conflicted file ─────────────────────────────────────────────────────


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
        base = _base_data(path, base_text)
        ours, theirs = _read(path, ours_text), _read(path, theirs_text)
    except DataError:
        return None
    written = []
    sides: tuple[Side, Side] = ("ours", "theirs")
    texts = (base_text if base else "", ours_text, theirs_text)
    for prefer in sides:
        try:
            merged, conflicts, _ = merge_data(base, ours, theirs, model, prefer=prefer)
            text = edited_text(path, ours_text, ours, merged, _reads_back_as(merged))
        except (DataError, TypeError, AttributeError, ValueError):
            return None
        text = _with_comments(text, texts, (base, ours, theirs, merged))
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
    for tag, a1, a2, b1, b2 in _line_diff(a, b):
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


Opcode = tuple[str, int, int, int, int]


def _line_diff(a: list[str], b: list[str]) -> list[Opcode]:
    """difflib-style opcodes, anchored on lines found once in each (a patience diff).

    difflib alone is quadratic on a register whose lines repeat by the thousand;
    table headers are unique, so anchoring on them leaves only small gaps to diff.
    """
    count_a, count_b = Counter(a), Counter(b)
    in_b = {line: j for j, line in enumerate(b) if count_b[line] == 1}
    pairs = [(i, in_b[line]) for i, line in enumerate(a) if count_a[line] == 1 and line in in_b]
    opcodes: list[Opcode] = []
    i0 = j0 = 0
    for i, j in [*_increasing(pairs), (len(a), len(b))]:
        matcher = SequenceMatcher(None, a[i0:i], b[j0:j], autojunk=False)
        opcodes += [
            (t, a1 + i0, a2 + i0, b1 + j0, b2 + j0) for t, a1, a2, b1, b2 in matcher.get_opcodes()
        ]
        if i < len(a):
            opcodes.append(("equal", i, i + 1, j, j + 1))
        i0, j0 = i + 1, j + 1
    return _joined(opcodes)


def _increasing(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest run of pairs whose second items increase (pairs come sorted by the first)."""
    tails: list[int] = []  # tails[k]: second item ending the best run of length k + 1
    ends: list[int] = []  # ends[k]: index in pairs of that pair
    before: list[int] = [-1] * len(pairs)
    for index, (_, j) in enumerate(pairs):
        k = bisect_left(tails, j)
        if k == len(tails):
            tails.append(j)
            ends.append(index)
        else:
            tails[k], ends[k] = j, index
        before[index] = ends[k - 1] if k else -1
    run, index = [], ends[-1] if ends else -1
    while index != -1:
        run.append(pairs[index])
        index = before[index]
    return run[::-1]


def _joined(opcodes: list[Opcode]) -> list[Opcode]:
    """Neighbouring opcodes of one kind as one; empty ones dropped."""
    joined: list[Opcode] = []
    for tag, a1, a2, b1, b2 in opcodes:
        if a1 == a2 and b1 == b2:
            continue
        if joined and joined[-1][0] == tag and tag == "equal":
            joined[-1] = (tag, joined[-1][1], a2, joined[-1][3], b2)
        elif joined and tag != "equal" and joined[-1][0] != "equal":
            joined[-1] = ("replace", joined[-1][1], a2, joined[-1][3], b2)
        else:
            joined.append((tag, a1, a2, b1, b2))
    return joined


def _within(line: int | None, start: int, end: int) -> bool:
    # A one-based line inside the zero-based run [start, end); an empty run takes the line after.
    return line is not None and start < line <= max(end, start + 1)


def _ended(lines: list[str], newline: str) -> list[str]:
    if lines and not lines[-1].endswith("\n"):
        return [*lines[:-1], lines[-1] + newline]
    return lines


def model_for(path_text: str) -> type[Record] | None:
    """Which record a data file holds, from its path in the repository; None if not ours."""
    parts = Path(path_text).parts
    if parts and parts[-1] == "invitees.toml":
        return Register
    if len(parts) >= 2 and parts[-2] == "agendas" and parts[-1].endswith(".toml"):
        return Summit
    return None
