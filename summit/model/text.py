"""Constrained text types shared by every record.

Values end up in invites, e-mails and terminals, so control characters are
refused at the door rather than escaped at every exit.
"""

import re
from typing import Annotated

from pydantic import AfterValidator, Strict, WithJsonSchema

# Re-exported: the pure helpers live in summit.model.plain, importable without pydantic.
from summit.model.email_address import checked_email
from summit.model.plain import CONTROLS as _CONTROLS
from summit.model.plain import CONTROLS_OR_BREAKS as _CONTROLS_OR_BREAKS
from summit.model.plain import SLUG as _SLUG
from summit.model.plain import SLUG_MAX as SLUG_MAX  # noqa: PLC0414 (re-export)
from summit.model.plain import is_slug as is_slug  # noqa: PLC0414 (re-export)
from summit.model.plain import visible as visible  # noqa: PLC0414 (re-export)

_PHONE = re.compile(r"\+?[0-9 ()\-]{7,25}")

LINE_MAX = 200
TEXT_MAX = 10_000


def _refuse_controls(value: str, *, allow_newlines: bool) -> str:
    found = (_CONTROLS if allow_newlines else _CONTROLS_OR_BREAKS).search(value)
    if found:
        code = ord(found.group())
        kind = (
            "non-character"
            if code & 0xFFFE == 0xFFFE or 0xFDD0 <= code <= 0xFDEF
            else "control character"
        )
        raise ValueError(f"contains a {kind} (U+{code:04X})")
    return value


def _line(value: str) -> str:
    # Most lines are printable (so hold no control character: tests/model/test_records.py)
    # and short: said in C at once, sparing a register's 100,000 names and titles a search.
    if value.isprintable() and len(value) <= LINE_MAX and value and not value.isspace():
        return value
    if not value.strip():
        raise ValueError("must not be empty")
    if len(value) > LINE_MAX:
        raise ValueError(f"is {len(value)} characters long; at most {LINE_MAX} fit on one line")
    if "\n" in value:
        raise ValueError("must be a single line")
    return _refuse_controls(value, allow_newlines=False)


def _text(value: str) -> str:
    if value.isprintable() and len(value) <= TEXT_MAX:
        return value  # as `_line`: a printable text holds no control character
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


def _phone(value: str) -> str:
    if not _PHONE.fullmatch(value) or sum(c.isdigit() for c in value) < 7:
        raise ValueError(f"{value!r} is not a phone number (digits, spaces, +, brackets, hyphens)")
    return value


Line = Annotated[str, Strict(), AfterValidator(_line)]
"""One line of text such as a name or a title."""

Text = Annotated[str, Strict(), AfterValidator(_text)]
"""Free text that may run over several lines, such as an objective or notes."""


def _said(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty")
    return _text(value)


def _remark(value: str) -> str:
    if value.isprintable():
        return value
    return _refuse_controls(value, allow_newlines=False)


Remark = Annotated[str, Strict(), AfterValidator(_remark)]
"""A line written by someone outside (a reply's comment): may be empty, or long."""

Statement = Annotated[str, Strict(), AfterValidator(_said)]
"""Free text that is the record itself (an action, a commitment): never empty."""

Slug = Annotated[str, Strict(), AfterValidator(_slug)]
"""A stable identifier used as a TOML key and in references between files."""

Phone = Annotated[str, Strict(), AfterValidator(_phone)]

Email = Annotated[
    str,
    Strict(),
    AfterValidator(checked_email),
    WithJsonSchema({"type": "string", "format": "email"}),
]
"""An e-mail address, checked for syntax (not deliverability) and normalised."""
