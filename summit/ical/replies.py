"""Reading iTIP REPLY files (RFC 5546 §3.2.3) as calendar clients send them.

A REPLY answers one meeting (one VEVENT) for one attendee: the one replying,
with the PARTSTAT they chose. Delegating adds the delegates it names
(RFC 5546 §3.2.2.3). Anything else is refused here, before any summit is
looked at, naming the line and property at fault, so that one company's file
can never speak for another company.
"""

import email
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from email import policy
from typing import Any

from icalendar import Calendar, Component

from summit.model import Rsvp
from summit.model.plain import CONTROLS_OR_BREAKS

MAX_REPLY_BYTES = 1 << 20
"""Real replies are a few kilobytes; a bigger file is refused before it is parsed."""

_ANSWERS = {
    "ACCEPTED": Rsvp.ACCEPTED,
    "DECLINED": Rsvp.DECLINED,
    "TENTATIVE": Rsvp.TENTATIVE,
    "DELEGATED": Rsvp.DELEGATED,
}
_SINGLE = ("UID", "SEQUENCE", "DTSTAMP", "ORGANIZER")
_NAME = re.compile(rb"BEGIN:VEVENT(?![A-Za-z0-9-])|[A-Za-z0-9-]+", re.IGNORECASE)
_ONE_ATTENDEE = (
    "a reply carries exactly one ATTENDEE, the one replying (and, when delegating, "
    "the delegates its DELEGATED-TO names, each with DELEGATED-FROM)"
)


class NotAReply(ValueError):
    """The file is not an iTIP REPLY we can read; `line` and `field` say where."""

    def __init__(self, message: str, *, line: int = 1, field: str = "") -> None:
        super().__init__(message)
        self.line = line
        self.field = field


def address(uri: str) -> str | None:
    """A `mailto:` URI's address in the form we compare, or None for any other URI.

    The scheme is case-insensitive (RFC 3986 §3.1). Addresses are compared
    without regard to case throughout: domains are case-insensitive, and mail
    systems treat local parts so too, as Outlook and Gmail do when they echo
    an address back in a different case.
    """
    scheme, colon, rest = uri.strip().partition(":")
    rest = rest.strip()
    if not colon or scheme.lower() != "mailto" or "@" not in rest:
        return None
    return rest.lower()


def shown(text: str, limit: int = 80) -> str:
    """A value from a file as a message may quote it: short, and escaped if unprintable."""
    short = text if len(text) <= limit else text[:limit] + "…"
    return short if short.isprintable() else ascii(short)


def same_address(email: str, other: str) -> bool:
    return email.strip().lower() == other


class _Lines:
    """The line on which each property starts, for messages (folded lines skipped)."""

    def __init__(self, data: bytes) -> None:
        self.found: dict[str, list[int]] = {}
        for number, line in enumerate(data.splitlines(), 1):
            match = None if line[:1] in (b" ", b"\t") else _NAME.match(line)
            if match:
                name = match.group().decode("ascii").upper()
                self.found.setdefault(name, []).append(number)

    def of(self, name: str, index: int = 0) -> int:
        lines = self.found.get(name) or self.found.get("BEGIN:VEVENT") or [1]
        return lines[min(index, len(lines) - 1)]


@dataclass(frozen=True, slots=True)
class Reply:
    uid: str
    sequence: int
    email: str
    """The replying attendee's address, as `address` gives it."""
    reply: Rsvp
    stamp: datetime | None
    """DTSTAMP in UTC: when the attendee's client wrote the reply (Outlook may leave it out)."""
    organizer: str | None
    """None when left out, as Exchange 2010 and Outlook do: UID and ATTENDEE then decide."""
    delegated_from: frozenset[str]
    """Whom the replying attendee stands in for, if they are someone's delegate."""
    lines: Mapping[str, int]
    """The line of UID, SEQUENCE, ORGANIZER, DTSTAMP and the replying ATTENDEE."""
    delegated_to: frozenset[str] = frozenset()
    comment: str | None = None
    """What the attendee wrote: COMMENT (Exchange) or X-RESPONSE-COMMENT (Google)."""


@dataclass(frozen=True, slots=True)
class _Attendee:
    email: str
    partstat: str | None
    delegated_to: frozenset[str]
    delegated_from: frozenset[str]
    comment: object = None
    """Google's X-RESPONSE-COMMENT parameter, as written."""


