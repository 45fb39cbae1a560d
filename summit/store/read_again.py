"""Reading a file again whose earlier version the record cache kept.

Only the lines that changed since are looked at for conflict markers, only the
sections around them are parsed when that can be done (summit.store.splice),
and only the tables whose data changed are validated again.
"""

from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from summit.model.base import Record
from summit.store.parsing import check_conflict_markers, parse, validate
from summit.store.reuse import validate_reusing
from summit.store.splice import RawLater, keyed_table, sectioned, splice
from summit.store.text_change import TextFacts, text_change

if TYPE_CHECKING:
    from summit.store.record_cache import Previous

M = TypeVar("M", bound=Record)

CONFLICT_START = "<<<<<<<"


def text_facts(model: type[Record], text: str) -> TextFacts:
    """What is kept with the text, for reading its next version (summit.store.text_change)."""
    table = keyed_table(model)
    return TextFacts(CONFLICT_START in text, table is not None and sectioned(table, text))


def read_again(
    path: Path, model: type[M], text: str, before: "Previous | None"
) -> tuple[M, RawLater]:
    """A file whose bytes changed since it was kept as `before` (if it was)."""
    if before is None:
        check_conflict_markers(path, text)
        raw = parse(path, text)
        return validate(model, path, text, raw), lambda: raw
    change = text_change(before.text, text)
    if before.facts.conflict_start or change.shows(text, CONFLICT_START):
        check_conflict_markers(path, text)
    table = keyed_table(model)
    if table is not None:
        spliced = splice(table, text, before, change)
        if spliced is not None:
            return validate(model, path, text, spliced.given), spliced.raw
    raw = parse(path, text)
    earlier = before.raw()
    reused = (earlier, before.record) if earlier is not None else None
    return validate_reusing(model, path, text, raw, reused), lambda: raw
