"""`invite`, `uninvite`, `reply`, `attend`: a summit's invitees from the command line.

Declared with argparse only, as summit.cli.main says; the handlers live in
summit.cli.invitee_edit and are imported only when their verb runs. People
and organisations are named by id or by name (summit.model.people).
"""

from summit.cli.arguments import Verbs, data_option

_NAMES = "organisation or person: an id, a name or words of one (quote names with spaces)"


def invitee_verbs(verbs: Verbs) -> None:
    invite = verbs.add_parser("invite", help="invite people, or every delegate of organisations")
    invite.add_argument("summit_id", metavar="SUMMIT_ID")
    invite.add_argument("names", nargs="+", metavar="NAME", help=_NAMES)
    invite.set_defaults(run="summit.cli.invitee_edit:invite_people")
    data_option(invite)

    uninvite = verbs.add_parser("uninvite", help="uninvite people or organisations")
    uninvite.add_argument("summit_id", metavar="SUMMIT_ID")
    uninvite.add_argument("names", nargs="+", metavar="NAME", help=_NAMES)
    uninvite.add_argument(
        "--yes", action="store_true", help="even when replies, attendance or a sent invite go"
    )
    uninvite.set_defaults(run="summit.cli.invitee_edit:uninvite_people")
    data_option(uninvite)

    reply = verbs.add_parser("reply", help="record an invitee's reply given by phone or e-mail")
    reply.add_argument("summit_id", metavar="SUMMIT_ID")
    reply.add_argument("name", metavar="NAME", help=_NAMES + "; an organisation: all its invited")
    reply.add_argument(
        "reply",
        type=str.lower,  # "Accepted", as Outlook writes it, is the same answer
        choices=["accepted", "declined", "tentative", "needs-action"],
        metavar="REPLY",
        help="accepted, declined, tentative or needs-action",
    )
    reply.set_defaults(run="summit.cli.invitee_edit:record_reply")
    data_option(reply)

    attend = verbs.add_parser("attend", help="after the day: record whether invitees came")
    attend.add_argument("summit_id", metavar="SUMMIT_ID")
    attend.add_argument("name", metavar="NAME", help=_NAMES + "; an organisation: all its invited")
    attend.add_argument(
        "came", type=str.lower, choices=["yes", "no", "unknown"], metavar="yes|no|unknown"
    )
    attend.set_defaults(run="summit.cli.invitee_edit:record_attendance")
    data_option(attend)
