"""`agenda`, `action` and `commitment`: a summit's lists from the command line.

Declared with argparse only, as summit.cli.main says; the handlers live in
summit.cli.item_edit and are imported only when their verb runs. An ITEM is
its number in the list, its id, its title or text, or words that begin it.
"""

import argparse

from summit.cli.arguments import Verbs, a_date, data_option

_ITEM = "the item: its number, its title (or text), or words that begin it"
_NAME = "an id, a name, or words that begin one (quote names with spaces)"


def _verb(actions: Verbs, name: str, help_text: str, run: str) -> argparse.ArgumentParser:
    parser = actions.add_parser(name, help=help_text)
    parser.add_argument("summit_id", metavar="SUMMIT_ID")
    parser.set_defaults(run=f"summit.cli.item_edit:{run}")
    data_option(parser)
    return parser


def _agenda_fields(parser: argparse.ArgumentParser, *, adding: bool) -> None:
    parser.add_argument("--title", required=adding)
    parser.add_argument("--minutes", type=int, required=adding)
    parser.add_argument("--lead", metavar="NAME", help=f"who leads it: {_NAME}")
    parser.add_argument("--kind", choices=["session", "break"])
    for name in ("topic", "objective", "notes"):
        parser.add_argument(f"--{name}", help="an empty value removes it" * (not adding))


def _place(parser: argparse.ArgumentParser) -> None:
    where = parser.add_mutually_exclusive_group(required=False)
    where.add_argument("--after", metavar="ITEM", help=_ITEM)
    where.add_argument("--first", action="store_true", help="at the top of the agenda")


def agenda_verbs(verbs: Verbs) -> None:
    agenda = verbs.add_parser("agenda", help="add, edit, move or remove agenda items")
    actions = agenda.add_subparsers(dest="agenda_verb", metavar="ACTION", required=True)
    add = _verb(actions, "add", "add an item (last, or --after ITEM, or --first)", "agenda_add")
    _agenda_fields(add, adding=True)
    _place(add)
    edit = _verb(actions, "edit", "change an item's fields", "agenda_edit")
    edit.add_argument("item", metavar="ITEM", help=_ITEM)
    _agenda_fields(edit, adding=False)
    move = _verb(actions, "move", "move an item (--after ITEM or --first)", "agenda_move")
    move.add_argument("item", metavar="ITEM", help=_ITEM)
    _place(move)
    remove = _verb(actions, "remove", "remove an item", "agenda_remove")
    remove.add_argument("item", metavar="ITEM", help=_ITEM)


def outcome_verbs(verbs: Verbs) -> None:
    action = verbs.add_parser("action", help="the actions agreed: add one, mark one done")
    actions = action.add_subparsers(dest="action_verb", metavar="ACTION", required=True)
    add = _verb(actions, "add", "add an action", "action_add")
    add.add_argument("--text", required=True)
    add.add_argument("--owner", required=True, metavar="NAME", help=f"organisation: {_NAME}")
    add.add_argument("--due", type=a_date, metavar="YYYY-MM-DD")
    done = _verb(actions, "done", "mark an action done", "action_done")
    done.add_argument("item", metavar="ITEM", help=_ITEM)

    commitment = verbs.add_parser("commitment", help="commitments: add one, mark one met")
    actions = commitment.add_subparsers(dest="commitment_verb", metavar="ACTION", required=True)
    add = _verb(actions, "add", "add a commitment an organisation made", "commitment_add")
    add.add_argument("--organisation", required=True, metavar="NAME", help=_NAME)
    add.add_argument("--text", required=True)
    add.add_argument("--due", type=a_date, metavar="YYYY-MM-DD")
    add.add_argument(
        "--agreed", type=a_date, metavar="YYYY-MM-DD", help="default: the summit's day"
    )
    met = _verb(actions, "met", "mark a commitment met", "commitment_met")
    met.add_argument("item", metavar="ITEM", help=_ITEM)
