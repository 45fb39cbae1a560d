"""Where to send and fetch: server addresses from an option, the environment or the user's settings.

An address is a URL (`smtp://user@host:587`, `imaps://user@host`,
`https://host/calendars/user/summit/`). Passwords never go in a URL saved
anywhere, nor in the data repository: they come from the environment
(`SUMMIT_SMTP_PASSWORD`...) or a prompt.
"""

import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal
from urllib.parse import SplitResult, parse_qs, unquote, urlsplit

from summit.store.preferences import load_preferences, preferences_path

Service = Literal["smtp", "imap", "caldav"]

_DEFAULT_PORTS = {"smtp": 25, "smtps": 465, "imap": 143, "imaps": 993}


class SettingsError(ValueError):
    """A server address that cannot be used, or one that is missing."""


@dataclass(frozen=True, slots=True)
class Server:
    """A mail server's address: host, port, user and how to secure the connection."""

    scheme: str
    host: str
    port: int
    username: str | None
    implicit_tls: bool
    starttls: bool
    """Use STARTTLS when the server offers it (off with `?starttls=no`)."""
    path: str = ""
    auth: str = ""
    """The SASL mechanism asked for with `?auth=` (e.g. `xoauth2`); empty means choose."""

    def shown(self) -> str:
        user = f"{self.username}@" if self.username else ""
        return printable(f"{self.scheme}://{user}{self.host}:{self.port}")


def printable(text: str) -> str:
    """Text from a URL as it can be shown: control characters (a CR LF in a user name) escaped."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def _origin(service: Service, url: str) -> str:
    """Where an address came from, so that a bad one can be found and fixed."""
    if os.environ.get(f"SUMMIT_{service.upper()}_URL") == url:
        return f"SUMMIT_{service.upper()}_URL"
    if load_preferences().get(f"{service}_url") == url:
        return f"{service}_url in {preferences_path()}"
    return f"--{service}"


def _split(service: Service, url: str) -> SplitResult:
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - a port that is not a number fails here, not later
    except ValueError as error:
        why = "the port is not a number from 1 to 65535" if "Port" in str(error) else str(error)
        raise SettingsError(
            f"{_origin(service, url)}: {printable(repr(url))} is not a valid address: {why}"
        ) from None
    return parts


def server_url(service: Service, given: str | None) -> str:
    """The address to use: the option, else `SUMMIT_<SERVICE>_URL`, else the user's settings."""
    url = given or os.environ.get(f"SUMMIT_{service.upper()}_URL")
    if not url:
        saved = load_preferences().get(f"{service}_url")
        url = saved if isinstance(saved, str) else None
    if not url:
        raise SettingsError(
            f"no {service.upper()} server: give --{service} URL, set SUMMIT_{service.upper()}_URL, "
            f"or add {service}_url to {preferences_path()}"
        )
    return url


def parse_mail_url(url: str, schemes: tuple[str, str]) -> Server:
    """`smtp://user@host:port?starttls=no` (plain, then STARTTLS) or `smtps://...` (TLS)."""
    plain, secure = schemes
    service: Service = "smtp" if plain == "smtp" else "imap"
    parts = _split(service, url)
    shown = f"{_origin(service, url)}: {printable(repr(url))}"
    if parts.scheme not in schemes:
        raise SettingsError(f"{shown}: the address must start with {plain}:// or {secure}://")
    port = parts.port
    if not parts.hostname:
        raise SettingsError(f"{shown}: no server name")
    if parts.password is not None:
        raise SettingsError(
            f"{printable(f'{parts.scheme}://{parts.hostname}')}: do not put the password in "
            f"the address; set SUMMIT_{plain.upper()}_PASSWORD or type it when asked"
        )
    options = parse_qs(parts.query)
    starttls = options.get("starttls", ["yes"])[-1].lower() not in ("no", "false", "0")
    return Server(
        scheme=parts.scheme,
        host=parts.hostname,
        port=port or _DEFAULT_PORTS[parts.scheme],
        username=unquote(parts.username) if parts.username else None,
        implicit_tls=parts.scheme == secure,
        starttls=starttls,
        path=unquote(parts.path.lstrip("/")),
        auth=options.get("auth", [""])[-1].lower(),
    )


def password_for(
    service: Service, username: str | None, ask: Callable[[str], str] | None
) -> str | None:
    """The password: `SUMMIT_<SERVICE>_PASSWORD`, else asked for; None when there is no user."""
    if username is None:
        return None
    found = os.environ.get(f"SUMMIT_{service.upper()}_PASSWORD")
    if found is not None:
        return found
    if ask is None:
        raise SettingsError(
            f"no password for {username}: set SUMMIT_{service.upper()}_PASSWORD "
            "(summit never stores it)"
        )
    return ask(f"{service.upper()} password for {username}: ")


def parse_caldav_url(url: str) -> tuple[str, str | None]:
    """`https://user@host/calendars/team/`: the calendar's URL without the user, and the user."""
    parts = _split("caldav", url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise SettingsError(
            f"{_origin('caldav', url)}: {printable(repr(url))}: a calendar's address starts "
            "with https:// (or http://)"
        )
    if parts.password is not None:
        raise SettingsError(
            f"{printable(f'{parts.scheme}://{parts.hostname}')}: do not put the password in "
            "the address; set SUMMIT_CALDAV_PASSWORD or type it when asked"
        )
    host = parts.hostname if ":" not in parts.hostname else f"[{parts.hostname}]"
    netloc = host if parts.port is None else f"{host}:{parts.port}"
    bare = parts._replace(netloc=netloc).geturl()
    return bare, unquote(parts.username) if parts.username else None
