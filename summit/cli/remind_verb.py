"""The arguments of `summit remind` (argparse only: imported when `summit` starts)."""

from collections.abc import Callable

from summit.cli.arguments import Verbs, data_option


def remind_verb(verbs: Verbs, url_option: Callable[..., None]) -> None:
    """`remind` (summit.cli.reminding): chasing replies, sent as `send` sends."""
    parser = verbs.add_parser(
        "remind",
        help="remind the delegates who have not answered (the same invitation again, one "
        "message per organisation): a dry run unless --yes",
    )
    parser.add_argument("summit_id", metavar="SUMMIT_ID")
    parser.add_argument("--yes", action="store_true", help="send the reminders")
    parser.add_argument(
        "--tentative", action="store_true", help="remind those who answered tentative too"
    )
    parser.add_argument(
        "--offline", action="store_true", help="as for send: without the team's remote"
    )
    url_option(parser, "--smtp", "the relay, as for send")
    parser.add_argument("--graph", action="store_true", help="through Microsoft Graph, as send")
    data_option(parser)
    parser.set_defaults(run="summit.cli.reminding:remind")
