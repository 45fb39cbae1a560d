"""Replies from a mailbox over IMAP (imaplib): read new messages, mark what was imported.

Nothing is ever deleted or moved: a message whose replies were recorded (or
ignored as stale, which is an answer too) gets the keyword `$SummitImported`,
and the next fetch asks the server only for messages without it. Messages are
read with BODY.PEEK, so they stay unread in the user's mail client.
"""

import contextlib
import imaplib
import ssl
from collections.abc import Sequence
from types import TracebackType

from summit.delivery.oauth_token import TokenUnavailable
from summit.delivery.settings import Server
from summit.delivery.xoauth2 import imap_sign_in

KEYWORD = "$SummitImported"
TIMEOUT_SECONDS = 30


class MailboxFailed(Exception):
    """The server cannot be reached, refused the login or the folder, or broke off."""


def _text(data: object) -> str:
    if isinstance(data, list):
        return " ".join(_text(item) for item in data)
    if isinstance(data, bytes):
        return data.decode("utf-8", "replace")
    return str(data)


def _said(error: BaseException) -> str:
    """imaplib's error as the server worded it (its text arrives as bytes)."""
    return _text(error.args[0]) if error.args else str(error)


def _quoted(folder: str) -> str:
    return '"' + folder.replace("\\", "\\\\").replace('"', '\\"') + '"'


class ImapMailbox:
    """One IMAP session on one folder (the URL's path, else INBOX)."""

    def __init__(self, server: Server, password: str | None = None) -> None:
        self.server = server
        self.password = password
        self.folder = server.path or "INBOX"
        self._imap: imaplib.IMAP4 | None = None

    def __enter__(self) -> "ImapMailbox":
        try:
            self._imap = self._connect()
            self._check(self._imap.select(_quoted(self.folder)), f"open the folder {self.folder}")
        except (OSError, imaplib.IMAP4.error, TokenUnavailable) as error:
            self._close()
            raise MailboxFailed(f"cannot use {self.server.shown()}: {_said(error)}") from error
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self._close()

    def _close(self) -> None:
        imap, self._imap = self._imap, None
        if imap is None:
            return
        with contextlib.suppress(OSError, imaplib.IMAP4.error):
            imap.logout()

    def _connect(self) -> imaplib.IMAP4:
        server = self.server
        imap: imaplib.IMAP4
        if server.implicit_tls:
            imap = imaplib.IMAP4_SSL(
                server.host,
                server.port,
                ssl_context=ssl.create_default_context(),
                timeout=TIMEOUT_SECONDS,
            )
        else:
            imap = imaplib.IMAP4(server.host, server.port, timeout=TIMEOUT_SECONDS)
        self._imap = imap
        if not server.implicit_tls and server.starttls and "STARTTLS" in imap.capabilities:
            imap.starttls(ssl.create_default_context())
        imap_sign_in(imap, server, self.password)  # XOAUTH2 or the password
        return imap

    @staticmethod
    def _check(answer: tuple[str, Sequence[object]], doing: str) -> Sequence[object]:
        status, data = answer
        if status != "OK":
            raise MailboxFailed(f"the server would not {doing}: {_text(data)}")
        return data

    def _session(self) -> imaplib.IMAP4:
        if self._imap is None:
            raise MailboxFailed("not connected")
        return self._imap

    def new_messages(self) -> list[tuple[str, bytes]]:
        """Every message in the folder not yet marked imported, by UID, oldest first."""
        imap = self._session()
        try:
            found = self._check(imap.uid("SEARCH", "UNKEYWORD", KEYWORD), "search")
            uids = _text(found).split()
            return [(uid, self._fetch(imap, uid)) for uid in uids]
        except (OSError, imaplib.IMAP4.error) as error:
            raise MailboxFailed(f"{self.server.shown()}: {_said(error)}") from error

    def _fetch(self, imap: imaplib.IMAP4, uid: str) -> bytes:
        data = self._check(imap.uid("FETCH", uid, "(BODY.PEEK[])"), f"fetch message {uid}")
        for item in data:
            if isinstance(item, tuple) and len(item) == 2 and isinstance(item[1], bytes):
                return item[1]
        raise MailboxFailed(f"the server sent no message for UID {uid}")

    def mark(self, uids: list[str]) -> None:
        """Mark messages imported (a keyword; never deleted, never moved)."""
        if not uids:
            return
        imap = self._session()
        try:
            self._check(imap.uid("STORE", ",".join(uids), "+FLAGS", f"({KEYWORD})"), "mark")
        except (OSError, imaplib.IMAP4.error) as error:
            raise MailboxFailed(f"{self.server.shown()}: {_said(error)}") from error
