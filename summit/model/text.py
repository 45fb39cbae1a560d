"""Constrained text types shared by every record.

Values end up in invites, e-mails and terminals, so control characters are
refused at the door rather than escaped at every exit.
"""

import re
from functools import cache, lru_cache
from types import ModuleType
from typing import Annotated

from pydantic import AfterValidator, Strict, WithJsonSchema

# Re-exported: the pure helpers live in summit.model.plain, importable without pydantic.
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


# email-validator checks every character of a domain against IDNA tables, which
# costs ~80 us an address; a register repeats a few domains thousands of times.
# So the domain is checked once per distinct domain, and the local part against
# a short stand-in domain. Both checks are email-validator's own.
_STAND_IN_DOMAIN = "a.io"
_MAX_ADDRESS = 254


@cache
def _email_validator() -> ModuleType:
    """email-validator, imported at the first address checked, not with the model:
    records taken from the record cache are not checked again, and its import is a
    tenth of the app's load. (Imported here once: an import statement in `_email`
    itself cost 0.4 s on 100,000 addresses.)"""
    import email_validator  # noqa: PLC0415

    return email_validator


# A register gives most organisations a domain of their own, so a 50 MB register
# still checked 35,000 domains (a tenth of its merge). A domain of lower-case
# letters, digits, dots and single hyphens, in labels of 1 to 63 characters not
# starting or ending with a hyphen, with a dot, ending in a letter, short, and
# not special-use, is one email-validator accepts as it is (its ASCII path:
# nothing to normalise, no Punycode as there is no "--", no "xn--" label):
# tests/model/test_email_domains.py holds it to that. Any other goes to it.
_PLAIN_LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
_PLAIN_DOMAIN = re.compile(rf"(?!.*--)(?:{_PLAIN_LABEL}\.)+(?=[a-z0-9-]*[a-z]\Z){_PLAIN_LABEL}")
_PLAIN_DOMAIN_MAX = 240  # well inside the library's limits (253, and 254 for "a@" + domain)


def _surely_valid_domain(domain: str) -> bool:
    if len(domain) > _PLAIN_DOMAIN_MAX or not _PLAIN_DOMAIN.fullmatch(domain):
        return False
    special = _email_validator().SPECIAL_USE_DOMAIN_NAMES
    return not any(domain == name or domain.endswith("." + name) for name in special)


@lru_cache(maxsize=4096)
def _checked_domain(domain: str) -> str:
    if _surely_valid_domain(domain):
        return domain
    checked = _email_validator().validate_email(f"a@{domain}", check_deliverability=False)
    return str(checked.domain)


@lru_cache(maxsize=1 << 16)
def _checked_local(local: str) -> str:
    address = f"{local}@{_STAND_IN_DOMAIN}"
    return str(_email_validator().validate_email(address, check_deliverability=False).local_part)


def _email(value: str) -> str:
    library = _email_validator()
    local, at, domain = value.rpartition("@")
    try:
        if not at:
            library.validate_email(value, check_deliverability=False)  # says what is wrong
        address = f"{_checked_local(local)}@{_checked_domain(domain)}"
    except library.EmailNotValidError as error:
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
