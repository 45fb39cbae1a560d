"""RSVP import: replies as calendar clients send them update the summit file, and nothing else."""

from datetime import UTC, datetime
from pathlib import Path

import icalendar
import pytest

from summit.model import Rsvp
from summit.store import load_dataset
from summit.workflows import invitations
from tests.conftest import SAMPLE_SUMMIT, snapshot
from tests.ical.conftest import edit_summit, summit_file

pytestmark = pytest.mark.usefixtures("sample_still_coming")  # replies before its day


def sample_uid(root: Path) -> str:
    invite = load_dataset(root).summits[SAMPLE_SUMMIT].record.invite
    assert invite is not None
    return invite.uid


def reply_file(
    folder: Path,
    name: str,
    *,
    uid: str,
    email: str,
    partstat: str,
    sequence: int = 0,
    method: str = "REPLY",
    stamp: datetime = datetime(2026, 12, 1, 10, tzinfo=UTC),
) -> Path:
    """A reply shaped like Thunderbird's: METHOD:REPLY, one ATTENDEE with PARTSTAT."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Mozilla.org/NONSGML Mozilla Calendar V1.1//EN")
    calendar.add("version", "2.0")
    calendar.add("method", method)
    event = icalendar.Event()
    event.add("uid", uid)
    event.add("sequence", sequence)
    event.add("dtstamp", stamp)
    event.add("dtstart", datetime(2027, 1, 20, 9, 30, tzinfo=UTC))
    event.add("organizer", icalendar.vCalAddress("mailto:priya.hollis@dcms.example.org"))
    attendee = icalendar.vCalAddress(f"mailto:{email}")
    attendee.params["PARTSTAT"] = partstat
    event.add("attendee", attendee)
    calendar.add_component(event)
    path = folder / name
    path.write_bytes(calendar.to_ical())
    return path


def rsvp(root: Path, delegate: str, organisation: str) -> Rsvp:
    summit = load_dataset(root).summits[SAMPLE_SUMMIT].record
    return summit.invitations[organisation].rsvp[delegate]


def test_a_reply_updates_the_summit_file_and_keeps_its_comments(
    data_dir: Path, tmp_path: Path
) -> None:
    comments = [line for line in summit_file(data_dir).read_text().splitlines() if "#" in line]
    path = reply_file(
        tmp_path,
        "reply.ics",
        uid=sample_uid(data_dir),
        email="Oliver.Grant@FACEBOOK.example.org",
        partstat="DECLINED",
    )
    result = invitations.import_replies(load_dataset(data_dir), [path])
    assert result.problems == []
    assert [(c.delegate_id, c.before, c.after) for c in result.changed] == [
        ("facebook-policy", Rsvp.NEEDS_ACTION, Rsvp.DECLINED)
    ]
    assert rsvp(data_dir, "facebook-policy", "facebook") is Rsvp.DECLINED
    text = summit_file(data_dir).read_text()
    assert [line for line in text.splitlines() if "#" in line] == comments
    assert 'facebook-policy = "declined"' in text


def test_a_stale_reply_is_ignored(data_dir: Path, tmp_path: Path) -> None:
    uid = sample_uid(data_dir)
    edit_summit(data_dir, "Conference Room 1", "Conference Room 2")
    invitations.issue_invite(load_dataset(data_dir), SAMPLE_SUMMIT)  # now SEQUENCE 1
    before = snapshot(data_dir)
    path = reply_file(
        tmp_path,
        "old.ics",
        uid=uid,
        email="oliver.grant@facebook.example.org",
        partstat="ACCEPTED",
        sequence=0,
    )
    result = invitations.import_replies(load_dataset(data_dir), [path])
    assert result.changed == [] and result.problems == []
    assert "older than 1" in result.ignored[0]
    assert snapshot(data_dir) == before


@pytest.mark.parametrize(
    ("kind", "message"),
    [
        ("foreign", "is not the invite of any summit here"),
        ("forged", "was never invited"),
        ("request", "not REPLY"),
        ("garbage", "not an iCalendar file"),
    ],
)
def test_a_bad_file_never_holds_up_the_good_ones(
    data_dir: Path, tmp_path: Path, kind: str, message: str
) -> None:
    uid = sample_uid(data_dir)
    good = reply_file(
        tmp_path,
        "good.ics",
        uid=uid,
        email="oliver.grant@facebook.example.org",
        partstat="ACCEPTED",
    )
    if kind == "garbage":
        bad = tmp_path / "bad.ics"
        bad.write_bytes(b"\xff\xfenot a calendar")
    else:
        bad = reply_file(
            tmp_path,
            "bad.ics",
            uid="someone-else@elsewhere.example.org" if kind == "foreign" else uid,
            email="spy@evil.example.org" if kind == "forged" else "chris.bell@yahoo.example.org",
            partstat="ACCEPTED",
            method="REQUEST" if kind == "request" else "REPLY",
        )
    result = invitations.import_replies(load_dataset(data_dir), [good, bad])
    assert len(result.changed) == 1
    assert any(message in problem.message and problem.path == bad for problem in result.problems), (
        result.problems
    )
    assert {problem.path for problem in result.problems} == {bad}
    assert rsvp(data_dir, "facebook-policy", "facebook") is Rsvp.ACCEPTED