def _parse(data: bytes) -> Calendar:
    try:
        calendar = Calendar.from_ical(data)
    except (ValueError, KeyError, IndexError, TypeError) as error:
        # The parser quotes the bad content: keep the message short and on one line.
        reason = shown(" ".join(str(error).split()))
        raise NotAReply(f"not an iCalendar file ({reason})") from None
    if calendar.name != "VCALENDAR":
        raise NotAReply(f"not an iCalendar file (it holds a {calendar.name}, not a VCALENDAR)")
    return calendar


def _event(calendar: Calendar, lines: _Lines) -> Component:
    method = str(calendar.get("method", "")).upper()
    if method == "COUNTER":
        raise NotAReply(_proposal(calendar), line=lines.of("METHOD"), field="METHOD")
    if method != "REPLY":
        raise NotAReply(
            f"METHOD is {shown(method) or 'missing'}, not REPLY: this is not a reply",
            line=lines.of("METHOD"),
            field="METHOD",
        )
    events = calendar.walk("VEVENT")
    if len(events) != 1:
        raise NotAReply(
            f"{len(events)} VEVENTs: a reply answers one meeting, in exactly one VEVENT",
            line=lines.of("BEGIN:VEVENT", 1),
            field="VEVENT",
        )
    event = events[0]
    broken = [((name or "").upper(), message) for name, message in event.errors]
    for name, message in broken:
        if name in (*_SINGLE, "ATTENDEE"):
            raise NotAReply(f"cannot be read: {message}", line=lines.of(name), field=name)
    for name in _SINGLE:
        if isinstance(event.get(name), list):
            raise NotAReply("appears more than once", line=lines.of(name, 1), field=name)
    return event


def _proposal(calendar: Calendar) -> str:
    """What a COUNTER (Outlook's "New Time Proposed") asks, for the official to decide:
    summit does not move a summit's time on one delegate's word."""
    events = calendar.walk("VEVENT")
    event = events[0] if events else Component()
    attendee = event.get("ATTENDEE")
    who = address(str(attendee[0] if isinstance(attendee, list) else attendee or "")) or "someone"
    times = [event.get(name) for name in ("DTSTART", "DTEND")]
    when = " to ".join(
        t.dt.strftime("%a %d %b %Y %H:%M %Z").strip() for t in times if hasattr(t, "dt")
    )
    words = _comment(event, _Attendee(who, None, frozenset(), frozenset()))
    return (
        f"{who} proposes a new time{f' ({when})' if when else ''}"
        f"{f', saying “{words}”' if words else ''}. That is not a reply, so nothing is "
        "recorded: if the time changes, change it in the summit and send the update"
    )


def _required(event: Component, name: str, lines: _Lines) -> Any:
    value = event.get(name)
    if value is None or not str(value).strip():
        raise NotAReply("is missing; a reply must have one", line=lines.of(name), field=name)
    return value


def _sequence(event: Component, lines: _Lines) -> int:
    # RFC 5546 §3.2.3: SEQUENCE may be left out when it is 0.
    value = int(event.get("SEQUENCE", 0))
    if value < 0:
        raise NotAReply(f"{value} is negative", line=lines.of("SEQUENCE"), field="SEQUENCE")
    return value


def _stamp(event: Component, lines: _Lines) -> datetime | None:
    if event.get("DTSTAMP") is None:
        return None  # Outlook leaves it out: the e-mail's Date (or the file's time) orders it
    value = _required(event, "DTSTAMP", lines).dt
    line = lines.of("DTSTAMP")
    if not isinstance(value, datetime):
        message = f"{shown(str(value))} is not a date and time; DTSTAMP is one, in UTC"
        raise NotAReply(message, line=line, field="DTSTAMP")
    if value.tzinfo is None:
        message = f"{value:%Y%m%dT%H%M%S} has no time zone; write it in UTC (…Z)"
        raise NotAReply(message, line=line, field="DTSTAMP")
    return value.astimezone(UTC)


def _delegate_address(text: str) -> str | None:
    """KOrganizer writes DELEGATED-TO as a bare address, without mailto: or quotes."""
    text = text.strip().strip('"')
    found = address(text)
    if found is None and ":" not in text and "@" in text:
        return text.lower()
    return found


def _addresses(value: object) -> frozenset[str]:
    values = value if isinstance(value, list) else [value] if value else []
    return frozenset(filter(None, (_delegate_address(str(v)) for v in values)))


COMMENT_MAX = 500
"""As much of a reply's comment as is kept (summit.model.summit.RsvpRecord.comment)."""


