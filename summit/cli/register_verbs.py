"""The `register` verbs: the invitee register from the command line.

Declared with argparse only, as summit.cli.main says; the handlers live in
summit.cli.register_edit and are imported only when their verb runs.
"""

from pathlib import Path

from summit.cli.arguments import Verbs, data_option


def register_verbs(verbs: Verbs) -> None:
    register = verbs.add_parser(
        "register", help="the invitee register: add, edit, remove or import people"
    )
    actions = register.add_subparsers(dest="register_verb", metavar="ACTION", required=True)
    bulk = actions.add_parser(
        "import",
        help="add or update delegates from a spreadsheet (.csv, .xlsx, .xls or .ods)",
        description="Columns: organisation, name, job_title, email; optionally sector, phone. "
        "The first row names the columns. Nothing is written unless every row is good.",
    )
    bulk.add_argument("file", type=Path, metavar="FILE")
    bulk.add_argument(
        "--skip-bad", action="store_true", help="take the good rows and list the bad ones"
    )
    bulk.add_argument(
        "--dry-run", action="store_true", help="say what would change and write nothing"
    )
    data_option(bulk)
    bulk.set_defaults(run="summit.cli.register_edit:import_register")

    person = "an organisation or person: an id, a name, or words that begin one"
    add = actions.add_parser("add", help="add a delegate (and their organisation if new)")
    add.add_argument("--organisation", required=True, metavar="NAME", help="id or name")
    add.add_argument("--name", required=True)
    add.add_argument("--job-title", required=True)
    add.add_argument("--email", required=True)
    add.add_argument("--phone")
    add.add_argument("--sector", help="for a new organisation (default: other)")
    data_option(add)
    add.set_defaults(run="summit.cli.register_edit:add_delegate")

    edit = actions.add_parser("edit", help="change a delegate's or an organisation's fields")
    edit.add_argument("who", metavar="NAME", help=person)
    edit.add_argument("--name")
    edit.add_argument("--job-title", help="a delegate's")
    edit.add_argument("--email", help="a delegate's")
    edit.add_argument("--phone", help="a delegate's; an empty value removes it")
    edit.add_argument(
        "--minister",
        choices=("yes", "no"),
        type=str.lower,
        help="a delegate's: whether they are a minister (the transparency return declares "
        "the meetings ministers convene or come to)",
    )
    edit.add_argument("--sector", help="an organisation's")
    edit.add_argument("--website", help="an organisation's; an empty value removes it")
    data_option(edit)
    edit.set_defaults(run="summit.cli.register_edit:edit_entry")

    remove = actions.add_parser(
        "remove", help="remove a delegate or an organisation no summit refers to"
    )
    remove.add_argument("who", metavar="NAME", help=person)
    data_option(remove)
    remove.set_defaults(run="summit.cli.register_edit:remove_entry")
