"""A data file's bytes read as text, as TOML and as a record, each failure naming file and line."""

import re
from pathlib import Path
from typing import Any, TypeVar

from pydantic import ValidationError

from summit.model.base import Record
from summit.store.problems import DataError, Problem
from summit.store.toml_dialect import TOMLDecodeError, strict_loads
from summit.store.validation import problems_from

M = TypeVar("M", bound=Record)

_BOM = b"\xef\xbb\xbf"
_READABLE_DEPTH = 100
# What git (and `summit merge-driver`) writes around two versions of a passage.
_CONFLICT_START = re.compile(r"^<<<<<<<(?: (.*))?$", re.MULTILINE)
_CONFLICT_END = re.compile(r"^>>>>>>>(?: |$)", re.MULTILINE)


def _position(data: bytes, offset: int) -> tuple[int, int]:
    line_start = data.rfind(b"\n", 0, offset) + 1
    return data.count(b"\n", 0, offset) + 1, offset - line_start + 1


def decode(path: Path, data: bytes) -> str:
    """The file's text, or a DataError saying exactly where the encoding is wrong."""
    if data.startswith(_BOM):
        raise DataError(
            [
                Problem(
                    path, 1, 1, "starts with a byte-order mark (BOM); save it as UTF-8 without BOM"
                )
            ]
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _position(data, error.start)
        bad = data[error.start : error.start + 1].hex()
        message = f"is not valid UTF-8 (byte 0x{bad}); save the file as UTF-8"
        raise DataError([Problem(path, line, column, message)]) from None


def parse(path: Path, text: str) -> dict[str, Any]:
    try:
        return strict_loads(text)
    except TOMLDecodeError as error:
        message = f"TOML syntax: {error.msg[0].lower()}{error.msg[1:]}"
        raise DataError([Problem(path, error.lineno, error.colno, message)]) from None
    except RecursionError:
        line, column = _deepest(text)
        message = "arrays or tables are nested too deeply to read"
        raise DataError([Problem(path, line, column, message)]) from None


def _deepest(text: str) -> tuple[int, int]:
    """Where nesting first gets too deep: a rough count of brackets and braces."""
    depth = 0
    for offset, char in enumerate(text):
        depth += 1 if char in "[{" else -1 if char in "]}" else 0
        if depth > _READABLE_DEPTH:
            encoded = text[:offset].encode("utf-8")
            return _position(encoded, len(encoded))
    return 1, 1


def validate(model: type[M], path: Path, text: str, data: dict[str, Any]) -> M:
    try:
        return model.model_validate(data)
    except ValidationError as error:
        raise DataError(problems_from(error, model, path, text)) from None


def check_conflict_markers(path: Path, text: str) -> None:
    """A DataError for each block of merge-conflict markers left in the text.

    Checked before parsing, as markers inside a multi-line string would
    otherwise be read as data; `"<<<<<<<" in text` keeps clean files fast.
    """
    if "<<<<<<<" not in text:
        return
    problems = [
        Problem(
            path,
            text.count("\n", 0, match.start()) + 1,
            1,
            f"unresolved merge conflict: {_conflict_label(match.group(1))}; "
            "keep the version you want and delete the marker lines "
            "(<<<<<<<, ======= and >>>>>>>)",
        )
        for match in _CONFLICT_START.finditer(text)
    ]
    if problems and _CONFLICT_END.search(text):
        raise DataError(problems)


def _conflict_label(marker: str | None) -> str:
    """What `summit merge-driver` wrote after `<<<<<<< ours:`; git's own markers say less."""
    label = (marker or "").strip()
    if label.startswith("ours:"):
        return label.removeprefix("ours:").strip()
    return "two versions of these lines"
