"""Uninvited after receiving the invitation: the next `summit send` cancels their copy, once."""

import tomllib
from pathlib import Path

import pytest

from tests.conftest import SAMPLE_SUMMIT, before_it_was_held
from tests.delivery.conftest import SmtpServer, calendar_part, read_calendar

# Sending itself, told before the sample's first summit was held (its day has passed
# by the story's TODAY, and a summit that took place is never sent).
pytestmark = pytest.mark.usefixtures("before_the_sample_summit")

ORGANISATIONS = 12
OLIVER = "oliver.grant@facebook.example.org"
MEI_LIN = "meilin.carter@google.example.org"
HELEN = "helen.marsh@iwf.example.org"
HELEN_OLD = "helen@iwf.example.org"  # her address before the official corrected it


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


def _correct(root: Path, old: str, new: str) -> None:
    register = root / "invitees.toml"
    register.write_text(register.read_text().replace(old, new))


def _said(result) -> str:
    return " ".join((result.out + result.err).split())


def _calendars(items: list) -> list[tuple[list[str], str, int]]:
    """(recipients, METHOD, SEQUENCE) of each message, in the order sent."""
    found = []
    for item in items:
        parsed, _ = read_calendar(calendar_part(item.message))
        [event] = parsed.walk("VEVENT")
        found.append((item.recipients, str(parsed["method"]), int(event["sequence"])))
    return found


def test_a_corrected_address_is_sent_no_cancellation_that_outranks_the_update(
    data_dir: Path, cli, smtp_server
) -> None:
    """Correcting Helen Marsh's address sent the old one a CANCEL at SEQUENCE n+1, then
    the new one the update at n. Where both reach one calendar (an alias, forwarding),
    the calendar took the CANCEL as the newer version and the meeting vanished for a
    delegate who is still invited. The old address is now sent nothing, and the
    official is told once."""
    _correct(data_dir, HELEN, HELEN_OLD)
    assert _send(cli, data_dir, smtp_server, "--yes").code == 0
    _correct(data_dir, HELEN_OLD, HELEN)
    told = f"{HELEN_OLD} holds the invitation but is no longer anyone's address in the register"

    dry = _send(cli, data_dir, smtp_server)
    assert dry.code == 0, dry.err
    assert "cancellation for the uninvited" not in dry.out
    assert told in _said(dry) and "it is sent no withdrawal" in _said(dry)
    result = _send(cli, data_dir, smtp_server, "--yes")
    assert result.code == 0, result.err
    assert _said(result).count(told) == 1
    sequence = _summit(data_dir)["invite"]["sequence"]
    assert _calendars(smtp_server.recorder.received[ORGANISATIONS:]) == [
        ([HELEN], "REQUEST", sequence)
    ]
    record = _summit(data_dir)["sent"]["iwf"]
    assert record["to"] == [HELEN, HELEN_OLD]  # both hold it: the old one was not withdrawn
    assert record["not_withdrawn"] == [HELEN_OLD]

    again = _send(cli, data_dir, smtp_server, "--yes")
    assert again.code == 0 and "nothing to send" in again.out
    assert told not in _said(again)  # said once, at the send that left it

    # Once the organisation itself is uninvited, nobody there should keep the meeting:
    # every address that holds it is withdrawn, the old one too, in one message.
    assert cli("uninvite", SAMPLE_SUMMIT, "iwf", "--yes", "--data", data_dir).code == 0
    count = len(smtp_server.recorder.received)
    assert _send(cli, data_dir, smtp_server, "--yes").code == 0
    assert _calendars(smtp_server.recorder.received[count:]) == [
        ([HELEN, HELEN_OLD], "CANCEL", sequence + 1)
    ]
    record = _summit(data_dir)["sent"]["iwf"]
    assert (record["method"], record["to"], record.get("not_withdrawn")) == ("CANCEL", [], None)


