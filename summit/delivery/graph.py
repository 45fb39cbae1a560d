"""Microsoft Graph instead of SMTP and IMAP: for tenants where SMTP AUTH is off.

Sending posts each organisation's message, the same MIME bytes summit sends
over SMTP (so the same UID, SEQUENCE and iMIP rules), to `/me/sendMail` as
base64 with `Content-Type: text/plain`: Microsoft's documented way to send
MIME; a copy lands in Sent Items. Graph takes the recipients from the MIME's
own To and Cc headers, so a retry to only some of them (those an SMTP relay
refused last time) names only those in its headers. Fetching reads the inbox page by page
(`@odata.nextLink`), each candidate's MIME from `/messages/{id}/$value`, and
marks what was imported with a category; nothing is deleted or moved.

`{base}` is `SUMMIT_GRAPH_URL`, default https://graph.microsoft.com/v1.0;
plain http is accepted only for a loopback host (tests). urllib is enough
for a handful of requests a day and adds no dependency.
"""

import base64
import email
import json
import os
import time
import urllib.error
import urllib.request
from email import policy
from email.headerregistry import Address
from types import TracebackType
from typing import Any
from urllib.parse import quote, urlsplit

from summit.delivery.oauth_errors import explained
from summit.delivery.oauth_token import GRAPH, TokenSource, TokenUnavailable, required_source
from summit.delivery.smtp import MessageRefused, RelayFailed

DEFAULT_BASE = "https://graph.microsoft.com/v1.0"
CATEGORY = "Summit imported"
TIMEOUT_SECONDS = 30
MAX_RETRY_AFTER_SECONDS = 60
"""A longer throttle than this is reported rather than waited out."""
MAX_THROTTLED = 3
_LOOPBACK = {"127.0.0.1", "::1", "localhost"}


class GraphFailed(Exception):
    """Graph cannot be reached, refused the sign-in, or answered with an error."""


def graph_base() -> str:
    base = os.environ.get("SUMMIT_GRAPH_URL") or DEFAULT_BASE
    parts = urlsplit(base)
    if parts.scheme == "http" and parts.hostname in _LOOPBACK:
        return base.rstrip("/")
    if parts.scheme != "https" or not parts.hostname:
        raise GraphFailed(f"SUMMIT_GRAPH_URL {base!r}: Graph is reached over https://")
    return base.rstrip("/")


class GraphClient:
    """Authorised requests to Graph: 429 waits as told (bounded), 401 gets one fresh token."""

    def __init__(self, source: TokenSource | None = None, sleep: Any = time.sleep) -> None:
        self.base = graph_base()
        self._source = source
        self._token: str | None = None
        self._sleep = sleep

    def _bearer(self, fresh: bool = False) -> str:
        if self._token is None or fresh:
            try:
                self._token = (self._source or required_source(GRAPH))()
            except TokenUnavailable as error:
                raise GraphFailed(str(error)) from None
        return self._token

    def request(
        self, method: str, url: str, body: bytes | None = None, content_type: str | None = None
    ) -> bytes:
        """The response body; GraphFailed in words for anything but success."""
        url = url if url.startswith(("http://", "https://")) else self.base + url
        refreshed, throttled = False, 0
        while True:
            headers = {"Authorization": f"Bearer {self._bearer(fresh=False)}"}
            if content_type:
                headers["Content-Type"] = content_type
            ask = urllib.request.Request(url, data=body, headers=headers, method=method)
            try:
                with urllib.request.urlopen(ask, timeout=TIMEOUT_SECONDS) as answer:
                    return bytes(answer.read())
            except urllib.error.HTTPError as error:
                said = _error_text(error)
                if error.code == 401 and not refreshed:
                    refreshed = True
                    self._bearer(fresh=True)
                    continue
                if error.code == 401:
                    raise GraphFailed(
                        f"Graph refused the sign-in ({explained(said)}): sign in again with "
                        "`summit login microsoft`"
                    ) from None
                if error.code == 429 and throttled < MAX_THROTTLED:
                    wait = _retry_after(error.headers.get("Retry-After"))
                    if wait is not None:
                        throttled += 1
                        self._sleep(wait)
                        continue
                raise GraphFailed(f"Graph answered {error.code}: {explained(said)}") from None
            except (urllib.error.URLError, OSError) as error:
                reason = getattr(error, "reason", error)
                raise GraphFailed(f"cannot reach {self.base}: {reason}") from None


