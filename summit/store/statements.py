"""A TOML text as statements and the gaps between them, for merging comments.

A statement is a table header or a `key = value` (however many lines its value
takes); a gap is the blank and comment lines above one. Each statement is
named (its anchor) by its full key path, list items by an identity the caller
gives, so that the same statement can be found in every version of a file.
"""

from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any

from summit.store.comments import comment_start
from summit.store.layout import (
    ONE_LINE_VALUE,
    SIMPLE_HEADER,
    SIMPLE_LINE,
    KeyPath,
    LayoutError,
    Scanner,
    parse_key,
    value_end,
)

Anchor = tuple[Hashable, ...]
"""("table", path) for a header, ("key", path) for a key line, ("end",) for the file's end."""
Gap = tuple[str, ...]
"""Blank and comment lines (without line endings) above a statement."""

END: Anchor = ("end",)
MISSING: Any = object()  # the statement is not in that version (or its comment cannot be told)
ItemMaps = dict[str, dict[int, Hashable]]
"""Per list of tables (`agenda`...): each item's index in one version -> its identity."""


@dataclass(slots=True)
class Statement:
    anchor: Anchor
    first: int
    end: int
    content: str | None = None
    """A one-line statement's text without its trailing comment; None when multi-line."""


@dataclass
class Statements:
    """One version's statements, gaps and trailing comments, by anchor."""

    lines: list[str]
    statements: list[Statement] = field(default_factory=list)
    gaps: dict[Anchor, Gap] = field(default_factory=dict)
    trailing: dict[Anchor, str | None] = field(default_factory=dict)
    order: list[Anchor] = field(default_factory=list)


class _Walker(Scanner):
    """The layout scanner, telling each statement apart from the gaps between them."""

    def walk(self, rename: Callable[[KeyPath], KeyPath]) -> Statements:
        text = Statements(self.lines)
        index = gap_start = 0
        while index < len(self.lines):
            line = self.lines[index]
            stripped = line.strip()
            if not stripped or stripped.startswith("#"):
                index += 1
                continue
            anchor, end = self._statement(index, line, rename)
            gap = (
                tuple([_bare(x) for x in self.lines[gap_start:index]]) if gap_start < index else ()
            )
            content, comment = split_comment(line) if end == index + 1 else (None, MISSING)
            if anchor in text.gaps:
                anchor = ("again", index)  # not valid TOML; the read-back will refuse it
            text.gaps[anchor] = gap
            text.trailing[anchor] = comment
            text.order.append(anchor)
            text.statements.append(Statement(anchor, index, end, content))
            index = gap_start = end
        text.gaps[END] = tuple(_bare(line) for line in self.lines[gap_start:])
        text.order.append(END)
        return text

    def _statement(
        self, index: int, line: str, rename: Callable[[KeyPath], KeyPath]
    ) -> tuple[Anchor, int]:
        if line.lstrip().startswith("["):
            plain = SIMPLE_HEADER.fullmatch(line)
            if plain and plain.group(1) == "[" and plain.group(3) == "]" and not self.array_counts:
                self.table = tuple(plain.group(2).split("."))  # no list of tables to count
            else:
                self.header(index, line, None)
            return ("table", rename(self.table)), index + 1
        simple = SIMPLE_LINE.match(line)
        if simple:
            key = ("key", rename((*self.table, simple.group(1))))
            if ONE_LINE_VALUE.fullmatch(line, simple.end()):
                return key, index + 1
            return key, value_end(self.lines, index, simple.end())
        indent = len(line) - len(line.lstrip())
        names, pos = parse_key(line, indent)
        if not line.startswith("=", pos):
            raise LayoutError("expected '=' after a key")
        return ("key", rename((*self.table, *names))), value_end(self.lines, index, pos + 1)


def _bare(line: str) -> str:
    return line.rstrip("\r\n")


def split_comment(line: str) -> tuple[str, str | None]:
    """A one-line statement's text and its trailing comment (with the spaces before it)."""
    body = _bare(line)
    start = comment_start(body) if "#" in body else None
    if start is None:
        return body, None
    content = body[:start].rstrip(" \t")
    return content, body[len(content) :]


def _renamer(maps: ItemMaps) -> Callable[[KeyPath], KeyPath]:
    if not maps:
        return lambda path: path

    def rename(path: KeyPath) -> KeyPath:
        if len(path) >= 2 and isinstance(path[1], int) and path[0] in maps:
            identity: Any = maps[str(path[0])].get(path[1], ("beyond", path[1]))
            return (path[0], identity, *path[2:])
        return path

    return rename


def read_statements(text: str, maps: ItemMaps) -> Statements:
    return _Walker(text.splitlines(keepends=True)).walk(_renamer(maps))
