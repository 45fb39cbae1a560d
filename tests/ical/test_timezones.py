"""Our VTIMEZONEs give the tz database's instants when icalendar and vobject read them."""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import icalendar
import pytest
import vobject

from summit.ical.timezones import vtimezone

ZONES = [
    "Europe/London",
    "Europe/Dublin",
    "America/New_York",
    "Australia/Sydney",
    "Pacific/Chatham",
    "Asia/Tokyo",
    "Asia/Kolkata",
    "America/Santiago",
]

# Around each hemisphere's clock changes, and either side of them.
MOMENTS = [
    datetime(2027, m, d, h, 30)
    for m, d in [
        (1, 20),
        (3, 27),
        (3, 29),
        (4, 5),
        (7, 1),
        (10, 4),
        (10, 30),
        (11, 1),
        (11, 8),
        (12, 31),
    ]
    for h in (9, 15)
]


def calendar_with(zone: str) -> bytes:
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//test//EN")
    calendar.add("version", "2.0")
    calendar.add_component(vtimezone(zone, date(2027, 1, 1), date(2027, 12, 31)))
    for index, moment in enumerate(MOMENTS):
        event = icalendar.Event()
        event.add("uid", f"{index}@test")
        event.add("dtstamp", datetime(2026, 1, 1, tzinfo=UTC))
        event.add("dtstart", moment.replace(tzinfo=ZoneInfo(zone)))
        calendar.add_component(event)
    return calendar.to_ical()


@pytest.mark.parametrize("zone", ZONES)
def test_vobject_reads_the_tz_database_instants(zone: str) -> None:
    parsed = vobject.readOne(calendar_with(zone).decode())
    for event, moment in zip(parsed.vevent_list, MOMENTS, strict=True):
        expected = moment.replace(tzinfo=ZoneInfo(zone)).astimezone(UTC)
        assert event.dtstart.value.astimezone(UTC) == expected, moment


@pytest.mark.parametrize("zone", [z for z in ZONES if z != "America/Santiago"])
def test_the_vtimezone_is_compact(zone: str) -> None:
    text = vtimezone(zone, date(2027, 1, 20)).to_ical().decode()
    assert "RDATE" not in text
    assert text.count("BEGIN:STANDARD") + text.count("BEGIN:DAYLIGHT") <= 2


def test_london_uses_the_eu_rules() -> None:
    text = vtimezone("Europe/London", date(2027, 1, 20)).to_ical().decode()
    assert "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3" in text
    assert "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10" in text
    assert "DTSTART:20260329T010000" in text  # begins before a January meeting


def test_rules_that_are_not_an_nth_weekday_are_stated_per_change() -> None:
    # Chile changes on the first Sunday on or after 2 September: not "nth Sunday".
    text = vtimezone("America/Santiago", date(2027, 1, 20)).to_ical().decode()
    assert "RRULE" not in text
    assert "DTSTART:20270905T000000" in text


@pytest.mark.parametrize("zone", ZONES)
def test_far_apart_dates_are_described_at_both_ends_and_nothing_between(zone: str) -> None:
    # The first and last years summit accepts: a VTIMEZONE for a summit that runs
    # from one to the other describes the two ends, not the 230 years between.
    ends = [datetime(1970, 6, 1, 9, 30), datetime(2199, 12, 31, 23, 0)]
    timezone = vtimezone(zone, ends[0].date(), ends[1].date())
    assert len(timezone.subcomponents) <= 16
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//test//EN")
    calendar.add("version", "2.0")
    calendar.add_component(timezone)
    event = icalendar.Event()
    event.add("uid", "far@test")
    event.add("dtstamp", datetime(2026, 1, 1, tzinfo=UTC))
    event.add("dtstart", ends[0].replace(tzinfo=ZoneInfo(zone)))
    event.add("dtend", ends[1].replace(tzinfo=ZoneInfo(zone)))
    calendar.add_component(event)
    parsed = vobject.readOne(calendar.to_ical().decode()).vevent
    read = [parsed.dtstart.value, parsed.dtend.value]
    for moment, value in zip(ends, read, strict=True):
        assert value.astimezone(UTC) == moment.replace(tzinfo=ZoneInfo(zone)).astimezone(UTC)
