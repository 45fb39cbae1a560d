"""Signing in to Microsoft 365 (MSAL) and Google (google-auth-oauthlib), and the token cache.

Each department registers its own app, so the client id (and Microsoft's
tenant) come from the environment (`SUMMIT_OAUTH_CLIENT_ID`,
`SUMMIT_OAUTH_TENANT`) or the settings file (`oauth_client_id`,
`oauth_tenant`). Tokens are kept encrypted for this user only
(msal-extensions: DPAPI, the Keychain or LibSecret); where none of those
exists summit says so and keeps nothing, unless told `--plaintext-cache`
(then a file readable by this user alone). Access tokens are refreshed
silently from the cached refresh token; `summit logout` removes the cache.
"""

import contextlib
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from summit.delivery.oauth_errors import explained
from summit.delivery.oauth_token import TokenSource, TokenUnavailable
from summit.store.preferences import load_preferences, preferences_path

OUTLOOK_SCOPES = [
    "https://outlook.office.com/SMTP.Send",
    "https://outlook.office.com/IMAP.AccessAsUser.All",
]
GRAPH_SCOPES = [
    "https://graph.microsoft.com/Mail.Send",
    "https://graph.microsoft.com/Mail.ReadWrite",
]
GOOGLE_SCOPES = ["https://mail.google.com/"]
GOOGLE = "google-"
CACHE_NAME = "signin-cache.bin"
PLAIN_CACHE_NAME = "signin-cache-plaintext.json"


class SignInFailed(Exception):
    """Signing in could not be done, or the cache cannot be kept safely."""


def setting(name: str, variable: str) -> str | None:
    value = os.environ.get(variable)
    if not value:
        saved = load_preferences().get(name)
        value = saved if isinstance(saved, str) else None
    return value or None


def _folder() -> Path:
    import platformdirs  # noqa: PLC0415

    return platformdirs.user_state_path("summit")


def cache_path(prefix: str = "") -> Path:
    """The cache in use: the encrypted one, else the plaintext one the user asked for."""
    plain = _folder() / (prefix + PLAIN_CACHE_NAME)
    return plain if plain.exists() else _folder() / (prefix + CACHE_NAME)


def persistence(plaintext: bool = False, prefix: str = "") -> Any:
    """The encrypted store for the cache; SignInFailed where there is none (unless plaintext).

    A plaintext cache, once asked for, is used until `summit logout` removes it.
    """
    from msal_extensions import FilePersistence, build_encrypted_persistence  # noqa: PLC0415

    folder = _folder()
    folder.mkdir(parents=True, exist_ok=True)
    plain = folder / (prefix + PLAIN_CACHE_NAME)
    if not plain.exists():
        try:
            return build_encrypted_persistence(str(folder / (prefix + CACHE_NAME)))
        except Exception as error:  # each platform fails its own way
            if not plaintext:
                raise SignInFailed(
                    f"no encrypted store for tokens on this system ({type(error).__name__}): "
                    "nothing was kept; install a keyring (LibSecret) or sign in again with "
                    "--plaintext-cache to keep the tokens in a file only you can read"
                ) from None
    plain.touch(mode=0o600, exist_ok=True)
    plain.chmod(0o600)
    return FilePersistence(str(plain))


def _client_id() -> str:
    found = setting("oauth_client_id", "SUMMIT_OAUTH_CLIENT_ID")
    if found is None:
        raise SignInFailed(
            "no client id: give --client-id, set SUMMIT_OAUTH_CLIENT_ID, or add oauth_client_id "
            f"to {preferences_path()} (your department's app registration: docs/mail-sign-in.md)"
        )
    return found


def microsoft_app(
    client_id: str | None = None, tenant: str | None = None, plaintext: bool = False
) -> Any:
    """MSAL's public client with the persisted cache (SUMMIT_OAUTH_AUTHORITY for a local test)."""
    import msal  # noqa: PLC0415
    from msal_extensions import PersistedTokenCache  # noqa: PLC0415

    client_id = client_id or _client_id()
    tenant = tenant or setting("oauth_tenant", "SUMMIT_OAUTH_TENANT") or "organizations"
    cache = PersistedTokenCache(persistence(plaintext))
    oidc = os.environ.get("SUMMIT_OAUTH_AUTHORITY")
    if oidc:
        return msal.PublicClientApplication(client_id, oidc_authority=oidc, token_cache=cache)
    return msal.PublicClientApplication(
        client_id,
        authority=f"https://login.microsoftonline.com/{tenant}",
        token_cache=cache,
    )


def _token_from(result: dict[str, Any] | None) -> str:
    if not result:
        raise TokenUnavailable("not signed in: sign in with `summit login microsoft`")
    if "access_token" not in result:
        said = f"{result.get('error', '')} {result.get('error_description', '')}".strip()
        raise TokenUnavailable(f"the sign-in was refused: {explained(said)}")
    return str(result["access_token"])


