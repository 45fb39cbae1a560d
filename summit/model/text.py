"""Constrained text types shared by every record.

Values end up in invites, e-mails and terminals, so control characters are
refused at the door rather than escaped at every exit.
"""

import re
import unicodedata
from typing import Annotated

from pydantic import AfterValidator, Strict

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_PHONE = re.compile(r"\+?[0-9 ()\-]{7,25}")

LINE_MAX = 200
TEXT_MAX = 10_000
SLUG_MAX = 64


def _refuse_controls(value: str, *, allow_newlines: bool) -> str:
    for char in value:
        if char in "\n\t" and allow_newlines:
            continue
        if unicodedata.category(char) in {"Cc", "Cf", "Zl", "Zp"} and char != "\u200d":
            raise ValueError(f"contains a control character (U+{ord(char):04X})")
    return value


def _line(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty")
    if len(value) > LINE_MAX:
        raise ValueError(f"is {len(value)} characters long; at most {LINE_MAX} fit on one line")
    if "\n" in value:
        raise ValueError("must be a single line")
    return _refuse_controls(value, allow_newlines=False)


def _text(value: str) -> str:
    if len(value) > TEXT_MAX:
        raise ValueError(f"is {len(value)} characters long; the limit is {TEXT_MAX}")
    return _refuse_controls(value, allow_newlines=True)


def _slug(value: str) -> str:
    if len(value) > SLUG_MAX:
        raise ValueError(f"id is {len(value)} characters long; the limit is {SLUG_MAX}")
    if not _SLUG.fullmatch(value):
        raise ValueError(
            f"id {value!r} must be lower-case letters and digits joined by single hyphens, "
            "such as 'google' or 'head-of-policy'"
        )
    return value


def is_slug(value: str) -> bool:
    return len(value) <= SLUG_MAX and _SLUG.fullmatch(value) is not None


def _phone(value: str) -> str:
    if not _PHONE.fullmatch(value) or sum(c.isdigit() for c in value) < 7:
        raise ValueError(f"{value!r} is not a phone number (digits, spaces, +, brackets, hyphens)")
    return value


Line = Annotated[str, Strict(), AfterValidator(_line)]
"""One line of text such as a name or a title."""

Text = Annotated[str, Strict(), AfterValidator(_text)]
"""Free text that may run over several lines, such as an objective or notes."""

Slug = Annotated[str, Strict(), AfterValidator(_slug)]
"""A stable identifier used as a TOML key and in references between files."""

Phone = Annotated[str, Strict(), AfterValidator(_phone)]
