"""Uninvited after receiving the invitation: the next `summit send` cancels their copy, once."""

import tomllib
from pathlib import Path

import pytest

from tests.conftest import SAMPLE_SUMMIT
from tests.delivery.conftest import SmtpServer, calendar_part, read_calendar

# Sending itself, told before the sample's first summit was held (its day has passed
# by the story's TODAY, and a summit that took place is never sent).
pytestmark = pytest.mark.usefixtures("before_the_sample_summit")

ORGANISATIONS = 12
OLIVER = "oliver.grant@facebook.example.org"
MEI_LIN = "meilin.carter@google.example.org"


def _send(cli, root: Path, server: SmtpServer, *more: str):
    return cli("send", SAMPLE_SUMMIT, "--data", root, "--smtp", server.url, *more)


def _summit(root: Path) -> dict:
    return tomllib.loads((root / "agendas" / f"{SAMPLE_SUMMIT}.toml").read_text())


def test_the_uninvited_are_sent_a_cancellation_for_their_copy_once(
    data_dir: Path, cli, smtp_server
) -> None:
    assert _send(cli, data_dir, smtp_server, "--yes").code == 0
    first = _summit(data_dir)
    assert MEI_LIN in first["sent"]["google"]["to"]
    uid, sequence = first["invite"]["uid"], first["invite"]["sequence"]
    for who in ("Facebook", "Mei Lin Carter"):
        assert cli("uninvite", SAMPLE_SUMMIT, who, "--yes", "--data", data_dir).code == 0

    dry = _send(cli, data_dir, smtp_server)
    assert dry.code == 0, dry.err
    assert "Facebook: cancellation for the uninvited" in dry.out
    assert "Google: cancellation for the uninvited" in dry.out
    assert "tell them yourself" not in dry.out + dry.err
    assert len(smtp_server.recorder.received) == ORGANISATIONS

    result = _send(cli, data_dir, smtp_server, "--yes")
    assert result.code == 0, result.err
    cancels = {}
    for item in smtp_server.recorder.received[ORGANISATIONS:]:
        parsed, _ = read_calendar(calendar_part(item.message))
        if str(parsed["method"]) == "CANCEL":
            cancels[tuple(item.recipients)] = (item, parsed)
    assert set(cancels) == {(OLIVER,), (MEI_LIN,)}
    for item, parsed in cancels.values():
        [event] = parsed.walk("VEVENT")
        assert str(event["uid"]) == uid
        assert int(event["sequence"]) == sequence + 1
        assert "STATUS" not in event  # the meeting goes ahead for everyone else
        assert [str(a).lower() for a in _list(event["attendee"])] == [
            f"mailto:{item.recipients[0]}"
        ]
        assert str(item.message["Subject"]).startswith("Invitation withdrawn: ")
        assert str(item.message["To"]).endswith(f"<{item.recipients[0]}>")
    # Google's remaining delegate is sent the update (the attendees changed), not a CANCEL.
    after = _summit(data_dir)
    assert after["sent"]["facebook"]["method"] == "CANCEL"
    assert after["sent"]["facebook"]["to"] == []
    assert MEI_LIN not in after["sent"]["google"]["to"]
    assert after["sent"]["google"]["method"] == "REQUEST"

    count = len(smtp_server.recorder.received)
    again = _send(cli, data_dir, smtp_server, "--yes")
    assert again.code == 0 and "nothing to send" in again.out
    assert len(smtp_server.recorder.received) == count


def test_a_corrected_address_is_not_told_it_is_uninvited(data_dir: Path, cli, smtp_server) -> None:
    """Correcting Mei Lin Carter's address sent the old one "You are no longer invited",
    with an empty CN (found trying `summit send` as a new user). She is still invited:
    the old address is told the invitation is withdrawn from it, and the plan says why."""
    assert _send(cli, data_dir, smtp_server, "--yes").code == 0
    register = data_dir / "invitees.toml"
    register.write_text(register.read_text().replace(MEI_LIN, "mei.carter@google.example.org"))

    dry = _send(cli, data_dir, smtp_server)
    assert dry.code == 0, dry.err
    said = " ".join((dry.out + dry.err).split())
    assert f"{MEI_LIN} holds the invitation but is no longer anyone's address" in said
    assert _send(cli, data_dir, smtp_server, "--yes").code == 0
    [withdrawal] = [
        item for item in smtp_server.recorder.received[ORGANISATIONS:]
        if item.recipients == [MEI_LIN]
    ]  # fmt: skip
    body = withdrawal.message.get_body(("plain",)).get_content()
    assert "no longer invited" not in body
    assert "withdrawn from this address, which is no longer one that Google is invited at" in body
    [event] = read_calendar(calendar_part(withdrawal.message))[0].walk("VEVENT")
    assert "CN" not in _list(event["attendee"])[0].params
    [update] = [
        item for item in smtp_server.recorder.received[ORGANISATIONS:]
        if "mei.carter@google.example.org" in item.recipients
    ]  # fmt: skip
    assert "Invitation withdrawn" not in str(update.message["Subject"])


def test_a_refused_cancellation_is_tried_again(data_dir: Path, cli, smtp_server) -> None:
    assert _send(cli, data_dir, smtp_server, "--yes").code == 0
    assert cli("uninvite", SAMPLE_SUMMIT, "Facebook", "--yes", "--data", data_dir).code == 0
    smtp_server.recorder.refuse = {OLIVER}
    assert _send(cli, data_dir, smtp_server, "--yes").code == 1
    smtp_server.recorder.refuse = set()
    assert _send(cli, data_dir, smtp_server, "--yes").code == 0
    [item] = smtp_server.recorder.received[ORGANISATIONS:]
    assert item.recipients == [OLIVER]
    assert _summit(data_dir)["sent"]["facebook"]["method"] == "CANCEL"


def _list(value: object) -> list[object]:
    return value if isinstance(value, list) else [value]
