"""Exported invites, read back by icalendar and vobject: instants, attendees, METHOD, SEQUENCE."""

from datetime import UTC, datetime
from pathlib import Path

import pytest

from summit.ical.mail import read_message
from summit.store import ConflictError, load_dataset
from summit.store.problems import MergeConflicts
from summit.workflows import invitations
from tests.conftest import BEFORE_SAMPLE_SUMMIT, SAMPLE_SUMMIT, before_it_was_held, snapshot
from tests.ical.conftest import NOW, edit_summit, parse_both, summit_file, vevents


def export(root: Path, out: Path, **options: bool) -> invitations.Exported:
    return invitations.export_invites(load_dataset(root), SAMPLE_SUMMIT, out, now=NOW, **options)


def attendee_emails(data: bytes) -> set[str]:
    calendar, _ = parse_both(data)
    event = next(iter(calendar.walk("VEVENT")))
    return {str(a).removeprefix("mailto:") for a in event.get("attendee")}


def test_the_request_is_a_meeting_request_with_every_invitee(
    data_dir: Path, tmp_path: Path
) -> None:
    exported = export(data_dir, tmp_path)
    data = exported.paths[0].read_bytes()
    calendar, parsed = parse_both(data)
    assert str(calendar["method"]) == "REQUEST" == parsed.method.value
    event = parsed.vevent
    assert event.uid.value == exported.uid
    assert event.sequence.value == "0"
    assert event.organizer.value == "mailto:priya.hollis@dcms.example.org"
    people = {a.value.removeprefix("mailto:"): a.params for a in event.attendee_list}
    assert len(people) == 14  # 13 invited delegates and the convener
    chair = people["secretary.of.state@dcms.example.org"]
    assert chair["ROLE"] == ["CHAIR"]
    google = people["daniel.reyes@google.example.org"]
    assert (google["PARTSTAT"], google["RSVP"], google["ROLE"], google["CUTYPE"]) == (
        ["ACCEPTED"],
        ["TRUE"],
        ["REQ-PARTICIPANT"],
        ["INDIVIDUAL"],
    )
    assert people["meilin.carter@google.example.org"]["PARTSTAT"] == ["TENTATIVE"]
    assert people["ruth.okafor@homeoffice.example.org"]["ROLE"] == ["OPT-PARTICIPANT"]
    assert event.dtstart.value.astimezone(UTC) == datetime(2026, 1, 20, 9, 30, tzinfo=UTC)
    assert event.dtend.value.astimezone(UTC) == datetime(2026, 1, 20, 13, 0, tzinfo=UTC)
    ics_event = next(iter(calendar.walk("VEVENT")))
    assert ics_event.decoded("dtstart").astimezone(UTC) == datetime(2026, 1, 20, 9, 30, tzinfo=UTC)
    description = event.description.value
    assert "09:45-10:15  The scale of child-abuse imagery online (lead: Helen Marsh" in (
        description
    )


@pytest.mark.parametrize(
    ("start", "utc_hour"),
    [
        ("2027-03-27T09:30:00", 9),  # the Saturday before clocks go forward: GMT
        ("2027-03-29T09:30:00", 8),  # the Monday after: BST
        ("2027-10-30T09:30:00", 8),  # the Saturday before clocks go back: BST
        ("2027-11-01T09:30:00", 9),  # the Monday after: GMT
    ],
)
def test_instants_are_right_across_the_clock_changes(
    data_dir: Path, tmp_path: Path, start: str, utc_hour: int
) -> None:
    edit_summit(data_dir, "start = 2026-01-20T09:30:00", f"start = {start}")
    edit_summit(data_dir, "end = 2026-01-20T13:00:00", f"end = {start[:10]}T13:00:00")
    data = export(data_dir, tmp_path).paths[0].read_bytes()
    calendar, parsed = parse_both(data)
    expected = datetime.fromisoformat(start).replace(hour=utc_hour, tzinfo=UTC)
    assert parsed.vevent.dtstart.value.astimezone(UTC) == expected
    event = next(iter(calendar.walk("VEVENT")))
    assert event.decoded("dtstart").astimezone(UTC) == expected


