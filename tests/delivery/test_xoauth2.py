"""XOAUTH2 for SMTP (aiosmtpd offering only XOAUTH2) and IMAP (a scripted server), tokens from a
command: the SASL string is checked by the server, and the token never shows."""

import base64
import socket
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.smtp import SMTP, AuthResult

from summit.delivery.imap import ImapMailbox, MailboxFailed
from summit.delivery.oauth_token import TokenUnavailable, run_token_command
from summit.delivery.settings import parse_mail_url
from summit.delivery.smtp import RelayFailed, SmtpRelay
from summit.delivery.xoauth2 import sasl_base64
from tests.delivery.conftest import Recorder, start_relay

TOKEN = "ya29.secret-access-token"
USER = "summit-lead@dept.example.gov.uk"


def test_the_sasl_string_is_the_documented_one() -> None:
    # Google's and Microsoft's documented example shape, byte for byte.
    token = "ya29.vF9dft4qmTc2Nvb3RlckBhdHRhdmlzdGEuY29tCg"
    expected = b"user=someuser@example.com\x01auth=Bearer " + token.encode() + b"\x01\x01"
    made = sasl_base64("someuser@example.com", token)
    assert base64.b64decode(made) == expected


def token_command(tmp_path: Path, token: str = TOKEN, code: int = 0) -> str:
    """A helper like oama: prints a token (and, told to, fails after printing it)."""
    script = tmp_path / "give token.py"
    script.write_text(
        f"import sys\nprint({token!r})\nprint('oops', file=sys.stderr)\nsys.exit({code})\n"
    )
    return f"{sys.executable} '{script}'"


class Xoauth2Only(Recorder):
    """A relay handler whose only AUTH mechanism is XOAUTH2, checking the SASL string."""

    seen: list[bytes]
    answer: str = (
        "535 5.7.139 Authentication unsuccessful, "
        "SmtpClientAuthentication is disabled for the Tenant."
    )

    async def auth_XOAUTH2(self, server: SMTP, args: list[str]) -> AuthResult:
        decoded = base64.b64decode(args[1])
        self.seen.append(decoded)
        if decoded == f"user={USER}\x01auth=Bearer {TOKEN}\x01\x01".encode():
            return AuthResult(success=True, handled=False)
        # As Gmail does: a 334 challenge with the error in JSON, then the refusal.
        await server.challenge_auth("eyJzdGF0dXMiOiI0MDEifQ==", encode_to_b64=False)
        await server.push(self.answer)
        return AuthResult(success=False, handled=True)


@pytest.fixture
def xoauth2_relay() -> Iterator[tuple[Xoauth2Only, int]]:
    handler = Xoauth2Only()
    handler.seen = []
    controller, port = start_relay(
        handler,
        auth_require_tls=False,
        auth_exclude_mechanism=["PLAIN", "LOGIN"],
    )
    yield handler, port
    controller.stop()


def _send_one(url: str) -> None:
    with SmtpRelay(parse_mail_url(url, ("smtp", "smtps"))) as relay:
        relay.send(USER, ["someone@example.org"], b"Subject: hi\r\n\r\nhello\r\n")


def test_smtp_xoauth2_asked_for_in_the_url(xoauth2_relay, tmp_path, monkeypatch) -> None:
    handler, port = xoauth2_relay
    monkeypatch.setenv("SUMMIT_OAUTH_TOKEN_COMMAND", token_command(tmp_path))
    _send_one(f"smtp://{USER.replace('@', '%40')}@127.0.0.1:{port}?auth=xoauth2")
    assert handler.seen == [f"user={USER}\x01auth=Bearer {TOKEN}\x01\x01".encode()]
    assert len(handler.received) == 1


def test_smtp_xoauth2_chosen_when_it_is_all_the_server_offers(
    xoauth2_relay, tmp_path, monkeypatch
) -> None:
    handler, port = xoauth2_relay
    monkeypatch.setenv("SUMMIT_OAUTH_TOKEN_COMMAND", token_command(tmp_path))
    _send_one(f"smtp://{USER.replace('@', '%40')}@127.0.0.1:{port}")
    assert len(handler.seen) == 1
    assert len(handler.received) == 1


def test_a_refused_token_is_explained_and_never_shown(xoauth2_relay, tmp_path, monkeypatch) -> None:
    handler, port = xoauth2_relay
    monkeypatch.setenv("SUMMIT_OAUTH_TOKEN_COMMAND", token_command(tmp_path, "expired-token-xyz"))
    with pytest.raises(RelayFailed) as caught:
        _send_one(f"smtp://{USER.replace('@', '%40')}@127.0.0.1:{port}?auth=xoauth2")
    said = str(caught.value)
    assert "5.7.139" in said and "use --graph" in said
    assert "expired-token-xyz" not in said
    assert handler.received == []


def test_no_token_source_says_how_to_get_one(xoauth2_relay, monkeypatch) -> None:
    _, port = xoauth2_relay
    monkeypatch.delenv("SUMMIT_OAUTH_TOKEN_COMMAND", raising=False)
    with pytest.raises(RelayFailed, match=r"summit login microsoft.*SUMMIT_OAUTH_TOKEN_COMMAND"):
        _send_one(f"smtp://{USER.replace('@', '%40')}@127.0.0.1:{port}?auth=xoauth2")


