"""`summit serve` against the real server on 127.0.0.1: who may drive the app, and what it loads.

Each test starts `python -m summit serve` in a subprocess on a free loopback port and talks to
it with aiohttp's client, as a browser or a script on the same machine would.
"""

import asyncio
import os
import re
import select
import shutil
import socket
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import aiohttp
import pytest

from tests.conftest import REPO

SAMPLE_TITLE = "Summit on child-abuse imagery"
EVIL = "http://evil.example"
ESCAPES = re.compile(rb"\x1b(\[[0-9;?$]*[A-Za-z]|\][^\x07\x1b]*(\x07|\x1b\\))")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def serve(*args: str | Path, cwd: Path | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "summit", "serve", *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=cwd,
    )


def run_serve(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """`summit serve` that must end by itself (a refusal or an error); killed if it does not."""
    command = [sys.executable, "-m", "summit", "serve", *map(str, args)]
    return subprocess.run(command, capture_output=True, text=True, timeout=30, check=False)


def printed_address(process: subprocess.Popen[str], timeout: float = 30.0) -> str:
    """The address with the token, as the server prints it once it listens."""
    assert process.stdout is not None
    # Straight from the pipe: a buffered readline could hold the line while select waits.
    pipe, printed = process.stdout.fileno(), b""
    while select.select([pipe], [], [], timeout)[0] and (chunk := os.read(pipe, 4096)):
        printed += chunk
        if found := re.search(rb"(http://\S+\?token=\S+)\s", printed):
            return found.group(1).decode()
    process.kill()
    _, errors = process.communicate()
    raise AssertionError(f"no address printed:\n{printed.decode()}\n{errors}")


@dataclass
class Served:
    process: subprocess.Popen[str]
    port: int
    url: str

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def token(self) -> str:
        return self.url.split("token=", 1)[1]

    @property
    def ws(self) -> str:
        return f"{self.origin}/ws?width=120&height=40"

    def app_processes(self) -> list[int]:
        """The server's children: textual-serve starts one app process per WebSocket."""
        children: list[int] = []
        for task in Path(f"/proc/{self.process.pid}/task").iterdir():
            children += [int(pid) for pid in (task / "children").read_text().split()]
        return children


def start(root: Path, cwd: Path | None = None) -> Served:
    port = free_port()
    process = serve(f"--data={root}", "--port", port, cwd=cwd)
    return Served(process, port, printed_address(process))


def stop(server: Served) -> None:
    """SIGTERM, as a service manager would: the server ends cleanly, or is killed and fails."""
    server.process.terminate()
    try:
        server.process.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.communicate()
        raise
    assert server.process.returncode == 0


@pytest.fixture
def served(data_dir: Path) -> Iterator[Served]:
    server = start(data_dir)
    yield server
    stop(server)


def browser() -> aiohttp.ClientSession:
    # aiohttp keeps no cookie from an IP address unless told to; browsers do keep them.
    return aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))


async def refused_websocket(session: aiohttp.ClientSession, url: str, **kwargs: str) -> int:
    """The status of a WebSocket handshake that must fail."""
    with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
        async with session.ws_connect(url, **kwargs):
            pass
    return refused.value.status


async def app_screen(ws: aiohttp.ClientWebSocketResponse, wanted: str) -> str:
    """What the app draws, as text, until `wanted` shows or ten seconds pass."""
    drawn = b""
    try:
        async with asyncio.timeout(10):
            async for message in ws:
                if message.type == aiohttp.WSMsgType.BINARY:
                    drawn += message.data
                    if wanted in ESCAPES.sub(b"", drawn).decode(errors="replace"):
                        break
    except TimeoutError:
        pass
    return ESCAPES.sub(b"", drawn).decode(errors="replace")


async def test_the_page_needs_the_printed_token(served: Served) -> None:
    assert served.url == f"{served.origin}/?token={served.token}"
    assert len(served.token) >= 40
    async with browser() as session:
        for url in ("/", "/?token=wrong", "/?token=é", "/static/js/textual.js", "/download/x"):
            async with session.get(served.origin + url) as reply:
                assert reply.status == 403, url
                assert "token" in await reply.text()
            assert not session.cookie_jar.filter_cookies(served.origin)


async def test_the_token_opens_the_page_and_sets_a_strict_cookie(served: Served) -> None:
    async with browser() as session:
        async with session.get(served.url) as page:
            assert page.status == 200
            assert "summit" in await page.text()
            cookie = page.cookies[f"summit-token-{served.port}"]
        assert cookie.value == served.token
        assert cookie["httponly"] is True
        assert cookie["samesite"] == "Strict"
        assert cookie["path"] == "/"
        # The page's own requests carry the cookie, not the token.
        async with session.get(f"{served.origin}/static/js/textual.js") as script:
            assert script.status == 200


async def test_a_websocket_without_the_token_is_refused_and_starts_no_app(
    served: Served,
) -> None:
    async with browser() as session:
        assert await refused_websocket(session, served.ws, origin=served.origin) == 403
        assert await refused_websocket(session, served.ws + "&token=wrong") == 403
    assert served.app_processes() == []


