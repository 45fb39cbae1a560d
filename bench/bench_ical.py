"""Invite export benchmark: one summit inviting 10,000 delegates.

Ratio of `invite_calendar(...).to_ical()` to building and serialising the same
calendar with plain icalendar (same event properties, same attendees and
parameters, a fixed two-rule VTIMEZONE). Target <= 1.3x.

Run: uv run python bench/bench_ical.py [--repeat N]
"""

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import tomli
from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard, vCalAddress

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import register_text
from timing import best_of

from summit.ical.invite import invite_calendar
from summit.ical.timezones import transitions
from summit.model import Register, Summit
from summit.model.invite import issue

NOW = datetime(2026, 11, 29, 12, tzinfo=UTC)


def make_data(organisations: int = 1000, delegates: int = 10) -> tuple[Summit, Register]:
    register = Register.model_validate(tomli.loads(register_text(organisations, delegates)))
    invitations = {
        f"org-{o}": {"rsvp": {f"d-{o}-{d}": "needs-action" for d in range(delegates)}}
        for o in range(1, organisations)
    }
    invitations["org-0"] = {"rsvp": {f"d-0-{d}": "accepted" for d in range(2, delegates)}}
    summit = Summit.model_validate(
        {
            "title": "Large summit",
            "convener": "d-0-0",
            "organiser": "d-0-1",
            "start": datetime(2027, 1, 20, 9, 30),
            "end": datetime(2027, 1, 20, 13),
            "venue": "100 Parliament Street",
            "invitations": invitations,
            "agenda": [{"title": f"Item {i}", "minutes": 20, "lead": "d-0-0"} for i in range(8)],
        }
    )
    return issue(summit, lambda: "bench@example.org"), register


def london() -> Timezone:
    zone = Timezone()
    zone.add("tzid", "Europe/London")
    for part, month, start, before, after, name in (
        (TimezoneDaylight(), 3, datetime(2026, 3, 29, 1), 0, 1, "BST"),
        (TimezoneStandard(), 10, datetime(2026, 10, 25, 2), 1, 0, "GMT"),
    ):
        part.add("tzname", name)
        part.add("tzoffsetfrom", datetime(2000, 1, 1, before) - datetime(2000, 1, 1))
        part.add("tzoffsetto", datetime(2000, 1, 1, after) - datetime(2000, 1, 1))
        part.add("dtstart", start)
        part.add("rrule", {"freq": "yearly", "bymonth": month, "byday": "-1SU"})
        zone.add_component(part)
    return zone


def plain_icalendar(summit: Summit, register: Register, description: str) -> bytes:
    calendar = Calendar()
    for key, value in (
        ("prodid", "-//bench//EN"),
        ("version", "2.0"),
        ("calscale", "GREGORIAN"),
        ("method", "REQUEST"),
    ):
        calendar.add(key, value)
    calendar.add_component(london())
    event = Event()
    zone = ZoneInfo("Europe/London")
    event.add("uid", "bench@example.org")
    event.add("dtstamp", NOW)
    event.add("sequence", 0)
    event.add("dtstart", summit.start.replace(tzinfo=zone))
    event.add("dtend", datetime(2027, 1, 20, 13, tzinfo=zone))
    event.add("summary", summit.title)
    event.add("location", summit.venue)
    event.add("description", description)
    event.add("status", "CONFIRMED")
    event.add("class", "PUBLIC")
    event.add("categories", ["Summit"])
    event.add("transp", "OPAQUE")
    organizer = vCalAddress("mailto:d1@org-0.example.org")
    organizer.params["CN"] = "Delegate 0 1"
    event.add("organizer", organizer)
    for org_id, invitation in summit.invitations.items():
        organisation = register.organisations[org_id]
        for delegate_id, reply in invitation.rsvp.items():
            person = organisation.delegates[delegate_id]
            attendee = vCalAddress(f"mailto:{person.email}")
            attendee.params["CN"] = person.name
            attendee.params["CUTYPE"] = "INDIVIDUAL"
            attendee.params["ROLE"] = "REQ-PARTICIPANT"
            attendee.params["PARTSTAT"] = str(reply).upper()
            attendee.params["RSVP"] = "TRUE"
            event.add("attendee", attendee)
    calendar.add_component(event)
    return calendar.to_ical()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    summit, register = make_data()
    ours_bytes = invite_calendar(summit, register, now=NOW).to_ical()
    description = str(Calendar.from_ical(ours_bytes).walk("VEVENT")[0]["description"])
    attendees = ours_bytes.count(b"ATTENDEE")
    base = best_of(args.repeat, lambda: plain_icalendar(summit, register, description))

    def ours_uncached() -> bytes:
        transitions.cache_clear()  # count the VTIMEZONE derivation every time
        return invite_calendar(summit, register, now=NOW).to_ical()

    ours = best_of(args.repeat, ours_uncached)
    print(f"invite with {attendees:,} attendees ({len(ours_bytes) / 1e6:.1f} MB)")
    print(
        f"plain icalendar {base:.3f} s  summit {ours:.3f} s  ratio {ours / base:.2f}x "
        "(target <= 1.3x)"
    )


if __name__ == "__main__":
    main()
