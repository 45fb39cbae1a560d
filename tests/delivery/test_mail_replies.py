"""Replies as they come by e-mail: .eml files, Maildir and mbox folders, and IMAP."""

import mailbox
import re
import socket
import threading
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path

import pytest

from tests.conftest import SAMPLE_SUMMIT, snapshot
from tests.ical.test_replies import reply_file, sample_uid

pytestmark = pytest.mark.usefixtures("sample_still_coming")  # replies before its day


def reply_bytes(root: Path, tmp: Path, email: str, partstat: str) -> bytes:
    path = reply_file(tmp, f"{email}.ics", uid=sample_uid(root), email=email, partstat=partstat)
    return path.read_bytes()


def outlook_reply(calendar: bytes, sender: str, *, attached: bool = False) -> bytes:
    """A reply as Outlook sends it: the calendar inline (base64), no attachment to save."""
    message = EmailMessage()
    message["From"] = sender
    message["To"] = "priya.hollis@dcms.example.org"
    message["Subject"] = "Accepted: Summit on child-abuse imagery"
    message.set_content("Accepted.")
    message.add_alternative(
        calendar, maintype="text", subtype="calendar", params={"method": "REPLY"}, cte="base64"
    )
    if attached:
        message.add_attachment(
            calendar, maintype="application", subtype="ics", filename="reply.ics"
        )
    return message.as_bytes()


def plain_mail(sender: str) -> bytes:
    message = EmailMessage()
    message["From"] = sender
    message["Subject"] = "Lunch?"
    message.set_content("No calendar here.")
    return message.as_bytes()


def rsvp_of(root: Path, org: str, delegate: str) -> str:
    data = tomllib.loads((root / "agendas" / f"{SAMPLE_SUMMIT}.toml").read_text())
    return str(data["invitations"][org]["rsvp"][delegate])


def test_an_outlook_eml_with_an_inline_calendar(data_dir: Path, tmp_path: Path, cli) -> None:
    calendar = reply_bytes(data_dir, tmp_path, "oliver.grant@facebook.example.org", "ACCEPTED")
    eml = tmp_path / "reply.eml"
    eml.write_bytes(outlook_reply(calendar, "oliver.grant@facebook.example.org"))
    result = cli("rsvp", "import", eml, "--data", data_dir)
    assert result.code == 0, result.out + result.err
    assert "facebook-policy (facebook) needs-action -> accepted" in result.out
    assert rsvp_of(data_dir, "facebook", "facebook-policy") == "accepted"


def test_a_maildir_folder(data_dir: Path, tmp_path: Path, cli) -> None:
    folder = mailbox.Maildir(tmp_path / "Replies", create=True)
    facebook = reply_bytes(data_dir, tmp_path, "oliver.grant@facebook.example.org", "DECLINED")
    virgin = reply_bytes(data_dir, tmp_path, "sophie.turner@virginmedia.example.org", "TENTATIVE")
    folder.add(outlook_reply(facebook, "oliver.grant@facebook.example.org"))
    folder.add(outlook_reply(virgin, "sophie.turner@virginmedia.example.org", attached=True))
    folder.add(plain_mail("someone@example.org"))
    result = cli("rsvp", "import", tmp_path / "Replies", "--data", data_dir)
    assert result.code == 0, result.out + result.err
    assert "2 replies recorded" in result.err  # the one sent inline and attached counts once
    assert rsvp_of(data_dir, "facebook", "facebook-policy") == "declined"
    assert rsvp_of(data_dir, "virgin-media", "virgin-policy") == "tentative"


def test_an_mbox_file(data_dir: Path, tmp_path: Path, cli) -> None:
    box = mailbox.mbox(tmp_path / "replies.mbox", create=True)
    calendar = reply_bytes(data_dir, tmp_path, "oliver.grant@facebook.example.org", "ACCEPTED")
    box.add(outlook_reply(calendar, "oliver.grant@facebook.example.org"))
    box.add(plain_mail("someone@example.org"))
    box.flush()
    box.close()
    result = cli("rsvp", "import", tmp_path / "replies.mbox", "--data", data_dir)
    assert result.code == 0, result.out + result.err
    assert rsvp_of(data_dir, "facebook", "facebook-policy") == "accepted"


