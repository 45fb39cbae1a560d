"""Replies are checked against RFC 5546 §3.2.3 before anything is recorded (issue 7, items 9-12).

Each file is written as a calendar client would send it (CRLF, folded where
long) and read by the real importer; a refused file names itself, its line
and the property, and nothing is written.
"""

from pathlib import Path

import pytest

from summit.model import Rsvp
from summit.store import load_dataset
from summit.workflows import invitations
from tests.conftest import BEFORE_SAMPLE_SUMMIT, SAMPLE_SUMMIT, before_it_was_held, snapshot
from tests.ical.conftest import summit_file
from tests.ical.test_replies import rsvp, sample_uid

pytestmark = pytest.mark.usefixtures("sample_still_coming")  # replies before its day

ORGANISER = "mailto:priya.hollis@dcms.example.org"
FACEBOOK = "mailto:oliver.grant@facebook.example.org"
VIRGIN = "mailto:sophie.turner@virginmedia.example.org"
GOOGLE = "mailto:daniel.reyes@google.example.org"


def raw_reply(
    folder: Path,
    name: str,
    *,
    uid: str,
    attendees: list[str],
    sequence: str | None = "0",
    stamp: str = "DTSTAMP:20261201T100000Z",
    organizer: str | None = f"ORGANIZER:{ORGANISER}",
    events: int = 1,
) -> Path:
    """A REPLY as text, so that a test can write exactly the lines a client might send."""
    event = [
        "BEGIN:VEVENT",
        f"UID:{uid}",
        *([f"SEQUENCE:{sequence}"] if sequence is not None else []),
        stamp,
        "DTSTART:20270120T093000Z",
        *([organizer] if organizer else []),
        *attendees,
        "END:VEVENT",
    ]
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Mozilla.org/NONSGML Mozilla Calendar V1.1//EN",
        "METHOD:REPLY",
        *event * events,
        "END:VCALENDAR",
    ]
    path = folder / name
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode())
    return path


def imported(root: Path, *files: Path) -> invitations.ReplyImport:
    return invitations.import_replies(load_dataset(root), list(files))


def refused(root: Path, path: Path, *files: Path) -> list[str]:
    """Import and check that nothing was written; the refusals naming `path`."""
    before = snapshot(root)
    result = imported(root, *files, path)
    assert result.changed == []
    assert snapshot(root) == before
    return [problem.format() for problem in result.problems if problem.path == path]


# ── 9. Exactly one ATTENDEE (plus a delegate), with its PARTSTAT ───────────


def test_9_a_reply_naming_two_companies_changes_neither(data_dir: Path, tmp_path: Path) -> None:
    path = raw_reply(
        tmp_path,
        "two.ics",
        uid=sample_uid(data_dir),
        attendees=[
            f"ATTENDEE;PARTSTAT=ACCEPTED:{FACEBOOK}",
            f"ATTENDEE;PARTSTAT=DECLINED:{GOOGLE}",
        ],
    )
    problems = refused(data_dir, path)
    assert problems and "exactly one ATTENDEE" in problems[0], problems
    assert rsvp(data_dir, "google-policy", "google") is Rsvp.ACCEPTED


def test_9_an_attendee_without_partstat_keeps_the_recorded_reply(
    data_dir: Path, tmp_path: Path
) -> None:
    path = raw_reply(
        tmp_path, "bare.ics", uid=sample_uid(data_dir), attendees=[f"ATTENDEE:{GOOGLE}"]
    )
    problems = refused(data_dir, path)
    assert problems == [f"{path}:11:1: ATTENDEE: the replying ATTENDEE has no PARTSTAT"]
    assert rsvp(data_dir, "google-policy", "google") is Rsvp.ACCEPTED


def test_9_a_delegation_records_the_delegator_only(data_dir: Path, tmp_path: Path) -> None:
    """Facebook delegates to Virgin's delegate: Virgin's own reply must not change."""
    path = raw_reply(
        tmp_path,
        "delegated.ics",
        uid=sample_uid(data_dir),
        attendees=[
            f'ATTENDEE;PARTSTAT=DELEGATED;DELEGATED-TO="{VIRGIN}":{FACEBOOK}',
            f'ATTENDEE;PARTSTAT=ACCEPTED;DELEGATED-FROM="{FACEBOOK}":{VIRGIN}',
        ],
    )
    result = imported(data_dir, path)
    assert result.problems == []
    assert [(c.delegate_id, c.after) for c in result.changed] == [
        ("facebook-policy", Rsvp.DELEGATED)
    ]
    assert rsvp(data_dir, "virgin-policy", "virgin-media") is Rsvp.NEEDS_ACTION


def test_9_a_delegate_not_named_by_the_delegator_is_refused(data_dir: Path, tmp_path: Path) -> None:
    path = raw_reply(
        tmp_path,
        "smuggled.ics",
        uid=sample_uid(data_dir),
        attendees=[
            f'ATTENDEE;PARTSTAT=DELEGATED;DELEGATED-TO="mailto:x@facebook.example.org":{FACEBOOK}',
            f"ATTENDEE;PARTSTAT=DECLINED:{GOOGLE}",
        ],
    )
    assert refused(data_dir, path)
    assert rsvp(data_dir, "google-policy", "google") is Rsvp.ACCEPTED


# ── 10. Organiser, one VEVENT, SEQUENCE, cancelled summits, DTSTAMP order ──


