"""`summit send`: the outbox as a dry run, then sent through a real SMTP server on 127.0.0.1."""

import functools
import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from summit.delivery.outbox import Letter, RecordFailed, plan_outbox, send_outbox
from summit.delivery.settings import parse_mail_url
from summit.delivery.smtp import SmtpRelay
from summit.store import ConflictError, load_dataset
from summit.store.lock import locked
from tests.conftest import REPO, SAMPLE_SUMMIT, before_it_was_held, dated_ahead, snapshot
from tests.delivery.conftest import Recorder, calendar_part, read_calendar
from tests.delivery.sample_sending import ORGANISATIONS, edit, send, sent_table, summit_toml

pytestmark = pytest.mark.usefixtures("before_the_sample_summit")  # sent before its day


def register_emails(root: Path) -> dict[str, set[str]]:
    """Every delegate's address, by organisation."""
    data = tomllib.loads((root / "invitees.toml").read_text())
    return {
        org_id: {d["email"].lower() for d in org.get("delegates", {}).values()}
        for org_id, org in data["organisations"].items()
    }


def test_dry_run_lists_the_outbox_and_sends_nothing(data_dir: Path, cli, smtp_server) -> None:
    before = snapshot(data_dir)
    result = send(cli, data_dir, smtp_server)
    assert result.code == 0, result.err
    assert f"{ORGANISATIONS} messages to send from priya.hollis@dcms.example.org" in result.out
    assert "Google: new invitation, SEQUENCE 0" in result.out
    assert "daniel.reyes@google.example.org" in result.out
    assert "dry run: nothing was sent" in result.err
    assert smtp_server.recorder.received == []
    assert snapshot(data_dir) == before


def test_each_organisation_gets_its_own_message_naming_only_its_people(
    data_dir: Path, cli, smtp_server
) -> None:
    # The host department invites its private secretary: he gets his own message only
    # (test_host_people), and every organisation's copy lists him.
    edit(
        data_dir,
        "[invitations.home-office]",
        '[invitations.dcms.rsvp]\nprivate-secretary = "accepted"\n\n[invitations.home-office]',
    )
    result = send(cli, data_dir, smtp_server, "--yes")
    assert result.code == 0, result.err
    received = smtp_server.recorder.received
    assert len(received) == ORGANISATIONS + 1  # and the host's own people get theirs
    emails = register_emails(data_dir)
    seen_orgs = set()
    for item in received:
        assert item.sender == "priya.hollis@dcms.example.org"
        message = item.message
        to = {a.addr_spec.lower() for a in message["To"].addresses}
        (org_id,) = [o for o, people in emails.items() if to <= people]
        seen_orgs.add(org_id)
        assert set(item.recipients) == to and message["Cc"] is None
        assert "tom.ashworth@dcms.example.org" in item.data.decode("utf-8").lower()
        if org_id == "dcms":
            continue  # the host's own copy names everyone, as the organisers' does
        # No other organisation's people, anywhere in the message.
        others = set().union(*(p for o, p in emails.items() if o not in (org_id, "dcms")))
        text = item.data.decode("utf-8").lower()
        assert not [address for address in others if address in text]
        assert str(message["Subject"]).startswith("Invitation: ")
    assert len(seen_orgs) == ORGANISATIONS + 1


def test_the_calendar_part_survives_relays(data_dir: Path, cli, smtp_server) -> None:
    assert send(cli, data_dir, smtp_server, "--yes").code == 0
    for item in smtp_server.recorder.received:
        lines = item.data.split(b"\r\n")
        assert not [line for line in lines if line != line.rstrip(b" \t")]
        message = item.message
        parts = {part.get_content_type(): part for part in message.walk()}
        calendar = parts["text/calendar"]
        assert calendar["Content-Transfer-Encoding"] in ("quoted-printable", "base64")
        data = calendar_part(message)
        parsed, vcal = read_calendar(data)
        assert calendar.get_param("method") == str(parsed["method"]) == "REQUEST"
        assert vcal.vevent.sequence.value == "0"
        attachment = parts["application/ics"]
        assert attachment.get_filename() == "invite.ics"
        assert attachment.get_param("name") == "invite.ics"
        assert attachment.get_payload(decode=True) == data


