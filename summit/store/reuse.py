"""Validating a file again after a small change: what did not change is not checked again.

A pull that changes one delegate of a 100,000-delegate register made the next
start validate every delegate (four seconds). Each keyed table of records (the
register's organisations, say) is validated on its own data alone, so a table
whose parsed data equals what it was in the version last validated by the same
code validates to the same record: that record is handed to pydantic, which takes
a model instance as it is, and only the changed tables are validated. The record
that results is the one a full validation gives (tests/store/test_reuse.py).
"""

from pathlib import Path
from typing import Any

from summit.model.base import Record
from summit.store.parsing import M, validate


def validate_reusing(
    model: type[M],
    path: Path,
    text: str,
    data: dict[str, Any],
    before: tuple[dict[str, Any], Record] | None,
) -> M:
    """`validate`, taking each keyed record whose data is unchanged from `before`
    (the parsed data and record of an earlier version of the file)."""
    if before is None or not isinstance(before[1], model):
        return validate(model, path, text, data)
    old_data, old_record = before
    given = dict(data)  # `data` itself stays the parser's plain dicts
    for name in type(old_record).model_fields:
        tables, old_tables = data.get(name), old_data.get(name)
        records = getattr(old_record, name)
        if not (isinstance(tables, dict) and isinstance(old_tables, dict)):
            continue
        if not isinstance(records, dict) or not all(
            isinstance(record, Record) for record in records.values()
        ):
            continue
        given[name] = {
            key: records[key] if key in records and same_data(old_tables.get(key), table) else table
            for key, table in tables.items()
        }
    return validate(model, path, text, given)


def same_data(old: object, new: object) -> bool:
    """Whether two parsed values are the same, keys in the same order and each value of
    the same type: `==` alone takes 1 for 1.0 (which a strict record refuses) and
    tables whose keys moved as unchanged (the record keeps the file's order)."""
    if old != new:
        return False
    return _same_shape(old, new)


def _same_shape(old: object, new: object) -> bool:
    if type(old) is not type(new):
        return False
    if isinstance(old, dict) and isinstance(new, dict):
        return list(old) == list(new) and all(_same_shape(old[k], new[k]) for k in old)
    if isinstance(old, list) and isinstance(new, list):
        return all(map(_same_shape, old, new))
    return True