def test_10_another_organiser_is_refused(data_dir: Path, tmp_path: Path) -> None:
    path = raw_reply(
        tmp_path,
        "organiser.ics",
        uid=sample_uid(data_dir),
        organizer="ORGANIZER:mailto:someone@evil.example.org",
        attendees=[f"ATTENDEE;PARTSTAT=ACCEPTED:{FACEBOOK}"],
    )
    problems = refused(data_dir, path)
    assert problems and "not the summit's organiser" in problems[0], problems


def test_10_several_vevents_are_refused(data_dir: Path, tmp_path: Path) -> None:
    path = raw_reply(
        tmp_path,
        "two-events.ics",
        uid=sample_uid(data_dir),
        attendees=[f"ATTENDEE;PARTSTAT=ACCEPTED:{FACEBOOK}"],
        events=2,
    )
    problems = refused(data_dir, path)
    assert problems and "2 VEVENTs" in problems[0], problems


def test_10_a_sequence_above_the_one_issued_is_refused(data_dir: Path, tmp_path: Path) -> None:
    path = raw_reply(
        tmp_path,
        "future.ics",
        uid=sample_uid(data_dir),
        sequence="7",
        attendees=[f"ATTENDEE;PARTSTAT=ACCEPTED:{FACEBOOK}"],
    )
    problems = refused(data_dir, path)
    assert problems == [
        f"{path}:7:1: SEQUENCE: the reply answers SEQUENCE 7, but only 0 was issued"
    ]


def test_10_a_reply_to_a_cancelled_summit_records_nothing_and_says_why(
    data_dir: Path, tmp_path: Path
) -> None:
    before_it_was_held(data_dir)  # a summit held is never cancelled
    invitations.cancel_summit(load_dataset(data_dir), SAMPLE_SUMMIT, today=BEFORE_SAMPLE_SUMMIT)
    path = raw_reply(
        tmp_path,
        "late.ics",
        uid=sample_uid(data_dir),
        attendees=[f"ATTENDEE;PARTSTAT=ACCEPTED:{FACEBOOK}"],
    )
    before = snapshot(data_dir)
    result = imported(data_dir, path)
    assert result.changed == [] and result.problems == []
    assert "is cancelled" in result.ignored[0]
    assert snapshot(data_dir) == before


def test_10_an_older_reply_imported_later_never_overwrites_a_newer_one(
    data_dir: Path, tmp_path: Path
) -> None:
    uid = sample_uid(data_dir)
    text_before = summit_file(data_dir).read_text().splitlines()
    newer = raw_reply(
        tmp_path,
        "newer.ics",
        uid=uid,
        stamp="DTSTAMP:20261203T090000Z",
        attendees=[f"ATTENDEE;PARTSTAT=DECLINED:{FACEBOOK}"],
    )
    older = raw_reply(
        tmp_path,
        "older.ics",
        uid=uid,
        stamp="DTSTAMP:20261201T090000Z",
        attendees=[f"ATTENDEE;PARTSTAT=ACCEPTED:{FACEBOOK}"],
    )
    assert imported(data_dir, newer).problems == []
    # Only the reply and its record changed: no other line of the file moved.
    text_after = summit_file(data_dir).read_text().splitlines()
    removed = [line for line in text_before if line not in text_after]
    assert removed == ['facebook-policy = "needs-action"']
    before = snapshot(data_dir)
    result = imported(data_dir, older)  # a later run, as the README promises
    assert result.changed == [] and result.problems == []
    assert "older than" in result.ignored[0]
    assert snapshot(data_dir) == before
    assert rsvp(data_dir, "facebook-policy", "facebook") is Rsvp.DECLINED


# ── 11. mailto: in any case, domains in any case ───────────────────────────


@pytest.mark.parametrize("scheme", ["Mailto:", "MAILTO:", "mailto:"])
def test_11_the_mailto_scheme_and_the_domain_are_case_insensitive(
    data_dir: Path, tmp_path: Path, scheme: str
) -> None:
    path = raw_reply(
        tmp_path,
        "case.ics",
        uid=sample_uid(data_dir),
        organizer="ORGANIZER:MAILTO:priya.hollis@DCMS.Example.ORG",
        attendees=[f"ATTENDEE;PARTSTAT=TENTATIVE:{scheme}oliver.grant@Facebook.EXAMPLE.org"],
    )
    result = imported(data_dir, path)
    assert result.problems == []
    assert rsvp(data_dir, "facebook-policy", "facebook") is Rsvp.TENTATIVE


def test_9_a_reply_from_an_uninvited_delegate_is_noted_not_recorded(
    data_dir: Path, tmp_path: Path
) -> None:
    """The delegate's own reply (RFC 5546 §3.2.2.3) neither records nor blocks other replies."""
    uid = sample_uid(data_dir)
    delegate = raw_reply(
        tmp_path,
        "delegate.ics",
        uid=uid,
        attendees=[
            f'ATTENDEE;PARTSTAT=ACCEPTED;DELEGATED-FROM="{FACEBOOK}":mailto:deputy@facebook.example.org'
        ],
    )
    good = raw_reply(
        tmp_path, "good.ics", uid=uid, attendees=[f"ATTENDEE;PARTSTAT=DECLINED:{VIRGIN}"]
    )
    result = imported(data_dir, delegate, good)
    assert result.problems == []
    assert [(c.delegate_id, c.after) for c in result.changed] == [("virgin-policy", Rsvp.DECLINED)]
    assert "replied as the delegate of oliver.grant@facebook.example.org" in result.ignored[0]
    assert rsvp(data_dir, "facebook-policy", "facebook") is Rsvp.NEEDS_ACTION
