"""E-mail addresses checked as email-validator checks them, asking it only when needed.

email-validator checks every character of a domain against IDNA tables, which
costs ~80 us an address, and each local part ~30 us; its import compiles its
patterns (35 ms, paid at the first address a start checks: after a pull that
changed one organisation, say). A register repeats a few domains thousands of
times, and most local parts are plain (`jane.smith`). So the domain is checked
once per distinct domain and the local part against a short stand-in domain,
and a plain domain or local part is one the library accepts as it is: neither
goes to it (tests/model/test_email_domains.py, test_email_local_parts.py hold
the shortcuts to that). Anything else goes to the library, so an address it
refuses is refused in its own words.
"""

import re
from functools import cache, lru_cache
from types import ModuleType

_STAND_IN_DOMAIN = "a.io"
_MAX_ADDRESS = 254


@cache
def _email_validator() -> ModuleType:
    """email-validator, imported at the first address that needs it, not with the model.
    (Imported here once: an import statement in `checked_email` itself cost 0.4 s on
    100,000 addresses.)"""
    import email_validator  # noqa: PLC0415

    return email_validator


# A domain of lower-case letters, digits, dots and single hyphens, in labels of 1
# to 63 characters not starting or ending with a hyphen, with a dot, ending in a
# letter, short, and not special-use, is one email-validator accepts as it is (its
# ASCII path: nothing to normalise, no Punycode as there is no "--", no "xn--" label).
_PLAIN_LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
_PLAIN_DOMAIN = re.compile(rf"(?!.*--)(?:{_PLAIN_LABEL}\.)+(?=[a-z0-9-]*[a-z]\Z){_PLAIN_LABEL}")
_PLAIN_DOMAIN_MAX = 240  # well inside the library's limits (253, and 254 for "a@" + domain)
SPECIAL_USE_DOMAINS = ("arpa", "invalid", "local", "localhost", "onion", "test")
"""email-validator's SPECIAL_USE_DOMAIN_NAMES, which it refuses with their subdomains
(kept here so that a plain domain needs no import; a test holds them equal)."""

# Letters and digits joined by single dots, hyphens, underscores or pluses, at most
# 64: a dot-atom, which the library returns as it is, unless it is one of the role
# names it lower-cases (`Postmaster`): those go to it.
_PLAIN_LOCAL = re.compile(r"[A-Za-z0-9]+(?:[._+-][A-Za-z0-9]+)*")
_PLAIN_LOCAL_MAX = 64
ROLE_NAMES = frozenset(
    {"info", "marketing", "sales", "support", "abuse", "noc", "security", "postmaster"}
    | {"hostmaster", "usenet", "news", "webmaster", "www", "uucp", "ftp"}
)
"""email-validator's CASE_INSENSITIVE_MAILBOX_NAMES (a test holds them equal)."""


def surely_valid_domain(domain: str) -> bool:
    if len(domain) > _PLAIN_DOMAIN_MAX or not _PLAIN_DOMAIN.fullmatch(domain):
        return False
    return not any(domain == name or domain.endswith("." + name) for name in SPECIAL_USE_DOMAINS)


def surely_valid_local(local: str) -> bool:
    return (
        len(local) <= _PLAIN_LOCAL_MAX
        and _PLAIN_LOCAL.fullmatch(local) is not None
        and local.lower() not in ROLE_NAMES
    )


@lru_cache(maxsize=4096)
def checked_domain(domain: str) -> str:
    """The domain as the library gives it back; its EmailNotValidError if it refuses it."""
    if surely_valid_domain(domain):
        return domain
    checked = _email_validator().validate_email(f"a@{domain}", check_deliverability=False)
    return str(checked.domain)


@lru_cache(maxsize=1 << 16)
def checked_local(local: str) -> str:
    """The local part as the library gives it back; its EmailNotValidError if it refuses it."""
    if surely_valid_local(local):
        return local
    address = f"{local}@{_STAND_IN_DOMAIN}"
    return str(_email_validator().validate_email(address, check_deliverability=False).local_part)


def checked_email(value: str) -> str:
    """The address normalised as email-validator normalises it; ValueError saying why not."""
    local, at, domain = value.rpartition("@")
    try:
        if not at:
            _email_validator().validate_email(value, check_deliverability=False)  # says why
        address = f"{checked_local(local)}@{checked_domain(domain)}"
    except ValueError as error:  # the library's EmailNotValidError is one
        raise ValueError(f"value is not a valid email address: {error}") from None
    if len(address) > _MAX_ADDRESS:
        raise ValueError(
            f"value is not a valid email address: it is {len(address)} "
            f"characters long; the limit is {_MAX_ADDRESS}"
        )
    return address
