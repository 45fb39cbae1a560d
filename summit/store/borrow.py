"""Theirs' own text for tables only theirs changed, so that a merge keeps their comments.

A merge writes the merged data into ours' text. Where ours left a table as
the base had it and theirs changed or added it, theirs' text of that table
(its comments included) is a better source than re-rendering the data. Only
plain `[a.b.c]` tables are borrowed, and only when theirs' text, read on its
own, holds exactly the data the merge wants there; the whole merged file is
read back and checked afterwards anyway.
"""

import re
from dataclasses import dataclass
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
    """Where a text's plain table headers are, found when asked for.

    A merge borrows a table or two of a register that may hold hundreds of
    thousands: each header is found by searching for its own text, and only
    the lines after it are read, never an index of the whole file.
    """

    text: str

    def _header(self, key: str) -> int | None:
        """The offset of the first line that is the header `[key]`."""
        needle = f"[{key}]"
        at = self.text.find(needle)
        while at != -1:
            if at == 0 or self.text[at - 1] == "\n":
                line_end = self.text.find("\n", at)
                line = self.text[at : len(self.text) if line_end == -1 else line_end + 1]
                header = _HEADER.fullmatch(line)
                if header is not None and header.group(1) == key:
                    return at
            at = self.text.find(needle, at + 1)
        return None

    def _end(self, header: int, key: str, *, with_children: bool) -> int:
        """Where the next line starting with `[` is (past `key`'s sub-tables, if wanted)."""
        for match in _LINE_STARTING_A_TABLE.finditer(self.text, header + 1):
            found = _HEADER.fullmatch(match.group())
            child = found.group(1) if found else None
            if not (with_children and child is not None and child.startswith(key + ".")):
                return match.start()
        return len(self.text)

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
        header = self._header(key)
        if header is None:
            return None
        start = self._comments_above(header)
        end = self._end(header, key, with_children=with_children)
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
