"""`summit serve`: the app in a web browser, for the person who started it and no one else.

textual-serve starts one app process per WebSocket and types into it what arrives there, so
whoever opens that WebSocket drives the app with the user's files. Its own server asks for no
credentials and takes any Origin: any web page the user visits, or any local process, could.
This serves the same routes behind

- a secret token, new at each start and printed in the address to open (as Jupyter does); the
  first page load carries it in `?token=` and gets an HttpOnly, SameSite=Strict cookie that
  the page's own requests (static files, the WebSocket) then carry;
- a check that Host names this server and that an Origin, when sent, is this server: pages of
  other sites and DNS rebinding are refused even before the token is looked at;
- a page that loads nothing from another host (its fonts are the ones textual-serve ships).
"""

import argparse
import hmac
import ipaddress
import secrets
import shlex
import socket
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path

import jinja2
from aiohttp import hdrs, web
from rich.console import Console
from textual_serve.server import Server, to_int

from summit.store import find_data_dir

TEMPLATES = Path(__file__).parent / "templates"
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]")
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

NO_TOKEN = (
    "summit serve: this address needs the token that `summit serve` printed when it started; "
    "open the whole address it printed."
)
FOREIGN = "summit serve: refused: the request does not come from this server's own page."


def is_loopback(host: str) -> bool:
    """True for a name or address that only this machine can reach."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _is_wildcard(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_unspecified
    except ValueError:
        return False


def _in_url(host: str) -> str:
    return f"[{host}]" if ":" in host else host


def _host_names(host: str, port: int) -> frozenset[str] | None:
    """What a browser sends as Host for this server; None when bound to every address."""
    if _is_wildcard(host):
        return None
    names = {_in_url(host).lower()}
    if is_loopback(host):
        names.update(LOOPBACK_NAMES)
    # Browsers leave the default port out of Host and Origin.
    return frozenset({f"{name}:{port}" for name in names} | (names if port == 80 else set()))


class PrivateServer:
    """textual-serve's page, WebSocket, downloads and static files behind a token and Origin."""

    def __init__(self, command: str, host: str, port: int) -> None:
        self.textual = Server(command, host=host, port=port, title="summit")
        self.host, self.port = host, port
        self.token = secrets.token_urlsafe(32)
        # Cookies ignore the port: a name per port keeps two servers on one machine apart.
        self.cookie = f"summit-token-{port}"
        self._hosts = _host_names(host, port)
        self._pages = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True)

    @property
    def url(self) -> str:
        """The address to open, token included."""
        shown = socket.gethostname() if _is_wildcard(self.host) else _in_url(self.host)
        return f"http://{shown}:{self.port}/?token={self.token}"

    def app(self) -> web.Application:
        app = web.Application(middlewares=[self._guard])
        app.add_routes(
            [
                web.get("/", self._index),
                web.get("/ws", self.textual.handle_websocket),
                web.get("/download/{key}", self.textual.handle_download),
                web.static("/static", self.textual.statics_path),
            ]
        )
        return app

    def serve(self, announce: Callable[[str], None]) -> None:
        """Listen until Ctrl+C or SIGTERM; `announce` gets the address once listening."""
        web.run_app(
            self.app(),
            host=self.host,
            port=self.port,
            # aiohttp calls `print` once the socket listens: the moment to give the address.
            print=lambda *_: announce(self.url),
            # An access log would write every address, token included.
            access_log=None,
            shutdown_timeout=5,
        )

    @web.middleware
    async def _guard(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        if not self._from_here(request):
            raise web.HTTPForbidden(text=FOREIGN)
        in_query = self._is_token(request.query.get("token"))
        if not (in_query or self._is_token(request.cookies.get(self.cookie))):
            raise web.HTTPForbidden(text=NO_TOKEN)
        response = await handler(request)
        if not response.prepared:  # a WebSocket or download has sent its headers already
            response.headers[hdrs.REFERRER_POLICY] = "no-referrer"
            if in_query:
                response.set_cookie(
                    self.cookie, self.token, httponly=True, samesite="Strict", path="/"
                )
        return response

    def _from_here(self, request: web.Request) -> bool:
        """Host names this server (no DNS rebinding); an Origin, if sent, is this server."""
        host = request.host.lower()
        if self._hosts is not None and host not in self._hosts:
            return False
        origin = request.headers.get(hdrs.ORIGIN)
        return origin is None or origin.lower() == f"http://{host}"

    def _is_token(self, given: str | None) -> bool:
        # Constant time, so that the token cannot be guessed a character at a time.
        return given is not None and hmac.compare_digest(given.encode(), self.token.encode())

    async def _index(self, request: web.Request) -> web.Response:
        # Addresses relative to the Host the browser used (checked above), so that
        # localhost and 127.0.0.1 both work and the cookie goes with every request.
        page = self._pages.get_template("app_index.html").render(
            font_size=to_int(request.query.get("fontsize", "16"), 16),
            app_websocket_url=f"ws://{request.host}/ws",
            config={"static": {"url": "/static/"}},
            application={"name": "summit"},
        )
        return web.Response(
            text=page,
            content_type="text/html",
            headers={
                hdrs.CONTENT_SECURITY_POLICY: _policy(request.host),
                hdrs.CACHE_CONTROL: "no-store",
            },
        )


def _policy(host: str) -> str:
    """The browser loads nothing from elsewhere and no other site may frame the app."""
    # Inline script and style: the page's own, and the terminal's generated styles.
    return (
        "default-src 'self'; script-src 'self' 'unsafe-inline'; "
        "style-src 'self' 'unsafe-inline'; "
        f"connect-src 'self' ws://{host}; frame-ancestors 'none'; base-uri 'none'; "
        "form-action 'none'"
    )


def serve(args: argparse.Namespace, out: Console, err: Console) -> int:
    """The `summit serve` verb."""
    host, port = args.host, args.port
    remote = not is_loopback(host)
    if remote and not args.allow_remote:
        err.print(
            f"summit: will not serve on {host}: other machines could reach it. "
            "Use the default 127.0.0.1, or pass --allow-remote if you accept that anyone who "
            "can reach the port and learns the token can use the app with your files "
            "(over plain, unencrypted HTTP).",
            markup=False,
        )
        return 2
    root = find_data_dir(args.data, Path.cwd()).resolve()
    # textual-serve runs this through the shell: every part quoted, the path absolute.
    command = shlex.join([sys.executable, "-m", "summit", "app", "--data", str(root)])
    server = PrivateServer(command, host, port)
    if remote:
        err.print(
            f"summit: warning: serving on {host}: anyone who can reach port {port} and learns "
            "the token can use the app with your files; the traffic is not encrypted.",
            markup=False,
        )

    def announce(url: str) -> None:
        out.print(
            f"summit is served at\n\n    {url}\n\nOpen that address in your browser. "
            "Keep it to yourself: whoever has it can use the app with your files. "
            "Ctrl+C stops the server.",
            markup=False,
        )

    try:
        server.serve(announce)
    except OSError as error:
        reason = error.strerror or error
        err.print(f"summit: cannot listen on {host}:{port}: {reason}", markup=False)
        return 2
    return 0
