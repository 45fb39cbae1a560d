"""`summit edit`: a summit's own details from the command line, as the app's Details form.

Declared with argparse only, as summit.cli.main says; the handler lives in
summit.cli.summit_details and is imported only when the verb runs.
"""

import argparse

from summit.cli.arguments import Verbs, a_date_or_none, data_option
from summit.cli.new_verb import local_datetime

_NAME = "an id, a name, or words that begin one (quote names with spaces)"
_FORMAT = "'YYYY-MM-DD HH:MM'"
_TEXTS = {
    "purpose": 'what the summit is for ("" removes it)',
    "public-purpose": 'what readers outside the department are told it is for ("" removes it)',
    "reason": 'for the briefing pack: why it is happening, who asked ("" removes it)',
    "handling": 'for the briefing pack: press handling and sensitivities ("" removes it)',
}


def details_verb(verbs: Verbs) -> None:
    edit = verbs.add_parser(
        "edit",
        help="change a summit's details: title, time, venue, chair, reply-by day, status",
        description="Changes only what the options give, as the app's Details form does. A "
        "new time or venue is sent to the invitees as an update by the next `summit send`, "
        "which asks them to answer again. To cancel, use `summit cancel`.",
    )
    edit.add_argument("summit_id", metavar="SUMMIT_ID")
    edit.add_argument("--title")
    edit.add_argument("--start", type=local_datetime, metavar=_FORMAT)
    edit.add_argument("--end", type=local_datetime, metavar=_FORMAT)
    edit.add_argument("--timezone", help="a tz database zone, such as Europe/London")
    edit.add_argument("--venue")
    edit.add_argument("--convener", metavar="NAME", help=f"who chairs it: {_NAME}")
    edit.add_argument("--organiser", metavar="NAME", help=f"who sends the invites: {_NAME}")
    edit.add_argument(
        "--reply-by",
        type=a_date_or_none,
        default=argparse.SUPPRESS,  # absent unless given, so that "" can remove it
        metavar="YYYY-MM-DD",
        help='the day replies are asked for ("" removes it)',
    )
    edit.add_argument("--status", choices=("draft", "invited", "confirmed", "held"))
    edit.add_argument("--classification", choices=("OFFICIAL", "OFFICIAL-SENSITIVE"))
    for name, help_text in _TEXTS.items():
        edit.add_argument(f"--{name}", metavar="TEXT", help=help_text)
    data_option(edit)
    edit.set_defaults(run="summit.cli.summit_details:edit_details")
