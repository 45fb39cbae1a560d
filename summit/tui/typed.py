"""What a person types for a field, read as that field's type.

The resolution screen asks for a value both sides of a merge changed. People
type `Lancaster House`, `25`, `yes` or `2027-01-20`, not TOML literals: the
type is the one the sides' values have (a string field takes the text as is).
"""

import re
from collections.abc import Callable, Sequence
from datetime import date, datetime, time
from typing import Any

import tomli

_TRUE = {"true", "yes", "y", "on"}
_FALSE = {"false", "no", "n", "off"}


class Unreadable(ValueError):
    """The text is not a value of the field's type; the message says what is wanted."""


def shown_for_typing(value: Any) -> str:
    """A value as a person would type it: text as is, other values as the file writes them."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ", ".join(shown_for_typing(item) for item in value)
    if isinstance(value, datetime | date | time):
        return value.isoformat(sep=" ") if isinstance(value, datetime) else value.isoformat()
    return str(value)


def read_typed(text: str, like: Sequence[Any]) -> Any:
    """`text` read as the type of the values in `like` (the sides of a merge).

    Raises Unreadable, saying what is wanted, when it cannot be read as that type.
    """
    kinds = [value for value in like if value is not None]
    if not kinds:
        return text
    first = kinds[0]
    if isinstance(first, list):
        items = [item for value in kinds if isinstance(value, list) for item in value]
        return _read_list(text, items)
    return _reader(first)(text.strip() if not isinstance(first, str) else text)


def _reader(example: Any) -> Callable[[str], Any]:
    # bool before int (a bool is an int) and datetime before date (a datetime is a date).
    for kind, reader in _READERS:
        if isinstance(example, kind):
            return reader
    return _toml


def _read_bool(text: str) -> bool:
    word = text.lower()
    if word in _TRUE:
        return True
    if word in _FALSE:
        return False
    raise Unreadable("wanted yes or no (true or false)")


def _read_int(text: str) -> int:
    try:
        return int(re.sub(r"[,_ ]", "", text))
    except ValueError:
        raise Unreadable("wanted a whole number, like 25") from None


def _read_float(text: str) -> float:
    try:
        return float(re.sub(r"[,_ ]", "", text))
    except ValueError:
        raise Unreadable("wanted a number, like 2.5") from None


def _read_datetime(text: str) -> datetime:
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        raise Unreadable("wanted a date and time, like 2027-01-20 09:30") from None


def _read_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise Unreadable("wanted a date, like 2027-01-20") from None


def _read_time(text: str) -> time:
    try:
        return time.fromisoformat(text)
    except ValueError:
        raise Unreadable("wanted a time, like 09:30") from None


def _toml(text: str) -> Any:
    """A value of no known kind: as the file would write it, else the text itself."""
    try:
        return tomli.loads(f"value = {text}")["value"]
    except tomli.TOMLDecodeError:
        return text


def _read_list(text: str, items: list[Any]) -> list[Any]:
    """A list typed as the file writes one (`["a", "b"]`) or as items between commas."""
    if text.strip().startswith("["):
        try:
            value = tomli.loads(f"value = {text}")["value"]
        except tomli.TOMLDecodeError:
            raise Unreadable("wanted a list, like: first, second") from None
        return list(value)
    read = _reader(items[0]) if items else _toml
    parts = [part.strip() for part in text.split(",")]
    return [read(part) for part in parts if part]


_READERS: list[tuple[type | tuple[type, ...], Callable[[str], Any]]] = [
    (str, lambda text: text),
    (bool, _read_bool),
    (int, _read_int),
    (float, _read_float),
    (datetime, _read_datetime),
    (date, _read_date),
    (time, _read_time),
]
