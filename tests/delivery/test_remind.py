"""`summit remind`: the same invitation again to those who have not answered, once a day."""

import re
import tomllib
from pathlib import Path

import pytest

from summit.model import dates
from tests.conftest import SAMPLE_FOLLOW_UP, SAMPLE_SUMMIT, TODAY
from tests.delivery.conftest import SmtpServer, calendar_part, read_calendar

ORGANISATIONS = 12
OLIVER = "oliver.grant@facebook.example.org"
SOPHIE = "sophie.turner@virginmedia.example.org"
MEI_LIN = "meilin.carter@google.example.org"


def _run(cli, verb: str, root: Path, server: SmtpServer, *more: str, summit=SAMPLE_FOLLOW_UP):
    """The sample's follow-up is coming, sent to all twelve, with five answers awaited."""
    return cli(verb, summit, "--data", root, "--smtp", server.url, *more)


def _invite(root: Path) -> dict:
    return tomllib.loads((root / "agendas" / f"{SAMPLE_FOLLOW_UP}.toml").read_text())


def _needing_answers(root: Path) -> set[str]:
    """The addresses of every invited delegate whose answer is needs-action."""
    summit = _invite(root)
    register = tomllib.loads((root / "invitees.toml").read_text())["organisations"]
    return {
        register[org]["delegates"][d]["email"].lower()
        for org, invitation in summit["invitations"].items()
        for d, reply in invitation.get("rsvp", {}).items()
        if reply == "needs-action"
    }


def test_remind_sends_the_same_invitation_to_those_who_have_not_answered(
    data_dir: Path, cli, smtp_server
) -> None:
    assert "nothing to send" in _run(cli, "send", data_dir, smtp_server).out.lower()
    state = _invite(data_dir)["invite"]
    waiting = _needing_answers(data_dir)
    assert {OLIVER, SOPHIE} <= waiting

    dry = _run(cli, "remind", data_dir, smtp_server)
    assert dry.code == 0, dry.err
    assert "Facebook: reminder" in dry.out and "dry run" in dry.err
    assert smtp_server.recorder.received == []

    result = _run(cli, "remind", data_dir, smtp_server, "--yes")
    assert result.code == 0, result.err
    reminders = smtp_server.recorder.received
    reached = {r.lower() for item in reminders for r in item.recipients}
    assert reached == waiting  # never anyone who answered (accepted, declined)
    for item in reminders:
        message = item.message
        assert str(message["Subject"]).startswith("Reminder: ")
        assert (
            "A reminder: we have not had your reply" in message.get_body(("plain",)).get_content()
        )
        parsed, _ = read_calendar(calendar_part(message))
        [event] = parsed.walk("VEVENT")
        assert str(parsed["method"]) == "REQUEST"
        assert (str(event["uid"]), int(event["sequence"])) == (state["uid"], state["sequence"])
    sent = _invite(data_dir)["sent"]
    assert "reminded" in sent["facebook"] and "reminded" not in sent["microsoft"]

    again = _run(cli, "remind", data_dir, smtp_server, "--yes")
    assert again.code == 0, again.err
    assert "nobody is waiting to be reminded" in again.out
    assert len(smtp_server.recorder.received) == len(reminders)
    assert "already reminded today: " in _run(cli, "remind", data_dir, smtp_server).out


def test_tentative_is_reminded_only_when_asked(data_dir: Path, cli, smtp_server) -> None:
    path = data_dir / "agendas" / f"{SAMPLE_FOLLOW_UP}.toml"
    text = path.read_text()
    answer = 'google-trust-safety = "needs-action"'
    assert answer in text
    path.write_text(text.replace(answer, 'google-trust-safety = "tentative"'))
    assert MEI_LIN not in _run(cli, "remind", data_dir, smtp_server).out
    result = _run(cli, "remind", data_dir, smtp_server, "--yes", "--tentative")
    assert result.code == 0, result.err
    reached = {r for item in smtp_server.recorder.received for r in item.recipients}
    assert MEI_LIN in reached and "daniel.reyes@google.example.org" not in reached


def test_nobody_is_reminded_of_an_invitation_never_sent(data_dir: Path, cli, smtp_server) -> None:
    path = data_dir / "agendas" / f"{SAMPLE_FOLLOW_UP}.toml"
    text = path.read_text()
    path.write_text(text[: text.index("[invite]")])  # as before the first send
    result = _run(cli, "remind", data_dir, smtp_server, "--yes")
    assert "summit send first" in result.err
    assert smtp_server.recorder.received == []


def test_a_meeting_that_took_place_is_never_reminded(
    data_dir: Path, cli, smtp_server, before_the_sample_summit, monkeypatch
) -> None:
    # The sample's first summit, sent a fortnight before it was held on 20 January 2026,
    # with replies still marked not answered: "we have not had your reply" would go
    # out after the day.
    assert _run(cli, "send", data_dir, smtp_server, "--yes", summit=SAMPLE_SUMMIT).code == 0
    sent = len(smtp_server.recorder.received)
    assert sent == ORGANISATIONS
    monkeypatch.setattr(dates, "today", lambda: TODAY)  # the story's day: it was held
    result = _run(cli, "remind", data_dir, smtp_server, "--yes", summit=SAMPLE_SUMMIT)
    assert result.code == 1
    assert "took place on 20 January 2026: there is nobody to remind" in result.err
    assert len(smtp_server.recorder.received) == sent


@pytest.mark.usefixtures("before_the_sample_summit")  # its day is yet to come
def test_plain_progress_says_which_message_of_how_many(data_dir: Path, cli, smtp_server) -> None:
    result = cli(
        "--plain", "send", SAMPLE_SUMMIT, "--data", data_dir, "--smtp", smtp_server.url, "--yes"
    )
    assert result.code == 0, result.err
    lines = [line for line in result.out.splitlines() if line.startswith("Sending ")]
    assert len(lines) == ORGANISATIONS
    assert re.fullmatch(r"Sending 3 of 12: \S.*", lines[2])
    assert not set("─│┌┐└┘━┃⠋⠙") & set(result.out + result.err)
