"""New TOML text for data: one value, one table, or a whole document (tomlkit's style)."""

from collections.abc import Sequence
from typing import Any

import tomli
import tomlkit

from summit.store.diff import is_table_list
from summit.store.layout import KeyPath


def toml_item(value: Any) -> Any:
    """A tomlkit item for a value; text with line breaks stays readable over lines."""
    if isinstance(value, str) and "\n" in value:
        candidate = tomlkit.string(value, multiline=True)
        if tomli.loads(f"k = {candidate.as_string()}")["k"] == value:
            return candidate
    if isinstance(value, list):
        array = tomlkit.array()
        array.extend(toml_item(item) for item in value)
        return array
    return tomlkit.item(value)


def header_key(path: Sequence[str | int]) -> str:
    """A dotted key as TOML writes it, quoting only the parts that need it."""
    return ".".join(tomlkit.key(part).as_string() for part in path if isinstance(part, str))


def render_table(path: KeyPath, data: dict[str, Any], *, array: bool = False) -> str:
    """A new table (and its sub-tables) as TOML text, sub-tables as their own sections."""
    scalars = tomlkit.document()
    nested: list[str] = []
    for key, value in data.items():
        if isinstance(value, dict):
            nested.append(render_table((*path, key), value))
        elif is_table_list(value):
            nested.extend(render_table((*path, key), item, array=True) for item in value)
        else:
            scalars.add(key, toml_item(value))
    blocks = []
    if not path:  # the document itself: its values come first, with no header
        if len(scalars):
            blocks.append(tomlkit.dumps(scalars))
    elif array or len(scalars) or not nested:
        brackets = ("[[", "]]") if array else ("[", "]")
        blocks.append(f"{brackets[0]}{header_key(path)}{brackets[1]}\n{tomlkit.dumps(scalars)}")
    blocks.extend(nested)
    return "\n".join(blocks)


def render_document(data: dict[str, Any]) -> str:
    """A whole new file: top-level values first, then one section per table."""
    return render_table((), data)
