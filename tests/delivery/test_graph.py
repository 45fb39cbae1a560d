"""Microsoft Graph against a local server that answers as Microsoft's documented examples do and
records every request: sendMail with base64 MIME, inbox paging, categories, 429 and 401."""

import base64
import email
import json
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from email import policy
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from summit.delivery.graph import CATEGORY, GraphClient, GraphFailed
from tests.conftest import SAMPLE_SUMMIT
from tests.delivery.test_mail_replies import outlook_reply, plain_mail, reply_bytes, rsvp_of

ORGANISATIONS = 12


@dataclass
class Graph:
    """What the fake Graph was asked, and what it should answer next."""

    requests: list[dict[str, Any]] = field(default_factory=list)
    messages: dict[str, bytes] = field(default_factory=dict)
    categories: dict[str, list[str]] = field(default_factory=dict)
    fail_next: list[tuple[int, dict[str, str], dict[str, Any]]] = field(default_factory=list)
    base: str = ""


def _handler(graph: Graph) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def _answer(
            self, code: int, body: Any = None, headers: dict[str, str] | None = None
        ) -> None:
            data = body if isinstance(body, bytes) else json.dumps(body).encode() if body else b""
            self.send_response(code)
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _serve(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            graph.requests.append(
                {
                    "method": self.command,
                    "path": self.path,
                    "type": self.headers.get("Content-Type"),
                    "auth": self.headers.get("Authorization"),
                    "body": body,
                }
            )
            if graph.fail_next:
                code, headers, error = graph.fail_next.pop(0)
                self._answer(code, {"error": error}, headers)
                return
            path = self.path.removeprefix("/v1.0")
            ids = sorted(graph.messages)
            if self.command == "POST" and path == "/me/sendMail":
                self._answer(202)
            elif path.startswith("/me/mailFolders/inbox/messages"):
                # Two pages, the second reached through @odata.nextLink, as Graph pages.
                second = "skip=1" in path
                page = ids[1:] if second else ids[:1]
                value = [{"id": i, "categories": graph.categories.get(i, [])} for i in page]
                answer: dict[str, Any] = {"value": value}
                if not second:
                    answer["@odata.nextLink"] = (
                        f"{graph.base}/me/mailFolders/inbox/messages?$skip=1"
                    )
                self._answer(200, answer)
            elif path.endswith("/$value"):
                self._answer(200, graph.messages[path.split("/")[3]])
            elif self.command == "GET" and path.startswith("/me/messages/"):
                message_id = path.split("/")[3].split("?")[0]
                self._answer(
                    200, {"id": message_id, "categories": graph.categories.get(message_id, [])}
                )
            elif self.command == "PATCH":
                message_id = path.split("/")[3]
                graph.categories[message_id] = json.loads(body)["categories"]
                self._answer(200, {"id": message_id})
            else:
                self._answer(404, {"error": {"code": "NotFound", "message": "no such path"}})

        do_GET = do_POST = do_PATCH = do_DELETE = _serve

    return Handler


@pytest.fixture
def graph(monkeypatch, tmp_path: Path) -> Iterator[Graph]:
    state = Graph()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    state.base = f"http://127.0.0.1:{server.server_address[1]}/v1.0"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    monkeypatch.setenv("SUMMIT_GRAPH_URL", state.base)
    # A token command that hands out tok-1, tok-2... (so a refresh can be seen).
    counter = tmp_path / "tokens"
    script = tmp_path / "token.py"
    script.write_text(
        "import pathlib\n"
        f"p = pathlib.Path({str(counter)!r})\n"
        "n = len(p.read_text()) + 1 if p.exists() else 1\n"
        "p.write_text('x' * n)\n"
        "print(f'tok-{n}')\n"
    )
    monkeypatch.setenv("SUMMIT_OAUTH_TOKEN_COMMAND", f"{sys.executable} {script}")
    yield state
    server.shutdown()


@pytest.mark.usefixtures("before_the_sample_summit")  # its day is yet to come
def test_send_posts_each_message_as_base64_mime(data_dir: Path, cli, graph: Graph) -> None:
    result = cli("send", SAMPLE_SUMMIT, "--data", data_dir, "--graph", "--yes")
    assert result.code == 0, result.err
    posts = [r for r in graph.requests if r["method"] == "POST"]
    assert len(posts) == ORGANISATIONS
    for post in posts:
        assert post["path"] == "/v1.0/me/sendMail"
        assert post["type"] == "text/plain"
        mime = base64.b64decode(post["body"], validate=True)
        assert b"text/calendar" in mime and b"METHOD:REQUEST" in mime
    assert "tok-" not in result.out + result.err
    for path in data_dir.rglob("*"):
        if path.is_file():
            assert b"tok-1" not in path.read_bytes()


def test_429_waits_as_told_and_401_refreshes_once(graph: Graph) -> None:
    waited: list[float] = []
    graph.fail_next = [
        (429, {"Retry-After": "2"}, {"code": "TooManyRequests", "message": "slow down"}),
        (401, {}, {"code": "InvalidAuthenticationToken", "message": "expired"}),
    ]
    GraphClient(sleep=waited.append).request("POST", "/me/sendMail", b"eA==", "text/plain")
    assert waited == [2.0]
    auths = [r["auth"] for r in graph.requests]
    assert auths == ["Bearer tok-1", "Bearer tok-1", "Bearer tok-2"]


def test_401_twice_says_to_sign_in(graph: Graph) -> None:
    expired = (401, {}, {"code": "InvalidAuthenticationToken", "message": "expired"})
    graph.fail_next = [expired, expired]
    with pytest.raises(GraphFailed, match="summit login microsoft") as caught:
        GraphClient().request("GET", "/me/messages")
    assert "tok-" not in str(caught.value)
    assert len(graph.requests) == 2


def test_consent_missing_is_named(graph: Graph) -> None:
    graph.fail_next = [
        (403, {}, {"code": "ErrorAccessDenied", "message": "AADSTS65001: consent required"})
    ]
    with pytest.raises(GraphFailed, match="administrator must grant consent"):
        GraphClient().request("GET", "/me/messages")


def test_plain_http_only_on_loopback(monkeypatch) -> None:
    monkeypatch.setenv("SUMMIT_GRAPH_URL", "http://graph.example.org/v1.0")
    with pytest.raises(GraphFailed, match="https"):
        GraphClient()


@pytest.mark.usefixtures("sample_still_coming")  # a reply before its day
def test_fetch_pages_imports_marks_and_never_deletes(
    data_dir: Path, tmp_path: Path, cli, graph: Graph
) -> None:
    facebook = reply_bytes(data_dir, tmp_path, "oliver.grant@facebook.example.org", "ACCEPTED")
    graph.messages = {
        "AAMk-1": plain_mail("someone@example.org"),
        "AAMk-2": outlook_reply(facebook, "oliver.grant@facebook.example.org"),
    }
    result = cli("rsvp", "fetch", "--graph", "--data", data_dir)
    assert result.code == 0, result.err + result.out
    assert rsvp_of(data_dir, "facebook", "facebook-policy") == "accepted"
    assert graph.categories.get("AAMk-2") == [CATEGORY]
    assert "AAMk-1" not in graph.categories
    paths = [r["path"] for r in graph.requests]
    assert any("skip=1" in p for p in paths)  # followed @odata.nextLink
    assert all(r["method"] in ("GET", "PATCH") for r in graph.requests)
    assert not any("move" in p or "delete" in p.lower() for p in paths)
    graph.requests.clear()
    again = cli("rsvp", "fetch", "--graph", "--data", data_dir)
    assert again.code == 0
    assert not any(r["path"].endswith("AAMk-2/$value") for r in graph.requests)


@pytest.mark.usefixtures("before_the_sample_summit")  # its day is yet to come
def test_a_retry_over_graph_goes_only_to_the_refused_recipient(
    data_dir: Path, cli, graph: Graph, smtp_server
) -> None:
    """Graph sends to the MIME's own To and Cc: a retry must name only who was refused."""
    smtp_server.recorder.refuse = {"daniel.reyes@google.example.org"}
    first = cli("send", SAMPLE_SUMMIT, "--data", data_dir, "--yes", "--smtp", smtp_server.url)
    assert first.code == 1, first.err
    retry = cli("send", SAMPLE_SUMMIT, "--data", data_dir, "--graph", "--yes")
    assert retry.code == 0, retry.err
    posts = [r for r in graph.requests if r["method"] == "POST"]
    assert len(posts) == 1
    mime = email.message_from_bytes(base64.b64decode(posts[0]["body"]), policy=policy.default)
    told = [a.addr_spec for h in ("To", "Cc") for a in getattr(mime[h], "addresses", ())]
    assert told == ["daniel.reyes@google.example.org"]
    assert mime.get_body(("calendar",)) is not None or b"METHOD:REQUEST" in mime.as_bytes()