def test_per_organisation_files_never_show_a_competitors_delegates(
    data_dir: Path, tmp_path: Path
) -> None:
    exported = export(data_dir, tmp_path, per_organisation=True)
    files = {path.name: path.read_bytes() for path in exported.paths}
    assert len(files) == 12
    google = files[f"{SAMPLE_SUMMIT}-google.ics"]
    assert attendee_emails(google) == {
        "daniel.reyes@google.example.org",
        "meilin.carter@google.example.org",
        "secretary.of.state@dcms.example.org",
    }
    for other in ("yahoo", "microsoft", "facebook", "twitter", "three", "bt"):
        assert f"{other}.example.org".encode() not in google.lower()
    uids = {vevents(data)[0].uid.value for data in files.values()}
    assert uids == {exported.uid}


def test_exporting_again_unchanged_keeps_uid_sequence_and_the_summit_file(
    data_dir: Path, tmp_path: Path
) -> None:
    first = export(data_dir, tmp_path / "1")
    before = snapshot(data_dir)
    second = export(data_dir, tmp_path / "2")
    assert (second.uid, second.sequence) == (first.uid, first.sequence)
    assert snapshot(data_dir) == before


def test_a_change_that_does_not_matter_to_attendees_keeps_the_sequence(
    data_dir: Path, tmp_path: Path
) -> None:
    first = export(data_dir, tmp_path)
    edit_summit(data_dir, 'notes = "Ask Google', 'notes = "Press Google')
    assert export(data_dir, tmp_path).sequence == first.sequence


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (
            'venue = "100 Parliament Street, London SW1A 2BQ: Conference Room 1"',
            'venue = "Lancaster House, London SW1A 1BB"',
        ),
        ("start = 2026-01-20T09:30:00", "start = 2026-01-20T10:00:00"),
        ("end = 2026-01-20T13:00:00", "end = 2026-01-20T13:30:00"),
    ],
)
def test_a_change_attendees_must_see_raises_the_sequence_once(
    data_dir: Path, tmp_path: Path, old: str, new: str
) -> None:
    first = export(data_dir, tmp_path)
    edit_summit(data_dir, old, new)
    second = export(data_dir, tmp_path)
    third = export(data_dir, tmp_path)
    assert second.sequence == first.sequence + 1
    assert second.sequence_raised
    assert third.sequence == second.sequence
    assert second.uid == first.uid
    assert summit_file(data_dir).read_text().count("# ── Agenda") == 1


def test_cancelling_sends_a_cancellation_with_a_higher_sequence(
    data_dir: Path, tmp_path: Path
) -> None:
    first = export(data_dir, tmp_path)
    before_it_was_held(data_dir)  # a summit held is never cancelled
    invitations.cancel_summit(load_dataset(data_dir), SAMPLE_SUMMIT, today=BEFORE_SAMPLE_SUMMIT)
    cancelled = export(data_dir, tmp_path)
    calendar, parsed = parse_both(cancelled.paths[0].read_bytes())
    assert str(calendar["method"]) == "CANCEL"
    assert parsed.vevent.status.value == "CANCELLED"
    assert int(parsed.vevent.sequence.value) == first.sequence + 1
    assert parsed.vevent.uid.value == first.uid
    assert len(parsed.vevent.attendee_list) == 14


def test_the_agenda_calendar_has_one_event_per_item_and_no_attendees(
    data_dir: Path, tmp_path: Path
) -> None:
    path = invitations.export_agenda(load_dataset(data_dir), SAMPLE_SUMMIT, tmp_path, now=NOW)
    calendar, parsed = parse_both(path.read_bytes())
    assert str(calendar["method"]) == "PUBLISH"
    events = parsed.vevent_list
    assert len(events) == 7
    assert all(not hasattr(event, "attendee") for event in events)
    assert [e.dtstart.value.strftime("%H:%M") for e in events] == [
        "09:30",
        "09:45",
        "10:15",
        "11:00",
        "11:15",
        "11:55",
        "12:30",
    ]
    assert len({e.uid.value for e in events}) == 7


def test_no_text_can_inject_a_property_and_long_lines_are_folded(
    data_dir: Path, tmp_path: Path
) -> None:
    evil = 'Tea; coffee, "biscuits"\\nATTENDEE:mailto:spy@evil.example.org\\nEND:VEVENT ' + (
        "Ünïcödé text that goes on " * 12
    )
    edit_summit(data_dir, 'purpose = """', f'purpose = """{evil}\n')
    data = export(data_dir, tmp_path).paths[0].read_bytes()
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))
    _, parsed = parse_both(data)
    assert "spy@evil.example.org" not in attendee_emails(data)
    assert data.count(b"BEGIN:VEVENT") == 1
    assert 'Tea; coffee, "biscuits"\nATTENDEE:mailto:spy@evil.example.org' in (
        parsed.vevent.description.value
    )


