"""Records and fields merged three-way as plain TOML data: tables key by key, scalars one by one."""

from collections.abc import Mapping
from typing import Any, get_args

from summit.model.base import Record
from summit.model.summit import Summit
from summit.store import machine_fields
from summit.store.layout import KeyPath
from summit.store.merge.item_lists import ITEM_LISTS, ListMerge
from summit.store.merge.results import ABSENT, FieldConflict
from summit.store.problems import Choice, Edited, Side


class Merger:
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
        if self.is_summit and len(path) == 1 and path[0] in ITEM_LISTS:
            return self.item_list(str(path[0]), b, o, t)
        if path and path[-1] in self.collections and all(_is_table(v) for v in (b, o, t)):
            # An empty collection is left out of the file: absent is empty, not deleted.
            merged = self.table(where, path, *(v if v is not ABSENT else {} for v in (b, o, t)))
            return merged or ABSENT
        if isinstance(o, dict) and isinstance(t, dict) and _is_table(b):
            if b is ABSENT and _named_differently(o, t):
                # Two records added under one id (cut from two long names, say): two
                # organisations or people, never fused into one. Keeping one is a choice.
                return self.conflict(where, path, b, o, t)
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
        merged = ListMerge(self, key, *lists).run()
        if not merged and ABSENT in (o, t):
            return ABSENT
        return merged


def _named_differently(ours: dict[str, Any], theirs: dict[str, Any]) -> bool:
    names = [side.get("name") for side in (ours, theirs)]
    said = {" ".join(name.casefold().split()) for name in names if isinstance(name, str)}
    return len(said) == 2


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
    merger = Merger(prefer, choices or {}, model)
    merged = merger.value("", (), base, ours, theirs)
    return merged, merger.conflicts, merger.notes
