"""E-mailed replies count only from the right sender (issue 21, items 1 and 3), and IMAP
failures are said in words (issue 18, item 6).

Real files in tmp dirs, the real CLI, the scripted IMAP server of
test_mail_replies on 127.0.0.1 (plain, and TLS with a certificate nobody
trusts), and a port nothing listens on.
"""

import mailbox
import socket
import ssl
import threading
from collections.abc import Iterator
from email.message import EmailMessage
from pathlib import Path

import pytest
import trustme

from tests.conftest import snapshot
from tests.delivery.conftest import free_port, server_context
from tests.delivery.test_mail_replies import (
    ImapMessage,
    ImapServer,
    outlook_reply,
    reply_bytes,
    rsvp_of,
)

pytestmark = pytest.mark.usefixtures("sample_still_coming")  # replies before its day

OLIVER = "oliver.grant@facebook.example.org"


def on_behalf(calendar: bytes, sender: str, principal: str) -> bytes:
    """Outlook's "on behalf of": From is the delegate, Sender the assistant who sent it."""
    message = EmailMessage()
    message["From"] = principal
    message["Sender"] = sender
    message["Subject"] = "Accepted: Summit"
    message["Date"] = "Wed, 02 Dec 2026 10:00:00 +0000"
    message.set_content("Accepted.")
    message.add_alternative(calendar, maintype="text", subtype="calendar", cte="base64")
    return message.as_bytes()


def two_parts(inline: bytes, attached: bytes, sender: str) -> bytes:
    message = EmailMessage()
    message["From"] = sender
    message["Subject"] = "Reply"
    message.set_content("See attached.")
    message.add_alternative(inline, maintype="text", subtype="calendar", cte="base64")
    message.add_attachment(attached, maintype="application", subtype="ics", filename="r.ics")
    return message.as_bytes()


def test_an_eml_from_an_outsider_is_refused(data_dir: Path, tmp_path: Path, cli) -> None:
    calendar = reply_bytes(data_dir, tmp_path, OLIVER, "DECLINED")
    eml = tmp_path / "outsider.eml"
    eml.write_bytes(outlook_reply(calendar, "Mallory <mallory@example.org>"))
    before = snapshot(data_dir)
    result = cli("rsvp", "import", eml, "--data", data_dir)
    assert result.code == 1
    assert "sent by mallory@example.org, not Facebook's delegate or domain" in result.out
    assert snapshot(data_dir) == before


def test_another_companys_delegate_cannot_reply_for_facebook(
    data_dir: Path, tmp_path: Path, cli
) -> None:
    calendar = reply_bytes(data_dir, tmp_path, OLIVER, "DECLINED")
    folder = mailbox.Maildir(tmp_path / "Replies", create=True)
    folder.add(outlook_reply(calendar, "daniel.reyes@google.example.org"))
    result = cli("rsvp", "import", tmp_path / "Replies", "--data", data_dir)
    assert result.code == 1
    assert "sent by daniel.reyes@google.example.org, not Facebook's" in result.out
    assert rsvp_of(data_dir, "facebook", "facebook-policy") == "needs-action"


def test_on_behalf_of_from_the_same_domain_counts_in_an_mbox(
    data_dir: Path, tmp_path: Path, cli
) -> None:
    calendar = reply_bytes(data_dir, tmp_path, OLIVER, "ACCEPTED")
    box = mailbox.mbox(tmp_path / "replies.mbox", create=True)
    box.add(on_behalf(calendar, "pa.office@facebook.example.org", OLIVER))
    box.add(on_behalf(calendar, "helper@elsewhere.example.org", OLIVER))
    box.flush()
    box.close()
    result = cli("rsvp", "import", tmp_path / "replies.mbox", "--data", data_dir)
    assert result.code == 1  # the second: sent by an outsider on Oliver's behalf
    assert "replies.mbox#2" in result.out and "sent by helper@elsewhere.example.org" in result.out
    assert rsvp_of(data_dir, "facebook", "facebook-policy") == "accepted"


def test_parts_that_disagree_are_refused(data_dir: Path, tmp_path: Path, cli) -> None:
    accepted = reply_bytes(data_dir, tmp_path, OLIVER, "ACCEPTED")
    declined = reply_bytes(data_dir, tmp_path, OLIVER, "DECLINED")
    google = reply_bytes(data_dir, tmp_path, "daniel.reyes@google.example.org", "ACCEPTED")
    (tmp_path / "answers.eml").write_bytes(two_parts(accepted, declined, OLIVER))
    (tmp_path / "companies.eml").write_bytes(two_parts(accepted, google, OLIVER))
    (tmp_path / "same.eml").write_bytes(two_parts(accepted, accepted, OLIVER))
    result = cli("rsvp", "import", tmp_path / "answers.eml", "--data", data_dir)
    assert result.code == 1
    assert "calendar parts disagree (accepted and declined)" in result.out
    result = cli("rsvp", "import", tmp_path / "companies.eml", "--data", data_dir)
    assert result.code == 1 and "reply for different people" in result.out
    assert rsvp_of(data_dir, "facebook", "facebook-policy") == "needs-action"
    result = cli("rsvp", "import", tmp_path / "same.eml", "--data", data_dir)
    assert result.code == 0, result.out  # Outlook's inline and attached copies
    assert rsvp_of(data_dir, "facebook", "facebook-policy") == "accepted"


