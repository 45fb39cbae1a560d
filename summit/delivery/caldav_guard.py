"""What a CalDAV server sends back is checked before the caldav library sees it.

The library follows redirects wherever they go, reads a reply whole however
large, and hands XML to lxml. Here each request goes through `guard`:
redirects are followed only on the same scheme, host and port (a 307 to
another host would have every object written there); a reply over
MAX_REPLY_BYTES is refused after reading at most that much; a reply with a
DTD (<!DOCTYPE, <!ENTITY: billion laughs, XXE) is refused unparsed, since
no CalDAV server needs one. Every request, with its reply read, runs
within the operation's overall deadline (summit.delivery.deadline).
"""

import re
from typing import Any
from urllib.parse import urljoin, urlsplit

from summit.delivery.deadline import Budget
from summit.delivery.mailfolder import MAX_MESSAGE_BYTES

MAX_REPLY_BYTES = MAX_MESSAGE_BYTES
_REDIRECTS = 5
_CHUNK = 1 << 16
_DTD = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)


class GuardRefused(Exception):
    """A server reply that is not read further, with the sentence to say."""


def _origin(url: str) -> tuple[str, str, int | None]:
    parts = urlsplit(url)
    port = parts.port or {"http": 80, "https": 443}.get(parts.scheme)
    return parts.scheme, (parts.hostname or "").lower(), port


def _read_capped(response: Any) -> bytes:
    """The body, read in chunks; refused once it passes the cap (memory stays bounded)."""
    body = bytearray()
    for chunk in response.iter_content(chunk_size=_CHUNK):
        body += chunk
        if len(body) > MAX_REPLY_BYTES:
            response.close()
            raise GuardRefused(
                f"the server's reply is over the {MAX_REPLY_BYTES >> 20} MiB limit: not read"
            )
    return bytes(body)


def _checked(response: Any) -> Any:
    body = _read_capped(response)
    if _DTD.search(body[:4096]):
        raise GuardRefused("the server's reply declares a DTD or entities: refused, not parsed")
    response._content = body  # what requests-style responses hold once read
    response._content_consumed = True
    return response


def guard(session: Any, budget: Budget) -> None:
    """Route a niquests session's requests through the checks above, within the budget."""
    request = session.request

    def guarded(method: str, url: str, **options: Any) -> Any:
        with budget.within():
            return followed(method, url, **options)

    def followed(method: str, url: str, **options: Any) -> Any:
        options["allow_redirects"] = False
        options["stream"] = True
        for _ in range(_REDIRECTS):
            response = request(method, url, **options)
            location = response.headers.get("Location")
            if response.status_code not in (301, 302, 303, 307, 308) or not location:
                return _checked(response)
            target = urljoin(url, location)
            if _origin(target) != _origin(url):
                response.close()
                raise GuardRefused(
                    f"the server redirected to another server ({_shown(target)}): "
                    "refused, nothing was written there"
                )
            url = target
        raise GuardRefused("the server redirected too many times")

    session.request = guarded


def _shown(url: str) -> str:
    parts = urlsplit(url)
    return "".join(
        c if c.isprintable() else repr(c)[1:-1] for c in f"{parts.scheme}://{parts.netloc}"
    )
