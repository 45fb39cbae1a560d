"""Where things are in a TOML text: table sections and key positions.

tomli gives values but no positions, and a style-preserving parse of a large
file is slow, so this light scanner maps each table header and key to its line.
It is used only when positions are needed: to report a problem, or to edit a
file in place. It understands enough TOML to skip multi-line strings and
arrays; anything it cannot follow makes the editor fall back to tomlkit.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

KeyPath = tuple[str | int, ...]

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
SIMPLE_LINE = re.compile(r"[ \t]*([A-Za-z0-9_-]+)[ \t]*=[ \t]*+(?![\"']{3}|[\[{])")
SIMPLE_HEADER = re.compile(
    r"[ \t]*(\[\[?)([A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*)(\]\]?)[ \t]*(?:#.*)?\r?\n?"
)
_ESCAPED_QUOTE = re.compile(r'\\.|"')
# A value that certainly ends on its own line: a string without escapes, or a bare scalar.
ONE_LINE_VALUE = re.compile(r"""(?:"[^"\\\n]*"|'[^'\n]*'|[^\s#"'\[{]+)[ \t]*(?:#.*)?\r?\n?""")


class LayoutError(ValueError):
    """The scanner met TOML it does not follow (the file may still be valid)."""


@dataclass(slots=True)
class Section:
    """A table header and its body. `start` includes the comment lines just above."""

    path: KeyPath
    is_array: bool
    start: int
    header: int
    end: int = 0


@dataclass(slots=True)
class Layout:
    lines: list[str]
    sections: list[Section]
    known_keys: dict[KeyPath, tuple[int, int]] | None = field(default_factory=dict)
    """The key positions (see `keys`); None until first asked for."""
    known_assigned: set[KeyPath] | None = field(default_factory=set)
    """The assigned keys (see `assigned`); None until first asked for."""
    plain: tuple[str, list[tuple[KeyPath, int, int]]] | None = None
    """A plain text (see `_plain_scan`) and where each table's own lines are in it."""

    # Both are found on first use: only a problem's position needs the keys, and only
    # an edit that adds or deletes tables the assigned ones, while a merge of a big
    # register would otherwise note every one of its lines.

    @property
    def keys(self) -> dict[KeyPath, tuple[int, int]]:
        """1-based line and column of each key and table header."""
        if self.known_keys is None:
            self.known_keys = Scanner(self.lines).scan().keys
        return self.known_keys

    @property
    def assigned(self) -> set[KeyPath]:
        """Keys given a value by a `key = value` line (with the parents a dotted key makes)."""
        if self.known_assigned is None and self.plain is not None:
            text, bodies = self.plain
            self.known_assigned = {
                (*table, key) for table, at, end in bodies for key in _KEY_AT.findall(text, at, end)
            }
        elif self.known_assigned is None:  # lines changed since the scan: scanned again
            plain = _plain_scan("".join(self.lines), self.lines)
            self.known_assigned = (plain or Scanner(self.lines).scan()).assigned
        return self.known_assigned

    def locate(self, path: KeyPath) -> tuple[int, int]:
        """The position of a key path, or of its nearest ancestor that is written."""
        for size in range(len(path), 0, -1):
            position = self.keys.get(path[:size])
            if position is not None:
                return position
        return (1, 1)


def _string_end(line: str, pos: int) -> int:
    """Index just past a one-line basic or literal string starting at pos."""
    quote = line[pos]
    if quote == "'":
        end = line.find("'", pos + 1)
        if end < 0:
            raise LayoutError("unterminated literal string")
        return end + 1
    for match in _ESCAPED_QUOTE.finditer(line, pos + 1):
        if match.group() == '"':
            return match.end()
    raise LayoutError("unterminated string")


def parse_key(line: str, pos: int) -> tuple[list[str], int]:
    """A dotted key starting at pos, and the index just past it."""
    parts: list[str] = []
    while True:
        while pos < len(line) and line[pos] in " \t":
            pos += 1
        if pos < len(line) and line[pos] in "\"'":
            end = _string_end(line, pos)
            raw = line[pos + 1 : end - 1]
            parts.append(raw if line[pos] == "'" else _unescape(raw))
            pos = end
        else:
            match = _BARE_KEY.match(line, pos)
            if not match:
                raise LayoutError("expected a key")
            parts.append(match.group())
            pos = match.end()
        while pos < len(line) and line[pos] in " \t":
            pos += 1
        if pos < len(line) and line[pos] == ".":
            pos += 1
            continue
        return parts, pos


