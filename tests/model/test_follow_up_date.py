"""A follow-up is proposed on a date still to come (issue 19, friction in real use).

Copying the held summit proposed its own date plus four weeks, a date long gone.
"""

from datetime import date, datetime

import pytest

from summit.model.follow_up import follow_up_data, proposed_start
from summit.model.summit import Summit
from summit.store import load_dataset
from tests.conftest import REPO, SAMPLE_SUMMIT

HELD = datetime(2026, 1, 20, 9, 30)  # a Tuesday, the sample's first summit


def test_a_year_on_when_that_is_still_to_come() -> None:
    proposed = proposed_start(HELD, today=date(2026, 11, 29))
    assert proposed == datetime(2027, 1, 19, 9, 30)
    assert proposed.strftime("%A %H:%M") == "Tuesday 09:30"


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2027, 3, 1), date(2027, 3, 2)),  # a Monday: the next day
        (date(2027, 3, 2), date(2027, 3, 9)),  # a Tuesday: not today, a week on
        (date(2027, 3, 3), date(2027, 3, 9)),
        (date(2027, 1, 19), date(2027, 1, 26)),  # the day a year on is itself today
    ],
)
def test_the_first_same_weekday_after_today_when_a_year_on_is_past(
    today: date, expected: date
) -> None:
    assert proposed_start(HELD, today) == datetime.combine(expected, HELD.time())


def test_the_copy_keeps_the_length_and_never_starts_in_the_past() -> None:
    source = load_dataset(REPO).summits[SAMPLE_SUMMIT].record
    today = date(2031, 5, 14)
    data = follow_up_data(source, SAMPLE_SUMMIT, "next-one", today)
    data.pop("id")
    copy = Summit.model_validate(data)
    assert copy.start.date() > today
    assert copy.start.weekday() == source.start.weekday()
    assert copy.start.time() == source.start.time()
    assert copy.end is not None and source.end is not None
    assert copy.end - copy.start == source.end - source.start


def test_the_copy_does_not_take_the_earlier_reply_by_date() -> None:
    source = load_dataset(REPO).summits[SAMPLE_SUMMIT].record
    source = source.model_copy(update={"reply_by": date(2026, 1, 9)})
    data = follow_up_data(source, SAMPLE_SUMMIT, "next-one", date(2026, 11, 29))
    assert "reply_by" not in data
