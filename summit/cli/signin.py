"""`summit login microsoft|google` and `summit logout`: sign in for mail without a password.

The verbs are declared here and registered by summit.cli.main; the sign-in
libraries are imported only when a verb runs.
"""

import argparse
from typing import TYPE_CHECKING

from summit.cli.arguments import Verbs

if TYPE_CHECKING:  # rich only when a verb runs: `summit --version` stays light
    from rich.console import Console


def signin_verbs(verbs: Verbs) -> None:
    login = verbs.add_parser("login", help="sign in to Microsoft 365 or Google for mail (OAuth)")
    services = login.add_subparsers(dest="service", required=True, metavar="SERVICE")
    microsoft = services.add_parser("microsoft", help="Microsoft 365 (Exchange Online, Graph)")
    microsoft.add_argument("--tenant", help="the tenant id or domain (default: oauth_tenant)")
    microsoft.add_argument("--client-id", help="your department's app registration")
    microsoft.add_argument(
        "--device-code",
        action="store_true",
        help="sign in on another device with a code (many tenants block it)",
    )
    google = services.add_parser("google", help="Google Workspace (Gmail)")
    google.add_argument("--client-secrets", metavar="FILE", help="the OAuth client's JSON file")
    for parser in (microsoft, google):
        parser.add_argument(
            "--plaintext-cache",
            action="store_true",
            help="where no encrypted store exists, keep the tokens in a file only you can read",
        )
        parser.set_defaults(run="summit.cli.signin:login")
    logout = verbs.add_parser("logout", help="forget the mail sign-in (removes the token cache)")
    logout.set_defaults(run="summit.cli.signin:logout")


def login(args: argparse.Namespace, out: "Console", err: "Console") -> int:
    from summit.delivery import signin_cache  # noqa: PLC0415

    def tell(text: str) -> None:
        err.print(text, markup=False, highlight=False)

    try:
        if args.service == "microsoft":
            who = signin_cache.login_microsoft(
                args.client_id, args.tenant, args.device_code, args.plaintext_cache, tell
            )
        else:
            who = signin_cache.login_google(args.client_secrets, args.plaintext_cache, tell)
    except signin_cache.SignInFailed as error:
        err.print(f"summit: {error}", markup=False, highlight=False)
        return 1
    except OSError as error:  # requests' and urllib's network errors are OSErrors
        err.print(f"summit: cannot reach the sign-in service: {error}", markup=False)
        return 1
    out.print(f"signed in as {who}; use ?auth=xoauth2 on the server address, or --graph")
    return 0


def logout(args: argparse.Namespace, out: "Console", err: "Console") -> int:
    from summit.delivery import signin_cache  # noqa: PLC0415

    removed = signin_cache.logout()
    out.print("signed out: the token cache was removed" if removed else "not signed in")
    return 0
