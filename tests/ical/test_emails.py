"""iMIP e-mails: what a mail client needs to show a meeting request."""

import email
from email import policy
from email.message import EmailMessage
from pathlib import Path

from summit import invitations
from summit.store import load_dataset
from tests.conftest import SAMPLE_SUMMIT
from tests.ical.conftest import NOW, edit_summit, parse_both


def emails(root: Path, out: Path) -> dict[str, EmailMessage]:
    exported = invitations.export_emails(load_dataset(root), SAMPLE_SUMMIT, out, now=NOW)
    return {
        path.stem.removeprefix(f"{SAMPLE_SUMMIT}-"): email.message_from_bytes(
            path.read_bytes(), policy=policy.default
        )  # type: ignore[misc]
        for path in exported.paths
    }


def calendar_part(message: EmailMessage) -> EmailMessage:
    return next(p for p in message.walk() if p.get_content_type() == "text/calendar")


def test_one_message_per_organisation_addressed_to_its_delegates(
    data_dir: Path, tmp_path: Path
) -> None:
    messages = emails(data_dir, tmp_path)
    assert len(messages) == 12
    google = messages["google"]
    assert google["From"] == "Priya Hollis <priya.hollis@dcms.example.org>"
    assert {a.addr_spec for a in google["To"].addresses} == {
        "daniel.reyes@google.example.org",
        "meilin.carter@google.example.org",
    }
    assert google["Subject"].startswith("Invitation: Summit on child-abuse imagery")
    assert b"yahoo.example.org" not in google.as_bytes()


def test_the_calendar_part_method_matches_the_method_inside(data_dir: Path, tmp_path: Path) -> None:
    message = emails(data_dir, tmp_path)["google"]
    part = calendar_part(message)
    assert part.get_param("method") == "REQUEST"
    calendar, parsed = parse_both(part.get_content().encode())
    assert str(calendar["method"]) == "REQUEST"
    assert parsed.vevent.organizer.value == "mailto:priya.hollis@dcms.example.org"
    body = message.get_body(preferencelist=("plain",))
    assert body is not None
    assert "09:30-09:45  Welcome and purpose of the day" in body.get_content()
    attachment = next(message.iter_attachments())
    assert attachment.get_filename() == "invite.ics"
    inline = part.get_content().encode()
    assert inline.count(b"\r\n") == inline.count(b"\n")  # iCalendar's CRLF survives
    assert attachment.get_content() == inline


def test_sensitive_summits_say_so_in_the_subject(data_dir: Path, tmp_path: Path) -> None:
    edit_summit(data_dir, 'classification = "OFFICIAL"', 'classification = "OFFICIAL-SENSITIVE"')
    message = emails(data_dir, tmp_path)["iwf"]
    assert message["Subject"].startswith("OFFICIAL-SENSITIVE: Invitation:")
    calendar, _ = parse_both(calendar_part(message).get_content().encode())
    assert str(next(iter(calendar.walk("VEVENT")))["class"]) == "CONFIDENTIAL"


def test_a_cancelled_summit_mails_a_cancellation(data_dir: Path, tmp_path: Path) -> None:
    invitations.cancel_summit(load_dataset(data_dir), SAMPLE_SUMMIT)
    message = emails(data_dir, tmp_path)["bt"]
    assert message["Subject"].startswith("Cancelled:")
    assert calendar_part(message).get_param("method") == "CANCEL"