def test_what_was_sent_is_recorded_and_sending_again_sends_nothing(
    data_dir: Path, cli, smtp_server
) -> None:
    assert send(cli, data_dir, smtp_server, "--yes").code == 0
    text = summit_toml(data_dir).read_text()
    assert "# ── Agenda ─" in text  # the file's comments are kept
    sent = sent_table(data_dir)
    assert len(sent) == ORGANISATIONS
    assert sent["google"]["sequence"] == 0 and sent["google"]["method"] == "REQUEST"
    assert sent["google"]["at"].tzinfo is not None
    assert cli("validate", "--data", data_dir).code == 0

    again = send(cli, data_dir, smtp_server, "--yes")
    assert again.code == 0
    assert "nothing to send" in again.out
    assert len(smtp_server.recorder.received) == ORGANISATIONS


def test_a_reply_is_no_reason_to_send_again(data_dir: Path, cli, smtp_server) -> None:
    assert send(cli, data_dir, smtp_server, "--yes").code == 0
    edit(data_dir, 'facebook-policy = "needs-action"', 'facebook-policy = "accepted"')
    assert "nothing to send" in send(cli, data_dir, smtp_server).out


def test_an_update_says_what_changed(data_dir: Path, cli, smtp_server) -> None:
    assert send(cli, data_dir, smtp_server, "--yes").code == 0
    edit(data_dir, "Conference Room 1", "Conference Room 4")
    edit(data_dir, "start = 2026-01-20T09:30:00", "start = 2026-01-20T10:00:00")
    edit(data_dir, "end = 2026-01-20T13:00:00", "end = 2026-01-20T13:30:00")
    dry = send(cli, data_dir, smtp_server)
    assert "Google: update, SEQUENCE 1" in dry.out
    assert "start now 2026-01-20 10:00 (was 2026-01-20 09:30)" in dry.out
    result = send(cli, data_dir, smtp_server, "--yes")
    assert result.code == 0, result.err
    updates = smtp_server.recorder.received[ORGANISATIONS:]
    assert len(updates) == ORGANISATIONS
    for item in updates:
        message = item.message
        assert str(message["Subject"]).startswith("Updated: ")
        body = message.get_body(("plain",)).get_content()
        assert "What changed:" in body
        assert "venue now '100 Parliament Street, London SW1A 2BQ: Conference Room 4'" in body
        parsed, _ = read_calendar(calendar_part(message))
        event = parsed.walk("VEVENT")[0]
        assert event["SEQUENCE"] == 1
    assert {s["sequence"] for s in sent_table(data_dir).values()} == {1}


def test_an_agenda_change_is_sent_as_an_update_at_the_same_sequence(
    data_dir: Path, cli, smtp_server
) -> None:
    assert send(cli, data_dir, smtp_server, "--yes").code == 0
    edit(data_dir, "minutes = 15", "minutes = 20")
    result = send(cli, data_dir, smtp_server, "--yes")
    assert result.code == 0
    assert "the agenda changed" in result.out
    last = smtp_server.recorder.received[-1].message
    assert "the agenda changed" in last.get_body(("plain",)).get_content()
    assert read_calendar(calendar_part(last))[0].walk("VEVENT")[0]["SEQUENCE"] == 0


def test_an_update_asks_those_who_have_not_answered_to_answer(
    data_dir: Path, cli, smtp_server
) -> None:
    """An agenda change told Facebook, which had not answered, "Your reply stands: there
    is no need to answer again" (found trying `summit send` as a new user)."""
    edit(data_dir, 'google-trust-safety = "tentative"', 'google-trust-safety = "needs-action"')
    assert send(cli, data_dir, smtp_server, "--yes").code == 0
    edit(data_dir, "minutes = 15", "minutes = 20")
    assert send(cli, data_dir, smtp_server, "--yes").code == 0
    bodies = {
        str(item.message["To"]): item.message.get_body(("plain",)).get_content()
        for item in smtp_server.recorder.received[ORGANISATIONS:]
    }

    def body_to(address: str) -> str:
        return next(body for to, body in bodies.items() if address in to)

    stands = "Your reply stands: there is no need to answer again."
    assert stands in body_to("@microsoft.")  # accepted
    facebook = body_to("@facebook.")  # needs-action
    assert stands not in facebook and "We have not had your reply yet: please reply" in facebook
    google = body_to("@google.")  # one accepted, one not yet
    assert stands not in google
    assert "A reply already given stands. If you have not replied yet, please reply" in google