def test_a_forged_reply_in_an_eml_is_refused_beside_the_good_one(
    data_dir: Path, tmp_path: Path, cli
) -> None:
    calendar = reply_bytes(data_dir, tmp_path, "intruder@example.org", "ACCEPTED")
    good = reply_bytes(data_dir, tmp_path, "oliver.grant@facebook.example.org", "ACCEPTED")
    (tmp_path / "forged.eml").write_bytes(outlook_reply(calendar, "intruder@example.org"))
    (tmp_path / "good.eml").write_bytes(outlook_reply(good, "oliver.grant@facebook.example.org"))
    before = snapshot(data_dir)
    result = cli(
        "rsvp", "import", tmp_path / "good.eml", tmp_path / "forged.eml", "--data", data_dir
    )
    assert result.code == 1
    assert re.search(r"forged\.eml:\d+:1: ATTENDEE: .*was never invited", result.out)
    assert "Traceback" not in result.err
    assert snapshot(data_dir) != before
    assert rsvp_of(data_dir, "facebook", "facebook-policy") == "accepted"
    assert "1 file refused" in result.err


def test_a_folder_that_is_not_a_maildir(data_dir: Path, tmp_path: Path, cli) -> None:
    (tmp_path / "stuff").mkdir()
    result = cli("rsvp", "import", tmp_path / "stuff", "--data", data_dir)
    assert result.code == 1
    assert "not a Maildir" in result.out


# ── IMAP ──────────────────────────────────────────────────────────────────────


@dataclass
class ImapMessage:
    uid: int
    data: bytes
    flags: set[str] = field(default_factory=set)
    size: int = 0
    """The RFC822.SIZE the server claims, when not the data's length."""


@dataclass
class ImapServer:
    """A scripted IMAP4rev1 server on 127.0.0.1: answers as a Dovecot session did, keeps flags.

    It understands only the commands summit's client sends (CAPABILITY, LOGIN,
    SELECT, UID SEARCH UNKEYWORD, UID FETCH RFC822.SIZE / BODY.PEEK[], UID STORE +FLAGS,
    LOGOUT) and records every line it receives, so a test can check that
    nothing was deleted or expunged.
    """

    messages: list[ImapMessage]
    port: int = 0
    transcript: list[str] = field(default_factory=list)
    refuse_store: bool = False
    """Answer UID STORE with NO, as a read-only or quota-full mailbox does."""

    def serve(self, listener: socket.socket) -> None:
        while True:
            try:
                connection, _ = listener.accept()
            except OSError:
                return
            with connection, connection.makefile("rwb") as stream:
                self.session(stream)

    def session(self, stream) -> None:  # type: ignore[no-untyped-def]
        def say(line: str) -> None:
            stream.write(line.encode() + b"\r\n")
            stream.flush()

        say("* OK [CAPABILITY IMAP4rev1 LITERAL+ AUTH=PLAIN] Dovecot ready.")
        while line := stream.readline():
            text = line.decode().rstrip("\r\n")
            self.transcript.append(text)
            tag, command, *rest = text.split(" ", 2)
            args = rest[0] if rest else ""
            if command == "CAPABILITY":
                say("* CAPABILITY IMAP4rev1 LITERAL+ AUTH=PLAIN")
            elif command == "LOGIN":
                if args.replace('"', "") != "summit-lead s3cret":
                    say(f"{tag} NO [AUTHENTICATIONFAILED] Authentication failed.")
                    continue
            elif command == "SELECT":
                say(f"* {len(self.messages)} EXISTS")
                say("* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)")
                say("* OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\*)]")
                say(f"{tag} OK [READ-WRITE] Select completed.")
                continue
            elif command == "UID":
                self.uid(say, stream, tag, args)
                continue
            elif command == "LOGOUT":
                say("* BYE Logging out")
                say(f"{tag} OK Logout completed.")
                return
            else:
                say(f"{tag} BAD Error in IMAP command {command}: Unknown command.")
                continue
            say(f"{tag} OK {command.title()} completed.")

    def uid(self, say, stream, tag: str, args: str) -> None:  # type: ignore[no-untyped-def]
        verb, _, rest = args.partition(" ")
        if verb == "SEARCH":
            keyword = rest.split()[-1]
            found = [str(m.uid) for m in self.messages if keyword not in m.flags]
            say("* SEARCH" + "".join(f" {uid}" for uid in found))
        elif verb == "FETCH" and "RFC822.SIZE" in rest:
            wanted = {int(uid) for uid in rest.split()[0].split(",")}
            for number, message in enumerate(self.messages, 1):
                if message.uid in wanted:
                    size = message.size or len(message.data)
                    say(f"* {number} FETCH (UID {message.uid} RFC822.SIZE {size})")
        elif verb == "FETCH":
            uid = int(rest.split()[0])
            number, message = next((i + 1, m) for i, m in enumerate(self.messages) if m.uid == uid)
            stream.write(f"* {number} FETCH (UID {uid} BODY[] {{{len(message.data)}}}\r\n".encode())
            stream.write(message.data + b")\r\n")
        elif verb == "STORE" and self.refuse_store:
            say(f"{tag} NO [CANNOT] Mailbox is read-only.")
            return
        elif verb == "STORE":
            uids, _, flags = rest.partition(" +FLAGS ")
            for uid in uids.split(","):
                for message in self.messages:
                    if message.uid == int(uid):
                        message.flags |= set(flags.strip("()").split())
        say(f"{tag} OK Uid {verb.title()} completed.")


