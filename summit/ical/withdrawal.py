"""A cancellation for people uninvited after they were sent the invitation (RFC 5546 §3.2.5).

The meeting goes ahead for everyone else; these people hold a copy in their
calendars that must go. RFC 5546 §3.2.5 says to uninvite attendees the
organiser sends them a CANCEL naming them as ATTENDEEs, without STATUS
(STATUS:CANCELLED would cancel the whole event), with the meeting's UID and a
SEQUENCE above the one they hold (RFC 5545 §3.8.7.4: their copy changes), so a
calendar takes it as newer than the invitation.
"""

from collections.abc import Sequence
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from summit.ical.invite import PRODID, _address, _organizer
from summit.ical.timezones import vtimezone
from summit.model import Register, Summit
from summit.model.sensitivity import shareable


def withdrawal_calendar(
    summit: Summit,
    register: Register,
    people: Sequence[tuple[str, str]],
    *,
    sequence: int,
    now: datetime,
) -> Calendar:
    """METHOD:CANCEL for `people` (name, address) only, at `sequence`."""
    summit = shareable(summit)
    assert summit.invite is not None
    issued = summit.invite.issued
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "CANCEL")
    calendar.add_component(vtimezone(issued.timezone, issued.start.date(), issued.end.date()))
    zone = ZoneInfo(issued.timezone)
    event = Event()
    event.add("uid", summit.invite.uid)
    event.add("dtstamp", now.astimezone(UTC))
    event.add("sequence", sequence)
    event.add("dtstart", issued.start.replace(tzinfo=zone))
    event.add("dtend", issued.end.replace(tzinfo=zone))
    event.add("summary", summit.title)
    organizer = _organizer(summit, register)
    if organizer is not None:
        event.add("organizer", organizer)
    for name, email in people:
        event.add("attendee", _address(email, name, cutype="INDIVIDUAL"))
    calendar.add_component(event)
    return calendar