async def test_a_websocket_from_another_site_is_refused_even_with_the_token(
    served: Served,
) -> None:
    async with browser() as session:
        async with session.get(served.url) as page:
            assert page.status == 200  # the cookie is in the jar, as in the user's browser
        assert await refused_websocket(session, served.ws, origin=EVIL) == 403
        with_token = f"{served.ws}&token={served.token}"
        assert await refused_websocket(session, with_token, origin=EVIL) == 403
        # DNS rebinding: a foreign name resolving to 127.0.0.1 is refused by Host.
        foreign_host = {"Host": f"evil.example:{served.port}"}
        origin = f"http://evil.example:{served.port}"
        assert (
            await refused_websocket(session, with_token, origin=origin, headers=foreign_host) == 403
        )
        async with session.get(served.url, headers=foreign_host) as page:
            assert page.status == 403
    assert served.app_processes() == []


async def test_a_websocket_with_the_token_from_the_page_drives_the_app(served: Served) -> None:
    async with browser() as session:
        async with session.get(served.url) as page:
            assert page.status == 200
        async with session.ws_connect(served.ws, origin=served.origin) as ws:
            assert SAMPLE_TITLE in await app_screen(ws, SAMPLE_TITLE)
            assert len(served.app_processes()) == 1
    # A script with the token and no browser (no Origin) is the user too.
    url = f"{served.ws}&token={served.token}"
    async with aiohttp.ClientSession() as script, script.ws_connect(url) as ws:
        assert SAMPLE_TITLE in await app_screen(ws, SAMPLE_TITLE)


class Resources(HTMLParser):
    """Every address a page names in an attribute or a CSS url()."""

    def __init__(self) -> None:
        super().__init__()
        self.addresses: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value and (name in ("src", "href", "action") or name.endswith("-url")):
                self.addresses.append(value)

    def handle_data(self, data: str) -> None:
        self.addresses += re.findall(r"""url\(["']?([^"')]+)""", data)


async def test_the_page_and_what_it_loads_name_no_other_host(served: Served) -> None:
    async with browser() as session:
        async with session.get(served.url) as reply:
            page = await reply.text()
            policy = reply.headers["Content-Security-Policy"]
        found = Resources()
        found.feed(page)
        addresses = [urljoin(served.url, address) for address in found.addresses]
        assert {urlsplit(address).netloc for address in addresses} == {
            f"127.0.0.1:{served.port}"
        }, addresses
        assert any(address.endswith(".ttf") for address in addresses)  # the fonts, served here
        # Outside those attributes the page names no host at all.
        assert re.findall(r"(?:https?|wss?)://[^\s\"'<]+", page) == [
            f"ws://127.0.0.1:{served.port}/ws"
        ]
        for address in addresses:
            if address.startswith("http"):
                async with session.get(address) as asset:
                    assert asset.status == 200, address
                    body = await asset.read()
                if address.endswith((".css", ".js")):
                    code = re.sub(rb"/\*.*?\*/", b"", body, flags=re.DOTALL)  # licence notes
                    assert not re.findall(rb"(?:https?|wss?)://", code), address
    assert "default-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.0.2.1", "summit.example"])
def test_a_host_others_can_reach_needs_allow_remote(host: str) -> None:
    done = run_serve("--data", REPO, "--host", host, "--port", free_port())
    assert done.returncode == 2
    assert f"will not serve on {host}" in done.stderr
    assert "--allow-remote" in done.stderr
    assert "Traceback" not in done.stderr
    assert "token=" not in done.stdout


def test_allow_remote_serves_with_a_warning_or_says_why_it_cannot() -> None:
    # 192.0.2.1 is for documentation (RFC 5737): no machine has it, so the bind fails
    # here without any packet leaving; the flag let it get that far.
    done = run_serve("--data", REPO, "--host", "192.0.2.1", "--allow-remote", "--port", 8000)
    assert "anyone who can reach port 8000 and learns the token" in done.stderr
    assert "summit: cannot listen on 192.0.2.1:8000:" in done.stderr
    assert "Traceback" not in done.stderr
    assert done.returncode == 2


def test_a_port_in_use_is_a_clear_error() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = run_serve("--data", REPO, "--port", port)
    assert done.returncode == 2
    assert f"summit: cannot listen on 127.0.0.1:{port}:" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("port", ["0", "65536", "http"])
def test_a_port_out_of_range_is_a_usage_error(port: str) -> None:
    done = run_serve("--data", REPO, "--port", port)
    assert done.returncode == 2
    assert "is not a port number" in done.stderr


async def test_the_data_directory_reaches_the_app_intact_through_the_shell(
    data_dir: Path, tmp_path: Path
) -> None:
    """A folder name the shell or argparse would misread still opens, and runs nothing."""
    odd = tmp_path / "-data;touch\tpwned"
    shutil.copytree(data_dir, odd)
    # Relative, as typed: `--data=./-data...` (pathlib drops the `./`).
    server = start(Path(odd.name), cwd=tmp_path)
    url = f"{server.ws}&token={server.token}"
    try:
        async with aiohttp.ClientSession() as script, script.ws_connect(url) as ws:
            assert SAMPLE_TITLE in await app_screen(ws, SAMPLE_TITLE)
    finally:
        stop(server)
    assert not list(tmp_path.rglob("pwned"))
