"""Reading iTIP REPLY files (RFC 5546 §3.2.3) as calendar clients send them."""

from dataclasses import dataclass
from datetime import datetime

from icalendar import Calendar

from summit.model import Rsvp

_PARTSTAT = {
    "NEEDS-ACTION": Rsvp.NEEDS_ACTION,
    "ACCEPTED": Rsvp.ACCEPTED,
    "DECLINED": Rsvp.DECLINED,
    "TENTATIVE": Rsvp.TENTATIVE,
    "DELEGATED": Rsvp.DELEGATED,
}


class NotAReply(ValueError):
    """The file is not an iTIP REPLY we can read."""


@dataclass(frozen=True, slots=True)
class Reply:
    uid: str
    sequence: int
    email: str
    """The replying attendee's address, lower-cased for matching."""
    reply: Rsvp
    stamp: datetime | None


def _email(attendee: object) -> str:
    return str(attendee).removeprefix("mailto:").removeprefix("MAILTO:").strip().lower()


def read_reply(data: bytes) -> list[Reply]:
    """Every attendee's reply in one REPLY file; raises NotAReply for anything else."""
    try:
        calendar = Calendar.from_ical(data)
    except ValueError as error:
        raise NotAReply(f"not an iCalendar file ({error})") from None
    method = str(calendar.get("method", "")).upper()
    if method != "REPLY":
        raise NotAReply(f"METHOD is {method or 'missing'}, not REPLY: this is not a reply")
    replies = []
    for event in calendar.walk("VEVENT"):
        uid = str(event.get("uid", ""))
        if not uid:
            raise NotAReply("the reply has no UID")
        people = event.get("attendee")
        for attendee in people if isinstance(people, list) else [people] if people else []:
            partstat = str(attendee.params.get("PARTSTAT", "NEEDS-ACTION")).upper()
            if partstat not in _PARTSTAT:
                raise NotAReply(f"unknown PARTSTAT {partstat!r}")
            stamp = event.get("dtstamp")
            replies.append(
                Reply(
                    uid,
                    int(event.get("sequence", 0)),
                    _email(attendee),
                    _PARTSTAT[partstat],
                    stamp.dt if stamp else None,
                )
            )
    if not replies:
        raise NotAReply("the reply names no attendee")
    return replies
