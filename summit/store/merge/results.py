"""What a merge gives back: its result, each conflict, and how a value is shown in one."""

from dataclasses import dataclass, field
from typing import Any

import tomlkit

from summit.model.base import Record
from summit.store.layout import KeyPath


class _Absent:
    """A key one version does not have."""

    def __repr__(self) -> str:
        return "ABSENT"


ABSENT: Any = _Absent()


DESCRIBED = 200
"""How much of a value a conflict's line shows: two values that differ late still differ."""
KEEP_ONE = (
    "keep one, then add the other again under an id of its own, and check the summits "
    "that name this id"
)


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

    @property
    def added_twice(self) -> bool:
        """Two different records added under one id (see summit.store.merge.records)."""
        return self.base is ABSENT and isinstance(self.ours, dict) and isinstance(self.theirs, dict)

    def describe(self) -> str:
        """`agenda 'Coffee'.minutes: base 15, ours 20, theirs 30`, or what a deletion met."""
        if self.added_twice:
            ours, theirs = shown_value(self.ours, None), shown_value(self.theirs, None)
            return (
                f"{self.where}: added on both sides as different records, ours {ours}, "
                f"theirs {theirs}: {KEEP_ONE}"
            )
        if isinstance(self.base, dict) and ABSENT in (self.ours, self.theirs):
            deleted, kept = ("ours", "theirs") if self.ours is ABSENT else ("theirs", "ours")
            edits = _edits(self.base, self.theirs if self.ours is ABSENT else self.ours)
            return f"{self.where}: deleted by {deleted}, edited by {kept} ({edits})"
        values = (f"{side} {shown_value(value, DESCRIBED)}" for side, value in self._sides())
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


def shown_value(value: Any, limit: int | None = 60) -> str:
    """A value as TOML writes it, cut to `limit` characters (None: whole)."""
    if value is ABSENT:
        return "(none)"
    if isinstance(value, dict):
        name = value.get("name")
        if isinstance(name, str):
            return f"(a table: {shown_value(name, limit)})"
        return "(a table)" if value else "(an empty table)"
    if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        return f"({len(value)} tables)"
    text: str = tomlkit.item(value).as_string()
    return text if limit is None or len(text) <= limit else text[: limit - 3] + "..."
