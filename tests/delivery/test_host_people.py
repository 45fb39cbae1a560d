"""The host department's own invited people: one copy of each version, naming everyone,
and no update to the other organisations for a change inside the department.

On the sample's follow-up, invited on 24 November 2026 (its records say what each
organisation holds), as the testers found it.
"""

import tomllib
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

from summit.delivery.outbox_plan import _details
from summit.ical.invite import invite_calendar
from summit.store import load_dataset
from tests.conftest import SAMPLE_FOLLOW_UP
from tests.delivery.conftest import SmtpServer, calendar_part, read_calendar
from tests.delivery.sample_sending import ORGANISATIONS
from tests.delivery.test_send import register_emails

TOM = "tom.ashworth@dcms.example.org"  # the Private Secretary: DCMS, the host department
NOW = datetime(2026, 12, 5, 9, 0, tzinfo=UTC)


def _send(cli, root: Path, server: SmtpServer, *more: str):
    return cli("send", SAMPLE_FOLLOW_UP, "--data", root, "--smtp", server.url, *more)


def _attendees(item) -> set[str]:
    [event] = read_calendar(calendar_part(item.message))[0].walk("VEVENT")
    people = event.get("ATTENDEE", [])
    return {str(a).lower().removeprefix("mailto:") for a in people}


def _invited(root: Path) -> set[str]:
    """Everyone the follow-up invites, by address, as its file and the register say."""
    register = tomllib.loads((root / "invitees.toml").read_text())["organisations"]
    summit = tomllib.loads((root / "agendas" / f"{SAMPLE_FOLLOW_UP}.toml").read_text())
    return {
        register[org_id]["delegates"][delegate_id]["email"].lower()
        for org_id, invitation in summit["invitations"].items()
        for delegate_id in invitation.get("rsvp", {})
    }


def test_an_invited_host_person_gets_one_copy_naming_everyone_and_nobody_else_is_sent_anything(
    data_dir: Path, cli, smtp_server
) -> None:
    """Inviting Tom Ashworth sent him 13 messages with one UID (his own, and a Cc of each
    organisation's, each naming other attendees: his calendar showed whichever came
    last), and sent all twelve organisations "Updated: details changed"."""
    assert cli("invite", SAMPLE_FOLLOW_UP, "Tom Ashworth", "--data", data_dir).code == 0
    result = _send(cli, data_dir, smtp_server, "--yes")
    assert result.code == 0, result.err

    [item] = smtp_server.recorder.received
    assert item.recipients == [TOM]
    assert item.message["Cc"] is None
    assert str(item.message["Subject"]).startswith("Invitation: ")
    # The host's copy is the organisers' view: every organisation's people, named.
    assert TOM in _attendees(item)
    assert len(_invited(data_dir)) > ORGANISATIONS
    assert _invited(data_dir) <= _attendees(item)

    again = _send(cli, data_dir, smtp_server, "--yes")
    assert again.code == 0 and "nothing to send" in again.out
    assert len(smtp_server.recorder.received) == 1


def test_a_change_outside_the_department_updates_that_organisation_and_the_host_only(
    data_dir: Path, cli, smtp_server
) -> None:
    assert cli("invite", SAMPLE_FOLLOW_UP, "Tom Ashworth", "--data", data_dir).code == 0
    assert _send(cli, data_dir, smtp_server, "--yes").code == 0
    mei_lin = "meilin.carter@google.example.org"
    assert (
        cli("uninvite", SAMPLE_FOLLOW_UP, "Mei Lin Carter", "--yes", "--data", data_dir).code == 0
    )

    assert _send(cli, data_dir, smtp_server, "--yes").code == 0
    batch = smtp_server.recorder.received[1:]
    emails = register_emails(data_dir)
    reached = Counter(
        o for item in batch for o, people in emails.items() if item.recipients[0] in people
    )
    # Google's copy lists its people; Tom's lists everyone: both changed. Nobody else's.
    assert reached == Counter({"google": 1, "dcms": 1})
    assert all(str(i.message["Subject"]).startswith("Updated: ") for i in batch)
    [tom] = [item for item in batch if item.recipients == [TOM]]
    assert mei_lin not in _attendees(tom)


def test_records_that_counted_the_host_people_send_nothing_outside_the_department(
    data_dir: Path, cli, smtp_server
) -> None:
    """Records written before the host's people were left out of the fingerprint count
    them (every record did, after the send that copied Tom into each message). The copy
    such a record describes is the one its organisation would be sent now: so the first
    send after the change sends nobody an update."""
    assert cli("invite", SAMPLE_FOLLOW_UP, "Tom Ashworth", "--data", data_dir).code == 0
    assert _send(cli, data_dir, smtp_server, "--yes").code == 0
    dataset = load_dataset(data_dir)
    summit, register = dataset.valid_summit(SAMPLE_FOLLOW_UP)
    record = dataset.summit_document(SAMPLE_FOLLOW_UP).record
    counted = {
        org_id: sent.model_copy(
            update={"details": _details(invite_calendar(summit, register, now=NOW, only=org_id))}
        )
        for org_id, sent in record.sent.items()
    }
    assert counted != record.sent  # Tom was counted in the other organisations' copies
    dataset.save_summit(SAMPLE_FOLLOW_UP, record.model_copy(update={"sent": counted}))

    again = _send(cli, data_dir, smtp_server)
    assert again.code == 0, again.err
    assert "nothing to send" in again.out
