"""`summit new`: start a summit file, blank or from another summit.

Declared with argparse only, as summit.cli.main says; the handler lives in
summit.cli.summit_new and is imported only when the verb runs.
"""

import argparse
from datetime import datetime

from summit.cli.arguments import Verbs, data_option

_NAME = "an id, a name, or words that begin one (quote names with spaces)"
_FORMAT = "YYYY-MM-DD HH:MM"


def local_datetime(text: str) -> datetime:
    """A date and time as the app's forms take it; argparse names the option on error."""
    try:
        when = datetime.fromisoformat(text.strip())
    except ValueError as error:
        # Python says "month must be in 1..12", or only "Invalid isoformat string".
        why = "" if str(error).startswith("Invalid") else f": {error}"
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date and time ({_FORMAT}){why}"
        ) from None
    if len(text.strip()) <= len("YYYY-MM-DD"):
        raise argparse.ArgumentTypeError(f"{text!r} has no time of day ({_FORMAT})")
    if when.tzinfo is not None:
        raise argparse.ArgumentTypeError(
            f"{text!r} carries a UTC offset: give the local time and the zone in --timezone"
        )
    return when


def new_verb(verbs: Verbs) -> None:
    new = verbs.add_parser(
        "new",
        help="start a summit: a new file in agendas/, or a copy or follow-up of another",
        description="Writes agendas/ID.toml as a draft. With --from, the other summit's "
        "invitees and agenda come too (never its replies, attendance, notes or what was "
        "sent); --follow-up also records that it follows that summit.",
    )
    new.add_argument("summit_id", metavar="ID", help="the new file's name: lower-case-words")
    new.add_argument("--title", required=True)
    new.add_argument("--start", required=True, type=local_datetime, metavar=f"'{_FORMAT}'")
    new.add_argument("--end", required=True, type=local_datetime, metavar=f"'{_FORMAT}'")
    new.add_argument("--timezone", help="a tz database zone (default: Europe/London)")
    new.add_argument("--venue", help="required unless --from gives one")
    new.add_argument(
        "--convener", metavar="NAME", help=f"who chairs it (required unless --from): {_NAME}"
    )
    new.add_argument(
        "--organiser", metavar="NAME", help=f"who sends the invites (as --convener): {_NAME}"
    )
    new.add_argument("--from", dest="source", metavar="SUMMIT", help="copy this summit's plan")
    new.add_argument(
        "--follow-up",
        action="store_true",
        help="with --from: the new summit follows that one up (its `follows`)",
    )
    data_option(new)
    new.set_defaults(run="summit.cli.summit_new:new_summit")
