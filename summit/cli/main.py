"""Argument parsing and dispatch for the `summit` command."""

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from rich.console import Console

from summit import __version__
from summit.cli import commands
from summit.cli.output import consoles
from summit.store import DataDirError

Command = Callable[[argparse.Namespace, Console, Console], int]


def _data_option(parser: argparse.ArgumentParser, *, top: bool = False) -> None:
    # Sub-commands must not reset a --data given before the command name.
    parser.add_argument(
        "--data",
        type=Path,
        metavar="DIR",
        default=None if top else argparse.SUPPRESS,
        help="data directory holding invitees.toml and agendas/ "
        "(default: the current directory if it has invitees.toml, else the bundled sample)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="summit",
        description="Plan a ministerial stakeholder summit and send its invitations.",
    )
    parser.add_argument("--version", action="version", version=f"summit {__version__}")
    _data_option(parser, top=True)
    verbs = parser.add_subparsers(dest="verb", metavar="COMMAND")

    validate = verbs.add_parser("validate", help="check every data file; exit 1 on any error")
    _data_option(validate)
    validate.set_defaults(run=commands.validate)

    show = verbs.add_parser("show", help="a summit's agenda, invitees, outputs and warnings")
    show.add_argument("summit_id", metavar="SUMMIT_ID")
    _data_option(show)
    show.set_defaults(run=commands.show)

    fmt = verbs.add_parser("fmt", help="normalise the layout of the data files, keeping comments")
    fmt.add_argument("--check", action="store_true", help="change nothing; exit 1 if a file would")
    _data_option(fmt)
    fmt.set_defaults(run=commands.fmt)

    schema = verbs.add_parser("schema", help="JSON Schema of the data files, for editors")
    schema.add_argument("--out", type=Path, metavar="DIR", help="write the schema files into DIR")
    schema.set_defaults(run=commands.schema)

    parser.set_defaults(run=commands.overview)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    out, err = consoles()
    run: Command = args.run
    try:
        return run(args, out, err)
    except DataDirError as error:
        err.print(f"summit: {error}", markup=False)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
