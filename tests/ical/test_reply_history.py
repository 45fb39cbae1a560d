"""A new time or place asks everyone again; earlier answers stay as history (issue 7, item 13)."""

from pathlib import Path

import icalendar
import pytest

from summit.model import Rsvp
from summit.store import load_dataset
from summit.workflows import invitations
from tests.conftest import BEFORE_SAMPLE_SUMMIT, SAMPLE_SUMMIT, before_it_was_held
from tests.ical.conftest import edit_summit, summit_file
from tests.ical.test_replies import sample_uid
from tests.ical.test_reply_checks import FACEBOOK, imported, raw_reply

pytestmark = pytest.mark.usefixtures("sample_still_coming")  # replies before its day


def move_a_day_later(root: Path) -> None:
    """The summit (dated ahead: its year is the coming one) on the next day."""
    edit_summit(root, "-01-20T09:30:00", "-01-21T09:30:00")  # the first is its start
    edit_summit(root, "-01-20T13:00:00", "-01-21T13:00:00")


def attendee_params(data: bytes, email: str) -> dict[str, str]:
    event = icalendar.Calendar.from_ical(data).walk("VEVENT")[0]
    for attendee in event.get("attendee"):
        if attendee.email == email:
            return {key: str(value) for key, value in attendee.params.items()}
    raise AssertionError(f"{email} is not an attendee")


def test_13_a_new_time_asks_again_and_keeps_the_earlier_answers(
    data_dir: Path, tmp_path: Path
) -> None:
    uid = sample_uid(data_dir)
    reply = raw_reply(
        tmp_path,
        "facebook.ics",
        uid=uid,
        stamp="DTSTAMP:20261212T083000Z",
        attendees=[f"ATTENDEE;PARTSTAT=ACCEPTED:{FACEBOOK}"],
    )
    assert imported(data_dir, reply).problems == []
    move_a_day_later(data_dir)
    exported = invitations.export_invites(load_dataset(data_dir), SAMPLE_SUMMIT, tmp_path / "out")
    assert exported.sequence == 1 and exported.sequence_raised

    summit = load_dataset(data_dir).summits[SAMPLE_SUMMIT].record
    google, facebook = summit.invitations["google"], summit.invitations["facebook"]
    # Answers to the old time are history, not answers to the new invite.
    assert google.rsvp["google-policy"] is Rsvp.NEEDS_ACTION
    assert facebook.rsvp["facebook-policy"] is Rsvp.NEEDS_ACTION
    by_hand = google.replied["google-policy"]
    assert (by_hand.reply, by_hand.sequence, by_hand.stamp) == (Rsvp.ACCEPTED, 0, None)
    from_file = facebook.replied["facebook-policy"]
    assert (from_file.reply, from_file.sequence) == (Rsvp.ACCEPTED, 0)
    assert from_file.stamp is not None and from_file.stamp.day == 12
    # Who had not answered keeps no record.
    assert "virgin-policy" not in summit.invitations["virgin-media"].replied

    # The new invite asks each of them again.
    params = attendee_params(exported.paths[0].read_bytes(), "daniel.reyes@google.example.org")
    assert params["PARTSTAT"] == "NEEDS-ACTION" and params["RSVP"] == "TRUE"

    # A late answer to the old time is not taken for the new one; an answer to it is.
    assert "older than 1" in imported(data_dir, reply).ignored[0]
    answer = raw_reply(
        tmp_path,
        "again.ics",
        uid=uid,
        sequence="1",
        stamp="DTSTAMP:20261215T090000Z",
        attendees=[f"ATTENDEE;PARTSTAT=DECLINED:{FACEBOOK}"],
    )
    assert imported(data_dir, answer).problems == []
    summit = load_dataset(data_dir).summits[SAMPLE_SUMMIT].record
    record = summit.invitations["facebook"].replied["facebook-policy"]
    assert (record.reply, record.sequence) == (Rsvp.DECLINED, 1)
    assert summit.invitations["facebook"].rsvp["facebook-policy"] is Rsvp.DECLINED


def test_13_a_change_of_status_alone_asks_nobody_again(data_dir: Path, tmp_path: Path) -> None:
    before = summit_file(data_dir).read_text()
    before_it_was_held(data_dir)  # confirmed, and never held: it may be cancelled
    invitations.cancel_summit(load_dataset(data_dir), SAMPLE_SUMMIT, today=BEFORE_SAMPLE_SUMMIT)
    exported = invitations.export_invites(load_dataset(data_dir), SAMPLE_SUMMIT, tmp_path)
    assert exported.method == "CANCEL" and exported.sequence == 1
    summit = load_dataset(data_dir).summits[SAMPLE_SUMMIT].record
    assert summit.invitations["google"].rsvp["google-policy"] is Rsvp.ACCEPTED
    assert "replied" not in summit_file(data_dir).read_text()
    assert before.count("accepted") == summit_file(data_dir).read_text().count("accepted")