def _readable(path: Path) -> str:
    """Every text a recipient can see in an .ics or .eml file, unfolded and decoded."""
    data = path.read_bytes()
    if path.suffix == ".ics":
        return data.replace(b"\r\n ", b"").decode("utf-8")
    message = read_message(data)
    parts = [str(value) for value in message.values()]
    for part in message.walk():
        if not part.is_multipart():
            content = part.get_content()
            parts.append(content.decode() if isinstance(content, bytes) else content)
    return "\n".join(parts).replace("\r\n ", "").replace("\n ", "")


def test_a_convener_from_another_organisation_is_not_shown_to_the_others(
    data_dir: Path, tmp_path: Path
) -> None:
    edit_summit(data_dir, 'convener = "secretary-of-state"', 'convener = "iwf-chief-executive"')
    export(data_dir, tmp_path / "ics", per_organisation=True)
    invitations.export_emails(load_dataset(data_dir), SAMPLE_SUMMIT, tmp_path / "eml", now=NOW)
    files = sorted((tmp_path / "ics").iterdir()) + sorted((tmp_path / "eml").iterdir())
    assert len(files) == 24
    for path in files:
        text = _readable(path)
        if path.stem.endswith("-iwf"):
            assert "helen.marsh@iwf.example.org" in text
            continue
        assert "helen.marsh@iwf.example.org" not in text.lower(), path.name
        assert "Helen Marsh" not in text, path.name
        assert "Convened by Internet Watch Foundation." in text
        assert "priya.hollis@dcms.example.org" in text  # the host's organiser sends it
    iwf = (tmp_path / "ics" / f"{SAMPLE_SUMMIT}-iwf.ics").read_bytes()
    _, parsed = parse_both(iwf)
    roles = {a.value: a.params["ROLE"] for a in parsed.vevent.attendee_list}
    assert roles["mailto:helen.marsh@iwf.example.org"] == ["CHAIR"]
    google = (tmp_path / "ics" / f"{SAMPLE_SUMMIT}-google.ics").read_bytes()
    assert attendee_emails(google) == {
        "daniel.reyes@google.example.org",
        "meilin.carter@google.example.org",
    }


def test_the_organisers_own_invite_still_lists_the_convener_as_chair(
    data_dir: Path, tmp_path: Path
) -> None:
    edit_summit(data_dir, 'convener = "secretary-of-state"', 'convener = "iwf-chief-executive"')
    _, parsed = parse_both(export(data_dir, tmp_path).paths[0].read_bytes())
    roles = {a.value: a.params["ROLE"] for a in parsed.vevent.attendee_list}
    assert roles["mailto:helen.marsh@iwf.example.org"] == ["CHAIR"]
    assert "Convened by Helen Marsh (Internet Watch Foundation)." in parsed.vevent.description.value


def test_when_the_summit_file_cannot_be_saved_no_invite_is_left_behind(
    data_dir: Path, tmp_path: Path
) -> None:
    edit_summit(data_dir, "Conference Room 1", "Room 2")  # SEQUENCE must go up
    dataset = load_dataset(data_dir)
    # Someone else left the file broken meanwhile: there is nothing to merge with.
    summit_file(data_dir).write_text(summit_file(data_dir).read_text() + "\n[[agenda]\n")
    theirs = summit_file(data_dir).read_bytes()
    out = tmp_path / "new" / "out"
    with pytest.raises((ConflictError, MergeConflicts)):
        invitations.export_invites(dataset, SAMPLE_SUMMIT, out, per_organisation=True, now=NOW)
    assert summit_file(data_dir).read_bytes() == theirs
    assert not (tmp_path / "new").exists()


def test_an_export_merges_with_a_change_made_meanwhile(data_dir: Path, tmp_path: Path) -> None:
    edit_summit(data_dir, "Conference Room 1", "Room 2")  # SEQUENCE must go up
    dataset = load_dataset(data_dir)
    edit_summit(data_dir, "# Summit convened", "# A summit convened")  # by someone else
    exported = invitations.export_invites(dataset, SAMPLE_SUMMIT, tmp_path / "out", now=NOW)
    assert exported.sequence_raised
    text = summit_file(data_dir).read_text()
    assert "# A summit convened" in text and "sequence = 1" in text
