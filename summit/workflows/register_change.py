"""Two versions of a big register, read for their difference only.

Describing how a register changed needs only the organisations that differ:
validating every record of a 50 MB register twice (email addresses and all)
cost the diff driver several times the parse itself. Both versions are parsed
whole, compared organisation by organisation as plain data, and only the
organisations that differ are validated and described.
"""

from pathlib import Path
from typing import Any

from summit.model.register import Register
from summit.store.parsing import decode, parse, validate
from summit.store.problems import DataError

_MISSING = object()
_SIDES = ("old", "new")


class SideUnreadable(Exception):
    """One version does not load: `side` is "old" or "new"."""

    def __init__(self, side: str, reason: str) -> None:
        self.side, self.reason = side, reason


def problem_reason(error: DataError) -> str:
    """`line:column: field: message`, and how many more problems there are."""
    first = error.problems[0]
    field = f"{first.field}: " if first.field else ""
    more = len(error.problems) - 1
    also = f" (and {more} more problem{'s' * (more != 1)})" if more else ""
    return f"{first.line}:{first.column}: {field}{first.message}{also}"


def registers_changed(path: str, old: bytes, new: bytes) -> tuple[Register, Register]:
    """Both versions of the register holding only the organisations that differ.

    Raises SideUnreadable naming the side that does not parse, or whose
    changed organisations are not valid.
    """
    where = Path(path)
    texts, data = {}, {}
    for side, content in zip(_SIDES, (old, new), strict=True):
        try:
            texts[side] = decode(where, content)
            data[side] = parse(where, texts[side])
        except DataError as error:
            raise SideUnreadable(side, problem_reason(error)) from None
    trimmed = dict(zip(_SIDES, only_changed(data["old"], data["new"]), strict=True))
    records = {}
    for side in _SIDES:
        try:
            records[side] = validate(Register, where, texts[side], trimmed[side])
        except DataError as error:
            raise SideUnreadable(side, problem_reason(error)) from None
    return records["old"], records["new"]


def only_changed(old: dict[str, Any], new: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Both versions' data keeping only the organisations that differ, each in its order.

    Data whose `organisations` is not a table (it will not load) is kept
    whole, so that the reason it does not load is still found and said.
    """
    old_orgs, new_orgs = old.get("organisations", {}), new.get("organisations", {})
    if not (isinstance(old_orgs, dict) and isinstance(new_orgs, dict)):
        return old, new
    changed = {
        org_id
        for org_id in old_orgs.keys() | new_orgs.keys()
        if old_orgs.get(org_id, _MISSING) != new_orgs.get(org_id, _MISSING)
    }
    return _keeping(old, old_orgs, changed), _keeping(new, new_orgs, changed)


def _keeping(data: dict[str, Any], orgs: dict[str, Any], changed: set[str]) -> dict[str, Any]:
    kept = {org_id: org for org_id, org in orgs.items() if org_id in changed}
    return {**data, "organisations": kept} if "organisations" in data else data
