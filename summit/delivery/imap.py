"""Replies from a mailbox over IMAP (imaplib): read new messages, mark what was imported.

Nothing is ever deleted or moved: a message whose replies were recorded (or
ignored as stale, which is an answer too) gets the keyword `$SummitImported`,
and the next fetch asks the server only for messages without it. Messages are
read with BODY.PEEK, so they stay unread in the user's mail client.
"""

import contextlib
import imaplib
import re
import socket
import ssl
from collections.abc import Callable, Sequence
from types import TracebackType

from summit.delivery.deadline import Deadline, cut, read_timeout
from summit.delivery.failures import network_failure
from summit.delivery.mailfolder import MAX_MESSAGE_BYTES
from summit.delivery.oauth_token import TokenUnavailable
from summit.delivery.settings import Server
from summit.delivery.xoauth2 import imap_sign_in

KEYWORD = "$SummitImported"
OVER = f"over the {MAX_MESSAGE_BYTES >> 20} MiB limit: not read"
_SIZE = re.compile(rb"UID (\d+) RFC822\.SIZE (\d+)|RFC822\.SIZE (\d+) UID (\d+)")


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


def sizes_by_uid(data: Sequence[object]) -> dict[str, int]:
    """`1 (UID 7 RFC822.SIZE 2048)` lines: each message's size by UID."""
    sizes: dict[str, int] = {}
    for line in data:
        text = line if isinstance(line, bytes) else b""
        for match in _SIZE.finditer(text):
            uid, size = (match[1], match[2]) if match[1] else (match[4], match[3])
            sizes[uid.decode()] = int(size)
    return sizes


def _quoted(folder: str) -> str:
    return '"' + folder.replace("\\", "\\\\").replace('"', '\\"') + '"'


class _WatchedImap(imaplib.IMAP4):
    """imaplib connects while constructing: the socket is handed over as soon as it exists,
    so that the deadline can cut a greeting that is trickled."""

    def __init__(
        self, watch: Callable[[socket.socket], None], host: str, port: int, timeout: float
    ) -> None:
        self._watch = watch
        super().__init__(host, port, timeout=timeout)

    def _create_socket(self, timeout: float | None) -> socket.socket:
        sock = super()._create_socket(timeout)  # type: ignore[misc]
        self._watch(sock)
        return sock  # type: ignore[no-any-return]


class _WatchedImapSsl(imaplib.IMAP4_SSL):
    def __init__(
        self, watch: Callable[[socket.socket], None], host: str, port: int, timeout: float
    ) -> None:
        self._watch = watch
        context = ssl.create_default_context()
        super().__init__(host, port, ssl_context=context, timeout=timeout)

    def _create_socket(self, timeout: float | None) -> socket.socket:
        sock = super()._create_socket(timeout)  # type: ignore[misc]
        self._watch(sock)
        return sock  # type: ignore[no-any-return]


class ImapMailbox:
    """One IMAP session on one folder (the URL's path, else INBOX)."""

    def __init__(self, server: Server, password: str | None = None) -> None:
        self.server = server
        self.password = password
        self.folder = server.path or "INBOX"
        self._imap: imaplib.IMAP4 | None = None
        self.too_large: list[str] = []
        """Messages not read for their size, each with a sentence."""
        self._socket: socket.socket | None = None
        self._deadline = Deadline(lambda: cut(self._socket))

    def _watch(self, sock: socket.socket) -> None:
        self._socket = sock

    def _said(self, error: BaseException) -> str:
        return self._deadline.said(_said(error))

    def __enter__(self) -> "ImapMailbox":
        self._deadline.start()  # the whole session: login, search, every fetch, marking
        try:
            self._imap = self._connect()
            self._check(self._imap.select(_quoted(self.folder)), f"open the folder {self.folder}")
        except (OSError, imaplib.IMAP4.error, TokenUnavailable) as error:
            self._close()
            raise MailboxFailed(f"cannot use {self.server.shown()}: {self._why(error)}") from error
        return self

    def _why(self, error: BaseException) -> str:
        """The failure in words (a bare `111` from imaplib is a refused connection)."""
        if self._deadline.expired:
            return self._deadline.said("")
        return network_failure(error, self.server.host, self.server.port) or _said(error)

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self._close()

    def _close(self) -> None:
        imap, self._imap = self._imap, None
        self._deadline.cancel()
        if imap is None:
            return
        with contextlib.suppress(OSError, imaplib.IMAP4.error):
            imap.logout()

    def _connect(self) -> imaplib.IMAP4:
        server = self.server
        imap: imaplib.IMAP4
        if server.implicit_tls:
            imap = _WatchedImapSsl(self._watch, server.host, server.port, read_timeout())
        else:
            imap = _WatchedImap(self._watch, server.host, server.port, read_timeout())
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
            uids = self._small_enough(imap, _text(found).split())
            return [(uid, self._fetch(imap, uid)) for uid in uids]
        except (OSError, imaplib.IMAP4.error) as error:
            raise MailboxFailed(f"{self.server.shown()}: {self._why(error)}") from error

    def _small_enough(self, imap: imaplib.IMAP4, uids: list[str]) -> list[str]:
        """The messages not over the size limit, asked before any is read (RFC822.SIZE)."""
        if not uids:
            return []
        data = self._check(imap.uid("FETCH", ",".join(uids), "(RFC822.SIZE)"), "give sizes")
        sizes = sizes_by_uid(data)
        for uid in uids:
            if sizes.get(uid, 0) > MAX_MESSAGE_BYTES:
                self.too_large.append(f"message {uid}: {sizes[uid]:,} bytes, {OVER}")
        return [uid for uid in uids if sizes.get(uid, 0) <= MAX_MESSAGE_BYTES]

    def _fetch(self, imap: imaplib.IMAP4, uid: str) -> bytes:
        # At most one byte over the limit is asked for, whatever size the server said.
        part = f"(BODY.PEEK[]<0.{MAX_MESSAGE_BYTES + 1}>)"
        data = self._check(imap.uid("FETCH", uid, part), f"fetch message {uid}")
        for item in data:
            if isinstance(item, tuple) and len(item) == 2 and isinstance(item[1], bytes):
                if len(item[1]) > MAX_MESSAGE_BYTES:
                    self.too_large.append(f"message {uid}: {OVER}")
                    return b""
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
            raise MailboxFailed(f"{self.server.shown()}: {self._why(error)}") from error
