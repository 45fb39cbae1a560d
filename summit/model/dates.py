"""Dates and times summit can schedule, invite to and describe in a VTIMEZONE.

The tz database is exact only from 1970 (its own stated scope), and a year
far ahead is a typing slip, not a plan; beyond year 9999 Python's datetime
cannot even add an hour. So every date that goes into schedule arithmetic,
an invite or a due date must fall within these bounds, and a file that says
otherwise is a validation error at its line rather than a traceback at export.
"""

from datetime import date, datetime
from typing import Annotated, TypeVar

from pydantic import AfterValidator

EARLIEST = date(1970, 1, 1)
LATEST = date(2199, 12, 31)
LATEST_MOMENT = datetime(LATEST.year, 12, 31, 23, 59, 59)

D = TypeVar("D", bound=date)


def _out_of_range(value: date) -> str:
    return (
        # isoformat, not strftime: %Y writes year 1 as "1".
        f"{value.isoformat()} is outside the dates summit can schedule and send "
        f"({EARLIEST.isoformat()} to {LATEST.isoformat()})"
    )


def _in_range(value: D) -> D:
    day = value.date() if isinstance(value, datetime) else value
    if not EARLIEST <= day <= LATEST:
        raise ValueError(_out_of_range(day))
    return value


CalendarDate = Annotated[date, AfterValidator(_in_range)]
"""A date between EARLIEST and LATEST."""

CalendarDateTime = Annotated[datetime, AfterValidator(_in_range)]
"""A date and time whose day falls between EARLIEST and LATEST."""


def today() -> date:
    """The computer's date, the one clock that says what is coming and what is past.
    Called as `dates.today()` so that tests can pin it, and a sample whose story
    is told against a date stays true when the calendar moves on."""
    return date.today()
