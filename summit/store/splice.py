"""Reading a file again after a small change: only the sections around the change are parsed.

A pull that renamed one organisation of a 100,000-delegate register made the
next start parse the whole file again (0.8 s of TOML) and compare every
organisation with the version kept from before, to find the one that changed.
With the text that version was read from, the change is found by comparing the
two texts from each end, and only the sections around it are parsed
(`[organisations.google]`, `[organisations.google.delegates.ceo]`, ...): every
other organisation is the record kept.

It gives what reading the whole file gives (tests/store/test_splice.py), or
nothing, and then the whole file is read: whenever the sections cannot be told
apart from the text alone (a multi-line string could hold a line that looks
like a header) or an entry of the changed sections could be defined elsewhere
in the file too.
"""

import pickle
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from summit.model.base import Record
from summit.store.reuse import same_data
from summit.store.text_change import TextChange
from summit.store.toml_dialect import TOMLDecodeError, strict_loads

if TYPE_CHECKING:
    from summit.store.record_cache import Previous

_MOST_OF = 4
"""Sections over a quarter of the file are not worth telling apart: the whole is read."""

_DATA_LINE = re.compile(r"^[ \t]*[^#\s]", re.MULTILINE)
"""A line that is neither blank nor a comment."""

RawLater = Callable[[], dict[str, Any]]
"""The file's parsed data, made when first asked for (only a save needs it)."""


@dataclass(frozen=True)
class Spliced:
    given: dict[str, Any]
    """The data to validate: the kept records, and the changed sections' tables."""
    raw: RawLater
    """The file's parsed data, as parsing the whole file gives it."""


def keyed_table(model: type[Record]) -> str | None:
    """The model's one field, if that is all a file of it holds (the register's
    organisations): only such files are spliced."""
    fields = list(model.model_fields)
    return fields[0] if len(fields) == 1 else None


def splice(table: str, new_text: str, before: "Previous", change: TextChange) -> Spliced | None:
    """The new text's data, reading only what changed (`change`) since the version
    kept as `before`; None when that cannot be done safely."""
    changed = _changed_sections(table, before.text, new_text, change, before.facts.sectioned)
    if changed is None:
        return None
    old_tables, new_tables = changed
    kept: dict[str, Any] = getattr(before.record, table)
    place = _contiguous_place(list(kept), list(old_tables))
    if place is None:
        return None
    given = _replaced(kept, place, len(old_tables), _reused(new_tables, old_tables, kept))
    raw = _raw_later(table, before.raw_blob, place, len(old_tables), new_tables)
    return Spliced({table: given}, raw)


def _changed_sections(
    table: str, old_text: str, new_text: str, change: TextChange, old_sectioned: bool
) -> tuple[dict[str, Any], dict[str, Any]] | None:
    """The entries of the sections that changed, as they were and as they are, if
    those sections alone define them."""
    if old_text == new_text or not _still_sectioned(table, new_text, change, old_sectioned):
        return None
    found = _sections_around(table, new_text, change.start, change.end)
    if found is None:
        return None
    begin, end = found
    if (end - begin) * _MOST_OF > len(new_text):
        return None  # the old sections would be parsed too: reading the whole is quicker
    # The old text differs only between the same boundaries, and what the new text
    # holds outside them (no long strings, no quoted keys) holds for the old one too.
    old_part = old_text[begin : end + len(old_text) - len(new_text)]
    old_tables, new_tables = _tables(table, old_part), _tables(table, new_text[begin:end])
    if old_tables is None or new_tables is None:
        return None
    if _defined_elsewhere(table, [*old_tables, *new_tables], new_text, begin, end):
        return None
    return old_tables, new_tables


def sectioned(table: str, text: str) -> bool:
    """Whether each of `table`'s entries is in sections of its own, told from the text
    alone: nothing the text holds may read as one of them but their own sections."""
    if _has_long_strings(text) or _whole_table(table).search(text):
        return False
    first = _first_section(text)
    return first >= 0 and not _DATA_LINE.search(text, 0, first)


def _still_sectioned(table: str, text: str, change: TextChange, old_sectioned: bool) -> bool:
    """`sectioned`, for a new text whose kept version was `old_sectioned`: only the
    changed lines are looked at, when the change is past the first section. What
    could unsection a text lies within a line, so anywhere else it was in the kept
    text too (summit.store.text_change)."""
    if not old_sectioned or not 0 <= _first_section(text) < change.lines[0]:
        return sectioned(table, text)
    first, last = change.lines
    quotes = change.shows(text, '"""') or change.shows(text, "'''")
    return not quotes and not _whole_table(table).search(text, first, last)