@pytest.fixture
def imap_server() -> Iterator[ImapServer]:
    server = ImapServer([])
    listener = socket.create_server(("127.0.0.1", 0))
    server.port = listener.getsockname()[1]
    thread = threading.Thread(target=server.serve, args=(listener,), daemon=True)
    thread.start()
    yield server
    listener.close()


def test_fetch_records_new_replies_and_marks_them(
    data_dir: Path, tmp_path: Path, cli, imap_server: ImapServer, monkeypatch
) -> None:
    facebook = reply_bytes(data_dir, tmp_path, "oliver.grant@facebook.example.org", "ACCEPTED")
    forged = reply_bytes(data_dir, tmp_path, "intruder@example.org", "ACCEPTED")
    imap_server.messages = [
        ImapMessage(101, plain_mail("someone@example.org")),
        ImapMessage(102, outlook_reply(facebook, "oliver.grant@facebook.example.org")),
        ImapMessage(103, outlook_reply(forged, "intruder@example.org")),
    ]
    monkeypatch.setenv("SUMMIT_IMAP_PASSWORD", "s3cret")
    url = f"imap://summit-lead@127.0.0.1:{imap_server.port}/Replies"
    result = cli("rsvp", "fetch", "--imap", url, "--data", data_dir)
    assert result.code == 1  # the forged one is refused and reported
    assert "Traceback" not in result.err
    assert "Replies/103" in result.out and "was never invited" in result.out
    assert rsvp_of(data_dir, "facebook", "facebook-policy") == "accepted"
    flags = {m.uid: m.flags for m in imap_server.messages}
    assert flags == {101: set(), 102: {"$SummitImported"}, 103: set()}
    sent = " ".join(imap_server.transcript)
    assert 'SELECT "Replies"' in sent and "BODY.PEEK[]" in sent
    assert "EXPUNGE" not in sent and "\\Deleted" not in sent

    # The next fetch asks only for what is not marked.
    imap_server.transcript.clear()
    again = cli("rsvp", "fetch", "--imap", url, "--data", data_dir)
    assert "0 replies recorded" in again.err
    fetched = [line for line in imap_server.transcript if "BODY.PEEK" in line]
    assert len(fetched) == 2 and not any(" 102 " in line for line in fetched)


def test_fetch_with_a_wrong_password_is_a_message(
    data_dir: Path, cli, imap_server: ImapServer, monkeypatch
) -> None:
    monkeypatch.setenv("SUMMIT_IMAP_PASSWORD", "wrong")
    url = f"imap://summit-lead@127.0.0.1:{imap_server.port}"
    before = snapshot(data_dir)
    result = cli("rsvp", "fetch", "--imap", url, "--data", data_dir)
    assert result.code == 1
    assert "AUTHENTICATIONFAILED" in result.err and "Traceback" not in result.err
    assert snapshot(data_dir) == before


def test_fetch_asks_sizes_first_and_never_reads_an_oversized_message(
    data_dir: Path, tmp_path: Path, cli, imap_server: ImapServer, monkeypatch
) -> None:
    facebook = reply_bytes(data_dir, tmp_path, "oliver.grant@facebook.example.org", "ACCEPTED")
    imap_server.messages = [
        ImapMessage(201, plain_mail("someone@example.org"), size=300 << 20),
        ImapMessage(202, outlook_reply(facebook, "oliver.grant@facebook.example.org")),
    ]
    monkeypatch.setenv("SUMMIT_IMAP_PASSWORD", "s3cret")
    url = f"imap://summit-lead@127.0.0.1:{imap_server.port}"
    result = cli("rsvp", "fetch", "--imap", url, "--data", data_dir)
    assert result.code == 0, result.out + result.err
    assert f"not read: message 201: {300 << 20:,} bytes, over the 32 MiB limit" in result.err
    bodies = [line for line in imap_server.transcript if "BODY.PEEK" in line]
    assert len(bodies) == 1 and " 202 " in bodies[0]
    assert rsvp_of(data_dir, "facebook", "facebook-policy") == "accepted"
