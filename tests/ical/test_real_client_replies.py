"""Replies as Exchange, Outlook, Google and KOrganizer really write them (issue 18, item 4).

Each file is written line by line in the shape the client sends (CRLF,
their property order), read by the real importer into a real summit file.
"""

import os
import tomllib
from pathlib import Path

import pytest

from summit.store import load_dataset
from summit.workflows import invitations
from tests.conftest import SAMPLE_SUMMIT
from tests.ical.test_replies import reply_file, sample_uid

pytestmark = pytest.mark.usefixtures("sample_still_coming")  # replies before its day


def write(folder: Path, name: str, lines: list[str]) -> Path:
    path = folder / name
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode())
    return path


def exchange_2010(folder: Path, uid: str) -> Path:
    """Exchange 2010 / Outlook: no ORGANIZER, no DTSTAMP, the delegate's words in COMMENT."""
    return write(
        folder,
        "exchange.ics",
        [
            "BEGIN:VCALENDAR",
            "METHOD:REPLY",
            "PRODID:Microsoft Exchange Server 2010",
            "VERSION:2.0",
            "BEGIN:VEVENT",
            "ATTENDEE;PARTSTAT=ACCEPTED;CN=Oliver Grant:mailto:oliver.grant@facebook.exa",
            " mple.org",
            "COMMENT;LANGUAGE=en-GB:I will bring our head of trust and safety.",
            "UID:" + uid,
            "SUMMARY;LANGUAGE=en-GB:Accepted: Summit on child-abuse imagery",
            "DTSTART:20270120T093000Z",
            "DTEND:20270120T120000Z",
            "CLASS:PUBLIC",
            "PRIORITY:5",
            "TRANSP:OPAQUE",
            "STATUS:CONFIRMED",
            "SEQUENCE:0",
            "END:VEVENT",
            "END:VCALENDAR",
        ],
    )


def google(folder: Path, uid: str) -> Path:
    """Google Calendar: the note in an X-RESPONSE-COMMENT parameter on the ATTENDEE."""
    return write(
        folder,
        "google.ics",
        [
            "BEGIN:VCALENDAR",
            "PRODID:-//Google Inc//Google Calendar 70.9054//EN",
            "VERSION:2.0",
            "CALSCALE:GREGORIAN",
            "METHOD:REPLY",
            "BEGIN:VEVENT",
            "DTSTART:20270120T093000Z",
            "DTEND:20270120T120000Z",
            "DTSTAMP:20261202T091500Z",
            "ORGANIZER;CN=Priya Hollis:mailto:priya.hollis@dcms.example.org",
            "UID:" + uid,
            "ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=TENTATIVE;CN=Daniel R",
            ' eyes;X-NUM-GUESTS=0;X-RESPONSE-COMMENT="Depends on the vote that week":mai',
            " lto:daniel.reyes@google.example.org",
            "SEQUENCE:0",
            "STATUS:CONFIRMED",
            "END:VEVENT",
            "END:VCALENDAR",
        ],
    )


def korganizer(folder: Path, uid: str) -> Path:
    """KOrganizer's delegation: a bare, unquoted DELEGATED-TO and no ATTENDEE for the delegate."""
    return write(
        folder,
        "korganizer.ics",
        [
            "BEGIN:VCALENDAR",
            "PRODID:-//K Desktop Environment//NONSGML libkcal 4.3//EN",
            "VERSION:2.0",
            "METHOD:REPLY",
            "BEGIN:VEVENT",
            "DTSTAMP:20261203T120000Z",
            "ORGANIZER;CN=Priya Hollis:MAILTO:priya.hollis@dcms.example.org",
            "ATTENDEE;CN=Chris Bell;RSVP=TRUE;PARTSTAT=DELEGATED;ROLE=REQ-PARTICIPANT;",
            " DELEGATED-TO=sam.lee@yahoo.example.org:mailto:chris.bell@yahoo.example.org",
            "UID:" + uid,
            "SEQUENCE:0",
            "DTSTART:20270120T093000Z",
            "END:VEVENT",
            "END:VCALENDAR",
        ],
    )


