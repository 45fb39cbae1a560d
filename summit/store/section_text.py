"""The text around a table: comments that stand apart from it, and tables an edit emptied.

A blank line then a comment at the end of a table is usually a heading for
what follows (`# ── Agenda ──`), not part of the table: a table added after it
goes before that heading, beside its own kind. A table that an edit emptied
(attendance cleared, say) goes, rather than stay as a bare `[header]` line.
"""

from collections.abc import Mapping
from typing import Any

KeyPath = tuple[str | int, ...]


def _is_comment(line: str) -> bool:
    return line.lstrip().startswith("#")


def split_detached(lines: list[str]) -> tuple[str, str]:
    """A section's text split into its body and the comments that stand apart at its end."""
    content = [i for i, line in enumerate(lines) if line.strip() and not _is_comment(line)]
    end = content[-1] + 1 if content else 0
    tail = lines[end:]
    first_comment = next((i for i, line in enumerate(tail) if _is_comment(line)), None)
    if first_comment is None or first_comment == 0:
        return "".join(lines), ""
    return "".join(lines[:end]), "".join(tail[first_comment:])


def ensure_newline(text: str) -> str:
    return text if not text or text.endswith("\n") else text + "\n"


def take_heading(out: list[str]) -> str:
    """Take the heading comments off the end of the text written so far, and return them
    (to be written again after what is inserted here); "" when it ends in none."""
    if not out:
        return ""
    body, heading = split_detached(out[-1].splitlines(keepends=True))
    if heading:
        out[-1] = body
    return heading


def _at(data: Any, path: KeyPath) -> Any:
    for part in path:
        in_table = isinstance(data, Mapping) and part in data
        in_list = isinstance(data, list) and isinstance(part, int) and part < len(data)
        if not (in_table or in_list):
            return None
        data = data[part]
    return data


def emptied(old: Mapping[str, Any], new: Mapping[str, Any], table: KeyPath) -> bool:
    """The edit left the table `table` empty where it held something: its header goes too."""
    before, after = _at(old, table), _at(new, table)
    return isinstance(after, Mapping) and not after and isinstance(before, Mapping) and bool(before)