def login_microsoft(
    client_id: str | None,
    tenant: str | None,
    device_code: bool,
    plaintext: bool,
    tell: Callable[[str], None],
) -> str:
    """Sign in in the browser (loopback redirect), or with a device code; returns the account."""
    try:
        app = microsoft_app(client_id, tenant, plaintext)
    except ValueError as error:
        raise SignInFailed(f"cannot use the sign-in service: {error}") from None
    if device_code:
        flow = app.initiate_device_flow(scopes=OUTLOOK_SCOPES)
        if "user_code" not in flow:
            raise SignInFailed(
                f"device code refused: {explained(str(flow.get('error_description')))}"
            )
        tell(flow["message"])
        result = app.acquire_token_by_device_flow(flow)
    else:
        tell("opening your browser to sign in to Microsoft 365...")
        result = app.acquire_token_interactive(
            OUTLOOK_SCOPES, extra_scopes_to_consent=GRAPH_SCOPES, timeout=300
        )
    try:
        _token_from(result)
    except TokenUnavailable as error:
        raise SignInFailed(str(error)) from None
    claims = result.get("id_token_claims") or {}
    return str(claims.get("preferred_username") or "your account")


def microsoft_source(scopes: list[str]) -> TokenSource:
    """Silent refresh from the cache: an access token for these scopes, no browser.

    A source is asked again only when the server refused its token (a 401, a
    failed XOAUTH2): MSAL would hand back the same cached token, so later
    calls force a refresh.
    """
    asked = 0

    def token() -> str:
        nonlocal asked
        asked += 1
        try:
            app = microsoft_app()
        except SignInFailed as error:
            raise TokenUnavailable(str(error)) from None
        accounts = app.get_accounts()
        if not accounts:
            raise TokenUnavailable("not signed in: sign in with `summit login microsoft`")
        return _token_from(
            app.acquire_token_silent(scopes, account=accounts[0], force_refresh=asked > 1)
        )

    return token


def login_google(client_secrets: str | None, plaintext: bool, tell: Callable[[str], None]) -> str:
    """Google's installed-app flow on a loopback redirect; the credentials go in the cache."""
    from google_auth_oauthlib.flow import InstalledAppFlow  # noqa: PLC0415

    secrets = client_secrets or setting(
        "oauth_google_client_secrets", "SUMMIT_GOOGLE_CLIENT_SECRETS"
    )
    if secrets is None:
        raise SignInFailed(
            "no client secrets: give --client-secrets FILE (your department's OAuth client)"
        )
    store = persistence(plaintext, GOOGLE)
    try:
        flow = InstalledAppFlow.from_client_secrets_file(secrets, scopes=GOOGLE_SCOPES)
    except (OSError, ValueError) as error:
        raise SignInFailed(f"{secrets}: cannot read the client secrets ({error})") from None
    tell("opening your browser to sign in to Google...")
    credentials = flow.run_local_server(host="127.0.0.1", port=0, open_browser=True)
    store.save(credentials.to_json())
    return "your Google account"


def google_source() -> TokenSource:
    """Google's cached credentials, refreshed silently when the access token has expired."""

    def token() -> str:
        from google.auth.exceptions import RefreshError  # noqa: PLC0415
        from google.auth.transport.requests import Request  # noqa: PLC0415
        from google.oauth2.credentials import Credentials  # noqa: PLC0415

        try:
            saved = json.loads(persistence(False, GOOGLE).load())
            credentials = Credentials.from_authorized_user_info(saved, GOOGLE_SCOPES)  # type: ignore[no-untyped-call]
            # google-auth always puts Google's endpoint back; keep the one the sign-in used.
            credentials = credentials.with_token_uri(saved.get("token_uri", credentials.token_uri))
            if not credentials.valid:
                credentials.refresh(Request())
                persistence(False, GOOGLE).save(credentials.to_json())
        except (SignInFailed, ValueError, OSError) as error:
            raise TokenUnavailable(f"the Google sign-in cannot be used: {error}") from None
        except RefreshError as error:
            raise TokenUnavailable(
                f"the Google sign-in was refused: {explained(str(error))}"
            ) from None
        return str(credentials.token)

    return token


def _empty_keyring_entries() -> None:
    """Empty what the encrypted stores hold: on Linux the tokens live in the keyring
    (LibSecret), and the file beside them only marks when they changed."""
    for prefix in ("", GOOGLE):
        if (_folder() / (prefix + CACHE_NAME)).exists():
            with contextlib.suppress(Exception):  # no keyring now: nothing is held there
                persistence(prefix=prefix).save("{}")


def logout() -> bool:
    """Remove the cache (and any plaintext copy); True when there was one."""
    _empty_keyring_entries()
    removed = False
    for name in (CACHE_NAME, PLAIN_CACHE_NAME, GOOGLE + CACHE_NAME, GOOGLE + PLAIN_CACHE_NAME):
        path = _folder() / name
        if path.exists():
            path.unlink()
            removed = True
    return removed
