"""Outbox benchmark: `summit send`'s dry run (planning every organisation's message).

`plan_outbox` (per organisation: its own calendar, the readable agenda, the
iMIP e-mail with its calendar part and attachment, and the check that the
From, To and Cc headers read back to the people meant) against a baseline
built in the same run with plain icalendar and the email package: one
calendar and one three-part message per organisation, with no per-reader
wording and no check. Target <= 2x.

Run: uv run python bench/bench_outbox.py [--organisations N] [--repeat N]
"""

import argparse
import sys
import tempfile
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path

import icalendar

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_send import make_data
from timing import best_of

from summit.delivery.outbox import plan_outbox
from summit.store import load_dataset


def baseline(organisations: int) -> None:
    """The same number of messages, built the plain way."""
    now = datetime.now(UTC)
    for o in range(1, organisations + 1):
        calendar = icalendar.Calendar()
        calendar.add("prodid", "-//bench//EN")
        calendar.add("version", "2.0")
        calendar.add("method", "REQUEST")
        event = icalendar.Event()
        event.add("uid", "bench@example.org")
        event.add("dtstamp", now)
        event.add("dtstart", datetime(2027, 3, 10, 9, 30, tzinfo=UTC))
        event.add("dtend", datetime(2027, 3, 10, 13, 0, tzinfo=UTC))
        event.add("summary", "Benchmark summit")
        event.add("location", "100 Parliament Street")
        event.add("organizer", "mailto:d-0-1@example.org")
        for d in range(2):
            event.add("attendee", f"mailto:d-{o}-{d}@example.org")
        calendar.add_component(event)
        ics = calendar.to_ical()
        message = EmailMessage()
        message["From"] = "Organiser <d-0-1@example.org>"
        message["To"] = ", ".join(f"Delegate {d} <d-{o}-{d}@example.org>" for d in range(2))
        message["Subject"] = "Invitation: Benchmark summit"
        message["Date"] = format_datetime(now)
        message["Message-ID"] = make_msgid(domain="example.org")
        message.set_content("Agenda\n" + "\n".join(f"Item {i}" for i in range(8)))
        message.add_alternative(ics.decode(), subtype="calendar", params={"method": "REQUEST"})
        message.add_attachment(ics, maintype="application", subtype="ics", filename="invite.ics")
        message.as_bytes()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--organisations", type=int, default=1600)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = make_data(Path(folder) / "data", args.organisations)
        dataset = load_dataset(root)
        pairs = []
        for _ in range(args.repeat):
            base = best_of(1, lambda: baseline(args.organisations))
            ours = best_of(1, lambda: plan_outbox(dataset, "bench"))
            pairs.append((ours / base, base, ours))
    pairs.sort()
    ratio, base, ours = pairs[len(pairs) // 2]
    print(f"organisations: {args.organisations}, repeats: {args.repeat}")
    print(f"median pair: plain icalendar + email: {base:.2f} s")
    print(f"             plan_outbox (summit send, dry run): {ours:.2f} s")
    print(f"ratio: median {ratio:.2f}x, best {pairs[0][0]:.2f}x (target <= 2x)")


if __name__ == "__main__":
    main()