def test_the_token_command_runs_without_a_shell(tmp_path: Path) -> None:
    marker = tmp_path / "injected"
    # With a shell this would create the marker; split and run as argv it is just arguments.
    command = f"{sys.executable} -c 'print(\"tok\")' ; touch {marker}"
    assert run_token_command(command) == "tok"
    assert not marker.exists()


def test_a_failing_token_command_quotes_stderr_not_stdout(tmp_path: Path) -> None:
    with pytest.raises(TokenUnavailable) as caught:
        run_token_command(token_command(tmp_path, TOKEN, code=3))
    assert "exit 3" in str(caught.value) and "oops" in str(caught.value)
    assert TOKEN not in str(caught.value)


def test_a_missing_token_command_is_named() -> None:
    with pytest.raises(TokenUnavailable, match="no-such-helper was not found"):
        run_token_command("no-such-helper --account work")


@pytest.mark.usefixtures("before_the_sample_summit")  # its day is yet to come
def test_send_cli_with_xoauth2_never_prints_or_stores_the_token(
    data_dir: Path, cli, xoauth2_relay, tmp_path, monkeypatch
) -> None:
    handler, port = xoauth2_relay
    monkeypatch.setenv("SUMMIT_OAUTH_TOKEN_COMMAND", token_command(tmp_path))
    monkeypatch.delenv("SUMMIT_SMTP_PASSWORD", raising=False)
    url = f"smtp://{USER.replace('@', '%40')}@127.0.0.1:{port}?auth=xoauth2"
    result = cli("send", "online-safety-summit", "--data", data_dir, "--smtp", url, "--yes")
    assert result.code == 0, result.err
    assert handler.received
    assert TOKEN not in result.out + result.err
    for path in data_dir.rglob("*"):
        if path.is_file():
            assert TOKEN.encode() not in path.read_bytes(), path


# ── IMAP ──────────────────────────────────────────────────────────────────────


@dataclass
class OAuthImap:
    """A scripted IMAP server that offers only XOAUTH2 (LOGINDISABLED), as Exchange Online does
    for OAuth-only mailboxes, and checks the SASL string it is given."""

    port: int = 0
    transcript: list[str] = field(default_factory=list)
    seen: list[bytes] = field(default_factory=list)

    def serve(self, listener: socket.socket) -> None:
        while True:
            try:
                connection, _ = listener.accept()
            except OSError:
                return
            with connection, connection.makefile("rwb") as stream:
                self.session(stream)

    def session(self, stream: Any) -> None:
        def say(line: str) -> None:
            stream.write(line.encode() + b"\r\n")
            stream.flush()

        capabilities = "IMAP4rev1 LITERAL+ AUTH=XOAUTH2 SASL-IR LOGINDISABLED"
        say(f"* OK [CAPABILITY {capabilities}] ready.")
        while line := stream.readline():
            text = line.decode().rstrip("\r\n")
            self.transcript.append(text)
            tag, command, *_ = text.split(" ", 2)
            if command == "CAPABILITY":
                say(f"* CAPABILITY {capabilities}")
            elif command == "AUTHENTICATE":
                say("+ ")
                answer = base64.b64decode(stream.readline().strip())
                self.seen.append(answer)
                if answer != f"user={USER}\x01auth=Bearer {TOKEN}\x01\x01".encode():
                    say(f"{tag} NO AUTHENTICATE failed.")
                    continue
            elif command == "SELECT":
                say("* 0 EXISTS")
                say(f"{tag} OK [READ-WRITE] SELECT completed.")
                continue
            elif command == "UID":
                say("* SEARCH")
            elif command == "LOGOUT":
                say("* BYE")
                say(f"{tag} OK LOGOUT completed.")
                return
            else:
                say(f"{tag} BAD unknown command")
                continue
            say(f"{tag} OK {command} completed.")


@pytest.fixture
def oauth_imap() -> Iterator[OAuthImap]:
    server = OAuthImap()
    listener = socket.create_server(("127.0.0.1", 0))
    server.port = listener.getsockname()[1]
    threading.Thread(target=server.serve, args=(listener,), daemon=True).start()
    yield server
    listener.close()


def test_imap_xoauth2_signs_in_and_reads(oauth_imap: OAuthImap, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("SUMMIT_OAUTH_TOKEN_COMMAND", token_command(tmp_path))
    url = f"imap://{USER.replace('@', '%40')}@127.0.0.1:{oauth_imap.port}"
    with ImapMailbox(parse_mail_url(url, ("imap", "imaps"))) as mailbox:
        assert mailbox.new_messages() == []
    assert oauth_imap.seen == [f"user={USER}\x01auth=Bearer {TOKEN}\x01\x01".encode()]
    assert not any(line.split()[1] == "LOGIN" for line in oauth_imap.transcript)


def test_imap_refused_token_is_not_shown(oauth_imap: OAuthImap, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("SUMMIT_OAUTH_TOKEN_COMMAND", token_command(tmp_path, "stale-token-abc"))
    url = f"imap://{USER.replace('@', '%40')}@127.0.0.1:{oauth_imap.port}?auth=xoauth2"
    with pytest.raises(MailboxFailed) as caught:
        ImapMailbox(parse_mail_url(url, ("imap", "imaps"))).__enter__()
    assert "access token was refused" in str(caught.value)
    assert "stale-token-abc" not in str(caught.value)
