"""SASL XOAUTH2 for SMTP and IMAP: sign in with an OAuth access token, not a password.

The mechanism is chosen with `?auth=xoauth2` on the server's address, or by
itself when the server offers XOAUTH2 but neither PLAIN nor LOGIN and a
token source is set up (summit.delivery.oauth_token). Exchange Online and
Gmail both take it; the token must carry their mail scopes.

The string is `user=<user>\\x01auth=Bearer <token>\\x01\\x01`, base64-encoded on the
wire; smtplib and imaplib do the encoding, so the objects here return it raw.
"""

import base64
import imaplib
import smtplib
from collections.abc import Callable, Iterable

from summit.delivery.oauth_errors import explained
from summit.delivery.oauth_token import TokenSource, TokenUnavailable, configured_source
from summit.delivery.oauth_token import required_source as _required_source
from summit.delivery.settings import Server

MECHANISM = "XOAUTH2"
_PASSWORD_MECHANISMS = {"PLAIN", "LOGIN", "CRAM-MD5"}


class TokenRefused(TokenUnavailable):
    """The server refused the access token (expired, wrong scope, SMTP AUTH off...)."""


def sasl_string(user: str, token: str) -> str:
    """The XOAUTH2 initial response before base64."""
    return f"user={user}\x01auth=Bearer {token}\x01\x01"


def sasl_base64(user: str, token: str) -> str:
    """The XOAUTH2 initial response as sent on the wire."""
    return base64.b64encode(sasl_string(user, token).encode("utf-8")).decode("ascii")


def wants_token(server: Server) -> bool:
    """True when the address asks for XOAUTH2 (so no password is needed)."""
    return server.auth == "xoauth2"


def _responder(user: str, token: str) -> Callable[..., str]:
    """Answers the first challenge with the string, any later one (an error) with nothing."""
    calls = 0

    def respond(challenge: bytes | None = None) -> str:
        nonlocal calls
        calls += 1
        return sasl_string(user, token) if calls == 1 else ""

    return respond


def _source_for(server: Server, offered: Iterable[str]) -> TokenSource | None:
    """The token source to use, or None to sign in with a password as before."""
    if wants_token(server):
        return _required_source()
    mechanisms = {m.upper() for m in offered}
    if MECHANISM in mechanisms and not mechanisms & _PASSWORD_MECHANISMS:
        return configured_source()
    return None


def smtp_sign_in(smtp: smtplib.SMTP, server: Server, password: str | None) -> None:
    """Sign in to an SMTP relay after EHLO: XOAUTH2 when chosen, else the password login."""
    if server.username is None:
        return
    offered = (smtp.esmtp_features.get("auth") or "").split()
    source = _source_for(server, offered)
    if source is None:
        smtp.login(server.username, password or "")
        return
    try:
        smtp.auth(MECHANISM, _responder(server.username, source()))
    except smtplib.SMTPAuthenticationError as error:
        raw = error.smtp_error
        said = " ".join((raw.decode("utf-8", "replace") if isinstance(raw, bytes) else raw).split())
        reply = explained(f"{error.smtp_code} {said}")
        raise TokenRefused(f"the access token was refused ({reply})") from None


def imap_sign_in(imap: imaplib.IMAP4, server: Server, password: str | None) -> None:
    """Sign in to an IMAP server: XOAUTH2 when chosen, else LOGIN with the password."""
    if server.username is None:
        return
    offered = [c[5:] for c in imap.capabilities if c.upper().startswith("AUTH=")]
    if "LOGINDISABLED" not in imap.capabilities:
        offered.append("LOGIN")
    source = _source_for(server, offered)
    if source is None:
        imap.login(server.username, password or "")
        return
    respond = _responder(server.username, source())
    try:
        imap.authenticate(MECHANISM, lambda challenge: respond(challenge).encode("utf-8"))
    except imaplib.IMAP4.error as error:
        said = " ".join(
            a.decode("utf-8", "replace") if isinstance(a, bytes) else str(a) for a in error.args
        )
        raise TokenRefused(f"the access token was refused ({explained(said)})") from None