def _comment(event: Component, person: _Attendee) -> str | None:
    """The attendee's words: Google's X-RESPONSE-COMMENT, else Exchange's COMMENT."""
    said = person.comment or event.get("COMMENT")
    if isinstance(said, list):
        said = " ".join(str(part) for part in said)
    # Written by someone outside: control characters (an ESC, a bell) go, as line breaks do.
    text = " ".join(CONTROLS_OR_BREAKS.sub(" ", str(said or "")).split())
    if len(text) > COMMENT_MAX:
        text = text[: COMMENT_MAX - 1].rsplit(" ", 1)[0] + "…"
    return text or None


def _attendees(event: Component, lines: _Lines) -> list[_Attendee]:
    people = _required(event, "ATTENDEE", lines)
    found = []
    for index, person in enumerate(people if isinstance(people, list) else [people]):
        email = address(str(person))
        if email is None:
            raise NotAReply(
                f"{shown(str(person))} is not a mailto: address",
                line=lines.of("ATTENDEE", index),
                field="ATTENDEE",
            )
        partstat = person.params.get("PARTSTAT")
        found.append(
            _Attendee(
                email,
                str(partstat).upper() if partstat else None,
                _addresses(person.params.get("DELEGATED-TO")),
                _addresses(person.params.get("DELEGATED-FROM")),
                person.params.get("X-RESPONSE-COMMENT"),
            )
        )
    return found


def _replying(people: list[_Attendee], lines: _Lines) -> int:
    """Which attendee is replying: the only one, or the delegator beside their delegates."""
    if len(people) == 1:
        return 0
    line = lines.of("ATTENDEE", 1)
    delegators = [i for i, person in enumerate(people) if person.partstat == "DELEGATED"]
    if len(delegators) != 1:
        message = f"the reply names {len(people)} ATTENDEEs; {_ONE_ATTENDEE}"
        raise NotAReply(message, line=line, field="ATTENDEE")
    delegator = people[delegators[0]]
    delegates = [person for person in people if person is not delegator]
    named = {person.email for person in delegates} == delegator.delegated_to
    if not named or any(delegator.email not in p.delegated_from for p in delegates):
        raise NotAReply(
            f"{shown(delegator.email)} delegates to "
            f"{shown(', '.join(sorted(delegator.delegated_to)))}, "
            f"but the reply names other ATTENDEEs; {_ONE_ATTENDEE}",
            line=line,
            field="ATTENDEE",
        )
    return delegators[0]


def _answer(person: _Attendee, line: int) -> Rsvp:
    partstat = person.partstat
    if partstat is None:
        message = "the replying ATTENDEE has no PARTSTAT"
    elif partstat == "NEEDS-ACTION":
        message = "PARTSTAT=NEEDS-ACTION is no answer"
    elif partstat not in _ANSWERS:
        message = f"unknown PARTSTAT {shown(partstat, 40)}"
    elif partstat == "DELEGATED" and not person.delegated_to:
        message = "PARTSTAT=DELEGATED without DELEGATED-TO naming the delegate"
    else:
        return _ANSWERS[partstat]
    raise NotAReply(message, line=line, field="ATTENDEE")


def calendar_in_email(data: bytes) -> bytes:
    """The calendar part of a reply saved as an e-mail (.eml), as Outlook and Gmail send it.

    Line numbers in later messages count from the start of that part.
    """
    message = email.message_from_bytes(data, policy=policy.default)
    for part in message.walk():
        is_ics = (part.get_filename() or "").lower().endswith(".ics")
        if part.get_content_type() == "text/calendar" or is_ics:
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes) and payload.strip():
                return payload
    raise NotAReply("an e-mail without a calendar part (text/calendar): not a reply", line=0)


def read_reply(data: bytes) -> Reply:
    """The one attendee's reply in a REPLY file; raises NotAReply for anything else."""
    lines = _Lines(data)
    event = _event(_parse(data), lines)
    uid = str(_required(event, "UID", lines))
    written = event.get("ORGANIZER")
    organizer = None if written is None else address(str(written))
    if written is not None and organizer is None:
        raise NotAReply("is not a mailto: address", line=lines.of("ORGANIZER"), field="ORGANIZER")
    sequence, stamp = _sequence(event, lines), _stamp(event, lines)
    people = _attendees(event, lines)
    index = _replying(people, lines)
    reply = _answer(people[index], lines.of("ATTENDEE", index))
    where = {name: lines.of(name) for name in _SINGLE}
    where["ATTENDEE"] = lines.of("ATTENDEE", index)
    person = people[index]
    comment = _comment(event, person)
    return Reply(
        uid,
        sequence,
        person.email,
        reply,
        stamp,
        organizer,
        person.delegated_from,
        where,
        person.delegated_to,
        comment,
    )