def test_someone_now_invited_with_another_organisation_is_not_cancelled(
    data_dir: Path, cli, smtp_server
) -> None:
    """Mei Lin Carter moves from Google to Yahoo and is invited there: Google's record
    still names her, but a CANCEL for its copy (same UID, a SEQUENCE above Yahoo's
    update) would take the meeting out of the calendar of someone still invited."""
    assert _send(cli, data_dir, smtp_server, "--yes").code == 0
    assert cli("uninvite", SAMPLE_SUMMIT, "Mei Lin Carter", "--yes", "--data", data_dir).code == 0
    register = data_dir / "invitees.toml"
    text = register.read_text().replace(
        "[organisations.google.delegates.google-trust-safety",
        "[organisations.yahoo.delegates.google-trust-safety",
    )
    register.write_text(text)
    assert cli("invite", SAMPLE_SUMMIT, "Mei Lin Carter", "--data", data_dir).code == 0

    assert _send(cli, data_dir, smtp_server, "--yes").code == 0
    sent = _calendars(smtp_server.recorder.received[ORGANISATIONS:])
    assert [m for m in sent if MEI_LIN in m[0]] == [
        (
            ["chris.bell@yahoo.example.org", MEI_LIN],
            "REQUEST",
            _summit(data_dir)["invite"]["sequence"],
        )
    ]
    assert "CANCEL" not in [method for _, method, _ in sent]
    records = _summit(data_dir)["sent"]
    assert MEI_LIN not in records["google"]["to"]  # Yahoo's record says she holds it now
    assert MEI_LIN in records["yahoo"]["to"]

    # Uninvited from Yahoo too: one cancellation, not one per record that named her.
    assert cli("uninvite", SAMPLE_SUMMIT, "Mei Lin Carter", "--yes", "--data", data_dir).code == 0
    count = len(smtp_server.recorder.received)
    assert _send(cli, data_dir, smtp_server, "--yes").code == 0
    cancels = [m for m in _calendars(smtp_server.recorder.received[count:]) if m[1] == "CANCEL"]
    assert cancels == [([MEI_LIN], "CANCEL", _summit(data_dir)["invite"]["sequence"] + 1)]


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


MEI_LIN_NEW = "mlc@google.example.org"


def test_someone_uninvited_whose_address_changed_is_still_withdrawn(
    data_dir: Path, cli, smtp_server
) -> None:
    """The corrected-address rule took in people truly uninvited: Mei Lin's address
    changed (or she left the register) and she was uninvited, and her old address kept
    the meeting with only a note (found reviewing this stop's changes). With no new
    address at Google to take her place, it is no correction: she is withdrawn."""
    assert _send(cli, data_dir, smtp_server, "--yes").code == 0
    assert (
        cli("register", "edit", "Mei Lin Carter", "--email", MEI_LIN_NEW, "--data", data_dir).code
        == 0
    )
    assert cli("uninvite", SAMPLE_SUMMIT, "Mei Lin Carter", "--yes", "--data", data_dir).code == 0
    result = _send(cli, data_dir, smtp_server, "--yes")
    assert result.code == 0, result.err
    sent = _calendars(smtp_server.recorder.received[ORGANISATIONS:])
    assert ([MEI_LIN], "CANCEL", _summit(data_dir)["invite"]["sequence"] + 1) in sent
    assert "was it corrected?" not in _said(result)


def test_a_cancelled_summit_reaches_an_address_kept_as_corrected(
    data_dir: Path, cli, smtp_server
) -> None:
    """An address kept as corrected (`not_withdrawn`) got nothing when the summit was
    then cancelled, and kept a live invitation (found reviewing this stop's changes)."""
    before_it_was_held(data_dir)
    _correct(data_dir, HELEN, HELEN_OLD)
    assert _send(cli, data_dir, smtp_server, "--yes").code == 0
    _correct(data_dir, HELEN_OLD, HELEN)
    assert _send(cli, data_dir, smtp_server, "--yes").code == 0
    assert _summit(data_dir)["sent"]["iwf"]["not_withdrawn"] == [HELEN_OLD]
    assert cli("cancel", SAMPLE_SUMMIT, "--data", data_dir).code == 0
    count = len(smtp_server.recorder.received)
    assert _send(cli, data_dir, smtp_server, "--yes").code == 0
    to_iwf = [
        (recipients, method)
        for recipients, method, _ in _calendars(smtp_server.recorder.received[count:])
        if HELEN in recipients or HELEN_OLD in recipients
    ]
    assert sorted(address for recipients, _ in to_iwf for address in recipients) == [
        HELEN,
        HELEN_OLD,
    ]
    assert {method for _, method in to_iwf} == {"CANCEL"}
    assert _summit(data_dir)["sent"]["iwf"]["to"] == []