def test_a_cancellation_goes_to_those_who_hold_the_invitation(
    data_dir: Path, cli, smtp_server
) -> None:
    before_it_was_held(data_dir)  # a summit held is never cancelled
    edit(data_dir, "[invitations.pipcu.rsvp]", "[invitations.pipcu]\n[invitations.pipcu.rsvp]")
    assert send(cli, data_dir, smtp_server, "--yes").code == 0
    assert cli("cancel", SAMPLE_SUMMIT, "--data", data_dir).code == 0
    result = send(cli, data_dir, smtp_server, "--yes")
    assert result.code == 0, result.err
    cancellations = smtp_server.recorder.received[ORGANISATIONS:]
    assert len(cancellations) == ORGANISATIONS
    for item in cancellations:
        message = item.message
        assert str(message["Subject"]).startswith("Cancelled: ")
        parsed, vcal = read_calendar(calendar_part(message))
        assert str(parsed["method"]) == "CANCEL"
        assert vcal.vevent.status.value == "CANCELLED"
        parts = {p.get_content_type(): p for p in message.walk()}
        assert parts["text/calendar"].get_param("method") == "CANCEL"
    assert {s["method"] for s in sent_table(data_dir).values()} == {"CANCEL"}
    assert "nothing to send" in send(cli, data_dir, smtp_server, "--yes").out


def test_a_relay_that_drops_mid_batch_is_finished_by_a_retry(
    data_dir: Path, cli, smtp_server
) -> None:
    smtp_server.recorder.drop_after = 5
    result = send(cli, data_dir, smtp_server, "--yes")
    assert result.code == 1
    assert "Traceback" not in result.err
    assert "the relay failed" in result.err
    assert "not sent: " in result.err
    assert "5 messages sent and recorded" in result.err
    assert len(sent_table(data_dir)) == 5

    smtp_server.recorder.drop_after = None
    retry = send(cli, data_dir, smtp_server, "--yes")
    assert retry.code == 0, retry.err
    received = smtp_server.recorder.received
    assert len(received) == ORGANISATIONS
    firsts = [tuple(sorted(item.recipients)) for item in received]
    assert len(set(firsts)) == ORGANISATIONS  # nothing twice
    assert len(sent_table(data_dir)) == ORGANISATIONS


def test_a_refused_recipient_and_a_refused_message(data_dir: Path, cli, smtp_server) -> None:
    recorder: Recorder = smtp_server.recorder
    recorder.refuse = {"daniel.reyes@google.example.org", "chris.bell@yahoo.example.org"}
    result = send(cli, data_dir, smtp_server, "--yes")
    assert result.code == 1
    assert "Traceback" not in result.err
    # Google's other delegate got it; Yahoo's only delegate was refused: not sent.
    assert "the relay refused daniel.reyes@google.example.org (550 5.1.1" in result.err
    assert "not sent: Yahoo: chris.bell@yahoo.example.org: 550 5.1.1" in result.err
    sent = sent_table(data_dir)
    assert "google" in sent and "yahoo" not in sent
    assert len(recorder.received) == ORGANISATIONS - 1

    recorder.refuse = set()
    retry = send(cli, data_dir, smtp_server, "--yes")
    assert retry.code == 0
    assert sorted(item.recipients for item in recorder.received[ORGANISATIONS - 1 :]) == [
        ["chris.bell@yahoo.example.org"],
        ["daniel.reyes@google.example.org"],
    ]


def test_a_message_refused_at_data_is_reported_and_the_batch_goes_on(
    data_dir: Path, cli, smtp_server
) -> None:
    smtp_server.recorder.reject_data_after = 2
    result = send(cli, data_dir, smtp_server, "--yes")
    assert result.code == 1
    assert re.search(r"not sent: \S.*: 554 5\.6\.0 message refused", result.err)
    assert len(smtp_server.recorder.received) == ORGANISATIONS - 1
    assert len(sent_table(data_dir)) == ORGANISATIONS - 1


def test_a_draft_is_not_sent(data_dir: Path, cli, smtp_server) -> None:
    edit(data_dir, 'status = "held"', 'status = "draft"')
    before = snapshot(data_dir)
    result = send(cli, data_dir, smtp_server, "--yes")
    assert result.code == 1
    assert "is still a draft" in result.err
    assert smtp_server.recorder.received == []
    assert snapshot(data_dir) == before


def test_a_summit_with_no_invitees_is_not_sent(data_dir: Path, cli, smtp_server) -> None:
    path = summit_toml(data_dir)
    text = path.read_text()
    start, end = text.index("[invitations."), text.index("# ── Agenda")
    path.write_text(text[:start] + text[end:])
    result = send(cli, data_dir, smtp_server, "--yes")
    assert result.code == 1
    assert "nobody is invited" in result.err
    assert smtp_server.recorder.received == []