def _retry_after(value: str | None) -> float | None:
    try:
        seconds = float(value or "1")
    except ValueError:
        seconds = 1.0
    return max(seconds, 0.0) if seconds <= MAX_RETRY_AFTER_SECONDS else None


def _error_text(error: urllib.error.HTTPError) -> str:
    """Graph's own error code and message (never the request, which holds the token)."""
    try:
        found = json.loads(error.read() or b"{}").get("error", {})
    except (ValueError, AttributeError):
        return error.reason or ""
    if isinstance(found, dict):
        return " ".join(str(found.get(k, "")) for k in ("code", "message")).strip()
    return str(found)


class GraphSender:
    """A relay (summit.delivery.outbox.Relay) that sends through `/me/sendMail`."""

    def __init__(self, client: GraphClient | None = None) -> None:
        self._given = client
        self.client: GraphClient | None = None

    def __enter__(self) -> "GraphSender":
        try:
            self.client = self._given or GraphClient()
            self.client._bearer()
        except GraphFailed as error:
            raise RelayFailed(f"cannot use Microsoft Graph: {error}") from None
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.client = None

    def send(self, sender: str, recipients: list[str], message: bytes) -> dict[str, str]:
        """Send one message's MIME; Graph reports no per-recipient refusals."""
        if self.client is None:
            raise RelayFailed("not connected")
        body = base64.b64encode(_addressed_to(message, recipients))
        try:
            self.client.request("POST", "/me/sendMail", body, "text/plain")
        except GraphFailed as error:
            text = str(error)
            if " 400:" in text or " 413:" in text:
                raise MessageRefused(text) from None
            raise RelayFailed(text) from None
        return {}


def _addressed_to(message: bytes, recipients: list[str]) -> bytes:
    """The message with To and Cc naming only `recipients`: Graph sends to whoever they name."""
    mime = email.message_from_bytes(message, policy=policy.SMTP)
    wanted = {r.lower() for r in recipients}
    named = {
        a.addr_spec.lower(): a for h in ("To", "Cc") for a in getattr(mime[h], "addresses", ())
    }
    if set(named) == wanted:
        return message
    if not wanted <= set(named):
        raise MessageRefused("Graph sends only to the addresses a message names; not sent")
    for header in ("To", "Cc"):
        kept: list[Address] = [
            a for a in getattr(mime[header], "addresses", ()) if a.addr_spec.lower() in wanted
        ]
        del mime[header]
        if kept:
            mime[header] = kept
    return mime.as_bytes()


class GraphMailbox:
    """The signed-in user's inbox over Graph (a summit.delivery.mailbox.MailSource)."""

    folder = "Graph inbox"

    def __init__(self, client: GraphClient | None = None) -> None:
        self.client = client or GraphClient()

    def new_messages(self) -> list[tuple[str, bytes]]:
        """Each inbox message not yet in summit's category, oldest first, as MIME."""
        url: str | None = (
            "/me/mailFolders/inbox/messages?$select=id,categories,hasAttachments"
            "&$orderby=receivedDateTime&$top=50"
        )
        found: list[tuple[str, bytes]] = []
        while url:
            page = json.loads(self.client.request("GET", url) or b"{}")
            for item in page.get("value", []):
                if CATEGORY in item.get("categories", []):
                    continue
                mime = self.client.request(
                    "GET", f"/me/messages/{quote(item['id'], safe='')}/$value"
                )
                found.append((item["id"], mime))
            url = page.get("@odata.nextLink")
        return found

    def mark(self, ids: list[str]) -> None:
        """Add summit's category (never delete, never move)."""
        for message_id in ids:
            path = f"/me/messages/{quote(message_id, safe='')}"
            current = json.loads(self.client.request("GET", path + "?$select=categories") or b"{}")
            categories = [*current.get("categories", []), CATEGORY]
            body = json.dumps({"categories": categories}).encode()
            self.client.request("PATCH", path, body, "application/json")
