"""Where an OAuth access token comes from: a token command, or the sign-in cache.

The token command (`SUMMIT_OAUTH_TOKEN_COMMAND`, else `oauth_token_command`
in the settings file) prints an access token on stdout, as msmtp's
`passwordeval` and neomutt's OAuth refresh command do, so tokens from any
tool (oama, email-oauth2-proxy, a department's own helper) work. It is split
with shlex and run without a shell, so nothing in it is ever interpreted by
one. A token is a secret: it is never printed, logged, put in a message or
written anywhere by summit.
"""

import os
import shlex
import subprocess
from collections.abc import Callable
from pathlib import Path

from summit.store.preferences import load_preferences, preferences_path

COMMAND_VARIABLE = "SUMMIT_OAUTH_TOKEN_COMMAND"
COMMAND_SETTING = "oauth_token_command"
COMMAND_TIMEOUT_SECONDS = 120
"""Long enough for a helper that opens a browser for the user to sign in."""

OUTLOOK, GRAPH = "outlook", "graph"
"""The resources a signed-in token is asked for: Outlook (SMTP, IMAP) or Microsoft Graph."""

TokenSource = Callable[[], str]
"""Returns a fresh access token, or raises TokenUnavailable."""


class TokenUnavailable(Exception):
    """No access token could be had (no source set up, or the source failed)."""


def token_command() -> str | None:
    """The configured token command, if any: the environment first, then the settings file."""
    command = os.environ.get(COMMAND_VARIABLE)
    if not command:
        saved = load_preferences().get(COMMAND_SETTING)
        command = saved if isinstance(saved, str) else None
    return command or None


def run_token_command(command: str) -> str:
    """Run the command (no shell) and return the first line it prints: the access token."""
    try:
        argv = shlex.split(command)
    except ValueError as error:
        raise TokenUnavailable(f"the token command cannot be read: {error}") from None
    if not argv:
        raise TokenUnavailable("the token command is empty")
    name = Path(argv[0]).name
    try:
        done = subprocess.run(  # argv from the user's own setting; no shell
            argv,
            capture_output=True,
            timeout=COMMAND_TIMEOUT_SECONDS,
            check=False,
            stdin=subprocess.DEVNULL,
        )
    except FileNotFoundError:
        raise TokenUnavailable(f"the token command {name} was not found") from None
    except subprocess.TimeoutExpired:
        raise TokenUnavailable(
            f"the token command {name} gave no token in {COMMAND_TIMEOUT_SECONDS} s"
        ) from None
    except OSError as error:
        raise TokenUnavailable(f"the token command {name} cannot run: {error.strerror}") from None
    if done.returncode != 0:
        # Only stderr is quoted: stdout may hold a token even when the command fails.
        said = done.stderr.decode("utf-8", "replace").strip().splitlines()
        why = f": {said[-1][:200]}" if said else ""
        raise TokenUnavailable(f"the token command {name} failed (exit {done.returncode}){why}")
    lines = done.stdout.decode("utf-8", "replace").strip().splitlines()
    if not lines or not lines[0].strip():
        raise TokenUnavailable(f"the token command {name} printed no token")
    return lines[0].strip()


def configured_source() -> TokenSource | None:
    """The token source set up for this user, or None: the token command, else the sign-in cache."""
    command = token_command()
    if command is not None:
        return lambda: run_token_command(command)
    return signed_in_source(OUTLOOK)


def signed_in_source(resource: str) -> TokenSource | None:
    """Silent refresh from `summit login`'s cache (Microsoft, else Google), when there is one."""
    from summit.delivery import signin_cache  # noqa: PLC0415 - loads MSAL only when needed

    if not signin_cache.cache_path().exists():
        google = signin_cache.cache_path(signin_cache.GOOGLE).exists()
        return signin_cache.google_source() if google and resource == OUTLOOK else None
    scopes = signin_cache.GRAPH_SCOPES if resource == GRAPH else signin_cache.OUTLOOK_SCOPES
    return signin_cache.microsoft_source(scopes)


def no_source_message() -> str:
    return (
        f"no OAuth access token: sign in with `summit login microsoft` or `summit login google`, "
        f"or set {COMMAND_VARIABLE} (or {COMMAND_SETTING} in {preferences_path()}) "
        "to a command that prints one"
    )


def required_source(resource: str = OUTLOOK) -> TokenSource:
    command = token_command()
    source = (lambda: run_token_command(command)) if command else signed_in_source(resource)
    if source is None:
        raise TokenUnavailable(no_source_message())
    return source
