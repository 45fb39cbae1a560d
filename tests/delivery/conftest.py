"""A real SMTP server (aiosmtpd) on 127.0.0.1 that records what it receives and can fail."""

import asyncio
import email
import socket
import ssl
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import icalendar
import pytest
import trustme
import vobject
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session


@dataclass
class Received:
    sender: str
    recipients: list[str]
    data: bytes

    @property
    def message(self) -> EmailMessage:
        parsed = email.message_from_bytes(self.data, policy=policy.default)
        assert isinstance(parsed, EmailMessage)
        return parsed


@dataclass
class Recorder:
    """Records each message; told to, refuses a recipient or fails after some messages."""

    received: list[Received] = field(default_factory=list)
    refuse: set[str] = field(default_factory=set)
    drop_after: int | None = None
    """Close the connection instead of accepting message number drop_after + 1."""
    reject_data_after: int | None = None
    hang_after: int | None = None
    """Never answer the DATA of message hang_after + 1 (a relay that stalls)."""
    attempts: int = 0
    hanging: threading.Event = field(default_factory=threading.Event)

    def wait_for_hang(self) -> None:
        assert self.hanging.wait(timeout=30)

    async def handle_RCPT(
        self, server: SMTP, session: Session, envelope: Envelope, address: str, options: list[str]
    ) -> str:
        if address.lower() in self.refuse:
            return "550 5.1.1 no such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        self.attempts += 1
        if self.drop_after is not None and len(self.received) >= self.drop_after:
            assert server.transport is not None
            server.transport.close()
            return "421 4.3.0 going away"
        if self.hang_after is not None and len(self.received) >= self.hang_after:
            self.hanging.set()
            await asyncio.sleep(3600)
        if self.reject_data_after is not None and len(self.received) >= self.reject_data_after:
            self.reject_data_after = None
            return "554 5.6.0 message refused"
        content = envelope.original_content or b""
        self.received.append(Received(envelope.mail_from or "", list(envelope.rcpt_tos), content))
        return "250 OK queued"


@dataclass
class SmtpServer:
    recorder: Recorder
    port: int
    url: str
    logins: list[tuple[str, str]]


def _authenticator(logins: list[tuple[str, str]]) -> Any:
    def check(
        server: SMTP, session: Session, envelope: Envelope, mechanism: str, data: Any
    ) -> AuthResult:
        assert isinstance(data, LoginPassword)
        login = (data.login.decode(), data.password.decode())
        logins.append(login)
        return AuthResult(success=login == ("summit-lead", "s3cret"), handled=False)

    return check


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def start_relay(recorder: Recorder, **options: Any) -> tuple[Controller, int]:
    # aiosmtpd checks its server by connecting to the port it was given: not 0.
    port = free_port()
    controller = Controller(recorder, hostname="127.0.0.1", port=port, **options)
    controller.start()
    return controller, port


@pytest.fixture
def smtp_server() -> Iterator[SmtpServer]:
    """A plain relay (no TLS, no login), as a test's local relay."""
    recorder = Recorder()
    controller, port = start_relay(recorder)
    yield SmtpServer(recorder, port, f"smtp://127.0.0.1:{port}", [])
    controller.stop()


@pytest.fixture
def certificate(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> trustme.CA:
    """A private CA that this process trusts (SSL_CERT_FILE), and a certificate for 127.0.0.1."""
    ca = trustme.CA()
    bundle = tmp_path / "ca.pem"
    ca.cert_pem.write_to_path(str(bundle))
    monkeypatch.setenv("SSL_CERT_FILE", str(bundle))
    return ca


def server_context(ca: trustme.CA) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1").configure_cert(context)
    return context


@pytest.fixture
def starttls_server(certificate: trustme.CA) -> Iterator[SmtpServer]:
    """A relay that offers STARTTLS and accepts a login only over TLS."""
    recorder, logins = Recorder(), []
    controller, port = start_relay(
        recorder,
        tls_context=server_context(certificate),
        require_starttls=True,
        authenticator=_authenticator(logins),
        auth_required=True,
    )
    yield SmtpServer(recorder, port, f"smtp://summit-lead@127.0.0.1:{port}", logins)
    controller.stop()


def calendar_part(message: EmailMessage) -> bytes:
    """The text/calendar part's content as decoded from its transfer encoding."""
    for part in message.walk():
        if part.get_content_type() == "text/calendar":
            payload = part.get_payload(decode=True)
            assert isinstance(payload, bytes)
            return payload
    raise AssertionError("no text/calendar part")


def read_calendar(data: bytes) -> tuple[icalendar.Calendar, Any]:
    """The calendar through icalendar and vobject, both of which must read it."""
    return icalendar.Calendar.from_ical(data), vobject.readOne(data.decode("utf-8"))


@pytest.fixture
def smtps_server(certificate: trustme.CA) -> Iterator[SmtpServer]:
    """A relay spoken to over TLS from the first byte (smtps, port 465's way)."""
    recorder = Recorder()
    controller, port = start_relay(recorder, ssl_context=server_context(certificate))
    yield SmtpServer(recorder, port, f"smtps://127.0.0.1:{port}", [])
    controller.stop()