def _unescape(raw: str) -> str:
    import tomli  # noqa: PLC0415 - only quoted keys with escapes get here

    if "\\" not in raw:
        return raw
    return str(tomli.loads(f'k = "{raw}"')["k"])


def _string_close(line: str, pos: int, closing: str) -> tuple[int, bool]:
    """Advance inside a multi-line string; returns the new position and whether it closed."""
    if closing == '"""' and line[pos] == "\\":
        return pos + 2, False
    if not line.startswith(closing, pos):
        return pos + 1, False
    pos += 3
    # A run of up to five quotes closes the string; the extra ones are its content.
    while pos < len(line) and line[pos] == closing[0]:
        pos += 1
    return pos, True


def value_end(lines: list[str], index: int, pos: int) -> int:
    """The index of the line after the value that starts at lines[index][pos]."""
    depth = 0
    closing: str | None = None
    while index < len(lines):
        line = lines[index]
        while pos < len(line):
            if closing is not None:
                pos, closed = _string_close(line, pos, closing)
                closing = None if closed else closing
                continue
            char = line[pos]
            if char == "#":
                break
            if line.startswith(('"""', "'''"), pos):
                closing = line[pos : pos + 3]
                pos += 3
            elif char in "\"'":
                pos = _string_end(line, pos)
            else:
                depth += (char in "[{") - (char in "]}")
                pos += 1
        index += 1
        pos = 0
        if closing is None and depth <= 0:
            return index
    raise LayoutError("a value runs to the end of the file")


class Scanner:
    """Walks a TOML text line by line, keeping track of the table each line is in."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.sections: list[Section] = []
        self.keys: dict[KeyPath, tuple[int, int]] = {}
        self.assigned: set[KeyPath] = set()
        self.array_counts: dict[KeyPath, int] = {}
        self.table: KeyPath = ()

    def resolve(self, names: list[str], *, is_array: bool) -> KeyPath:
        """A header's key path with the index of each array of tables it passes."""
        path: KeyPath = ()
        for position, name in enumerate(names):
            path = (*path, name)
            last = position == len(names) - 1
            if path in self.array_counts and not (last and is_array):
                path = (*path, self.array_counts[path])
        if is_array:
            self.array_counts[path] = self.array_counts.get(path, -1) + 1
            path = (*path, self.array_counts[path])
        return path

    def header(self, index: int, line: str, comments_from: int | None) -> None:
        simple = SIMPLE_HEADER.fullmatch(line)
        if simple and len(simple.group(1)) == len(simple.group(3)):
            is_array = simple.group(1) == "[["
            names = simple.group(2).split(".")
            column = simple.start(1) + 1
        else:
            names, is_array, column = self._quoted_header(line)
        self.table = self.resolve(names, is_array=is_array)
        start = index if comments_from is None else comments_from
        if self.sections:
            self.sections[-1].end = start
        self.sections.append(Section(self.table, is_array, start, index))
        position = (index + 1, column)
        self.keys[self.table] = position
        for size in range(1, len(self.table)):
            # An implicit parent table is best shown where its first sub-table starts.
            self.keys.setdefault(self.table[:size], position)

    @staticmethod
    def _quoted_header(line: str) -> tuple[list[str], bool, int]:
        stripped = line.lstrip()
        is_array = stripped.startswith("[[")
        indent = len(line) - len(stripped)
        names, pos = parse_key(line, indent + (2 if is_array else 1))
        if not line.startswith("]]" if is_array else "]", pos):
            raise LayoutError("malformed table header")
        return names, is_array, indent + 1

    def key_value(self, index: int, line: str) -> int:
        simple = SIMPLE_LINE.match(line)
        if simple:
            key = (*self.table, simple.group(1))
            self.keys[key] = (index + 1, simple.start(1) + 1)
            self.assigned.add(key)
            if ONE_LINE_VALUE.fullmatch(line, simple.end()):
                return index + 1
            return value_end(self.lines, index, simple.end())
        indent = len(line) - len(line.lstrip())
        names, pos = parse_key(line, indent)
        if not line.startswith("=", pos):
            raise LayoutError("expected '=' after a key")
        path = self.table
        for name in names:
            path = (*path, name)
            self.keys.setdefault(path, (index + 1, indent + 1))
            self.assigned.add(path)
        return value_end(self.lines, index, pos + 1)

    def scan(self) -> Layout:
        root = Section((), False, 0, -1)
        self.sections.append(root)
        comments_from: int | None = None
        index = 0
        while index < len(self.lines):
            line = self.lines[index]
            stripped = line.strip()
            if not stripped:
                comments_from = None
                index += 1
            elif stripped.startswith("#"):
                comments_from = index if comments_from is None else comments_from
                index += 1
            elif stripped.startswith("["):
                self.header(index, line, comments_from)
                comments_from = None
                index += 1
            else:
                comments_from = None
                index = self.key_value(index, line)
        self.sections[-1].end = len(self.lines)
        return Layout(self.lines, self.sections, self.keys, self.assigned)


