"""The picker's matching and its suggestions for text that names nobody (no screen needed)."""

import time

import pytest

from summit.tui.widgets.picker import close_to, matching, resolve

CHOICES = [
    ("ASKfm (organisation)", "askfm"),
    ("Lena Petrova - ASKfm - Head of Trust and Safety", "askfm-trust"),
    ("Helen Marsh - Internet Watch Foundation - Chief Executive", "iwf-chief-executive"),
]


def test_every_word_anywhere_in_any_case_and_the_id_too() -> None:
    assert matching(CHOICES, "TRUST petrova") == [CHOICES[1]]
    assert matching(CHOICES, "chief-exec") == [CHOICES[2]]
    assert matching(CHOICES, "askfm") == CHOICES[:2]


def test_a_whole_label_an_id_or_a_unique_name_resolves() -> None:
    assert resolve(CHOICES, "askfm-trust", "delegate") == "askfm-trust"
    assert resolve(CHOICES, "helen marsh", "delegate") == "iwf-chief-executive"
    assert resolve(CHOICES, CHOICES[1][0].upper(), "delegate") == "askfm-trust"


def test_a_typo_names_the_closest() -> None:
    with pytest.raises(ValueError, match=r"^no organisation 'askfmx'; did you mean 'ASKfm"):
        resolve(CHOICES, "askfmx", "organisation")
    with pytest.raises(ValueError, match="2 matches for 'ask': pick with up/down and enter"):
        resolve(CHOICES, "ask", "organisation")
    with pytest.raises(ValueError, match="type part of a name, organisation or job title"):
        resolve(CHOICES, "zzzzqqq", "organisation")


def test_close_matches_in_a_register_of_ten_thousand_come_at_typing_speed() -> None:
    people = [
        (f"Person {i} - Organisation {i // 10} - Policy lead {i}", f"person-{i}")
        for i in range(10_000)
    ]
    close_to(people, "warm up the index")
    started = time.perf_counter()
    near = close_to(people, "persn 4321")
    assert near[0] == ("Person 4321 - Organisation 432 - Policy lead 4321", "person-4321")
    assert time.perf_counter() - started < 0.5
