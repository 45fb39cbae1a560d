"""Signing in against a local OAuth2/OIDC authorization server (MSAL pointed at its metadata):
the device-code sign-in, the cache, silent refresh from it, and logout."""

import base64
import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs

import pytest
import trustme

from summit.delivery.oauth_token import configured_source
from summit.delivery.signin_cache import cache_path, persistence
from tests.delivery.conftest import server_context


def _jwt(claims: dict[str, Any]) -> str:
    def part(data: dict[str, Any]) -> str:
        return base64.urlsafe_b64encode(json.dumps(data).encode()).decode().rstrip("=")

    return f"{part({'alg': 'none'})}.{part(claims)}."


@dataclass
class Authority:
    base: str = ""
    grants: list[dict[str, list[str]]] = field(default_factory=list)
    issued: int = 0
    lifetime: int = 60  # under MSAL's 5 minutes: the next use refreshes


def _handler(state: Authority) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def _json(self, body: dict[str, Any]) -> None:
            data = json.dumps(body).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self) -> None:
            self._json(
                {
                    "issuer": state.base,
                    "authorization_endpoint": f"{state.base}/authorize",
                    "token_endpoint": f"{state.base}/token",
                    "device_authorization_endpoint": f"{state.base}/devicecode",
                }
            )

        def do_POST(self) -> None:
            form = parse_qs(self.rfile.read(int(self.headers["Content-Length"])).decode())
            if self.path.endswith("/devicecode"):
                self._json(
                    {
                        "device_code": "dev-1",
                        "user_code": "ABCD-EFGH",
                        "verification_uri": f"{state.base}/device",
                        "expires_in": 600,
                        "interval": 1,
                        "message": "To sign in, enter ABCD-EFGH at the local page.",
                    }
                )
                return
            state.grants.append(form)
            state.issued += 1
            now = int(time.time())
            claims = {
                "iss": state.base,
                "sub": "user-1",
                "aud": form["client_id"][0],
                "iat": now,
                "exp": now + 3600,
                "preferred_username": "priya.hollis@dcms.example.org",
                "oid": "oid-1",
                "tid": "tid-1",
            }
            self._json(
                {
                    "token_type": "Bearer",
                    "access_token": f"access-{state.issued}",
                    "refresh_token": f"refresh-{state.issued}",
                    "id_token": _jwt(claims),
                    "expires_in": state.lifetime,
                    "scope": " ".join(form.get("scope", [""])),
                }
            )

    return Handler


@pytest.fixture
def authority(monkeypatch, certificate: trustme.CA, tmp_path) -> Iterator[Authority]:
    # MSAL insists on https: a private CA that this process trusts (requests reads its own var).
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(tmp_path / "ca.pem"))
    state = Authority()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    server.socket = server_context(certificate).wrap_socket(server.socket, server_side=True)
    state.base = f"https://127.0.0.1:{server.server_address[1]}/tenant"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    monkeypatch.setenv("SUMMIT_OAUTH_AUTHORITY", state.base)
    monkeypatch.setenv("SUMMIT_OAUTH_CLIENT_ID", "client-1")
    monkeypatch.delenv("SUMMIT_OAUTH_TOKEN_COMMAND", raising=False)
    yield state
    server.shutdown()


def _encryption_available() -> bool:
    try:
        persistence(plaintext=False)
    except Exception:
        return False
    return True


def test_without_encryption_nothing_is_kept(authority: Authority, cli) -> None:
    if _encryption_available():
        pytest.skip("this system has an encrypted store")
    result = cli("login", "microsoft", "--device-code")
    assert result.code == 1
    assert "no encrypted store" in result.err and "--plaintext-cache" in result.err
    assert not cache_path().exists() or cache_path().stat().st_size == 0
    assert authority.grants == []


def test_device_code_sign_in_cache_silent_refresh_and_logout(authority: Authority, cli) -> None:
    result = cli("login", "microsoft", "--device-code", "--plaintext-cache")
    assert result.code == 0, result.err
    assert "priya.hollis@dcms.example.org" in result.out
    assert "ABCD-EFGH" in result.err
    assert "access-1" not in result.out + result.err
    assert cache_path().stat().st_mode & 0o077 == 0
    assert authority.grants[0]["grant_type"] == ["urn:ietf:params:oauth:grant-type:device_code"]
    source = configured_source()
    assert source is not None
    assert source() == "access-2"  # refreshed silently: no browser, no prompt
    assert authority.grants[-1]["grant_type"] == ["refresh_token"]
    assert authority.grants[-1]["refresh_token"] == ["refresh-1"]
    assert cli("logout").code == 0
    assert not cache_path().exists()
    assert configured_source() is None


def test_a_token_the_server_refused_is_refreshed_not_reused(authority: Authority, cli) -> None:
    """After a 401 the source is asked again: MSAL must not hand back the same cached token."""
    authority.lifetime = 3600
    assert cli("login", "microsoft", "--device-code", "--plaintext-cache").code == 0
    source = configured_source()
    assert source is not None
    first = source()
    grants = len(authority.grants)
    assert source() != first  # asked again (after a 401): a new token, though first is valid
    assert len(authority.grants) == grants + 1
    assert authority.grants[-1]["grant_type"] == ["refresh_token"]


def test_google_cache_is_refreshed_silently(authority: Authority) -> None:
    from summit.delivery.signin_cache import GOOGLE  # noqa: PLC0415

    folder = cache_path().parent
    folder.mkdir(parents=True, exist_ok=True)
    saved = folder / f"{GOOGLE}signin-cache-plaintext.json"
    saved.write_text(
        json.dumps(
            {
                "refresh_token": "refresh-g",
                "client_id": "client-1",
                "client_secret": "secret-1",
                "token_uri": f"{authority.base}/token",
            }
        )
    )
    source = configured_source()
    assert source is not None
    assert source() == "access-1"
    assert authority.grants[-1]["grant_type"] == ["refresh_token"]
    assert "access-1" in saved.read_text()  # the refreshed token is kept for next time