def assigned_keys(body: list[str]) -> set[KeyPath]:
    """The keys (with the parents dotted keys make) that a table's own lines give values to.

    Relative to the table; LayoutError if the lines hold a table header.
    """
    scanner = Scanner(body)
    if len(scanner.scan().sections) > 1:
        raise LayoutError("a table header among a table's own lines")
    return scanner.assigned


def scan(text: str) -> Layout:
    """Sections and key positions of a TOML text (which tomli has accepted)."""
    lines = text.splitlines(keepends=True)
    return _plain_scan(text, lines) or Scanner(lines).scan()


# A text whose every line is blank, a comment, a plain [header] or a plain one-line
# `key = value` (what summit writes for a register): checked whole by one regex, its
# layout is found from its headers alone, as `Scanner` would find it line by line
# (in a third of the time: the walk was a sixth of a 5 MB register's merge).
_PLAIN_NAME = r"[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*"
_PLAIN_HEADER = rf"\[(?:{_PLAIN_NAME}|\[{_PLAIN_NAME}\])\]"
_PLAIN_VALUE = r"""(?![\"']{3}|[\[{])(?:"[^"\\\n]*"|'[^'\n]*'|[^\s#"'\[{]+)[ \t]*"""
_PLAIN_TEXT = re.compile(
    rf"(?:[ \t]*(?:{_PLAIN_HEADER}[ \t]*|[A-Za-z0-9_-]+[ \t]*=[ \t]*+{_PLAIN_VALUE})?"
    r"(?:#[^\n]*)?\r?\n)*+"
)
# A header after a line break, found from the breaks (three times as fast as `^` is).
_HEADER_AT_START = re.compile(r"[ \t]*\[(\[?)([^\]]*)\]")
_HEADER_AFTER_BREAK = re.compile(r"\n[ \t]*\[(\[?)([^\]]*)\]")
_KEY_AT = re.compile(r"^[ \t]*([A-Za-z0-9_-]+)[ \t]*=", re.MULTILINE)


def _plain_scan(text: str, lines: list[str]) -> Layout | None:
    """The layout of a plain text (see `_PLAIN_TEXT`), its keys and assigned keys left
    to be found on demand; None if the text is not plain.

    Its lines must also be the text's `\\n`-ended ones: `splitlines` breaks at other
    characters too, which a string value may hold (and a last line may have no end).
    """
    if len(lines) != text.count("\n"):
        return None
    if _PLAIN_TEXT.fullmatch(text) is None:
        return None
    scanner = Scanner(lines)
    sections = scanner.sections = [Section((), False, 0, -1)]
    bodies: list[tuple[KeyPath, int, int]] = []  # each table and where its lines are
    index = at = 0
    for offset, bracket, name in _headers(text):
        bodies.append((sections[-1].path, at, offset))
        index += text.count("\n", at, offset)
        at = offset
        start = index
        while start and lines[start - 1].lstrip(" \t").startswith("#"):
            start -= 1  # the comments just above a header are its section's
        is_array = bracket == "["
        names = name.split(".")
        if scanner.array_counts or is_array:
            table = scanner.resolve(names, is_array=is_array)
        else:
            table = tuple(names)  # what `resolve` gives where no [[array]] has been seen
        sections[-1].end = start
        sections.append(Section(table, is_array, start, index))
    sections[-1].end = len(lines)
    bodies.append((sections[-1].path, at, len(text)))
    return Layout(lines, sections, None, None, (text, bodies))


def _headers(text: str) -> Iterator[tuple[int, str, str]]:
    """Where each header line of a plain text starts, its second `[` if any, and its name."""
    first = _HEADER_AT_START.match(text)
    if first:
        yield 0, first.group(1), first.group(2)
    for found in _HEADER_AFTER_BREAK.finditer(text):
        yield found.start() + 1, found.group(1), found.group(2)
