"""An SMTP relay connection: STARTTLS whenever offered, implicit TLS for smtps, login if a user.

smtplib's exceptions are turned into two of ours, which say what the batch
should do next: `MessageRefused` (this message was not accepted; go on with
the next) and `RelayFailed` (the connection is gone or unusable; stop).
"""

import smtplib
import socket
import ssl
from types import TracebackType

from summit.delivery.deadline import Deadline, cut, read_timeout
from summit.delivery.failures import network_failure
from summit.delivery.oauth_token import TokenUnavailable
from summit.delivery.settings import Server
from summit.delivery.xoauth2 import smtp_sign_in

_SERVICE_CLOSING = 421


class RelayFailed(Exception):
    """The relay cannot be reached, refused the login, or dropped the connection."""


class MessageRefused(Exception):
    """The relay did not accept this message (the sender, every recipient, or the data)."""


def _reply(code: int, text: bytes | str) -> str:
    words = text.decode("utf-8", "replace") if isinstance(text, bytes) else text
    return f"{code} {' '.join(words.split())}".strip()


class SmtpRelay:
    """One connection to a relay, opened on entering and closed (QUIT) on leaving."""

    def __init__(self, server: Server, password: str | None = None) -> None:
        self.server = server
        self.password = password
        self._smtp: smtplib.SMTP | None = None
        self._deadline = Deadline(self._cut)

    def _cut(self) -> None:
        cut(getattr(self._smtp, "sock", None))

    def __enter__(self) -> "SmtpRelay":
        self._deadline.start()  # the whole session: connecting, every message, QUIT
        try:
            self._smtp = self._connect()
        except (OSError, smtplib.SMTPException, TokenUnavailable) as error:
            self._deadline.cancel()
            if self._smtp is not None:
                self._smtp.close()
            said = network_failure(error, self.server.host, self.server.port) or _why(error)
            why = self._deadline.said(said)
            raise RelayFailed(f"cannot use {self.server.shown()}: {why}") from error
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        smtp, self._smtp = self._smtp, None
        self._deadline.cancel()
        if smtp is None:
            return
        try:
            smtp.quit()
        except (OSError, smtplib.SMTPException):
            smtp.close()

    def _connect(self) -> smtplib.SMTP:
        server = self.server
        smtp: smtplib.SMTP
        # The system's certificates verify the relay (SSL_CERT_FILE for a private CA).
        # Made first and connected after, so that the deadline can cut a trickled greeting.
        if server.implicit_tls:
            smtp = smtplib.SMTP_SSL(timeout=read_timeout(), context=ssl.create_default_context())
        else:
            smtp = smtplib.SMTP(timeout=read_timeout())
        self._smtp = smtp
        smtp._host = server.host  # type: ignore[attr-defined]  # STARTTLS checks the certificate against it
        smtp.connect(server.host, server.port)
        smtp.ehlo()
        if not server.implicit_tls and server.starttls and smtp.has_extn("starttls"):
            smtp.starttls(context=ssl.create_default_context())
            smtp.ehlo()
        smtp_sign_in(smtp, server, self.password)  # XOAUTH2 or the password
        return smtp

    def send(self, sender: str, recipients: list[str], message: bytes) -> dict[str, str]:
        """Send one message; returns the recipients the relay refused (the others got it)."""
        if self._smtp is None:
            raise RelayFailed("not connected")
        options = [] if message.isascii() and sender.isascii() else ["SMTPUTF8"]
        try:
            refused = self._smtp.sendmail(sender, recipients, message, mail_options=options)
        except smtplib.SMTPServerDisconnected as error:
            raise RelayFailed(self._deadline.said(_why(error))) from error
        except smtplib.SMTPRecipientsRefused as error:
            reasons = {r: _reply(*reply) for r, reply in error.recipients.items()}
            raise MessageRefused(_listed(reasons)) from error
        except (smtplib.SMTPSenderRefused, smtplib.SMTPDataError) as error:
            if error.smtp_code == _SERVICE_CLOSING:
                raise RelayFailed(_reply(error.smtp_code, error.smtp_error)) from error
            raise MessageRefused(_reply(error.smtp_code, error.smtp_error)) from error
        except (OSError, smtplib.SMTPException) as error:
            raise RelayFailed(self._deadline.said(_why(error))) from error
        return {r: _reply(*reply) for r, reply in refused.items()}


def _listed(reasons: dict[str, str]) -> str:
    return "; ".join(f"{who}: {why}" for who, why in reasons.items())


def _why(error: BaseException) -> str:  # noqa: PLR0911 - one sentence per kind of failure
    """What went wrong with the relay, in a sentence (no traceback)."""
    if isinstance(error, smtplib.SMTPResponseException):
        reply = _reply(error.smtp_code, error.smtp_error)
        if isinstance(error, smtplib.SMTPAuthenticationError):
            return f"the user name or password was refused ({reply})"
        return reply
    if isinstance(error, (smtplib.SMTPServerDisconnected, TimeoutError)) and "timed out" in str(
        error
    ):  # smtplib words a read that timed out as the connection closed
        return f"no answer for {read_timeout():g} s (timed out)"
    fixed = {
        smtplib.SMTPServerDisconnected: "the relay closed the connection",
        socket.gaierror: "unknown server name",
    }
    for kind, text in fixed.items():
        if isinstance(error, kind):
            return text
    if isinstance(error, ssl.SSLError):
        return f"TLS failed: {error.reason or error}"
    if isinstance(error, OSError):
        return error.strerror or str(error)
    return str(error)
