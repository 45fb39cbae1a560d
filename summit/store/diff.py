"""What changed between two versions of a file's data, as key-path edits."""

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from summit.store.layout import KeyPath

_MISSING = object()


@dataclass(frozen=True, slots=True)
class Edit:
    """Set `path` to `value`, or delete it when `value` is DELETE."""

    path: KeyPath
    value: Any
    is_new: bool = False


DELETE: Any = _MISSING


def is_table_list(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)


def _edited_in_place(old: Any, new: Any) -> bool:
    """Two lists of tables of one length where no item moved: each differs only where it stands."""
    if not (is_table_list(old) and is_table_list(new)) or len(old) != len(new):
        return False
    return all(n == o or n not in old for o, n in zip(old, new, strict=True))


def diff(old: dict[str, Any], new: dict[str, Any], path: KeyPath = ()) -> Iterator[Edit]:
    """The smallest edits that turn old into new, in new's key order."""
    for key in old:
        if key not in new:
            yield Edit((*path, key), DELETE)
    for key, value in new.items():
        before = old.get(key, _MISSING)
        here = (*path, key)
        if before is _MISSING:
            yield Edit(here, value, is_new=True)
        elif before == value:
            continue
        elif isinstance(before, dict) and isinstance(value, dict):
            yield from diff(before, value, here)
        elif _edited_in_place(before, value):
            for index, (item_before, item) in enumerate(zip(before, value, strict=True)):
                if item_before != item:
                    yield from diff(item_before, item, (*here, index))
        else:
            yield Edit(here, value)
