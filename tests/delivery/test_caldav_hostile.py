"""CalDAV servers that misbehave: redirects elsewhere, hostile XML, huge replies."""

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.conftest import SAMPLE_SUMMIT

LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<d:multistatus xmlns:d="DAV:"><d:response><d:href>&lol3;</d:href></d:response></d:multistatus>"""
XXE = b"""<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<d:multistatus xmlns:d="DAV:"><d:response><d:href>&x;</d:href></d:response></d:multistatus>"""
MALFORMED = b'<?xml version="1.0"?><d:multistatus xmlns:d="DAV:"><d:response><d:href>'


class Scripted(BaseHTTPRequestHandler):
    reply: tuple[int, dict[str, str], bytes] = (200, {}, b"")
    big = 0
    seen: list[str]

    def _answer(self) -> None:
        self.seen.append(f"{self.command} {self.path}")
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        status, headers, body = self.reply
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Type", "application/xml")
        self.send_header("Content-Length", str(len(body) + self.big))
        self.end_headers()
        self.wfile.write(body)
        chunk = b" " * (1 << 20)
        for _ in range(self.big >> 20):
            try:
                self.wfile.write(chunk)
            except OSError:
                return

    do_GET = do_PUT = do_REPORT = do_PROPFIND = do_DELETE = do_OPTIONS = _answer

    def log_message(self, *args: object) -> None:
        pass


def serve(
    reply: tuple[int, dict[str, str], bytes], big: int = 0
) -> tuple[ThreadingHTTPServer, list[str]]:
    seen: list[str] = []
    handler = type("Handler", (Scripted,), {"reply": reply, "big": big, "seen": seen})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, seen


@pytest.fixture
def servers() -> Iterator[list[ThreadingHTTPServer]]:
    started: list[ThreadingHTTPServer] = []
    yield started
    for server in started:
        server.shutdown()
        server.server_close()


def publish(cli, data_dir: Path, port: int):
    url = f"http://127.0.0.1:{port}/cal/"
    return cli("publish", SAMPLE_SUMMIT, "--data", data_dir, "--caldav", url)


def test_a_redirect_to_another_host_is_refused(data_dir: Path, cli, servers) -> None:
    elsewhere, seen_there = serve((207, {}, b'<d:multistatus xmlns:d="DAV:"/>'))
    target = f"http://127.0.0.1:{elsewhere.server_port}/cal/"
    redirect, _ = serve((307, {"Location": target}, b""))
    servers += [elsewhere, redirect]
    result = publish(cli, data_dir, redirect.server_port)
    assert result.code == 1
    assert "redirected to another server" in result.err
    assert f"127.0.0.1:{elsewhere.server_port}" in result.err
    assert seen_there == []
    assert "Traceback" not in result.err


@pytest.mark.parametrize(
    ("body", "says"),
    [
        (LAUGHS, "declares a DTD or entities"),
        (XXE, "declares a DTD or entities"),
        (MALFORMED, "could not list the calendar"),
    ],
)
def test_hostile_xml_is_a_message_naming_the_server(
    data_dir: Path, cli, servers, body: bytes, says: str
) -> None:
    server, _ = serve((207, {}, body))
    servers.append(server)
    result = publish(cli, data_dir, server.server_port)
    assert result.code == 1
    assert f"http://127.0.0.1:{server.server_port}/cal/" in result.err
    assert says in result.err
    assert "Traceback" not in result.err


def test_a_huge_reply_is_refused_at_the_cap(data_dir: Path, cli, servers) -> None:
    server, _ = serve((207, {}, b'<d:multistatus xmlns:d="DAV:">'), big=64 << 20)
    servers.append(server)
    result = publish(cli, data_dir, server.server_port)
    assert result.code == 1
    assert "over the 32 MiB limit: not read" in result.err