def replied(root: Path, org: str, delegate: str) -> dict[str, object]:
    data = tomllib.loads((root / "agendas" / f"{SAMPLE_SUMMIT}.toml").read_text())
    invitation = data["invitations"][org]
    return {"rsvp": invitation["rsvp"][delegate], **invitation["replied"][delegate]}


def test_exchange_without_organizer_or_dtstamp_keeps_the_comment(
    data_dir: Path, tmp_path: Path, cli
) -> None:
    path = exchange_2010(tmp_path, sample_uid(data_dir))
    os.utime(path, (1_796_000_000, 1_796_000_000))  # 2026-11-30 00:53:20 UTC
    result = cli("rsvp", "import", path, "--data", data_dir)
    assert result.code == 0, result.out + result.err
    assert "no DTSTAMP, ordered by the file's time (2026-11-30 00:53 UTC)" in result.err
    record = replied(data_dir, "facebook", "facebook-policy")
    assert record["rsvp"] == "accepted"
    assert record["comment"] == "I will bring our head of trust and safety."


def test_google_x_response_comment_is_kept(data_dir: Path, tmp_path: Path, cli) -> None:
    result = cli("rsvp", "import", google(tmp_path, sample_uid(data_dir)), "--data", data_dir)
    assert result.code == 0, result.out + result.err
    record = replied(data_dir, "google", "google-policy")
    assert record["rsvp"] == "tentative"
    assert record["comment"] == "Depends on the vote that week"


def test_korganizer_delegation_names_the_delegate(data_dir: Path, tmp_path: Path, cli) -> None:
    path = korganizer(tmp_path, sample_uid(data_dir))
    result = cli("rsvp", "import", path, "--data", data_dir)
    assert result.code == 0, result.out + result.err
    record = replied(data_dir, "yahoo", "yahoo-policy")
    assert record["rsvp"] == "delegated"
    assert record["delegated_to"] == "sam.lee@yahoo.example.org"


def test_a_foreign_organizer_is_still_refused(data_dir: Path, tmp_path: Path) -> None:
    uid = sample_uid(data_dir)
    text = google(tmp_path, uid).read_text().replace("priya.hollis@dcms", "eve@phish")
    path = tmp_path / "foreign.ics"
    path.write_text(text)
    result = invitations.import_replies(load_dataset(data_dir), [path])
    assert result.changed == []
    assert "is not the summit's organiser" in result.problems[0].message


def test_a_sequence_above_the_issued_one_is_still_refused_without_organizer(
    data_dir: Path, tmp_path: Path
) -> None:
    path = exchange_2010(tmp_path, sample_uid(data_dir))
    path.write_text(path.read_text().replace("SEQUENCE:0", "SEQUENCE:4"))
    result = invitations.import_replies(load_dataset(data_dir), [path])
    assert result.changed == [] and "only 0 was issued" in result.problems[0].message


def test_several_files_one_refused_records_the_others(data_dir: Path, tmp_path: Path, cli) -> None:
    uid = sample_uid(data_dir)
    good = [exchange_2010(tmp_path, uid), google(tmp_path, uid), korganizer(tmp_path, uid)]
    foreign = reply_file(
        tmp_path, "foreign.ics", uid=uid, email="spy@evil.example.org", partstat="ACCEPTED"
    )
    result = cli("rsvp", "import", good[0], foreign, *good[1:], "--data", data_dir)
    assert result.code == 1
    assert f"{foreign}:" in result.out and "was never invited" in result.out
    assert "3 replies recorded" in result.err and "1 file refused" in result.err
    assert replied(data_dir, "google", "google-policy")["rsvp"] == "tentative"
    assert replied(data_dir, "yahoo", "yahoo-policy")["rsvp"] == "delegated"