def test_a_record_that_cannot_be_written_stops_the_batch(data_dir: Path, smtp_server) -> None:
    """Someone breaks the summit file while messages go out: sending stops and says so."""
    dataset = load_dataset(data_dir)
    box = plan_outbox(dataset, SAMPLE_SUMMIT)
    path = summit_toml(data_dir)

    def break_the_file(letter: Letter) -> None:
        if letter is box.letters[2]:
            with locked(path):  # as another summit process writes: never between read and write
                path.write_text(path.read_text() + "\nthis is not = = toml\n")

    server = parse_mail_url(smtp_server.url, ("smtp", "smtps"))
    with pytest.raises(RecordFailed) as failed, SmtpRelay(server) as relay:
        send_outbox(dataset, box, relay, on_sent=break_the_file)
    report = failed.value.report
    assert isinstance(failed.value.error, ConflictError)
    assert len(report.sent) + len(report.not_sent) == ORGANISATIONS
    assert len(smtp_server.recorder.received) == len(report.sent)
    # What was recorded before the file broke is on disk; nothing was written after.
    assert "this is not = = toml" in path.read_text()


def test_a_send_killed_mid_batch_sends_nothing_twice(data_dir: Path, smtp_server) -> None:
    """The process dies (kill -9) while the relay holds message 8: the journal on this machine
    says what went out, the next send records it first and sends only the rest."""
    dated_ahead(data_dir)  # the child reads the computer's clock: the summit is still to come
    smtp_server.recorder.hang_after = 7
    env = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1", "PYTHONUNBUFFERED": "1"}
    dry_run = [sys.executable, "-m", "summit", "send", SAMPLE_SUMMIT, "--data", str(data_dir)]
    command = [*dry_run, "--yes", "--smtp", smtp_server.url]
    process = subprocess.Popen(command, env=env, cwd=REPO, stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    accepted = 0
    while accepted < 7:  # each "sent ..." line is printed once the relay accepted it
        line = process.stdout.readline()
        assert line, "summit send stopped early"
        accepted += line.startswith("sent ")
    smtp_server.recorder.wait_for_hang()
    process.kill()
    process.wait(timeout=30)
    smtp_server.recorder.hang_after = None
    assert len(smtp_server.recorder.received) == 7

    run = functools.partial(subprocess.run, env=env, cwd=REPO, capture_output=True, text=True)
    dry = run(dry_run, timeout=60, check=False)
    assert dry.returncode == 0, dry.stderr
    assert "sent before an interruption" in dry.stderr
    assert f"{ORGANISATIONS - 7} messages to send" in dry.stdout

    retry = run(command, timeout=120, check=False)
    assert retry.returncode == 0, retry.stderr
    received = smtp_server.recorder.received
    assert len(received) == ORGANISATIONS
    assert len({tuple(item.recipients) for item in received}) == ORGANISATIONS
    assert len(sent_table(data_dir)) == ORGANISATIONS


def test_a_refused_delegate_is_recorded_and_sent_the_same_invitation_later(
    data_dir: Path, cli, smtp_server
) -> None:
    recorder: Recorder = smtp_server.recorder
    recorder.refuse = {"daniel.reyes@google.example.org"}
    first = send(cli, data_dir, smtp_server, "--yes")
    assert first.code == 1
    assert sent_table(data_dir)["google"]["refused"] == ["daniel.reyes@google.example.org"]
    assert "refused" not in sent_table(data_dir)["yahoo"]  # absent when everyone got it
    shown = cli("show", SAMPLE_SUMMIT, "--data", data_dir)
    assert "not delivered yet: google: daniel.reyes@google.example.org" in shown.out
    again = send(cli, data_dir, smtp_server, "--yes")  # still refused: still outstanding
    assert again.code == 1
    assert "not sent: Google: daniel.reyes@google.example.org: 550" in again.err

    recorder.refuse = set()
    retry = send(cli, data_dir, smtp_server, "--yes")
    assert retry.code == 0, retry.err
    last = recorder.received[-1]
    assert last.recipients == ["daniel.reyes@google.example.org"]
    google = [r for r in recorder.received if "daniel.reyes@google.example.org" in r.message["To"]]
    events = [read_calendar(calendar_part(r.message))[0].walk("VEVENT")[0] for r in google]
    assert len(google) == 2
    assert len({(str(e["UID"]), int(e["SEQUENCE"])) for e in events}) == 1
    assert "refused" not in sent_table(data_dir)["google"]
    assert "nothing to send" in send(cli, data_dir, smtp_server, "--yes").out
