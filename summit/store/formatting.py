"""`summit fmt`: one layout for every data file, with every comment kept.

Normalises what people and merges leave behind (spacing around `=`, trailing
spaces, runs of blank lines, a missing final newline, CRLF) and nothing else:
key order and comments are the author's. The result must parse to exactly the
same data or the file is left alone.
"""

from dataclasses import dataclass
from pathlib import Path

import tomli

from summit.store.atomic import real_path, write_atomic
from summit.store.document import decode, parse
from summit.store.layout import LayoutError, parse_key, value_end
from summit.store.locations import REGISTER_FILE, summit_files
from summit.store.lock import locked
from summit.store.patch import header_key
from summit.store.problems import ConflictError, DataError, Problem
from summit.store.reading import read_data_file


class _Formatter:
    def __init__(self, text: str) -> None:
        self.lines = text.replace("\r\n", "\n").split("\n")
        self.out: list[str] = []
        self.comment_block_start: int | None = None

    def blank(self) -> None:
        if self.out and self.out[-1] != "":
            self.out.append("")
        self.comment_block_start = None

    def comment(self, line: str) -> None:
        if self.comment_block_start is None:
            self.comment_block_start = len(self.out)
        self.out.append(line.strip())

    def header(self, line: str) -> None:
        stripped = line.strip()
        is_array = stripped.startswith("[[")
        names, end = parse_key(stripped, 2 if is_array else 1)
        opening, closing = ("[[", "]]") if is_array else ("[", "]")
        rest = stripped[end + len(closing) :].strip()
        text = opening + header_key(names) + closing
        text += f" {rest}" if rest else ""
        start = self.comment_block_start if self.comment_block_start is not None else len(self.out)
        if start > 0 and self.out[start - 1] != "":
            self.out.insert(start, "")
        self.out.append(text)
        self.comment_block_start = None

    def key_value(self, index: int) -> int:
        line = self.lines[index].lstrip()
        names, pos = parse_key(line, 0)
        value = line[pos + 1 :].lstrip()
        end = value_end([*self.lines[index:], ""], 0, len(line) - len(line[pos + 1 :]))
        first = f"{header_key(names)} = {value}"
        self.out.append(first.rstrip() if end == 1 else first)
        self.out.extend(self.lines[index + 1 : index + end - 1])
        if end > 1:
            self.out.append(self.lines[index + end - 1].rstrip())
        self.comment_block_start = None
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
        while self.out and self.out[-1] == "":
            self.out.pop()
        while self.out and self.out[0] == "":
            self.out.pop(0)
        return "\n".join(self.out) + "\n" if self.out else ""


def format_toml(text: str) -> str:
    """The text in the canonical layout, or unchanged if it cannot be safely reformatted."""
    try:
        formatted = _Formatter(text).run()
        same = tomli.loads(formatted) == tomli.loads(text)
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
            parse(path, text)
        except DataError as error:
            problems.extend(error.problems)
            continue
        formatted = format_toml(text)
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
        if read_data_file(path) != read:
            raise ConflictError(path, None)
        write_atomic(target, data)
