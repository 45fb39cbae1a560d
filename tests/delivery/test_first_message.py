"""Issue 19, item 3: the first message anyone receives is an invitation, whatever SEQUENCE the
invite reached while it was looked at; an update names what changed and asks for new answers
only for that (the venue, not "the time or place")."""

from pathlib import Path

import pytest

from tests.conftest import SAMPLE_SUMMIT
from tests.delivery.conftest import SmtpServer
from tests.delivery.test_send import ORGANISATIONS, edit, send

# Sending itself, told before the sample's first summit was held (its day has passed
# by the story's TODAY, and a summit that took place is never sent).
pytestmark = pytest.mark.usefixtures("before_the_sample_summit")


def _subjects(server: SmtpServer, start: int = 0) -> list[str]:
    return [str(item.message["Subject"]) for item in server.recorder.received[start:]]


def _body(server: SmtpServer, index: int) -> str:
    return server.recorder.received[index].message.get_body(("plain",)).get_content()


def test_a_draft_exported_twice_then_sent_is_an_invitation_to_everyone(
    data_dir: Path, cli, smtp_server
) -> None:
    edit(data_dir, 'status = "held"', 'status = "draft"')
    assert cli("export", "eml", SAMPLE_SUMMIT, "--data", data_dir).code == 0
    edit(data_dir, "Conference Room 1", "Conference Room 2")
    assert cli("export", "eml", SAMPLE_SUMMIT, "--data", data_dir).code == 0
    assert "sequence = 1" in (data_dir / "agendas" / f"{SAMPLE_SUMMIT}.toml").read_text()
    edit(data_dir, 'status = "draft"', 'status = "held"')
    result = send(cli, data_dir, smtp_server, "--yes")
    assert result.code == 0, result.err
    subjects = _subjects(smtp_server)
    assert len(subjects) == ORGANISATIONS
    assert all(s.startswith("Invitation: ") for s in subjects), subjects
    body = _body(smtp_server, 0)
    assert body.startswith("You are invited") and "reply again" not in body


def test_an_exported_email_is_an_invitation_until_one_was_sent(data_dir: Path, cli) -> None:
    edit(data_dir, 'status = "held"', 'status = "draft"')
    assert cli("export", "eml", SAMPLE_SUMMIT, "--data", data_dir).code == 0
    edit(data_dir, "Conference Room 1", "Conference Room 2")
    assert cli("export", "eml", SAMPLE_SUMMIT, "--data", data_dir).code == 0
    written = sorted((data_dir / "exports").glob("*.eml"))
    assert written and all(b"Subject: Invitation: " in path.read_bytes() for path in written)


def test_a_venue_change_names_the_venue_and_a_newcomer_is_invited(
    data_dir: Path, cli, smtp_server
) -> None:
    assert cli("uninvite", SAMPLE_SUMMIT, "pipcu", "--yes", "--data", data_dir).code == 0
    assert send(cli, data_dir, smtp_server, "--yes").code == 0
    first = len(smtp_server.recorder.received)
    edit(data_dir, "Conference Room 1", "Conference Room 4")
    assert cli("invite", SAMPLE_SUMMIT, "pipcu", "--data", data_dir).code == 0
    result = send(cli, data_dir, smtp_server, "--yes")
    assert result.code == 0, result.err
    received = smtp_server.recorder.received[first:]
    by_org = {
        str(item.message["Subject"]).split(":")[0]: item for item in received
    }  # "Updated" for those who hold it, "Invitation" for the newcomer
    assert sorted(s.split(":")[0] for s in _subjects(smtp_server, first)).count("Invitation") == 1
    newcomer = by_org["Invitation"].message.get_body(("plain",)).get_content()
    assert newcomer.startswith("You are invited") and "changed" not in newcomer
    update = by_org["Updated"].message.get_body(("plain",)).get_content()
    assert "As the venue changed, please reply again" in update
    assert "time or place" not in update and "the time" not in update


def test_an_agenda_change_does_not_ask_for_new_answers(data_dir: Path, cli, smtp_server) -> None:
    assert send(cli, data_dir, smtp_server, "--yes").code == 0
    edit(data_dir, "minutes = 15", "minutes = 20")
    assert send(cli, data_dir, smtp_server, "--yes").code == 0
    body = _body(smtp_server, -1)
    assert "the agenda changed" in body and "reply again" not in body