def _first_section(text: str) -> int:
    """Where the first line that begins with `[` starts; -1 if none does."""
    if text.startswith("["):
        return 0
    found = text.find("\n[")
    return found + 1 if found >= 0 else -1


def _has_long_strings(text: str) -> bool:
    return '"""' in text or "'''" in text


def _sections_around(table: str, text: str, start: int, end: int) -> tuple[int, int] | None:
    """Where the sections holding text[start:end] begin and end, taking in every section
    of the entries at either end: each boundary is a line that begins a section of
    another entry in both texts (before `start`, at or after `end`)."""
    header = _entry_header(table)
    begin = text.rfind("\n[", 0, start) + 1
    first = header.match(text, begin)
    if begin >= start or first is None:
        return None
    while begin > 0:  # the entry's sections before this one
        earlier = text.rfind("\n[", 0, begin - 1) + 1
        found = header.match(text, earlier)
        if found is None or found[1] != first[1]:
            break
        begin = earlier
    while (newline := text.find("\n[", end)) >= 0:
        after = newline + 1
        found = header.match(text, after)
        last = header.match(text, text.rfind("\n[", 0, newline) + 1)
        if found is None or last is None:
            return None
        if found[1] != last[1]:
            return begin, after
        end = after  # another section of the same entry
    return begin, len(text)


def _tables(table: str, part: str) -> dict[str, Any] | None:
    """The entries the sections define, if they define nothing else."""
    try:
        data = strict_loads(part)
    except TOMLDecodeError:
        return None  # the whole file is read, and its error placed
    entries = data.pop(table, None)
    if data or not isinstance(entries, dict):
        return None
    return entries


def _defined_elsewhere(table: str, ids: list[str], text: str, begin: int, end: int) -> bool:
    # Anywhere, not only at the start of a line: a regex starting with a character is
    # searched for quickly (anchored at lines, 0.1 s on 100,000 delegates); a comment
    # that looks like a header only makes the whole file be read.
    named = "|".join(re.escape(entry_id) for entry_id in ids)
    elsewhere = re.compile(rf"\[\[?[ \t]*{re.escape(table)}[ \t]*\.[ \t]*(?:{named})[ \t]*[.\]]")
    return bool(elsewhere.search(text, 0, begin) or elsewhere.search(text, end))


def _contiguous_place(kept: list[str], old_ids: list[str]) -> int | None:
    """Where the changed sections' entries were among the kept ones, if together there."""
    if not old_ids or old_ids[0] not in kept:
        return None
    place = kept.index(old_ids[0])
    return place if kept[place : place + len(old_ids)] == old_ids else None


def _reused(
    new_tables: dict[str, Any], old_tables: dict[str, Any], kept: dict[str, Any]
) -> dict[str, Any]:
    """The new sections' tables, each the kept record where its data did not change."""
    return {
        key: kept[key] if key in old_tables and same_data(old_tables[key], value) else value
        for key, value in new_tables.items()
    }


def _replaced(kept: dict[str, Any], place: int, count: int, new: dict[str, Any]) -> dict[str, Any]:
    """`kept` with its `count` entries from `place` replaced by `new`, in the file's order."""
    items = list(kept.items())
    return dict([*items[:place], *new.items(), *items[place + count :]])


def _raw_later(
    table: str, old_raw: bytes, place: int, count: int, new_tables: dict[str, Any]
) -> RawLater:
    @cache
    def raw() -> dict[str, Any]:
        data: dict[str, Any] = pickle.loads(old_raw)  # our own cache's (see RecordCache.get)
        data[table] = _replaced(data[table], place, count, new_tables)
        return data

    return raw


@cache
def _entry_header(table: str) -> re.Pattern[str]:
    """A section header of one entry of the table, or of a table inside it."""
    return re.compile(rf"\[{re.escape(table)}\.([A-Za-z0-9_-]+)[.\]]")


@cache
def _whole_table(table: str) -> re.Pattern[str]:
    """A header of the whole table (`[organisations]`) or with quoted keys, anywhere
    (see `_defined_elsewhere`)."""
    name = re.escape(table)
    return re.compile(rf"\[[ \t]*(?:[\"']|\[[ \t]*[\"']|{name}[ \t]*(?:\]|\.[ \t]*[\"']))")
