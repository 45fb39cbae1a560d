"""The local parts accepted without asking email-validator are ones it accepts as they are.

Most local parts are plain (`jane.smith`), and each distinct one cost a call to
the library (~30 us: seconds on a real register of 100,000 delegates) and, at
the first address of a start, its import (35 ms). Here each local part the
shortcut takes is also given to the library, which must accept it unchanged;
whatever the shortcut declines still goes to the library.
"""

import subprocess
import sys

import email_validator
import pytest
from email_validator import rfc_constants
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from summit.model import Delegate
from summit.model.email_address import (
    ROLE_NAMES,
    SPECIAL_USE_DOMAINS,
    checked_email,
    checked_local,
    surely_valid_local,
)


def library_local(local: str) -> str | None:
    """What email-validator makes of the local part; None when it refuses it."""
    try:
        address = f"{local}@a.io"
        return str(email_validator.validate_email(address, check_deliverability=False).local_part)
    except email_validator.EmailNotValidError:
        return None


EDGES = [
    "jane",
    "jane.smith",
    "Jane.Smith",
    "j_smith+summit",
    "d0",
    "a-b",
    "Postmaster",
    "POSTMASTER",
    "postmaster",
    "Info",
    "www",
    ".jane",
    "jane.",
    "jane..smith",
    "jane smith",
    '"jane smith"',
    "jané",
    "a" * 64,
    "a" * 65,
    "-jane",
    "jane-",
    "a+",
    "",
]


@pytest.mark.parametrize("local", EDGES)
def test_each_local_part_is_checked_as_the_library_checks_it(local: str) -> None:
    expected = library_local(local)
    if surely_valid_local(local):
        assert expected == local
    if expected is None:
        with pytest.raises(email_validator.EmailNotValidError):
            checked_local(local)
    else:
        assert checked_local(local) == expected


LOCALS = st.text(alphabet="aZ09._+-!é", min_size=0, max_size=70) | st.sampled_from(
    sorted(ROLE_NAMES)
).flatmap(lambda name: st.sampled_from([name, name.upper(), name.title()]))


@settings(max_examples=1500, deadline=None)
@given(LOCALS)
def test_shortcut_agrees_with_the_library(local: str) -> None:
    if surely_valid_local(local):
        assert library_local(local) == local


def test_the_names_kept_here_are_the_library_s_own() -> None:
    assert frozenset(rfc_constants.CASE_INSENSITIVE_MAILBOX_NAMES) == ROLE_NAMES
    assert sorted(email_validator.SPECIAL_USE_DOMAIN_NAMES) == sorted(SPECIAL_USE_DOMAINS)


def test_refused_addresses_still_say_why_in_the_library_s_words() -> None:
    with pytest.raises(ValidationError, match=r"value is not a valid email address: .*period"):
        Delegate(name="A", job_title="B", email="jane..smith@example.org")
    assert checked_email("Postmaster@Example.org") == "postmaster@example.org"
    assert checked_email("Jane.Smith@example.org") == "Jane.Smith@example.org"
    with pytest.raises(ValueError, match="an @-sign"):
        checked_email("jane.example.org")


def test_plain_addresses_are_checked_without_importing_the_library() -> None:
    script = (
        "import sys\n"
        "from summit.model import Register\n"
        "register = Register.model_validate({'organisations': {'dcms': {'name': 'DCMS',"
        " 'sector': 'government', 'delegates': {'jane': {'name': 'Jane', 'job_title': 'Minister',"
        " 'email': 'Jane.Smith+summit@culture.gov.uk'}}}}})\n"
        "assert register.organisations['dcms'].delegates['jane'].email\n"
        "print('email_validator' in sys.modules)\n"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "False"
