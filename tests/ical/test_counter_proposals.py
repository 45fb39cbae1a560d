"""A new time proposed (iTIP COUNTER, Outlook's "New Time Proposed") is told to the
official in full; it was "an e-mail without a calendar part" (found trying the second
week), and in a mailbox it was counted among the messages skipped."""

import mailbox
from pathlib import Path

from tests.conftest import SAMPLE_SUMMIT

COUNTER = (
    "BEGIN:VCALENDAR\nMETHOD:COUNTER\nPRODID:Microsoft Exchange Server 2010\nVERSION:2.0\n"
    "BEGIN:VEVENT\nATTENDEE;PARTSTAT=TENTATIVE:MAILTO:LAURA.CHEN@PIPCU.EXAMPLE.ORG\n"
    "COMMENT:Could we start at 10:30? I have a court hearing first thing.\n"
    "UID:uid-1\nDTSTAMP:20261207T100000Z\nSEQUENCE:0\n"
    "DTSTART:20270120T103000Z\nDTEND:20270120T130000Z\nEND:VEVENT\nEND:VCALENDAR\n"
)
HEADERS = (
    "From: Laura Chen <laura.chen@pipcu.example.org>\nTo: priya.hollis@dcms.example.org\n"
    "Subject: New Time Proposed: Online safety summit\nDate: Mon, 7 Dec 2026 10:00:00 +0000\n"
    'MIME-Version: 1.0\nContent-Type: text/calendar; charset="utf-8"; method=COUNTER\n\n'
)
TOLD = (
    "laura.chen@pipcu.example.org proposes a new time (Wed 20 Jan 2027 10:30 UTC to "
    "Wed 20 Jan 2027 13:00 UTC), saying “Could we start at 10:30? I have a court hearing "
    "first thing.”. That is not a reply, so nothing is recorded"
)


def summit_text(root: Path) -> bytes:
    return (root / "agendas" / f"{SAMPLE_SUMMIT}.toml").read_bytes()


def test_a_counter_in_a_single_part_email_is_told(data_dir: Path, tmp_path: Path, cli) -> None:
    before = summit_text(data_dir)
    path = tmp_path / "counter.eml"
    path.write_text(HEADERS + COUNTER)
    result = cli("rsvp", "import", path, "--data", data_dir)
    assert result.code == 1
    assert TOLD in " ".join(result.out.split() + result.err.split())
    assert summit_text(data_dir) == before


def test_a_counter_in_a_mailbox_is_told_not_skipped(data_dir: Path, tmp_path: Path, cli) -> None:
    box = mailbox.mbox(tmp_path / "inbox.mbox")
    box.add((HEADERS + COUNTER).encode())
    box.flush()
    result = cli("rsvp", "import", tmp_path / "inbox.mbox", "--data", data_dir)
    said = " ".join(result.out.split() + result.err.split())
    assert TOLD in said and "skipped" not in said