def test_a_bare_ics_has_no_sender_and_is_read_as_before(
    data_dir: Path, tmp_path: Path, cli
) -> None:
    path = tmp_path / "reply.ics"
    path.write_bytes(reply_bytes(data_dir, tmp_path, OLIVER, "TENTATIVE"))
    assert cli("rsvp", "import", path, "--data", data_dir).code == 0
    assert rsvp_of(data_dir, "facebook", "facebook-policy") == "tentative"


def test_no_dtstamp_in_an_eml_is_ordered_by_its_date(data_dir: Path, tmp_path: Path, cli) -> None:
    calendar = reply_bytes(data_dir, tmp_path, OLIVER, "ACCEPTED")
    calendar = b"".join(
        line for line in calendar.splitlines(keepends=True) if b"DTSTAMP" not in line
    )
    eml = tmp_path / "outlook.eml"
    eml.write_bytes(on_behalf(calendar, OLIVER, OLIVER))
    result = cli("rsvp", "import", eml, "--data", data_dir)
    assert result.code == 0, result.out + result.err
    assert "no DTSTAMP, ordered by the e-mail's Date (2026-12-02 10:00 UTC)" in result.err


# ── IMAP ──────────────────────────────────────────────────────────────────────


def _serve(server: ImapServer, context: ssl.SSLContext | None) -> Iterator[ImapServer]:
    listener = socket.create_server(("127.0.0.1", 0))
    server.port = listener.getsockname()[1]

    def loop() -> None:
        while True:
            try:
                connection, _ = listener.accept()
            except OSError:
                return
            try:
                if context is not None:
                    connection = context.wrap_socket(connection, server_side=True)
                with connection, connection.makefile("rwb") as stream:
                    server.session(stream)
            except (OSError, ssl.SSLError):
                continue  # the client refused our certificate

    threading.Thread(target=loop, daemon=True).start()
    yield server
    listener.close()


@pytest.fixture
def imap() -> Iterator[ImapServer]:
    yield from _serve(ImapServer([]), None)


@pytest.fixture
def untrusted_imaps() -> Iterator[ImapServer]:
    yield from _serve(ImapServer([]), server_context(trustme.CA()))


def test_imap_records_only_replies_from_the_right_sender(
    data_dir: Path, tmp_path: Path, cli, imap: ImapServer, monkeypatch
) -> None:
    facebook = reply_bytes(data_dir, tmp_path, OLIVER, "ACCEPTED")
    virgin = reply_bytes(data_dir, tmp_path, "sophie.turner@virginmedia.example.org", "DECLINED")
    imap.messages = [
        ImapMessage(7, outlook_reply(facebook, OLIVER)),
        ImapMessage(8, outlook_reply(virgin, "intruder@example.org")),
    ]
    monkeypatch.setenv("SUMMIT_IMAP_PASSWORD", "s3cret")
    url = f"imap://summit-lead@127.0.0.1:{imap.port}"
    result = cli("rsvp", "fetch", "--imap", url, "--data", data_dir)
    assert result.code == 1
    assert (
        "INBOX/8" in result.out and "sent by intruder@example.org, not Virgin Media" in result.out
    )
    assert rsvp_of(data_dir, "virgin-media", "virgin-policy") == "needs-action"
    assert {m.uid: m.flags for m in imap.messages} == {7: {"$SummitImported"}, 8: set()}


def test_imap_refusing_to_mark_says_what_was_recorded(
    data_dir: Path, tmp_path: Path, cli, imap: ImapServer, monkeypatch
) -> None:
    facebook = reply_bytes(data_dir, tmp_path, OLIVER, "ACCEPTED")
    imap.messages = [ImapMessage(7, outlook_reply(facebook, OLIVER))]
    imap.refuse_store = True
    monkeypatch.setenv("SUMMIT_IMAP_PASSWORD", "s3cret")
    url = f"imap://summit-lead@127.0.0.1:{imap.port}"
    result = cli("rsvp", "fetch", "--imap", url, "--data", data_dir)
    assert result.code == 1
    assert "no reply was recorded" not in result.err
    assert "1 reply recorded" in result.err
    assert "1 message recorded could not be marked imported" in result.err
    assert "read-only" in result.err and ": 7;" in result.err
    assert rsvp_of(data_dir, "facebook", "facebook-policy") == "accepted"


def test_imap_with_an_untrusted_certificate_says_so(
    data_dir: Path, cli, untrusted_imaps: ImapServer
) -> None:
    url = f"imaps://127.0.0.1:{untrusted_imaps.port}"
    result = cli("rsvp", "fetch", "--imap", url, "--data", data_dir)
    assert result.code == 1 and "Traceback" not in result.err
    assert "the certificate of 127.0.0.1 is not trusted" in result.err, result.err


def test_imap_on_a_closed_port_says_connection_refused(data_dir: Path, cli) -> None:
    port = free_port()
    result = cli("rsvp", "fetch", "--imap", f"imap://127.0.0.1:{port}", "--data", data_dir)
    assert result.code == 1
    assert f"connection refused at 127.0.0.1:{port}" in result.err, result.err
    assert ": 111" not in result.err
