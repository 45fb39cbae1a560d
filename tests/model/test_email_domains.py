"""The e-mail domains accepted without asking email-validator are ones it accepts as they are.

A domain check is the dearest part of validating a delegate, so plain domains
(`org-7.example.org`) skip the library (summit.model.email_address). Here each domain
the shortcut takes is also given to the library, which must accept it
unchanged; whatever the shortcut declines still goes to the library, so a
domain it refuses is refused with the library's own message.
"""

import email_validator
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from summit.model import Delegate
from summit.model.email_address import checked_domain, surely_valid_domain


def library_domain(domain: str) -> str | None:
    """What email-validator makes of the domain; None when it refuses it."""
    try:
        address = f"a@{domain}"
        return str(email_validator.validate_email(address, check_deliverability=False).domain)
    except email_validator.EmailNotValidError:
        return None


EDGES = [
    "org-1.example.org",
    "a.io",
    "a.co-m",
    "x.test",
    "mail.localhost",
    "a.b.local",
    "onion",
    "x.onion",
    "in-addr.arpa",
    "x.invalid",
    "ab--cd.com",
    "xn--bcher-kva.example",
    "a.123",
    "a.b1",
    "-a.com",
    "a-.com",
    "a..com",
    ".a.com",
    "a.com.",
    "com",
    "Example.ORG",
    f"{'a' * 63}.com",
    f"{'a' * 64}.com",
    ".".join(["abcdefghi"] * 25) + ".org",
    ".".join(["abcdefghi"] * 26) + ".org",
]


@pytest.mark.parametrize("domain", EDGES)
def test_each_domain_is_checked_as_the_library_checks_it(domain: str) -> None:
    expected = library_domain(domain)
    if surely_valid_domain(domain):
        assert expected == domain
    if expected is None:
        with pytest.raises(email_validator.EmailNotValidError):
            checked_domain(domain)
    else:
        assert checked_domain(domain) == expected


LABEL = st.text(alphabet="abcxz019-", min_size=0, max_size=66)
DOMAINS = st.builds(".".join, st.lists(LABEL, min_size=1, max_size=5)) | st.sampled_from(
    ["test", "local", "localhost", "arpa", "onion", "invalid", "example"]
).flatmap(lambda tld: st.builds(lambda head: f"{head}.{tld}", LABEL))


@settings(max_examples=1500, deadline=None)
@given(DOMAINS)
def test_shortcut_agrees_with_the_library(domain: str) -> None:
    if surely_valid_domain(domain):
        assert library_domain(domain) == domain


def test_refused_domains_still_say_why_in_the_libraries_words() -> None:
    with pytest.raises(ValidationError, match="special-use or reserved name"):
        Delegate(name="A", job_title="B", email="jane@printer.local")
    with pytest.raises(ValidationError, match="period and a hyphen"):
        Delegate(name="A", job_title="B", email="jane@org-.example.org")
    assert Delegate(name="A", job_title="B", email="jane@Org-7.Example.org").email == (
        "jane@org-7.example.org"
    )
    assert Delegate(name="A", job_title="B", email="jane@org-7.example.org").email == (
        "jane@org-7.example.org"
    )
