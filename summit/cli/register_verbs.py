"""The `register` verbs: the invitee register from the command line.

Declared with argparse only, as summit.cli.main says; the handlers live in
summit.cli.register_edit and are imported only when their verb runs.
"""

from pathlib import Path

from summit.cli.arguments import Verbs, data_option


def register_verbs(verbs: Verbs) -> None:
    register = verbs.add_parser("register", help="the invitee register: import people")
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
