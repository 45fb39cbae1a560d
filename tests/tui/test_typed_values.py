"""What a person types on the resolution screen, read as the field's type."""

from datetime import date, datetime, time

import pytest

from summit.tui.typed import Unreadable, read_typed, shown_for_typing


@pytest.mark.parametrize(
    ("text", "like", "value"),
    [
        ("Lancaster House", ["Room 1", "Room 2"], "Lancaster House"),
        ('say "hello"', ["a"], 'say "hello"'),
        ("  spaced  ", ["a"], "  spaced  "),
        ("25", [15, 20], 25),
        ("1,200", [15], 1200),
        ("2.5", [1.5], 2.5),
        ("yes", [True, False], True),
        ("False", [True], False),
        ("2027-01-20", [date(2026, 1, 1)], date(2027, 1, 20)),
        ("2027-01-20 09:30", [datetime(2026, 1, 1, 9)], datetime(2027, 1, 20, 9, 30)),
        ("09:45", [time(9)], time(9, 45)),
        ("a, b", [["x"]], ["a", "b"]),
        ('["a, b", "c"]', [["x"]], ["a, b", "c"]),
        ("1, 2", [[3]], [1, 2]),
    ],
)
def test_read_as_the_field_type(text: str, like: list[object], value: object) -> None:
    assert read_typed(text, like) == value
    assert type(read_typed(text, like)) is type(value)


@pytest.mark.parametrize(
    ("text", "like", "wanted"),
    [
        ("twenty", [15], "whole number"),
        ("maybe", [True], "yes or no"),
        ("20 January", [date(2026, 1, 1)], "a date"),
        ("1, two", [[1]], "whole number"),
    ],
)
def test_what_cannot_be_read_says_what_is_wanted(
    text: str, like: list[object], wanted: str
) -> None:
    with pytest.raises(Unreadable, match=wanted):
        read_typed(text, like)


def test_values_are_offered_as_people_write_them() -> None:
    assert shown_for_typing("Room 9") == "Room 9"
    assert shown_for_typing(True) == "true"
    assert shown_for_typing(date(2027, 1, 20)) == "2027-01-20"
    assert shown_for_typing(datetime(2027, 1, 20, 9, 30)) == "2027-01-20 09:30:00"
    assert shown_for_typing(["a", "b"]) == "a, b"
