"""iTIP meeting requests (RFC 5546) for a summit: REQUEST, CANCEL and the PUBLISH agenda.

Pure functions from the domain model to icalendar objects; they neither read
nor write files, so the CLI and the TUI share them.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, vCalAddress

from summit import __version__
from summit.ical.agenda_text import invite_text
from summit.ical.audience import audience
from summit.ical.timezones import vtimezone
from summit.model import Attendance, Classification, Register, Rsvp, Summit
from summit.model.invite_state import EventStatus, InviteState
from summit.model.schedule import schedule
from summit.model.sensitivity import shareable

PRODID = f"-//summit//summit {__version__}//EN"

_CLASS = {
    # OFFICIAL material may sit in a shared calendar; OFFICIAL-SENSITIVE hides from
    # anyone browsing the attendee's calendar (Outlook and Google show it as private).
    Classification.OFFICIAL: "PUBLIC",
    Classification.OFFICIAL_SENSITIVE: "CONFIDENTIAL",
}


class NotIssued(ValueError):
    """The summit has no invite state yet: issue it (which records UID and SEQUENCE) first."""


@dataclass(frozen=True, slots=True)
class Attendee:
    delegate_id: str
    organisation_id: str
    name: str
    email: str
    role: str
    partstat: str
    rsvp: bool


def _cn(name: str) -> str:
    # A double quote in a parameter becomes RFC 6868's ^' which vobject shows literally.
    return name.replace('"', "'")


def _address(email: str, name: str, **params: str) -> vCalAddress:
    address = vCalAddress(f"mailto:{email}")
    if name:  # an address no one in the register has now (a withdrawal): no empty CN
        address.params["CN"] = _cn(name)
    for key, value in params.items():
        address.params[key.replace("_", "-").upper()] = value
    return address


def attendees(summit: Summit, register: Register, only: str | None = None) -> Iterator[Attendee]:
    """Everyone invited; with `only`, that organisation's delegates and the host's people
    (everyone, when `only` is the host: see summit.ical.audience).

    The chair is listed wherever their organisation may be seen: in every file
    when they are the host's, otherwise only in their own organisation's.
    """
    readers = audience(summit, register, only)
    convener = register.find_delegate(summit.convener)
    if convener is not None and readers.sees(convener[0]):
        org_id, chair = convener
        yield Attendee(
            summit.convener, org_id, chair.name, chair.email, "CHAIR", "ACCEPTED", rsvp=False
        )
    for org_id, invitation in summit.invitations.items():
        if not readers.sees(org_id):
            continue
        organisation = register.organisations.get(org_id)
        if organisation is None:
            continue
        optional = invitation.attendance is Attendance.OPTIONAL
        role = "OPT-PARTICIPANT" if optional else "REQ-PARTICIPANT"
        for delegate_id, reply in invitation.rsvp.items():
            person = organisation.delegates.get(delegate_id)
            if person is None or delegate_id == summit.convener:
                continue
            yield Attendee(
                delegate_id,
                org_id,
                person.name,
                person.email,
                role,
                Rsvp(reply).name.replace("_", "-"),
                rsvp=True,
            )


def _state(summit: Summit) -> InviteState:
    if summit.invite is None:
        raise NotIssued("this summit has not been issued yet")
    return summit.invite


def _calendar(method: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", method)
    return calendar


def _organizer(summit: Summit, register: Register) -> vCalAddress | None:
    person = register.delegate(summit.organiser)
    return None if person is None else _address(person.email, person.name)


def sender_domain(summit: Summit, register: Register) -> str:
    """The organiser's mail domain: for UIDs and Message-IDs the department owns."""
    person = register.delegate(summit.organiser)
    return person.email.rpartition("@")[2] if person else "summit.invalid"


def _categories(summit: Summit) -> list[str]:
    topics = [item.topic for item in summit.agenda if item.topic]
    return list(dict.fromkeys(["Summit", *topics]))


def invite_event(
    summit: Summit, register: Register, *, now: datetime, only: str | None = None
) -> Event:
    summit = shareable(summit)  # the event goes outside: sensitive records withheld
    state = _state(summit)
    issued = state.issued
    zone = ZoneInfo(issued.timezone)
    cancelled = issued.status is EventStatus.CANCELLED
    event = Event()
    event.add("uid", state.uid)
    event.add("dtstamp", now.astimezone(UTC))
    event.add("sequence", state.sequence)
    event.add("dtstart", issued.start.replace(tzinfo=zone))
    event.add("dtend", issued.end.replace(tzinfo=zone))
    event.add("summary", summit.title)
    event.add("location", issued.venue)
    event.add("description", invite_text(summit, register, audience(summit, register, only)))
    event.add("status", str(issued.status))
    event.add("class", _CLASS[summit.classification])
    event.add("categories", _categories(summit))
    event.add("transp", "OPAQUE")
    organizer = _organizer(summit, register)
    if organizer is not None:
        event.add("organizer", organizer)
    for person in attendees(summit, register, only):
        params = {"cutype": "INDIVIDUAL", "role": person.role, "partstat": person.partstat}
        if person.rsvp and not cancelled:
            params["rsvp"] = "TRUE"
        event.add("attendee", _address(person.email, person.name, **params))
    return event


def invite_calendar(
    summit: Summit, register: Register, *, now: datetime, only: str | None = None
) -> Calendar:
    """The meeting request (or, for a cancelled summit, the cancellation) to send.

    It goes outside the department: sensitive records are withheld.
    """
    summit = shareable(summit)
    state = _state(summit)
    cancelled = state.issued.status is EventStatus.CANCELLED
    calendar = _calendar("CANCEL" if cancelled else "REQUEST")
    start, end = state.issued.start.date(), state.issued.end.date()
    calendar.add_component(vtimezone(state.issued.timezone, start, end))
    calendar.add_component(invite_event(summit, register, now=now, only=only))
    return calendar


def agenda_calendar(
    summit_id: str, summit: Summit, register: Register, *, now: datetime
) -> Calendar:
    """One event per agenda item, for the organisers' own calendars (METHOD:PUBLISH).

    Calendars are shared and synced outside the department: sensitive items are withheld.
    """
    summit = shareable(summit)
    calendar = _calendar("PUBLISH")
    calendar.add("x-wr-calname", f"{summit.title} (agenda)")
    base = summit.invite.uid if summit.invite else f"{summit_id}@summit"
    sequence = summit.invite.sequence if summit.invite else 0
    slots = schedule(summit)
    if slots:
        calendar.add_component(
            vtimezone(summit.timezone, slots[0].start.date(), slots[-1].end.date())
        )
    organizer = _organizer(summit, register)
    for slot in slots:
        item = slot.item
        event = Event()
        event.add("uid", f"agenda-{item.id or slot.index + 1}-{base}")
        event.add("dtstamp", now.astimezone(UTC))
        event.add("sequence", sequence)
        event.add("dtstart", slot.start)
        event.add("dtend", slot.end)
        event.add("summary", item.title)
        event.add("location", summit.venue)
        details = [
            f"Lead: {register.describe(item.lead)}" if item.lead else "",
            f"Topic: {item.topic}" if item.topic else "",
            f"Objective: {item.objective}" if item.objective else "",
            item.notes or "",
        ]
        text = "\n\n".join(part for part in details if part)
        if text:
            event.add("description", text)
        event.add("class", _CLASS[summit.classification])
        if summit.status == "cancelled":
            event.add("status", "CANCELLED")
        if organizer is not None:
            event.add("organizer", organizer)
        calendar.add_component(event)
    return calendar
