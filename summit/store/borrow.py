"""Theirs' own text for tables only theirs changed, so that a merge keeps their comments.

A merge writes the merged data into ours' text. Where ours left a table as
the base had it and theirs changed or added it, theirs' text of that table
(its comments included) is a better source than re-rendering the data. Only
plain `[a.b.c]` tables are borrowed, and only when theirs' text, read on its
own, holds exactly the data the merge wants there; the whole merged file is
read back and checked afterwards anyway.
"""

import re
from dataclasses import dataclass, field
from typing import Any

import tomli

from summit.store.diff import is_table_list
from summit.store.layout import KeyPath

_HEADER = re.compile(r"\[([A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*)\][ \t]*(?:#.*)?\r?\n?")
_BARE = re.compile(r"[A-Za-z0-9_-]+")
_LINE_STARTING_A_TABLE = re.compile(r"^\[.*\n?", re.MULTILINE)


def _is_comment(line: str) -> bool:
    return line.lstrip().startswith("#")


@dataclass
class _Sections:
    """Where each plain table header of a text is, found by one regular-expression pass."""

    text: str
    headers: list[int] = field(default_factory=list)
    """Offset of every line that starts with `[`."""
    keys: list[str | None] = field(default_factory=list)
    """The dotted key of each of those headers; None for `[[...]]` or quoted keys."""
    by_key: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for match in _LINE_STARTING_A_TABLE.finditer(self.text):
            header = _HEADER.fullmatch(match.group())
            key = header.group(1) if header else None
            if key is not None:
                self.by_key.setdefault(key, len(self.headers))
            self.headers.append(match.start())
            self.keys.append(key)

    def _comments_above(self, offset: int) -> int:
        """The start of the comment lines directly above the line at `offset`."""
        while offset > 0:
            previous = self.text.rfind("\n", 0, offset - 1) + 1
            if not _is_comment(self.text[previous:offset]):
                break
            offset = previous
        return offset

    def block(self, key: str, *, with_children: bool) -> str | None:
        """The table's comments above, header and body (and its sub-tables), without the tail."""
        number = self.by_key.get(key)
        if number is None:
            return None
        start = self._comments_above(self.headers[number])
        after = number + 1
        while with_children and after < len(self.headers):
            child = self.keys[after]
            if child is None or not child.startswith(key + "."):
                break
            after += 1
        end = self.headers[after] if after < len(self.headers) else len(self.text)
        lines = self.text[start : self._comments_above(end)].splitlines(keepends=True)
        return "".join(lines[: body_end(lines, 0, len(lines))])


def body_end(lines: list[str], start: int, end: int) -> int:
    """Where a section's trailing blank lines and stand-alone comments begin."""
    last = end
    while last > start and (not lines[last - 1].strip() or _is_comment(lines[last - 1])):
        last -= 1
    while last < end and _is_comment(lines[last]):
        last += 1  # a comment right under the last key belongs to the table
    return last


def _dotted(path: KeyPath) -> str | None:
    if not path or not all(isinstance(p, str) and _BARE.fullmatch(p) for p in path):
        return None
    return ".".join(str(p) for p in path)


def _nested(path: KeyPath, value: Any) -> dict[str, Any]:
    data: Any = value
    for part in reversed(path):
        data = {part: data}
    result: dict[str, Any] = data
    return result


def _own_part(value: dict[str, Any], written: dict[str, Any]) -> dict[str, Any]:
    """What of `value` a section holds itself, given what its text `written` holds."""
    return {
        k: v
        for k, v in value.items()
        if k in written or not (isinstance(v, dict) or is_table_list(v))
    }


class TheirsText:
    """Borrows theirs' text of tables ours left as the base had them."""

    def __init__(self, base: str, theirs: str) -> None:
        self._texts = {"base": base, "theirs": theirs}
        self._sections: dict[str, _Sections] = {}

    def _of(self, name: str) -> _Sections:
        if name not in self._sections:
            self._sections[name] = _Sections(self._texts[name])
        return self._sections[name]

    def table(self, path: KeyPath, value: Any) -> str | None:
        """Theirs' text of a new table (with its sub-tables), if it holds exactly `value`."""
        key = _dotted(path)
        if key is None or not isinstance(value, dict):
            return None
        text = self._of("theirs").block(key, with_children=True)
        if text is None or _read(text) != _nested(path, value):
            return None
        return text

    def section(self, path: KeyPath, value: Any, current: str) -> str | None:
        """Theirs' text of a table's own section, when ours' text (`current`) is the base's."""
        key = _dotted(path)
        if key is None or not isinstance(value, dict):
            return None
        if current != self._of("base").block(key, with_children=False):
            return None
        text = self._of("theirs").block(key, with_children=False)
        if text is None:
            return None
        data = _read(text)
        written = data
        for part in path:
            written = written.get(str(part)) if isinstance(written, dict) else None
        if not isinstance(written, dict) or data != _nested(path, _own_part(value, written)):
            return None
        return text


def _read(text: str) -> Any:
    try:
        return tomli.loads(text)
    except tomli.TOMLDecodeError:
        return None
