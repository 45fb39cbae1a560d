"""`summit fmt`: one layout for every data file, with every comment kept.

Normalises what people and merges leave behind (spacing around `=`, trailing
spaces, runs of blank lines, a missing final newline, CRLF) and nothing else:
key order and comments are the author's. The result must parse to exactly the
same data or the file is left alone.
"""

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tomli

from summit.store.atomic import real_path
from summit.store.exchange import replace_checked
from summit.store.layout import LayoutError, parse_key, value_end
from summit.store.locations import REGISTER_FILE, summit_files
from summit.store.lock import locked
from summit.store.parsing import decode, parse
from summit.store.problems import ConflictError, DataError, Problem
from summit.store.reading import read_data_file
from summit.store.rendering import header_key

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


# Characters tomlkit leaves raw in a quoted key that a terminal acts on when the file
# is shown (C1 controls, bidi overrides): written as escapes, as the author had to.
_RAW_IN_KEY = re.compile("[\x80-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")


def _key_text(names: list[str]) -> str:
    """A dotted key as TOML writes it; bare keys joined directly, as tomlkit is slow per key."""
    if all(_BARE_KEY.fullmatch(name) for name in names):
        return ".".join(names)
    return _RAW_IN_KEY.sub(lambda raw: f"\\u{ord(raw.group()):04x}", header_key(names))


class _Formatter:
    """One pass over the lines; every step appends, so the whole is linear in the file."""

    def __init__(self, text: str) -> None:
        self.lines = text.replace("\r\n", "\n").split("\n")
        self.out: list[str] = []
        # Comments held back until we know whether a header follows them: a blank line
        # then goes above the comments rather than being inserted into the output.
        self.comments: list[str] = []

    def flush(self) -> None:
        self.out.extend(self.comments)
        self.comments.clear()

    def blank(self) -> None:
        self.flush()
        if self.out and self.out[-1] != "":
            self.out.append("")

    def comment(self, line: str) -> None:
        self.comments.append(line.strip())

    def header(self, line: str) -> None:
        stripped = line.strip()
        is_array = stripped.startswith("[[")
        names, end = parse_key(stripped, 2 if is_array else 1)
        opening, closing = ("[[", "]]") if is_array else ("[", "]")
        rest = stripped[end + len(closing) :].strip()
        text = opening + _key_text(names) + closing
        text += f" {rest}" if rest else ""
        if self.out and self.out[-1] != "":
            self.out.append("")
        self.flush()
        self.out.append(text)

    def key_value(self, index: int) -> int:
        self.flush()
        line = self.lines[index].lstrip()
        indent = len(self.lines[index]) - len(line)
        names, pos = parse_key(line, 0)
        value = line[pos + 1 :].lstrip()
        # value_end scans the lines in place (never a copy), so it takes the position
        # in the line as written, indentation included.
        end = value_end(self.lines, index, indent + pos + 1) - index
        first = f"{_key_text(names)} = {value}"
        self.out.append(first.rstrip() if end == 1 else first)
        self.out.extend(self.lines[index + 1 : index + end - 1])
        if end > 1:
            self.out.append(self.lines[index + end - 1].rstrip())
        return index + end

    def run(self) -> str:
        index = 0
        while index < len(self.lines):
            stripped = self.lines[index].strip()
            if not stripped:
                self.blank()
            elif stripped.startswith("#"):
                self.comment(self.lines[index])
            elif stripped.startswith("["):
                self.header(self.lines[index])
            else:
                index = self.key_value(index)
                continue
            index += 1
        self.flush()
        while self.out and self.out[-1] == "":
            self.out.pop()
        first = next((i for i, line in enumerate(self.out) if line != ""), len(self.out))
        return "\n".join(self.out[first:]) + "\n" if len(self.out) > first else ""


def format_toml(text: str, data: dict[str, Any] | None = None) -> str:
    """The text in the canonical layout, or unchanged if it cannot be safely reformatted.

    `data` is the text already parsed, when the caller has it, to save parsing it again.
    """
    try:
        formatted = _Formatter(text).run()
        if formatted == text:
            return text
        same = tomli.loads(formatted) == (tomli.loads(text) if data is None else data)
    except (LayoutError, tomli.TOMLDecodeError, IndexError):
        return text
    return formatted if same else text


@dataclass(frozen=True, slots=True)
class FormatResult:
    changed: list[Path]
    total: int


def format_files(root: Path, *, write: bool) -> FormatResult:
    """Format the register and every summit file; nothing is written if any cannot be read."""
    problems: list[Problem] = []
    try:
        paths = [root / REGISTER_FILE, *summit_files(root)]
    except DataError as error:
        problems.extend(error.problems)
        paths = [root / REGISTER_FILE]
    pending: list[tuple[Path, bytes, str]] = []
    for path in paths:
        try:
            data = read_data_file(path)
            text = decode(path, data)
            parsed = parse(path, text)
        except DataError as error:
            problems.extend(error.problems)
            continue
        formatted = format_toml(text, parsed)
        if formatted != text:
            pending.append((path, data, formatted))
    if problems:
        raise DataError(problems)
    if write:
        for path, read, formatted in pending:
            _replace(path, read, formatted.encode("utf-8"))
    return FormatResult([path for path, _, _ in pending], len(paths))


def _replace(path: Path, read: bytes, data: bytes) -> None:
    """Write the formatted text unless someone saved the file since it was read."""
    target = real_path(path)
    with locked(target):
        # Checked after the swap where it can be (exchange.py): a write landing late stays.
        if not replace_checked(target, data, hashlib.sha256(read).hexdigest()):
            raise ConflictError(path, None)
