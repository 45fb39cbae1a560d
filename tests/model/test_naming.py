"""Ids proposed from names (bulk import now, the register forms too)."""

import pytest

from summit.model.naming import id_from_name
from summit.model.plain import is_slug


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Internet Watch Foundation", "internet-watch-foundation"),
        ("Helen Marsh", "helen-marsh"),
        ("Café Société", "cafe-societe"),
        ("  O'Brien & Sons (UK) Ltd. ", "o-brien-sons-uk-ltd"),
        ("3", "3"),
        ("北京", "unnamed"),
        ("x" * 200, "x" * 60),
    ],
)
def test_an_id_is_what_a_person_would_type(name: str, expected: str) -> None:
    made = id_from_name(name)
    assert made == expected and is_slug(made)


def test_an_id_taken_gets_the_next_number() -> None:
    assert id_from_name("Helen Marsh", {"helen-marsh", "helen-marsh-2"}) == "helen-marsh-3"
