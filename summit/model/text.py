"""Constrained text types shared by every record.

Values end up in invites, e-mails and terminals, so control characters are
refused at the door rather than escaped at every exit.
"""

import re
from functools import lru_cache
from typing import Annotated

from email_validator import EmailNotValidError, validate_email
from pydantic import AfterValidator, Strict, WithJsonSchema

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_PHONE = re.compile(r"\+?[0-9 ()\-]{7,25}")

LINE_MAX = 200
TEXT_MAX = 10_000
SLUG_MAX = 64


# Control and invisible formatting characters (Unicode Cc, Cf, Zl, Zp), except
# the zero-width joiner that emoji need. One regex search runs in C.
_CONTROLS = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891"
    "\u08e2\u180e\u200b\u200c\u200e\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f"
    "\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f]"
)
_CONTROLS_OR_BREAKS = re.compile(_CONTROLS.pattern[:-1] + "\t\n]")


def _refuse_controls(value: str, *, allow_newlines: bool) -> str:
    found = (_CONTROLS if allow_newlines else _CONTROLS_OR_BREAKS).search(value)
    if found:
        raise ValueError(f"contains a control character (U+{ord(found.group()):04X})")
    return value


# What is refused in values is shown escaped wherever text from the data or a file
# name is displayed (keys, file names, problem messages): and lone surrogates too,
# which undecodable bytes in a file name become and no terminal encoding can take.
_SHOWN_ESCAPED = re.compile(_CONTROLS.pattern[:-1] + "\ud800-\udfff]")
_SHOWN_ESCAPED_IN_A_LINE = re.compile(_CONTROLS_OR_BREAKS.pattern[:-1] + "\ud800-\udfff]")


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def visible(text: str, *, one_line: bool = False) -> str:
    """The text with every control and invisible formatting character shown as an escape.

    For showing text that may come from anyone who can commit to the data: an escape
    sequence, a bell or a bidi override would otherwise act on the reader's terminal.
    Tabs stay; line breaks stay unless `one_line`.
    """
    return (_SHOWN_ESCAPED_IN_A_LINE if one_line else _SHOWN_ESCAPED).sub(_escaped, text)


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


# email-validator checks every character of a domain against IDNA tables, which
# costs ~80 us an address; a register repeats a few domains thousands of times.
# So the domain is checked once per distinct domain, and the local part against
# a short stand-in domain. Both checks are email-validator's own.
_STAND_IN_DOMAIN = "a.io"
_MAX_ADDRESS = 254


@lru_cache(maxsize=4096)
def _checked_domain(domain: str) -> str:
    return validate_email(f"a@{domain}", check_deliverability=False).domain


@lru_cache(maxsize=1 << 16)
def _checked_local(local: str) -> str:
    return validate_email(f"{local}@{_STAND_IN_DOMAIN}", check_deliverability=False).local_part


def _email(value: str) -> str:
    local, at, domain = value.rpartition("@")
    try:
        if not at:
            validate_email(value, check_deliverability=False)  # raises with the right message
        address = f"{_checked_local(local)}@{_checked_domain(domain)}"
    except EmailNotValidError as error:
        raise ValueError(f"value is not a valid email address: {error}") from None
    if len(address) > _MAX_ADDRESS:
        raise ValueError(
            f"value is not a valid email address: it is {len(address)} "
            f"characters long; the limit is {_MAX_ADDRESS}"
        )
    return address


Line = Annotated[str, Strict(), AfterValidator(_line)]
"""One line of text such as a name or a title."""

Text = Annotated[str, Strict(), AfterValidator(_text)]
"""Free text that may run over several lines, such as an objective or notes."""

Slug = Annotated[str, Strict(), AfterValidator(_slug)]
"""A stable identifier used as a TOML key and in references between files."""

Phone = Annotated[str, Strict(), AfterValidator(_phone)]

Email = Annotated[
    str,
    Strict(),
    AfterValidator(_email),
    WithJsonSchema({"type": "string", "format": "email"}),
]
"""An e-mail address, checked for syntax (not deliverability) and normalised."""
